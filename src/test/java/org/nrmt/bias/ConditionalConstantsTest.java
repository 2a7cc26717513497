package org.nrmt.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;

/** The double conditional constants from the constants engine against closed forms at every node. */
class ConditionalConstantsTest {

    private static double cdf(double t) {
        return 0.5 * Erf.erfc(-t / Math.sqrt(2));
    }

    private static double pdf(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }

    /**
     * ReLU and step on the 512 equal-weight nodes the CDFs use (where the old Gauss–Legendre panels
     * missed kinks by up to 2e-6 and 1e-3), t = b/s: ReLU μ = bΦ + sφ, ζ = s²Φ², E f² = (b² + s²)Φ + bsφ;
     * step μ = E f² = Φ(t), E[ξ f] = φ(t).
     */
    @Test
    void kinkedActivationsMatchClosedFormsOnEveryNode() {
        double s = 1.1;
        BiasMeasure m = BiasMeasure.gaussianQuantiles(1.5, 512);
        ConditionalConstants relu = ConditionalConstants.compute(Activation.parse("relu"), s, m);
        ConditionalConstants step = ConditionalConstants.compute(Activation.parse("step(x)"), s, m);
        double[] b = m.nodes();
        for (int j = 0; j < b.length; j++) {
            double t = b[j] / s;
            double mu = b[j] * cdf(t) + s * pdf(t);
            double second = (b[j] * b[j] + s * s) * cdf(t) + b[j] * s * pdf(t);
            double scale = 1 + second;
            assertEquals(mu, relu.mu()[j], 1e-13 * scale, "relu mu at b=" + b[j]);
            assertEquals(s * s * cdf(t) * cdf(t), relu.zeta()[j], 1e-13 * scale, "relu zeta at b=" + b[j]);
            assertEquals(
                    second - mu * mu - s * s * cdf(t) * cdf(t), relu.s2()[j], 1e-13 * scale, "relu s2 at b=" + b[j]);
            assertEquals(cdf(t), step.mu()[j], 1e-13, "step mu at b=" + b[j]);
            assertEquals(pdf(t) * pdf(t), step.zeta()[j], 1e-13, "step zeta at b=" + b[j]);
            assertEquals(cdf(t) * (1 - cdf(t)) - pdf(t) * pdf(t), step.s2()[j], 1e-13, "step s2 at b=" + b[j]);
        }
    }

    /**
     * exp(−x²) on 64 Gauss–Hermite nodes of σb = 1.5 reaches |b| ≈ 22, values ~1e-100 (the engine
     * threw there until its truncation followed the integrand's size; theory/gaussian-constants.md §5):
     * μ = e^{−b²/(1+2s²)}/√(1+2s²), E[ξ f] = s μ'(b) = −2bs μ/(1 + 2s²), E f² = e^{−2b²/(1+4s²)}/√(1+4s²).
     */
    @Test
    void farNodesMatchClosedForms() {
        double s = 0.9;
        BiasMeasure m = BiasMeasure.gaussian(1.5, 64);
        ConditionalConstants c = ConditionalConstants.compute(Activation.parse("exp(-x^2)"), s, m);
        double[] b = m.nodes();
        double a = 1 + 2 * s * s;
        for (int j = 0; j < b.length; j++) {
            double mu = Math.exp(-b[j] * b[j] / a) / Math.sqrt(a);
            double lin = -2 * b[j] * s * mu / a;
            double second = Math.exp(-2 * b[j] * b[j] / (1 + 4 * s * s)) / Math.sqrt(1 + 4 * s * s);
            assertEquals(mu, c.mu()[j], 1e-14, "mu at b=" + b[j]);
            assertEquals(lin * lin, c.zeta()[j], 1e-14, "zeta at b=" + b[j]);
            assertEquals(second - mu * mu - lin * lin, c.s2()[j], 1e-14, "s2 at b=" + b[j]);
        }
    }

    /**
     * log(1 + exp(x)) written out rounds to exactly 0 for x ≲ −37, so far left the engine misses its
     * relative tolerance and the nodes from there outwards fall back to Gauss–Legendre; the built-in
     * softplus (evaluated without that cancellation, engine everywhere) is the reference, to 1e-13 of
     * E f²(b) per node, on 64 Gauss–Hermite nodes of σb = 3 (b from −33 to 33).
     */
    @Test
    void farNodesFallBackToLegendreAccurately() {
        BiasMeasure m = BiasMeasure.gaussian(3.0, 64);
        ConditionalConstants written = ConditionalConstants.compute(Activation.parse("log(1+exp(x))"), 1.0, m);
        ConditionalConstants builtin = ConditionalConstants.compute(Activation.parse("softplus"), 1.0, m);
        double[] b = m.nodes();
        for (int j = 0; j < b.length; j++) {
            // both carry ~1e-15 of E f²(b) (≈ b² far right, where s² is a difference of such numbers)
            double mu = builtin.mu()[j];
            double tol = 1e-13 * (1 + mu * mu + builtin.zeta()[j] + builtin.s2()[j]);
            assertEquals(mu, written.mu()[j], tol, "mu at b=" + b[j]);
            assertEquals(builtin.zeta()[j], written.zeta()[j], tol, "zeta at b=" + b[j]);
            assertEquals(builtin.s2()[j], written.s2()[j], tol, "s2 at b=" + b[j]);
        }
    }

    /** For smooth f the engine and the plain-function (Gauss–Legendre) path agree to rounding. */
    @Test
    void engineAndLegendreAgreeForSmoothActivations() {
        BiasMeasure m = BiasMeasure.gaussianQuantiles(1.0, 128);
        for (String name : new String[] {"tanh", "erf", "x^2 - 1", "sin(x)"}) {
            Activation f = Activation.parse(name);
            ConditionalConstants engine = ConditionalConstants.compute(f, 1.0, m);
            ConditionalConstants legendre = ConditionalConstants.compute(null, f.toDoubleFunction(), 1.0, m);
            for (int j = 0; j < m.size(); j++) {
                double scale = 1 + engine.mu()[j] * engine.mu()[j] + engine.zeta()[j] + engine.s2()[j];
                assertEquals(legendre.mu()[j], engine.mu()[j], 1e-13 * scale, name);
                assertEquals(legendre.zeta()[j], engine.zeta()[j], 1e-13 * scale, name);
                assertEquals(legendre.s2()[j], engine.s2()[j], 1e-13 * scale, name);
            }
        }
    }

    @Test
    void badInputIsRefused() {
        Activation f = Activation.parse("tanh");
        assertThrows(IllegalArgumentException.class, () -> ConditionalConstants.compute(f, -1, BiasMeasure.point(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConditionalConstants.compute(Activation.parse("exp(x^2)"), 1, BiasMeasure.gaussian(1, 8)));
    }
}
