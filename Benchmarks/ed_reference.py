#!/usr/bin/env python3
"""numpy/scipy reference for the ED benchmark: builds and diagonalises (with eigenvectors) the same
models as `resonance-benchmark ed`, vectorised the way a careful numpy user would write them, and
prints the median times as JSON. Thread count: set OPENBLAS_NUM_THREADS / OMP_NUM_THREADS in the
environment before starting (the Swift benchmark does).

Conventions as in SpinChains: site n = bit n, bit 0 = spin up (sigma^z = +1), probe = bit L.
Fields are drawn with numpy's generator: timings do not depend on the particular disorder.

usage: ed_reference.py CASE --L L [--repeats N]
  CASE: xxz-sector (S^z = 0), xxz-full, heisenberg-o3-probe, floquet-o3-probe
"""
import argparse
import json
import statistics
import time

import numpy as np
import scipy.linalg as sla


def popcount(a):
    a = a.astype(np.int64)
    count = np.zeros_like(a)
    while np.any(a):
        count += a & 1
        a >>= 1
    return count


def xxz_matrix(L, h, states, J=1.0, delta=1.0):
    """H = J sum (SxSx + SySy + Delta SzSz) + sum h_n Sz_n, periodic, on the given sorted states."""
    D = len(states)
    H = np.zeros((D, D))
    index = {int(s): i for i, s in enumerate(states)}
    lookup = np.vectorize(lambda s: index.get(int(s), -1))
    z = 1 - 2 * ((states[:, None] >> np.arange(L)[None, :]) & 1)   # sigma^z eigenvalues, D x L
    diag = (h[None, :] * z).sum(axis=1) / 2
    cols = np.arange(D)
    for n in range(L):
        m = (n + 1) % L
        diag += J * delta / 4 * z[:, n] * z[:, m]
        differ = z[:, n] != z[:, m]
        flipped = states[differ] ^ ((1 << n) | (1 << m))
        rows = lookup(flipped)
        H[rows, cols[differ]] += J / 2
    H[cols, cols] += diag
    return H


def pauli_sum_matrix(L, terms):
    """Dense complex matrix of sum_k c_k P_k on the full 2^L space; P_k = (xmask, ymask, zmask)."""
    D = 1 << L
    s = np.arange(D)
    H = np.zeros((D, D), dtype=complex)
    for c, (x, y, zm) in terms:
        target = s ^ (x | y)
        sign = 1 - 2 * (popcount(s & (y | zm)) & 1)
        phase = (1j) ** bin(y).count("1") * sign
        H[target, s] += c * phase
    return H


def heisenberg_probe_terms(L, J, W, v, h):
    terms = []
    for n in range(L):
        m = (n + 1) % L
        bits = (1 << n) | (1 << m)
        terms += [(J / 2, (bits, 0, 0)), (J / 2, (0, bits, 0)), (J / 2, (0, 0, bits))]
        terms += [(W / 2 * v[n, 0], (1 << n, 0, 0)), (W / 2 * v[n, 1], (0, 1 << n, 0)), (W / 2 * v[n, 2], (0, 0, 1 << n))]
    P = 1 << L
    terms += [(h / 2, (0, 0, P)), (J, (1 | P, 0, 0))]
    return terms


def floquet_probe_operator(L, J, W, Omega, v, hJ_eig):
    T = 2 * np.pi / Omega
    E, Q = hJ_eig
    A = (Q * np.exp(-1j * E * T / 2)) @ Q.T                      # exp(-i H_J T/2)
    D = 1 << L
    U = A
    for n in range(L):                                           # right-multiply site gates
        vn = v[n]
        r = np.linalg.norm(vn)
        phi = W * T / 2 * r
        nx, ny, nz = vn / r
        c, s = np.cos(phi), np.sin(phi)
        g = np.array([[c - 1j * s * nz, -1j * s * nx - s * ny], [-1j * s * nx + s * ny, c + 1j * s * nz]])
        U = U.reshape(D, D >> (n + 1), 2, 1 << n)
        U = np.einsum("iajb,jk->iakb", U, g).reshape(D, D)
    half = W * T / 2
    U0 = np.zeros((2 * D, 2 * D), dtype=complex)
    U0[:D, :D] = U * np.exp(-1j * half)
    U0[D:, D:] = U * np.exp(1j * half)
    # U_1 = cos(TJ) - i sin(TJ) sigma^x_0 sigma^x_P: rows k and k ^ (1 | probe) mix.
    perm = np.arange(2 * D) ^ (1 | D)
    return np.cos(T * J) * U0 - 1j * np.sin(T * J) * U0[perm, :]


def heisenberg_coupling_eig(L, J):
    terms = []
    for n in range(L):
        bits = (1 << n) | (1 << ((n + 1) % L))
        terms += [(J, (bits, 0, 0)), (J, (0, bits, 0)), (J, (0, 0, bits))]
    return np.linalg.eigh(pauli_sum_matrix(L, terms).real)


def run(case, L, rng):
    if case in ("xxz-sector", "xxz-full"):
        h = rng.uniform(-3, 3, L)
        t0 = time.perf_counter()
        all_states = np.arange(1 << L)
        states = all_states[popcount(all_states) == L // 2] if case == "xxz-sector" else all_states
        H = xxz_matrix(L, h, states)
        t1 = time.perf_counter()
        E, V = np.linalg.eigh(H)                                 # LAPACK dsyevd
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1, len(states), "numpy.linalg.eigh (dsyevd)"
    v = rng.normal(0, np.sqrt(1 / 3), (L, 3))
    if case == "heisenberg-o3-probe":
        t0 = time.perf_counter()
        H = pauli_sum_matrix(L + 1, heisenberg_probe_terms(L, 1.0, 3.0, v, 3.0))
        t1 = time.perf_counter()
        E, V = sla.eigh(H, driver="evr", overwrite_a=True, check_finite=False)  # LAPACK zheevr
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1, H.shape[0], "scipy.linalg.eigh driver=evr (zheevr)"
    if case == "floquet-o3-probe":
        global _hj_cache
        t0 = time.perf_counter()
        if _hj_cache.get(L) is None:                             # H_J diagonalised once, as in Swift
            _hj_cache[L] = heisenberg_coupling_eig(L, 1.0)
        U = floquet_probe_operator(L, 1.0, 3.0, 2 * np.pi, v, _hj_cache[L])
        t1 = time.perf_counter()
        Tm, Z = sla.schur(U, output="complex", overwrite_a=True, check_finite=False)   # LAPACK zgees
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1, U.shape[0], "scipy.linalg.schur output=complex (zgees)"
    raise SystemExit(f"unknown case {case}")


_hj_cache = {}

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("case")
    p.add_argument("--L", type=int, required=True)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    # Warm-up: the first LAPACK call pays for OpenBLAS' thread start-up and page faults.
    warm = rng.normal(size=(128, 128))
    np.linalg.eigh(warm + warm.T), sla.eigh(warm + 1j * warm.T + (warm + 1j * warm.T).conj().T, driver="evr")
    sla.schur(warm + 1j * warm, output="complex")
    builds, diags, totals = [], [], []
    for _ in range(a.repeats):
        b, d, D, method = run(a.case, a.L, rng)
        builds.append(b), diags.append(d), totals.append(b + d)
    print(json.dumps({"case": a.case, "L": a.L, "dimension": D, "method": method,
                      "build_s": statistics.median(builds), "diagonalise_s": statistics.median(diags),
                      "total_s": statistics.median(totals), "repeats": a.repeats,
                      "numpy": np.__version__, "scipy": __import__("scipy").__version__}))
