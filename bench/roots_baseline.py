"""Baseline for RootsBench: numpy.roots per quartic (no certificate) and mpmath.polyroots at 50/100 digits."""
import sys
import time

import mpmath
import numpy as np

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42
rng = np.random.default_rng(seed)
n = 20000
c = rng.uniform(-1, 1, (n, 5)) + 1j * rng.uniform(-1, 1, (n, 5))
t0, c0 = time.perf_counter(), time.thread_time()
for i in range(n):
    np.roots(c[i, ::-1])
t1, c1 = time.perf_counter(), time.thread_time()
print(f"numpy.roots random complex quartic : {(c1 - c0) / n * 1e9:8.1f} ns/quartic CPU, {(t1 - t0) / n * 1e9:8.1f} wall ({n} quartics, no certificate)")
m = 50
for dps in (50, 100):
    mpmath.mp.dps = dps
    t0, c0 = time.perf_counter(), time.thread_time()
    for i in range(m):
        coeffs = [mpmath.mpc(x.real, x.imag) for x in c[i, ::-1]]
        mpmath.polyroots(coeffs, maxsteps=100, extraprec=2 * dps, error=True)
    t1, c1 = time.perf_counter(), time.thread_time()
    print(f"mpmath.polyroots random quartic    : {(c1 - c0) / m * 1e3:8.3f} ms/quartic CPU, {(t1 - t0) / m * 1e3:8.3f} wall at {dps} digits ({m} quartics, error estimate only)")
