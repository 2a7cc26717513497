package org.nrmt.bias;

/**
 * The per-neuron bias system (B = b 1ᵀ, b_i iid), unknowns S = −G and δ:
 * \[ \kappa = 1 - \gamma(1 + zS),\quad D(b) = \kappa s^2(b) - z + \frac{\kappa\,\zeta(b)}{1+\delta},\quad
 *    S = E_b\Big[\frac{1}{D(b)}\Big],\quad \delta = \frac{\kappa}{\psi}\,E_b\Big[\frac{\zeta(b)}{D(b)}\Big]. \]
 * See {@code theory/bias.md} §4. One evaluation costs one complex division per bias node.
 */
final class PerNeuronSystem extends BiasSystem {

    private final double[] w;
    private final double[] zeta;
    private final double[] s2;
    private final double gamma;
    private final double psi;
    private final double phi;
    private final double bound;
    private final double atom;
    private final double m1;

    PerNeuronSystem(ConditionalConstants c, double phi, double psi) {
        this.w = c.measure().weights();
        this.zeta = c.zetaRaw().clone();
        this.s2 = c.s2Raw().clone();
        this.phi = phi;
        this.psi = psi;
        this.gamma = phi / psi;
        this.bound = Bounds.supportBound(c, phi, psi);
        this.atom = Bounds.atom(c, phi, psi);
        this.m1 = c.meanVariance();
    }

    @Override
    void evaluate(double zr, double zi, double[] x, double[] f, double[] jac) {
        double sr = x[0], si = x[1], dr = x[2], di = x[3];
        // κ = 1 − γ(1 + zS)
        double kr = 1 - gamma * (1 + zr * sr - zi * si);
        double ki = -gamma * (zr * si + zi * sr);
        // u = 1/(1 + δ)
        double ar = 1 + dr, ai = di;
        double an = ar * ar + ai * ai;
        double ur = ar / an, ui = -ai / an;
        double a0r = 0, a0i = 0, a1r = 0, a1i = 0;
        double pr = 0, pi = 0, qr = 0, qi = 0, rr = 0, ri = 0, tr = 0, ti = 0;
        for (int j = 0; j < w.length; j++) {
            double zj = zeta[j];
            double wj = w[j];
            // t = s² + ζ u, D = κ t − z
            double tRe = s2[j] + zj * ur, tIm = zj * ui;
            double dRe = kr * tRe - ki * tIm - zr;
            double dIm = kr * tIm + ki * tRe - zi;
            double dn = dRe * dRe + dIm * dIm;
            double ir = dRe / dn, ii = -dIm / dn; // 1/D
            double i2r = ir * ir - ii * ii, i2i = 2 * ir * ii; // 1/D²
            a0r += wj * ir;
            a0i += wj * ii;
            a1r += wj * zj * ir;
            a1i += wj * zj * ii;
            double wi2r = wj * i2r, wi2i = wj * i2i;
            double ptr = tRe * wi2r - tIm * wi2i, pti = tRe * wi2i + tIm * wi2r; // w t / D²
            pr += ptr;
            pi += pti;
            rr += zj * ptr;
            ri += zj * pti;
            qr += zj * wi2r;
            qi += zj * wi2i;
            tr += zj * zj * wi2r;
            ti += zj * zj * wi2i;
        }
        // F0 = S − A0, F1 = δ − κ A1/ψ
        f[0] = sr - a0r;
        f[1] = si - a0i;
        double ka1r = kr * a1r - ki * a1i, ka1i = kr * a1i + ki * a1r;
        f[2] = dr - ka1r / psi;
        f[3] = di - ka1i / psi;
        double gzr = gamma * zr, gzi = gamma * zi;
        // J00 = 1 − γ z P
        jac[0] = 1 - (gzr * pr - gzi * pi);
        jac[1] = -(gzr * pi + gzi * pr);
        // J01 = −κ u² Q
        double u2r = ur * ur - ui * ui, u2i = 2 * ur * ui;
        double ku2r = kr * u2r - ki * u2i, ku2i = kr * u2i + ki * u2r;
        jac[2] = -(ku2r * qr - ku2i * qi);
        jac[3] = -(ku2r * qi + ku2i * qr);
        // J10 = (γ z/ψ)(A1 − κ R)
        double er = a1r - (kr * rr - ki * ri), ei = a1i - (kr * ri + ki * rr);
        jac[4] = (gzr * er - gzi * ei) / psi;
        jac[5] = (gzr * ei + gzi * er) / psi;
        // J11 = 1 − κ² u² T/ψ
        double k2u2r = kr * ku2r - ki * ku2i, k2u2i = kr * ku2i + ki * ku2r;
        jac[6] = 1 - (k2u2r * tr - k2u2i * ti) / psi;
        jac[7] = -(k2u2r * ti + k2u2i * tr) / psi;
    }

    @Override
    void initial(double zr, double zi, double[] x) {
        // S ≈ −1/z, κ ≈ 1 − γ(1 + zS) ≈ 1, δ ≈ −E[ζ]/(ψ z)
        double n = zr * zr + zi * zi;
        double mzr = -zr / n, mzi = zi / n;
        double ez = 0;
        for (int j = 0; j < w.length; j++) {
            ez += w[j] * zeta[j];
        }
        x[0] = mzr;
        x[1] = mzi;
        x[2] = ez * mzr / psi;
        x[3] = ez * mzi / psi;
    }

    @Override
    double supportBound() {
        return bound;
    }

    @Override
    double atomAtZero() {
        return atom;
    }

    @Override
    double firstMoment() {
        return m1;
    }

    double phi() {
        return phi;
    }
}
