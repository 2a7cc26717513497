package org.nrmt.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;

/**
 * Random double coefficients with magnitudes 10^±200, random exact zeros and degrees 1–8: the
 * double disks are checked against apfloat roots (60 digits) of the same exact coefficients.
 * Every covered apfloat root must lie in a double disk; every isolated double disk must hold
 * exactly one apfloat centre when apfloat isolates all roots.
 */
class FuzzCrossCheckTest {

    @Property(tries = 40, seed = "20261124")
    void doubleDisksAgreeWithApfloatRoots(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Complex[] c = new Complex[n + 1];
        for (int k = 0; k <= n; k++) {
            if (k > 0 && k < n && rnd.nextInt(4) == 0) {
                c[k] = Complex.ZERO;
                continue;
            }
            double mag = Math.pow(10, rnd.nextInt(-200, 201) * (rnd.nextInt(3) == 0 ? 1.0 : 0.05));
            c[k] = new Complex(mag * rnd.nextDouble(-1, 1), rnd.nextBoolean() ? 0 : mag * rnd.nextDouble(-1, 1));
        }
        if (c[0].equals(Complex.ZERO) || c[n].equals(Complex.ZERO) || c[0].abs() == 0 || c[n].abs() == 0) {
            return;
        }
        RootSet d = PolynomialRoots.of(c);
        assertEquals(n, d.degree());
        Apcomplex[] ac = new Apcomplex[n + 1];
        for (int k = 0; k <= n; k++) {
            ac[k] = new Apcomplex(
                    new Apfloat(new BigDecimal(c[k].getReal())), new Apfloat(new BigDecimal(c[k].getImaginary())));
        }
        ApRootSet truth = PolynomialRoots.of(ac, 60);
        for (ApRoot t : truth.roots()) {
            if (!t.isolated()) {
                continue;
            }
            Complex tc = new Complex(
                    ApRoot.toDouble(t.value().real()), ApRoot.toDouble(t.value().imag()));
            if (!Double.isFinite(tc.getReal()) || !Double.isFinite(tc.getImaginary())) {
                continue;
            }
            boolean in = false;
            for (Root r : d.roots()) {
                in |= r.contains(tc) || !Double.isFinite(r.radius());
            }
            assertTrue(in, "apfloat root " + t.value() + " not in any double disk: " + d);
        }
        if (truth.allIsolated()) {
            for (Root r : d.roots()) {
                if (r.isolated()) {
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
}
