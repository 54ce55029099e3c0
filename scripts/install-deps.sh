#!/usr/bin/env bash
# Installs the system packages ResonanceKit needs (Debian/Ubuntu), only those missing.
# Idempotent and silent when everything is present.
set -euo pipefail
# Linear algebra and special functions; figures; PETSc/SLEPc (real and complex builds) with MUMPS
# and OpenMPI for the sparse engines and distributed runs (libmumps-ptscotch: MUMPS with SCOTCH
# orderings, which the shift-invert worker loads ahead of the PORD-only build PETSc links); HDF5
# (and h5dump) for bulk data; headless Chromium to check the HTML report (images load, links
# resolve) and to screenshot it.
packages=(libopenblas-dev liblapacke-dev libcerf-dev gnuplot-nox
    petsc-dev slepc-dev libslepc-real-dev libpetsc-complex-dev libslepc-complex-dev libmumps-ptscotch-5.5
    libopenmpi-dev openmpi-bin libhdf5-dev hdf5-tools pkg-config chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: apt-get not found; please install: ${missing[*]}" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: not root and no sudo; please install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
