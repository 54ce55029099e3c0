#ifndef RESONANCEKIT_CHDF5_SHIM_H
#define RESONANCEKIT_CHDF5_SHIM_H
// HDF5, serial build (Debian's libhdf5-dev). Its predefined type and property-list identifiers
// (H5T_NATIVE_DOUBLE, H5P_DEFAULT, ...) are macros over library globals; these functions return them.
#include <hdf5.h>
static inline hid_t resonancekit_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t resonancekit_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t resonancekit_h5t_native_uint64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t resonancekit_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t resonancekit_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t resonancekit_h5t_std_u64le(void) { return H5T_STD_U64LE; }
static inline hid_t resonancekit_h5t_c_s1(void) { return H5T_C_S1; }
static inline hid_t resonancekit_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t resonancekit_h5s_all(void) { return H5S_ALL; }
static inline hid_t resonancekit_h5p_link_create(void) { return H5P_LINK_CREATE; }
static inline unsigned resonancekit_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned resonancekit_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
#endif
