package org.nrmt.memorization;

/**
 * A source of G(−λ) and G′(−λ) for a spectral law of M = YYᵀ/m on [0, ∞). Implementations: the
 * closed-form Marchenko–Pastur case ({@link MarchenkoPasturResolvent}), the continuation of the
 * quartic along the axis ({@link QuarticNegativeAxis}).
 */
@FunctionalInterface
public interface NegativeAxisResolvent {

    /** G(−λ) and G′(−λ) for λ &gt; 0. */
    NegativeAxisPoint at(double lambda);
}
