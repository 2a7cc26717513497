package org.nrmt.bias;

import org.apache.commons.math3.complex.Complex;

/**
 * Independent oracle for the bias-free law (model.md §3): the fixed point
 * G = 1/(z − P_φ(η − ζ) − P_φ ζ/(1 − P_φ ζ G/ψ)), P_φ = 1 + γ(zG − 1), iterated with damping at
 * Im z = 50(1 + η + |z|) where it contracts onto the physical root (G ≈ 1/z), then followed down
 * to z in 2000 geometric steps of Im z by Newton on the PW quartic Σ c_k G^k = 0 (the fixed point
 * alone can land on an unphysical root with Im G > 0 at moderate Im z).
 */
final class ReferenceQuartic {

    private ReferenceQuartic() {}

    static Complex g(double eta, double zeta, double phi, double psi, Complex z) {
        double top = 50 * (1 + eta + z.abs());
        Complex g = fixedPoint(eta, zeta, phi, psi, new Complex(z.getReal(), top));
        int steps = 2000;
        double ratio = Math.pow(z.getImaginary() / top, 1.0 / steps);
        double y = top;
        for (int k = 1; k <= steps; k++) {
            y = k == steps ? z.getImaginary() : y * ratio;
            g = polish(eta, zeta, phi, psi, new Complex(z.getReal(), y), g);
        }
        if (!(g.getImaginary() < 0)) {
            throw new IllegalStateException("reference quartic left the physical sheet at " + z + ": " + g);
        }
        return g;
    }

    private static Complex fixedPoint(double eta, double zeta, double phi, double psi, Complex z) {
        double gamma = phi / psi;
        Complex g = z.reciprocal();
        for (int it = 0; it < 100000; it++) {
            Complex pphi = Complex.ONE.add(z.multiply(g).subtract(1).multiply(gamma));
            Complex den = z.subtract(pphi.multiply(eta - zeta))
                    .subtract(pphi.multiply(zeta)
                            .divide(Complex.ONE.subtract(pphi.multiply(g).multiply(zeta / psi))));
            Complex next = den.reciprocal();
            Complex upd = g.multiply(0.5).add(next.multiply(0.5));
            if (upd.subtract(g).abs() < 1e-16 * g.abs()) {
                g = upd;
                break;
            }
            g = upd;
        }
        return polish(eta, zeta, phi, psi, z, g);
    }

    static Complex[] coefficients(double eta, double zeta, double phi, double psi, Complex z) {
        double gamma = phi / psi;
        double d = eta - zeta;
        Complex c4 = z.multiply(z).multiply(gamma * gamma * zeta * d);
        Complex c3 = z.multiply(-gamma * zeta).multiply(z.add(2 * (gamma - 1) * d));
        Complex c2 = new Complex(zeta * d * (gamma - 1) * (gamma - 1))
                .subtract(z.multiply(eta * phi + zeta * (1 - 2 * gamma)));
        Complex c1 = z.multiply(psi).add((gamma - 1) * (psi * eta - zeta));
        Complex c0 = new Complex(-psi);
        return new Complex[] {c0, c1, c2, c3, c4};
    }

    static Complex residual(double eta, double zeta, double phi, double psi, Complex z, Complex g) {
        Complex[] c = coefficients(eta, zeta, phi, psi, z);
        Complex v = Complex.ZERO;
        for (int k = 4; k >= 0; k--) {
            v = v.multiply(g).add(c[k]);
        }
        return v;
    }

    private static Complex polish(double eta, double zeta, double phi, double psi, Complex z, Complex g) {
        Complex[] c = coefficients(eta, zeta, phi, psi, z);
        for (int it = 0; it < 8; it++) {
            Complex p = Complex.ZERO;
            Complex dp = Complex.ZERO;
            for (int k = 4; k >= 0; k--) {
                dp = dp.multiply(g).add(p);
                p = p.multiply(g).add(c[k]);
            }
            if (dp.abs() == 0) {
                break;
            }
            g = g.subtract(p.divide(dp));
        }
        return g;
    }
}
