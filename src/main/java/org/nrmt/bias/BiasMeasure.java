package org.nrmt.bias;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * A discrete probability measure \(\sum_j w_j \delta_{b_j}\) over bias values, standing for
 * either the Gaussian law N(0, σb²) (Gauss–Hermite nodes) or the empirical law of the biases a
 * simulation actually drew (equal weights). See {@code theory/bias.md} §3.
 *
 * @param nodes   the bias values b_j
 * @param weights the weights w_j, positive, summing to 1
 */
public record BiasMeasure(double[] nodes, double[] weights) {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    public BiasMeasure {
        if (nodes.length == 0 || nodes.length != weights.length) {
            throw new IllegalArgumentException("bias measure needs as many weights as nodes (>= 1), got " + nodes.length
                    + " nodes and " + weights.length + " weights");
        }
        double sum = 0;
        for (int j = 0; j < nodes.length; j++) {
            if (!Double.isFinite(nodes[j])) {
                throw new IllegalArgumentException("bias node must be finite, got " + nodes[j]);
            }
            if (!(weights[j] >= 0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("bias weight must be finite and >= 0, got " + weights[j]);
            }
            sum += weights[j];
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("bias weights must sum to 1, got " + sum);
        }
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /**
     * Gauss–Hermite rule for b ~ N(0, σb²): \(E g(b) \approx \sum_j w_j g(b_j)\), exact for
     * polynomials of degree ≤ 2n − 1. σb = 0 gives the point mass at 0.
     */
    public static BiasMeasure gaussian(double sigmaB, int n) {
        if (!(sigmaB >= 0) || !Double.isFinite(sigmaB)) {
            throw new IllegalArgumentException("bias sigma must be finite and >= 0, got " + sigmaB);
        }
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("number of bias nodes must be in [1, 256], got " + n);
        }
        if (sigmaB == 0 || n == 1) {
            return new BiasMeasure(new double[] {0}, new double[] {1});
        }
        // Hermite rule for weight e^{-x²}: b = √2 σb x, w = w_x / √π.
        GaussIntegrator rule = FACTORY.hermite(n);
        double[] b = new double[n];
        double[] w = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            b[j] = Math.sqrt(2) * sigmaB * rule.getPoint(j);
            w[j] = rule.getWeight(j) / Math.sqrt(Math.PI);
            sum += w[j];
        }
        for (int j = 0; j < n; j++) {
            w[j] /= sum;
        }
        return new BiasMeasure(b, w);
    }

    /**
     * Equal-weight rule for b ~ N(0, σb²): n cells of probability 1/n each (boundaries
     * a_k = Φ⁻¹(k/n)), one node per cell at the cell's root-mean-square value
     * b = ±σb √E[ξ² | cell], E[ξ² | (a, c)] = 1 + n (aφ(a) − cφ(c)), so E b = 0 and E b² = σb²
     * exactly. Unlike Gauss–Hermite (weights up to ~0.04 at |b| ≈ 2σb), no node carries more than
     * 1/n: where the conditional constants vary fast with b (saturated tails), every node makes
     * its own clump in the spectrum and the CDF is a staircase of steps w_j, so the step size is
     * what bounds the CDF error (≤ 1/n). See theory/bias.md §2. n must be even (no cell straddles 0).
     */
    public static BiasMeasure gaussianQuantiles(double sigmaB, int n) {
        if (!(sigmaB >= 0) || !Double.isFinite(sigmaB)) {
            throw new IllegalArgumentException("bias sigma must be finite and >= 0, got " + sigmaB);
        }
        if (n < 2 || n > 100_000 || n % 2 != 0) {
            throw new IllegalArgumentException("number of bias nodes must be even and in [2, 100000], got " + n);
        }
        if (sigmaB == 0) {
            return new BiasMeasure(new double[] {0}, new double[] {1});
        }
        org.apache.commons.math3.distribution.NormalDistribution normal =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        double[] b = new double[n];
        double[] w = new double[n];
        int half = n / 2;
        double c = normal.inverseCumulativeProbability(1.0 / n); // upper end of cell 0
        double aPhiA = 0; // aφ(a) → 0 as a → −∞
        for (int k = 0; k < half; k++) {
            double cPhiC = k == half - 1 ? 0 : c * Math.exp(-0.5 * c * c) / Math.sqrt(2 * Math.PI);
            double second = 1 + n * (aPhiA - cPhiC);
            b[k] = -sigmaB * Math.sqrt(Math.max(0, second));
            b[n - 1 - k] = -b[k];
            aPhiA = cPhiC;
            if (k + 2 < n) {
                c = k + 1 == half - 1 ? 0 : normal.inverseCumulativeProbability((k + 2.0) / n);
            }
        }
        java.util.Arrays.fill(w, 1.0 / n);
        return new BiasMeasure(b, w);
    }

    /** The empirical law of the given bias values, weight 1/n each. */
    public static BiasMeasure empirical(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("empirical bias measure needs at least one value, got 0");
        }
        double[] w = new double[values.length];
        Arrays.fill(w, 1.0 / values.length);
        return new BiasMeasure(values, w);
    }

    /** The point mass at b. */
    public static BiasMeasure point(double b) {
        return new BiasMeasure(new double[] {b}, new double[] {1});
    }

    public int size() {
        return nodes.length;
    }

    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    double node(int j) {
        return nodes[j];
    }

    double weight(int j) {
        return weights[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BiasMeasure m && Arrays.equals(nodes, m.nodes) && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "BiasMeasure[n=" + nodes.length + "]";
    }
}
