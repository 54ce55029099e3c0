#ifndef RESONANCEKIT_CCERF_SHIM_H
#define RESONANCEKIT_CCERF_SHIM_H
// libcerf (Debian libcerf-dev): the real-argument functions only; complex error functions are
// reached through re_w_of_z / im_w_of_z, which take and return doubles.
double erfcx(double x);
double erfi(double x);
double dawson(double x);
double im_w_of_x(double x);
double re_w_of_z(double x, double y);
double im_w_of_z(double x, double y);
#endif
