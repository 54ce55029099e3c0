#!/usr/bin/env python3
"""Reference table for NumericKit.ErrorFunctions (erf, erfc, erfi, dawson, erfcx, log_erfi, log_erfc).

Rerun from the package root (deterministic, takes < 1 s):

    python3 scripts/reference/error_functions.py

It writes Tests/NumericKitTests/Reference/error_functions.csv. Every value is computed with
mpmath (1.3) at 50 significant digits (checked
unchanged at 80 digits) from the exact binary value of x (x is written with
Python's repr, which round-trips), then rounded to 17 significant digits, which round-trips
to the nearest double. Where the exact value lies beyond the double range it is written as
`inf` / `-inf` (overflow) or `0` (underflow: |value| < 2^-1075); values in the subnormal range
are written as they are (a parser rounds them to the nearest subnormal). A log column is left
empty where the function is undefined (log_erfi for x <= 0).
"""
import os
import sys

import mpmath as mp

mp.mp.dps = 50

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "Tests", "NumericKitTests", "Reference", "error_functions.csv")

DBL_MAX = mp.mpf(sys.float_info.max)
# Half the smallest subnormal: anything smaller in magnitude rounds to zero.
UNDERFLOW = mp.mpf(2) ** -1075

POSITIVE = [
    # tiny
    1e-300, 1e-200, 1e-20, 1e-8,
    # moderate
    0.1, 0.5, 0.8, 1.0, 2.0, 3.0, 4.9, 5.0, 5.1, 6.0, 10.0, 15.0, 20.0,
    # erfc goes subnormal near 26.55 and underflows near 27.23;
    # erfi overflows near 26.713 (exp(x^2) alone overflows near 26.64).
    25.0, 26.0, 26.5, 26.6, 26.65, 26.7, 26.71, 26.72, 27.0, 27.2, 27.25, 27.3, 28.0, 30.0,
    # far range: only dawson, erfcx and the log forms stay finite
    100.0, 1e3, 1e5, 1e10, 1e150,
]
XS = sorted({0.0} | set(POSITIVE) | {-x for x in POSITIVE})


def fmt(v):
    """17 significant digits, inf/-inf on overflow, 0 on underflow."""
    v = mp.mpf(v)
    if v == 0:
        return "0"
    if abs(v) > DBL_MAX:  # beyond the largest finite double (rounding to DBL_MAX needs < DBL_MAX + ulp/2; no value here is that close)
        return "inf" if v > 0 else "-inf"
    if abs(v) < UNDERFLOW:
        return "0"
    return mp.nstr(v, 17, strip_zeros=False, min_fixed=1, max_fixed=0)


def row(xf):
    x = mp.mpf(xf)  # exact binary value
    erf = mp.erf(x)
    erfc = mp.erfc(x)
    erfi = mp.erfi(x)
    dawson = mp.sqrt(mp.pi) / 2 * mp.exp(-x * x) * erfi
    erfcx = mp.exp(x * x) * erfc
    log_erfi = fmt(mp.log(erfi)) if x > 0 else ""
    # ln erfc = log1p(-erf) near 0, where erfc = 1 +- tiny would round to 1 even at 50 digits.
    log_erfc = fmt(mp.log1p(-erf) if abs(x) < 1 else mp.log(erfc))
    return [repr(xf), fmt(erf), fmt(erfc), fmt(erfi), fmt(dawson), fmt(erfcx), log_erfi, log_erfc]


def main():
    # Self-check: the 17-digit strings must not change when the working precision is raised.
    rows = [row(xf) for xf in XS]
    with mp.workdps(80):
        assert rows == [row(xf) for xf in XS], "reference values not stable at 80 digits"
    lines = [
        "# Reference values for NumericKit.ErrorFunctions.",
        "# Made by scripts/reference/error_functions.py (mpmath %s, mp.dps = 50): exact binary x," % mp.__version__,
        "# value rounded to 17 significant digits (unchanged at 80 digits); inf/-inf where the",
        "# double overflows, 0 where it underflows (|v| < 2^-1075); subnormal values are kept.",
        "# dawson = sqrt(pi)/2 exp(-x^2) erfi(x),",
        "# erfcx = exp(x^2) erfc(x), log_erfi = ln erfi(x) (empty for x <= 0), log_erfc = ln erfc(x)",
        "# (log1p(-erf(x)) for |x| < 1). Rerun: python3 scripts/reference/error_functions.py",
        "x,erf,erfc,erfi,dawson,erfcx,log_erfi,log_erfc",
    ]
    for r in rows:
        lines.append(",".join(r))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d rows)" % (OUT, len(XS)))


if __name__ == "__main__":
    main()
