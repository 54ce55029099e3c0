// The window solver compiled against Debian's real PETSc/SLEPc build (PetscScalar = double).
#include "sparse_window_api.h"
#include "../CSparseWindowAPI/sparse_window_impl.inc"
