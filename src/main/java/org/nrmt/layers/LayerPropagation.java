package org.nrmt.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.nrmt.memorization.RandomFeatures;
import org.nrmt.simulation.SpectralStatistics;

/**
 * Data pushed through L random layers of width n (ψ = 1, PW §6): X_0 is n×m with iid N(0,1)
 * entries, and \(X_{l+1} = g(W_l X_l)\) with a fresh W_l (n×n, N(0, 1/n)) per layer and
 * \(g = (f - \text{mean})/\sqrt{\eta_{\rm raw}}\) when normalised (so η = 1 and the
 * pre-activations keep variance ≈ 1 from layer to layer). After each layer the spectrum of
 * X_l X_lᵀ/m is compared with the input's Marchenko–Pastur law and with the one-layer theory.
 * See {@code theory/layers.md}.
 *
 * @param activation the raw activation f
 * @param mean       E f(Z), subtracted
 * @param scale      the factor applied after centring, 1/√η_raw to normalise to η = 1
 * @param theoryCdf  CDF of the one-layer law (φ = n/m, ψ = 1, η and ζ of the scaled activation)
 */
public record LayerPropagation(
        DoubleUnaryOperator activation, double mean, double scale, DoubleUnaryOperator theoryCdf) {

    public LayerPropagation {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
    }

    /**
     * Spectra of the input and of each of {@code depth} layers, from one seeded stream (X_0 first,
     * then W_1, W_2, …).
     */
    public List<LayerSpectrum> run(int depth, int n, int m, long seed) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        if (m < 2) {
            throw new IllegalArgumentException("m must be >= 2, got " + m);
        }
        MarchenkoPasturLaw input = MarchenkoPasturLaw.of(1, (double) n / m);
        UniformRandomProvider rng = RandomFeatures.rng(seed);
        double[] x = RandomFeatures.gaussian(rng, n, m, 1);
        List<LayerSpectrum> out = new ArrayList<>();
        out.add(measure(0, x, n, m, input::cdf, input::cdf));
        DoubleUnaryOperator g = v -> scale * (activation.applyAsDouble(v) - mean);
        for (int l = 1; l <= depth; l++) {
            double[] w = RandomFeatures.gaussian(rng, n, n, 1 / Math.sqrt(n));
            x = RandomFeatures.multiply(w, n, n, x, m, 1);
            RandomFeatures.apply(x, g, 0);
            out.add(measure(l, x, n, m, input::cdf, theoryCdf));
        }
        return out;
    }

    private static LayerSpectrum measure(
            int layer, double[] x, int n, int m, DoubleUnaryOperator inputCdf, DoubleUnaryOperator theory) {
        double[] eig = RandomFeatures.eigenvalues(RandomFeatures.gram(x, n, m), n);
        for (int i = 0; i < eig.length; i++) {
            eig[i] = Math.max(0, eig[i]);
        }
        return new LayerSpectrum(layer, eig, SpectralStatistics.ks(eig, inputCdf), SpectralStatistics.ks(eig, theory));
    }
}
