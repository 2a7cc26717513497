package org.nrmt.bias;

/**
 * A square holomorphic system F(x; z) = 0 in two complex unknowns whose first unknown is
 * S = −G(z). Unknowns and values travel as double arrays (re, im, re, im) so that the hot loop
 * allocates nothing. Implementations: {@link PerNeuronSystem} (S, δ) and {@link PerSampleSystem}
 * (q0, q1), see {@code theory/bias.md} §4–5.
 */
abstract class BiasSystem {

    /**
     * Writes F(x; z) into f[0..3] and the complex Jacobian ∂F_i/∂x_k into jac[0..7] as
     * (J00, J01, J10, J11), each (re, im).
     */
    abstract void evaluate(double zr, double zi, double[] x, double[] f, double[] jac);

    /** A start for |z| large, where S ≈ −1/z. */
    abstract void initial(double zr, double zi, double[] x);

    /** An upper bound on the right edge of the support (operator-norm bound of the Gaussian equivalent). */
    abstract double supportBound();

    /** Mass of the atom at 0 (see theory/bias.md §6). */
    abstract double atomAtZero();

    /** E_b[s² + ζ]: the first moment of the law. */
    abstract double firstMoment();
}
