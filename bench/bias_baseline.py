#!/usr/bin/env python3
"""numpy baseline for bench/bias.sh: per-neuron bias law density on a grid (tanh, s = 1,
sigma_b = 1, 64 Gauss-Hermite bias nodes, phi = psi = 0.5), Newton on (S, delta) with the
neighbour's solution as start (first point by vertical descent). Same equations as
org.nrmt.bias.PerNeuronSystem (theory/bias.md section 4). Prints points/s."""
import sys, time
import numpy as np

def constants(f, s, sigma_b, n_b=64, n_xi=200):
    xb, wb = np.polynomial.hermite.hermgauss(n_b)
    b = np.sqrt(2) * sigma_b * xb; wb = wb / np.sqrt(np.pi)
    xi, wx = np.polynomial.hermite_e.hermegauss(n_xi); wx = wx / np.sqrt(2 * np.pi)
    v = f(s * xi[None, :] + b[:, None])
    mu = v @ wx; a = (v * xi) @ wx; e2 = (v * v) @ wx
    zeta = a * a; s2 = np.maximum(e2 - mu * mu - zeta, 0)
    return wb, zeta, s2

def newton(z, S, d, w, zeta, s2, gamma, psi, iters=30):
    for _ in range(iters):
        k = 1 - gamma * (1 + z * S); u = 1 / (1 + d)
        t = s2 + zeta * u; D = k * t - z; inv = 1 / D; inv2 = inv * inv
        A0 = w @ inv; A1 = (w * zeta) @ inv
        P = (w * t) @ inv2; Q = (w * zeta) @ inv2; R = (w * zeta * t) @ inv2; T = (w * zeta * zeta) @ inv2
        F0 = S - A0; F1 = d - k * A1 / psi
        J00 = 1 - gamma * z * P; J01 = -k * u * u * Q
        J10 = gamma * z / psi * (A1 - k * R); J11 = 1 - k * k * u * u * T / psi
        det = J00 * J11 - J01 * J10
        dS = -(J11 * F0 - J01 * F1) / det; dd = -(J00 * F1 - J10 * F0) / det
        S += dS; d += dd
        if abs(dS) <= 1e-13 * abs(S) and abs(dd) <= 1e-13 * (abs(d) + 1e-300):
            break
    return S, d

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    phi = psi = 0.5; gamma = phi / psi
    w, zeta, s2 = constants(np.tanh, 1.0, 1.0)
    lo, hi = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0, float(sys.argv[3]) if len(sys.argv) > 3 else 2.4
    xs = lo + (hi - lo) * (np.arange(n) + 0.5) / n
    t0 = time.perf_counter()
    # first point: vertical descent
    x = xs[0]; top = 40.0
    z = complex(x, top); S = -1 / z; d = -(w @ zeta) / (psi * z)
    for y in np.geomspace(top, 1e-10, 80):
        S, d = newton(complex(x, y), S, d, w, zeta, s2, gamma, psi)
    S, d = newton(complex(x, 0), S, d, w, zeta, s2, gamma, psi)
    dens = np.empty(n)
    for i, x in enumerate(xs):
        S, d = newton(complex(x, 0), S, d, w, zeta, s2, gamma, psi)
        dens[i] = S.imag / np.pi
    dt = time.perf_counter() - t0
    print(f"python neuron nodes=64 grid points={n} time={dt:.4f} s rate={n/dt:.0f} points/s "
          f"mass~{np.sum(dens) * (hi - lo) / n:.4f}")

if __name__ == "__main__":
    main()
