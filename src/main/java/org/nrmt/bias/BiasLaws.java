package org.nrmt.bias;

import java.util.function.DoubleUnaryOperator;

/**
 * Factories for the bias laws (theory/bias.md). {@code neuron} and {@code sample} build a
 * {@link BiasLaw}; σb = 0 is the bias-free law, computed by the same solver with one node.
 */
public final class BiasLaws {

    /** Gauss–Hermite nodes over b ~ N(0, σb²) by default. */
    public static final int DEFAULT_NODES = 64;

    private BiasLaws() {
    }

    /**
     * The law for b ~ N(0, σb²) on {@value #DEFAULT_NODES} Gauss–Hermite nodes.
     *
     * @param key identifies f for the constants cache (e.g. its expression), may be null
     */
    public static BiasLaw of(BiasKind kind, Object key, DoubleUnaryOperator f, double s, double sigmaB,
            double phi, double psi) {
        return of(kind, ConditionalConstants.compute(key, f, s, BiasMeasure.gaussian(sigmaB, DEFAULT_NODES)), phi, psi);
    }

    /** The law averaged over the bias values a simulation drew (equal weights). */
    public static BiasLaw ofSamples(BiasKind kind, Object key, DoubleUnaryOperator f, double s, double[] biasValues,
            double phi, double psi) {
        return of(kind, ConditionalConstants.compute(key, f, s, BiasMeasure.empirical(biasValues)), phi, psi);
    }

    /** The law from given conditional constants. */
    public static BiasLaw of(BiasKind kind, ConditionalConstants constants, double phi, double psi) {
        if (kind == null || kind == BiasKind.none || kind == BiasKind.scalar) {
            throw new IllegalArgumentException("bias kind must be neuron or sample here, got " + kind);
        }
        return new BiasLaw(kind, constants, phi, psi);
    }
}
