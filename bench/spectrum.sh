#!/usr/bin/env bash
# Spectrum benchmarks side by side with the public-script baseline (numpy: np.roots per point +
# argmax |Im G|). Usage: bench/spectrum.sh   (from the repository root; one core via taskset if present)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q package -DskipTests
CP="target/classes:target/test-classes:target/lib/*"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
echo "== nrmt (Java, certified) =="
$PIN java -XX:+UseSerialGC -cp "$CP" org.nrmt.bench.SpectrumBench | tee /tmp/nrmt_spectrum_bench.txt
echo "== numpy baseline (np.roots + argmax |Im|, uncertified) =="
$PIN python3 - <<'PY' | tee /tmp/numpy_spectrum_bench.txt
import time, numpy as np
eta, zeta, phi, psi = 0.39429449039784117, 0.36687916436241092, 0.5, 2.0
def coeffs(z, eta, zeta, phi, psi):
    g = phi / psi
    c4 = g*g*zeta*(eta-zeta)*z*z
    c3 = -g*zeta*z*(z + 2*(g-1)*(eta-zeta))
    c2 = zeta*(eta-zeta)*(g-1)**2 - z*(eta*phi + zeta*(1-2*g))
    c1 = psi*z + (g-1)*(psi*eta - zeta)
    c0 = -psi
    return [c4, c3, c2, c1, c0]
xs = np.linspace(-0.5, 2, 10000)
t0 = time.perf_counter()
dens = []
for x in xs:
    r = np.roots(coeffs(x, eta, zeta, phi, psi))
    dens.append(abs(r[np.argmax(np.abs(r.imag))].imag) / np.pi)
t = time.perf_counter() - t0
print("numpy_per_point_microseconds %.3f" % (t / len(xs) * 1e6))
print("numpy_1e5_points_seconds_extrapolated %.3f" % (t * 10))
# phantom mass of the argmax rule for tanh at phi = psi = 1 on [-0.5, 0)
xs = np.linspace(-0.5, -1e-9, 20001)
d = np.array([abs(np.roots(coeffs(x, eta, zeta, 1.0, 1.0))[np.argmax(np.abs(np.roots(coeffs(x, eta, zeta, 1.0, 1.0)).imag))].imag) / np.pi for x in xs])
print("numpy_phantom_mass_phi1_psi1 %.6f" % np.trapz(d, xs) if hasattr(np, "trapz") else "numpy_phantom_mass_phi1_psi1 %.6f" % np.trapezoid(d, xs))
PY
python3 - <<'PY'
def read(p):
    out = {}
    for line in open(p):
        parts = line.split()
        if len(parts) >= 2:
            try: out[parts[0]] = float(parts[1])
            except ValueError: pass
    return out
j, n = read("/tmp/nrmt_spectrum_bench.txt"), read("/tmp/numpy_spectrum_bench.txt")
print("== ratios ==")
print("per-point speed-up of certified nrmt over numpy argmax: %.1fx" % (n["numpy_per_point_microseconds"] / j["density_per_point_microseconds"]))
PY
