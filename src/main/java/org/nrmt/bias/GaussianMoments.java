package org.nrmt.bias;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * (E g(ξ), E[ξ g(ξ)], E g(ξ)²) for ξ ~ N(0, 1) by adaptive Gauss–Legendre on [−L, L], L = 13
 * (φ(13) ≈ 1e-37). A panel is accepted when the 15-point rule and the sum over its two halves agree
 * to 2e-14 of the running scale (panels narrower than 1e-9 are accepted): a heuristic estimate,
 * reliable for smooth g of polynomial growth. At a kink the test can be fooled when the kink sits near
 * a panel edge (measured: 2e-6 relative for relu(x + b), 1e-3 for step(x + b), at some b), so
 * activations with an expression go through the constants engine instead; this rule remains for
 * plain functions and where the engine fails far out in b (theory/bias.md §2).
 */
final class GaussianMoments {

    private static final double L = 13;
    private static final int PANELS = 26;
    private static final int MAX_DEPTH = 30;
    private static final double[] X;
    private static final double[] W;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(15);
        X = new double[15];
        W = new double[15];
        for (int k = 0; k < 15; k++) {
            X[k] = rule.getPoint(k);
            W[k] = rule.getWeight(k);
        }
    }

    private GaussianMoments() {}

    static double[] of(DoubleUnaryOperator g) {
        double[] acc = new double[3];
        double h = 2 * L / PANELS;
        for (int p = 0; p < PANELS; p++) {
            double a = -L + p * h;
            double[] whole = panel(g, a, a + h);
            adapt(g, a, a + h, whole, acc, 0);
        }
        return acc;
    }

    private static void adapt(DoubleUnaryOperator g, double a, double b, double[] whole, double[] acc, int depth) {
        double mid = 0.5 * (a + b);
        double[] left = panel(g, a, mid);
        double[] right = panel(g, mid, b);
        double scale = 1e-300;
        double err = 0;
        for (int k = 0; k < 3; k++) {
            scale = Math.max(scale, Math.abs(acc[k]) + Math.abs(left[k] + right[k]));
            err = Math.max(err, Math.abs(whole[k] - left[k] - right[k]));
        }
        if (err <= 2e-14 * Math.max(scale, 1e-2) || depth >= MAX_DEPTH || (b - a) < 1e-9) {
            for (int k = 0; k < 3; k++) {
                acc[k] += left[k] + right[k];
            }
            return;
        }
        adapt(g, a, mid, left, acc, depth + 1);
        adapt(g, mid, b, right, acc, depth + 1);
    }

    private static double[] panel(DoubleUnaryOperator g, double a, double b) {
        double c = 0.5 * (a + b);
        double r = 0.5 * (b - a);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int k = 0; k < 15; k++) {
            double x = c + r * X[k];
            double phi = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            double v = g.applyAsDouble(x);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("activation is not finite at pre-activation point, got " + v);
            }
            double wk = W[k] * r * phi;
            s0 += wk * v;
            s1 += wk * x * v;
            s2 += wk * v * v;
        }
        return new double[] {s0, s1, s2};
    }
}
