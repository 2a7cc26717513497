"""Python baselines for MemorizationBench and LayersBench (numpy), printed in the same format."""
import sys, time
import numpy as np


def quartic_g(lam, eta=1.0, zeta=0.5, phi=1.0, psi=1.0):
    g = phi / psi
    z = -lam
    c = [-psi, psi * z + (g - 1) * (psi * eta - zeta),
         zeta * (eta - zeta) * (g - 1) ** 2 - z * (eta * phi + zeta * (1 - 2 * g)),
         -g * zeta * z * (z + 2 * (g - 1) * (eta - zeta)), g * g * zeta * (eta - zeta) * z * z]
    r = np.roots(c[::-1])
    ok = [x.real for x in r if abs(x.imag) < 1e-9 and -1 / lam <= x.real <= -1 / (lam + eta)]
    return ok[0]  # no branch certification: the first real root in the Jensen interval


def e_train(lam):
    h = 1e-6 * lam
    dg = -(quartic_g(lam + h) - quartic_g(lam - h)) / (2 * h)
    return 1 - 1 - lam * lam * dg


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    grid = 10 ** np.linspace(-3, 1, 50)
    t0 = time.perf_counter()
    for _ in range(5):
        [e_train(l) for l in grid]
    t1 = time.perf_counter()
    rng = np.random.default_rng(1)
    W = rng.standard_normal((n, n)) / np.sqrt(n)
    X = rng.standard_normal((n, n))
    Y = np.tanh(W @ X)
    ev = np.linalg.eigvalsh(Y @ Y.T / n)
    t2 = time.perf_counter()
    print("python_theory_ms_per_grid %.2f" % ((t1 - t0) * 1e3 / 5))
    print("python_simulation_n%d_seconds %.2f" % (n, t2 - t1))
    X = rng.standard_normal((n, m))
    t3 = time.perf_counter()
    for _ in range(5):
        X = np.sqrt(1.5) * (-1 + np.sqrt(5) * np.exp(-2 * (rng.standard_normal((n, n)) / np.sqrt(n) @ X) ** 2))
        np.linalg.eigvalsh(X @ X.T / m)
    t4 = time.perf_counter()
    print("python_seconds_per_layer %.2f (n=%d, m=%d)" % ((t4 - t3) / 5, n, m))


main()
