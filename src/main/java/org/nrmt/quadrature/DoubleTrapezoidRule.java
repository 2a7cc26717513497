package org.nrmt.quadrature;

/**
 * Trapezoidal rule on a uniform grid over [lo, hi] in double precision with level doubling
 * (see {@link TrapezoidRule} for the convergence statement). For analytic integrands with
 * negligible ends it converges like e^{−2πd/h}.
 */
public final class DoubleTrapezoidRule {
    private final int minLevels;
    private final int maxLevels;

    private DoubleTrapezoidRule(int minLevels, int maxLevels) {
        this.minLevels = minLevels;
        this.maxLevels = maxLevels;
    }

    /** minLevels 3, maxLevels 14. */
    public static DoubleTrapezoidRule withDefaults() {
        return new DoubleTrapezoidRule(3, 14);
    }

    public DoubleQuadratureResult integrate(
            DoubleVectorIntegrand g, double lo, double hi, int intervals0, double absTol, double relTol) {
        if (!(lo < hi) || intervals0 < 1) {
            throw new IllegalArgumentException(
                    "need lo < hi and intervals0 >= 1, got [" + lo + ", " + hi + "], " + intervals0);
        }
        int dim = g.dimension();
        double[] f = new double[dim];
        double[] acc = new double[dim];
        int n = intervals0;
        double h = (hi - lo) / n;
        for (int k = 0; k <= n; k++) {
            g.at(lo + k * h, f);
            double wk = (k == 0 || k == n) ? 0.5 : 1;
            for (int i = 0; i < dim; i++) {
                acc[i] += wk * f[i];
            }
        }
        int evaluations = n + 1;
        double[] value = new double[dim];
        double[] prev = new double[dim];
        double[] err = new double[dim];
        for (int i = 0; i < dim; i++) {
            value[i] = acc[i] * h;
        }
        double[] d2 = new double[dim];
        for (int level = 1; level <= maxLevels; level++) {
            for (int k = 0; k < n; k++) {
                g.at(lo + (k + 0.5) * h, f);
                for (int i = 0; i < dim; i++) {
                    acc[i] += f[i];
                }
            }
            evaluations += n;
            n *= 2;
            h /= 2;
            boolean ok = level + 1 >= minLevels;
            for (int i = 0; i < dim; i++) {
                prev[i] = value[i];
                value[i] = acc[i] * h;
                double d1 = Math.abs(value[i] - prev[i]);
                double e = level < 2
                        ? Double.POSITIVE_INFINITY
                        : (d1 < d2[i] * 0.1 && d2[i] > 0 ? d1 * d1 / d2[i] * 10 : d1);
                err[i] = e + 2.3e-16 * Math.abs(value[i]);
                d2[i] = d1;
            }
            double big = 0;
            for (int i = 0; i < dim; i++) {
                big = Math.max(big, Math.abs(value[i]));
            }
            for (int i = 0; i < dim; i++) {
                ok &= err[i] <= absTol + relTol * big;
            }
            if (ok) {
                return new DoubleQuadratureResult(value, err, level + 1, evaluations, true);
            }
        }
        return new DoubleQuadratureResult(value, err, maxLevels + 1, evaluations, false);
    }
}
