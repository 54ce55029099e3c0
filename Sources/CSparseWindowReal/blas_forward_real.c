// GEMM with one right-hand side forwarded to GEMV in the real worker (see blas_forward_impl.inc).
#include "../CSparseWindowAPI/blas_forward_impl.inc"
