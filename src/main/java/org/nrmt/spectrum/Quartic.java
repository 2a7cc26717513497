package org.nrmt.spectrum;

import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;

/**
 * The Pennington–Worah quartic \(\sum_{k=0}^{4} c_k(z)\,G^k = 0\) whose physical root is the
 * Stieltjes transform, with each \(c_k\) a polynomial of degree ≤ 2 in z
 * (see {@code theory/quartic.md} §2):
 * \[
 * \begin{aligned}
 * c_4 &= \gamma^2\zeta(\eta-\zeta)z^2, &
 * c_3 &= -\gamma\zeta z\,[z + 2(\gamma-1)(\eta-\zeta)],\\
 * c_2 &= \zeta(\eta-\zeta)(\gamma-1)^2 - z[\eta\phi + \zeta(1-2\gamma)], &
 * c_1 &= \psi z + (\gamma-1)(\psi\eta-\zeta), \qquad c_0 = -\psi .
 * \end{aligned}
 * \]
 * ζ = 0 (Marchenko–Pastur, degree 2) and ζ = η (product of Wisharts, degree 3) are reached by
 * degree drop: the leading coefficients vanish identically and {@link #degree()} reports it.
 *
 * <p>{@code coefficient(k, j)} is the coefficient of \(G^k z^j\).
 */
public final class Quartic {
    private final double[][] c;
    private final Apfloat[][] ap;
    private final int degree;
    private final long precision;

    private Quartic(double[][] c, Apfloat[][] ap, int degree, long precision) {
        this.c = c;
        this.ap = ap;
        this.degree = degree;
        this.precision = precision;
    }

    /** Decimal digits of the apfloat coefficients. */
    public long precision() {
        return precision;
    }

    /** The quartic of exactly these double parameters, with apfloat coefficients at {@code precision} digits. */
    public static Quartic of(ModelParams p, long precision) {
        return of(exact(p.eta()), exact(p.zeta()), exact(p.phi()), exact(p.psi()), precision);
    }

    /** The quartic in double precision. */
    public static Quartic of(ModelParams p) {
        // exact binary values of the doubles, so double and apfloat describe the same polynomial
        return of(exact(p.eta()), exact(p.zeta()), exact(p.phi()), exact(p.psi()), 60);
    }

    private static Apfloat exact(double x) {
        return new Apfloat(new java.math.BigDecimal(x));
    }

    /**
     * The quartic from high-precision parameters (the double coefficients are rounded from them).
     * Inputs must satisfy η > 0, 0 ≤ ζ ≤ η, φ, ψ > 0.
     */
    public static Quartic of(Apfloat eta, Apfloat zeta, Apfloat phi, Apfloat psi, long precision) {
        if (eta.signum() <= 0) throw new IllegalArgumentException("eta must be > 0, got " + eta);
        if (zeta.signum() < 0 || zeta.compareTo(eta) > 0) {
            throw new IllegalArgumentException("zeta must be in [0, eta], got " + zeta);
        }
        if (phi.signum() <= 0) throw new IllegalArgumentException("phi must be > 0, got " + phi);
        if (psi.signum() <= 0) throw new IllegalArgumentException("psi must be > 0, got " + psi);
        long prec = precision + 10;
        eta = eta.precision(prec);
        zeta = zeta.precision(prec);
        phi = phi.precision(prec);
        psi = psi.precision(prec);
        Apfloat one = new Apfloat(1, prec);
        Apfloat two = new Apfloat(2, prec);
        Apfloat gamma = phi.divide(psi);
        Apfloat noise = eta.subtract(zeta); // η − ζ
        Apfloat gm1 = gamma.subtract(one);
        Apfloat zero = new Apfloat(0, prec);
        Apfloat[][] a = new Apfloat[5][3];
        for (Apfloat[] row : a) java.util.Arrays.fill(row, zero);
        a[4][2] = gamma.multiply(gamma).multiply(zeta).multiply(noise);
        a[3][2] = gamma.multiply(zeta).negate();
        a[3][1] =
                two.multiply(gamma).multiply(zeta).multiply(gm1).multiply(noise).negate();
        a[2][0] = zeta.multiply(noise).multiply(gm1).multiply(gm1);
        a[2][1] = eta.multiply(phi)
                .add(zeta.multiply(one.subtract(two.multiply(gamma))))
                .negate();
        a[1][1] = psi;
        a[1][0] = gm1.multiply(psi.multiply(eta).subtract(zeta));
        a[0][0] = psi.negate();
        // Degree drop: ζ = 0 kills c3, c4; ζ = η kills c4. Exact zeros, not thresholds.
        int deg = zeta.signum() == 0 ? 2 : noise.signum() == 0 ? 3 : 4;
        for (int k = deg + 1; k <= 4; k++) {
            for (int j = 0; j < 3; j++) a[k][j] = zero;
        }
        double[][] d = new double[5][3];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 3; j++) d[k][j] = a[k][j].doubleValue();
        }
        return new Quartic(d, a, deg, precision);
    }

    /** Degree in G after the exact degree drop (2, 3 or 4). */
    public int degree() {
        return degree;
    }

    /** Coefficient of \(G^k z^j\) in double. */
    public double coefficient(int k, int j) {
        return c[k][j];
    }

    /** Coefficient of \(G^k z^j\) in apfloat. */
    public Apfloat apCoefficient(int k, int j) {
        return ap[k][j];
    }

    double[][] doubleTable() {
        return c;
    }

    /**
     * Coefficients of the same equation for H = zG (divide Σ c_k z^{-k} H^k by z^{-2}·z^{-2}):
     * d_4 = c_4/z², d_3 = c_3/z, d_2 = c_2, d_1 = z c_1, d_0 = z² c_0, again quadratic in z.
     */
    Apfloat[][] apScaledTable() {
        Apfloat zero = new Apfloat(0, precision);
        Apfloat[][] d = new Apfloat[5][3];
        for (Apfloat[] row : d) java.util.Arrays.fill(row, zero);
        d[4][0] = ap[4][2];
        d[3][0] = ap[3][1];
        d[3][1] = ap[3][2];
        d[2][0] = ap[2][0];
        d[2][1] = ap[2][1];
        d[1][1] = ap[1][0];
        d[1][2] = ap[1][1];
        d[0][2] = ap[0][0];
        return d;
    }

    double[][] scaledTable() {
        double[][] d = new double[5][3];
        d[4][0] = c[4][2];
        d[3][0] = c[3][1];
        d[3][1] = c[3][2];
        d[2][0] = c[2][0];
        d[2][1] = c[2][1];
        d[1][1] = c[1][0];
        d[1][2] = c[1][1];
        d[0][2] = c[0][0];
        return d;
    }

    Apfloat[][] apTable() {
        return ap;
    }

    /** \(c_k(z)\) for k = 0..4 at a complex z, in apfloat. */
    public Apcomplex[] coefficientsAt(Apcomplex z, long precision) {
        Apcomplex[] out = new Apcomplex[5];
        Apcomplex zp = z.precision(precision);
        for (int k = 0; k < 5; k++) {
            out[k] = zp.multiply(ap[k][2].precision(precision))
                    .add(ap[k][1].precision(precision))
                    .multiply(zp)
                    .add(ap[k][0].precision(precision));
        }
        return out;
    }

    /** \(c_k(z)\) for k = 0..4 at a complex z, in double, as (re, im) pairs. */
    public double[][] coefficientsAt(double zr, double zi) {
        double[][] out = new double[2][5];
        for (int k = 0; k < 5; k++) {
            double r = c[k][2] * zr + c[k][1];
            double i = c[k][2] * zi;
            out[0][k] = r * zr - i * zi + c[k][0];
            out[1][k] = r * zi + i * zr;
        }
        return out;
    }
}
