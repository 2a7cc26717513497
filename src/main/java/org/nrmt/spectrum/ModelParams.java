package org.nrmt.spectrum;

/**
 * The four numbers the limiting law depends on: \(\eta, \zeta\) of the centred activation and
 * the aspect ratios \(\phi = n_0/m\), \(\psi = n_0/n_1\). See {@code theory/conventions.md}.
 *
 * @param eta  variance of f(sZ), \(\eta > 0\)
 * @param zeta \((E[Z f(sZ)])^2\), \(0 \le \zeta \le \eta\)
 * @param phi  n0/m, \(\phi > 0\)
 * @param psi  n0/n1, \(\psi > 0\)
 */
public record ModelParams(double eta, double zeta, double phi, double psi) {

    /** Validates every field; the message names the offending value. */
    public ModelParams {
        requireFinitePositive("eta", eta);
        requireFinitePositive("phi", phi);
        requireFinitePositive("psi", psi);
        if (!Double.isFinite(zeta) || zeta < 0) {
            throw new IllegalArgumentException("zeta must be finite and >= 0, got " + zeta);
        }
        // Quadrature can put zeta a rounding error above eta for a linear f; more is a user error.
        if (zeta > eta * (1 + 1e-12)) {
            throw new IllegalArgumentException("zeta must not exceed eta (" + eta + "), got " + zeta);
        }
        zeta = Math.min(zeta, eta);
    }

    /** \(\gamma = \phi/\psi = n_1/m\). */
    public double gamma() {
        return phi / psi;
    }

    private static void requireFinitePositive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
