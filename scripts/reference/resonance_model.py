#!/usr/bin/env python3
"""Reference values for the resonance model (RM): ln F1(r) and the disorder-averaged
correlators [Czz(t)] of the Floquet and Hamiltonian RM.

Rerun from the package root (deterministic; ~2-3 minutes on one core, mpmath 1.3):

    python3 scripts/reference/resonance_model.py            # writes all four tables
    python3 scripts/reference/resonance_model.py --quick    # skips the slow cross-checks

It writes, in Tests/ResonanceModelTests/Reference/:

  hamiltonian_log_f1.csv       inv_xi,lambda,r,log_f1
  floquet_czz_t_critical.csv   lambda,L,J,t,czz
  floquet_czz_t_general.csv    inv_xi,lambda,L,J,t,czz
  hamiltonian_czz_t.csv        inv_xi,lambda,L,J,t,czz

Conventions. Every input (inv_xi, lambda, r, L, J, t) is a double, written with Python's
repr (round-trips exactly), and the reference is computed from that exact binary value, with
xi = 1/inv_xi taken exactly (not rounded to a double). Values are written with 20 significant
digits; inf/-inf where the value lies beyond the double range.

  ln F1 (eq. 91):  xi > 0:  -sqrt(pi xi / (4 Lambda)) erf(sqrt(r/xi))
                   xi < 0:  -sqrt(-pi xi / (4 Lambda)) erfi(sqrt(-r/xi))
                   1/xi = 0: -sqrt(r/Lambda)
  [Czz(t)] = F(L/2) + int_0^{L/2} p(r) cos(v(r) t) dr, with p = -dF/dr, so [Czz(0)] = 1:
    Floquet:     F(r) = exp(-(xi/Lambda)(1 - exp(-r/xi))), p = exp(-r/xi) F(r) / Lambda
                 (1/xi = 0: F = exp(-r/Lambda)), v(r) = J exp(-r (1/xi + 2 ln 2)).
    Hamiltonian (eq. 92): F = F1 of eq. (91), p = exp(-r/xi) F1(r) / sqrt(4 Lambda r),
                 v(r) = J exp(-r (1/xi + 2 ln 2)).

Methods.
  * Critical Floquet (1/xi = 0): with u = exp(-2 r ln 2), a = 1/(2 ln2 Lambda), u_c = 2^-L,
    int = a int_{u_c}^1 u^(a-1) cos(J t u) du = a Re[(-i w)^-a Gamma(a; -i w u_c, -i w)],
    w = J t, with mpmath.gammainc of complex argument at 50 digits (checked unchanged at 70
    digits); rows with t <= 1e3 are cross-checked against the quadrature below.
  * General Floquet and Hamiltonian: Gauss-Legendre quadrature (24 nodes per piece, 32-digit
    arithmetic) on the real r axis (Hamiltonian: on s = sqrt(r), which removes the 1/sqrt(r)
    singularity: p dr = exp(-s^2/xi) F1(s^2) / sqrt(Lambda) ds), split at every zero of
    cos(v(r) t) and into pieces no longer than 0.25 in r (or s). Checks: the rows with t <= 100
    are recomputed with 48 nodes per piece, one row per table with t = 1e4 with mpmath's
    adaptive quad (tanh-sinh), and [Czz(0)] = 1 is verified for every parameter set.
"""
import os
import sys
import time

import mpmath as mp
from mpmath.calculus.quadrature import GaussLegendre

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUTDIR = os.path.join(ROOT, "Tests", "ResonanceModelTests", "Reference")

QUAD_DPS = 32
DIGITS = 20
DBL_MAX = sys.float_info.max
MAX_PIECE = mp.mpf("0.25")

mp.mp.dps = QUAD_DPS


# ----------------------------------------------------------------------------- formatting

def fmt(v):
    v = mp.mpf(v)
    if v == 0:
        return "0"
    if abs(v) > DBL_MAX:
        return "inf" if v > 0 else "-inf"
    return mp.nstr(v, DIGITS, strip_zeros=False, min_fixed=1, max_fixed=0)


def write(name, header_lines, columns, rows):
    path = os.path.join(OUTDIR, name)
    with open(path, "w") as f:
        for h in header_lines:
            f.write("# " + h + "\n" if h else "#\n")
        f.write(",".join(columns) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print("wrote %s (%d rows)" % (path, len(rows)), flush=True)


COMMON_HEADER = [
    "Made by scripts/reference/resonance_model.py (mpmath %s); rerun from the package root with" % mp.__version__,
    "`python3 scripts/reference/resonance_model.py`. Inputs are doubles (exact binary values; xi = 1/inv_xi",
    "taken exactly); results have %d significant digits, inf/-inf beyond the double range." % DIGITS,
]


# ----------------------------------------------------------------------------- ln F1 (eq. 91)

def log_f1(inv_xi, lam, r):
    """ln F1(r) of eq. (91), from exact mpf inputs."""
    if r == 0:
        return mp.mpf(0)
    if inv_xi == 0:
        return -mp.sqrt(r / lam)
    xi = 1 / inv_xi
    if inv_xi > 0:
        return -mp.sqrt(mp.pi * xi / (4 * lam)) * mp.erf(mp.sqrt(r * inv_xi))
    return -mp.sqrt(-mp.pi * xi / (4 * lam)) * mp.erfi(mp.sqrt(-r * inv_xi))


def table_log_f1():
    inv_xis = [-2.0, -1.0, -0.3, -1e-3, -1e-8, -1e-12, 0.0, 1e-12, 1e-8, 1e-3, 0.3, 1.0, 3.0]
    lams = [0.5, 10.0, 1000.0]
    rows = []
    with mp.workdps(40):
        for ix in inv_xis:
            rs = [1e-6, 0.5, 1.0, 5.0, 30.0]
            if ix != 0:
                rs += [q / abs(ix) for q in (50.0, 200.0, 700.0, 710.0)]
            for lam in lams:
                for r in rs:
                    v = log_f1(mp.mpf(ix), mp.mpf(lam), mp.mpf(r))
                    with mp.workdps(60):  # stability check
                        v2 = log_f1(mp.mpf(ix), mp.mpf(lam), mp.mpf(r))
                    assert fmt(v) == fmt(v2), (ix, lam, r, v, v2)
                    rows.append([repr(ix), repr(lam), repr(r), fmt(v)])
    header = [
        "ln F1(r) of the Hamiltonian resonance model, eq. (91), with xi = 1/inv_xi:",
        "  xi > 0: -sqrt(pi xi/(4 lambda)) erf(sqrt(r/xi)); xi < 0: -sqrt(-pi xi/(4 lambda)) erfi(sqrt(-r/xi));",
        "  inv_xi = 0: -sqrt(r/lambda).",
        "Grid: inv_xi in {-2,-1,-0.3,-1e-3,-1e-8,-1e-12,0,1e-12,1e-8,1e-3,0.3,1,3}, lambda in {0.5,10,1000},",
        "r in {1e-6,0.5,1,5,30} and r = q/|inv_xi| for q in {50,200,700,710} (inv_xi != 0); q = 710 puts",
        "sqrt(-r/xi) = 26.646 inside the window 26.642 < x < 26.713 where libcerf 1.3's erfi(x) returns inf",
        "although erfi(x) < DBL_MAX.",
        "Computed with mpmath at 40 digits (unchanged at 60). -inf: ln F1 below -DBL_MAX (xi < 0, huge r), i.e.",
        "F1 = 0 and ln F1 not representable.",
    ] + COMMON_HEADER
    write("hamiltonian_log_f1.csv", header, ["inv_xi", "lambda", "r", "log_f1"], rows)


# ----------------------------------------------------------------------------- quadrature

_GL = {}


def gl_nodes(degree):
    """Gauss-Legendre nodes/weights on [-1, 1]: 3*2^(degree-1) points, at the current precision."""
    key = (degree, mp.mp.prec)
    if key not in _GL:
        _GL[key] = GaussLegendre(mp.mp).calc_nodes(degree, mp.mp.prec)
    return _GL[key]


def pieces(breaks, max_len):
    """Sorted breakpoints -> list of (a, b) pieces no longer than max_len."""
    out = []
    for a, b in zip(breaks[:-1], breaks[1:]):
        n = max(1, int(mp.ceil((b - a) / max_len)))
        h = (b - a) / n
        for k in range(n):
            out.append((a + k * h, b if k == n - 1 else a + (k + 1) * h))
    return out


def gl_integrate(f, segs, degree=4):
    nodes = gl_nodes(degree)
    total = mp.mpf(0)
    for a, b in segs:
        m, h = (a + b) / 2, (b - a) / 2
        total += h * mp.fsum(w * f(m + h * x) for x, w in nodes)
    return total


def cos_zeros_r(c, omega, R):
    """r in (0, R) where cos(omega exp(-c r)) = 0, ascending (c > 0, omega > 0)."""
    assert c > 0
    if omega == 0:
        return []
    th_max, th_min = omega, omega * mp.exp(-c * R)
    k_lo = int(mp.ceil(th_min / mp.pi - mp.mpf(1) / 2))
    k_hi = int(mp.floor(th_max / mp.pi - mp.mpf(1) / 2))
    zs = [mp.log(omega / ((k + mp.mpf(1) / 2) * mp.pi)) / c for k in range(k_hi, k_lo - 1, -1)]
    return [z for z in zs if 0 < z < R]


class Model:
    """F(r), p(r) (integrand in the integration variable), v(r) for one parameter set."""

    def __init__(self, kind, inv_xi, lam, L, J):
        self.kind, self.inv_xi, self.lam, self.R, self.J = kind, mp.mpf(inv_xi), mp.mpf(lam), mp.mpf(L) / 2, mp.mpf(J)
        self.c = self.inv_xi + 2 * mp.log(2)  # v(r) = J exp(-c r)
        assert self.c > 0

    def F(self, r):
        ix, lam = self.inv_xi, self.lam
        if self.kind == "hamiltonian":
            return mp.exp(log_f1(ix, lam, r))
        if ix == 0:
            return mp.exp(-r / lam)
        # -(xi/lambda)(1 - exp(-r/xi)) = (expm1(-r inv_xi) / inv_xi) / lambda
        return mp.exp(mp.expm1(-r * ix) / ix / lam)

    def integrand(self, t):
        """Integrand in the integration variable y (r for Floquet, s = sqrt(r) for Hamiltonian)."""
        ix, lam, c, w = self.inv_xi, self.lam, self.c, self.J * t
        if self.kind == "floquet":
            return lambda r: mp.exp(-r * ix) * self.F(r) / lam * mp.cos(w * mp.exp(-c * r))
        sq = mp.sqrt(lam)
        return lambda s: mp.exp(-s * s * ix) * self.F(s * s) / sq * mp.cos(w * mp.exp(-c * s * s))

    def breaks(self, t):
        zs = cos_zeros_r(self.c, self.J * t, self.R)
        ends = [mp.mpf(0)] + zs + [self.R]
        return [mp.sqrt(x) for x in ends] if self.kind == "hamiltonian" else ends

    def czz(self, t, degree=4):
        t = mp.mpf(t)
        segs = pieces(self.breaks(t), MAX_PIECE)
        return self.F(self.R) + gl_integrate(self.integrand(t), segs, degree)

    def czz_adaptive(self, t):
        """Independent check: mpmath's adaptive tanh-sinh quad over the same zero split."""
        t = mp.mpf(t)
        return self.F(self.R) + mp.quad(self.integrand(t), self.breaks(t))


# ----------------------------------------------------------------------------- critical Floquet

def czz_critical_gamma(lam, L, J, t):
    lam, L, J, t = mp.mpf(lam), mp.mpf(L), mp.mpf(J), mp.mpf(t)
    a = 1 / (2 * mp.log(2) * lam)
    uc = mp.mpf(2) ** (-L)
    FR = mp.exp(-L / (2 * lam))  # = uc^a
    w = J * t
    if w == 0:
        return FR + (1 - FR)
    z = mp.mpc(0, -1) * w
    integral = a * mp.re(z ** (-a) * mp.gammainc(a, z * uc, z))
    return FR + integral


def table_critical(quick):
    rows = []
    for lam in [1.0, 10.0, 100.0]:
        for L in [10.0, 40.0]:
            J = 1.0
            for t in [0.0, 1e-3, 0.5, 1.0, 10.0, 1e3, 1e6, 1e9, 1e12]:
                with mp.workdps(50):
                    v = czz_critical_gamma(lam, L, J, t)
                with mp.workdps(70):
                    v2 = czz_critical_gamma(lam, L, J, t)
                assert fmt(v) == fmt(v2), ("critical unstable", lam, L, t, v, v2)
                if t <= 1e3 and not quick or t <= 10:
                    q = Model("floquet", 0.0, lam, L, J).czz(t)
                    assert abs(q - v) < mp.mpf(10) ** -(DIGITS + 4), ("critical quad mismatch", lam, L, t, v, q)
                rows.append([repr(lam), repr(L), repr(J), repr(t), fmt(v)])
    header = [
        "[Czz(t)] of the Floquet resonance model at the transition 1/xi = 0:",
        "  F(L/2) + int_0^{L/2} p(r) cos(v(r) t) dr, F(r) = exp(-r/lambda), p = exp(-r/lambda)/lambda,",
        "  v(r) = J exp(-2 r ln 2) (zeta_c = 1/ln 2).",
        "Evaluated as F(L/2) + a Re[(-i J t)^-a Gamma(a; -i J t 2^-L, -i J t)], a = 1/(2 ln2 lambda), with",
        "mpmath.gammainc at 50 digits (unchanged at 70); rows with t <= 1e3 agree with Gauss-Legendre quadrature",
        "split at the zeros of the cosine to better than 1e-24.",
        "Grid: lambda in {1,10,100}, L in {10,40}, J = 1, t in {0,1e-3,0.5,1,10,1e3,1e6,1e9,1e12}.",
    ] + COMMON_HEADER
    write("floquet_czz_t_critical.csv", header, ["lambda", "L", "J", "t", "czz"], rows)


# ----------------------------------------------------------------------------- general tables

def table_general(kind, quick):
    inv_xis = [-0.5, 0.2, 1.0] if kind == "floquet" else [-0.5, 0.0, 0.2, 1.0]
    rows = []
    adaptive_done = False
    for ix in inv_xis:
        for lam in [2.0, 20.0]:
            for L in [12.0, 30.0]:
                J = 1.0
                m = Model(kind, ix, lam, L, J)
                one = m.czz(0)
                assert abs(one - 1) < mp.mpf(10) ** -(DIGITS + 4), (kind, ix, lam, L, "Czz(0) != 1", one)
                for t in [1.0, 10.0, 100.0, 1e4]:
                    t0 = time.time()
                    v = m.czz(t)
                    if t <= 100 and not quick:
                        v48 = m.czz(t, degree=5)
                        assert abs(v48 - v) < mp.mpf(10) ** -(DIGITS + 4), (kind, ix, lam, L, t, v, v48)
                    if t == 1e4 and not adaptive_done and not quick:
                        va = m.czz_adaptive(t)
                        assert abs(va - v) < mp.mpf(10) ** -(DIGITS + 4), (kind, ix, lam, L, t, v, va)
                        adaptive_done = True
                    rows.append([repr(ix), repr(lam), repr(L), repr(J), repr(t), fmt(v)])
                    if t == 1e4:
                        print("  %s inv_xi=%g lambda=%g L=%g t=%g: %s (%.1fs)" % (kind, ix, lam, L, t, fmt(v), time.time() - t0), flush=True)
    grid = "inv_xi in {%s}, lambda in {2,20}, L in {12,30}, J = 1, t in {1,10,100,1e4}." % ",".join("%g" % x for x in inv_xis)
    method = [
        "Gauss-Legendre quadrature (24 nodes per piece, 32-digit arithmetic) split at every zero of",
        "cos(v(r) t) and into pieces <= 0.25 long; rows with t <= 100 agree with 48 nodes per piece, one t = 1e4",
        "row with mpmath's adaptive tanh-sinh quad, to better than 1e-24; [Czz(0)] = 1 checked for every set.",
    ]
    if kind == "floquet":
        header = [
            "[Czz(t)] of the Floquet resonance model for general 1/xi:",
            "  F(L/2) + int_0^{L/2} p(r) cos(v(r) t) dr, F(r) = exp(-(xi/lambda)(1 - exp(-r/xi))),",
            "  p(r) = exp(-r/xi) F(r)/lambda, v(r) = J exp(-r (1/xi + 2 ln 2)), xi = 1/inv_xi.",
        ] + method + ["Grid: " + grid] + COMMON_HEADER
        name = "floquet_czz_t_general.csv"
    else:
        header = [
            "[Czz(t)] of the Hamiltonian resonance model, eq. (92):",
            "  F1(L/2) + int_0^{L/2} p(r) cos(v(r) t) dr, p(r) = exp(-r/xi) F1(r)/sqrt(4 lambda r), F1 from eq. (91)",
            "  (see hamiltonian_log_f1.csv), v(r) = J exp(-r (1/xi + 2 ln 2)), xi = 1/inv_xi (inv_xi = 0: exp(-r/xi) = 1).",
            "The integral is done on s = sqrt(r): p dr = exp(-s^2/xi) F1(s^2)/sqrt(lambda) ds.",
        ] + method + ["Grid: " + grid] + COMMON_HEADER
        name = "hamiltonian_czz_t.csv"
    write(name, header, ["inv_xi", "lambda", "L", "J", "t", "czz"], rows)


def main():
    quick = "--quick" in sys.argv[1:]
    os.makedirs(OUTDIR, exist_ok=True)
    start = time.time()
    table_log_f1()
    table_critical(quick)
    table_general("floquet", quick)
    table_general("hamiltonian", quick)
    print("done in %.0f s" % (time.time() - start))


if __name__ == "__main__":
    main()
