package org.nrmt.generalization;

import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.roots.ApRoot;

/**
 * A closed interval [lo, hi] of reals in apfloat with outward-widened arithmetic: operations run at
 * {@link #WORKING} digits, where each apfloat result is within a unit or so of its last digit, and
 * every result is widened by 10^−{@value #DIGITS} of its operands' magnitudes, so it contains every
 * value the operation takes on the operands. Carries the certified G(−λ) through the rational
 * formulas of {@link RidgeRisk} (theory/generalization.md §5).
 *
 * @param lo lower end
 * @param hi upper end, ≥ lo
 */
record Enclosure(Apfloat lo, Apfloat hi) {

    /** Digits every result is guaranteed to. */
    static final int DIGITS = 40;

    /** Digits apfloat computes with (10 guard digits). */
    static final long WORKING = DIGITS + 10;

    private static final Apfloat ULP = new Apfloat("1e-" + DIGITS, WORKING);
    private static final Apfloat ZERO = new Apfloat(0, WORKING);

    /** The exact binary value of x (at most a relative 10^−WORKING off, widened). */
    static Enclosure of(double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("finite number needed, got " + x);
        Apfloat v = new Apfloat(new BigDecimal(x), WORKING);
        return widen(v, v, v.signum() == 0 ? ZERO : ApfloatMath.abs(v));
    }

    /** [x − r, x + r]. */
    static Enclosure around(Apfloat x, Apfloat r) {
        Apfloat c = x.precision(WORKING);
        Apfloat rr = r.precision(WORKING);
        return widen(c.subtract(rr), c.add(rr), ApfloatMath.abs(c).add(rr));
    }

    private static Enclosure widen(Apfloat lo, Apfloat hi, Apfloat magnitude) {
        // lift to the working precision: apfloat shortens a difference to the digits that survive
        // cancellation, and a later product would be rounded to that shorter precision
        Apfloat w = magnitude.precision(WORKING).multiply(ULP);
        return new Enclosure(
                lo.precision(WORKING).subtract(w), hi.precision(WORKING).add(w));
    }

    private Apfloat magnitude() {
        return ApfloatMath.abs(lo).compareTo(ApfloatMath.abs(hi)) > 0 ? ApfloatMath.abs(lo) : ApfloatMath.abs(hi);
    }

    Enclosure add(Enclosure o) {
        return widen(lo.add(o.lo), hi.add(o.hi), magnitude().add(o.magnitude()));
    }

    Enclosure subtract(Enclosure o) {
        return widen(lo.subtract(o.hi), hi.subtract(o.lo), magnitude().add(o.magnitude()));
    }

    Enclosure negate() {
        return new Enclosure(hi.negate(), lo.negate());
    }

    Enclosure multiply(Enclosure o) {
        Apfloat a = lo.multiply(o.lo), b = lo.multiply(o.hi), c = hi.multiply(o.lo), d = hi.multiply(o.hi);
        Apfloat min = min(min(a, b), min(c, d));
        Apfloat max = max(max(a, b), max(c, d));
        return widen(min, max, max(ApfloatMath.abs(min), ApfloatMath.abs(max)));
    }

    Enclosure multiply(double c) {
        return multiply(of(c));
    }

    /** The quotient, or null when the divisor contains 0. */
    Enclosure divide(Enclosure o) {
        if (!(o.lo.signum() > 0 || o.hi.signum() < 0)) return null;
        Apfloat a = lo.divide(o.lo), b = lo.divide(o.hi), c = hi.divide(o.lo), d = hi.divide(o.hi);
        Apfloat min = min(min(a, b), min(c, d));
        Apfloat max = max(max(a, b), max(c, d));
        return widen(min, max, max(ApfloatMath.abs(min), ApfloatMath.abs(max)));
    }

    Enclosure square() {
        Enclosure s = multiply(this);
        if (lo.signum() < 0 && hi.signum() > 0) return new Enclosure(ZERO, s.hi);
        return s;
    }

    /** The midpoint rounded to the nearest double. */
    double mid() {
        return ApRoot.toDouble(lo.add(hi).divide(new Apfloat(2, WORKING)));
    }

    /** max |x − v| over v in the interval, rounded up to double: the error of printing x. */
    double distanceFrom(double x) {
        Apfloat xx = new Apfloat(new BigDecimal(x), WORKING);
        Apfloat d = max(ApfloatMath.abs(hi.subtract(xx)), ApfloatMath.abs(xx.subtract(lo)));
        return Math.nextUp(Math.nextUp(ApRoot.toDouble(d)));
    }

    private static Apfloat min(Apfloat a, Apfloat b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Apfloat max(Apfloat a, Apfloat b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
