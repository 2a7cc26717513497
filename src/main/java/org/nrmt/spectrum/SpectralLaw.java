package org.nrmt.spectrum;

import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * A limiting eigenvalue law of M = YYᵀ/m, in the convention of {@code theory/conventions.md}:
 * \(G(z) = \int \rho(x)\,dx/(z - x)\), \(G(z) \sim 1/z\), \(\operatorname{Im} G < 0\) when
 * \(\operatorname{Im} z > 0\), \(\rho(x) = -\operatorname{Im} G(x + i0)/\pi\).
 *
 * <p>Implementations: the Pennington–Worah quartic law (bias-free and scalar bias), the per-neuron
 * and per-sample bias laws. Simulation compares against this interface only.
 */
public interface SpectralLaw {

    /**
     * G(z) for Im z ≥ 0 on the physical branch.
     *
     * @throws UncertifiedPointException where the branch cannot be certified
     */
    Complex stieltjes(Complex z);

    /** Density of the continuous part at real x (atoms excluded). */
    double density(double x);

    /** P(λ ≤ x): continuous part plus every atom at or below x. */
    double cdf(double x);

    /** The point masses (for these models at most one, at 0). */
    List<Atom> atoms();

    /** The support of the continuous part, as disjoint sorted intervals. */
    List<Interval> support();

    /** The k-th moment \(\int x^k \rho\) including atoms, k ≥ 1. */
    double moment(int k);
}
