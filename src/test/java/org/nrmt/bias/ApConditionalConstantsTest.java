package org.nrmt.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;

/**
 * {@link ApHermiteRule} and {@link ApConditionalConstants} against closed forms (Hermite moments,
 * ReLU, polynomials) and the Gaussian-convolution identities E_b μ(b) = E f(√(s² + σb²) W),
 * E_b[μ² + ζ + s²] = E f(√(s² + σb²) W)², with the engine at the combined scale as the reference.
 */
class ApConditionalConstantsTest {

    private static final Apfloat ONE = new Apfloat(1);

    private static Apfloat ap(String v) {
        return new Apfloat(v, Apfloat.INFINITE);
    }

    private static double relDiff(Apfloat a, Apfloat b) {
        Apfloat scale = ApfloatMath.abs(b).compareTo(ONE) > 0 ? ApfloatMath.abs(b) : ONE;
        return ApfloatMath.abs(a.subtract(b)).divide(scale).doubleValue();
    }

    /** E ξ^{2k} = (2k − 1)!! exactly for 2k ≤ 2n − 1, odd moments 0; n = 4 nodes are ±√(3 ± √6). */
    @Test
    void hermiteRuleIntegratesPolynomialsExactly() {
        for (int n : new int[] {4, 9, 33}) {
            ApHermiteRule rule = ApHermiteRule.of(n, 50);
            assertEquals(n, rule.size());
            Apfloat doubleFact = new Apfloat(1, 60);
            for (int k = 0; 2 * k + 1 <= 2 * n - 1; k++) {
                if (k > 0) {
                    doubleFact = doubleFact.multiply(new Apfloat(2 * k - 1, 60));
                }
                Apfloat even = new Apfloat(0, 60);
                Apfloat odd = new Apfloat(0, 60);
                for (int j = 0; j < n; j++) {
                    Apfloat x = rule.nodes().get(j);
                    Apfloat w = rule.weights().get(j);
                    Apfloat power = new Apfloat(1, 60); // x^{2k}, without apfloat's 0^0
                    for (int i = 0; i < 2 * k; i++) {
                        power = power.multiply(x);
                    }
                    even = even.add(w.multiply(power));
                    odd = odd.add(w.multiply(power).multiply(x));
                }
                assertTrue(relDiff(even, doubleFact) < 1e-45, "n=" + n + " E xi^" + 2 * k + " = " + even);
                assertTrue(
                        ApfloatMath.abs(odd).doubleValue() < 1e-45 * doubleFact.doubleValue() * (2 * k + 2),
                        "n=" + n + " odd moment " + odd);
            }
        }
        Apfloat six = ApfloatMath.sqrt(new Apfloat(6, 60));
        Apfloat largest = ApfloatMath.sqrt(new Apfloat(3, 60).add(six));
        Apfloat smallest = ApfloatMath.sqrt(new Apfloat(3, 60).subtract(six));
        List<Apfloat> x = ApHermiteRule.of(4, 50).nodes();
        assertTrue(relDiff(x.get(3), largest) < 1e-48, x.toString());
        assertTrue(relDiff(x.get(2), smallest) < 1e-48, x.toString());
        assertTrue(relDiff(x.get(0), largest.negate()) < 1e-48, x.toString());
        assertThrows(IllegalArgumentException.class, () -> ApHermiteRule.of(0, 50));
        assertThrows(IllegalArgumentException.class, () -> ApHermiteRule.of(257, 50));
    }

    /**
     * ReLU(sξ + b), t = b/s: μ = bΦ(t) + sφ(t), E[ξ f] = sΦ(t) so ζ = s²Φ(t)², E f² = (b² + s²)Φ(t) + bsφ(t),
     * at 30 digits with apfloat's own erfc (the engine's integrals never call it).
     */
    @Test
    void reluClosedFormsAt30Digits() {
        Apfloat s = ap("1.3");
        ApConditionalConstants c = ApConditionalConstants.compute(Activation.parse("relu"), s, ap("0.8"), 30, 6);
        long p = 45;
        Apfloat sqrt2 = ApfloatMath.sqrt(new Apfloat(2, p));
        Apfloat sqrt2pi = ApfloatMath.sqrt(ApfloatMath.pi(p).multiply(new Apfloat(2, p)));
        for (int j = 0; j < c.size(); j++) {
            Apfloat b = c.nodes().get(j).precision(p);
            Apfloat t = b.divide(s.precision(p));
            Apfloat cdf = ApfloatMath.erfc(t.negate().divide(sqrt2)).divide(new Apfloat(2, p));
            Apfloat pdf =
                    ApfloatMath.exp(t.multiply(t).divide(new Apfloat(-2, p))).divide(sqrt2pi);
            Apfloat mu = b.multiply(cdf).add(s.multiply(pdf));
            Apfloat zeta = s.multiply(s).multiply(cdf).multiply(cdf);
            Apfloat second = b.multiply(b)
                    .add(s.multiply(s))
                    .multiply(cdf)
                    .add(b.multiply(s).multiply(pdf));
            Apfloat s2 = second.subtract(mu.multiply(mu)).subtract(zeta);
            double tol = 3 * Math.pow(10, -(c.nodeDigits().get(j) - 1));
            assertTrue(relDiff(c.mu().get(j), mu) < tol, "mu at b=" + b + ": " + c.mu().get(j) + " vs " + mu);
            assertTrue(relDiff(c.zeta().get(j), zeta) < tol, "zeta at b=" + b);
            assertTrue(relDiff(c.s2().get(j), s2) < tol, "s2 at b=" + b + ": " + c.s2().get(j) + " vs " + s2);
        }
        assertTrue(c.nodeDigits().contains(30L), "the central nodes carry all digits: " + c.nodeDigits());
    }

    /**
     * sξ + b with b ~ N(0, σb²) is N(0, s² + σb²): E_b μ and E_b[μ² + ζ + s²] = Var_b μ + (E_b μ)² +
     * E_b[ζ + s²] are the engine's mean and E f² at the combined scale, to the estimated error.
     */
    @Test
    void averagesRebuildTheConstantsAtTheCombinedScale() {
        Apfloat s = ap("1");
        Apfloat sigmaB = ap("0.6");
        Apfloat combined = ApfloatMath.sqrt(new Apfloat("1.36", 60));
        for (String name : new String[] {"tanh", "erf(x) + x^2/4"}) {
            Activation f = Activation.parse(name);
            ApConditionalConstants c = ApConditionalConstants.compute(f, s, sigmaB, 25);
            GaussianConstants ref = GaussianConstantsEngine.compute(f, combined, Apfloat.ZERO, 30, 0);
            double err = c.error().doubleValue() + ref.error().doubleValue();
            assertTrue(err < 1e-24, name + ": error estimate " + c.error() + " with " + c.size() + " nodes");
            Apfloat second = c.varianceMu().add(c.meanMu().multiply(c.meanMu())).add(c.meanZetaPlusS2());
            assertTrue(
                    ApfloatMath.abs(c.meanMu().subtract(ref.mean())).doubleValue() <= err,
                    name + ": E_b mu " + c.meanMu() + " vs " + ref.mean());
            assertTrue(
                    ApfloatMath.abs(second.subtract(ref.secondMoment())).doubleValue() <= 3 * err,
                    name + ": E_b E f^2 " + second + " vs " + ref.secondMoment());
        }
    }

    /**
     * Polynomials, s = 1, σb = 1/2: x³ − 3x has μ = b³, ζ = 9b⁴ (E[ξ f] = 3b²), E f² at scale a² = 1 + σb²:
     * 15a⁶ − 18a⁴ + 9a²; x² − 1 has μ = b², ζ = 4b², s² = 2. Gauss–Hermite with 8 nodes is exact.
     */
    @Test
    void polynomialsAreExact() {
        Apfloat sb = ap("0.5");
        ApConditionalConstants cubic = ApConditionalConstants.compute(Activation.parse("x^3 - 3*x"), ONE, sb, 40, 8);
        Apfloat a2 = ap("1.25");
        Apfloat second = ap("15").multiply(ApfloatMath.pow(a2, 3))
                .subtract(ap("18").multiply(a2.multiply(a2)))
                .add(ap("9").multiply(a2));
        assertEquals(0, cubic.meanMu().signum(), "E b^3 = 0, got " + cubic.meanMu());
        assertExact(cubic.varianceMu(), ap("15").multiply(ApfloatMath.pow(sb, 6)), "Var b^3 = 15 sb^6");
        assertExact(cubic.meanZeta(), ap("27").multiply(ApfloatMath.pow(sb, 4)), "E 9b^4 = 27 sb^4");
        assertExact(cubic.varianceMu().add(cubic.meanZetaPlusS2()), second, "E f^2 at the combined scale");
        assertTrue(cubic.error().doubleValue() < 1e-38, "error " + cubic.error());

        ApConditionalConstants square = ApConditionalConstants.compute(Activation.parse("x^2 - 1"), ONE, sb, 40, 8);
        assertExact(square.meanMu(), ap("0.25"), "E b^2");
        assertExact(square.varianceMu(), ap("0.125"), "Var b^2 = 2 sb^4");
        assertExact(square.meanZeta(), ap("1"), "E 4b^2");
        assertExact(square.meanS2(), ap("2"), "s2 = 2");
        for (int j = 0; j < square.size(); j++) {
            assertExact(square.s2().get(j), ap("2"), "s2 at node " + j);
        }
    }

    private static void assertExact(Apfloat got, Apfloat want, String what) {
        assertTrue(relDiff(got, want) < 1e-38, what + ": " + got + " vs " + want);
    }

    /**
     * exp(−x²), s = σb = 1, 20 digits: the rule reaches |b| ≈ 16, where the engine cannot converge and
     * the far nodes fall back to double or Gauss–Legendre; the averages still meet their error.
     * μ(b) = e^{−b²/3}/√3, ζ(b) = (2b μ/3)²: E_b μ = 1/√5, E_b μ² = 1/(3√(7/3)),
     * E_b ζ = (4/27)(7/3)^{−3/2}, E_b E f² = E e^{−2(ξ+b)²} = 1/3.
     */
    @Test
    void farNodeFallbacksKeepTheAveragesWithinTheirError() {
        ApConditionalConstants c = ApConditionalConstants.compute(Activation.parse("exp(-x^2)"), ONE, ONE, 20);
        assertTrue(
                c.nodes().get(0).doubleValue() < -12,
                "the rule should reach far out: " + c.nodes().get(0));
        long p = 40;
        Apfloat seven3 = new Apfloat(7, p).divide(new Apfloat(3, p));
        Apfloat meanMu = ONE.divide(ApfloatMath.sqrt(new Apfloat(5, p)));
        Apfloat meanMu2 = ONE.divide(new Apfloat(3, p).multiply(ApfloatMath.sqrt(seven3)));
        Apfloat meanZeta =
                new Apfloat(4, p).divide(new Apfloat(27, p)).divide(seven3.multiply(ApfloatMath.sqrt(seven3)));
        Apfloat second = ONE.divide(new Apfloat(3, p));
        double err = c.error().doubleValue();
        assertTrue(err < 1e-19, "error " + c.error());
        assertTrue(ApfloatMath.abs(c.meanMu().subtract(meanMu)).doubleValue() <= err, "E mu " + c.meanMu());
        assertTrue(
                ApfloatMath.abs(c.varianceMu().subtract(meanMu2.subtract(meanMu.multiply(meanMu))))
                                .doubleValue()
                        <= err,
                "Var mu " + c.varianceMu());
        assertTrue(ApfloatMath.abs(c.meanZeta().subtract(meanZeta)).doubleValue() <= err, "E zeta " + c.meanZeta());
        Apfloat total = c.meanZetaPlusS2().add(c.varianceMu()).add(c.meanMu().multiply(c.meanMu()));
        assertTrue(ApfloatMath.abs(total.subtract(second)).doubleValue() <= 3 * err, "E f^2 " + total);
    }

    /** The apfloat averages agree with the double constants on 64 Gauss–Hermite nodes. */
    @Test
    void doubleAndApfloatAgree() {
        for (String name : new String[] {"tanh", "relu"}) {
            Activation f = Activation.parse(name);
            ApConditionalConstants ap = ApConditionalConstants.compute(f, ap("1.2"), ap("0.7"), 20);
            ConditionalConstants d = ConditionalConstants.compute(f, 1.2, BiasMeasure.gaussian(0.7, 64));
            assertEquals(d.meanZeta(), ap.meanZeta().doubleValue(), 1e-13, name);
            assertEquals(d.meanS2(), ap.meanS2().doubleValue(), 1e-13, name);
            assertEquals(d.meanVariance(), ap.meanZetaPlusS2().doubleValue(), 1e-13, name);
            assertEquals(d.average(d.mu()), ap.meanMu().doubleValue(), 1e-13, name);
        }
    }

    /** σb = 0: one node, the plain constants of the engine. */
    @Test
    void zeroSigmaIsThePlainConstants() {
        Activation f = Activation.parse("tanh");
        ApConditionalConstants c = ApConditionalConstants.compute(f, ONE, Apfloat.ZERO, 30);
        GaussianConstants ref = GaussianConstantsEngine.compute(f, ONE, Apfloat.ZERO, 30, 0);
        assertEquals(1, c.size());
        assertEquals(ref.zeta(), c.meanZeta());
        assertEquals(ref.eta(), c.meanZetaPlusS2());
        assertEquals(0, c.varianceMu().signum());
        assertTrue(relDiff(c.meanS2(), ref.eta().subtract(ref.zeta())) < 1e-29);
    }

    @Test
    void badInputIsRefused() {
        Activation f = Activation.parse("tanh");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ApConditionalConstants.compute(f, ONE, ap("-1"), 30));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApConditionalConstants.compute(f, ONE, ONE, 30, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> ApConditionalConstants.compute(Activation.parse("exp(x^2)"), ONE, ONE, 30));
    }
}
