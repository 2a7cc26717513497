package org.nrmt.memorization;

/**
 * The Stieltjes transform and its derivative on the negative real axis, where both are real:
 * \(G(-\lambda) = -\int d\mu(x)/(\lambda + x)\), \(G'(-\lambda) = -\int d\mu(x)/(\lambda + x)^2\).
 * See {@code theory/memorization.md}.
 *
 * @param lambda λ &gt; 0
 * @param g      G(−λ), in [−1/λ, 0)
 * @param dg     G′(−λ) = dG/dz at z = −λ, in [−1/λ², 0)
 */
public record NegativeAxisPoint(double lambda, double g, double dg) {
}
