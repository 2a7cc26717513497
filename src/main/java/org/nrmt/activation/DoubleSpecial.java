package org.nrmt.activation;

/**
 * Double-precision special functions used by the compiled activations, each stable over the
 * whole real line (theory/activations.md, "Double evaluation").
 */
final class DoubleSpecial {
    private static final double SQRT1_2 = 0.7071067811865476;

    private DoubleSpecial() {
    }

    static double erf(double x) {
        return org.apache.commons.math3.special.Erf.erf(x);
    }

    static double erfc(double x) {
        return org.apache.commons.math3.special.Erf.erfc(x);
    }

    /** 1/(1+e^{-x}), without overflow for either sign. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(1+e^x) = max(x,0) + log1p(e^{-|x|}). */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** x Φ(x) = x erfc(-x/√2)/2: relative accuracy kept in the left tail. */
    static double gelu(double x) {
        return 0.5 * x * erfc(-x * SQRT1_2);
    }

    static double silu(double x) {
        return x * sigmoid(x);
    }

    static double sign(double x) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : Double.NaN;
    }

    static double step(double x) {
        return x > 0 ? 1.0 : x <= 0 ? 0.0 : Double.NaN;
    }

    static double relu(double x) {
        return x > 0 ? x : x <= 0 ? 0.0 : Double.NaN;
    }

    static double leakyRelu(double x, double slope) {
        return x >= 0 ? x : slope * x;
    }

    /** min(max(x, lo), hi), NaN-propagating. */
    static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
