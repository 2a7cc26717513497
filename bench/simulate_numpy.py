#!/usr/bin/env python3
"""numpy baseline for bench/simulate.sh (run with OPENBLAS_NUM_THREADS=1).

  simulate_numpy.py pipeline N OUT.csv
      the pipeline of `nrmt simulate -f tanh --n0 N --n1 N --m N`: W, X Gaussian, Y = tanh(W X)
      (tanh is odd: Gaussian mean 0), M = Y Y^T / N (numpy calls syrk for A @ A.T), all
      eigenvalues by eigvalsh (LAPACK dsyevd), written as a one-column CSV like nrmt's.
      Timed from outside, as a whole process, like ./nrmt.
  simulate_numpy.py inproc N REPS
      the same pipeline in-process (no interpreter start-up, no CSV): best of REPS after a warm-up.
  simulate_numpy.py eig N REPS
      eigvalsh (dsyevd) alone on a random symmetric N x N matrix: best of REPS after a warm-up.
"""
import sys
import time

import numpy as np


def pipeline(n, out):
    rng = np.random.default_rng(1)
    w = rng.standard_normal((n, n)) / np.sqrt(n)
    x = rng.standard_normal((n, n))
    y = np.tanh(w @ x)
    m = (y @ y.T) / n
    ev = np.linalg.eigvalsh(m)
    np.savetxt(out, ev, header="eigenvalue", comments="", fmt="%.17g")


def inproc(n, reps):
    best = float("inf")
    for r in range(reps + 1):
        t0 = time.perf_counter()
        rng = np.random.default_rng(1 + r)
        w = rng.standard_normal((n, n)) / np.sqrt(n)
        x = rng.standard_normal((n, n))
        y = np.tanh(w @ x)
        ev = np.linalg.eigvalsh((y @ y.T) / n)
        s = time.perf_counter() - t0
        assert ev.shape == (n,)
        if r > 0:
            best = min(best, s)
    print(f"pipeline_seconds {best:.4f}")


def eig(n, reps):
    rng = np.random.default_rng(7)
    a = rng.random((n, n)) - 0.5
    a = np.tril(a) + np.tril(a, -1).T
    best = float("inf")
    for r in range(reps + 1):
        t0 = time.perf_counter()
        ev = np.linalg.eigvalsh(a)
        s = time.perf_counter() - t0
        assert ev.shape == (n,)
        if r > 0:
            best = min(best, s)
    print(f"eig_seconds {best:.4f}")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "pipeline":
        pipeline(int(sys.argv[2]), sys.argv[3])
    elif mode == "inproc":
        inproc(int(sys.argv[2]), int(sys.argv[3]))
    elif mode == "eig":
        eig(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit("usage: simulate_numpy.py pipeline N OUT | eig N REPS")
