package org.nrmt.spectrum;

import org.apache.commons.math3.complex.Complex;

/**
 * G at one point with its certificate.
 *
 * @param z                 the point (Im z ≥ 0 means the boundary value from above when Im z = 0)
 * @param g                 G(z) on the physical branch (NaN parts when not certified)
 * @param certified         true when the continuation from ∞ was certified step by step
 * @param certificateMargin separation / inclusion radius: how many inclusion radii fit between
 *                          G and the nearest other root (≥ 1 when certified, 0 otherwise)
 * @param digitsUsed        16 for double, else the apfloat precision that certified the point
 * @param separation        lower bound on the distance from G to the other roots of the quartic
 */
public record StieltjesPoint(
        Complex z, Complex g, boolean certified, double certificateMargin, int digitsUsed, double separation) {

    /** ρ(x) = −Im G(x + i0)/π (meaningful for real z). */
    public double density() {
        return -g.getImaginary() / Math.PI;
    }

    static StieltjesPoint uncertified(Complex z) {
        return new StieltjesPoint(z, new Complex(Double.NaN, Double.NaN), false, 0, 0, 0);
    }
}
