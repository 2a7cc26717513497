package org.nrmt.activation;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Apfloat special functions with full relative accuracy at any precision
 * (theory/activations.md, "Apfloat evaluation"). apfloat 1.14's own erf/erfc take ~0.2 s at 30
 * digits and ~15 s at 1000 digits; the series below take milliseconds. tanh, sinh, cosh are
 * formed from one exp, with extra digits where 1 − e^{−2|x|} cancels.
 *
 * <p>Arguments carry the working precision p (decimal digits); results are good to about p − 2
 * digits, relative.
 */
final class ApfloatSpecial {
    private static final Apfloat ONE = new Apfloat(1);
    private static final Apfloat TWO = new Apfloat(2);
    private static final double LN10 = Math.log(10);

    private ApfloatSpecial() {}

    /** The digits lost to cancellation when forming 1 − y with |y| ≈ 1 − |u|, |u| = 10^scale. */
    private static long extraForSmall(Apfloat u) {
        return u.signum() == 0 ? 0 : Math.max(0, -u.scale()) + 2;
    }

    static Apfloat tanh(Apfloat u, long p) {
        if (u.signum() == 0) {
            return Apfloat.ZERO;
        }
        long q = p + extraForSmall(u);
        Apfloat a = ApfloatMath.abs(u).precision(q);
        Apfloat t = ApfloatMath.exp(a.multiply(TWO).negate());
        Apfloat r = ONE.subtract(t).divide(ONE.add(t)).precision(p);
        return u.signum() > 0 ? r : r.negate();
    }

    static Apfloat sinh(Apfloat u, long p) {
        if (u.signum() == 0) {
            return Apfloat.ZERO;
        }
        long q = p + extraForSmall(u);
        Apfloat e = ApfloatMath.exp(u.precision(q));
        return e.subtract(ONE.divide(e)).divide(TWO).precision(p);
    }

    static Apfloat cosh(Apfloat u, long p) {
        Apfloat e = ApfloatMath.exp(u.precision(p));
        return e.add(ONE.divide(e)).divide(TWO);
    }

    /** The last 2/√π computed, with its precision: erf is called at one precision many times. */
    private static volatile Apfloat cachedTwoOverSqrtPi = TWO.divide(ApfloatMath.sqrt(ApfloatMath.pi(40)));

    /** 2/√π to p digits. */
    private static Apfloat twoOverSqrtPi(long p) {
        Apfloat c = cachedTwoOverSqrtPi;
        if (c.precision() >= p) {
            return c.precision(p);
        }
        c = TWO.precision(p).divide(ApfloatMath.sqrt(ApfloatMath.pi(p)));
        cachedTwoOverSqrtPi = c;
        return c;
    }

    /** True if erfc(|x|) < 10^{−p}·e^{-1}: the asymptotic series then reaches p digits. */
    private static boolean asymptotic(Apfloat x, long p) {
        double a = Math.abs(x.doubleValue());
        return a * a > (p + 3) * LN10 + 2;
    }

    /**
     * erf(x) for x ≥ 0 by the series of positive terms
     * erf x = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3···(2n+1)) (A&amp;S 7.1.6), at p digits.
     */
    private static Apfloat erfSeries(Apfloat x, long p) {
        long q = p + 5;
        Apfloat xq = x.precision(q);
        Apfloat x2 = xq.multiply(xq);
        Apfloat twoX2 = x2.multiply(TWO);
        double x2d = x2.doubleValue();
        Apfloat term = xq;
        Apfloat sum = xq;
        for (long n = 1; ; n++) {
            term = term.multiply(twoX2).divide(new Apfloat(2 * n + 1));
            sum = sum.add(term);
            if (n > x2d && term.scale() < sum.scale() - q) {
                break;
            }
        }
        return sum.multiply(ApfloatMath.exp(x2.negate()))
                .multiply(twoOverSqrtPi(q))
                .precision(p);
    }

    /**
     * erfc(x) for large x: (e^{−x²}/(x√π)) Σ (−1)ⁿ (2n−1)!!/(2x²)ⁿ (A&amp;S 7.1.23), truncated before
     * its smallest term, which is below 10^{−p} when {@link #asymptotic} holds.
     */
    private static Apfloat erfcAsymptotic(Apfloat x, long p) {
        long q = p + 5;
        Apfloat xq = x.precision(q);
        Apfloat x2 = xq.multiply(xq);
        Apfloat twoX2 = x2.multiply(TWO);
        Apfloat term = ONE.precision(q);
        Apfloat sum = term;
        for (long n = 1; ; n++) {
            Apfloat next = term.multiply(new Apfloat(1 - 2 * n)).divide(twoX2);
            if (ApfloatMath.abs(next).compareTo(ApfloatMath.abs(term)) >= 0) {
                break;
            }
            term = next;
            sum = sum.add(term);
            if (term.signum() == 0 || term.scale() < -q) {
                break;
            }
        }
        Apfloat pre = ApfloatMath.exp(x2.negate()).divide(xq.multiply(ApfloatMath.sqrt(ApfloatMath.pi(q))));
        return pre.multiply(sum).precision(p);
    }

    /** erfc(x) for x &gt; 0, relative accuracy. */
    private static Apfloat erfcPositive(Apfloat x, long p) {
        if (asymptotic(x, p)) {
            return erfcAsymptotic(x, p);
        }
        // 1 − erf x cancels about x²/ln 10 digits
        double a = x.doubleValue();
        long extra = (long) Math.ceil(a * a / LN10) + 3;
        return ONE.subtract(erfSeries(x, p + extra)).precision(p);
    }

    static Apfloat erf(Apfloat x, long p) {
        if (x.signum() == 0) {
            return Apfloat.ZERO;
        }
        Apfloat a = ApfloatMath.abs(x);
        Apfloat r = asymptotic(a, p) ? ONE.subtract(erfcAsymptotic(a, p)).precision(p) : erfSeries(a, p);
        return x.signum() > 0 ? r : r.negate();
    }

    static Apfloat erfc(Apfloat x, long p) {
        if (x.signum() == 0) {
            return ONE;
        }
        if (x.signum() > 0) {
            return erfcPositive(x, p);
        }
        Apfloat a = x.negate();
        // erfc(−a) = 1 + erf(a): no cancellation
        Apfloat e = asymptotic(a, p) ? ONE.subtract(erfcAsymptotic(a, p)) : erfSeries(a, p);
        return ONE.add(e).precision(p);
    }

    /** sin and cos of u to p digits: reduction by π/2 and Taylor series on [−π/4, π/4]. */
    static Apfloat[] sinCos(Apfloat u, long p) {
        if (u.signum() == 0) {
            return new Apfloat[] {Apfloat.ZERO, ONE};
        }
        long q = p + 5 + Math.max(0, u.scale());
        Apfloat x = u.precision(q);
        Apfloat halfPi = ApfloatMath.pi(q).divide(TWO);
        Apfloat k = ApfloatMath.floor(x.divide(halfPi).add(new Apfloat("0.5", q)));
        Apfloat r = x.subtract(k.multiply(halfPi)).precision(p + 5);
        int quadrant = (int) Math.floorMod(k.longValue(), 4L);
        // the reduced argument r keeps p + 5 digits relative to its own size down to 10^-(p+5)|x|
        Apfloat s = sinTaylor(r, p + 5);
        Apfloat c = ApfloatMath.sqrt(ONE.subtract(s.multiply(s)));
        Apfloat sin;
        Apfloat cos;
        switch (quadrant) {
            case 0 -> {
                sin = s;
                cos = c;
            }
            case 1 -> {
                sin = c;
                cos = s.negate();
            }
            case 2 -> {
                sin = s.negate();
                cos = c.negate();
            }
            default -> {
                sin = c.negate();
                cos = s;
            }
        }
        return new Apfloat[] {sin.precision(p), cos.precision(p)};
    }

    /** sin r = Σ (−1)ⁿ r^{2n+1}/(2n+1)! for |r| ≤ π/4. */
    private static Apfloat sinTaylor(Apfloat r, long p) {
        if (r.signum() == 0) {
            return Apfloat.ZERO;
        }
        Apfloat r2 = r.multiply(r).negate();
        Apfloat term = r;
        Apfloat sum = r;
        for (long n = 1; ; n++) {
            term = term.multiply(r2).divide(new Apfloat((2 * n) * (2 * n + 1)));
            sum = sum.add(term);
            if (term.signum() == 0 || term.scale() < sum.scale() - p - 1) {
                return sum;
            }
        }
    }
}
