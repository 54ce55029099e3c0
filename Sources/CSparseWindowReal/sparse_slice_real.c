// The index-window solver (spectrum slicing) compiled against Debian's real PETSc/SLEPc build.
#include "../CSparseWindowAPI/sparse_slice_impl.inc"
