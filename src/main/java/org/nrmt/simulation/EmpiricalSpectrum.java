package org.nrmt.simulation;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;

/**
 * The empirical spectral distribution of pooled trials: N = n1·trials eigenvalues, sorted.
 * \(F_N(x) = \#\{\lambda_i \le x\}/N\), \(G_N(z) = \frac1N\sum_i (z - \lambda_i)^{-1}\),
 * \(m_k = \frac1N \sum_i \lambda_i^k\). Eigenvalues within {@link #zeroTolerance()} of 0 count as
 * exact zeros: dsyevd returns the n1 − m null eigenvalues of a rank-deficient M as ±O(n ε λ_max),
 * about 1e-12·λ_max at n = 10⁴; a genuine eigenvalue that small is rare even at a hard edge.
 */
public final class EmpiricalSpectrum {
    /** Relative tolerance, times max |λ|, under which an eigenvalue counts as a zero. */
    public static final double RELATIVE_ZERO_TOLERANCE = 1e-10;

    private final double[] sorted;
    private final int n1;
    private final int trials;

    private EmpiricalSpectrum(double[] sorted, int n1, int trials) {
        this.sorted = sorted;
        this.n1 = n1;
        this.trials = trials;
    }

    /** From eigenvalues in any order; every value must be finite. */
    public static EmpiricalSpectrum of(double[] eigenvalues, int n1, int trials) {
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("need at least one eigenvalue, got 0");
        }
        for (double v : eigenvalues) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("eigenvalues must be finite, got " + v);
            }
        }
        double[] s = eigenvalues.clone();
        Arrays.sort(s);
        return new EmpiricalSpectrum(s, n1, trials);
    }

    /** From eigenvalues of a single matrix. */
    public static EmpiricalSpectrum of(double[] eigenvalues) {
        return of(eigenvalues, eigenvalues.length, 1);
    }

    public int size() {
        return sorted.length;
    }

    public int n1() {
        return n1;
    }

    public int trials() {
        return trials;
    }

    /** The pooled eigenvalues, ascending (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    /** 1e-10 · max |λ| (and at least the smallest normal double). */
    public double zeroTolerance() {
        double scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
        return Math.max(RELATIVE_ZERO_TOLERANCE * scale, Double.MIN_NORMAL);
    }

    /** Fraction of eigenvalues with |λ − location| ≤ {@link #zeroTolerance()}. */
    public double massNear(double location) {
        double tol = zeroTolerance();
        int lo = lowerBound(location - tol);
        int hi = upperBound(location + tol);
        return (hi - lo) / (double) sorted.length;
    }

    /**
     * A copy in which every eigenvalue within {@link #zeroTolerance()} of an atom's location is
     * set to that location exactly, so that ties at the atom meet the theory's jump.
     */
    public EmpiricalSpectrum snappedTo(List<Atom> atoms) {
        double tol = zeroTolerance();
        double[] s = sorted.clone();
        for (Atom a : atoms) {
            int lo = lowerBound(a.location() - tol);
            int hi = upperBound(a.location() + tol);
            Arrays.fill(s, lo, hi, a.location());
        }
        Arrays.sort(s);
        return new EmpiricalSpectrum(s, n1, trials);
    }

    /** \(\frac1N\sum_i \lambda_i^k\), k ≥ 1, summed in ascending order. */
    public double moment(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("moment order must be >= 1, got " + k);
        }
        double sum = 0;
        for (double v : sorted) {
            double p = v;
            for (int j = 1; j < k; j++) {
                p *= v;
            }
            sum += p;
        }
        return sum / sorted.length;
    }

    /** \(G_N(z) = \frac1N\sum_i (z - \lambda_i)^{-1}\); needs Im z ≠ 0 or z off the spectrum. */
    public Complex stieltjes(Complex z) {
        double x = z.getReal();
        double y = z.getImaginary();
        double re = 0;
        double im = 0;
        for (double v : sorted) {
            double dx = x - v;
            double d = dx * dx + y * y;
            re += dx / d;
            im -= y / d;
        }
        return new Complex(re / sorted.length, im / sorted.length);
    }

    /** Index of the first value ≥ x. */
    int lowerBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first value &gt; x, i.e. N·F_N(x). */
    int upperBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** F_N(x). */
    public double cdf(double x) {
        return upperBound(x) / (double) sorted.length;
    }
}
