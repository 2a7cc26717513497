package org.nrmt.simulation;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * An activation f applied to pre-activations, with its Gaussian mean E f(sZ) subtracted so that
 * M = YYᵀ/m carries no rank-one spike (the limiting law is that of the centred f; see
 * {@code theory/verification.md} §1).
 *
 * @param f     the activation, evaluated on pre-activations of standard deviation s
 * @param mean  E f(sZ), subtracted from every entry; finite
 * @param label how the activation is named in titles and reports
 */
public record CenteredActivation(DoubleUnaryOperator f, double mean, String label) {
    public CenteredActivation {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("activation mean must be finite, got " + mean);
        }
    }

    /** f(x) − mean. */
    public double apply(double x) {
        return f.applyAsDouble(x) - mean;
    }
}
