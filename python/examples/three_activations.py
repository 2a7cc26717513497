# %% [markdown]
# # Three activations: certified limit densities against simulations
#
# The density of M = YYᵀ/m, Y = f(WX) centred, for tanh, ReLU and GELU at n0 = 1000,
# n1 = 1000, m = 2000 (φ = n0/m = 0.5, ψ = n0/n1 = 1), each with a seeded simulation.
# Run as a script (`python3 examples/three_activations.py [OUT.pdf]`) or cell by cell in a
# notebook (the `# %%` markers). The nrmt calls are the four lines marked `# nrmt`.

# %%
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed; remove in a notebook
import matplotlib.pyplot as plt
import numpy as np

import nrmt

n0, n1, m = 1000, 1000, 2000
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for f, colour in zip(["tanh", "relu", "gelu"], ["#0072B2", "#D55E00", "#009E73"]):
    ev = nrmt.simulate(f, n0=n0, n1=n1, m=m, seed=1)  # nrmt
    law = nrmt.Law(f, phi=n0 / m, psi=n0 / n1)  # nrmt
    x = np.linspace(law.support()[0][0], law.support()[-1][1], 600)  # nrmt
    ax.hist(ev.ravel(), bins=120, range=(0, x[-1]), density=True, alpha=0.3, color=colour)
    ax.plot(x, law.density(x), color=colour, label=f"{f}: theory and simulation")  # nrmt
ax.set(xlabel="eigenvalue λ", ylabel="density", ylim=(0, 6))
ax.legend()

# %% [markdown]
# The histograms hold every eigenvalue (here no atom: n1 ≤ m); the curves are the certified
# continuous densities, which carry all the mass.

# %%
out = sys.argv[1] if len(sys.argv) > 1 else "three_activations.pdf"
fig.savefig(out, bbox_inches="tight")
print("wrote", out)
