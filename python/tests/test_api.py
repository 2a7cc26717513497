"""The API against independent truth (closed forms, limits, identities) and its contract:
shapes, errors as one-line Python exceptions, refusals, figures."""

import math
import shutil
import subprocess
import traceback

import numpy as np
import pytest

import nrmt
from nrmt import _certified


def test_constants_closed_forms():
    relu = nrmt.constants("relu")
    assert relu["mean"] == pytest.approx(1 / math.sqrt(2 * math.pi), rel=1e-15)
    assert relu["eta"] == pytest.approx(0.5 - 1 / (2 * math.pi), rel=1e-14)
    assert relu["zeta"] == pytest.approx(0.25, rel=1e-14)
    # He_2 = x² − 1 at s = σw σx = 2·0.75: f(sZ) = s²Z² − 1, mean s² − 1, η = 2s⁴, ζ = 0
    h = nrmt.constants("x^2-1", sigma_w=2, sigma_x="0.75")
    assert h["s"] == 1.5
    assert h["mean"] == pytest.approx(1.25, rel=1e-14)
    assert h["eta"] == pytest.approx(2 * 1.5**4, rel=1e-14)
    assert h["zeta"] == 0.0
    # rounding to fewer digits
    assert nrmt.constants("relu", digits=5)["zeta"] == 0.25
    assert nrmt.constants("tanh", digits=4)["eta"] == 0.3943


def mp_density(x, eta, c):
    """Marchenko–Pastur of ratio c = n1/m and variance η (the law at ζ = 0)."""
    lo, hi = eta * (1 - math.sqrt(c)) ** 2, eta * (1 + math.sqrt(c)) ** 2
    inside = (x > lo) & (x < hi)
    out = np.zeros_like(x)
    out[inside] = np.sqrt((hi - x[inside]) * (x[inside] - lo)) / (2 * math.pi * eta * c * x[inside])
    return out, lo, hi


@pytest.mark.parametrize("phi, psi", [(0.5, 1.0), (2.0, 0.8), (1.0, 0.25)])
def test_zeta_zero_is_marchenko_pastur(phi, psi):
    eta, c = 1.7, phi / psi
    law = nrmt.Law(eta=eta, zeta=0, phi=phi, psi=psi)
    x = np.linspace(0.01, 12, 2001)
    ref, lo, hi = mp_density(x, eta, c)
    assert np.max(np.abs(law.density(x) - ref)) < 1e-12 * np.max(ref)
    [(a, b)] = law.support()
    assert a == pytest.approx(lo, rel=1e-13) and b == pytest.approx(hi, rel=1e-13)
    atoms = law.atoms()
    if c > 1:
        assert atoms[0][0] == 0 and atoms[0][1] == pytest.approx(1 - 1 / c, rel=1e-13)
    else:
        assert atoms == []
    # MP moments: m1 = η, m2 = η²(1 + c), m3 = η³(1 + 3c + c²)
    m = law.moments(3)
    assert m == pytest.approx([eta, eta**2 * (1 + c), eta**3 * (1 + 3 * c + c * c)], rel=1e-13)
    # CDF: mass to the right edge is everything; at the left edge the atom
    F = law.cdf([lo - 1e-9, hi + 1e-9])
    assert F[0] == pytest.approx(max(0.0, 1 - 1 / c), abs=1e-10)
    assert F[1] == pytest.approx(1.0, abs=1e-10)


def test_stieltjes_identities():
    law = nrmt.Law("tanh", phi=0.5, psi=2)
    z = np.array([[0.3 + 0.5j, 2 + 1j], [-1 + 0.1j, 5 + 3j]])
    g = law.stieltjes(z)
    assert g.shape == (2, 2)
    assert np.all(g.imag < 0)  # Im G < 0 above the axis
    assert np.allclose(law.stieltjes(np.conj(z)), np.conj(g), rtol=1e-15, atol=0)  # G(z̄) = conj G(z)
    big = 1e6 + 1e6j
    m1 = law.moments(1)[0]
    assert law.stieltjes(big) == pytest.approx(1 / big + m1 / big**2, rel=1e-11)  # G ~ 1/z + m1/z²
    # ρ = −Im G(x + i0)/π
    x = np.array([0.2, 0.9])
    assert np.allclose(law.density(x), -law.stieltjes(x).imag / math.pi, rtol=1e-14)


def test_shapes_follow_the_input():
    law = nrmt.Law("relu", phi=1, psi=1)
    assert isinstance(law.density(0.5), float)
    assert law.density(np.ones((3, 4)) * 0.5).shape == (3, 4)
    assert law.density([]).shape == (0,)
    assert isinstance(law.stieltjes(0.5 + 0.1j), complex)
    assert nrmt.memorization(eta=1, zeta=0.5, phi=1, psi=1, lambdas=0.1).shape == ()


def test_simulation_is_seeded_and_shaped():
    a = nrmt.simulate("tanh", n0=30, n1=20, m=40, seed=11, trials=2)
    b = nrmt.simulate("tanh", n0=30, n1=20, m=40, seed=11, trials=2, threads=1)
    c = nrmt.simulate("tanh", n0=30, n1=20, m=40, seed=12, trials=2)
    assert a.shape == (2, 20) and np.array_equal(a, b) and not np.array_equal(a, c)
    assert np.all(np.diff(a, axis=1) >= 0)  # each trial ascending
    assert not np.array_equal(a[0], a[1])


def test_simulated_trace_is_close_to_the_first_moment():
    # E tr M / n1 = η exactly for the centred activation (E_b μ = mean): a simulation check
    ev = nrmt.simulate("tanh", n0=400, n1=400, m=800, seed=2, trials=2)
    eta = nrmt.constants("tanh")["eta"]
    assert ev.mean() == pytest.approx(eta, rel=0.02)


def test_memorization_limits():
    # λ → ∞: no fit, E_train → 1; λ → 0 with γ = n1/m < 1 fits all but 1 − γ
    e = nrmt.memorization(eta=1, zeta=0.5, phi=0.5, psi=1, lambdas=[1e-8, 1e8])
    assert e[0] == pytest.approx(0.5, abs=1e-6)
    assert e[1] == pytest.approx(1.0, abs=1e-6)


def no_java_trace(excinfo):
    text = "".join(traceback.format_exception(excinfo.type, excinfo.value, excinfo.tb))
    assert "at org.nrmt" not in text and "java.lang" not in text, text
    assert "\n" not in str(excinfo.value)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: nrmt.Law("tanhh", phi=1, psi=1), "cannot read activation: unknown function 'tanhh' at column 1, got 'tanhh'"),
        (lambda: nrmt.Law("tanh", phi=-1, psi=1), "phi must be > 0, got -1"),
        (lambda: nrmt.Law(eta=1, zeta=2, phi=1, psi=1), "zeta must not exceed eta (1), got 2"),
        (lambda: nrmt.constants("tanh", sigma_w="abc"), "sigma_w must be a decimal number, got 'abc'"),
        (lambda: nrmt.simulate("tanh", 10, 10, 10, bias="neurons", bias_sigma=1),
         "bias must be none, neuron, sample or scalar, got 'neurons'"),
        (lambda: nrmt.simulate("tanh", 10, 0, 10), "n1 must be >= 1, got 0"),
        (lambda: nrmt.simulate("tanh", 10, 10, 10, bias="neuron"), "bias neuron needs bias_sigma > 0, got 0.0"),
        (lambda: nrmt.Law("tanh", phi=1, psi=1).density([0.1, float("nan")]), "x must be finite, got nan"),
        (lambda: nrmt.Law("relu", phi=1, psi=1, bias="neuron", bias_sigma=1, digits=30),
         "the bias laws are computed in double precision; digits must be at most 16, got 30"),
        (lambda: nrmt.memorization(eta=1, zeta=0.5, phi=1, psi=1, lambdas=[0.1, -1]),
         "lambda must be a finite number > 0, got -1.0"),
        (lambda: nrmt.compare(plot="fig.jpg"), "plot file must end in .png, .svg or .pdf, got 'fig.jpg'"),
    ],
)
def test_errors_are_one_line_python_exceptions(call, message):
    with pytest.raises(nrmt.InputError) as e:
        call()
    assert str(e.value) == message
    assert isinstance(e.value, ValueError)
    no_java_trace(e)


def test_not_yet_available_is_not_implemented():
    with pytest.raises(NotImplementedError):
        nrmt.Law(polynomial=[1, 2, 3], phi=1, psi=1)
    with pytest.raises(NotImplementedError):
        nrmt.Law(law="x", phi=1, psi=1)
    with pytest.raises(NotImplementedError):
        nrmt.Law(dims=[1, 2], phi=1, psi=1)
    with pytest.raises(NotImplementedError):
        nrmt.Law("tanh", phi=1, psi=1).error([0.5])


def test_uncertified_points_are_refused_masked_or_nan_on_request():
    values = np.array([1.0, np.nan, 3.0])
    bad = np.isnan(values)
    where = np.array([0.1, 0.2, 0.3])
    with pytest.raises(nrmt.UncertifiedError, match=r"density not certified at 1 of 3 points \(first at 0.2\)"):
        _certified(values, bad, where, "density", "raise")
    masked = _certified(values, bad, where, "density", "mask")
    assert masked.mask.tolist() == [False, True, False] and masked.sum() == 4.0
    assert np.isnan(_certified(values, bad, where, "density", "nan")[1])
    with pytest.raises(nrmt.InputError):
        nrmt.Law("tanh", phi=1, psi=1).density([0.5], uncertified="guess")


def test_exact_decimals_reach_java_as_typed():
    # 0.1 as a float is 0.1000000000000000055…; as a str it is the decimal 0.1
    c = nrmt.constants("x^2", sigma_w="0.1", digits=40)
    assert c["mean"] == "0.01" and c["s"] == "0.1"
    c2 = nrmt.constants("x^2", sigma_w=0.1, digits=40)
    assert c2["mean"] == "0.01"  # repr(0.1) == '0.1': the shortest decimal, as the CLI reads --sigma-w 0.1


def test_compare_figure_in_every_format(tmp_path):
    for ext in ("png", "svg", "pdf"):
        path = tmp_path / f"c.{ext}"
        r = nrmt.compare("tanh", n0=60, n1=60, m=120, seed=1, plot=path, plot_width=3.3, plot_height=2.4)
        assert r["plot"] == str(path) and path.stat().st_size > 1000
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert ">eigenvalue λ</text>" in svg and "width='238.0pt'" in svg
    pdf = tmp_path / "c.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdfinfo") and shutil.which("pdftotext"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1" in info and "238 x 173 pts" in info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "theory density ρ" in text and "eigenvalue λ" in text
