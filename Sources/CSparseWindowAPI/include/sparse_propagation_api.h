// The flat C interface of the distributed Chebyshev propagation (PETSc): the Hamiltonian as a
// distributed AIJ matrix, the states `phi` and `chi` of C(t) as distributed vectors, our own
// Chebyshev recurrence on them with MatMult. Compiled, like the window solver, once against each
// PETSc build (CSparseWindowReal, CSparseWindowComplex). In the real build a complex vector is
// held as two real vectors (real and imaginary part), which a real H maps separately.
#ifndef SPARSE_PROPAGATION_API_H
#define SPARSE_PROPAGATION_API_H

#include <stdint.h>
#include "sparse_window_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sparse_propagation sparse_propagation;

typedef struct {
    double minimum_energy, maximum_energy;   // Krylov-Schur extremes of H (relative residual 1e-8)
    int64_t matrix_nonzeros;
    int64_t products;                        // H times a complex vector (one per vector per order)
    double seconds_bounds;                   // the two Krylov-Schur solves
    double seconds_propagation;              // the Chebyshev expansions
    double peak_resident_bytes_max;          // max over ranks of the peak resident set
    char message[512];                       // on failure: a one-line reason
} sparse_propagation_info;

/// Assembles H from each rank's rows (as `sparse_window_solve`) and finds its extreme eigenvalues.
/// Collective. Returns 0 on success; otherwise `info->message` says why.
int sparse_propagation_create(const sparse_window_rows *rows, sparse_propagation **out, sparse_propagation_info *info);
/// Sets phi = psi and chi = sigma^z_site psi from this rank's rows of psi (interleaved complex);
/// `*norm_squared` = <psi|psi> over all ranks. Collective.
int sparse_propagation_load(sparse_propagation *p, const double *psi, int32_t site, double *norm_squared);
/// phi <- U phi, chi <- U chi with U = (phase sum_n c_n T_n((H - center) / half_width))^steps,
/// `coefficients` interleaved complex c_0 ... c_{order-1}. Collective.
int sparse_propagation_expand(sparse_propagation *p, const double *coefficients, int32_t order, double center,
                              double half_width, int32_t steps, double phase_re, double phase_im);
/// Re <phi| sigma^z_site |chi> over all ranks. Collective.
int sparse_propagation_correlation(sparse_propagation *p, int32_t site, double *value);
/// Fills the counters and timings of `info` (collective: the peak resident set is reduced).
int sparse_propagation_statistics(sparse_propagation *p, sparse_propagation_info *info);
void sparse_propagation_destroy(sparse_propagation *p);

#ifdef __cplusplus
}
#endif

#endif
