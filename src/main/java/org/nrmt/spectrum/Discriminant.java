package org.nrmt.spectrum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.roots.Discriminants;

/**
 * The discriminant of the quartic in G, as a polynomial in z (see {@code theory/quartic.md} §4).
 * Its real roots are the candidate edges of the support. The discriminant always carries the
 * factor \(z^4\) (degree 4), \(z^2\) (degree 3) or none (degree 2) from the vanishing leading
 * coefficients at z = 0, and its degree is at most 9, 5 and 2; the remaining factor Q(z) has
 * degree ≤ 5 and is what this class returns.
 */
public final class Discriminant {
    private Discriminant() {}

    /**
     * ψ²·c_k(z) as exact decimals from the exact values of double parameters (ψ² clears γ = φ/ψ):
     * ψ²c4 = φ²ζ(η−ζ)z², ψ²c3 = −φζz[ψz + 2(φ−ψ)(η−ζ)], ψ²c2 = ζ(η−ζ)(φ−ψ)² − zψ[ηφψ + ζ(ψ − 2φ)],
     * ψ²c1 = ψ³z + ψ(φ−ψ)(ψη − ζ), ψ²c0 = −ψ³. Rows above the exact degree are left out.
     */
    static BigDecimal[][] exactCleared(ModelParams p, int degree) {
        BigDecimal eta = new BigDecimal(p.eta()),
                zeta = new BigDecimal(p.zeta()),
                phi = new BigDecimal(p.phi()),
                psi = new BigDecimal(p.psi());
        BigDecimal noise = eta.subtract(zeta), pmp = phi.subtract(psi), two = BigDecimal.valueOf(2);
        BigDecimal z0 = BigDecimal.ZERO;
        BigDecimal[][] c = new BigDecimal[degree + 1][];
        c[0] = new BigDecimal[] {psi.pow(3).negate(), z0, z0};
        c[1] = new BigDecimal[] {psi.multiply(pmp).multiply(psi.multiply(eta).subtract(zeta)), psi.pow(3), z0};
        c[2] = new BigDecimal[] {
            zeta.multiply(noise).multiply(pmp.pow(2)),
            psi.multiply(eta.multiply(phi).multiply(psi).add(zeta.multiply(psi.subtract(two.multiply(phi)))))
                    .negate(),
            z0
        };
        if (degree >= 3) {
            c[3] = new BigDecimal[] {
                z0,
                phi.multiply(zeta).multiply(two).multiply(pmp).multiply(noise).negate(),
                phi.multiply(zeta).multiply(psi).negate()
            };
        }
        if (degree >= 4)
            c[4] = new BigDecimal[] {z0, z0, phi.pow(2).multiply(zeta).multiply(noise)};
        return c;
    }

    /**
     * Certified real roots of the exact discriminant (org.nrmt.roots: exact discriminant,
     * square-free part, isolated disks) for double parameters, at {@code precision} digits.
     */
    public static List<Apfloat> exactRealRoots(ModelParams p, int degree, long precision) {
        BigDecimal[] d = Discriminants.exactInZ(exactCleared(p, degree));
        Apfloat[] a = new Apfloat[d.length];
        for (int i = 0; i < d.length; i++) a[i] = new Apfloat(d[i]);
        return Discriminants.realRoots(a, precision);
    }

    /** Coefficients of Q(z) (increasing order) at {@code precision} digits. */
    public static synchronized Apfloat[] reduced(Quartic q, long precision) {
        long p = precision;
        wp = p;
        Apfloat[][] t = q.apTable();
        Apfloat[][] c = new Apfloat[5][];
        for (int k = 0; k < 5; k++)
            c[k] = new Apfloat[] {t[k][0].precision(p), t[k][1].precision(p), t[k][2].precision(p)};
        Apfloat[] d;
        int lo, hi;
        switch (q.degree()) {
            case 2 -> {
                Apfloat[] a = c[2], b = c[1], cc = c[0];
                d = sub(mul(b, b), scale(mul(a, cc), 4, p));
                lo = 0;
                hi = 2;
            }
            case 3 -> {
                Apfloat[] a = c[3], b = c[2], cc = c[1], dd = c[0];
                d = mul(mul(b, b), mul(cc, cc));
                d = sub(d, scale(mul(a, mul(cc, mul(cc, cc))), 4, p));
                d = sub(d, scale(mul(mul(b, mul(b, b)), dd), 4, p));
                d = sub(d, scale(mul(mul(a, a), mul(dd, dd)), 27, p));
                d = add(d, scale(mul(mul(a, b), mul(cc, dd)), 18, p));
                lo = 2;
                hi = 5;
            }
            default -> {
                Apfloat[] a = c[4], b = c[3], cc = c[2], dd = c[1], e = c[0];
                Apfloat[] a2 = mul(a, a), b2 = mul(b, b), c2 = mul(cc, cc), d2 = mul(dd, dd), e2 = mul(e, e);
                d = scale(mul(mul(a2, a), mul(e2, e)), 256, p);
                d = add(d, scale(mul(mul(a2, b), mul(dd, e2)), -192, p));
                d = add(d, scale(mul(mul(a2, c2), e2), -128, p));
                d = add(d, scale(mul(mul(a2, cc), mul(d2, e)), 144, p));
                d = add(d, scale(mul(a2, mul(d2, d2)), -27, p));
                d = add(d, scale(mul(mul(a, b2), mul(cc, e2)), 144, p));
                d = add(d, scale(mul(mul(a, b2), mul(d2, e)), -6, p));
                d = add(d, scale(mul(mul(a, b), mul(c2, mul(dd, e))), -80, p));
                d = add(d, scale(mul(mul(a, b), mul(cc, mul(d2, dd))), 18, p));
                d = add(d, scale(mul(mul(a, c2), mul(c2, e)), 16, p));
                d = add(d, scale(mul(mul(a, c2), mul(cc, d2)), -4, p));
                d = add(d, scale(mul(mul(b2, b2), e2), -27, p));
                d = add(d, scale(mul(mul(b2, b), mul(cc, mul(dd, e))), 18, p));
                d = add(d, scale(mul(mul(b2, b), mul(d2, dd)), -4, p));
                d = add(d, scale(mul(mul(b2, c2), mul(cc, e)), -4, p));
                d = add(d, mul(mul(b2, c2), d2));
                lo = 4;
                hi = 9;
            }
        }
        Apfloat[] out = new Apfloat[hi - lo + 1];
        for (int i = lo; i <= hi; i++) out[i - lo] = i < d.length ? d[i] : new Apfloat(0, p);
        int top = out.length - 1;
        while (top > 0 && out[top].signum() == 0) top--;
        Apfloat[] trimmed = new Apfloat[top + 1];
        System.arraycopy(out, 0, trimmed, 0, top + 1);
        return trimmed;
    }

    /**
     * Real roots of Q in [lo, hi], refined by Newton at {@code precision} digits; candidates are
     * the Aberth roots with |Im| ≤ 1e-3·max(1, |Re|) (generous: an extra candidate only costs one
     * sheet test, a missed one would lose an edge).
     */
    public static List<Apfloat> realRoots(Apfloat[] q, double lo, double hi, long precision) {
        Complex[] a = new Complex[q.length];
        double maxAbs = 0;
        for (Apfloat x : q) maxAbs = Math.max(maxAbs, Math.abs(x.doubleValue()));
        for (int i = 0; i < q.length; i++) a[i] = new Complex(q[i].doubleValue() / maxAbs);
        List<Apfloat> out = new ArrayList<>();
        for (Complex r : Polynomials.roots(a)) {
            if (Math.abs(r.getImaginary()) > 1e-3 * Math.max(1, Math.abs(r.getReal()))) continue;
            double x = r.getReal();
            if (x < lo || x > hi) continue;
            out.add(newton(q, new Apfloat(x, precision), precision));
        }
        out.sort(Apfloat::compareTo);
        return out;
    }

    private static Apfloat newton(Apfloat[] q, Apfloat x0, long precision) {
        Apfloat x = x0;
        Apfloat tol = new Apfloat("1e-" + (precision - 2), precision);
        for (int it = 0; it < 200; it++) {
            Apfloat p = q[q.length - 1], d = new Apfloat(0, precision);
            for (int k = q.length - 2; k >= 0; k--) {
                d = d.multiply(x).add(p).precision(precision);
                p = p.multiply(x).add(q[k]).precision(precision);
            }
            if (d.signum() == 0) return x0;
            Apfloat s = p.divide(d).precision(precision);
            x = x.subtract(s).precision(precision);
            if (ApfloatMath.abs(s).compareTo(tol.multiply(ApfloatMath.abs(x).add(tol))) <= 0) return x;
        }
        // no quadratic convergence: a multiple root; keep the double candidate
        return x0;
    }

    private static long wp;

    private static Apfloat[] mul(Apfloat[] x, Apfloat[] y) {
        Apfloat[] r = new Apfloat[x.length + y.length - 1];
        for (int i = 0; i < r.length; i++) r[i] = new Apfloat(0, wp);
        for (int i = 0; i < x.length; i++) {
            if (x[i].signum() == 0) continue;
            for (int j = 0; j < y.length; j++)
                r[i + j] = r[i + j].add(x[i].multiply(y[j])).precision(wp);
        }
        return r;
    }

    private static Apfloat[] add(Apfloat[] x, Apfloat[] y) {
        Apfloat[] r = new Apfloat[Math.max(x.length, y.length)];
        for (int i = 0; i < r.length; i++) {
            Apfloat a = i < x.length ? x[i] : null, b = i < y.length ? y[i] : null;
            r[i] = (a == null ? b : b == null ? a : a.add(b)).precision(wp);
        }
        return r;
    }

    private static Apfloat[] sub(Apfloat[] x, Apfloat[] y) {
        return add(x, scale(y, -1, wp));
    }

    private static Apfloat[] scale(Apfloat[] x, long s, long p) {
        Apfloat f = new Apfloat(s, p);
        Apfloat[] r = new Apfloat[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i].multiply(f).precision(p);
        return r;
    }
}
