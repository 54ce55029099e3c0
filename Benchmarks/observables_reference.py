#!/usr/bin/env python3
"""Reference implementation (numpy/scipy) of the exact-numerics observables of one xxz
realization, for throughput comparisons with `resonance ed run` (resonance-benchmark observables).

Same physics and conventions as ResonanceKit: H = J sum (SxSx + SySy + Delta SzSz) + sum h_n Sz_n,
S = sigma/2, periodic, S^z sector, h_n uniform in [-W, W]. Per realization: eigh with vectors,
<r> (middle third), S(omega) of sigma^z_0 on log bins + diagonal weight, Czz(t) from the weights,
varrho(|V|) between two mid-spectrum windows, rho vbar, fidelity susceptibility, half-chain and
two-site entanglement of the middle third. Prints JSON: seconds per realization and realizations/hour.

    python3 observables_reference.py --L 14 --W 1 --realizations 3 [--threads 2]
"""
import argparse, json, os, sys, time
from itertools import combinations


def describe():
    """numpy's and scipy's versions and the OpenBLAS each was built with (and, with threadpoolctl,
    the loaded libraries' versions and kernels)."""
    import numpy as np
    import scipy
    import scipy.linalg  # loads scipy's LAPACK

    def blas(module):
        try:
            config = module.show_config(mode="dicts")
            b = config["Build Dependencies"]["blas"]
            return {"name": b.get("name"), "version": b.get("version"), "configuration": " ".join(str(b.get("openblas configuration", "")).split())}
        except Exception as error:  # older releases: no dicts mode
            return {"error": str(error)}

    info = {"numpy": np.__version__, "numpy_blas": blas(np), "scipy": scipy.__version__, "scipy_blas": blas(scipy)}
    try:
        import threadpoolctl
        info["threadpoolctl"] = [{k: d.get(k) for k in ("internal_api", "version", "architecture", "filepath")}
                                 for d in threadpoolctl.threadpool_info()]
    except ImportError:
        info["threadpoolctl"] = None
    print(json.dumps(info))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--L", type=int, default=14)
    p.add_argument("--W", type=float, default=1.0)
    p.add_argument("--realizations", type=int, default=2)
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--describe", action="store_true",
                   help="print numpy's and scipy's versions and BLAS configurations as JSON and exit (run with OPENBLAS_VERBOSE=2 to see the kernel on stderr)")
    a = p.parse_args()
    if a.describe:
        describe()
        return
    if a.threads:
        for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[v] = str(a.threads)
    import numpy as np
    import scipy.linalg as sl

    L, N = a.L, a.L // 2
    states = np.array(sorted(sum(1 << i for i in c) for c in combinations(range(L), N)), dtype=np.int64)
    D = len(states)
    index = {int(s): i for i, s in enumerate(states)}
    bits = ((states[:, None] >> np.arange(L)[None, :]) & 1).astype(np.float64)
    sz = 0.5 * (1 - 2 * bits)                      # S^z_n of each basis state
    bonds = [(n, (n + 1) % L) for n in range(L)]
    # Off-diagonal flips (S+S- + h.c.)/2 between antiparallel neighbours.
    rows, cols = [], []
    for i, s in enumerate(states):
        for (m, n) in bonds:
            if ((s >> m) & 1) != ((s >> n) & 1):
                rows.append(index[int(s ^ ((1 << m) | (1 << n)))]); cols.append(i)
    rows, cols = np.array(rows), np.array(cols)
    zz = sum(sz[:, m] * sz[:, n] for (m, n) in bonds)
    a0 = 1 - 2 * bits[:, 0]                        # sigma^z_0 diagonal
    omega_edges = 1e-5 * 10 ** (np.arange(0, 43) / 6)
    v_edges = 1e-10 * 10 ** (np.arange(0, 45) / 4)
    times = np.concatenate([[0], 0.1 * 10 ** (np.arange(0, 41) / 8)])
    chi_edges = np.linspace(-10, 70, 81)
    half = L // 2
    rng = np.random.default_rng(a.seed)
    per = []
    for k in range(a.realizations):
        t0 = time.perf_counter()
        h = rng.uniform(-a.W, a.W, L)
        H = np.zeros((D, D))
        H[rows, cols] += 0.5
        H[np.arange(D), np.arange(D)] = zz + sz @ h
        E, V = sl.eigh(H, driver="evd")
        lo, hi = D // 3, D - D // 3
        d = np.diff(E[lo:hi]); r = np.minimum(d[:-1], d[1:]) / np.maximum(d[:-1], d[1:])
        M = V.T @ (a0[:, None] * V)
        w = M ** 2 / D
        om = np.abs(E[None, :] - E[:, None])
        diag = np.trace(w)
        off = ~np.eye(D, dtype=bool)
        S, _ = np.histogram(om[off], bins=omega_edges, weights=w[off])
        S /= 2 * np.diff(omega_edges)
        C, Sn = np.cos(np.outer(E, times)), np.sin(np.outer(E, times))
        czz = np.einsum("at,at->t", C, w @ C) + np.einsum("at,at->t", Sn, w @ Sn)
        n = max(2, round(0.05 * D))
        w1 = slice(round(0.45 * D) - n // 2, round(0.45 * D) - n // 2 + n)
        w2 = slice(round(0.55 * D) - n // 2, round(0.55 * D) - n // 2 + n)
        pv, _ = np.histogram(np.abs(M[w1, w2]).ravel(), bins=v_edges)
        mid = np.arange(lo, hi)
        absM = np.abs(M[mid])
        near = (om[mid] <= 0.25); near[np.arange(len(mid)), mid] = False
        rho_vbar = np.mean((absM * near).sum(axis=1) / 0.5)
        with np.errstate(divide="ignore"):
            inv = np.where(om[mid] > 0, 1 / om[mid] ** 2, 0)
        chi = np.log((M[mid] ** 2 * inv).sum(axis=1))
        hchi, _ = np.histogram(chi, bins=chi_edges)
        ent_half, ent_two = [], []
        for j in mid:
            psi = np.zeros(1 << L); psi[states] = V[:, j]
            for cut, out in ((half, ent_half), (2, ent_two)):
                s = np.linalg.svd(psi.reshape(1 << (L - cut), 1 << cut), compute_uv=False) ** 2
                s = s[s > 1e-300]; out.append(-(s * np.log(s)).sum())
        per.append(time.perf_counter() - t0)
        _ = (r.mean(), diag, S, czz, pv, rho_vbar, hchi, np.mean(ent_half), np.mean(ent_two))
    mean = sum(per) / len(per)
    print(json.dumps({"L": L, "dimension": D, "realizations": a.realizations, "seconds_per_realization": mean,
                      "realizations_per_hour": 3600 / mean, "numpy": np.__version__, "threads": a.threads}))


if __name__ == "__main__":
    main()
