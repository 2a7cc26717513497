package org.nrmt.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.nrmt.model.Model;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.SimulationSpec;

/**
 * One point of a sweep's grid (theory/sweeps.md §1): the activation f, the input dimension n0,
 * the ratios φ = n0/m and ψ = n0/n1, the bias (kind, σb), σw and whether the theory is the
 * sampled-bias law. Numbers are the exact decimals of the SPEC. The sizes are n1 = round(n0/ψ)
 * and m = round(n0/φ) (half up); the simulation, and the limit law, use the ratios of these
 * integer sizes.
 *
 * @param activation  the expression of f
 * @param n0          input dimension, ≥ 1
 * @param phi         φ &gt; 0
 * @param psi         ψ &gt; 0
 * @param bias        the bias kind ({@link BiasKind#none}: σb is 0)
 * @param biasSigma   σb ≥ 0
 * @param sigmaW      σw &gt; 0 (σx is 1)
 * @param sampledBias theory over the biases the trial drew (per-neuron or per-sample bias with σb &gt; 0 only)
 */
public record GridPoint(
        String activation,
        int n0,
        BigDecimal phi,
        BigDecimal psi,
        BiasKind bias,
        BigDecimal biasSigma,
        BigDecimal sigmaW,
        boolean sampledBias)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates and normalises the decimals (no trailing zeros); messages end in ", got &lt;value&gt;". */
    public GridPoint {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(bias, "bias");
        if (n0 < 1) throw new IllegalArgumentException("n0 must be >= 1, got " + n0);
        phi = positive("phi", phi);
        psi = positive("psi", psi);
        sigmaW = positive("sigma_w", sigmaW);
        if (biasSigma.signum() < 0) throw new IllegalArgumentException("bias_sigma must be >= 0, got " + biasSigma);
        biasSigma = biasSigma.signum() == 0 ? BigDecimal.ZERO : biasSigma.stripTrailingZeros();
        if (bias == BiasKind.none && biasSigma.signum() != 0) {
            throw new IllegalArgumentException("bias none takes bias_sigma 0, got " + biasSigma.toPlainString());
        }
        if (sampledBias && !(biasSigma.signum() > 0 && (bias == BiasKind.neuron || bias == BiasKind.sample))) {
            throw new IllegalArgumentException(
                    "sampled_bias needs a per-neuron or per-sample bias with bias_sigma > 0, got bias " + bias
                            + " bias_sigma " + biasSigma.toPlainString());
        }
        n1Of(n0, psi);
        mOf(n0, phi);
    }

    private static BigDecimal positive(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + v.toPlainString());
        return v.stripTrailingZeros();
    }

    /** n1 = round(n0/ψ), half up. */
    public int n1() {
        return n1Of(n0, psi);
    }

    /** m = round(n0/φ), half up. */
    public int m() {
        return mOf(n0, phi);
    }

    private static int n1Of(int n0, BigDecimal psi) {
        int n1 = size("n1 = n0/psi", n0, psi);
        if (n1 > SimulationSpec.MAX_N1) {
            throw new IllegalArgumentException("n1 = n0/psi must be <= " + SimulationSpec.MAX_N1
                    + " (n1² must fit LAPACK's 32-bit indices) at n0 = " + n0 + ", psi = " + psi.toPlainString()
                    + ", got " + n1);
        }
        return n1;
    }

    private static int mOf(int n0, BigDecimal phi) {
        return size("m = n0/phi", n0, phi);
    }

    private static int size(String what, int n0, BigDecimal ratio) {
        BigDecimal v = new BigDecimal(n0).divide(ratio, 0, RoundingMode.HALF_UP);
        if (v.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException(what + " must round to >= 1 at n0 = " + n0 + ", "
                    + (what.startsWith("n1") ? "psi" : "phi") + " = " + ratio.toPlainString() + ", got "
                    + v.toPlainString());
        }
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(
                    what + " must fit a 32-bit integer at n0 = " + n0 + ", got " + v.toPlainString());
        }
        return v.intValueExact();
    }

    /** The model of f at σw, σx = 1 and this bias (theory/conventions.md). */
    public Model model() {
        return Model.of(activation).withSigmas(sigmaW, BigDecimal.ONE).withBias(bias, biasSigma);
    }

    /** The simulation at this point's integer sizes. */
    public SimulationSpec simulationSpec() {
        return new SimulationSpec(n0, n1(), m(), sigmaW.doubleValue(), 1.0, bias, biasSigma.doubleValue());
    }

    /**
     * The canonical text of the point, {@code activation="tanh",n0=300,phi=0.5,...} (f quoted): part of every
     * task's id, so equal points have equal keys whatever the SPEC's spelling of the decimals.
     */
    public String key() {
        String quoted = '"' + activation.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return "activation=" + quoted + ",n0=" + n0 + ",phi=" + phi.toPlainString() + ",psi="
                + psi.toPlainString() + ",bias=" + bias + ",bias_sigma=" + biasSigma.toPlainString()
                + ",sigma_w=" + sigmaW.toPlainString() + ",sampled_bias=" + sampledBias;
    }
}
