package org.nrmt.bias;

import org.nrmt.activation.Activation;
import org.nrmt.simulation.BiasKind;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Factories for the laws of Y = f(WX + B) (theory/bias.md): {@code neuron} and {@code sample}
 * build a {@link BiasLaw}, {@code scalar} a {@link org.nrmt.spectrum.MixtureLaw} (mixture of PW quartic laws over
 * the bias), {@code none} (or σb = 0 for scalar) the PW {@link QuarticLaw} of f at b = 0. The
 * activation is centred implicitly: μ(b) only moves one outlier. The conditional constants of an
 * {@link Activation} come from the constants engine; the overloads taking a plain function use
 * Gauss–Legendre (no breakpoints, see {@link ConditionalConstants}).
 */
public final class BiasLaws {

    /**
     * Gauss–Hermite nodes over b ~ N(0, σb²) for G, density, moments and the conditional constants
     * (spectral accuracy for smooth averages: E_b μ, E_b[ζ + s²] to ~1e-10).
     */
    public static final int DEFAULT_NODES = 64;

    /**
     * Equal-weight nodes over b ~ N(0, σb²) for CDF comparisons ({@link #forCdf}): the CDF error of
     * the discretised law is at most about one node weight where the clumps of saturated or
     * switched-off units are separated (theory/bias.md §2): 1.5e-3 against 2048 nodes for ReLU at
     * σb = 1.5, where 64 Gauss–Hermite nodes were off by 0.016.
     */
    public static final int CDF_NODES = 512;

    private BiasLaws() {}

    /** The law for b ~ N(0, σb²) on {@value #DEFAULT_NODES} Gauss–Hermite nodes. */
    public static SpectralLaw of(BiasKind kind, Activation f, double s, double sigmaB, double phi, double psi) {
        return of(
                kind,
                constants(f, s, BiasMeasure.gaussian(kind == BiasKind.none ? 0 : sigmaB, DEFAULT_NODES)),
                phi,
                psi);
    }

    /**
     * The law for b ~ N(0, σb²) to compare CDFs with (KS against simulation): per-neuron and
     * per-sample on {@value #CDF_NODES} equal-weight nodes ({@link #cdfMeasure}), otherwise as {@link #of}.
     */
    public static SpectralLaw forCdf(BiasKind kind, Activation f, double s, double sigmaB, double phi, double psi) {
        return of(kind, constants(f, s, cdfMeasure(kind, sigmaB)), phi, psi);
    }

    /**
     * As {@link #forCdf} for a plain function f (key names f in the constants cache; null: no cache);
     * its constants come from Gauss–Legendre, see {@link ConditionalConstants#compute(Object,
     * java.util.function.DoubleUnaryOperator, double, BiasMeasure)}.
     */
    public static SpectralLaw forCdf(
            BiasKind kind,
            Object key,
            java.util.function.DoubleUnaryOperator f,
            double s,
            double sigmaB,
            double phi,
            double psi) {
        return of(kind, ConditionalConstants.compute(key, f, s, cdfMeasure(kind, sigmaB)), phi, psi);
    }

    /**
     * The discretisation of N(0, σb²) for CDFs: equal-weight nodes for the per-neuron and
     * per-sample laws (their CDF is a staircase of node weights where the constants vary fast with
     * b), {@value #DEFAULT_NODES} Gauss–Hermite nodes for the scalar mixture (a smooth average of
     * quartic laws), a point mass without bias.
     */
    public static BiasMeasure cdfMeasure(BiasKind kind, double sigmaB) {
        if (kind == BiasKind.none) {
            return BiasMeasure.point(0);
        }
        if (kind == BiasKind.scalar) {
            return BiasMeasure.gaussian(sigmaB, DEFAULT_NODES);
        }
        return BiasMeasure.gaussianQuantiles(sigmaB, CDF_NODES);
    }

    /** The law averaged over the bias values a simulation drew (equal weights). */
    public static SpectralLaw ofSamples(
            BiasKind kind, Activation f, double s, double[] biasValues, double phi, double psi) {
        return of(kind, constants(f, s, BiasMeasure.empirical(biasValues)), phi, psi);
    }

    /**
     * Per-neuron or per-sample law for b ~ N(0, σb²) on {@value #DEFAULT_NODES} Gauss–Hermite nodes,
     * for a plain function f (key names f in the constants cache, e.g. its expression; null: no cache).
     */
    public static BiasLaw of(
            BiasKind kind,
            Object key,
            java.util.function.DoubleUnaryOperator f,
            double s,
            double sigmaB,
            double phi,
            double psi) {
        return biasLaw(kind, key, f, s, BiasMeasure.gaussian(sigmaB, DEFAULT_NODES), phi, psi);
    }

    /** Per-neuron or per-sample law averaged over the bias values a simulation drew (equal weights). */
    public static BiasLaw ofSamples(
            BiasKind kind,
            Object key,
            java.util.function.DoubleUnaryOperator f,
            double s,
            double[] biasValues,
            double phi,
            double psi) {
        return biasLaw(kind, key, f, s, BiasMeasure.empirical(biasValues), phi, psi);
    }

    /**
     * Conditional constants of an activation on a measure, from the constants engine, cached under
     * (expression, s, nodes).
     */
    public static ConditionalConstants constants(Activation f, double s, BiasMeasure measure) {
        return ConditionalConstants.compute(f, s, measure);
    }

    /** The law from given conditional constants. */
    public static SpectralLaw of(BiasKind kind, ConditionalConstants c, double phi, double psi) {
        if (kind == null) {
            throw new IllegalArgumentException("bias kind must be given, got null");
        }
        return switch (kind) {
            case neuron, sample -> new BiasLaw(kind, c, phi, psi);
            case scalar -> ScalarBiasLaw.of(c, phi, psi);
            case none -> {
                if (c.size() != 1) {
                    throw new IllegalArgumentException(
                            "bias none needs the one-point measure, got " + c.size() + " nodes");
                }
                yield QuarticLaw.of(new ModelParams(c.s2Raw()[0] + c.zetaRaw()[0], c.zetaRaw()[0], phi, psi));
            }
        };
    }

    /** A per-neuron or per-sample {@link BiasLaw} from given constants. */
    public static BiasLaw biasLaw(BiasKind kind, ConditionalConstants c, double phi, double psi) {
        if (kind != BiasKind.neuron && kind != BiasKind.sample) {
            throw new IllegalArgumentException("bias kind must be neuron or sample here, got " + kind);
        }
        return new BiasLaw(kind, c, phi, psi);
    }

    /** As {@link #biasLaw} for a plain function f (key names f in the constants cache; null: no cache). */
    public static BiasLaw biasLaw(
            BiasKind kind,
            Object key,
            java.util.function.DoubleUnaryOperator f,
            double s,
            BiasMeasure measure,
            double phi,
            double psi) {
        return biasLaw(kind, ConditionalConstants.compute(key, f, s, measure), phi, psi);
    }

    /**
     * The averaged-constant shortcut the exact law refutes: the PW quartic with
     * η̄ = E_b[s² + ζ], ζ̄ = E_b[ζ] (theory/bias.md §8).
     */
    public static QuarticLaw averagedShortcut(ConditionalConstants c, double phi, double psi) {
        return QuarticLaw.of(new ModelParams(c.meanVariance(), c.meanZeta(), phi, psi));
    }
}
