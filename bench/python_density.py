"""Law.density of 1e5 points in process (warm), side by side with a vectorised numpy baseline
(companion-matrix eigenvalues of the quartic per point + the argmax |Im| rule, uncertified) and
with the same call inside the JVM (what the Java side costs without the array transfer)."""

import time

import numpy as np

import nrmt

N = 100_000
REPEAT = 7
law = nrmt.Law("tanh", phi=0.5, psi=2)
lo, hi = law.support()[0]
x = np.linspace(lo - 0.05, hi + 0.05, N)


def best(fn):
    fn()  # warm-up (JIT)
    fn()
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), float(np.median(times))


import jpype  # noqa: E402  (after nrmt started the JVM)

jx = jpype.JArray(jpype.JDouble)(x)
b_py, m_py = best(lambda: law.density(x))
b_java, m_java = best(lambda: law._law.density(jx))

eta, zeta, phi, psi = law.eta, law.zeta, law.phi, law.psi


def numpy_density(xs):
    g = phi / psi
    z = xs
    c4 = np.full_like(z, g * g * zeta * (eta - zeta)) * z * z
    c3 = -g * zeta * z * (z + 2 * (g - 1) * (eta - zeta))
    c2 = zeta * (eta - zeta) * (g - 1) ** 2 - z * (eta * phi + zeta * (1 - 2 * g))
    c1 = psi * z + (g - 1) * (psi * eta - zeta)
    c0 = np.full_like(z, -psi)
    comp = np.zeros((z.size, 4, 4))
    comp[:, 0, :] = -np.stack([c3, c2, c1, c0], axis=1) / c4[:, None]
    comp[:, 1, 0] = comp[:, 2, 1] = comp[:, 3, 2] = 1
    r = np.linalg.eigvals(comp)
    return np.abs(r[np.arange(z.size), np.argmax(np.abs(r.imag), axis=1)].imag) / np.pi


b_np, m_np = best(lambda: numpy_density(x))
inside = (x > lo + 1e-3) & (x < hi - 1e-3)
diff = np.max(np.abs(numpy_density(x)[inside] - law.density(x)[inside]))
print(f"points {N}, best of {REPEAT} (median)")
print(f"nrmt_python_density_seconds {b_py:.3f} ({m_py:.3f})")
print(f"nrmt_java_side_seconds {b_java:.3f} ({m_java:.3f})")
print(f"numpy_companion_argmax_seconds {b_np:.3f} ({m_np:.3f})")
print(f"ratio_python_over_numpy {b_py / b_np:.2f}")
print(f"max_abs_difference_inside_support {diff:.2e}")
