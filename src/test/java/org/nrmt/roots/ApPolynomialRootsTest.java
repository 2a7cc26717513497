package org.nrmt.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** Apfloat roots against exact dyadic truth, and against the double engine. */
class ApPolynomialRootsTest {

    @Provide
    Arbitrary<PolynomialRootsTest.Case> cases() {
        return new PolynomialRootsTest().cases();
    }

    static Apcomplex[] exact(BigDecimal[][] c) {
        Apcomplex[] out = new Apcomplex[c[0].length];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Apcomplex(new Apfloat(c[0][k]), new Apfloat(c[1][k]));
        }
        return out;
    }

    @Property(tries = 40, seed = "20261124")
    void trueRootsLieInDisksAndIsolatedDisksHoldOneAt50Digits(@ForAll("cases") PolynomialRootsTest.Case c) {
        // exact coefficients even when they are not doubles: apfloat takes BigDecimal exactly
        Apcomplex[] coeff = exact(ExactPoly.fromRoots(c.rr(), c.ri(), c.lead()));
        ApRootSet set = PolynomialRoots.of(coeff, 50);
        int n = c.rr().length;
        assertEquals(n, set.degree());
        for (int i = 0; i < n; i++) {
            Apcomplex t = new Apcomplex(new Apfloat(new BigDecimal(c.rr()[i])), new Apfloat(new BigDecimal(c.ri()[i])));
            boolean in = false;
            for (ApRoot r : set.roots()) {
                in |= r.contains(t);
            }
            assertTrue(in, "true root " + t + " not covered by " + set);
        }
        for (ApRoot r : set.roots()) {
            if (r.isolated()) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    count += r.contains(new Apcomplex(
                                    new Apfloat(new BigDecimal(c.rr()[i])), new Apfloat(new BigDecimal(c.ri()[i]))))
                            ? 1
                            : 0;
                }
                assertEquals(1, count, "isolated disk " + r);
                // 50 digits: radius tiny relative to the root scale for these separations (≥ 2^-20)
                assertTrue(
                        r.radius().doubleValue()
                                <= 1e-25 * Math.max(1, ApRoot.toDouble(r.value().real())),
                        "radius " + r);
            }
        }
        if (PolynomialRootsTest.minRelativeSeparation(c) > 0) {
            assertTrue(set.allIsolated(), "distinct roots must isolate at 50 digits: " + set);
        }
    }

    @Property(tries = 40, seed = "20261124")
    void apfloatAgreesWithDoubleWhereBothIsolate(@ForAll("cases") PolynomialRootsTest.Case c) {
        Complex[] dc = ExactPoly.toDoubleExact(ExactPoly.fromRoots(c.rr(), c.ri(), c.lead()));
        Assume.that(dc != null);
        RootSet ds = PolynomialRoots.of(dc);
        Apcomplex[] ac = new Apcomplex[dc.length];
        for (int k = 0; k < dc.length; k++) {
            ac[k] = new Apcomplex(new Apfloat(dc[k].getReal()), new Apfloat(dc[k].getImaginary()));
        }
        ApRootSet as = PolynomialRoots.of(ac, 40);
        for (Root r : ds.roots()) {
            if (!r.isolated()) {
                continue;
            }
            int matches = 0;
            for (ApRoot q : as.roots()) {
                if (q.isolated()
                        && r.contains(new Complex(
                                ApRoot.toDouble(q.value().real()),
                                ApRoot.toDouble(q.value().imag())))) {
                    matches++;
                }
            }
            assertEquals(1, matches, "double disk " + r + " vs " + as);
        }
    }

    @Test
    void radiiShrinkWithPrecision() {
        // (x − 1)(x − 2)(x − 3)(x − i) expanded exactly: roots known
        BigDecimal[][] c = ExactPoly.fromRoots(new double[] {1, 2, 3, 0}, new double[] {0, 0, 0, 1}, 1);
        Apcomplex[] coeff = exact(c);
        double previous = Double.POSITIVE_INFINITY;
        for (long digits : new long[] {50, 100, 200}) {
            ApRootSet set = PolynomialRoots.of(coeff, digits);
            assertTrue(set.allIsolated());
            Apfloat worst = Apfloat.ZERO;
            for (ApRoot r : set.roots()) {
                worst = r.radius().compareTo(worst) > 0 ? r.radius() : worst;
            }
            // radius below 10^-digits (the guard digits buy margin) and shrinking
            assertTrue(worst.compareTo(ApfloatMath.scale(new Apfloat(1), -digits)) < 0, digits + ": " + worst);
            double log = Math.log10(worst.doubleValue() == 0 ? Double.MIN_VALUE : 1) + worst.scale();
            assertTrue(log < previous, digits + ": " + worst);
            previous = log;
            for (double t : new double[] {1, 2, 3}) {
                assertNotNull(find(set, new Apcomplex(new Apfloat((long) t))));
            }
            assertNotNull(find(set, Apcomplex.I));
            // rounded outward to double the disks still hold the roots and stay isolated
            RootSet d = set.toDouble();
            assertTrue(d.allIsolated());
            for (Complex t : new Complex[] {Complex.ONE, new Complex(2), new Complex(3), Complex.I}) {
                assertTrue(d.get(d.nearestIndex(t)).contains(t), t + " in " + d);
            }
            assertEquals(set.nearestIndex(Apcomplex.I), d.nearestIndex(Complex.I));
        }
    }

    @Test
    void doubleRootIsNotIsolatedAtAnyPrecision() {
        // (x − 1)²(x + 2) = x³ − 3x + 2
        Apcomplex[] coeff = {new Apfloat(2), new Apfloat(-3), Apfloat.ZERO, Apfloat.ONE};
        for (long digits : new long[] {30, 100}) {
            ApRootSet set = PolynomialRoots.of(coeff, digits);
            assertEquals(1, set.isolatedCount());
            int near1 = 0;
            for (ApRoot r : set.roots()) {
                if (r.contains(Apcomplex.ONE)) {
                    near1++;
                    assertFalse(r.isolated());
                }
            }
            assertEquals(2, near1, set.toString());
            assertTrue(find(set, new Apfloat(-2)).isolated());
        }
    }

    /** Roots 1 and 1 + 10^-30 (and −2): not separable at 10 digits, certified at 50. */
    @Test
    void nearDoubleRootSeparatesWithPrecision() {
        Apfloat one = new Apfloat(1);
        Apfloat close = one.add(ApfloatMath.scale(one, -30));
        Apfloat m2 = new Apfloat(-2);
        // (x − 1)(x − close)(x + 2), exact (infinite-precision apfloats)
        Apfloat s1 = one.add(close).add(m2);
        Apfloat s2 = one.multiply(close).add(one.multiply(m2)).add(close.multiply(m2));
        Apfloat s3 = one.multiply(close).multiply(m2);
        Apcomplex[] c = {s3.negate(), s2, s1.negate(), Apfloat.ONE};
        ApRootSet coarse = PolynomialRoots.of(c, 10);
        assertEquals(1, coarse.isolatedCount(), coarse.toString());
        ApRootSet fine = PolynomialRoots.of(c, 50);
        assertTrue(fine.allIsolated(), fine.toString());
        assertNotNull(find(fine, one));
        assertNotNull(find(fine, close));
        assertTrue(find(fine, one) != find(fine, close));
    }

    /** Vieta at 50 digits: a_n ∏(x − z_i) rebuilds the exact coefficients to ~45 digits. */
    @Test
    void vietaReconstructionAt50Digits() {
        BigDecimal[][] ex =
                ExactPoly.fromRoots(new double[] {0.5, -1.25, 3, 0, 2}, new double[] {1, 0, -0.75, 2, 0}, -1.5);
        Apcomplex[] c = exact(ex);
        ApRootSet set = PolynomialRoots.of(c, 50);
        int n = set.degree();
        Apcomplex[] p = new Apcomplex[n + 1]; // decreasing powers
        p[0] = c[n];
        for (int k = 1; k <= n; k++) {
            p[k] = Apcomplex.ZERO;
        }
        for (int i = 0; i < n; i++) {
            Apcomplex z = set.get(i).value();
            for (int k = i + 1; k >= 1; k--) {
                p[k] = p[k].subtract(p[k - 1].multiply(z));
            }
        }
        for (int k = 0; k <= n; k++) {
            Apfloat err = org.apfloat.ApcomplexMath.abs(p[n - k].subtract(c[k]));
            assertTrue(err.compareTo(ApfloatMath.scale(Apfloat.ONE, -45)) < 0, "coefficient " + k + " error " + err);
        }
    }

    @Test
    void rootNearInfinityBeyondDoubleRange() {
        // ε x² + x − 1 with ε = 10^-500: roots ≈ 1 − ε and −10^500 − 1
        Apfloat eps = ApfloatMath.scale(Apfloat.ONE, -500);
        Apcomplex[] coeff = {new Apfloat(-1), Apfloat.ONE, eps};
        ApRootSet set = PolynomialRoots.of(coeff, 60);
        assertEquals(2, set.degree());
        assertTrue(set.allIsolated(), set.toString());
        Apfloat small = Apfloat.ONE.subtract(eps);
        assertNotNull(find(set, small));
        Apfloat big = ApfloatMath.scale(Apfloat.ONE, 500).add(Apfloat.ONE).negate();
        ApRoot b = find(set, big);
        assertNotNull(b, set.toString());
    }

    @Test
    void degreeDropAndBadInput() {
        Apcomplex[] coeff = {new Apfloat(1), new Apfloat(-3), new Apfloat(2), Apfloat.ZERO};
        ApRootSet set = PolynomialRoots.of(coeff, 30);
        assertEquals(2, set.degree());
        assertNotNull(find(set, new Apfloat("0.5")));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PolynomialRoots.of(new Apcomplex[] {Apfloat.ZERO, Apfloat.ZERO}, 30));
        assertTrue(e.getMessage().contains("zero"));
        e = assertThrows(IllegalArgumentException.class, () -> PolynomialRoots.of(coeff, 0));
        assertTrue(e.getMessage().contains("got 0"));
    }

    static ApRoot find(ApRootSet set, Apcomplex t) {
        for (ApRoot r : set.roots()) {
            if (r.contains(t)) {
                return r;
            }
        }
        return null;
    }
}
