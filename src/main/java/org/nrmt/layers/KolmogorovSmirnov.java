package org.nrmt.layers;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Kolmogorov–Smirnov distance \(\sup_x |F_n(x) - F(x)|\) between the empirical CDF of a sample and
 * a CDF F (which may jump at atoms); the supremum is attained at the sample points, comparing F
 * with both one-sided empirical values i/n and (i+1)/n there.
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /** The distance; the sample is not modified. */
    public static double distance(double[] sample, DoubleUnaryOperator cdf) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("sample must not be empty, got length 0");
        }
        double[] x = sample.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            // Empirical CDF just below x[i] (ties: first index of the run) and at x[i] (last index).
            int lo = i;
            while (lo > 0 && x[lo - 1] == x[i]) {
                lo--;
            }
            int hi = i;
            while (hi + 1 < n && x[hi + 1] == x[i]) {
                hi++;
            }
            double fLeft = cdf.applyAsDouble(Math.nextDown(x[i]));
            d = Math.max(d, Math.max(Math.abs(f - (hi + 1.0) / n), Math.abs(fLeft - (double) lo / n)));
        }
        return d;
    }
}
