#ifndef RESONANCEKIT_CLAPACK_SHIM_H
#define RESONANCEKIT_CLAPACK_SHIM_H
// LAPACKE's complex type as a plain struct of two doubles, so that Swift can import the complex
// drivers; it has the layout of Fortran's COMPLEX*16 and of swift-numerics' Complex<Double>.
#define LAPACK_COMPLEX_CUSTOM
typedef struct { double re; double im; } resonancekit_complex_double;
typedef struct { float re; float im; } resonancekit_complex_float;
#define lapack_complex_double resonancekit_complex_double
#define lapack_complex_float resonancekit_complex_float
#include <lapacke.h>
#include <cblas.h>
// OpenBLAS' run-time controls (declared again so that a reference cblas.h does not hide them).
char *openblas_get_corename(void);
char *openblas_get_config(void);
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
