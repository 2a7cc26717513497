"""E_train of i.i.d. random matrices against the Marchenko-Pastur limit (issue #6 floor study).

K = Y^T Y / m with Y (n1 x m) i.i.d., entries either sqrt(2) Z or Z^2 - 1 (Z ~ N(0, 1)): both have
mean 0 and variance 2 = eta of x^2 - 1, and both have the Marchenko-Pastur limit law, i.e. exactly
the theory nrmt uses for x^2 - 1 (zeta = 0). The entries Z^2 - 1 have kurtosis 15 like the
features of x^2 - 1. Prints one CSV row per (entries, n1, m, lambda): the relative error of the
mean of T matrices against the theory values given on the command line, and its standard error.

usage: python3 floor.py N1 M T SEED LAMBDA=THEORY [LAMBDA=THEORY ...]
"""
import sys

import numpy as np

n1, m, trials, seed = (int(a) for a in sys.argv[1:5])
theory = {float(k): float(v) for k, v in (a.split("=") for a in sys.argv[5:])}
rng = np.random.default_rng(seed)
entries = {"sqrt(2)*Z": lambda shape: np.sqrt(2) * rng.standard_normal(shape),
           "Z^2-1": lambda shape: rng.standard_normal(shape) ** 2 - 1}
for name, draw in entries.items():
    losses = {lam: [] for lam in theory}
    for _ in range(trials):
        y = draw((n1, m))
        kappa = np.linalg.eigvalsh(y.T @ y / m)  # the m eigenvalues of K
        for lam in theory:
            losses[lam].append(np.mean(lam * lam / (kappa + lam) ** 2))
    for lam, values in losses.items():
        mean, se = np.mean(values), np.std(values, ddof=1) / np.sqrt(trials)
        print(f"{name},{n1},{m},{trials},{lam},{theory[lam]:.10g},{mean:.10g},{mean / theory[lam] - 1:.4g},{se / theory[lam]:.2g}")
