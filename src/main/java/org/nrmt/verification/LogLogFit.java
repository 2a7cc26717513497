package org.nrmt.verification;

import java.util.List;

/**
 * Least-squares line through (log n, log KS): \( \log \mathrm{KS} = a + b \log n \). For bounded
 * activations KS ≈ c/n, so b ≈ −1 (theory/verification-harness.md, "Why KS ~ 1/n").
 *
 * @param intercept a (natural logarithms)
 * @param slope     b
 * @param slopeError the standard error of b (0 with only two points)
 */
public record LogLogFit(double intercept, double slope, double slopeError) {

    /** Fits the line; needs ≥ 2 points with x, y > 0. */
    public static LogLogFit of(List<? extends Number> x, List<? extends Number> y) {
        int n = x.size();
        if (n < 2 || y.size() != n) {
            throw new IllegalArgumentException("a log-log fit needs >= 2 paired points, got " + n + " and " + y.size());
        }
        double[] lx = new double[n];
        double[] ly = new double[n];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            double xi = x.get(i).doubleValue();
            double yi = y.get(i).doubleValue();
            if (!(xi > 0) || !(yi > 0)) {
                throw new IllegalArgumentException("a log-log fit needs positive values, got (" + xi + ", " + yi + ")");
            }
            lx[i] = Math.log(xi);
            ly[i] = Math.log(yi);
            mx += lx[i] / n;
            my += ly[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (lx[i] - mx) * (lx[i] - mx);
            sxy += (lx[i] - mx) * (ly[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a log-log fit needs at least two distinct x, got " + x);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double err = 0;
        if (n > 2) {
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = ly[i] - a - b * lx[i];
                rss += r * r;
            }
            err = Math.sqrt(rss / (n - 2) / sxx);
        }
        return new LogLogFit(a, b, err);
    }

    /** The fitted KS at n. */
    public double at(double n) {
        return Math.exp(intercept + slope * Math.log(n));
    }
}
