package org.nrmt.memorization;

import org.nrmt.spectrum.NegativeAxisPoint;

/**
 * The ζ = 0 law in closed form: Marchenko–Pastur with ratio γ and scale η,
 * \(\gamma\eta z G^2 - (z + \eta(\gamma - 1))G + 1 = 0\). At z = −λ, with
 * \(B = \lambda + \eta(1 - \gamma)\) and \(D = B^2 + 4\gamma\eta\lambda\),
 * \[ G(-\lambda) = \frac{B - \sqrt D}{2\gamma\eta\lambda} = \frac{-2}{B + \sqrt D},\qquad
 *    G'(-\lambda) = \frac{G(1 - \gamma\eta G)}{\sqrt D}. \]
 * The negative root is the physical one (the product of the roots is −1/(γηλ) &lt; 0 and
 * G(−λ) &lt; 0); the other root is √D/(γηλ) away (reported as the separation). Marked
 * certified: it is a closed form. See {@code theory/memorization.md} §2.
 */
public record MarchenkoPasturResolvent(double eta, double gamma) implements NegativeAxisResolvent {

    public MarchenkoPasturResolvent {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
    }

    @Override
    public NegativeAxisPoint at(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
        }
        double b = lambda + eta * (1 - gamma);
        double sqrtD = Math.sqrt(b * b + 4 * gamma * eta * lambda);
        // Pick the form without cancellation.
        double g = b >= 0 ? -2 / (b + sqrtD) : (b - sqrtD) / (2 * gamma * eta * lambda);
        double dg = g * (1 - gamma * eta * g) / sqrtD;
        return new NegativeAxisPoint(lambda, g, dg, true, 4 * Math.ulp(g), sqrtD / (gamma * eta * lambda));
    }
}
