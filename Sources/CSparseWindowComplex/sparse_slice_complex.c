// The index-window solver's entry point in the complex build, where it refuses (no LDL^T inertia).
#include "../CSparseWindowAPI/sparse_slice_impl.inc"
