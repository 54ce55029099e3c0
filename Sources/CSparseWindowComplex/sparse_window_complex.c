// The window solver compiled against Debian's complex PETSc/SLEPc build (PetscScalar = double _Complex).
#include "sparse_window_api.h"
#include "../CSparseWindowAPI/sparse_window_impl.inc"
