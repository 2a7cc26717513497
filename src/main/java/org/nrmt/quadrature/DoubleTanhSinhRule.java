package org.nrmt.quadrature;

/**
 * Tanh-sinh quadrature on [a, b] in double precision (same transformation as
 * {@link TanhSinhRule}); nodes are computed on the fly (a few Math.exp calls each), so there is
 * no cache to warm and a call costs microseconds. Level doubling from h = 1/2 to h = 2^−maxLevel.
 */
public final class DoubleTanhSinhRule {
    private static final double HALF_PI = Math.PI / 2;
    private final int minLevels;
    private final int maxLevels;

    private DoubleTanhSinhRule(int minLevels, int maxLevels) {
        if (minLevels < 2 || maxLevels < minLevels || maxLevels > 12) {
            throw new IllegalArgumentException(
                    "levels must satisfy 2 <= minLevels <= maxLevels <= 12, got " + minLevels + ", " + maxLevels);
        }
        this.minLevels = minLevels;
        this.maxLevels = maxLevels;
    }

    /** minLevels 3, maxLevels 8. */
    public static DoubleTanhSinhRule withDefaults() {
        return new DoubleTanhSinhRule(3, 8);
    }

    public DoubleTanhSinhRule withMaxLevels(int levels) {
        return new DoubleTanhSinhRule(minLevels, levels);
    }

    /**
     * ∫_a^b of every component; converged when every error estimate is at most
     * absTol + relTol·max_i |value_i|.
     */
    public DoubleQuadratureResult integrate(DoubleVectorIntegrand g, double a, double b, double absTol, double relTol) {
        int dim = g.dimension();
        double half = (b - a) / 2;
        double mid = a + half;
        double[] sum = new double[dim];
        double[] fr = new double[dim];
        double[] fl = new double[dim];
        double[] value = new double[dim];
        double[] prev = new double[dim];
        double[] prev2 = new double[dim];
        double[] err = new double[dim];
        g.at(mid, fr);
        int evaluations = 1;
        for (int i = 0; i < dim; i++) {
            sum[i] = HALF_PI * fr[i];
        }
        double h = 1;
        for (int level = 0; level <= maxLevels; level++) {
            int step = level == 0 ? 1 : 2;
            for (int k = 1; ; k += step) {
                double t = k * h;
                double e = Math.exp(t);
                double sinh = (e - 1 / e) / 2;
                double cosh = (e + 1 / e) / 2;
                double e2 = Math.exp(-Math.PI * sinh); // e^{-2u}
                double c = 2 * e2 / (1 + e2);
                double w = HALF_PI * cosh * 4 * e2 / ((1 + e2) * (1 + e2));
                double d = half * c;
                if (w < 1e-25 || b - d == b || a + d == a) {
                    break;
                }
                g.at(b - d, fr);
                g.at(a + d, fl);
                evaluations += 2;
                for (int i = 0; i < dim; i++) {
                    sum[i] += (fr[i] + fl[i]) * w;
                }
            }
            boolean ok = level + 1 >= minLevels;
            for (int i = 0; i < dim; i++) {
                value[i] = sum[i] * h * half;
                double d1 = Math.abs(value[i] - prev[i]);
                double d2 = Math.abs(prev[i] - prev2[i]);
                // quadratic digit growth once converging: error ~ d1^2/d2 (see LevelErrorEstimator)
                double e = level < 2
                        ? Double.POSITIVE_INFINITY
                        : (d1 < d2 * 0.1 && d2 > 0 ? Math.max(d1 * d1 / d2 * 10, 0) : d1);
                err[i] = e + 2.3e-16 * Math.abs(value[i]);

                prev2[i] = prev[i];
                prev[i] = value[i];
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
            h /= 2;
        }
        return new DoubleQuadratureResult(value, err, maxLevels + 1, evaluations, false);
    }
}
