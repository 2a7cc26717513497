package org.nrmt.bias;

/**
 * The per-sample bias system (B = 1 βᵀ, β_μ iid), unknowns q0 = S = −G and q1:
 * \[ d(\beta) = \gamma(\zeta(\beta) q_1 + s^2(\beta) q_0),\quad
 *    c_1 = E_\beta\Big[\frac{\zeta}{1+d}\Big],\quad c_0 = E_\beta\Big[\frac{s^2}{1+d}\Big],\quad
 *    w = \frac{z - c_0}{c_1},\quad q_0 = \frac{m_c(w)}{c_1},\quad q_1 = \frac{1 + w\,m_c(w)}{c_1}, \]
 * with m_c the Marchenko–Pastur transform of ratio c = 1/ψ ({@link MarchenkoPastur}). Needs
 * c1 ≠ 0, i.e. ζ(β) > 0 on a set of positive weight; see {@code theory/bias.md} §5.
 */
final class PerSampleSystem extends BiasSystem {

    private final double[] w;
    private final double[] zeta;
    private final double[] s2;
    private final double gamma;
    private final double c;
    private final double bound;
    private final double atom;
    private final double m1;
    private final double[] mp = new double[4];

    PerSampleSystem(ConditionalConstants k, double phi, double psi) {
        this.w = k.measure().weights();
        this.zeta = k.zetaRaw().clone();
        this.s2 = k.s2Raw().clone();
        this.gamma = phi / psi;
        this.c = 1 / psi;
        this.bound = Bounds.supportBound(k, phi, psi);
        this.atom = Bounds.atom(k, phi, psi);
        this.m1 = k.meanVariance();
        if (!(k.meanZeta() > 0)) {
            throw new IllegalArgumentException("per-sample bias system needs E[zeta(b)] > 0, got " + k.meanZeta());
        }
    }

    @Override
    void evaluate(double zr, double zi, double[] x, double[] f, double[] jac) {
        double q0r = x[0], q0i = x[1], q1r = x[2], q1i = x[3];
        double c1r = 0, c1i = 0, c0r = 0, c0i = 0;
        double d10r = 0, d10i = 0, d11r = 0, d11i = 0, d00r = 0, d00i = 0, d01r = 0, d01i = 0;
        for (int j = 0; j < w.length; j++) {
            double zj = zeta[j], sj = s2[j], wj = w[j];
            double ar = 1 + gamma * (zj * q1r + sj * q0r);
            double ai = gamma * (zj * q1i + sj * q0i);
            double an = ar * ar + ai * ai;
            double er = ar / an, ei = -ai / an; // e = 1/(1+d)
            double e2r = er * er - ei * ei, e2i = 2 * er * ei;
            c1r += wj * zj * er;
            c1i += wj * zj * ei;
            c0r += wj * sj * er;
            c0i += wj * sj * ei;
            double g = wj * gamma;
            d10r -= g * zj * sj * e2r; // ∂c1/∂q0
            d10i -= g * zj * sj * e2i;
            d11r -= g * zj * zj * e2r; // ∂c1/∂q1
            d11i -= g * zj * zj * e2i;
            d00r -= g * sj * sj * e2r; // ∂c0/∂q0
            d00i -= g * sj * sj * e2i;
            d01r -= g * sj * zj * e2r; // ∂c0/∂q1
            d01i -= g * sj * zj * e2i;
        }
        // 1/c1
        double cn = c1r * c1r + c1i * c1i;
        double icr = c1r / cn, ici = -c1i / cn;
        // w = (z − c0)/c1
        double nr = zr - c0r, ni = zi - c0i;
        double wr = nr * icr - ni * ici, wi = nr * ici + ni * icr;
        MarchenkoPastur.transform(c, wr, wi, mp);
        double mr = mp[0], mi = mp[1], mdr = mp[2], mdi = mp[3];
        // q0 − m/c1,  q1 − (1 + w m)/c1
        double mcr = mr * icr - mi * ici, mci = mr * ici + mi * icr;
        // h = 1 + w m = −m (c w m + c − 1) by the MP quadratic: no cancellation at large |w|
        double cwmr = c * (wr * mr - wi * mi) + c - 1, cwmi = c * (wr * mi + wi * mr);
        double hr = -(mr * cwmr - mi * cwmi), hi = -(mr * cwmi + mi * cwmr);
        double hcr = hr * icr - hi * ici, hci = hr * ici + hi * icr;
        f[0] = q0r - mcr;
        f[1] = q0i - mci;
        f[2] = q1r - hcr;
        f[3] = q1i - hci;
        // dh/dw = m + w m'
        double hwr = mr + wr * mdr - wi * mdi, hwi = mi + wr * mdi + wi * mdr;
        for (int k = 0; k < 2; k++) {
            double dc1r = k == 0 ? d10r : d11r, dc1i = k == 0 ? d10i : d11i;
            double dc0r = k == 0 ? d00r : d01r, dc0i = k == 0 ? d00i : d01i;
            // ∂w = −(∂c0 + w ∂c1)/c1
            double tr = dc0r + wr * dc1r - wi * dc1i, ti = dc0i + wr * dc1i + wi * dc1r;
            double dwr = -(tr * icr - ti * ici), dwi = -(tr * ici + ti * icr);
            // ∂(1/c1) = −∂c1/c1²
            double ic2r = icr * icr - ici * ici, ic2i = 2 * icr * ici;
            double dicr = -(dc1r * ic2r - dc1i * ic2i), dici = -(dc1r * ic2i + dc1i * ic2r);
            // ∂(m/c1) = m' ∂w /c1 + m ∂(1/c1)
            double a1r = mdr * dwr - mdi * dwi, a1i = mdr * dwi + mdi * dwr;
            double g0r = a1r * icr - a1i * ici + mr * dicr - mi * dici;
            double g0i = a1r * ici + a1i * icr + mr * dici + mi * dicr;
            // ∂(h/c1) = h' ∂w/c1 + h ∂(1/c1)
            double b1r = hwr * dwr - hwi * dwi, b1i = hwr * dwi + hwi * dwr;
            double g1r = b1r * icr - b1i * ici + hr * dicr - hi * dici;
            double g1i = b1r * ici + b1i * icr + hr * dici + hi * dicr;
            jac[2 * k] = (k == 0 ? 1 : 0) - g0r;
            jac[2 * k + 1] = -g0i;
            jac[4 + 2 * k] = (k == 1 ? 1 : 0) - g1r;
            jac[4 + 2 * k + 1] = -g1i;
        }
    }

    @Override
    void initial(double zr, double zi, double[] x) {
        double n = zr * zr + zi * zi;
        x[0] = -zr / n;
        x[1] = zi / n;
        x[2] = -zr / n;
        x[3] = zi / n;
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
}
