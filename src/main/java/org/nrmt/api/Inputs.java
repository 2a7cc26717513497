package org.nrmt.api;

import java.math.BigDecimal;
import java.util.Locale;
import org.nrmt.model.Model;
import org.nrmt.simulation.BiasKind;

/** Reads the facade's plain arguments into the model's types; messages name the value. */
final class Inputs {

    private Inputs() {}

    /** An exact decimal, or {@code fallback} when the text is null. */
    static BigDecimal decimal(String name, String text, BigDecimal fallback) {
        if (text == null) return fallback;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a decimal number, got '" + text + "'");
        }
    }

    /** A required positive decimal. */
    static BigDecimal positive(String name, String text) {
        if (text == null) throw new IllegalArgumentException(name + " is required, got nothing");
        BigDecimal v = decimal(name, text, null);
        if (v.signum() <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + text);
        return v;
    }

    static BiasKind bias(String text) {
        if (text == null) return BiasKind.none;
        try {
            return BiasKind.valueOf(text.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bias must be none, neuron, sample or scalar, got '" + text + "'");
        }
    }

    /** The model of the arguments: an activation, or η and ζ; scales; bias. */
    static Model model(
            String activation, String eta, String zeta, String sigmaW, String sigmaX, String bias, String biasSigma) {
        BiasKind kind = bias(bias);
        BigDecimal sb = decimal("bias_sigma", biasSigma, BigDecimal.ZERO);
        if (kind != BiasKind.none && sb.signum() == 0) {
            throw new IllegalArgumentException("bias " + kind + " needs bias_sigma > 0, got " + biasSigma);
        }
        return new Model(
                activation,
                decimal("eta", eta, null),
                decimal("zeta", zeta, null),
                decimal("sigma_w", sigmaW, BigDecimal.ONE),
                decimal("sigma_x", sigmaX, BigDecimal.ONE),
                kind,
                sb);
    }

    static void requireDigits(int digits) {
        if (digits < 1 || digits > 100_000) {
            throw new IllegalArgumentException("digits must be between 1 and 100000, got " + digits);
        }
    }

    static void requireFinite(String name, double[] xs) {
        for (double x : xs) {
            if (!Double.isFinite(x)) throw new IllegalArgumentException(name + " must be finite, got " + x);
        }
    }
}
