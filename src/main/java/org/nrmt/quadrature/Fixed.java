package org.nrmt.quadrature;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.concurrent.ConcurrentHashMap;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Binary fixed-point arithmetic on {@link BigInteger}: a value v is held as round(v·2^B).
 *
 * <p>Why: apfloat's multiplication costs ~1.3 µs at 110 digits and its {@code exp} ~2 ms, while a
 * {@code BigInteger} product of the same size costs ~0.1 µs. Quadrature sums need absolute, not
 * relative, accuracy (every term is bounded by the Gaussian weight), which is exactly what fixed
 * point gives. Conversions to and from {@link Apfloat} happen once per node set or per sum.
 * See theory/gaussian-constants.md §5.
 */
public final class Fixed {
    private static final ConcurrentHashMap<Integer, BigInteger> POW10 = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, BigInteger> POW5 = new ConcurrentHashMap<>();

    private Fixed() {}

    /** Number of fraction bits that carry {@code digits} decimal digits. */
    public static int bitsFor(long digits) {
        return (int) Math.ceil(digits * 3.3219280948873626) + 8;
    }

    public static BigInteger one(int b) {
        return BigInteger.ONE.shiftLeft(b);
    }

    public static BigInteger mul(BigInteger x, BigInteger y, int b) {
        return x.multiply(y).shiftRight(b);
    }

    public static BigInteger div(BigInteger x, BigInteger y, int b) {
        return x.shiftLeft(b).divide(y);
    }

    public static BigInteger ofLong(long v, int b) {
        return BigInteger.valueOf(v).shiftLeft(b);
    }

    /** round(x·2^b) for a double x (exact for the double's value). */
    public static BigInteger ofDouble(double x, int b) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("fixed-point value must be finite, got " + x);
        }
        if (x == 0) {
            return BigInteger.ZERO;
        }
        long bits = Double.doubleToLongBits(x);
        int exp = (int) ((bits >> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        if (exp == 0) {
            exp = 1;
        } else {
            mant |= 1L << 52;
        }
        int shift = exp - 1075 + b;
        BigInteger m = BigInteger.valueOf(mant);
        BigInteger r = shift >= 0 ? m.shiftLeft(shift) : m.shiftRight(-shift);
        return x < 0 ? r.negate() : r;
    }

    public static double toDouble(BigInteger v, int b) {
        int len = v.bitLength();
        if (len <= 62) {
            return Math.scalb((double) v.longValue(), -b);
        }
        int drop = len - 62;
        return Math.scalb((double) v.shiftRight(drop).longValue(), drop - b);
    }

    /** floor(x·2^b); x's own digits are used (exact decimal → binary through BigDecimal). */
    public static BigInteger ofApfloat(Apfloat x, int b) {
        if (x.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigDecimal d = new BigDecimal(x.toString(true));
        BigInteger u = d.unscaledValue();
        int sc = d.scale();
        if (sc <= 0) {
            return u.multiply(BigInteger.TEN.pow(-sc)).shiftLeft(b);
        }
        BigInteger p10 = POW10.computeIfAbsent(sc, k -> BigInteger.TEN.pow(k));
        BigInteger[] qr = u.shiftLeft(b).divideAndRemainder(p10);
        // floor for negative values too
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** v·2^-b as an apfloat with {@code precision} digits (v·5^b·10^-b, rounded in BigDecimal). */
    public static Apfloat toApfloat(BigInteger v, int b, long precision) {
        if (v.signum() == 0) {
            return Apfloat.ZERO;
        }
        BigInteger p5 = POW5.computeIfAbsent(b, k -> BigInteger.valueOf(5).pow(k));
        BigDecimal d = new BigDecimal(v.multiply(p5), b).round(new MathContext((int) Math.min(precision, 1 << 30)));
        return new Apfloat(d, precision);
    }

    /** ln 2 to b bits: one cached value at the largest precision asked so far, shifted down. */
    public static BigInteger ln2(int b) {
        BigInteger[] c = ln2Cache;
        if (c != null && c[1].intValue() >= b) {
            return c[0].shiftRight(c[1].intValue() - b);
        }
        int top = Math.max(b, c == null ? 0 : 2 * c[1].intValue());
        // ln 2 = sum_{k>=1} 1/(k 2^k)
        int w = top + 32;
        BigInteger sum = BigInteger.ZERO;
        BigInteger pow = one(w);
        for (int k = 1; ; k++) {
            pow = pow.shiftRight(1);
            if (pow.signum() == 0) {
                break;
            }
            sum = sum.add(pow.divide(BigInteger.valueOf(k)));
        }
        ln2Cache = new BigInteger[] {sum.shiftRight(32), BigInteger.valueOf(top)};
        return ln2Cache[0].shiftRight(top - b);
    }

    private static volatile BigInteger[] ln2Cache;

    /**
     * e^x in fixed point: x = n ln2 + r, r/2^m by Taylor, then m squarings and a shift by n.
     * Absolute error a few units of 2^-b for results up to ~1; relative error of the same order for
     * larger results (the guard bits absorb the 2^m amplification of the squarings).
     */
    public static BigInteger exp(BigInteger x, int b) {
        double xd = toDouble(x, b);
        if (xd < -(b + 2) * 0.6931471805599453) {
            return BigInteger.ZERO;
        }
        long n = Math.round(xd / 0.6931471805599453);
        int m = Math.max(4, (int) Math.sqrt(b) / 2);
        int w = b + m + 24;
        BigInteger xw = x.shiftLeft(w - b);
        BigInteger r = xw.subtract(ln2(w).multiply(BigInteger.valueOf(n)));
        r = r.shiftRight(m);
        BigInteger one = one(w);
        BigInteger sum = one;
        BigInteger term = one;
        for (int k = 1; ; k++) {
            term = mul(term, r, w).divide(BigInteger.valueOf(k));
            if (term.signum() == 0) {
                break;
            }
            sum = sum.add(term);
        }
        for (int i = 0; i < m; i++) {
            sum = mul(sum, sum, w);
        }
        int shift = w - b - (int) n;
        return shift >= 0 ? sum.shiftRight(shift) : sum.shiftLeft(-shift);
    }

    /** π to b bits via apfloat (cached by apfloat itself). */
    public static BigInteger pi(int b) {
        return ofApfloat(ApfloatMath.pi((long) Math.ceil(b * 0.30103) + 10), b);
    }
}
