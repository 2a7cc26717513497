package org.nrmt.quadrature;

/**
 * Error estimate from level doubling, shared by every rule. With T_j the estimate at step
 * h_j = h_0/2^j and δ_j = |T_j − T_{j−1}|, let d_j = −log10(δ_j/scale) be the digits that agree.
 * Rules that converge like e^{−c/h} (trapezoid on analytic integrands, tanh-sinh) roughly double
 * d_j per level; when the last two levels show that (d_j ≥ 1.5 d_{j−1}) the error of T_j is
 * estimated by extrapolating the digit growth, d_j²/d_{j−1} digits (mpmath's estimate), less one
 * digit of safety. Otherwise δ_j itself is the estimate, which is conservative for any geometric
 * convergence with ratio ≤ 1/2. A roundoff floor of evaluations·10^−workingDigits·scale is added.
 * This is a heuristic, not a bound: it cannot see a kink that is not a breakpoint when the
 * integrand happens to agree at successive levels. See theory/gaussian-constants.md §6.
 */
final class LevelErrorEstimator {
    private final int dim;
    private final double workingDigits;
    private final double[] prevDigits;
    private int level = -1;

    LevelErrorEstimator(int dim, double workingDigits) {
        this.dim = dim;
        this.workingDigits = workingDigits;
        this.prevDigits = new double[dim];
    }

    /**
     * Feeds level j's log10 δ_j per component (NaN at level 0) and the log10 scale; returns the
     * log10 absolute error estimate per component (+∞ when unknown).
     */
    double[] next(double[] log10Delta, double[] log10Scale, int evaluations) {
        level++;
        double[] out = new double[dim];
        double roundoff = Math.log10(Math.max(1, evaluations)) - workingDigits;
        for (int i = 0; i < dim; i++) {
            if (level == 0) {
                out[i] = Double.POSITIVE_INFINITY;
                prevDigits[i] = Double.NaN;
                continue;
            }
            double d = log10Delta[i] == Double.NEGATIVE_INFINITY
                    ? workingDigits
                    : Math.min(workingDigits, log10Scale[i] - log10Delta[i]);
            double est = d;
            double p = prevDigits[i];
            if (level >= 2 && !Double.isNaN(p) && p >= 1 && d >= 1.5 * p) {
                est = Math.max(d, d * d / p - 1);
            }
            est = Math.min(est, workingDigits);
            double e = log10Scale[i] - est;
            double floor = log10Scale[i] + roundoff;
            out[i] = Math.max(e, floor) + Math.log10(2);
            prevDigits[i] = d;
        }
        return out;
    }

    /** log10|v|, −∞ for 0; cheap (uses the apfloat exponent, not a logarithm). */
    static double log10Abs(org.apfloat.Apfloat v) {
        if (v.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        long sc = v.scale();
        double m = Math.abs(org.apfloat.ApfloatMath.scale(v, -sc).doubleValue());
        return sc + Math.log10(m);
    }

    static org.apfloat.Apfloat pow10(double log10, long precision) {
        if (log10 == Double.NEGATIVE_INFINITY) {
            return org.apfloat.Apfloat.ZERO;
        }
        long ip = (long) Math.floor(log10);
        return org.apfloat.ApfloatMath.scale(
                new org.apfloat.Apfloat(Math.pow(10, log10 - ip), Math.min(precision, 16)), ip);
    }
}
