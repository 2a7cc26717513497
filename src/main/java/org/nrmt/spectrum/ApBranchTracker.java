package org.nrmt.spectrum;

import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;

/**
 * The apfloat twin of {@link BranchTracker}: the same Rouché step certificate, with the shifted
 * coefficients computed at {@code precision} digits and the (magnitude) inequalities checked in
 * double, padded by \(10^{-(p-5)}\) times the polynomial scale for rounding. See
 * {@code theory/branch-selection.md} §4.
 */
final class ApBranchTracker {
    private static final int MAX_STEPS = 4000;
    private final Apfloat[][] c;
    private final int n;
    private final long prec;
    private final double pad;

    Apcomplex z, g;
    double radius;
    int steps;
    private double lastU0, lastL1;
    private final double[] babs = new double[5];

    ApBranchTracker(Quartic q, long precision) {
        this(q, precision, false);
    }

    /** @param scaled track H = zG (table {@code Quartic.apScaledTable()}) instead of G */
    ApBranchTracker(Quartic q, long precision, boolean scaled) {
        this.n = q.degree();
        this.prec = precision;
        this.pad = Math.pow(10, -(precision - 5));
        Apfloat[][] t = scaled ? q.apScaledTable() : q.apTable();
        c = new Apfloat[5][3];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 3; j++) c[k][j] = t[k][j].precision(precision);
        }
    }

    /** Working precision is fixed: pad after every operation so cancellation never truncates later sums. */
    private Apcomplex fix(Apcomplex x) {
        return x.precision(prec);
    }

    long precision() {
        return prec;
    }

    private Apcomplex[] coeffs(Apcomplex zz) {
        Apcomplex[] a = new Apcomplex[n + 1];
        for (int k = 0; k <= n; k++)
            a[k] = fix(fix(zz.multiply(c[k][2]).add(c[k][1])).multiply(zz).add(c[k][0]));
        return a;
    }

    private void shift(Apcomplex[] x, Apcomplex gg) {
        for (int i = 0; i < n; i++) {
            for (int j = n - 1; j >= i; j--) x[j] = fix(x[j].add(x[j + 1].multiply(gg)));
        }
    }

    private static double abs(Apcomplex x) {
        return x.real().signum() == 0 && x.imag().signum() == 0
                ? 0
                : ApcomplexMath.abs(x).doubleValue();
    }

    private double scale(Apcomplex[] x, double gAbs) {
        double m = Math.max(1, gAbs), s = 0, pw = 1;
        for (int k = 0; k <= n; k++) {
            s += abs(x[k]) * pw;
            pw *= m;
        }
        return s;
    }

    private Apcomplex newton(Apcomplex[] a, Apcomplex g0) {
        Apcomplex gg = g0.precision(prec);
        Apfloat tol = new Apfloat("1e-" + (prec - 3), prec);
        for (int it = 0; it < 60; it++) {
            Apcomplex p = a[n], d = Apcomplex.ZERO;
            for (int k = n - 1; k >= 0; k--) {
                d = fix(d.multiply(gg).add(p));
                p = fix(p.multiply(gg).add(a[k]));
            }
            if (d.real().signum() == 0 && d.imag().signum() == 0) return null;
            Apcomplex s = fix(p.divide(d));
            gg = fix(gg.subtract(s));
            if (s.real().signum() == 0 && s.imag().signum() == 0) break;
            if (ApcomplexMath.abs(s)
                            .compareTo(tol.multiply(ApcomplexMath.abs(gg).add(new Apfloat("1e-300"))))
                    <= 0) {
                if (it > 0) break;
            }
        }
        return gg;
    }

    /** Rouché inclusion radius at (zz, gg), or NaN. Leaves |b_k| in babs for separation(). */
    private double inclusion(Apcomplex[] a, Apcomplex gg) {
        Apcomplex[] b = a.clone();
        double s = scale(b, abs(gg));
        shift(b, gg);
        for (int k = 0; k <= n; k++) babs[k] = abs(b[k]);
        double u0 = babs[0] + pad * s;
        double l1 = babs[1] * (1 - 1e-13);
        lastU0 = u0;
        lastL1 = l1;
        if (!(l1 > 0)) return Double.NaN;
        double r = 2 * u0 / l1;
        return rouche(r) ? r : Double.NaN;
    }

    private boolean rouche(double r) {
        double rest = 0, pw = r;
        for (int k = 2; k <= n; k++) {
            pw *= r;
            rest += babs[k] * (1 + 1e-13) * pw;
        }
        return lastL1 * r - lastU0 - rest > 0;
    }

    /** G′ = −∂_z p/∂_G p at the current root. */
    Apcomplex derivative() {
        Apcomplex[] a = coeffs(z);
        Apcomplex pg = Apcomplex.ZERO, p = a[n], pz = Apcomplex.ZERO;
        for (int k = n - 1; k >= 0; k--) {
            pg = fix(pg.multiply(g).add(p));
            p = fix(p.multiply(g).add(a[k]));
        }
        Apfloat two = new Apfloat(2, prec);
        for (int k = n; k >= 0; k--) {
            Apcomplex dc = fix(z.multiply(c[k][2]).multiply(two).add(c[k][1]));
            pz = fix(pz.multiply(g).add(dc));
        }
        return fix(pz.divide(pg)).negate();
    }

    /** Lower bound on the distance from the current root to the others. */
    double separation() {
        double lo = radius, hi = lo;
        for (int i = 0; i < 200 && rouche(hi * 2); i++) hi *= 2;
        if (hi == lo) return lo;
        double x = hi, y = hi * 2;
        for (int i = 0; i < 40; i++) {
            double m = Math.sqrt(x * y);
            if (rouche(m)) x = m;
            else y = m;
        }
        return x;
    }

    /**
     * Takes over a root certified in double: polishes it at zz and accepts if the apfloat inclusion
     * disk lies inside the double disk |G − g0| ≤ isolation (which holds exactly one root).
     */
    boolean handoff(Apcomplex zz, Apcomplex g0, double isolation) {
        z = zz.precision(prec);
        g0 = g0.precision(prec);
        Apcomplex[] a = coeffs(z);
        Apcomplex gg = newton(a, g0);
        if (gg == null) return false;
        double r = inclusion(a, gg);
        if (Double.isNaN(r) || abs(gg.subtract(g0)) + r > isolation) return false;
        g = gg;
        radius = r;
        return true;
    }

    /** Certified start at |z| ≥ 8B, as in {@link BranchTracker#start}. */
    boolean start(Apcomplex zz, double bound) {
        z = zz.precision(prec);
        Apcomplex inv = Apcomplex.ONE.precision(prec).divide(z);
        Apcomplex[] a = coeffs(z);
        Apcomplex gg = newton(a, inv);
        if (gg == null) return false;
        double za = abs(z);
        double r = inclusion(a, gg);
        if (Double.isNaN(r)) return false;
        double apriori = bound / (za * (za - bound)) + abs(gg.subtract(inv));
        if (!rouche(Math.max(r, apriori * (1 + 1e-12)))) return false;
        g = gg;
        radius = r;
        return true;
    }

    /** One certified step to z + dz. */
    boolean step(Apcomplex dz) {
        Apcomplex[] a = coeffs(z);
        Apcomplex[] e = new Apcomplex[n + 1], f = new Apcomplex[n + 1];
        dz = fix(dz);
        Apcomplex dz2 = fix(dz.multiply(dz));
        Apfloat two = new Apfloat(2, prec);
        for (int k = 0; k <= n; k++) {
            e[k] = fix(fix(z.multiply(c[k][2]).multiply(two).add(c[k][1])).multiply(dz));
            f[k] = fix(dz2.multiply(c[k][2]));
        }
        double gAbs = abs(g);
        double padAll = pad * (scale(a, gAbs) + scale(e, gAbs) + scale(f, gAbs));
        Apcomplex[] b = a.clone();
        shift(b, g);
        shift(e, g);
        shift(f, g);
        double u0 = abs(b[0]) + abs(e[0]) + abs(f[0]) + padAll;
        double l1 = (abs(b[1]) - abs(e[1]) - abs(f[1])) * (1 - 1e-13);
        if (!(l1 > 0)) return false;
        double[] u = new double[n + 1];
        for (int k = 2; k <= n; k++) u[k] = (abs(b[k]) + abs(e[k]) + abs(f[k])) * (1 + 1e-13);
        double bigR = 4 * u0 / l1;
        if (!segmentRouche(bigR, u0, l1, u)) {
            bigR = 2 * u0 / l1;
            if (!segmentRouche(bigR, u0, l1, u)) return false;
        }
        Apcomplex pred = fix(g.subtract(fix(e[0].add(f[0])).divide(b[1])));
        Apcomplex z1 = fix(z.add(dz));
        Apcomplex[] a1 = coeffs(z1);
        Apcomplex g1 = newton(a1, pred);
        if (g1 == null) return false;
        double r1 = inclusion(a1, g1);
        if (Double.isNaN(r1) || abs(g1.subtract(g)) + r1 > bigR) return false;
        z = z1;
        g = g1;
        radius = r1;
        steps++;
        return true;
    }

    private boolean segmentRouche(double r, double u0, double l1, double[] u) {
        double rest = 0, pw = r;
        for (int k = 2; k <= n; k++) {
            pw *= r;
            rest += u[k] * pw;
        }
        return l1 * r - u0 - rest > 0;
    }

    /** Continues from the current point to the target along a straight segment, adaptively. */
    boolean moveTo(Apcomplex target) {
        target = target.precision(prec);
        if (target.equals(z)) return true;
        Apcomplex rest = fix(target.subtract(z));
        Apfloat frac = new Apfloat(1, prec);
        Apfloat done = new Apfloat(0, prec);
        Apfloat one = new Apfloat(1, prec);
        Apfloat twoA = new Apfloat(2, prec);
        int local = 0;
        while (done.compareTo(one) < 0) {
            if (local++ > MAX_STEPS) return false;
            Apfloat h = frac.compareTo(one.subtract(done)) < 0 ? frac : one.subtract(done);
            if (step(fix(rest.multiply(h)))) {
                done = done.add(h);
                frac = h.multiply(twoA);
                if (done.compareTo(one) >= 0) z = target.precision(prec);
            } else {
                frac = h.divide(twoA);
                if (frac.doubleValue() < 1e-30) return false;
            }
        }
        return true;
    }
}
