package org.nrmt.roots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** The discriminant against closed forms and the root-product identity; certified real roots. */
class DiscriminantsTest {

    /** Random c[k][j], small integers over 8 (exact in double), degree 2 in z, with a seed. */
    static double[][] randomCoefficients(int n, int dz, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] c = new double[n + 1][dz + 1];
        for (int k = 0; k <= n; k++) {
            for (int j = 0; j <= dz; j++) {
                c[k][j] = rnd.nextInt(-40, 41) / 8.0;
            }
        }
        if (c[n][dz] == 0) {
            c[n][dz] = 1;
        }
        return c;
    }

    static BigDecimal evalRow(double[] row, BigDecimal z) {
        BigDecimal s = BigDecimal.ZERO;
        for (int j = row.length - 1; j >= 0; j--) {
            s = s.multiply(z).add(new BigDecimal(row[j]));
        }
        return s;
    }

    /** Quadratic b² − 4ac and cubic b²c² − 4ac³ − 4b³d − 27a²d² + 18abcd, exactly, at random z. */
    @Property(tries = 30, seed = "20261124")
    void matchesClosedFormsExactlyForQuadraticAndCubic(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int n,
            @ForAll @IntRange(min = -20, max = 20) int zNum) {
        double[][] c = randomCoefficients(n, 2, seed);
        BigDecimal[][] e = new BigDecimal[n + 1][3];
        for (int k = 0; k <= n; k++) {
            for (int j = 0; j <= 2; j++) {
                e[k][j] = new BigDecimal(c[k][j]);
            }
        }
        BigDecimal[] disc = Discriminants.exactInZ(e);
        assertTrue(disc.length - 1 <= Discriminants.degreeBound(n, 2));
        BigDecimal z = new BigDecimal(zNum).divide(new BigDecimal(4));
        BigDecimal expected;
        if (n == 2) {
            BigDecimal a = evalRow(c[2], z);
            BigDecimal b = evalRow(c[1], z);
            BigDecimal cc = evalRow(c[0], z);
            expected = b.multiply(b).subtract(new BigDecimal(4).multiply(a).multiply(cc));
        } else {
            BigDecimal a = evalRow(c[3], z);
            BigDecimal b = evalRow(c[2], z);
            BigDecimal cc = evalRow(c[1], z);
            BigDecimal d = evalRow(c[0], z);
            expected = b.pow(2)
                    .multiply(cc.pow(2))
                    .subtract(new BigDecimal(4).multiply(a).multiply(cc.pow(3)))
                    .subtract(new BigDecimal(4).multiply(b.pow(3)).multiply(d))
                    .subtract(new BigDecimal(27).multiply(a.pow(2)).multiply(d.pow(2)))
                    .add(new BigDecimal(18).multiply(a).multiply(b).multiply(cc).multiply(d));
        }
        assertEquals(0, expected.compareTo(ExactPolynomials.evaluate(disc, z)), "n=" + n + " z=" + z);
        // the double version is the exact result rounded once
        double[] dd = Discriminants.inZ(c);
        assertEquals(disc.length, dd.length);
        for (int j = 0; j < dd.length; j++) {
            assertEquals(disc[j].doubleValue(), dd[j]);
        }
    }

    /** Disc = a_n^{2n−2} ∏_{i<j} (G_i − G_j)², roots G_i from 60-digit certified disks, at random z. */
    @Property(tries = 12, seed = "20261124")
    void equalsRootProductIdentityForQuarticAndQuintic(
            @ForAll long seed,
            @ForAll @IntRange(min = 4, max = 5) int n,
            @ForAll @IntRange(min = -30, max = 30) int zNum) {
        double[][] c = randomCoefficients(n, 2, seed);
        Apfloat[][] ac = new Apfloat[n + 1][3];
        for (int k = 0; k <= n; k++) {
            for (int j = 0; j <= 2; j++) {
                ac[k][j] = new Apfloat(new BigDecimal(c[k][j]));
            }
        }
        Apfloat[] disc = Discriminants.inZ(ac, 80);
        // exact z lifted to 80 digits: apfloat would otherwise round products to z's few digits
        Apfloat z = new Apfloat(new BigDecimal(zNum).divide(new BigDecimal(8))).precision(80);
        Apcomplex[] g = new Apcomplex[n + 1];
        for (int k = 0; k <= n; k++) {
            Apfloat s = Apfloat.ZERO;
            for (int j = 2; j >= 0; j--) {
                s = s.multiply(z).add(ac[k][j].precision(80));
            }
            g[k] = s;
        }
        net.jqwik.api.Assume.that(g[n].real().signum() != 0);
        ApRootSet roots = PolynomialRoots.of(g, 60);
        Apcomplex prod = ApfloatMath.pow(g[n].real().precision(70), 2L * n - 2);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Apcomplex d = roots.get(i).value().subtract(roots.get(j).value());
                prod = prod.multiply(d.multiply(d));
            }
        }
        Apfloat value = Apfloat.ZERO;
        for (int j = disc.length - 1; j >= 0; j--) {
            value = value.multiply(z.precision(80)).add(disc[j]);
        }
        Apfloat err = ApcomplexMath.abs(prod.subtract(value));
        Apfloat scale = ApcomplexMath.abs(prod).add(Apfloat.ONE);
        // roots to ~60 digits; near-coincident roots are rare for these integer coefficients
        assertTrue(
                err.compareTo(scale.multiply(ApfloatMath.scale(Apfloat.ONE, -30))) < 0,
                "disc " + value + " vs product " + prod);
    }

    @Test
    void degreeDropInGUsesTheHighestNonzeroRow() {
        // rows k = 3, 4 identically zero: the discriminant of the quadratic 1·G² − z·G + 1 is z² − 4
        double[][] c = {{1}, {0, -1}, {1}, {0, 0}, {}};
        assertArrayEquals(new double[] {-4, 0, 1}, Discriminants.inZ(c));
        // linear in G: 1 by convention
        assertArrayEquals(new double[] {1}, Discriminants.inZ(new double[][] {{3}, {0, 2}}));
    }

    @Test
    void marchenkoPasturEdgesAreTheRealRootsOfTheDiscriminant() {
        // ζ = 0: γηz G² − (z + η(γ−1)) G + 1 = 0 has edges η(1 ± √γ)²; η = 1, γ = 1/2
        Apfloat half = new Apfloat("0.5");
        Apfloat[][] c = {
            {Apfloat.ONE},
            {half, new Apfloat(-1)}, // −(z + η(γ−1)) = 0.5 − z
            {Apfloat.ZERO, half} // γη z
        };
        Apfloat[] disc = Discriminants.inZ(c, 60);
        List<Apfloat> edges = Discriminants.realRoots(disc, 50);
        assertEquals(2, edges.size(), edges.toString());
        Apfloat sqrtGamma = ApfloatMath.sqrt(new Apfloat("0.5", 80));
        Apfloat lo = ApfloatMath.pow(Apfloat.ONE.subtract(sqrtGamma), 2);
        Apfloat hi = ApfloatMath.pow(Apfloat.ONE.add(sqrtGamma), 2);
        Apfloat tol = ApfloatMath.scale(Apfloat.ONE, -48);
        assertTrue(ApfloatMath.abs(edges.get(0).subtract(lo)).compareTo(tol) < 0, edges.get(0) + " vs " + lo);
        assertTrue(ApfloatMath.abs(edges.get(1).subtract(hi)).compareTo(tol) < 0, edges.get(1) + " vs " + hi);
    }

    @Test
    void realRootsOfProductWithComplexPairAreExactlyOneAndTwo() {
        // (x − 1)(x − 2)(x² + 1) = x⁴ − 3x³ + 3x² − 3x + 2
        Apfloat[] p = {new Apfloat(2), new Apfloat(-3), new Apfloat(3), new Apfloat(-3), Apfloat.ONE};
        for (long digits : new long[] {20, 50, 100}) {
            List<Apfloat> r = Discriminants.realRoots(p, digits);
            assertEquals(2, r.size(), r.toString());
            assertEquals(0, r.get(0).compareTo(Apfloat.ONE), r.toString());
            assertEquals(0, r.get(1).compareTo(new Apfloat(2)), r.toString());
        }
    }

    @Test
    void realRootsInDoubleOfMarchenkoPasturDiscriminant() {
        // (z + η(γ−1))² − 4γηz for η = 1, γ = 1/2: roots (1 ± √0.5)², from the double discriminant
        double[] disc = Discriminants.inZ(new double[][] {{1}, {0.5, -1}, {0, 0.5}});
        double[] r = Discriminants.realRoots(disc);
        assertEquals(2, r.length);
        assertEquals(Math.pow(1 - Math.sqrt(0.5), 2), r[0], 1e-15);
        assertEquals(Math.pow(1 + Math.sqrt(0.5), 2), r[1], 1e-15);
    }

    @Test
    void repeatedAndZeroRootsAreReportedOnce() {
        // x²(x − 1)²(x + 3)(x² + 2) : distinct real roots −3, 0, 1
        BigDecimal[][] c = ExactPoly.fromRoots(
                new double[] {0, 0, 1, 1, -3, 0, 0}, new double[] {0, 0, 0, 0, 0, Math.sqrt(2), -Math.sqrt(2)}, 1);
        // the √2 pair is not exact in double: build x² + 2 exactly instead
        BigDecimal[][] base = ExactPoly.fromRoots(new double[] {0, 0, 1, 1, -3}, new double[5], 1);
        Apfloat[] p = new Apfloat[base[0].length + 2];
        for (int k = 0; k < p.length; k++) {
            BigDecimal v = BigDecimal.ZERO;
            if (k < base[0].length) {
                v = v.add(base[0][k].multiply(new BigDecimal(2)));
            }
            if (k >= 2) {
                v = v.add(base[0][k - 2]);
            }
            p[k] = new Apfloat(v);
        }
        assertEquals(8, c[0].length);
        List<Apfloat> r = Discriminants.realRoots(p, 40);
        assertEquals(3, r.size(), r.toString());
        assertEquals(0, r.get(0).compareTo(new Apfloat(-3)), r.toString());
        assertEquals(0, r.get(1).signum());
        assertEquals(0, r.get(2).compareTo(Apfloat.ONE), r.toString());
    }

    /** The PW quartic Σ c_k(z) G^k of model.md §3 as c[k][j] (coefficient of G^k z^j). */
    static Apfloat[][] pwQuartic(Apfloat eta, Apfloat zeta, Apfloat phi, Apfloat psi) {
        Apfloat gamma = phi.divide(psi);
        Apfloat one = Apfloat.ONE;
        Apfloat two = new Apfloat(2);
        Apfloat em = eta.subtract(zeta);
        Apfloat gm = gamma.subtract(one);
        return new Apfloat[][] {
            {psi.negate()},
            {gm.multiply(psi.multiply(eta).subtract(zeta)), psi},
            {
                zeta.multiply(em).multiply(gm).multiply(gm),
                eta.multiply(phi)
                        .add(zeta.multiply(one.subtract(two.multiply(gamma))))
                        .negate()
            },
            {
                Apfloat.ZERO,
                gamma.multiply(zeta).multiply(two).multiply(gm).multiply(em).negate(),
                gamma.multiply(zeta).negate()
            },
            {Apfloat.ZERO, Apfloat.ZERO, gamma.multiply(gamma).multiply(zeta).multiply(em)}
        };
    }

    /** At every real root z* of the discriminant, two roots G of the quartic coincide (to ~25 digits). */
    @Test
    void pwQuarticHasACoalescingPairAtEachRealDiscriminantRoot() {
        // exact rational parameters: η = 1, ζ = 1/2, φ = 1/2, ψ = 2 (γ = 1/4)
        Apfloat[][] c =
                pwQuartic(new Apfloat(1, 60), new Apfloat("0.5", 60), new Apfloat("0.5", 60), new Apfloat(2, 60));
        Apfloat[] disc = Discriminants.inZ(c, 80);
        assertTrue(disc.length - 1 <= Discriminants.degreeBound(4, 2), "degree " + (disc.length - 1));
        List<Apfloat> zs = Discriminants.realRoots(disc, 50);
        assertTrue(zs.size() >= 2, zs.toString());
        for (Apfloat zStar : zs) {
            Apfloat z = zStar.precision(60);
            Apcomplex[] g = new Apcomplex[5];
            for (int k = 0; k <= 4; k++) {
                Apfloat s = Apfloat.ZERO;
                for (int j = c[k].length - 1; j >= 0; j--) {
                    s = s.multiply(z).add(c[k][j].precision(60));
                }
                g[k] = s;
            }
            if (g[4].real().signum() == 0) {
                continue; // z* = 0 is a root of the leading coefficient, where a root G goes to infinity
            }
            ApRootSet roots = PolynomialRoots.of(g, 60);
            Apfloat minGap = null;
            for (int i = 0; i < roots.degree(); i++) {
                for (int j = i + 1; j < roots.degree(); j++) {
                    Apfloat d = ApcomplexMath.abs(
                            roots.get(i).value().subtract(roots.get(j).value()));
                    minGap = minGap == null || d.compareTo(minGap) < 0 ? d : minGap;
                }
            }
            assertTrue(minGap.compareTo(ApfloatMath.scale(Apfloat.ONE, -20)) < 0, "z* = " + zStar + " gap " + minGap);
        }
    }

    /**
     * Exact oracle from sympy (discriminant(…, G), rational arithmetic): for η = 1, ζ = φ = 1/2, ψ = 2
     * the PW discriminant is z⁴(32768z⁵ − 118272z⁴ + 104064z³ − 82936z² + 6696z + 1377)/2^19.
     */
    @Test
    void pwDiscriminantEqualsSympyExactly() {
        Apfloat[][] c =
                pwQuartic(new Apfloat(1, 60), new Apfloat("0.5", 60), new Apfloat("0.5", 60), new Apfloat(2, 60));
        BigDecimal[][] e = new BigDecimal[c.length][];
        for (int k = 0; k < c.length; k++) {
            e[k] = new BigDecimal[c[k].length];
            for (int j = 0; j < c[k].length; j++) {
                e[k][j] = Discriminants.toBigDecimal(c[k][j], "c");
            }
        }
        BigDecimal[] disc = Discriminants.exactInZ(e);
        long[] num = {0, 0, 0, 0, 1377, 6696, -82936, 104064, -118272, 32768};
        assertEquals(num.length, disc.length);
        BigDecimal scale = new BigDecimal(524288);
        for (int j = 0; j < num.length; j++) {
            assertEquals(0, disc[j].multiply(scale).compareTo(new BigDecimal(num[j])), "z^" + j + ": " + disc[j]);
        }
        // the four-fold root at 0 is reported once, exactly
        List<Apfloat> real = Discriminants.realRoots(Discriminants.inZ(c, 60), 40);
        assertEquals(1, real.stream().filter(x -> x.signum() == 0).count(), real.toString());
    }

    @Test
    void badInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Discriminants.inZ(new double[][] {{1}, {Double.NaN}}));
        assertTrue(e.getMessage().contains("c[1][0]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Discriminants.inZ(new double[][] {{1}, {0}}));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Discriminants.realRoots(new Apfloat[] {Apfloat.ZERO}, 20));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Discriminants.realRoots(new Apfloat[] {Apfloat.ONE, Apfloat.ONE}, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
