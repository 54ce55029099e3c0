#ifndef RESONANCEKIT_CMPI_SHIM_H
#define RESONANCEKIT_CMPI_SHIM_H
// Open MPI (Debian's libopenmpi-dev). Its handles (MPI_COMM_WORLD, MPI_INT, ...) are macros over
// the addresses of global objects, which Swift cannot import; these functions return them.
#include <mpi.h>
static inline MPI_Comm resonancekit_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype resonancekit_mpi_int(void) { return MPI_INT; }
static inline MPI_Datatype resonancekit_mpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Op resonancekit_mpi_max(void) { return MPI_MAX; }
static inline MPI_Op resonancekit_mpi_sum(void) { return MPI_SUM; }
static inline MPI_Datatype resonancekit_mpi_int64(void) { return MPI_INT64_T; }
static inline MPI_Errhandler resonancekit_mpi_errors_return(void) { return MPI_ERRORS_RETURN; }
#endif
