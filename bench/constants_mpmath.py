#!/usr/bin/env python3
"""Baseline for bench/constants.sh: mpmath's default quad (tanh-sinh) for the three Gaussian
integrals of an activation, mean = E f(Z), E f(Z)^2 and E[Z f(Z)], Z ~ N(0,1), at a given dps.
Usage: constants_mpmath.py ACTIVATION DPS   (ACTIVATION: tanh | relu | hardtanh)
Prints mean, eta = E f^2 - mean^2, zeta = E[Z f]^2 with dps digits. Kinked activations are
split at their kinks (as mpmath's manual advises), so mpmath gets the same help nrmt gives itself."""
import sys
import mpmath as mp

name, dps = sys.argv[1], int(sys.argv[2])
mp.mp.dps = dps
f = {"tanh": mp.tanh,
     "relu": lambda x: x if x > 0 else mp.zero,
     "hardtanh": lambda x: mp.mpf(-1) if x < -1 else (mp.mpf(1) if x > 1 else x)}[name]
pts = {"tanh": [-mp.inf, mp.inf], "relu": [-mp.inf, 0, mp.inf],
       "hardtanh": [-mp.inf, -1, 1, mp.inf]}[name]
c = 1 / mp.sqrt(2 * mp.pi)
w = lambda x: mp.exp(-x * x / 2) * c
mean = mp.quad(lambda x: f(x) * w(x), pts)
second = mp.quad(lambda x: f(x) ** 2 * w(x), pts)
lin = mp.quad(lambda x: x * f(x) * w(x), pts)
print("mean", mp.nstr(mean, dps))
print("eta", mp.nstr(second - mean ** 2, dps))
print("zeta", mp.nstr(lin ** 2, dps))
