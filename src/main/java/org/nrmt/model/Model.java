package org.nrmt.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.CenteredActivation;

/**
 * A network ensemble as the user specifies it, independent of sizes: the activation f (an
 * expression in x) or its constants (η, ζ), the scales σw, σx (s = σw σx) and the bias
 * (theory/conventions.md). Numbers are the exact decimals typed.
 *
 * @param activation the expression of f, or null when η and ζ are given
 * @param eta        η, or null when the activation is given
 * @param zeta       ζ, or null when the activation is given
 * @param sigmaW     σw &gt; 0
 * @param sigmaX     σx &gt; 0
 * @param bias       the bias kind ({@link BiasKind#none} without bias)
 * @param biasSigma  σb ≥ 0
 */
public record Model(
        String activation,
        BigDecimal eta,
        BigDecimal zeta,
        BigDecimal sigmaW,
        BigDecimal sigmaX,
        BiasKind bias,
        BigDecimal biasSigma) {

    /** Validates; messages follow "&lt;what&gt;, got &lt;value&gt;". */
    public Model {
        Objects.requireNonNull(sigmaW, "sigmaW");
        Objects.requireNonNull(sigmaX, "sigmaX");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(biasSigma, "biasSigma");
        if (activation != null && (eta != null || zeta != null)) {
            throw new IllegalArgumentException(
                    "give either an activation or eta and zeta, not both, got activation '" + activation + "'");
        }
        if (activation == null && (eta == null || zeta == null)) {
            throw new IllegalArgumentException(
                    "an activation or both eta and zeta are required, got eta=" + eta + " zeta=" + zeta);
        }
        if (activation != null && activation.isBlank()) {
            throw new IllegalArgumentException("the activation needs an expression in x, got '" + activation + "'");
        }
        if (eta != null) {
            if (eta.signum() <= 0) throw new IllegalArgumentException("eta must be > 0, got " + eta);
            if (zeta.signum() < 0) throw new IllegalArgumentException("zeta must be >= 0, got " + zeta);
            if (zeta.compareTo(eta) > 0) {
                throw new IllegalArgumentException("zeta must not exceed eta (" + eta + "), got " + zeta);
            }
        }
        if (sigmaW.signum() <= 0) throw new IllegalArgumentException("sigma_w must be > 0, got " + sigmaW);
        if (sigmaX.signum() <= 0) throw new IllegalArgumentException("sigma_x must be > 0, got " + sigmaX);
        if (biasSigma.signum() < 0) throw new IllegalArgumentException("bias_sigma must be >= 0, got " + biasSigma);
        if (bias != BiasKind.none && activation == null) {
            throw new IllegalArgumentException(
                    "a bias needs the activation (the bias laws depend on f, not only on eta and zeta), got bias "
                            + bias);
        }
    }

    /** The activation f at unit scales, without bias. */
    public static Model of(String activation) {
        return new Model(activation, null, null, BigDecimal.ONE, BigDecimal.ONE, BiasKind.none, BigDecimal.ZERO);
    }

    /** Given constants η, ζ (a centred activation's variance and linear strength). */
    public static Model ofConstants(BigDecimal eta, BigDecimal zeta) {
        return new Model(null, eta, zeta, BigDecimal.ONE, BigDecimal.ONE, BiasKind.none, BigDecimal.ZERO);
    }

    /** The same model at scales σw, σx. */
    public Model withSigmas(BigDecimal sigmaW, BigDecimal sigmaX) {
        return new Model(activation, eta, zeta, sigmaW, sigmaX, bias, biasSigma);
    }

    /** The same model with a bias of this kind and σb. */
    public Model withBias(BiasKind kind, BigDecimal sigma) {
        return new Model(activation, eta, zeta, sigmaW, sigmaX, kind, sigma);
    }

    /** True when a bias with σb &gt; 0 is present (σb = 0 is the bias-free model). */
    public boolean biased() {
        return bias != BiasKind.none && biasSigma.signum() > 0;
    }

    /** s = σw σx, exactly. */
    public BigDecimal s() {
        return sigmaW.multiply(sigmaX);
    }

    /**
     * The centred activation a simulation of this model samples: \( f - E f(s_{tot} Z) \) with
     * \( s_{tot} = \sqrt{s^2 + \sigma_b^2} \), the mean over pre-activation and bias (a residual row or
     * column mean, such as μ(b_i) − mean with a bias, only adds one outlier eigenvalue;
     * theory/bias.md). Centring is done in double precision, as the simulation is.
     */
    public CenteredActivation centred() {
        Activation f = parsedActivation();
        double s = s().doubleValue();
        double sb = biasSigma.doubleValue();
        double mean = GaussianConstantsEngine.computeDouble(f, Math.sqrt(s * s + sb * sb), 0)
                .mean();
        return new CenteredActivation(f.toDoubleFunction(), mean, activation);
    }

    /** The parsed activation; a syntax error is an IllegalArgumentException naming the text. */
    public Activation parsedActivation() {
        if (activation == null) {
            throw new IllegalArgumentException("this model is given by eta and zeta, got no activation");
        }
        try {
            return Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot read activation: " + e.getMessage() + ", got '" + activation + "'", e);
        }
    }
}
