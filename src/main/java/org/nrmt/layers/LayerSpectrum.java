package org.nrmt.layers;

/**
 * The spectrum of the data covariance X_l X_lᵀ/m after layer l (l = 0 is the input) and its KS
 * distances to the input's Marchenko–Pastur law and to the one-layer theory of that layer.
 *
 * @param layer         l, 0 for the input
 * @param eigenvalues   ascending eigenvalues of X_l X_lᵀ/m (negative rounding clamped to 0)
 * @param ksToInputLaw  KS distance to Marchenko–Pastur(η = 1, γ = n/m)
 * @param ksToTheory    KS distance to the Pennington–Worah law of one layer with the layer's η, ζ
 *                      (for l = 0, the input law again)
 */
public record LayerSpectrum(int layer, double[] eigenvalues, double ksToInputLaw, double ksToTheory) {

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }
}
