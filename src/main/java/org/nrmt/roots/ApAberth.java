package org.nrmt.roots;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Apfloat engine: a double start (Aberth in double on a rescaled copy), Aberth–Ehrlich iteration at
 * precision + guard digits, one Newton polishing step, and rigorous Weierstrass radii where every
 * apfloat operation is charged a relative error u = 10^-(wp−2) (theory/roots.md §3).
 */
final class ApAberth {

    /** Guard digits added to the requested precision. */
    static final long GUARD = 20;

    private ApAberth() {}

    static ApRootSet solve(Apcomplex[] coefficients, long precision) {
        return solve(coefficients, precision, null);
    }

    /** As {@link #solve(Apcomplex[], long)}, from {@code start} when usable (see PolynomialRoots). */
    static ApRootSet solve(Apcomplex[] coefficients, long precision, Apcomplex[] start) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("coefficients must not be empty, got length 0");
        }
        if (precision < 1 || precision == Apfloat.INFINITE) {
            throw new IllegalArgumentException("precision must be a finite number of digits >= 1, got " + precision);
        }
        for (int k = 0; k < coefficients.length; k++) {
            if (coefficients[k] == null) {
                throw new IllegalArgumentException("coefficient c[" + k + "] must not be null, got null");
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
        long wp = precision + GUARD;
        int d = n - m;
        Apcomplex[] a = new Apcomplex[d + 1];
        for (int k = 0; k <= d; k++) {
            a[k] = atPrecision(coefficients[m + k], wp);
        }
        Apcomplex[] z = new Apcomplex[n];
        Apfloat[] rad = new Apfloat[n];
        if (d > 0) {
            if (!warmStart(start, n, d, z, wp)) {
                start(a, d, z, wp);
            }
            aberth(a, d, z, wp);
            polish(a, d, z, wp);
            radii(a, d, z, rad, wp);
        }
        for (int i = d; i < n; i++) {
            z[i] = Apcomplex.ZERO;
            rad[i] = Apfloat.ZERO;
        }
        boolean[] iso = isolation(z, rad, n, wp);
        List<ApRoot> roots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            roots.add(new ApRoot(z[i], rad[i], iso[i]));
        }
        return new ApRootSet(roots, n);
    }

    static boolean isZero(Apcomplex c) {
        return c.real().signum() == 0 && c.imag().signum() == 0;
    }

    static Apcomplex atPrecision(Apcomplex c, long wp) {
        return new Apcomplex(c.real().precision(wp), c.imag().precision(wp));
    }

    /** u = 10^-(wp − 2): an upper bound on the relative error of one apfloat operation at wp digits. */
    static Apfloat unit(long wp) {
        return ApfloatMath.scale(new Apfloat(1, 20), -(wp - 2));
    }

    /** γ_k = k u/(1 − k u), bounded above by 1.01 k u for k u ≤ 1e-4. */
    static Apfloat gamma(int k, long wp) {
        return unit(wp).multiply(new Apfloat(1.01 * k, 20));
    }

    /** log10 |c|, approximately (within 0.2), for nonzero c. */
    static double log10Abs(Apcomplex c) {
        double best = Double.NEGATIVE_INFINITY;
        for (Apfloat x : new Apfloat[] {c.real(), c.imag()}) {
            if (x.signum() != 0) {
                long e = x.scale();
                double mant = Math.abs(ApfloatMath.scale(x, -e).doubleValue());
                best = Math.max(best, e + Math.log10(mant));
            }
        }
        return best;
    }

    /**
     * Starting points: the double engine on the rescaled polynomial b_k = a_k 10^(t k − e) (balanced
     * root moduli, largest coefficient near 1), mapped back; circle points if double cannot represent it.
     */
    static void start(Apcomplex[] a, int d, Apcomplex[] z, long wp) {
        double l0 = log10Abs(a[0]);
        double ld = log10Abs(a[d]);
        long t = Math.round((l0 - ld) / d);
        double emax = Double.NEGATIVE_INFINITY;
        double[] lg = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            lg[k] = isZero(a[k]) ? Double.NEGATIVE_INFINITY : log10Abs(a[k]) + t * (double) k;
            emax = Math.max(emax, lg[k]);
        }
        long e = (long) Math.floor(emax);
        double[] br = new double[d + 1];
        double[] bi = new double[d + 1];
        boolean ok = true;
        for (int k = 0; k <= d; k++) {
            long sh = t * k - e;
            br[k] = ApfloatMath.scale(a[k].real(), sh).doubleValue();
            bi[k] = ApfloatMath.scale(a[k].imag(), sh).doubleValue();
            ok &= Double.isFinite(br[k]) && Double.isFinite(bi[k]);
        }
        ok &= (br[0] != 0 || bi[0] != 0) && (br[d] != 0 || bi[d] != 0);
        double[] zr = new double[d];
        double[] zi = new double[d];
        if (ok) {
            DoubleAberth.initial(br, bi, d, zr, zi);
            DoubleAberth.aberth(br, bi, d, zr, zi);
            for (int i = 0; i < d; i++) {
                ok &= Double.isFinite(zr[i]) && Double.isFinite(zi[i]);
            }
        }
        if (!ok) {
            t = Math.round((l0 - ld) / d);
            for (int i = 0; i < d; i++) {
                double theta = 2 * Math.PI * i / d + 0.7;
                zr[i] = Math.cos(theta);
                zi[i] = Math.sin(theta);
            }
        }
        for (int i = 0; i < d; i++) {
            Apfloat re = ApfloatMath.scale(new Apfloat(zr[i], wp), t);
            Apfloat im = ApfloatMath.scale(new Apfloat(zi[i], wp), t);
            z[i] = atPrecision(new Apcomplex(re, im), wp);
        }
        // coinciding starts (e.g. a double root found exactly twice in double) would stall Aberth: nudge
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (z[i].equals(z[j])) {
                    Apfloat nudge = ApfloatMath.scale(new Apfloat(1 + i, wp), t - 8);
                    z[i] = atPrecision(
                            z[i].add(new Apcomplex(
                                    nudge.multiply(new Apfloat(0.6, wp)), nudge.multiply(new Apfloat(0.8, wp)))),
                            wp);
                }
            }
        }
    }

    private static boolean warmStart(Apcomplex[] start, int n, int d, Apcomplex[] z, long wp) {
        if (start == null || start.length != d || n != d) {
            return false;
        }
        for (int i = 0; i < d; i++) {
            if (start[i] == null) {
                return false;
            }
            z[i] = atPrecision(start[i], wp);
            for (int j = 0; j < i; j++) {
                if (z[i].equals(z[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * p(x), p'(x) and S = Σ|a_k||x|^k by Horner at wp digits. Every intermediate is put back to wp
     * digits: apfloat lowers the precision of a difference that cancels (its digits are exact) and
     * would then round later products to that lower precision, voiding the error model.
     */
    static Apcomplex[] horner(Apcomplex[] a, Apfloat[] ma, int d, Apcomplex x, Apfloat[] s, long wp) {
        Apfloat ax = ApcomplexMath.abs(atPrecision(x, LOW)).multiply(UP);
        Apcomplex p = a[d];
        Apcomplex dp = Apcomplex.ZERO;
        Apfloat sum = ma[d];
        for (int k = d - 1; k >= 0; k--) {
            dp = atPrecision(dp.multiply(x).add(p), wp);
            p = atPrecision(p.multiply(x).add(a[k]), wp);
            sum = sum.multiply(ax).add(ma[k]);
        }
        s[0] = sum.multiply(UP);
        return new Apcomplex[] {p, dp};
    }

    /**
     * Digits for the error-bound sums Σ|a_k||x|^k: they only scale a bound, so 25 digits and a
     * factor UP = 1 + 1e-18 (far above 2d·10^-24 accumulated relative error) suffice.
     */
    static final long LOW = 25;

    static final Apfloat UP = new Apfloat("1.000000000000000001", LOW);

    /** Upper bounds on |a_k| at LOW digits. */
    static Apfloat[] moduli(Apcomplex[] a, int d) {
        Apfloat[] ma = new Apfloat[d + 1];
        for (int k = 0; k <= d; k++) {
            ma[k] = ApcomplexMath.abs(atPrecision(a[k], LOW)).multiply(UP);
        }
        return ma;
    }

    /** |x − y| with the difference (exact digits, possibly lowered precision) restored to wp first. */
    static Apfloat dist(Apcomplex x, Apcomplex y, long wp) {
        Apcomplex diff = x.subtract(y);
        if (isZero(diff)) {
            return Apfloat.ZERO;
        }
        return ApcomplexMath.abs(atPrecision(diff, wp));
    }

    static int maxSweeps(int d, long wp) {
        return (int) Math.min(100_000, 60 + 4 * wp);
    }

    static void aberth(Apcomplex[] a, int d, Apcomplex[] z, long wp) {
        boolean[] done = new boolean[d];
        Apfloat[] ma = moduli(a, d);
        Apfloat g = gamma(4 * d + 8, wp);
        // a correction below 10^-(wp/2)|z| leaves an error ~|corr|^3 (cubic convergence) or, in a
        // cluster, ~|corr| at the cluster's own resolution limit: either way more sweeps buy nothing
        Apfloat tiny2 = ApfloatMath.scale(new Apfloat(1, LOW), -wp);
        Apfloat[] s = new Apfloat[1];
        for (int sweep = 0; sweep < maxSweeps(d, wp); sweep++) {
            boolean all = true;
            for (int i = 0; i < d; i++) {
                if (done[i]) {
                    continue;
                }
                Apcomplex[] pd = horner(a, ma, d, z[i], s, wp);
                Apcomplex p = pd[0];
                Apfloat bound = g.multiply(s[0]);
                if (isZero(p) || ApcomplexMath.norm(p).compareTo(bound.multiply(bound)) <= 0 || isZero(pd[1])) {
                    done[i] = true;
                    continue;
                }
                Apcomplex sum = Apcomplex.ZERO;
                for (int j = 0; j < d; j++) {
                    if (j != i) {
                        Apcomplex diff = atPrecision(z[i].subtract(z[j]), wp);
                        if (!isZero(diff)) {
                            sum = sum.add(inverse(diff));
                        }
                    }
                }
                Apcomplex den = atPrecision(pd[1].divide(p).subtract(sum), wp);
                if (isZero(den)) {
                    done[i] = true;
                    continue;
                }
                Apcomplex corr = inverse(den);
                // every centre is kept at wp digits: it is an exact number the certificate is about, and
                // apfloat would otherwise carry the (lower) precision of the correction forward
                z[i] = atPrecision(z[i].subtract(corr), wp);
                if (ApcomplexMath.norm(atPrecision(corr, LOW))
                                .compareTo(tiny2.multiply(ApcomplexMath.norm(atPrecision(z[i], LOW))))
                        <= 0) {
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

    static Apcomplex inverse(Apcomplex x) {
        return Apcomplex.ONE.divide(x);
    }

    /** One Newton step per root, kept if it lowers |p| and moves less than half the gap to a neighbour. */
    static void polish(Apcomplex[] a, int d, Apcomplex[] z, long wp) {
        Apfloat[] ma = moduli(a, d);
        Apfloat[] s = new Apfloat[1];
        Apfloat half = new Apfloat("0.5", wp);
        for (int i = 0; i < d; i++) {
            Apcomplex[] pd = horner(a, ma, d, z[i], s, wp);
            if (isZero(pd[0]) || isZero(pd[1])) {
                continue;
            }
            Apfloat sep = null;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    Apfloat dist = dist(z[i], z[j], wp);
                    sep = sep == null || dist.compareTo(sep) < 0 ? dist : sep;
                }
            }
            Apcomplex step = pd[0].divide(pd[1]);
            if (sep != null && ApcomplexMath.abs(step).compareTo(sep.multiply(half)) >= 0) {
                continue;
            }
            Apcomplex y = atPrecision(z[i].subtract(step), wp);
            Apcomplex[] py = horner(a, ma, d, y, s, wp);
            if (ApcomplexMath.abs(py[0]).compareTo(ApcomplexMath.abs(pd[0])) < 0) {
                z[i] = y;
            }
        }
    }

    /**
     * Radii d·(|p̂(z_i)| + γ_{4d+8} Σ|a_k||z_i|^k) / (|a_d| ∏|z_i − z_j|) · (1 + γ_{3d+8}), rounded up
     * to 20 digits. The γ_{4d+8} term covers Horner's rounding and the rounding of the input
     * coefficients to wp digits. Coinciding centres have no Weierstrass bound; their radius is the
     * distance to 0 plus twice Cauchy's bound 1 + max|a_k/a_d| on all root moduli (never isolated).
     */
    static void radii(Apcomplex[] a, int d, Apcomplex[] z, Apfloat[] rad, long wp) {
        Apfloat[] ma = moduli(a, d);
        Apfloat[] s = new Apfloat[1];
        Apfloat gh = gamma(4 * d + 8, wp);
        // the denominator: |a_d|² and d − 1 squared distances (3 operations each), their product,
        // one square root and the final products and quotient: fewer than 4d + 10 roundings
        Apfloat gd = Apfloat.ONE.add(gamma(4 * d + 10, wp));
        Apfloat an2 = ApcomplexMath.norm(a[d]);
        Apfloat deg = new Apfloat(d);
        Apfloat cauchy = null;
        for (int i = 0; i < d; i++) {
            Apcomplex[] pd = horner(a, ma, d, z[i], s, wp);
            Apfloat num = ApcomplexMath.abs(pd[0]).add(gh.multiply(s[0])).precision(wp);
            Apfloat den2 = an2;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    Apcomplex diff = z[i].subtract(z[j]);
                    den2 = isZero(diff) ? Apfloat.ZERO : den2.multiply(ApcomplexMath.norm(atPrecision(diff, wp)));
                }
            }
            if (den2.signum() == 0) {
                // no Weierstrass bound: fall back to the Cauchy bound |z| ≤ 1 + max|a_k/a_d| around 0
                if (cauchy == null) {
                    cauchy = cauchyBound(a, d);
                }
                rad[i] = roundUp(ApcomplexMath.abs(z[i]).add(cauchy).multiply(gd));
                continue;
            }
            Apfloat r = deg.multiply(num).divide(ApfloatMath.sqrt(den2)).multiply(gd);
            rad[i] = roundUp(r);
        }
    }

    static Apfloat cauchyBound(Apcomplex[] a, int d) {
        Apfloat an = ApcomplexMath.abs(a[d]);
        Apfloat m = Apfloat.ZERO;
        for (int k = 0; k < d; k++) {
            Apfloat q = ApcomplexMath.abs(a[k]).divide(an);
            m = q.compareTo(m) > 0 ? q : m;
        }
        return Apfloat.ONE.add(m).multiply(new Apfloat(2));
    }

    /** Rounds a nonnegative value up to 20 significant digits, adding a relative 1e-18 first. */
    static Apfloat roundUp(Apfloat r) {
        if (r.signum() == 0) {
            return Apfloat.ZERO;
        }
        Apfloat bumped = r.add(ApfloatMath.scale(r.precision(20), -18));
        return ApfloatMath.roundToPrecision(bumped, 20, RoundingMode.CEILING);
    }

    static boolean[] isolation(Apcomplex[] z, Apfloat[] rad, int n, long wp) {
        boolean[] iso = new boolean[n];
        Apfloat shrink = Apfloat.ONE.subtract(gamma(10, wp));
        Apfloat grow = Apfloat.ONE.add(gamma(10, wp));
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (int j = 0; j < n && ok; j++) {
                if (j != i) {
                    Apfloat dist = dist(z[i], z[j], wp).multiply(shrink);
                    Apfloat sum = rad[i].add(rad[j]).multiply(grow);
                    ok = dist.compareTo(sum) > 0;
                }
            }
            iso[i] = ok;
        }
        return iso;
    }
}
