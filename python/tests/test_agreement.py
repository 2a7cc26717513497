"""The in-process API against the CLI on the same jar: the same numbers to 1e-14 (relative),
the same decimal strings above 16 digits, the same eigenvalues bit for bit."""

import numpy as np
import pytest

import nrmt

TOL = 1e-14


def close(a, b, tol=TOL):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    assert a.shape == b.shape
    scale = np.maximum(1.0, np.abs(b))
    assert np.all(np.abs(a - b) <= tol * scale), (a, b, np.max(np.abs(a - b) / scale))


@pytest.mark.parametrize(
    "activation, sigma_w",
    [("tanh", "1"), ("relu", "1"), ("gelu", "0.5"), ("x^3-3*x+sin(x)", "1.25")],
)
def test_constants_agree_with_cli_in_double(cli, activation, sigma_w):
    c = nrmt.constants(activation, sigma_w=sigma_w)
    j = cli("constants", "-f", activation, "--sigma-w", sigma_w)
    for k in ("mean", "eta", "zeta"):
        close(c[k], float(j[k]))
    close(c["error"], float(j["error"]), 1e-3)


def test_constants_digits_are_the_cli_strings(cli):
    c = nrmt.constants("tanh", digits=60)
    j = cli("constants", "-f", "tanh", "--digits", "60")
    assert (c["mean"], c["eta"], c["zeta"], c["error"]) == (j["mean"], j["eta"], j["zeta"], j["error"])
    assert c["eta"].startswith("0.394294490397841174416459772444")  # 60 digits as strings, not floats


def test_bias_constants_agree_with_cli(cli):
    c = nrmt.constants("relu", bias="neuron", bias_sigma=0.5)
    j = cli("constants", "-f", "relu", "--bias", "neuron", "--bias-sigma", "0.5")
    for k in ("mean_mu", "variance_mu", "mean_zeta", "mean_s2", "mean_zeta_plus_s2"):
        close(c[k], float(j[k]))
    mu = np.array([float(p["mu"]) for p in j["points"]])
    close(c["nodes"]["mu"], mu)
    close(c["nodes"]["weight"], [float(p["weight"]) for p in j["points"]])


LAWS = [
    (("tanh",), dict(phi=0.5, psi=2), ("-f", "tanh", "--phi", "0.5", "--psi", "2")),
    (("relu",), dict(phi=2, psi=0.5), ("-f", "relu", "--phi", "2", "--psi", "0.5")),  # an atom at 0
    ((), dict(eta=1, zeta=0.3, phi=1, psi=1), ("--eta", "1", "--zeta", "0.3", "--phi", "1", "--psi", "1")),
]


@pytest.mark.parametrize("args, kw, flags", LAWS)
def test_density_agrees_with_cli(cli, args, kw, flags):
    law = nrmt.Law(*args, **kw)
    lo, hi = law.support()[0]
    x = np.linspace(lo - 0.05, hi + 0.05, 37)
    j = cli("density", *flags, "--x", ",".join(repr(float(v)) for v in x))
    close(law.density(x), [float(p["density"]) for p in j["points"]])
    close([float(p["x"]) for p in j["points"]], x, 0)


@pytest.mark.parametrize("args, kw, flags", LAWS)
def test_stieltjes_support_atoms_moments_agree_with_cli(cli, args, kw, flags):
    law = nrmt.Law(*args, **kw)
    zs = [0.3 + 0.01j, -0.5 + 0j, 1.1 + 0.2j, 0.7 + 0j]
    zargs = []
    for z in zs:
        zargs += ["--z", f"{z.real!r}{z.imag:+.17g}i" if z.imag else repr(z.real)]
    j = cli("stieltjes", *flags, *zargs)
    g = law.stieltjes(np.array(zs))
    close(g.real, [float(p["g_re"]) for p in j["points"]])
    close(g.imag, [float(p["g_im"]) for p in j["points"]])
    # one height: the lateral continuation along it gives the same G as point by point
    line = law.stieltjes(np.array([0.3, 0.7, 1.1]) + 0.2j)
    j2 = cli("stieltjes", *flags, "--z", "0.3+0.2i", "--z", "0.7+0.2i", "--z", "1.1+0.2i")
    close(line.real, [float(p["g_re"]) for p in j2["points"]])
    close(line.imag, [float(p["g_im"]) for p in j2["points"]])

    s = cli("support", *flags)
    close(np.ravel(law.support()), [float(v) for iv in s["intervals"] for v in iv])
    close(np.ravel(law.atoms()) if law.atoms() else np.zeros(0),
          [float(a[k]) for a in s["atoms"] for k in ("location", "mass")])
    m = cli("moments", *flags, "--k", "6")
    close(law.moments(6), [float(v) for v in m["moments"]])


def test_thirty_digits_are_the_cli_strings(cli):
    flags = ("-f", "tanh", "--phi", "0.5", "--psi", "2", "--digits", "30")
    law = nrmt.Law("tanh", phi="0.5", psi="2", digits=30)
    s = cli("support", *flags)
    assert law.support() == [tuple(iv) for iv in s["intervals"]]
    d = cli("density", *flags, "--x", "0.1,0.5,1.2")
    assert law.density([0.1, 0.5, 1.2]) == [p["density"] for p in d["points"]]
    z = cli("stieltjes", *flags, "--z", "0.3+0.01i")
    assert law.stieltjes(0.3 + 0.01j) == (z["points"][0]["g_re"], z["points"][0]["g_im"])
    m = cli("moments", *flags, "--k", "3")
    assert law.moments(3) == m["moments"]


def test_bias_law_agrees_with_cli(cli):
    flags = ("-f", "relu", "--phi", "0.5", "--psi", "1", "--bias", "neuron", "--bias-sigma", "0.5")
    law = nrmt.Law("relu", phi=0.5, psi=1, bias="neuron", bias_sigma=0.5)
    assert law.biased
    x = np.linspace(0.05, 2.0, 9)
    d = cli("density", *flags, "--x", ",".join(repr(float(v)) for v in x))
    ref = [float(p["density"]) for p in d["points"]]
    close(law.density(x), ref)
    m = cli("moments", *flags, "--k", "3")
    close(law.moments(3), [float(v) for v in m["moments"]])


def test_simulation_is_the_cli_simulation_bit_for_bit(cli_raw, tmp_path):
    out = tmp_path / "e.npy"
    r = cli_raw("simulate", "-f", "tanh", "--n0", "40", "--n1", "30", "--m", "60", "--seed", "7",
                "--trials", "3", "--format", "npy", "--out", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    ev = nrmt.simulate("tanh", n0=40, n1=30, m=60, seed=7, trials=3)
    assert ev.shape == (3, 30)
    assert np.array_equal(ev, np.load(out))
    bias = tmp_path / "b.npy"
    r = cli_raw("simulate", "-f", "relu", "--n0", "20", "--n1", "25", "--m", "50", "--seed", "3",
                "--bias", "sample", "--bias-sigma", "0.5", "--sigma-w", "1.5", "--format", "npy",
                "--out", str(bias), "--quiet")
    assert r.returncode == 0, r.stderr
    eb = nrmt.simulate("relu", 20, 25, 50, seed=3, bias="sample", bias_sigma=0.5, sigma_w=1.5)
    assert np.array_equal(eb[0], np.load(bias))


def test_compare_agrees_with_cli(cli):
    j = cli("compare", "-f", "tanh", "--n0", "100", "--n1", "80", "--m", "160", "--seed", "5", "--trials", "2",
            "--quiet")
    c = nrmt.compare("tanh", n0=100, n1=80, m=160, seed=5, trials=2)
    for k in ("ks", "w1", "atom_theory", "atom_empirical", "stieltjes_max_error"):
        close(c[k], float(j[k]))
    close(c["moments_theory"], [float(v) for v in j["moments_theory"]])
    close(c["moments_empirical"], [float(v) for v in j["moments_empirical"]])
    assert c["eigenvalues"].shape == (2, 80)


def test_memorization_agrees_with_cli(cli):
    j = cli("memorization", "-f", "tanh", "--phi", "0.5", "--psi", "1", "--lambda", "0.001,0.1,10")
    e = nrmt.memorization("tanh", phi=0.5, psi=1, lambdas=[0.001, 0.1, 10])
    close(e, [float(p["e_train_theory"]) for p in j["points"]])
