package org.nrmt.memorization;

import org.nrmt.spectrum.NegativeAxisPoint;

/**
 * A source of G(−λ) and G′(−λ), real for a law on [0, ∞):
 * \(G(-\lambda) = -\int d\mu(x)/(\lambda + x)\), \(G'(-\lambda) = -\int d\mu(x)/(\lambda + x)^2\).
 * Implementations: {@link MarchenkoPasturResolvent} (ζ = 0, closed form),
 * {@link QuarticLawResolvent} (the certified continuation of {@code spectrum.QuarticLaw}) and
 * {@link QuarticNegativeAxis} (an independent continuation used as a cross-check).
 */
public interface NegativeAxisResolvent {

    /** G(−λ) and G′(−λ) for λ &gt; 0. */
    NegativeAxisPoint at(double lambda);

    /** The same on a grid (implementations may share one continuation). */
    default NegativeAxisPoint[] along(double[] lambdas) {
        NegativeAxisPoint[] out = new NegativeAxisPoint[lambdas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(lambdas[i]);
        }
        return out;
    }
}
