package org.nrmt.bias;

/** Support bound and atom shared by the bias systems (theory/bias.md §6). */
final class Bounds {

    private Bounds() {}

    /**
     * ‖Y‖²/m for the Gaussian equivalent Y = A W'X' + Σ^{1/2} Z is at most
     * (√ζ_max (1 + 1/√ψ)(1 + √φ) + √s²_max (1 + √γ))² in the limit; 1.25 times that.
     */
    static double supportBound(ConditionalConstants c, double phi, double psi) {
        double zmax = 0;
        double smax = 0;
        double[] z = c.zetaRaw();
        double[] s = c.s2Raw();
        for (int j = 0; j < z.length; j++) {
            zmax = Math.max(zmax, z[j]);
            smax = Math.max(smax, s[j]);
        }
        double gamma = phi / psi;
        double r = Math.sqrt(zmax) * (1 + 1 / Math.sqrt(psi)) * (1 + Math.sqrt(phi))
                + Math.sqrt(smax) * (1 + Math.sqrt(gamma));
        return 1.25 * r * r;
    }

    /**
     * (1 − 1/γ)₊ when the noise part has positive mass (rank of Y = min(n1, m)); when s² ≡ 0,
     * Y = A W X has rank min(n0, n1, m): max(0, 1 − 1/γ, 1 − ψ).
     */
    static double atom(ConditionalConstants c, double phi, double psi) {
        double gamma = phi / psi;
        double noiseMass = 0;
        double[] s = c.s2Raw();
        double[] z = c.zetaRaw();
        double[] w = c.measure().weights();
        boolean anyLinear = false;
        for (int j = 0; j < s.length; j++) {
            if (s[j] > 1e-14 * (s[j] + z[j])) {
                noiseMass += w[j];
            }
            anyLinear |= z[j] > 0;
        }
        double a = Math.max(0, 1 - 1 / gamma);
        if (noiseMass > 0) {
            return a;
        }
        return anyLinear ? Math.max(a, 1 - psi) : 1.0;
    }
}
