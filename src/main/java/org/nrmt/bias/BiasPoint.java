package org.nrmt.bias;

import org.apache.commons.math3.complex.Complex;

/**
 * One solved point of a bias law: G(z) = −S and the second unknown (δ per neuron, q1 per sample).
 *
 * @param z           the point, Im z ≥ 0
 * @param g           G(z), Im G ≤ 0
 * @param aux         δ (per-neuron) or q1 (per-sample)
 * @param certified   every continuation step passed the Kantorovich-style test (theory/bias.md §7)
 * @param margin      estimated Kantorovich number of the last step, ≤ 1/2 when certified
 * @param evaluations system evaluations spent
 */
public record BiasPoint(Complex z, Complex g, Complex aux, boolean certified, double margin, int evaluations) {

    /** ρ(x) = −Im G(x + i0)/π (meaningful for real z). */
    public double density() {
        return Math.max(0, -g.getImaginary() / Math.PI);
    }
}
