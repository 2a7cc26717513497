package org.nrmt.roots;

/** Unit roundoff and Higham's γ_k for IEEE double, used by the rigorous bounds. */
final class DoubleRounding {
    /** Unit roundoff u = 2^-53. */
    static final double U = 0x1p-53;

    private DoubleRounding() {}

    /** γ_k = k u / (1 − k u), rounded up. */
    static double gamma(int k) {
        double ku = k * U;
        return Math.nextUp(ku / (1 - ku));
    }
}
