// The flat C interface of the shift-invert window solver (PETSc/SLEPc with MUMPS). One copy is
// compiled against Debian's real PETSc/SLEPc build and one against the complex build; the two
// builds export the same symbols, so a process links exactly one (see the worker executables).
// No PETSc type appears here: indices are 32-bit (PetscInt of Debian's builds), scalars are
// doubles (complex: interleaved real and imaginary parts).
#ifndef SPARSE_WINDOW_API_H
#define SPARSE_WINDOW_API_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Initialises MPI, PETSc and SLEPc (once). Returns 0 on success.
int sparse_window_initialize(int argc, char **argv);
/// Finalises SLEPc, PETSc and MPI.
void sparse_window_finalize(void);
/// This process's rank and the number of ranks in PETSC_COMM_WORLD.
int sparse_window_rank(void);
int sparse_window_size(void);
/// The rows [*row_start, *row_end) this rank owns of a `dimension` x `dimension` matrix (PETSc's
/// default split: contiguous blocks of nearly equal size).
int sparse_window_ownership(int32_t dimension, int32_t *row_start, int32_t *row_end);
/// Scalar type of the linked build: 1 real, 2 complex.
int sparse_window_scalar_kind(void);

/// The rows a rank contributes, in CSR form with global, sorted column indices; the diagonal
/// is always present (shift-invert needs it in the pattern).
typedef struct {
    int32_t dimension;
    int32_t row_start;
    int32_t row_end;
    const int32_t *row_offsets;   // row_end - row_start + 1 entries, row_offsets[0] = 0
    const int32_t *columns;       // row_offsets[last] entries
    const double *values;         // real: one double per entry; complex: two (re, im)
} sparse_window_rows;

enum { SPARSE_WINDOW_SHIFT_INVERT = 0, SPARSE_WINDOW_POLYNOMIAL_FILTER = 1 };

typedef struct {
    double target_density;        // (E - Emin) / (Emax - Emin) in (0, 1)
    int32_t levels;               // eigenpairs wanted, nearest the target
    double tolerance;             // SLEPc convergence tolerance
    double residual_tolerance;    // accepted ||H v - E v|| / ||H||_2
    int32_t use_cholesky;         // 1: Cholesky (real symmetric), 0: LU (complex Hermitian)
    int32_t want_vectors;         // gather the eigenvectors on rank 0
    double memory_limit_bytes;    // refuse when MUMPS' analysis estimates more (total over ranks); <= 0: no limit
    int32_t method;               // SPARSE_WINDOW_SHIFT_INVERT or SPARSE_WINDOW_POLYNOMIAL_FILTER
} sparse_window_settings;

typedef struct {
    double minimum_energy, maximum_energy, target_energy;
    int32_t converged;            // eigenpairs SLEPc reported converged
    int32_t returned;             // levels filled below
    double *eigenvalues;          // caller-allocated, `levels` entries (rank 0)
    double *residuals;            // ||H v - E v|| / ||H||_2, `levels` entries (rank 0)
    double *vectors;              // caller-allocated on rank 0 if want_vectors: dimension x levels,
                                  // column-major (complex: interleaved, 2 doubles per entry)
    double estimated_factor_bytes;   // MUMPS analysis estimate, total over ranks
    double factor_bytes;             // MUMPS memory actually used, total over ranks
    double peak_resident_bytes_max;  // max over ranks of the peak resident set
    double peak_resident_bytes_sum;  // sum over ranks
    double seconds_bounds;           // Krylov-Schur for Emin and Emax
    double seconds_analysis;         // MUMPS analysis (ordering, symbolic factorization)
    double seconds_factorization;    // MUMPS numerical factorization
    double seconds_solve;            // the Krylov-Schur iteration (shift-invert: its triangular solves)
    double seconds_vectors;          // residuals and gathering the eigenvectors on rank 0
    int64_t matrix_nonzeros;
    char message[512];            // on failure: a one-line reason
} sparse_window_result;

/// Assembles the distributed matrix from each rank's rows, finds the spectral bounds with
/// Krylov-Schur, then the `levels` eigenpairs nearest Emin + target_density (Emax - Emin) by
/// shift-and-invert with a MUMPS factorization (or a polynomial filter). Collective. Returns 0
/// on success; otherwise `message` says why (the residual check failing is a failure).
int sparse_window_solve(const sparse_window_rows *rows, const sparse_window_settings *settings,
                        sparse_window_result *result);

#ifdef __cplusplus
}
#endif

#endif
