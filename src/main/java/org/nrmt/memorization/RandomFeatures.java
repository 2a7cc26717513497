package org.nrmt.memorization;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.bytedeco.openblas.global.openblas;

/**
 * Dense row-major matrices and the BLAS/LAPACK calls on them, all through bytedeco OpenBLAS:
 * products (dgemm), Gram matrices (dsyrk), symmetric eigenvalues (dsyevd), positive-definite
 * solves (dposv), and Gaussian matrices from one sequential seeded stream.
 *
 * <p>The ridge fit of memorization takes its features Y from the simulation package's sampler
 * ({@link org.nrmt.simulation.EigenSolver#sampleFeatures}, one stream per column). {@link #weights},
 * {@link #inputs} and {@link #features(double[], double[], DoubleUnaryOperator, double, int, int, int)}
 * serve the generalization package and the layer propagation, which need W and X apart (new inputs
 * under weights already drawn, a fresh W per layer). Conventions: W is n1×n0 with entries
 * N(0, σw²/n0), X is n0×m with entries N(0, σx²), Y = f(WX) − mean (theory/conventions.md).
 */
public final class RandomFeatures {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final int UPPER = 121;

    private RandomFeatures() {}

    /** A seeded generator; same seed, same stream. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /** rows×cols iid N(0, sd²), row-major. */
    public static double[] gaussian(UniformRandomProvider rng, int rows, int cols, double sd) {
        requirePositive("rows", rows);
        requirePositive("cols", cols);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] a = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < a.length; i++) {
            a[i] = sd * z.sample();
        }
        return a;
    }

    /** alpha·A·B, A (r×k), B (k×c), all row-major. */
    public static double[] multiply(double[] a, int r, int k, double[] b, int c, double alpha) {
        double[] out = new double[Math.multiplyExact(r, c)];
        openblas.cblas_dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, r, c, k, alpha, a, k, b, c, 0, out, c);
        return out;
    }

    /** alpha·Aᵀ·B, A (k×r), B (k×c). */
    public static double[] transposedTimes(double[] a, int k, int r, double[] b, int c, double alpha) {
        double[] out = new double[Math.multiplyExact(r, c)];
        openblas.cblas_dgemm(ROW_MAJOR, TRANS, NO_TRANS, r, c, k, alpha, a, r, b, c, 0, out, c);
        return out;
    }

    /** alpha·A·Bᵀ, A (r×k), B (c×k). */
    public static double[] multiplyTransposed(double[] a, int r, int k, double[] b, int c, double alpha) {
        double[] out = new double[Math.multiplyExact(r, c)];
        openblas.cblas_dgemm(ROW_MAJOR, NO_TRANS, TRANS, r, c, k, alpha, a, k, b, k, 0, out, c);
        return out;
    }

    /** (1/cols)·A·Aᵀ for A rows×cols, full symmetric rows×rows. */
    public static double[] gram(double[] a, int rows, int cols) {
        double[] out = new double[Math.multiplyExact(rows, rows)];
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, NO_TRANS, rows, cols, 1.0 / cols, a, cols, 0, out, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < i; j++) {
                out[i * rows + j] = out[j * rows + i];
            }
        }
        return out;
    }

    /** Eigenvalues of a symmetric n×n matrix (upper triangle read), ascending. Destroys {@code sym}. */
    public static double[] eigenvalues(double[] sym, int n) {
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(ROW_MAJOR, (byte) 'N', (byte) 'U', n, sym, n, w);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dsyevd failed, info = " + info);
        }
        return w;
    }

    /** Solves A·X = B for symmetric positive-definite A (n×n) and B (n×c); destroys A, returns X. */
    public static double[] solvePositiveDefinite(double[] a, int n, double[] b, int c) {
        double[] x = b.clone();
        int info = openblas.LAPACKE_dposv(ROW_MAJOR, (byte) 'U', n, c, a, n, x, c);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dposv failed, info = " + info);
        }
        return x;
    }

    /** In place: a[i] = f(a[i]) − mean. */
    public static void apply(double[] a, DoubleUnaryOperator f, double mean) {
        for (int i = 0; i < a.length; i++) {
            a[i] = f.applyAsDouble(a[i]) - mean;
        }
    }

    /** W, n1×n0 with entries N(0, σw²/n0), drawn from {@code rng}. */
    public static double[] weights(UniformRandomProvider rng, int n0, int n1, double sigmaW) {
        return gaussian(rng, n1, n0, sigmaW / Math.sqrt(n0));
    }

    /** X, n0×m with entries N(0, σx²): m input points as columns. */
    public static double[] inputs(UniformRandomProvider rng, int n0, int m, double sigmaX) {
        return gaussian(rng, n0, m, sigmaX);
    }

    /**
     * Y = f(WX) − mean (n1×m) for given W (n1×n0) and X (n0×m): the features of new points under
     * weights already drawn (a test set under the training network).
     */
    public static double[] features(double[] w, double[] x, DoubleUnaryOperator f, double mean, int n0, int n1, int m) {
        double[] y = multiply(w, n1, n0, x, m, 1);
        apply(y, f, mean);
        return y;
    }

    static void requirePositive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + v);
        }
    }
}
