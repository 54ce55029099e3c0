#!/usr/bin/env python3
"""Cost of one shift-invert realization of the xxz chain, as a stand-in for the sparse engine.

H = J sum (Sx Sx + Sy Sy + Delta Sz Sz) + sum h_n Sz_n, S = sigma/2, periodic, S^z = 0 sector,
h_n uniform in [-W, W]. scipy.sparse.linalg.eigsh with sigma at the middle of the spectrum
(SuperLU factorization of H - sigma, then Lanczos on (H - sigma)^-1) for --nev eigenpairs,
on one thread. Prints one JSON line per L: dimension, wall and CPU seconds (medians of --repeats
draws; CPU time is what a core spends, and is robust on a shared machine), realizations per hour
per core from the CPU time, peak resident memory. SuperLU orders with COLAMD, not by nested
dissection as MUMPS does, so these costs are an upper bound for a MUMPS/SLEPc engine.

Usage: OPENBLAS_NUM_THREADS=1 python3 Benchmarks/shift_invert_reference.py --L 14,16,18 --W 3 --nev 50
"""
import argparse, itertools, json, resource, time
import numpy as np
import scipy, scipy.sparse as sp, scipy.sparse.linalg as sla


def sector_states(L):
    states = [sum(1 << i for i in c) for c in itertools.combinations(range(L), L // 2)]
    return np.array(sorted(states), dtype=np.int64)


def hamiltonian(L, h, delta=1.0, J=1.0):
    states = sector_states(L)
    index = {s: i for i, s in enumerate(states)}
    spins = ((states[:, None] >> np.arange(L)) & 1) * -1.0 + 0.5   # bit set = spin down: Sz = -1/2
    diagonal = spins @ h
    rows, cols, vals = [], [], []
    for n in range(L):
        m = (n + 1) % L
        diagonal += J * delta * spins[:, n] * spins[:, m]
        flip = (1 << n) | (1 << m)
        differ = ((states >> n) & 1) != ((states >> m) & 1)
        for i in np.nonzero(differ)[0]:
            rows.append(i); cols.append(index[int(states[i] ^ flip)]); vals.append(0.5 * J)
    H = sp.coo_matrix((vals, (rows, cols)), shape=(len(states), len(states))).tocsc()
    return H + sp.diags(diagonal, format="csc")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--L", default="14,16")
    p.add_argument("--W", type=float, default=3.0)
    p.add_argument("--nev", type=int, default=50)
    p.add_argument("--repeats", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(1)
    for L in [int(x) for x in a.L.split(",")]:
        times, cpu = [], []
        for _ in range(a.repeats):
            h = rng.uniform(-a.W, a.W, L)
            H = hamiltonian(L, h)
            # The spectrum's middle from its extremes (cheap Lanczos).
            lo = sla.eigsh(H, k=1, which="SA", return_eigenvectors=False)[0]
            hi = sla.eigsh(H, k=1, which="LA", return_eigenvectors=False)[0]
            start, start_cpu = time.perf_counter(), time.process_time()
            sla.eigsh(H, k=a.nev, sigma=(lo + hi) / 2, which="LM")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        t, c = float(np.median(times)), float(np.median(cpu))
        print(json.dumps({"L": L, "dimension": H.shape[0], "nev": a.nev, "wall_seconds": t, "cpu_seconds": c,
                          "realizations_per_hour_per_core": 3600 / c,
                          "peak_rss_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
                          "scipy": scipy.__version__, "numpy": np.__version__}), flush=True)


if __name__ == "__main__":
    main()
