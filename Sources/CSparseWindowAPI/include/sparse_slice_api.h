// The flat C interface of the index-window solver: every eigenpair of a real symmetric sparse
// matrix whose index (in ascending order) lies in [lower_index, upper_index), found by SLEPc's
// spectrum slicing (Krylov-Schur, shift-and-invert with MUMPS LDL^T factors, whose inertia counts
// the eigenvalues below each shift). Implemented in sparse_slice_impl.inc, compiled with each
// PETSc/SLEPc build; the complex build refuses (its LU factor of a Hermitian matrix has no inertia).
#ifndef SPARSE_SLICE_API_H
#define SPARSE_SLICE_API_H

#include <stdint.h>
#include "sparse_window_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int32_t lower_index;          // first wanted index (0-based, ascending eigenvalues)
    int32_t upper_index;          // one past the last wanted index
    double lower_pad;             // also every eigenvalue within lower_pad below E[lower_index] ...
    double upper_pad;             // ... and within upper_pad above E[upper_index - 1]
    int32_t spare;                // the model places the interval's ends this many states beyond the window and its pads (>= 1)
    int32_t states_per_shift;     // Krylov-Schur's nev at each shift of the slicing (0: 100)
    double tolerance;             // SLEPc convergence tolerance
    double residual_tolerance;    // accepted ||H v - E v|| / ||H||_inf
    double memory_limit_bytes;    // refuse when MUMPS' analysis estimates more; <= 0: no limit
} sparse_slice_settings;

typedef struct {
    int32_t first_index;          // index of the first returned eigenpair in the whole spectrum
    int32_t returned;             // eigenpairs returned: every one in [lower, upper] below
    double lower, upper;          // the sliced interval
    double *eigenvalues;          // malloc'ed, `returned` entries, ascending (free with sparse_slice_release)
    double *residuals;            // ||H v - E v|| / ||H||_inf per pair (malloc'ed)
    double *vectors;              // malloc'ed, dimension x returned, column-major
    double norm_bound;            // ||H||_inf, an upper bound of ||H||_2
    int32_t factorizations;       // further slices that grew the interval (the model missed the window's edge)
    int32_t shifts;               // shifts the slicing used
    double estimated_factor_bytes;
    double seconds_search;        // the matrix, its moments and MUMPS' analysis
    double seconds_solve;         // the slicing
    double seconds_vectors;       // joining the slices' eigenpairs
    int64_t matrix_nonzeros;
    char message[512];            // on failure: a one-line reason
} sparse_slice_result;

/// One process only (PETSC_COMM_WORLD of size 1). Returns 0 on success; otherwise `message`
/// says why.
int sparse_slice_solve(const sparse_window_rows *rows, const sparse_slice_settings *settings,
                       sparse_slice_result *result);
/// Frees the arrays of a result.
void sparse_slice_release(sparse_slice_result *result);

#ifdef __cplusplus
}
#endif

#endif
