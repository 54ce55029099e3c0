#!/bin/sh
# Builds .build/petsc_matmult against Debian's complex PETSc (see docs/dynamics.md).
set -e
cd "$(dirname "$0")/../.."
mkdir -p .build
mpicc -O2 -o .build/petsc_matmult Benchmarks/petsc-matmult/petsc_matmult.c \
  -I/usr/lib/petscdir/petsc3.18/x86_64-linux-gnu-complex/include -lpetsc_complex
