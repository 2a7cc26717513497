package org.nrmt.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** Warm starts (continuation) and coefficients spanning hundreds of orders of magnitude. */
class WarmStartAndRangeTest {

    /** PW quartic at z for ReLU-like constants (η = 1/2 − 1/(2π), ζ = 1/4), φ = 0.5, ψ = 2. */
    static Complex[] pw(Complex z) {
        double eta = 0.5 - 1 / (2 * Math.PI);
        double zeta = 0.25;
        double phi = 0.5;
        double psi = 2;
        double g = phi / psi;
        Complex z2 = z.multiply(z);
        return new Complex[] {
            new Complex(-psi),
            z.multiply(psi).add((g - 1) * (psi * eta - zeta)),
            z.multiply(-(eta * phi + zeta * (1 - 2 * g))).add(zeta * (eta - zeta) * (g - 1) * (g - 1)),
            z2.multiply(-g * zeta).add(z.multiply(-2 * g * zeta * (g - 1) * (eta - zeta))),
            z2.multiply(g * g * zeta * (eta - zeta))
        };
    }

    /** Along a path in the upper half plane, warm-started roots keep their index and match cold roots. */
    @Test
    void continuationKeepsIndicesAndMatchesColdSolve() {
        RootSet prev = PolynomialRoots.of(pw(new Complex(3, 1)));
        for (int t = 1; t <= 200; t++) {
            Complex z = new Complex(3 - 4.0 * t / 200, 1 - 0.99 * t / 200);
            Complex[] start = new Complex[4];
            for (int i = 0; i < 4; i++) {
                start[i] = prev.get(i).value();
            }
            RootSet warm = PolynomialRoots.of(pw(z), start);
            RootSet cold = PolynomialRoots.of(pw(z));
            assertTrue(warm.allIsolated() && cold.allIsolated(), "z = " + z);
            for (int i = 0; i < 4; i++) {
                Root w = warm.get(i);
                // same root: the cold disk containing the warm centre is the only one
                int hits = 0;
                for (Root c : cold.roots()) {
                    hits += c.contains(w.value()) || w.contains(c.value()) ? 1 : 0;
                }
                assertEquals(1, hits, "z = " + z + " root " + w);
                // index kept: the warm root i is nearer to start i than to any other start
                double own = w.value().subtract(start[i]).abs();
                for (int j = 0; j < 4; j++) {
                    if (j != i) {
                        assertTrue(own < w.value().subtract(start[j]).abs(), "index swap at z = " + z);
                    }
                }
            }
            prev = warm;
        }
    }

    @Test
    void apfloatWarmStartFromDoubleAgreesWithColdStart() {
        Complex[] c = pw(new Complex(0.7, 0.01));
        RootSet d = PolynomialRoots.of(c);
        Apcomplex[] ac = new Apcomplex[c.length];
        for (int k = 0; k < c.length; k++) {
            ac[k] = new Apcomplex(
                    new Apfloat(new BigDecimal(c[k].getReal())), new Apfloat(new BigDecimal(c[k].getImaginary())));
        }
        Apcomplex[] start = new Apcomplex[4];
        for (int i = 0; i < 4; i++) {
            start[i] = new Apcomplex(
                    new Apfloat(new BigDecimal(d.get(i).value().getReal())),
                    new Apfloat(new BigDecimal(d.get(i).value().getImaginary())));
        }
        ApRootSet warm = PolynomialRoots.of(ac, 60, start);
        ApRootSet cold = PolynomialRoots.of(ac, 60);
        assertTrue(warm.allIsolated() && cold.allIsolated());
        for (int i = 0; i < 4; i++) {
            int hits = 0;
            for (ApRoot r : cold.roots()) {
                hits += r.contains(warm.get(i).value()) || warm.get(i).contains(r.value()) ? 1 : 0;
            }
            assertEquals(1, hits);
            // warm index i stays at the double root i
            assertTrue(d.get(i)
                    .contains(new Complex(
                            ApRoot.toDouble(warm.get(i).value().real()),
                            ApRoot.toDouble(warm.get(i).value().imag()))));
        }
        // an unusable start (wrong length) falls back to the cold start
        assertTrue(PolynomialRoots.of(c, new Complex[] {Complex.ONE}).allIsolated());
    }

    /**
     * Roots with moduli 10^e, e in [−60, 60], as dyadic-free truths: coefficients are computed
     * exactly in BigDecimal and fed to apfloat (50 digits) and, rounded, to double. Each true root
     * must lie in an apfloat disk; every double isolated disk must hold exactly one apfloat centre.
     */
    @Provide
    Arbitrary<double[]> exponents() {
        return Arbitraries.integers()
                .between(-60, 60)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(l -> l.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    @Property(tries = 25, seed = "20261124")
    void widelySpreadRootsAreCertified(@ForAll("exponents") double[] e) {
        int n = e.length;
        BigDecimal[] rr = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            rr[i] = BigDecimal.ONE.scaleByPowerOfTen((int) e[i]).multiply(new BigDecimal(i % 2 == 0 ? 3 : -7));
        }
        // a_n ∏ (x − r_i), exactly; a_n = 1
        BigDecimal[] c = {BigDecimal.ONE};
        for (int i = 0; i < n; i++) {
            BigDecimal[] next = new BigDecimal[c.length + 1];
            for (int k = 0; k < next.length; k++) {
                BigDecimal lower = k > 0 ? c[k - 1] : BigDecimal.ZERO;
                BigDecimal same = k < c.length ? c[k].multiply(rr[i]) : BigDecimal.ZERO;
                next[k] = lower.subtract(same);
            }
            c = next;
        }
        Apcomplex[] ac = new Apcomplex[n + 1];
        Complex[] dc = new Complex[n + 1];
        for (int k = 0; k <= n; k++) {
            ac[k] = new Apfloat(c[k]);
            dc[k] = new Complex(c[k].doubleValue());
        }
        ApRootSet ap = PolynomialRoots.of(ac, 50);
        for (int i = 0; i < n; i++) {
            boolean in = false;
            for (ApRoot r : ap.roots()) {
                in |= r.contains(new Apfloat(rr[i]));
            }
            assertTrue(in, "root " + rr[i] + " not covered: " + ap);
        }
        RootSet d = PolynomialRoots.of(dc);
        assertEquals(n, d.degree());
        for (Root r : d.roots()) {
            assertTrue(Double.isFinite(r.value().getReal())
                    && Double.isFinite(r.value().getImaginary()));
            if (r.isolated()) {
                // the double polynomial is the rounded one: compare with its own apfloat roots
                Apcomplex[] rounded = new Apcomplex[n + 1];
                for (int k = 0; k <= n; k++) {
                    rounded[k] = new Apfloat(new BigDecimal(dc[k].getReal()));
                }
                ApRootSet truth = PolynomialRoots.of(rounded, 40);
                int hits = 0;
                for (ApRoot t : truth.roots()) {
                    hits += r.contains(new Complex(
                                    ApRoot.toDouble(t.value().real()),
                                    ApRoot.toDouble(t.value().imag())))
                            ? 1
                            : 0;
                }
                assertEquals(1, hits, "double disk " + r + " vs " + truth);
            }
        }
    }
}
