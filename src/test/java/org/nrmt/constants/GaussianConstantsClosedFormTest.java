package org.nrmt.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;

/**
 * The engine against closed forms at 50 requested digits (≥ 45 must agree, and the reported
 * error must bound the actual error). Closed forms: ../shared/theory/model.md §2 and
 * theory/gaussian-constants.md §7 (hard-tanh and shifted ReLU derived there).
 */
class GaussianConstantsClosedFormTest {
    private static final long D = 50;
    private static final long W = 70;

    static Apfloat ap(long v) {
        return new Apfloat(v, W);
    }

    static Apfloat pi() {
        return ApfloatMath.pi(W);
    }

    static Apfloat phiPdf(Apfloat a) {
        return ApfloatMath.exp(a.multiply(a).negate().divide(ap(2))).divide(ApfloatMath.sqrt(pi().multiply(ap(2))));
    }

    /** |got − exact| ≤ max(error, 10^-45·max(1,|exact|)) and ≤ error (honesty). */
    static void close(String what, Apfloat exact, Apfloat got, Apfloat error) {
        Apfloat diff = ApfloatMath.abs(got.subtract(exact));
        Apfloat tol45 =
                ApfloatMath.scale(new Apfloat(1), -45).multiply(ApfloatMath.max(Apfloat.ONE, ApfloatMath.abs(exact)));
        assertTrue(diff.compareTo(tol45) <= 0, what + ": |" + got + " − " + exact + "| = " + diff);
        assertTrue(diff.compareTo(error) <= 0, what + ": reported error " + error + " < actual " + diff);
    }

    static void close30(String what, Apfloat exact, Apfloat got, Apfloat error, int b) {
        Apfloat diff = ApfloatMath.abs(got.subtract(exact));
        assertTrue(
                diff.compareTo(error) <= 0,
                what + " at b = " + b + ": |" + got + " − " + exact + "| = " + diff + " > reported error " + error);
    }

    static boolean kinksSupported() {
        try {
            Activation.parse("relu").nonSmoothPoints(-1, 1, 20);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    static GaussianConstants at(String f, double s) {
        return GaussianConstantsEngine.compute(Activation.parse(f), s, D);
    }

    @Test
    void erf() {
        GaussianConstants c = at("erf", 1);
        close("eta", ap(2).divide(pi()).multiply(ApfloatMath.asin(ap(2).divide(ap(3)))), c.eta(), c.error());
        close("zeta", ap(4).divide(ap(3).multiply(pi())), c.zeta(), c.error());
        close("mean", Apfloat.ZERO, c.mean(), c.error());
    }

    @Test
    void hermiteTwoHasNoLinearPart() {
        GaussianConstants c = at("x^2 - 1", 1);
        close("eta", ap(2), c.eta(), c.error());
        close("zeta", Apfloat.ZERO, c.zeta(), c.error());
        close("mean", Apfloat.ZERO, c.mean(), c.error());
    }

    @Test
    void linearGivesEtaEqualsZeta() {
        GaussianConstants c = at("2.5*x", 1);
        Apfloat c2 = new Apfloat("6.25", W);
        close("eta", c2, c.eta(), c.error());
        close("zeta", c2, c.zeta(), c.error());
    }

    @Test
    void scalingInS() {
        // f(x) = tanh(2x) at s = 1 is f = tanh at s = 2; x³ at s = 1.5 has η = 15 s⁶, ζ = 9 s⁶
        GaussianConstants a = at("tanh(2*x)", 1);
        GaussianConstants b = at("tanh", 2);
        close("eta", a.eta(), b.eta(), a.error().add(b.error()));
        close("zeta", a.zeta(), b.zeta(), a.error().add(b.error()));
        GaussianConstants cube = at("x^3", 1.5);
        Apfloat s6 = new Apfloat("1.5", W).multiply(new Apfloat("1.5", W)).multiply(new Apfloat("1.5", W));
        s6 = s6.multiply(s6);
        close("eta x^3", ap(15).multiply(s6), cube.eta(), cube.error());
        close("zeta x^3", ap(9).multiply(s6), cube.zeta(), cube.error());
    }

    @Test
    void scalingInF() {
        GaussianConstants a = at("tanh", 1);
        GaussianConstants b = at("3*tanh(x) + 7", 1);
        close("eta", a.eta().multiply(ap(9)), b.eta(), b.error().add(a.error().multiply(ap(9))));
        close(
                "zeta",
                a.zeta().multiply(ap(9)),
                b.zeta(),
                b.error().add(a.error().multiply(ap(9))));
        close("mean", ap(7), b.mean(), b.error());
    }

    @Test
    void steinIdentityMatchesDerivative() {
        // ζ = (s E f'(sZ))²: for sin, E cos(Z) = e^{-1/2} so ζ = e^{-1}; η = (1 − e^{-2})/2
        GaussianConstants c = at("sin", 1);
        close("zeta", ApfloatMath.exp(ap(-1)), c.zeta(), c.error());
        close("eta", ap(1).subtract(ApfloatMath.exp(ap(-2))).divide(ap(2)), c.eta(), c.error());
    }

    /**
     * A small f whose bulk sits far out: f = exp(−(x + b)²), s = 1, b = 12 and 20 (f²φ peaks near
     * z = −4b/5, values down to 1e-70). E f = e^{−b²/3}/√3, E f² = e^{−2b²/5}/√5 and, by Stein,
     * E[Z f] = d/db E f = −(2b/3)·e^{−b²/3}/√3. Relative agreement 1e-12 in double; at 30 digits the
     * absolute contract (error ≤ 1e-32 and bounding the actual error; at b = 20 the values are 0 within
     * it). Before the truncation followed the integrand's own size and peak, and the apfloat sums'
     * tolerance stopped at the tails' absolute bound, these threw QuadratureNotConvergedException.
     */
    @Test
    void smallActivationWithItsBulkFarOut() {
        for (int b : new int[] {12, 20}) {
            Activation f = Activation.parse("exp(-(x+" + b + ")^2)");
            Apfloat mean = ApfloatMath.exp(ap(-b * b).divide(ap(3))).divide(ApfloatMath.sqrt(ap(3)));
            Apfloat second = ApfloatMath.exp(ap(-2 * b * b).divide(ap(5))).divide(ApfloatMath.sqrt(ap(5)));
            Apfloat linear = mean.multiply(ap(-2 * b)).divide(ap(3));
            Apfloat eta = second.subtract(mean.multiply(mean));
            DoubleConstants d = GaussianConstantsEngine.computeDouble(f, 1.0, 0.0);
            assertEquals(1, d.mean() / mean.doubleValue(), 1e-12, "mean, b = " + b);
            assertEquals(1, d.linear() / linear.doubleValue(), 1e-12, "E[Z f], b = " + b);
            assertEquals(1, d.eta() / eta.doubleValue(), 1e-12, "eta, b = " + b);
            // apfloat: the engine's contract is absolute, |got − exact| ≤ error ≤ 10^{−(D+2)}·max(1, E f²)
            GaussianConstants c = GaussianConstantsEngine.compute(f, 1.0, 30);
            assertTrue(c.error().compareTo(new Apfloat("1e-32", W)) <= 0, "error " + c.error());
            close30("mean", mean, c.mean(), c.error(), b);
            close30("E[Z f]", linear, c.linear(), c.error(), b);
            close30("eta", eta, c.eta(), c.error(), b);
        }
    }

    @Test
    void relu() {
        assumeTrue(kinksSupported(), "needs Activation.nonSmoothPoints");
        GaussianConstants c = at("relu", 1);
        Apfloat twoPi = pi().multiply(ap(2));
        close("mean", Apfloat.ONE.divide(ApfloatMath.sqrt(twoPi)), c.mean(), c.error());
        close("eta", Apfloat.ONE.divide(ap(2)).subtract(Apfloat.ONE.divide(twoPi)), c.eta(), c.error());
        close("zeta", Apfloat.ONE.divide(ap(4)), c.zeta(), c.error());
    }

    @Test
    void absoluteValue() {
        assumeTrue(kinksSupported(), "needs Activation.nonSmoothPoints");
        GaussianConstants c = at("abs(x)", 1);
        close("eta", Apfloat.ONE.subtract(ap(2).divide(pi())), c.eta(), c.error());
        close("zeta", Apfloat.ZERO, c.zeta(), c.error());
    }

    @Test
    void hardTanhAtS17() {
        assumeTrue(kinksSupported(), "needs Activation.nonSmoothPoints");
        // a = 1/s, P = erf(a/√2): E[Z f] = s P, E f² = s²(P − 2aφ(a)) + (1 − P)
        Apfloat s = new Apfloat("1.7", W);
        Apfloat a = Apfloat.ONE.divide(s);
        Apfloat p = ApfloatMath.erf(a.divide(ApfloatMath.sqrt(ap(2))));
        Apfloat second = s.multiply(s)
                .multiply(p.subtract(ap(2).multiply(a).multiply(phiPdf(a))))
                .add(Apfloat.ONE.subtract(p));
        GaussianConstants c = at("clamp(x,-1,1)", 1.7);
        close("eta", second, c.eta(), c.error());
        close("zeta", s.multiply(p).multiply(s.multiply(p)), c.zeta(), c.error());
    }

    @Test
    void shiftedRelu() {
        assumeTrue(kinksSupported(), "needs Activation.nonSmoothPoints");
        // relu(x − t), t = 0.3: mean = φ(t) − t Q(t), E f² = (1 + t²) Q(t) − t φ(t), E[Z f] = Q(t), Q = 1 − Φ
        Apfloat t = new Apfloat("0.3", W);
        Apfloat q = ApfloatMath.erfc(t.divide(ApfloatMath.sqrt(ap(2)))).divide(ap(2));
        Apfloat mean = phiPdf(t).subtract(t.multiply(q));
        Apfloat second = Apfloat.ONE.add(t.multiply(t)).multiply(q).subtract(t.multiply(phiPdf(t)));
        GaussianConstants c = at("relu(x-0.3)", 1);
        close("mean", mean, c.mean(), c.error());
        close("eta", second.subtract(mean.multiply(mean)), c.eta(), c.error());
        close("zeta", q.multiply(q), c.zeta(), c.error());
    }

    @Test
    void refusesNonIntegrable() {
        for (String f : new String[] {"exp(x^2)", "exp(exp(x))"}) {
            NonIntegrableActivationException e = assertThrows(NonIntegrableActivationException.class, () -> at(f, 1));
            assertTrue(e.getMessage().contains(f), e.getMessage());
            assertThrows(
                    NonIntegrableActivationException.class,
                    () -> GaussianConstantsEngine.computeDouble(Activation.parse(f), 1, 0));
        }
        // exp(x²) at s = 0.3 is square-integrable: E f² = 1/√(1 − 4s²)
        GaussianConstants c = at("exp(x^2)", 0.3);
        Apfloat s2 = new Apfloat("0.09", W);
        close(
                "E f²",
                Apfloat.ONE.divide(ApfloatMath.sqrt(Apfloat.ONE.subtract(ap(4).multiply(s2)))),
                c.secondMoment(),
                c.error());
    }

    @Test
    void refusesSingular() {
        assumeTrue(kinksSupported(), "needs Activation.nonSmoothPoints");
        assertThrows(NonIntegrableActivationException.class, () -> at("1/x", 1));
        assertThrows(NonIntegrableActivationException.class, () -> at("1/sqrt(abs(x))", 1));
    }

    @Test
    void hermiteCoefficientsOfAPolynomial() {
        // x³ = He_3 + 3 He_1: c_1 = 3, c_3 = 1, others 0
        GaussianConstants c =
                GaussianConstantsEngine.compute(Activation.parse("x^3"), Apfloat.ONE, Apfloat.ZERO, 40, 5);
        assertEquals(6, c.hermite().size());
        Apfloat[] exact = {Apfloat.ZERO, ap(3), Apfloat.ZERO, ap(1), Apfloat.ZERO, Apfloat.ZERO};
        for (int k = 0; k <= 5; k++) {
            Apfloat d = ApfloatMath.abs(c.hermite().get(k).subtract(exact[k]));
            assertTrue(
                    d.compareTo(ApfloatMath.scale(Apfloat.ONE, -35)) <= 0,
                    "c_" + k + " = " + c.hermite().get(k));
        }
    }

    @Test
    void doubleAgreesWithApfloat() {
        for (String f : new String[] {"tanh", "erf", "sin(2*x)+0.3", "sigmoid(x)"}) {
            DoubleConstants d = GaussianConstantsEngine.computeDouble(Activation.parse(f), 1.3, 0);
            GaussianConstants a = GaussianConstantsEngine.compute(Activation.parse(f), 1.3, 20);
            assertEquals(a.etaDouble(), d.eta(), 1e-14 * Math.max(1, a.etaDouble()), f);
            assertEquals(a.zetaDouble(), d.zeta(), 1e-14 * Math.max(1, a.etaDouble()), f);
            assertEquals(a.meanDouble(), d.mean(), 1e-14 * Math.max(1, Math.sqrt(a.etaDouble())), f);
            assertTrue(Math.abs(a.etaDouble() - d.eta()) <= d.error() + 1e-20, f + " double error " + d.error());
        }
    }

    @Test
    @Tag("slow")
    void tanhAtOneThousandDigitsIsSelfConsistent() {
        GaussianConstants a = GaussianConstantsEngine.compute(Activation.parse("tanh"), 1, 1000);
        GaussianConstants b = GaussianConstantsEngine.compute(Activation.parse("tanh"), 1, 1020);
        Apfloat d = ApfloatMath.abs(a.eta().subtract(b.eta()));
        assertTrue(d.compareTo(a.error()) <= 0, "1000 vs 1020 digits differ by " + d);
        assertTrue(d.compareTo(ApfloatMath.scale(Apfloat.ONE, -995)) <= 0);
    }

    @Test
    void rejectsBadArguments() {
        Activation f = Activation.parse("tanh");
        assertThrows(IllegalArgumentException.class, () -> GaussianConstantsEngine.compute(f, -1, 20));
        assertThrows(IllegalArgumentException.class, () -> GaussianConstantsEngine.compute(f, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> GaussianConstantsEngine.computeDouble(f, 0, 0));
    }
}
