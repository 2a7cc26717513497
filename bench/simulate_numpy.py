#!/usr/bin/env python3
"""numpy baseline for bench/simulate.sh: the pipeline of `nrmt simulate` (tanh, n0 = n1 = m = N:
W, X Gaussian, Y = tanh(W X) - mean, M = Y Y^T / m by syrk, eigvalsh = LAPACK dsyevd) and
eigvalsh alone at n = N_EIG. Run with OPENBLAS_NUM_THREADS=1. Prints best of REPS after a warm-up.
Usage: simulate_numpy.py N_PIPELINE N_EIG REPS"""
import sys
import time

import numpy as np


def pipeline(n, seed):
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((n, n)) / np.sqrt(n)
    x = rng.standard_normal((n, n))
    y = np.tanh(w @ x)  # tanh is odd: its Gaussian mean is 0
    m = (y @ y.T) / n    # numpy recognises A @ A.T and calls syrk
    return np.linalg.eigvalsh(m)


def main():
    n, ne, reps = (int(a) for a in sys.argv[1:4])
    best = float("inf")
    for r in range(reps + 1):
        t0 = time.perf_counter()
        ev = pipeline(n, 1 + r)
        s = time.perf_counter() - t0
        assert ev.shape == (n,)
        if r > 0:
            best = min(best, s)
    print(f"pipeline_seconds {best:.4f}")
    rng = np.random.default_rng(7)
    a = rng.random((ne, ne)) - 0.5
    a = np.tril(a) + np.tril(a, -1).T
    best = float("inf")
    for r in range(reps + 1):
        t0 = time.perf_counter()
        ev = np.linalg.eigvalsh(a)
        s = time.perf_counter() - t0
        assert ev.shape == (ne,)
        if r > 0:
            best = min(best, s)
    print(f"eig_seconds {best:.4f}")


if __name__ == "__main__":
    main()
