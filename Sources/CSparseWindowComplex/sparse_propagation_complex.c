// The distributed Chebyshev propagation compiled against Debian's complex PETSc/SLEPc build.
#include "sparse_propagation_api.h"
#include "../CSparseWindowAPI/sparse_propagation_impl.inc"
