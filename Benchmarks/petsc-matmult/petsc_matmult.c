/* Times PETSc's MatMult (complex AIJ, distributed over the MPI ranks by contiguous rows) on a
 * matrix written by `resonance-benchmark dynamics` as compressed sparse rows:
 *   int64 D, int64 nnz, int32 offsets[D + 1], int32 columns[nnz], double values[2 nnz] (re, im).
 * Prints one line: ranks, dimension, nonzeros, median seconds of one MatMult (over 7, first dropped).
 * Usage: mpirun -n P petsc_matmult FILE */
#include <petscmat.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
    if (argc < 2) { PetscCall(PetscPrintf(PETSC_COMM_WORLD, "usage: petsc_matmult FILE\n")); PetscCall(PetscFinalize()); return 1; }
    PetscMPIInt rank, size;
    MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
    MPI_Comm_size(PETSC_COMM_WORLD, &size);
    FILE *f = fopen(argv[1], "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", argv[1]); MPI_Abort(PETSC_COMM_WORLD, 1); }
    long long d, nnz;
    if (fread(&d, 8, 1, f) != 1 || fread(&nnz, 8, 1, f) != 1) MPI_Abort(PETSC_COMM_WORLD, 1);
    int *offsets = malloc(sizeof(int) * (d + 1));
    if (fread(offsets, 4, d + 1, f) != (size_t)(d + 1)) MPI_Abort(PETSC_COMM_WORLD, 1);
    long long lo = d * rank / size, hi = d * (rank + 1) / size;
    long long first = offsets[lo], last = offsets[hi];
    int *columns = malloc(sizeof(int) * (last - first + 1));
    PetscScalar *values = malloc(sizeof(PetscScalar) * (last - first + 1));
    fseek(f, 16 + 4 * (d + 1) + 4 * first, SEEK_SET);
    if (fread(columns, 4, last - first, f) != (size_t)(last - first)) MPI_Abort(PETSC_COMM_WORLD, 1);
    fseek(f, 16 + 4 * (d + 1) + 4 * nnz + 16 * first, SEEK_SET);
    if (fread(values, 16, last - first, f) != (size_t)(last - first)) MPI_Abort(PETSC_COMM_WORLD, 1);
    fclose(f);
    PetscInt *i = malloc(sizeof(PetscInt) * (hi - lo + 1)), *j = malloc(sizeof(PetscInt) * (last - first + 1));
    for (long long r = lo; r <= hi; r++) i[r - lo] = offsets[r] - first;
    for (long long k = 0; k < last - first; k++) j[k] = columns[k];
    Mat a;
    PetscCall(MatCreateMPIAIJWithArrays(PETSC_COMM_WORLD, (PetscInt)(hi - lo), PETSC_DECIDE, (PetscInt)d, (PetscInt)d, i, j, values, &a));
    Vec x, y;
    PetscCall(MatCreateVecs(a, &x, &y));
    PetscCall(VecSet(x, 1.0));
    double times[7];
    for (int rep = 0; rep < 7; rep++) {
        MPI_Barrier(PETSC_COMM_WORLD);
        double start = MPI_Wtime();
        PetscCall(MatMult(a, x, y));
        MPI_Barrier(PETSC_COMM_WORLD);
        times[rep] = MPI_Wtime() - start;
    }
    qsort(times + 1, 6, sizeof(double), compare);
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "petsc-matmult ranks %d dimension %lld nonzeros %lld seconds %.6f\n", size, d, nnz, (times[3] + times[4]) / 2));
    PetscCall(MatDestroy(&a));
    PetscCall(VecDestroy(&x));
    PetscCall(VecDestroy(&y));
    PetscCall(PetscFinalize());
    return 0;
}
