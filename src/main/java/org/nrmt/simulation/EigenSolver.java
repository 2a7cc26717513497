package org.nrmt.simulation;

/**
 * Computes spectra of symmetric matrices and, for one trial, of \(M = \frac1m YY^\top\),
 * \(Y = f(\alpha\,G_W G_X + B) - \text{mean}\), \(\alpha = \sigma_w\sigma_x/\sqrt{n_0}\), with the
 * Gaussians of {@link TrialSampler} (one stream per column). Implementations: {@link NativeEigenSolver}
 * (OpenBLAS dgemm, dsyrk, LAPACK dsyevd; off-heap) and {@link JavaEigenSolver} (ojAlgo; heap).
 * Both draw the same numbers from the same generator, so they agree to rounding.
 */
public interface EigenSolver {

    /** The name reported to the user: "native" or "java". */
    String name();

    /**
     * All eigenvalues, ascending, of the symmetric n×n matrix whose lower triangle is stored
     * column-major in {@code a} (a is not modified).
     */
    double[] symmetricEigenvalues(double[] a, int n);

    /**
     * All n1 eigenvalues, ascending, of M for trial {@code trial} of {@code seed}; column work is
     * split into {@code parallelism} fork-join tasks (the result does not depend on it).
     */
    double[] sampleEigenvalues(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism);

    /**
     * The feature matrix Y (n1×m, column-major: y_iμ at index μ·n1 + i) of trial {@code trial} of
     * {@code seed}, on the heap: the matrix whose M = YYᵀ/m {@link #sampleEigenvalues} diagonalises,
     * from the same draws. For applications that need Y itself (the ridge fit of memorization).
     *
     * @throws InsufficientMemoryException when n1·m exceeds one Java array
     * @throws UnsupportedOperationException for a solver that only returns spectra (test doubles;
     *     both backends implement it)
     */
    default double[] sampleFeatures(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        throw new UnsupportedOperationException(name() + " returns spectra only, got a request for Y");
    }

    /** Bytes one trial of {@code spec} holds at its peak, in the memory this solver uses. */
    long bytesPerTrial(SimulationSpec spec);

    /** Bytes this solver may still use (native budget or free heap). */
    long availableBytes();

    /** "native memory" or "Java heap": where {@link #bytesPerTrial} is spent. */
    String memoryKind();

    /** Refuses anything but an n×n array with n &gt; 0 (before a native call could fault). */
    static void requireSquare(double[] a, int n) {
        if (n <= 0 || a.length < (long) n * n) {
            throw new IllegalArgumentException(
                    "need an n×n array with n > 0, got n = " + n + " and " + a.length + " entries");
        }
    }
}
