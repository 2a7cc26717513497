package org.nrmt.roots;

import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * A closed disk \(D(\text{value}, \text{radius})\) proven to contain at least one root; the apfloat
 * counterpart of {@link Root}. {@code isolated}: disjoint from every other disk of its set, hence
 * holding exactly one (simple) root. See {@code theory/roots.md} §2–§3.
 *
 * @param value the centre
 * @param radius an upper bound on the distance from the centre to a root (rounded up, 20 digits)
 * @param isolated whether the disk is certified to contain exactly one root
 */
public record ApRoot(Apcomplex value, Apfloat radius, boolean isolated) {

    public ApRoot {
        if (value == null || radius == null) {
            throw new IllegalArgumentException("root value and radius must not be null, got " + value + ", " + radius);
        }
        if (radius.signum() < 0) {
            throw new IllegalArgumentException("root radius must be >= 0, got " + radius);
        }
    }

    /** Whether {@code z} lies in the closed disk (distance computed at the centre's precision, with a margin). */
    public boolean contains(Apcomplex z) {
        // apfloat rounds a difference to the smaller operand precision: lift both operands first
        long prec = Math.max(40, finite(value.precision()));
        prec = Math.max(prec, finite(z.precision()));
        Apcomplex diff = lift(z, prec).subtract(lift(value, prec));
        if (diff.real().signum() == 0 && diff.imag().signum() == 0) {
            return true;
        }
        Apfloat d = ApcomplexMath.abs(lift(diff, prec));
        // shrink the computed distance by a relative 1e-15, far more than abs's rounding error
        Apfloat lower = d.subtract(ApfloatMath.scale(d.precision(20), -15));
        return lower.compareTo(radius) <= 0;
    }

    private static long finite(long precision) {
        return precision == Apfloat.INFINITE ? 0 : precision;
    }

    private static Apcomplex lift(Apcomplex x, long prec) {
        return new Apcomplex(x.real().precision(prec), x.imag().precision(prec));
    }

    /**
     * x correctly rounded to double (via BigDecimal of all stored digits). Apfloat's own
     * {@code doubleValue()} can be several ulps off (0.03 exactly as a double came back 3 ulps low),
     * which would break outward rounding.
     */
    public static double toDouble(Apfloat x) {
        if (x.signum() == 0) {
            return 0;
        }
        return new java.math.BigDecimal(x.precision(Apfloat.INFINITE).toString(false)).doubleValue();
    }

    /** The centre as a double complex and the radius rounded up to double (unproven if the centre overflows). */
    public Root toDouble() {
        double r = toDouble(radius);
        double re = toDouble(value.real());
        double im = toDouble(value.imag());
        // double conversion of the centre moves it by at most one ulp of each part; cover that
        double cover = Math.nextUp(Math.ulp(re) + Math.ulp(im));
        return new Root(
                new org.apache.commons.math3.complex.Complex(re, im), Math.nextUp(Math.nextUp(r) + cover), false);
    }
}
