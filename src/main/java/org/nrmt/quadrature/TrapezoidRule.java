package org.nrmt.quadrature;

import java.util.Arrays;
import org.apfloat.Apfloat;

/**
 * Trapezoidal rule on a uniform grid over [lo, hi] with level doubling:
 * \[ T(h) = h\Big(\tfrac12 g(lo) + \sum_{k=1}^{n-1} g(lo + k h) + \tfrac12 g(hi)\Big),\qquad
 *    T(h/2) = \tfrac12 T(h) + \tfrac h2 \sum_{k=0}^{n-1} g(lo + (k + \tfrac12) h). \]
 * For an integrand analytic in the strip |Im x| < d and negligible (with its derivatives) at
 * the ends of the truncated line, the error is O(e^{−2πd/h}) (Trefethen and Weideman 2014,
 * Thm 5.1), so every level roughly doubles the correct digits. The new nodes of each level form
 * one uniform grid, handed to the {@link GridIntegrand} in one call so it can use recurrences.
 * Kinks inside [lo, hi] destroy the exponential convergence: split there and use
 * {@link TanhSinhRule}.
 */
public final class TrapezoidRule {
    private static final boolean DEBUG = Boolean.getBoolean("nrmt.quadrature.debug");
    private final int minLevels;
    private final int maxLevels;

    private TrapezoidRule(int minLevels, int maxLevels) {
        if (minLevels < 2 || maxLevels < minLevels || maxLevels > 24) {
            throw new IllegalArgumentException(
                    "levels must satisfy 2 <= minLevels <= maxLevels <= 24, got " + minLevels + ", " + maxLevels);
        }
        this.minLevels = minLevels;
        this.maxLevels = maxLevels;
    }

    /** minLevels 3, maxLevels 16. */
    public static TrapezoidRule withDefaults() {
        return new TrapezoidRule(3, 16);
    }

    public TrapezoidRule withMinLevels(int levels) {
        return new TrapezoidRule(levels, maxLevels);
    }

    public TrapezoidRule withMaxLevels(int levels) {
        return new TrapezoidRule(minLevels, levels);
    }

    /**
     * Integrates every component over [lo, hi] starting from {@code intervals0} intervals.
     * {@code log10Tol[i]}: log10 of the absolute tolerance of component i. {@code log10Scale[i]}:
     * log10 of the component's magnitude (used to count agreeing digits).
     */
    public QuadratureResult integrate(
            GridIntegrand g,
            Apfloat lo,
            Apfloat hi,
            int intervals0,
            long precision,
            double[] log10Tol,
            double[] log10Scale) {
        int dim = g.dimension();
        if (log10Tol.length != dim || log10Scale.length != dim) {
            throw new IllegalArgumentException("need one tolerance and scale per component, got " + log10Tol.length
                    + ", " + log10Scale.length + " for " + dim);
        }
        if (lo.compareTo(hi) >= 0 || intervals0 < 1) {
            throw new IllegalArgumentException(
                    "need lo < hi and intervals0 >= 1, got [" + lo + ", " + hi + "], " + intervals0);
        }
        lo = lo.precision(precision);
        hi = hi.precision(precision);
        Apfloat two = new Apfloat(2, precision);
        int n = intervals0;
        Apfloat h = hi.subtract(lo).divide(new Apfloat(n, precision));
        // level 0: all n+1 nodes, ends at half weight
        Apfloat[] all = g.sums(lo, h, n + 1, precision);
        Apfloat[] ends = g.sums(lo, hi.subtract(lo), 2, precision);
        int evaluations = n + 3;
        Apfloat[] value = new Apfloat[dim];
        for (int i = 0; i < dim; i++) {
            value[i] = all[i].subtract(ends[i].divide(two)).multiply(h);
        }
        LevelErrorEstimator est = new LevelErrorEstimator(dim, precision);
        double[] log10Err = est.next(new double[dim], log10Scale, evaluations);
        for (int level = 1; level <= maxLevels; level++) {
            Apfloat[] mids = g.sums(lo.add(h.divide(two)), h, n, precision);
            evaluations += n;
            Apfloat[] next = new Apfloat[dim];
            double[] log10Delta = new double[dim];
            for (int i = 0; i < dim; i++) {
                next[i] = value[i].add(mids[i].multiply(h)).divide(two);
                log10Delta[i] = LevelErrorEstimator.log10Abs(next[i].subtract(value[i]));
            }
            value = next;
            h = h.divide(two);
            n *= 2;
            log10Err = est.next(log10Delta, log10Scale, evaluations);
            if (DEBUG) {
                System.err.println("trapezoid level " + level + " n=" + n + " delta=" + Arrays.toString(log10Delta)
                        + " err=" + Arrays.toString(log10Err) + " tol=" + Arrays.toString(log10Tol));
            }
            if (level + 1 >= minLevels && TanhSinhRule.meets(log10Err, log10Tol, log10Scale, false)) {
                return TanhSinhRule.result(value, log10Err, level + 1, evaluations, true, precision);
            }
        }
        return TanhSinhRule.result(value, log10Err, maxLevels + 1, evaluations, false, precision);
    }

    /** Convenience: a single function, evaluated node by node. */
    public static GridIntegrand pointwise(VectorIntegrand f) {
        return new GridIntegrand() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public Apfloat[] sums(Apfloat first, Apfloat step, int count, long precision) {
                Apfloat[] s = new Apfloat[f.dimension()];
                Arrays.fill(s, Apfloat.ZERO);
                for (int k = 0; k < count; k++) {
                    Apfloat[] v = f.at(first.add(step.multiply(new Apfloat(k, precision))));
                    for (int i = 0; i < s.length; i++) {
                        s[i] = s[i].add(v[i]);
                    }
                }
                return s;
            }
        };
    }
}
