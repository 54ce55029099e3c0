// The declarations of include/sparse_window_api.h are implemented twice, by CSparseWindowReal and
// CSparseWindowComplex (sparse_window_impl.inc compiled against each PETSc/SLEPc build); a worker
// executable links exactly one of them. This target only carries the header.
