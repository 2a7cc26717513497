package org.nrmt.memorization;

import java.util.function.DoubleUnaryOperator;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.NativeEigenSolver;
import org.nrmt.simulation.SimulationSpec;

/**
 * Simulated training loss of ridge regression on random features Y = f(WX) − mean (n1×m) with
 * random targets T (n2×m, iid N(0,1)); see {@code theory/memorization.md} §4.
 *
 * <p>Two estimates: the spectral one, \(E = \frac{1}{m}\sum_j \lambda^2/(\kappa_j + \lambda)^2\) over
 * the m eigenvalues κ_j of K = YᵀY/m (M's non-zero eigenvalues plus m − n1 zeros when n1 &lt; m),
 * and the explicit fit \(W_2 = T Y^\top (YY^\top + \lambda m)^{-1}\) with loss
 * \(\frac{1}{n_2 m}\lVert T - W_2 Y\rVert^2\), whose mean over T is the spectral value.
 */
public final class MemorizationSimulation {

    private final int n1;
    private final int m;
    private final double[] y;
    private final double[] eigenvaluesOfM;
    private double[] gram;

    private MemorizationSimulation(int n1, int m, double[] y, double[] eigenvaluesOfM) {
        this.n1 = n1;
        this.m = m;
        this.y = y;
        this.eigenvaluesOfM = eigenvaluesOfM;
    }

    /** Trial 0 of {@code seed}: {@link #sample(DoubleUnaryOperator, double, int, int, int, long, int)}. */
    public static MemorizationSimulation sample(DoubleUnaryOperator f, double mean, int n0, int n1, int m, long seed) {
        return sample(f, mean, n0, n1, m, seed, 0);
    }

    /**
     * Trial {@code trial} (≥ 0) of {@code seed} at σw = σx = 1: Y is the feature matrix of the
     * simulation package's sampler ({@link EigenSolver#sampleFeatures}), so M = YYᵀ/m is the matrix
     * {@code nrmt simulate} diagonalises for the same seed and trial, and trials are independent.
     *
     * @param f    the activation
     * @param mean its Gaussian mean E f(Z), subtracted (centring)
     */
    public static MemorizationSimulation sample(
            DoubleUnaryOperator f, double mean, int n0, int n1, int m, long seed, int trial) {
        RandomFeatures.requirePositive("n0", n0);
        RandomFeatures.requirePositive("n1", n1);
        RandomFeatures.requirePositive("m", m);
        SimulationSpec spec = SimulationSpec.of(n0, n1, m);
        double[] columns = NativeEigenSolver.load(notice -> {})
                .sampleFeatures(spec, new CenteredActivation(f, mean, "f"), seed, trial, 1);
        double[] y = new double[columns.length];
        for (int mu = 0; mu < m; mu++) {
            for (int i = 0; i < n1; i++) {
                y[i * m + mu] = columns[mu * n1 + i]; // column-major to the row-major layout of RandomFeatures
            }
        }
        double[] eig = RandomFeatures.eigenvalues(RandomFeatures.gram(y, n1, m), n1);
        return new MemorizationSimulation(n1, m, y, eig);
    }

    /** Eigenvalues of M = YYᵀ/m, ascending (a copy). */
    public double[] eigenvalues() {
        return eigenvaluesOfM.clone();
    }

    /** (λ²/m) tr (K + λ)⁻² from the spectrum ({@link #spectralLoss(double[], int, double)}). */
    public double spectralLoss(double lambda) {
        return spectralLoss(eigenvaluesOfM, m, lambda);
    }

    /**
     * \( E = \frac{\lambda^2}{m} \operatorname{tr}(K + \lambda)^{-2} \) from the ascending
     * eigenvalues of M = YYᵀ/m (n1 of them): K = YᵀY/m (m×m) has the min(n1, m) largest
     * eigenvalues of M and m − n1 zeros when n1 &lt; m, each zero contributing λ²/λ² = 1
     * (theory/memorization.md §1). Rounding below 0 counts as 0.
     */
    public static double spectralLoss(double[] ascendingEigenvaluesOfM, int m, double lambda) {
        requireLambda(lambda);
        RandomFeatures.requirePositive("m", m);
        int n1 = ascendingEigenvaluesOfM.length;
        int k = Math.min(n1, m);
        double sum = m - k;
        for (int i = n1 - k; i < n1; i++) {
            double kappa = Math.max(0, ascendingEigenvaluesOfM[i]);
            double r = lambda / (kappa + lambda);
            sum += r * r;
        }
        return sum / m;
    }

    /**
     * The explicit ridge fit with n2 fresh targets drawn from {@code seed}: solves
     * (YYᵀ + λm) W2ᵀ = Y Tᵀ and returns (1/(n2 m))‖T − W2 Y‖².
     */
    public double explicitLoss(double lambda, int n2, long seed) {
        requireLambda(lambda);
        RandomFeatures.requirePositive("n2", n2);
        double[] t = RandomFeatures.gaussian(RandomFeatures.rng(seed), n2, m, 1);
        if (gram == null) {
            gram = RandomFeatures.multiplyTransposed(y, n1, m, y, n1, 1); // YYᵀ, shared by every λ
        }
        double[] a = gram.clone();
        for (int i = 0; i < n1; i++) {
            a[i * n1 + i] += lambda * m;
        }
        double[] ytt = RandomFeatures.multiplyTransposed(y, n1, m, t, n2, 1); // Y Tᵀ, n1×n2
        double[] w2t = RandomFeatures.solvePositiveDefinite(a, n1, ytt, n2); // W2ᵀ, n1×n2
        double[] fit = RandomFeatures.transposedTimes(w2t, n1, n2, y, m, 1); // W2 Y = (W2ᵀ)ᵀ Y, n2×m
        double ss = 0;
        for (int i = 0; i < fit.length; i++) {
            double r = t[i] - fit[i];
            ss += r * r;
        }
        return ss / ((double) n2 * m);
    }

    private static void requireLambda(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
    }
}
