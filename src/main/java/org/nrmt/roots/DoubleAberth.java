package org.nrmt.roots;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * Double-precision engine: Aberth–Ehrlich iteration from Bini's Newton-polygon start, Newton
 * polishing, and rigorous Weierstrass inclusion radii (theory/roots.md §1–§3).
 *
 * <p>Arithmetic is on primitive arrays (re, im) to keep a quartic at about a microsecond.
 */
final class DoubleAberth {

    private static final double SIGMA = 0.7;

    /** max(√2γ₂, u/(1−u)) rounded up generously: 2.9u. */
    private static final double RUNNING = 2.9 * DoubleRounding.U;

    private DoubleAberth() {}

    static RootSet solve(Complex[] coefficients) {
        return solve(coefficients, null);
    }

    /**
     * As {@link #solve(Complex[])}, starting Aberth from {@code start} (approximations of the roots
     * in the original variable) when it has exactly one finite, distinct entry per root of the
     * degree-dropped polynomial and there are no exact zero roots; from Bini's start otherwise.
     */
    static RootSet solve(Complex[] coefficients, Complex[] start) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("coefficients must not be empty, got length 0");
        }
        for (int k = 0; k < coefficients.length; k++) {
            Complex c = coefficients[k];
            if (c == null) {
                throw new IllegalArgumentException("coefficient c[" + k + "] must not be null, got null");
            }
            if (!Double.isFinite(c.getReal()) || !Double.isFinite(c.getImaginary())) {
                throw new IllegalArgumentException(
                        "coefficient c[" + k + "] must be finite, got " + c.getReal() + "+" + c.getImaginary() + "i");
            }
        }
        int n = -1;
        int m = -1;
        for (int k = 0; k < coefficients.length; k++) {
            if (!isZero(coefficients[k])) {
                n = k;
                if (m < 0) {
                    m = k;
                }
            }
        }
        if (n < 0) {
            throw new IllegalArgumentException(
                    "coefficients must not all be zero, got " + coefficients.length + " zeros");
        }
        int d = n - m;
        double[] ar = new double[d + 1];
        double[] ai = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            ar[k] = coefficients[m + k].getReal();
            ai[k] = coefficients[m + k].getImaginary();
        }
        int s = rescale(ar, ai, d);
        double[] zr = new double[n];
        double[] zi = new double[n];
        double[] rad = new double[n];
        if (d > 0) {
            if (!warmStart(start, n, d, s, zr, zi)) {
                initial(ar, ai, d, zr, zi);
            }
            aberth(ar, ai, d, zr, zi);
            polish(ar, ai, d, zr, zi);
            radii(ar, ai, d, zr, zi, rad);
        }
        // Map back x = 2^s y (exact unless the result leaves the normal range) and append the m exact zero roots.
        for (int i = 0; i < d; i++) {
            double xr = Math.scalb(zr[i], s);
            double xi = Math.scalb(zi[i], s);
            double r = Math.scalb(rad[i], s);
            if (!Double.isFinite(xr) || !Double.isFinite(xi) || !Double.isFinite(r)) {
                r = Double.POSITIVE_INFINITY;
                if (!Double.isFinite(xr) || !Double.isFinite(xi)) {
                    xr = Double.isFinite(xr) ? xr : Math.copySign(Double.MAX_VALUE, xr);
                    xi = Double.isFinite(xi) ? xi : Math.copySign(Double.MAX_VALUE, xi);
                }
            } else {
                if (Math.scalb(xr, -s) != zr[i] || Math.scalb(xi, -s) != zi[i] || Math.scalb(r, -s) != rad[i]) {
                    // Gradual underflow rounded the centre or the radius: cover it by a few subnormal ulps.
                    r = r + 4 * Double.MIN_VALUE;
                }
            }
            zr[i] = xr;
            zi[i] = xi;
            rad[i] = r;
        }
        for (int i = d; i < n; i++) {
            zr[i] = 0;
            zi[i] = 0;
            rad[i] = 0;
        }
        boolean[] isolated = isolation(zr, zi, rad, n);
        List<Root> roots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            roots.add(new Root(new Complex(zr[i], zi[i]), rad[i], isolated[i]));
        }
        return new RootSet(roots, n);
    }

    private static boolean isZero(Complex c) {
        return c.getReal() == 0 && c.getImaginary() == 0;
    }

    /**
     * Rescales in place by exact powers of two: y = x / 2^s so that the geometric mean of the root
     * moduli is near 1, then the coefficients so that the largest is near 1. Returns s; falls back to
     * s = 0 (and no coefficient scaling) whenever a scaled coefficient would not be exact.
     */
    static int rescale(double[] ar, double[] ai, int d) {
        int s = 0;
        if (d > 0) {
            double l0 = log2Abs(ar[0], ai[0]);
            double ld = log2Abs(ar[d], ai[d]);
            s = (int) Math.round((l0 - ld) / d);
        }
        if (!tryScale(ar, ai, d, s)) {
            s = 0;
            tryScale(ar, ai, d, 0);
        }
        return s;
    }

    private static boolean tryScale(double[] ar, double[] ai, int d, int s) {
        long emax = Long.MIN_VALUE;
        for (int k = 0; k <= d; k++) {
            double a = Math.max(Math.abs(ar[k]), Math.abs(ai[k]));
            if (a != 0) {
                emax = Math.max(emax, (long) Math.getExponent(a) + (long) s * k);
            }
        }
        double[] br = new double[d + 1];
        double[] bi = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            long t = (long) s * k - emax;
            if (t > 4000 || t < -4000) {
                return false;
            }
            br[k] = Math.scalb(ar[k], (int) t);
            bi[k] = Math.scalb(ai[k], (int) t);
            if (!Double.isFinite(br[k])
                    || !Double.isFinite(bi[k])
                    || Math.scalb(br[k], (int) -t) != ar[k]
                    || Math.scalb(bi[k], (int) -t) != ai[k]) {
                return false;
            }
        }
        System.arraycopy(br, 0, ar, 0, d + 1);
        System.arraycopy(bi, 0, ai, 0, d + 1);
        return true;
    }

    /**
     * |x + iy|: sqrt(x² + y²), relative error below 3u, when no square can overflow or underflow;
     * Math.hypot (slow, about 20 ns) otherwise.
     */
    static double abs(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double m = Math.max(ax, ay);
        if (m < 0x1p500 && m > 0x1p-450) {
            // the smaller square may underflow, but it is then below 2^-174 of the larger one
            return Math.sqrt(x * x + y * y);
        }
        if (m == 0) {
            return 0;
        }
        return Math.hypot(x, y);
    }

    private static double log2Abs(double re, double im) {
        double a = Math.max(Math.abs(re), Math.abs(im));
        int e = Math.getExponent(a);
        double b = abs(Math.scalb(re, -e), Math.scalb(im, -e));
        return e + Math.log(b) / Math.log(2);
    }

    /** Copies a usable start, scaled to y = x / 2^s, into zr/zi; false if it is not usable. */
    private static boolean warmStart(Complex[] start, int n, int d, int s, double[] zr, double[] zi) {
        if (start == null || start.length != d || n != d) {
            return false;
        }
        for (int i = 0; i < d; i++) {
            if (start[i] == null) {
                return false;
            }
            zr[i] = Math.scalb(start[i].getReal(), -s);
            zi[i] = Math.scalb(start[i].getImaginary(), -s);
            if (!Double.isFinite(zr[i]) || !Double.isFinite(zi[i])) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (zr[i] == zr[j] && zi[i] == zi[j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Bini's starting points: for each edge (k1, k2) of the upper convex hull of (k, log|a_k|),
     * k2 − k1 points on the circle of radius (|a_k1|/|a_k2|)^(1/(k2−k1)), angles offset per edge.
     */
    static void initial(double[] ar, double[] ai, int d, double[] zr, double[] zi) {
        double[] lg = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            double a = abs(ar[k], ai[k]);
            lg[k] = a == 0 ? Double.NEGATIVE_INFINITY : Math.log(a);
        }
        int[] hull = new int[d + 1];
        int h = 0;
        for (int k = 0; k <= d; k++) {
            if (lg[k] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            while (h >= 2 && cross(hull[h - 2], lg[hull[h - 2]], hull[h - 1], lg[hull[h - 1]], k, lg[k]) >= 0) {
                h--;
            }
            hull[h++] = k;
        }
        int idx = 0;
        for (int e = 0; e + 1 < h; e++) {
            int k1 = hull[e];
            int k2 = hull[e + 1];
            int mult = k2 - k1;
            double u = Math.exp((lg[k1] - lg[k2]) / mult);
            for (int j = 0; j < mult; j++) {
                double theta = 2 * Math.PI * j / mult + 2 * Math.PI * e / d + SIGMA;
                zr[idx] = u * Math.cos(theta);
                zi[idx] = u * Math.sin(theta);
                idx++;
            }
        }
    }

    private static double cross(double x1, double y1, double x2, double y2, double x3, double y3) {
        return (x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1);
    }

    /** Maximum Aberth sweeps; multiple roots converge only linearly (halving per sweep). */
    static int maxSweeps(int d) {
        return 120 + 10 * d;
    }

    static void aberth(double[] ar, double[] ai, int d, double[] zr, double[] zi) {
        double[] ma = moduli(ar, ai, d);
        boolean[] done = new boolean[d];
        double[] ev = new double[5];
        double g = DoubleRounding.gamma(4 * d + 2);
        for (int sweep = 0; sweep < maxSweeps(d); sweep++) {
            boolean all = true;
            for (int i = 0; i < d; i++) {
                if (done[i]) {
                    continue;
                }
                if (!logDerivative(ar, ai, ma, d, zr[i], zi[i], g, ev)) {
                    done[i] = true;
                    continue;
                }
                // Aberth correction 1 / (p'/p − Σ_{j≠i} 1/(z_i − z_j))
                double sr = 0;
                double si = 0;
                for (int j = 0; j < d; j++) {
                    if (j != i) {
                        double dr = zr[i] - zr[j];
                        double di = zi[i] - zi[j];
                        double q = dr * dr + di * di;
                        if (q == 0) {
                            continue;
                        }
                        sr += dr / q;
                        si -= di / q;
                    }
                }
                double denr = ev[0] - sr;
                double deni = ev[1] - si;
                double q = denr * denr + deni * deni;
                if (q == 0 || !Double.isFinite(q)) {
                    done[i] = true;
                    continue;
                }
                double cr = denr / q;
                double ci = -deni / q;
                zr[i] -= cr;
                zi[i] -= ci;
                if (abs(cr, ci) <= 2 * DoubleRounding.U * abs(zr[i], zi[i])) {
                    done[i] = true;
                } else {
                    all = false;
                }
            }
            if (all) {
                break;
            }
        }
    }

    /**
     * Writes p'/p at z into ev[0..1] and returns true, or returns false when |p(z)| is within the
     * Horner rounding bound (z is as good as double can tell). For |z| > 1 the reversed polynomial
     * q(w) = w^d p(1/w) is used, p'/p = w (d − w q'(w)/q(w)), which cannot overflow.
     */
    static boolean logDerivative(
            double[] ar, double[] ai, double[] ma, int d, double xr, double xi, double g, double[] ev) {
        double az = abs(xr, xi);
        if (az <= 1) {
            double pr = ar[d];
            double pi = ai[d];
            double dr = 0;
            double di = 0;
            double s = ma[d];
            for (int k = d - 1; k >= 0; k--) {
                double t = dr * xr - di * xi + pr;
                di = dr * xi + di * xr + pi;
                dr = t;
                t = pr * xr - pi * xi + ar[k];
                pi = pr * xi + pi * xr + ai[k];
                pr = t;
                s = s * az + ma[k];
            }
            double ap = abs(pr, pi);
            if (ap <= g * s) {
                return false;
            }
            // p'/p
            double q = pr * pr + pi * pi;
            ev[0] = (dr * pr + di * pi) / q;
            ev[1] = (di * pr - dr * pi) / q;
            return true;
        }
        double q0 = xr * xr + xi * xi;
        double wr = xr / q0;
        double wi = -xi / q0;
        double aw = 1 / az;
        double pr = ar[0];
        double pi = ai[0];
        double dr = 0;
        double di = 0;
        double s = ma[0];
        for (int k = 1; k <= d; k++) {
            double t = dr * wr - di * wi + pr;
            di = dr * wi + di * wr + pi;
            dr = t;
            t = pr * wr - pi * wi + ar[k];
            pi = pr * wi + pi * wr + ai[k];
            pr = t;
            s = s * aw + ma[k];
        }
        double ap = abs(pr, pi);
        if (ap <= g * s) {
            return false;
        }
        double q = pr * pr + pi * pi;
        // r = q'/q
        double rr = (dr * pr + di * pi) / q;
        double ri = (di * pr - dr * pi) / q;
        // w r
        double tr = wr * rr - wi * ri;
        double ti = wr * ri + wi * rr;
        // d − w r, times w
        double ur = d - tr;
        double ui = -ti;
        ev[0] = wr * ur - wi * ui;
        ev[1] = wr * ui + wi * ur;
        return true;
    }

    /** |a_k|, each with relative error below 3u. */
    static double[] moduli(double[] ar, double[] ai, int d) {
        double[] ma = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            ma[k] = abs(ar[k], ai[k]);
        }
        return ma;
    }

    /**
     * Forward Horner: writes p(z), p'(z) into ev[0..3], Σ|a_k||z|^k into ev[4] and, if ev has
     * room, the running error sum Σ_k (|ŝ_{k+1}||z| + |ŝ_k|)|z|^k into ev[5] (ŝ_k the computed
     * Horner partial sums; theory/roots.md §3).
     */
    static void horner(double[] ar, double[] ai, double[] ma, int d, double xr, double xi, double[] ev) {
        double az = abs(xr, xi);
        double pr = ar[d];
        double pi = ai[d];
        double dr = 0;
        double di = 0;
        double s = ma[d];
        double run = 0;
        boolean running = ev.length > 5;
        for (int k = d - 1; k >= 0; k--) {
            double t = dr * xr - di * xi + pr;
            di = dr * xi + di * xr + pi;
            dr = t;
            double before = running ? abs(pr, pi) : 0;
            t = pr * xr - pi * xi + ar[k];
            pi = pr * xi + pi * xr + ai[k];
            pr = t;
            s = s * az + ma[k];
            if (running) {
                run = run * az + before * az + abs(pr, pi);
            }
        }
        ev[0] = pr;
        ev[1] = pi;
        ev[2] = dr;
        ev[3] = di;
        ev[4] = s;
        if (running) {
            ev[5] = run;
        }
    }

    /**
     * Up to two Newton steps per root, each kept only if it lowers |p| and moves by less than half
     * the distance to the nearest other approximation (so it cannot jump into a neighbour's root).
     */
    static void polish(double[] ar, double[] ai, int d, double[] zr, double[] zi) {
        double[] ma = moduli(ar, ai, d);
        double[] ev = new double[5];
        for (int i = 0; i < d; i++) {
            double sep = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    sep = Math.min(sep, abs(zr[i] - zr[j], zi[i] - zi[j]));
                }
            }
            horner(ar, ai, ma, d, zr[i], zi[i], ev);
            double ap = abs(ev[0], ev[1]);
            for (int step = 0; step < 2 && ap > 0 && Double.isFinite(ap); step++) {
                double q = ev[2] * ev[2] + ev[3] * ev[3];
                if (q == 0 || !Double.isFinite(q)) {
                    break;
                }
                double nr = (ev[0] * ev[2] + ev[1] * ev[3]) / q;
                double ni = (ev[1] * ev[2] - ev[0] * ev[3]) / q;
                if (!(abs(nr, ni) < 0.5 * sep)) {
                    break;
                }
                double yr = zr[i] - nr;
                double yi = zi[i] - ni;
                horner(ar, ai, ma, d, yr, yi, ev);
                double ay = abs(ev[0], ev[1]);
                if (!(ay < ap)) {
                    break;
                }
                zr[i] = yr;
                zi[i] = yi;
                ap = ay;
            }
        }
    }

    /**
     * Rigorous radii d·|W_i| with W_i = p(z_i) / (a_d ∏_{j≠i}(z_i − z_j)): |p(z_i)| is bounded by the
     * computed value plus γ_{4d+6}·Σ|a_k||z_i|^k (complex Horner running error), the denominator is
     * bounded below, and the result rounded up (theory/roots.md §3). Non-finite means unproven: +∞.
     */
    static void radii(double[] ar, double[] ai, int d, double[] zr, double[] zi, double[] rad) {
        double[] ma = moduli(ar, ai, d);
        double[] ev = new double[6];
        double u = DoubleRounding.U;
        double gH = DoubleRounding.gamma(4 * d + 6);
        // rounding of the computed sums themselves (moduli and |z| to 3u, d levels of × and +)
        double gS = DoubleRounding.gamma(6 * d + 8);
        double gD = DoubleRounding.gamma(5 * d + 8);
        double an = abs(ar[d], ai[d]);
        for (int i = 0; i < d; i++) {
            horner(ar, ai, ma, d, zr[i], zi[i], ev);
            double ap = abs(ev[0], ev[1]);
            // two rigorous bounds on the Horner error, keep the smaller: the a-priori γ_{4d+6}·Σ|a_k||z|^k
            // and the running bound Σ_k (√2γ₂|ŝ_{k+1}||z| + u/(1−u)|ŝ_k|)|z|^k ≤ 2.9u·ev[5]
            double apriori = gH * ev[4] * (1 + gS);
            double running = RUNNING * ev[5] * (1 + gS);
            double num = ap * (1 + 4 * u) + Math.min(apriori, running);
            double den = an;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    den *= abs(zr[i] - zr[j], zi[i] - zi[j]);
                }
            }
            double lower = den * (1 - gD);
            double r = d * (num / lower) * (1 + 4 * u);
            r = Math.nextUp(r);
            rad[i] = (Double.isFinite(r) && lower > 0) ? r : Double.POSITIVE_INFINITY;
        }
    }

    /** A disk is isolated iff it is provably disjoint from every other (distance rounded down, sum up). */
    static boolean[] isolation(double[] zr, double[] zi, double[] rad, int n) {
        boolean[] iso = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(rad[i]);
            for (int j = 0; j < n && ok; j++) {
                if (j != i) {
                    double dist = abs(zr[i] - zr[j], zi[i] - zi[j]) * (1 - 8 * DoubleRounding.U);
                    double sum = (rad[i] + rad[j]) * (1 + 2 * DoubleRounding.U);
                    if (!(dist > sum)) {
                        ok = false;
                    }
                }
            }
            iso[i] = ok;
        }
        return iso;
    }
}
