package org.nrmt.generalization;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.bytedeco.openblas.global.openblas;
import org.nrmt.memorization.RandomFeatures;
import org.nrmt.simulation.TrialSeeds;

/**
 * Simulated test and training error of random-feature ridge regression (theory/generalization.md
 * §6). One trial draws W (n1×n0, N(0, σw²/n0)), the training inputs X (n0×m) and test inputs
 * X_t (n0×m_t, both N(0, σx²)) from the stream {@link TrialSeeds#generator(long, int)}, in that
 * order, with the features of {@link RandomFeatures}; the teacher's β ~ N(0, I) and the label noise
 * are averaged out exactly given (W, X, X_t) (Rao–Blackwell: the same expectation with less
 * variance). With the thin SVD Y/√m = U S Vᵀ (p = min(n1, m)), d_j = 1/(s_j² + λ), w_j = s_j d_j,
 * Q = UᵀΦ_t, R = VᵀXᵀ/√m, the predictor on the test set is Φ_tᵀ A y = Qᵀ diag(w) (Vᵀ y/√m), so
 * \[
 * E_{\rm test} = \frac{F}{n_0 m_t}\Bigl[\lVert X_t\rVert^2 - 2\sum_j w_j \langle Q_j, (R X_t)_j\rangle
 *   + w^\top (QQ^\top \circ RR^\top) w\Bigr] + \frac{\tau^2}{m\,m_t}\sum_j w_j^2 (QQ^\top)_{jj} + \tau^2,
 * \]
 * \[
 * E_{\rm train} = \frac1m\Bigl\{\frac{F}{n_0}\Bigl[\lVert X\rVert^2 - m\sum_j (1 - \lambda^2 d_j^2)\lVert R_j\rVert^2\Bigr]
 *   + \tau^2\Bigl[m - p + \sum_j \lambda^2 d_j^2\Bigr]\Bigr\},
 * \]
 * every λ from one SVD.
 */
public final class GeneralizationSimulation {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    /** Test points are featurised this many at a time (bounds the memory to n1 × CHUNK). */
    private static final int CHUNK = 1024;

    private final int n0;
    private final int m;
    private final int p;
    private final int testPoints;
    private final double[] s2; // s_j², descending
    private final double[] rNorm2; // ‖R_j‖²
    private final double xNorm2; // ‖X‖²
    private final double xtNorm2; // ‖X_t‖²
    private final double[] cross; // ⟨Q_j, (R X_t)_j⟩
    private final double[] qDiag; // (QQᵀ)_jj
    private final double[] hadamard; // (QQᵀ ∘ RRᵀ), p×p

    private GeneralizationSimulation(
            int n0,
            int m,
            int p,
            int testPoints,
            double[] s2,
            double[] rNorm2,
            double xNorm2,
            double xtNorm2,
            double[] cross,
            double[] qDiag,
            double[] hadamard) {
        this.n0 = n0;
        this.m = m;
        this.p = p;
        this.testPoints = testPoints;
        this.s2 = s2;
        this.rNorm2 = rNorm2;
        this.xNorm2 = xNorm2;
        this.xtNorm2 = xtNorm2;
        this.cross = cross;
        this.qDiag = qDiag;
        this.hadamard = hadamard;
    }

    /**
     * Trial {@code trial} of {@code seed}: draws and factorises one network, training set and test
     * set; {@link #testError} and {@link #trainError} then cost O(p²) per λ.
     *
     * @param f          the activation, applied to pre-activations of standard deviation σw σx
     * @param mean       subtracted from every feature (the Gaussian mean of f)
     * @param testPoints m_t, the size of the test set
     */
    public static GeneralizationSimulation sample(
            DoubleUnaryOperator f,
            double mean,
            int n0,
            int n1,
            int m,
            int testPoints,
            double sigmaW,
            double sigmaX,
            long seed,
            int trial) {
        requirePositive("n0", n0);
        requirePositive("n1", n1);
        requirePositive("m", m);
        requirePositive("test points", testPoints);
        UniformRandomProvider rng = TrialSeeds.generator(seed, trial);
        double[] w = RandomFeatures.weights(rng, n0, n1, sigmaW);
        double[] x = RandomFeatures.inputs(rng, n0, m, sigmaX);
        double[] y = RandomFeatures.features(w, x, f, mean, n0, n1, m);
        int p = Math.min(n1, m);
        double inv = 1 / Math.sqrt(m);
        for (int i = 0; i < y.length; i++) y[i] *= inv;
        double[] sv = new double[p];
        double[] u = new double[n1 * p];
        double[] vt = new double[p * m];
        int info = openblas.LAPACKE_dgesdd(ROW_MAJOR, (byte) 'S', n1, m, y, m, sv, u, p, vt, m);
        if (info != 0) throw new IllegalStateException("LAPACK dgesdd failed, info = " + info);
        double[] s2 = new double[p];
        for (int j = 0; j < p; j++) s2[j] = sv[j] * sv[j];
        // R = Vᵀ Xᵀ/√m (p×n0)
        double[] r = RandomFeatures.multiplyTransposed(vt, p, m, x, n0, inv);
        double[] rNorm2 = rowNorms(r, p, n0);
        double xNorm2 = sumSquares(x);
        double[] rrt = RandomFeatures.multiplyTransposed(r, p, n0, r, p, 1);
        double[] qqt = new double[p * p];
        double[] cross = new double[p];
        double xtNorm2 = 0;
        for (int done = 0; done < testPoints; done += CHUNK) {
            int b = Math.min(CHUNK, testPoints - done);
            double[] xt = RandomFeatures.inputs(rng, n0, b, sigmaX);
            xtNorm2 += sumSquares(xt);
            double[] phi = RandomFeatures.features(w, xt, f, mean, n0, n1, b);
            double[] q = new double[p * b]; // Uᵀ Φ_t
            openblas.cblas_dgemm(ROW_MAJOR, TRANS, NO_TRANS, p, b, n1, 1, u, p, phi, b, 0, q, b);
            double[] rx = RandomFeatures.multiply(r, p, n0, xt, b, 1); // R X_t
            openblas.cblas_dgemm(ROW_MAJOR, NO_TRANS, TRANS, p, p, b, 1, q, b, q, b, 1, qqt, p);
            for (int j = 0; j < p; j++) {
                double acc = 0;
                for (int k = 0; k < b; k++) acc += q[j * b + k] * rx[j * b + k];
                cross[j] += acc;
            }
        }
        double[] qDiag = new double[p];
        for (int j = 0; j < p; j++) qDiag[j] = qqt[j * p + j];
        double[] had = qqt; // QQᵀ ∘ RRᵀ in place
        for (int i = 0; i < had.length; i++) had[i] *= rrt[i];
        return new GeneralizationSimulation(n0, m, p, testPoints, s2, rNorm2, xNorm2, xtNorm2, cross, qDiag, had);
    }

    /**
     * The test error at λ &gt; 0 for the teacher with signal F (y = √F xᵀβ/√n0 + ε) and noise τ²,
     * averaged over β, ε and the test set; test noise included.
     */
    public double testError(double lambda, double signal, double noise) {
        requireLambda(lambda);
        double[] wt = new double[p];
        for (int j = 0; j < p; j++) wt[j] = Math.sqrt(s2[j]) / (s2[j] + lambda);
        double lin = 0;
        double quad = 0;
        double var = 0;
        for (int j = 0; j < p; j++) {
            lin += wt[j] * cross[j];
            var += wt[j] * wt[j] * qDiag[j];
            double row = 0;
            for (int l = 0; l < p; l++) row += hadamard[j * p + l] * wt[l];
            quad += wt[j] * row;
        }
        double signalPart = signal / ((double) n0 * testPoints) * (xtNorm2 - 2 * lin + quad);
        double noisePart = noise / ((double) m * testPoints) * var;
        return signalPart + noisePart + noise;
    }

    /** The training error |y − Kα|²/m at λ &gt; 0, averaged over β and ε. */
    public double trainError(double lambda, double signal, double noise) {
        requireLambda(lambda);
        double kept = 0;
        double resid = m - p;
        for (int j = 0; j < p; j++) {
            double ld = lambda / (s2[j] + lambda);
            kept += (1 - ld * ld) * rNorm2[j];
            resid += ld * ld;
        }
        return (signal / n0 * (xNorm2 - m * kept) + noise * resid) / m;
    }

    /** Eigenvalues of K = YᵀY/m that are not forced to 0, descending (a copy). */
    public double[] kernelEigenvalues() {
        return s2.clone();
    }

    private static double[] rowNorms(double[] a, int rows, int cols) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int k = 0; k < cols; k++) acc += a[i * cols + k] * a[i * cols + k];
            out[i] = acc;
        }
        return out;
    }

    private static double sumSquares(double[] a) {
        double acc = 0;
        for (double v : a) acc += v * v;
        return acc;
    }

    private static void requirePositive(String name, int v) {
        if (v <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }

    private static void requireLambda(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
    }
}
