package org.nrmt.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * Double-precision roots against exact truth: polynomials built from dyadic complex roots have
 * exactly representable coefficients (checked in BigDecimal), so the true roots are known exactly.
 */
class PolynomialRootsTest {

    /** A root configuration: roots (re, im), a leading coefficient, and a label for coverage. */
    record Case(double[] rr, double[] ri, double lead, String regime) {}

    /**
     * Degrees 1–6. Regimes: "spread" (grid roots, step 1/8 in [−4, 4]²), "near-multiple" (one root
     * duplicated with an offset 2^-k, k in 8..20), "magnitudes" (roots 2^e with e in −12..12).
     */
    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> degree = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> regime = Arbitraries.integers().between(0, 2);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(degree, regime, seed).as(PolynomialRootsTest::makeCase);
    }

    static Case makeCase(int n, int regime, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] rr = new double[n];
        double[] ri = new double[n];
        for (int i = 0; i < n; i++) {
            if (regime == 2) {
                double mag = Math.scalb(1.0, rnd.nextInt(-12, 13));
                int q = rnd.nextInt(4);
                rr[i] = q == 0 ? mag : q == 1 ? -mag : 0.5 * mag;
                ri[i] = q == 2 ? 0.5 * mag : q == 3 ? mag : 0;
            } else {
                rr[i] = rnd.nextInt(-32, 33) / 8.0;
                ri[i] = rnd.nextInt(-32, 33) / 8.0;
            }
        }
        if (regime == 1 && n >= 2) {
            double off = Math.scalb(1.0, -rnd.nextInt(8, 21));
            rr[1] = rr[0] + off;
            ri[1] = ri[0];
        }
        double lead = rnd.nextInt(1, 9) / 4.0 * (rnd.nextBoolean() ? 1 : -1);
        return new Case(rr, ri, lead, regime == 0 ? "spread" : regime == 1 ? "near-multiple" : "magnitudes");
    }

    @Property(tries = 300, seed = "20261124")
    void everyTrueRootLiesInItsDiskAndIsolatedDisksHoldExactlyOne(@ForAll("cases") Case c) {
        Complex[] coeff = ExactPoly.toDoubleExact(ExactPoly.fromRoots(c.rr(), c.ri(), c.lead()));
        net.jqwik.api.Assume.that(coeff != null);
        RootSet set = PolynomialRoots.of(coeff);
        int n = c.rr().length;
        assertEquals(n, set.degree());
        Statistics.collect(c.regime(), set.allIsolated());
        // every true root lies in at least one disk
        for (int i = 0; i < n; i++) {
            Complex t = new Complex(c.rr()[i], c.ri()[i]);
            boolean in = false;
            for (Root r : set.roots()) {
                in |= r.contains(t);
            }
            assertTrue(in, "true root " + t + " not covered by " + set);
        }
        // an isolated disk holds exactly one true root (with multiplicity)
        for (Root r : set.roots()) {
            if (r.isolated()) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (r.contains(new Complex(c.rr()[i], c.ri()[i]))) {
                        count++;
                    }
                }
                assertEquals(1, count, "isolated disk " + r + " of " + set);
            }
        }
        // distinct roots well separated relative to their size are certified
        if (minRelativeSeparation(c) > 1e-3) {
            assertTrue(set.allIsolated(), "well separated roots not all isolated: " + set);
            for (Root r : set.roots()) {
                assertTrue(r.radius() <= 1e-6 * Math.max(1, r.value().abs()), "radius too big " + r);
            }
        }
    }

    static double minRelativeSeparation(Case c) {
        double m = Double.POSITIVE_INFINITY;
        int n = c.rr().length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.hypot(c.rr()[i] - c.rr()[j], c.ri()[i] - c.ri()[j]);
                double s = Math.max(Math.hypot(c.rr()[i], c.ri()[i]), Math.hypot(c.rr()[j], c.ri()[j]));
                m = Math.min(m, d / s);
            }
        }
        return m;
    }

    @Property(tries = 100, seed = "20261124")
    void vietaReconstructsTheCoefficients(@ForAll("cases") Case c) {
        Complex[] coeff = ExactPoly.toDoubleExact(ExactPoly.fromRoots(c.rr(), c.ri(), c.lead()));
        net.jqwik.api.Assume.that(coeff != null);
        RootSet set = PolynomialRoots.of(coeff);
        int n = set.degree();
        Complex[] p = new Complex[n + 1];
        p[0] = coeff[n];
        for (int k = 1; k <= n; k++) {
            p[k] = Complex.ZERO;
        }
        // build a_n ∏ (x − z_i) in decreasing order p[0] x^n + ...
        for (int i = 0; i < n; i++) {
            Complex z = set.get(i).value();
            for (int k = i + 1; k >= 1; k--) {
                p[k] = p[k].subtract(p[k - 1].multiply(z));
            }
        }
        double scale = 0;
        for (Complex a : coeff) {
            scale = Math.max(scale, a.abs());
        }
        double maxAbsRoot = 1;
        for (Root r : set.roots()) {
            maxAbsRoot = Math.max(maxAbsRoot, r.value().abs());
        }
        for (int k = 0; k <= n; k++) {
            Complex rebuilt = p[n - k];
            // each coefficient is a sum of products of roots: allow ~ nearness to root error times magnitudes
            double tol = 1e-6 * Math.abs(c.lead()) * Math.pow(maxAbsRoot, n - k) * (1 << n);
            assertTrue(
                    rebuilt.subtract(coeff[k]).abs() <= tol + 1e-12 * scale,
                    "coefficient " + k + ": rebuilt " + rebuilt + " vs " + coeff[k]);
        }
    }

    @Test
    void simpleRootsOfAQuarticAreCertifiedTightly() {
        // (x − 1)(x + 2)(x − i)(x + i) = (x² + x − 2)(x² + 1) = x⁴ + x³ − x² + x − 2
        RootSet set = PolynomialRoots.ofReal(-2, 1, -1, 1, 1);
        assertEquals(4, set.degree());
        assertTrue(set.allIsolated());
        for (Complex t : new Complex[] {Complex.ONE, new Complex(-2), Complex.I, Complex.I.negate()}) {
            Root r = find(set, t);
            assertNotNull(r, "no disk holds " + t);
            assertTrue(r.radius() < 1e-13, "radius " + r.radius());
        }
    }

    @Test
    void doubleRootIsReportedNotIsolated() {
        // (x − 1)²(x + 2) = x³ − 3x + 2
        RootSet set = PolynomialRoots.ofReal(2, -3, 0, 1);
        assertEquals(3, set.degree());
        assertEquals(1, set.isolatedCount());
        int near1 = 0;
        for (Root r : set.roots()) {
            if (r.contains(Complex.ONE)) {
                near1++;
                assertFalse(r.isolated(), "a disk of the double root claims isolation: " + r);
            }
        }
        assertEquals(2, near1);
        Root m2 = find(set, new Complex(-2));
        assertTrue(m2.isolated());
    }

    @Test
    void exactZeroRootsAreExact() {
        // x²(x − 1): a double root at 0 exactly, radius 0, not isolated; 1 isolated
        RootSet set = PolynomialRoots.ofReal(0, 0, -1, 1);
        assertEquals(3, set.degree());
        int zeros = 0;
        for (Root r : set.roots()) {
            if (r.value().equals(Complex.ZERO)) {
                zeros++;
                assertEquals(0.0, r.radius());
                assertFalse(r.isolated());
            }
        }
        assertEquals(2, zeros);
        assertTrue(find(set, Complex.ONE).isolated());
        // a simple zero root is isolated with radius 0
        RootSet one = PolynomialRoots.ofReal(0, -1, 1);
        assertTrue(one.allIsolated());
    }

    @Test
    void exactlyZeroLeadingCoefficientsDropTheDegree() {
        // 1 − 3x + 2x² + 0x³ + 0x⁴: a quadratic with roots 1/2 and 1
        RootSet set = PolynomialRoots.ofReal(1, -3, 2, 0, 0);
        assertEquals(2, set.degree());
        assertTrue(set.allIsolated());
        assertNotNull(find(set, new Complex(0.5)));
        assertNotNull(find(set, Complex.ONE));
        // a nonzero constant has no roots
        RootSet constant = PolynomialRoots.ofReal(3, 0, 0);
        assertEquals(0, constant.degree());
        assertTrue(constant.allIsolated());
    }

    @Test
    void tinyLeadingCoefficientGivesARootNearInfinityWithoutOverflow() {
        // ε x² + x − 1: roots (−1 ± √(1 + 4ε))/(2ε) ≈ 1 − ε and −1/ε − 1
        for (double eps : new double[] {1e-8, 1e-20, 1e-100, 1e-200, 1e-300}) {
            RootSet set = PolynomialRoots.ofReal(-1, 1, eps);
            assertEquals(2, set.degree());
            assertTrue(set.allIsolated(), "eps " + eps + ": " + set);
            Root small = find(set, new Complex(1 - eps));
            assertNotNull(small, "eps " + eps + ": " + set);
            Root big = find(set, new Complex(-1 / eps - 1));
            assertNotNull(big, "eps " + eps + ": " + set);
            assertTrue(big.radius() <= 1e-12 / eps, "eps " + eps + " radius " + big.radius());
        }
        // quartic with vanishing c4 next to O(1) coefficients: three finite roots stay accurate
        // (x − 1)(x − 2)(x − 3) + 1e-30 x⁴
        RootSet q = PolynomialRoots.ofReal(-6, 11, -6, 1, 1e-30);
        assertEquals(4, q.degree());
        assertTrue(q.allIsolated());
        for (double t : new double[] {1, 2, 3}) {
            Root r = nearest(q, new Complex(t));
            assertTrue(Math.abs(r.value().getReal() - t) < 1e-12 && r.radius() < 1e-12, "root " + t + ": " + r);
        }
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.ofReal(1, Double.NaN));
        assertTrue(e.getMessage().contains("c[1]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.ofReal(0, 0, 0));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.of(new Complex[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.ofReal(1, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.of((Complex[]) null));
    }

    static Root find(RootSet set, Complex t) {
        for (Root r : set.roots()) {
            if (r.contains(t)) {
                return r;
            }
        }
        return null;
    }

    static Root nearest(RootSet set, Complex t) {
        Root best = null;
        for (Root r : set.roots()) {
            if (best == null
                    || r.value().subtract(t).abs() < best.value().subtract(t).abs()) {
                best = r;
            }
        }
        return best;
    }

    static List<Complex> values(RootSet set) {
        List<Complex> out = new ArrayList<>();
        for (Root r : set.roots()) {
            out.add(r.value());
        }
        return out;
    }
}
