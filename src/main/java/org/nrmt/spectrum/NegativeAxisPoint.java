package org.nrmt.spectrum;

/**
 * G and G′ at z = −λ (λ > 0), where both are real: the ridge quantities
 * (see {@code theory/branch-selection.md} §5).
 *
 * @param lambda     λ > 0
 * @param g          G(−λ) (negative)
 * @param dg         G′(−λ) = −∂_z p/∂_G p at the root (negative: G is decreasing in z there)
 * @param certified  whether the continuation from −∞ was certified
 * @param radius     inclusion radius of g
 * @param separation lower bound on the distance to the other roots
 */
public record NegativeAxisPoint(
        double lambda, double g, double dg, boolean certified, double radius, double separation) {}
