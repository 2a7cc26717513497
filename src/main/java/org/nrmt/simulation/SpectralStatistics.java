package org.nrmt.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Distances between an empirical spectrum and a theory law (see {@code theory/verification.md}).
 *
 * <ul>
 *   <li>Kolmogorov–Smirnov \(D = \sup_x |F_N(x) - F(x)|\) for a theory CDF F with jumps: both
 *   functions are monotone and right-continuous, so the supremum is reached next to a jump of
 *   F_N; at every distinct sample value v it is \(\max(|F_N(v^-) - F(v^-)|, |F_N(v) - F(v)|)\),
 *   which covers the open gaps between sample values and any atom of F.</li>
 *   <li>Wasserstein-1 \(W_1 = \int |F_N - F|\,dx\): exact integral of |c − F| with F linear
 *   between the nodes (sample values, edges, atoms and a 400-point grid on the support); the
 *   interpolation error is second order in the node spacing.</li>
 *   <li>Stieltjes error \(\max_j |G_N(z_j) - G(z_j)|\) at points with Im z ≥ 0.1.</li>
 * </ul>
 */
public final class SpectralStatistics {
    private static final int W1_GRID = 400;

    private SpectralStatistics() {}

    /**
     * KS distance of a sorted sample to a CDF given by its right-continuous values {@code cdf}
     * and left limits {@code cdfLeft} (equal wherever F is continuous).
     */
    public static double ks(double[] sorted, DoubleUnaryOperator cdf, DoubleUnaryOperator cdfLeft) {
        requireSorted(sorted);
        int n = sorted.length;
        double d = 0;
        int i = 0;
        while (i < n) {
            double v = sorted[i];
            int j = i;
            while (j < n && sorted[j] == v) {
                j++;
            }
            double below = i / (double) n;
            double atOrBelow = j / (double) n;
            d = Math.max(d, Math.abs(below - cdfLeft.applyAsDouble(v)));
            d = Math.max(d, Math.abs(atOrBelow - cdf.applyAsDouble(v)));
            i = j;
        }
        return d;
    }

    /** KS distance to a continuous CDF. */
    public static double ks(double[] sorted, DoubleUnaryOperator continuousCdf) {
        return ks(sorted, continuousCdf, continuousCdf);
    }

    /**
     * \(\int |F_N - F|\) over the nodes {@code extraNodes} ∪ sample values, F linear between
     * nodes from its right value at the left node to its left limit at the right node.
     */
    public static double w1(
            double[] sorted, DoubleUnaryOperator cdf, DoubleUnaryOperator cdfLeft, double[] extraNodes) {
        requireSorted(sorted);
        int n = sorted.length;
        double[] nodes = new double[n + extraNodes.length];
        System.arraycopy(sorted, 0, nodes, 0, n);
        System.arraycopy(extraNodes, 0, nodes, n, extraNodes.length);
        Arrays.sort(nodes);
        nodes = distinct(nodes);
        double total = 0;
        int below = 0;
        double fa = cdf.applyAsDouble(nodes[0]);
        for (int k = 0; k + 1 < nodes.length; k++) {
            double a = nodes[k];
            double b = nodes[k + 1];
            while (below < n && sorted[below] <= a) {
                below++;
            }
            double c = below / (double) n;
            double fbLeft = cdfLeft.applyAsDouble(b);
            total += absLinearIntegral(b - a, fa - c, fbLeft - c);
            fa = cdf.applyAsDouble(b);
        }
        return total;
    }

    /**
     * The W1 nodes a law contributes: {@value #W1_GRID} + 1 cosine-spaced points on each support
     * interval (they cluster at the square-root edges, where F bends most) and every atom.
     */
    public static double[] w1Nodes(SpectralLaw law) {
        List<Double> nodes = new ArrayList<>();
        for (Interval iv : law.support()) {
            for (int i = 0; i <= W1_GRID; i++) {
                double t = 0.5 * (1 - Math.cos(Math.PI * i / W1_GRID));
                nodes.add(iv.lo() + t * iv.length());
            }
        }
        for (Atom a : law.atoms()) {
            nodes.add(a.location());
        }
        return nodes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** \(\int_0^h |u(t)|\,dt\) for u linear from u0 to u1 on [0, h]. */
    static double absLinearIntegral(double h, double u0, double u1) {
        if (u0 * u1 >= 0) {
            return h * Math.abs(u0 + u1) / 2;
        }
        double a0 = Math.abs(u0);
        double a1 = Math.abs(u1);
        return h * (a0 * a0 + a1 * a1) / (2 * (a0 + a1));
    }

    /** \(\max_j |G_N(z_j) - G(z_j)|\); every point needs Im z &gt; 0. */
    public static double stieltjesMaxError(EmpiricalSpectrum spectrum, SpectralLaw law, List<Complex> points) {
        double max = 0;
        for (Complex z : points) {
            if (!(z.getImaginary() > 0)) {
                throw new IllegalArgumentException("Stieltjes comparison points need Im z > 0, got " + z);
            }
            max = Math.max(max, spectrum.stieltjes(z).subtract(law.stieltjes(z)).abs());
        }
        return max;
    }

    /**
     * Default comparison points: 9 abscissae evenly over the hull of support and atoms widened by
     * 10% on each side, at heights {0.1, 0.5, 1}·max(1, λ₊/4).
     */
    public static List<Complex> defaultStieltjesPoints(SpectralLaw law) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Interval iv : law.support()) {
            lo = Math.min(lo, iv.lo());
            hi = Math.max(hi, iv.hi());
        }
        for (Atom a : law.atoms()) {
            lo = Math.min(lo, a.location());
            hi = Math.max(hi, a.location());
        }
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("law has neither support nor atoms, got " + law.support());
        }
        double width = Math.max(hi - lo, 1e-3);
        double scale = Math.max(1.0, Math.abs(hi) / 4);
        List<Complex> points = new ArrayList<>();
        for (double y : new double[] {0.1, 0.5, 1.0}) {
            for (int i = 0; i <= 8; i++) {
                double x = lo - 0.1 * width + 1.2 * width * i / 8;
                points.add(new Complex(x, y * scale));
            }
        }
        return points;
    }

    private static double[] distinct(double[] sorted) {
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    private static void requireSorted(double[] s) {
        if (s.length == 0) {
            throw new IllegalArgumentException("need a non-empty sample, got length 0");
        }
        for (int i = 1; i < s.length; i++) {
            if (!(s[i - 1] <= s[i])) {
                throw new IllegalArgumentException(
                        "sample must be sorted and finite, got " + s[i - 1] + " before " + s[i]);
            }
        }
    }
}
