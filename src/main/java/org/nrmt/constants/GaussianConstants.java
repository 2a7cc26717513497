package org.nrmt.constants;

import java.util.List;
import org.apfloat.Apfloat;

/**
 * The Gaussian constants of f at scale s and shift b, Z ~ N(0, 1) (theory/gaussian-constants.md §1):
 * \[ \text{mean} = E f(sZ+b),\quad \text{secondMoment} = E f(sZ+b)^2,\quad
 *    \eta = \text{secondMoment} - \text{mean}^2,\quad \text{linear} = E[Z f(sZ+b)],\quad
 *    \zeta = \text{linear}^2,\quad c_k = E[f(sZ+b)\,He_k(Z)]/k!. \]
 * {@code hermite} holds c_0 … c_K (empty when not asked). {@code error} estimates the absolute
 * error of mean, η and ζ (the largest); values smaller than their error are reported as 0.
 * {@code nodes} counts integrand evaluations. Numbers carry {@code digits} significant digits.
 */
public record GaussianConstants(
        String activation,
        Apfloat s,
        Apfloat shift,
        long digits,
        Apfloat mean,
        Apfloat eta,
        Apfloat zeta,
        Apfloat secondMoment,
        Apfloat linear,
        List<Apfloat> hermite,
        Apfloat error,
        int nodes) {
    public GaussianConstants {
        hermite = List.copyOf(hermite);
    }

    public double etaDouble() {
        return eta.doubleValue();
    }

    public double zetaDouble() {
        return zeta.doubleValue();
    }

    public double meanDouble() {
        return mean.doubleValue();
    }
}
