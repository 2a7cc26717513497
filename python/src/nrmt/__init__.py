"""nrmt in process: nonlinear random-matrix theory of neural networks with numpy arrays.

The JVM starts once, inside Python, on nrmt's jar (JPype); every function below is one or a few
Java calls, one per array. Keyword names are the CLI's options in snake_case. Numbers the user
types (sigma_w=0.1, phi="0.5") are passed as exact decimals: a float as its shortest decimal
(repr), a str or decimal.Decimal as written.

>>> import nrmt, numpy as np
>>> law = nrmt.Law("tanh", phi=0.5, psi=2)
>>> rho = law.density(np.linspace(0.03, 1.5, 1000))
"""

from __future__ import annotations

import decimal
import math
import os
import tempfile
import warnings
from pathlib import Path

import jpype
import numpy as np

from . import _jvm
from ._errors import InputError, NrmtError, UncertifiedError
from ._jvm import java_call, start

__all__ = [
    "constants",
    "Law",
    "simulate",
    "compare",
    "memorization",
    "start",
    "version",
    "NrmtError",
    "InputError",
    "UncertifiedError",
]

_UNCERTIFIED = ("raise", "mask", "nan")


# ---------------------------------------------------------------- conversions


def _dec(name: str, v):
    """An exact decimal string for Java (None stays None)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise InputError(f"{name} must be a number, got {v!r}")
    if isinstance(v, str):
        return v
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, decimal.Decimal):
        if not v.is_finite():
            raise InputError(f"{name} must be finite, got {v}")
        return str(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if not math.isfinite(f):
            raise InputError(f"{name} must be finite, got {f!r}")
        return repr(f)
    raise InputError(f"{name} must be a number, got {v!r}")


def _int(name: str, v, minimum: int = 1) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            v = int(v)
        else:
            raise InputError(f"{name} must be an integer, got {v!r}")
    v = int(v)
    if v < minimum:
        raise InputError(f"{name} must be >= {minimum}, got {v}")
    return v


def _bias(bias):
    if bias is None:
        return None
    if not isinstance(bias, str):
        raise InputError(f"bias must be none, neuron, sample or scalar, got {bias!r}")
    return bias


def _points(name: str, x) -> tuple[np.ndarray, tuple, bool]:
    """x as a contiguous 1-D float64 array, with its shape and whether it was a scalar."""
    a = np.asarray(x)
    if a.dtype == object or a.dtype.kind not in "biuf":
        raise InputError(f"{name} must be real numbers, got {x!r}" if a.size < 5 else f"{name} must be real numbers, got dtype {a.dtype}")
    shape, scalar = a.shape, a.ndim == 0
    a = np.ascontiguousarray(a, dtype=np.float64).ravel()  # (ascontiguousarray makes a scalar 1-d)
    if not np.all(np.isfinite(a)):
        bad = a[~np.isfinite(a)][0]
        raise InputError(f"{name} must be finite, got {bad}")
    return a, shape, scalar


def _jdoubles(a: np.ndarray):
    return jpype.JArray(jpype.JDouble)(a)


def _numpy(jarr) -> np.ndarray:
    """A Java double[] as a new float64 array (one copy through the buffer protocol)."""
    return np.array(memoryview(jarr), dtype=np.float64, copy=True)


def _strings(jarr) -> list:
    return [None if s is None else str(s) for s in jarr]


def _certified(values: np.ndarray, bad: np.ndarray, where: np.ndarray, what: str, uncertified: str):
    """Applies the uncertified-point policy: raise (default), a masked array, or NaN as asked."""
    if not bad.any():
        return values
    if uncertified == "raise":
        n = int(bad.sum())
        first = where[np.argmax(bad)]
        raise UncertifiedError(
            f"{what} not certified at {n} of {bad.size} points (first at {first!r}); "
            f"uncertified='mask' or 'nan' returns the others, got {n} refused"
        )
    if uncertified == "mask":
        return np.ma.masked_array(values, mask=bad)
    return values


def _policy(uncertified: str) -> str:
    if uncertified not in _UNCERTIFIED:
        raise InputError(f"uncertified must be 'raise', 'mask' or 'nan', got {uncertified!r}")
    return uncertified


def _write_atomically(path, data: bytes) -> Path:
    """Writes the whole file or nothing: a temporary file beside it, then a rename."""
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise InputError(f"the figure must go to a regular file, not a link or special file, got {str(target)!r}")
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + target.name, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


# ---------------------------------------------------------------- the API


@java_call
def version() -> str:
    """nrmt's version (the jar's)."""
    return str(_jvm.api().Nrmt.version())


@java_call
def constants(activation, digits=16, sigma_w=1.0, sigma_x=1.0, bias=None, bias_sigma=0.0) -> dict:
    """mean, η = Var f(sZ), ζ = (E[Z f(sZ)])² of an activation at s = σw σx, and the error bound.

    Up to 16 digits the values are floats (rounded to ``digits``); above, decimal strings with
    ``digits`` significant digits (mpmath.mpf or decimal.Decimal read them exactly). With
    ``bias`` ('neuron', 'sample', 'scalar') and ``bias_sigma`` > 0: the conditional constants
    μ(b), ζ(b), s²(b) on the bias nodes under ``'nodes'`` and their averages (mean_mu, …).
    """
    digits = _int("digits", digits)
    c = _jvm.api().Nrmt.constants(
        activation, digits, _dec("sigma_w", sigma_w), _dec("sigma_x", sigma_x), _bias(bias), _dec("bias_sigma", bias_sigma)
    )
    out: dict = {"digits": digits}
    text = ("activation", "bias")
    for name, value in zip(_strings(c.names()), _strings(c.values())):
        if name in text:
            out[name] = value
        elif name in ("nodes",):
            out["node_count"] = int(value)
        else:
            out[name] = float(value) if digits <= 16 else value
    columns = _strings(c.columnNames())
    if columns:
        out["nodes"] = {
            col: (np.array([float(v) for v in _strings(c.column(col))]) if digits <= 16 else _strings(c.column(col)))
            for col in columns
        }
    return out


class Law:
    """The limit law of M = YYᵀ/m (theory/conventions.md): the certified Pennington–Worah quartic
    law of η, ζ at φ = n0/m, ψ = n0/n1, or with a bias the bias law. Give the activation (an
    expression in x: 'tanh', 'relu', 'x^2-1', …) or ``eta`` and ``zeta``.

    Every method takes arrays and makes one Java call per array. Up to 16 digits answers are
    float64 arrays; with ``digits`` > 16 (bias-free laws) decimal strings. A point the law cannot
    certify raises :class:`UncertifiedError` unless ``uncertified='mask'`` (a masked array) or
    ``'nan'`` is asked.
    """

    @java_call
    def __init__(
        self,
        activation=None,
        eta=None,
        zeta=None,
        phi=None,
        psi=None,
        sigma_w=1.0,
        bias=None,
        bias_sigma=0.0,
        digits=16,
        polynomial=None,
        law=None,
        dims=None,
        sigma_x=1.0,
    ):
        if polynomial is not None or law is not None or dims is not None:
            raise NotImplementedError(
                "Law(polynomial=…, law=…, dims=…): the generic algebraic laws are not in nrmt yet; "
                "give an activation or eta and zeta"
            )
        if phi is None or psi is None:
            raise InputError(f"phi and psi are required, got phi={phi!r} psi={psi!r}")
        self.digits = _int("digits", digits)
        self.activation = activation
        self._law = _jvm.api().Nrmt.law(
            activation,
            _dec("eta", eta),
            _dec("zeta", zeta),
            _dec("phi", phi),
            _dec("psi", psi),
            _dec("sigma_w", sigma_w),
            _dec("sigma_x", sigma_x),
            _bias(bias),
            _dec("bias_sigma", bias_sigma),
            self.digits,
        )
        self.eta = float(self._law.eta())
        self.zeta = float(self._law.zeta())
        self.phi = float(self._law.phi())
        self.psi = float(self._law.psi())
        self.biased = bool(self._law.biased())
        self.bias = bias if self.biased else None

    def __repr__(self) -> str:
        what = f"activation={self.activation!r}" if self.activation else f"eta={self.eta!r}, zeta={self.zeta!r}"
        bias = f", bias={self.bias!r}" if self.biased else ""
        return f"nrmt.Law({what}, phi={self.phi!r}, psi={self.psi!r}{bias}, digits={self.digits})"

    @property
    def _decimal(self) -> bool:
        return self.digits > 16

    @java_call
    def stieltjes(self, z, uncertified: str = "raise"):
        """G(z) = ∫ ρ(x) dx/(z − x) on the physical branch (real z means z + i0); complex array
        of the shape of z (decimal strings (re, im) above 16 digits)."""
        _policy(uncertified)
        zc = np.asarray(z)
        if zc.dtype.kind not in "biufc":
            raise InputError(f"z must be numbers, got dtype {zc.dtype}")
        zc = zc.astype(np.complex128)
        re, shape, scalar = _points("z", zc.real)
        im, _, _ = _points("z", zc.imag)
        n = re.size
        if self._decimal:
            s = _strings(self._law.stieltjesDecimal(_jdoubles(re), _jdoubles(im)))
            pairs = [(s[i], s[n + i]) for i in range(n)]
            bad = np.array([p[0] is None for p in pairs], dtype=bool)
            _certified(np.zeros(n), bad, zc.ravel(), "G", "raise" if uncertified == "raise" else "nan")
            return pairs[0] if scalar else pairs
        g = _numpy(self._law.stieltjes(_jdoubles(re), _jdoubles(im)))
        out = g[:n] + 1j * g[n:]
        bad = np.isnan(g[:n]) | np.isnan(g[n:])
        out = _certified(out, bad, zc.ravel(), "G", uncertified)
        out = out.reshape(shape)
        return out[()] if scalar else out

    @java_call
    def density(self, x, uncertified: str = "raise"):
        """ρ(x) = −Im G(x + i0)/π of the continuous part (atoms excluded), at every x."""
        _policy(uncertified)
        a, shape, scalar = _points("x", x)
        if self._decimal:
            s = _strings(self._law.densityDecimal(_jdoubles(a)))
            bad = np.array([v is None for v in s], dtype=bool)
            _certified(np.zeros(a.size), bad, a, "density", "raise" if uncertified == "raise" else "nan")
            return s[0] if scalar else s
        rho = _numpy(self._law.density(_jdoubles(a)))
        rho = _certified(rho, np.isnan(rho), a, "density", uncertified).reshape(shape)
        return rho[()] if scalar else rho

    @java_call
    def cdf(self, x, uncertified: str = "raise"):
        """P(λ ≤ x): the continuous part plus every atom at or below x."""
        _policy(uncertified)
        a, shape, scalar = _points("x", x)
        f = _numpy(self._law.cdf(_jdoubles(a)))
        f = _certified(f, np.isnan(f), a, "CDF", uncertified).reshape(shape)
        return f[()] if scalar else f

    def error(self, x):
        """Per-point bounds |printed − exact| of the density: not in nrmt yet (a later release adds
        them); raises NotImplementedError rather than returning a number that is not a bound."""
        raise NotImplementedError("per-point error bounds of the density are not in nrmt yet")

    @java_call
    def support(self) -> list:
        """The support of the continuous part: a list of (lo, hi), sorted (strings above 16 digits)."""
        if self._decimal:
            e = _strings(self._law.supportDecimal())
        else:
            e = [float(v) for v in _numpy(self._law.support())]
        return [(e[i], e[i + 1]) for i in range(0, len(e), 2)]

    @java_call
    def atoms(self) -> list:
        """The point masses: a list of (location, mass)."""
        a = _numpy(self._law.atoms())
        return [(float(a[i]), float(a[i + 1])) for i in range(0, a.size, 2)]

    @java_call
    def moments(self, k: int):
        """m_1 … m_k (atoms included), exact from the quartic's series at ∞ (strings above 16 digits)."""
        k = _int("k", k)
        if self._decimal:
            return _strings(self._law.momentsDecimal(k))
        return _numpy(self._law.moments(k))


def _simulation_args(activation, n0, n1, m, seed, trials, sigma_w, sigma_x, bias, bias_sigma, backend, threads):
    _jvm.api()  # the JVM, for the Java long of the seed
    if backend == "native":
        _jvm.prepare_openblas()
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise InputError(f"seed must be an integer, got {seed!r}")
    if not (-(2**63) <= int(seed) < 2**63):
        raise InputError(f"seed must fit a 64-bit integer, got {seed}")
    return (
        activation,
        _int("n0", n0),
        _int("n1", n1),
        _int("m", m),
        jpype.JLong(int(seed)),
        _int("trials", trials),
        _dec("sigma_w", sigma_w),
        _dec("sigma_x", sigma_x),
        _bias(bias),
        _dec("bias_sigma", bias_sigma),
        backend,
        0 if threads is None else _int("threads", threads),
    )


def _eigenvalues(sim) -> np.ndarray:
    for notice in _strings(sim.notices()):
        warnings.warn("nrmt: " + notice, RuntimeWarning, stacklevel=3)
    return _numpy(sim.eigenvalues()).reshape(int(sim.trials()), int(sim.n1()))


@java_call
def simulate(
    activation,
    n0,
    n1,
    m,
    seed=1,
    trials=1,
    bias=None,
    bias_sigma=0.0,
    sigma_w=1.0,
    sigma_x=1.0,
    backend="native",
    threads=None,
) -> np.ndarray:
    """All eigenvalues of ``trials`` sampled M = YYᵀ/m, Y = f(WX + B) − E f (n1 × m): an array of
    shape (trials, n1), each row ascending — bit for bit what ``nrmt simulate`` gives for the same
    seed."""
    args = _simulation_args(activation, n0, n1, m, seed, trials, sigma_w, sigma_x, bias, bias_sigma, backend, threads)
    return _eigenvalues(_jvm.api().Nrmt.simulate(*args))


@java_call
def compare(
    activation="tanh",
    n0=1000,
    n1=1000,
    m=2000,
    seed=1,
    trials=1,
    bias=None,
    bias_sigma=0.0,
    sigma_w=1.0,
    sigma_x=1.0,
    sampled_bias=False,
    backend="native",
    threads=None,
    plot=None,
    plot_width=7.0,
    plot_height=4.5,
    plot_dpi=150,
) -> dict:
    """Simulates as :func:`simulate` and compares with the limit law at the simulation's
    φ = n0/m, ψ = n0/n1: the statistics of ``nrmt compare`` (ks, w1, atom_theory,
    atom_empirical, stieltjes_max_error, moments_theory, moments_empirical) plus the eigenvalues
    (trials, n1). ``plot`` writes the figure (.png, .svg or .pdf; size in inches, PNG dpi)."""
    args = _simulation_args(activation, n0, n1, m, seed, trials, sigma_w, sigma_x, bias, bias_sigma, backend, threads)
    if plot is not None:
        fmt = str(plot).lower().rsplit(".", 1)[-1]
        if fmt not in ("png", "svg", "pdf") or len(Path(str(plot)).name) <= 4:
            raise InputError(f"plot file must end in .png, .svg or .pdf, got {str(plot)!r}")
        jpype.JClass("org.nrmt.figure.FigureSize")(float(plot_width), float(plot_height), _int("plot_dpi", plot_dpi))
    c = _jvm.api().Nrmt.compare(*args[:10], bool(sampled_bias), *args[10:])
    out = {
        "activation": activation,
        "n0": args[1],
        "n1": args[2],
        "m": args[3],
        "phi": args[1] / args[3],
        "psi": args[1] / args[2],
        "seed": int(seed),
        "trials": args[5],
        "bias": bias or "none",
        "sampled_bias": bool(sampled_bias),
        "backend": str(c.simulation().backend()),
        "ks": float(c.ks()),
        "w1": float(c.w1()),
        "atom_theory": float(c.atomTheory()),
        "atom_empirical": float(c.atomEmpirical()),
        "stieltjes_max_error": float(c.stieltjesMaxError()),
        "moments_theory": _numpy(c.momentsTheory()),
        "moments_empirical": _numpy(c.momentsEmpirical()),
        "seconds": float(c.seconds()),
        "eigenvalues": _eigenvalues(c.simulation()),
    }
    if plot is not None:
        data = bytes(c.figure(Path(str(plot)).name, float(plot_width), float(plot_height), int(plot_dpi)))
        out["plot"] = str(_write_atomically(plot, data))
    return out


@java_call
def memorization(activation=None, eta=None, zeta=None, phi=None, psi=None, sigma_w=1.0, sigma_x=1.0, lambdas=None):
    """The training loss E_train(λ) = 1 − γ − γλ²G′(−λ) of ridge regression on the random features
    (random targets; theory/memorization.md), at every λ > 0: an array of the shape of ``lambdas``."""
    if lambdas is None:
        raise InputError("lambdas are required, got nothing")
    if phi is None or psi is None:
        raise InputError(f"phi and psi are required, got phi={phi!r} psi={psi!r}")
    a, shape, scalar = _points("lambdas", lambdas)
    e = _numpy(
        _jvm.api().Nrmt.memorization(
            activation,
            _dec("eta", eta),
            _dec("zeta", zeta),
            _dec("phi", phi),
            _dec("psi", psi),
            _dec("sigma_w", sigma_w),
            _dec("sigma_x", sigma_x),
            _jdoubles(a),
        )
    ).reshape(shape)
    return e[()] if scalar else e
