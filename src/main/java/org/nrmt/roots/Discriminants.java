package org.nrmt.roots;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;

/**
 * The discriminant in G of \( p(G; z) = \sum_{k=0}^{n} \sum_j c_{kj} G^k z^j \) as a polynomial in z,
 * computed exactly, and certified real roots of real polynomials.
 *
 * <p>\[ \operatorname{Disc}_G(p)(z) = \frac{(-1)^{n(n-1)/2}}{a_n(z)} \operatorname{Res}_G(p, \partial_G p),
 * \qquad a_k(z) = \sum_j c_{kj} z^j, \]
 * with the resultant the determinant of the (2n−1)×(2n−1) Sylvester matrix, whose entries are
 * polynomials in z, by fraction-free (Bareiss) elimination. All arithmetic is exact (finite
 * decimals, BigDecimal): every Bareiss division and the division by a_n are exact in the ring of
 * polynomials over the finite decimals. n is the largest k whose row is not identically zero (exact
 * degree drop in G). The degree in z is at most (2n−2)·max_k deg a_k; it equals \(\operatorname{Disc}
 * = a_n^{2n-2}\prod_{i<j}(G_i - G_j)^2\) wherever a_n(z) ≠ 0. See theory/roots.md §6.
 */
public final class Discriminants {

    private Discriminants() {}

    /**
     * Discriminant in G as a polynomial in z (increasing order), computed exactly and rounded
     * once to double.
     *
     * @param c c[k][j]: coefficient of G^k z^j; rows may differ in length; finite
     * @throws IllegalArgumentException naming the bad value (null, empty, non-finite, degree 0 in G)
     */
    public static double[] inZ(double[][] c) {
        if (c == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        BigDecimal[][] e = new BigDecimal[c.length][];
        for (int k = 0; k < c.length; k++) {
            if (c[k] == null) {
                throw new IllegalArgumentException("coefficient row c[" + k + "] must not be null, got null");
            }
            e[k] = new BigDecimal[c[k].length];
            for (int j = 0; j < c[k].length; j++) {
                if (!Double.isFinite(c[k][j])) {
                    throw new IllegalArgumentException(
                            "coefficient c[" + k + "][" + j + "] must be finite, got " + c[k][j]);
                }
                e[k][j] = new BigDecimal(c[k][j]);
            }
        }
        BigDecimal[] d = exactInZ(e);
        double[] out = new double[d.length];
        for (int j = 0; j < d.length; j++) {
            out[j] = d[j].doubleValue();
        }
        return out;
    }

    /**
     * Discriminant in G as a polynomial in z, computed exactly from the given apfloat values and
     * rounded once to {@code precision} digits. The exact value of an Apfloat is all its stored
     * digits ({@code x.precision(Apfloat.INFINITE)}), which can be more than {@code x.precision()}
     * shows.
     *
     * @param c c[k][j]: coefficient of G^k z^j, radix 10
     * @param precision output digits, >= 1
     */
    public static Apfloat[] inZ(Apfloat[][] c, long precision) {
        checkPrecision(precision);
        if (c == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        BigDecimal[][] e = new BigDecimal[c.length][];
        for (int k = 0; k < c.length; k++) {
            if (c[k] == null) {
                throw new IllegalArgumentException("coefficient row c[" + k + "] must not be null, got null");
            }
            e[k] = new BigDecimal[c[k].length];
            for (int j = 0; j < c[k].length; j++) {
                e[k][j] = toBigDecimal(c[k][j], "c[" + k + "][" + j + "]");
            }
        }
        BigDecimal[] d = exactInZ(e);
        Apfloat[] out = new Apfloat[d.length];
        for (int j = 0; j < d.length; j++) {
            out[j] = round(new Apfloat(d[j]), precision);
        }
        return out;
    }

    /**
     * The exact discriminant in G as a polynomial in z (trimmed: the last coefficient is nonzero;
     * empty if the discriminant vanishes identically, i.e. p has a repeated factor in G).
     */
    public static BigDecimal[] exactInZ(BigDecimal[][] c) {
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException(
                    "coefficients must not be empty, got " + (c == null ? "null" : "0 rows"));
        }
        BigDecimal[][] a = new BigDecimal[c.length][];
        int n = -1;
        for (int k = 0; k < c.length; k++) {
            if (c[k] == null) {
                throw new IllegalArgumentException("coefficient row c[" + k + "] must not be null, got null");
            }
            for (int j = 0; j < c[k].length; j++) {
                if (c[k][j] == null) {
                    throw new IllegalArgumentException(
                            "coefficient c[" + k + "][" + j + "] must not be null, got null");
                }
            }
            a[k] = ExactPolynomials.trim(c[k].clone());
            if (!ExactPolynomials.isZero(a[k])) {
                n = k;
            }
        }
        if (n < 1) {
            throw new IllegalArgumentException("degree in G must be >= 1 after dropping zero rows, got " + n);
        }
        if (n == 1) {
            return ExactPolynomials.ONE;
        }
        int size = 2 * n - 1;
        BigDecimal[][][] m = new BigDecimal[size][size][];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                m[i][j] = ExactPolynomials.ZERO;
            }
        }
        // Sylvester matrix, decreasing powers of G: n−1 rows of p, then n rows of p′
        for (int i = 0; i < n - 1; i++) {
            for (int t = 0; t <= n; t++) {
                m[i][i + t] = a[n - t];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < n; t++) {
                int k = n - t;
                m[n - 1 + i][i + t] = ExactPolynomials.scale(a[k], BigDecimal.valueOf(k));
            }
        }
        BigDecimal[] res = bareissDeterminant(m);
        BigDecimal[] disc = ExactPolynomials.exactDivide(res, a[n]);
        if (((long) n * (n - 1) / 2) % 2 != 0) {
            disc = ExactPolynomials.negate(disc);
        }
        return disc;
    }

    /** Bound on the degree in z: (2n − 2)·max_k deg a_k. */
    public static int degreeBound(int n, int maxDegreeInZ) {
        return (2 * n - 2) * maxDegreeInZ;
    }

    /**
     * Determinant of a matrix of polynomials by Bareiss' fraction-free elimination (row swaps on
     * zero pivots); each division is exact (Bareiss 1968, Sylvester's identity).
     */
    static BigDecimal[] bareissDeterminant(BigDecimal[][][] m) {
        int size = m.length;
        boolean negative = false;
        BigDecimal[] prev = ExactPolynomials.ONE;
        for (int k = 0; k < size - 1; k++) {
            if (ExactPolynomials.isZero(m[k][k])) {
                int r = k + 1;
                while (r < size && ExactPolynomials.isZero(m[r][k])) {
                    r++;
                }
                if (r == size) {
                    return ExactPolynomials.ZERO;
                }
                BigDecimal[][] t = m[k];
                m[k] = m[r];
                m[r] = t;
                negative = !negative;
            }
            for (int i = k + 1; i < size; i++) {
                for (int j = k + 1; j < size; j++) {
                    BigDecimal[] num = ExactPolynomials.subtract(
                            ExactPolynomials.multiply(m[i][j], m[k][k]), ExactPolynomials.multiply(m[i][k], m[k][j]));
                    m[i][j] = ExactPolynomials.exactDivide(num, prev);
                }
                m[i][k] = ExactPolynomials.ZERO;
            }
            prev = m[k][k];
        }
        BigDecimal[] det = m[size - 1][size - 1];
        return negative ? ExactPolynomials.negate(det) : det;
    }

    /**
     * The distinct real roots of a real polynomial, certified, ascending, each rounded to
     * {@code precision} digits. The polynomial is reduced exactly to its square-free part, whose
     * roots are found with {@link PolynomialRoots#of(Apcomplex[], long)}; a disk that meets the real
     * axis certifies a real root when it is isolated and its mirror image meets no other disk (the
     * conjugate of its unique root is then a root in the same disk, so equals it). The precision is
     * doubled until every disk meeting the real axis is certified.
     *
     * @throws ArithmeticException if even 8·precision + 200 digits cannot separate the roots
     */
    public static List<Apfloat> realRoots(Apfloat[] coefficients, long precision) {
        List<ApRoot> disks = realRootDisks(coefficients, precision);
        List<Apfloat> out = new ArrayList<>(disks.size());
        for (ApRoot r : disks) {
            out.add(round(r.value().real(), precision));
        }
        return out;
    }

    /**
     * The distinct real roots of a real polynomial with double coefficients (taken exactly),
     * certified at 30 digits (more if needed) and rounded to the nearest double, ascending.
     *
     * @throws IllegalArgumentException for null, empty, non-finite or all-zero coefficients
     */
    public static double[] realRoots(double[] coefficients) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        Apfloat[] c = new Apfloat[coefficients.length];
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(coefficients[k])) {
                throw new IllegalArgumentException("coefficient c[" + k + "] must be finite, got " + coefficients[k]);
            }
            c[k] = new Apfloat(new BigDecimal(coefficients[k]));
        }
        List<ApRoot> disks = realRootDisks(c, 30);
        double[] out = new double[disks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ApRoot.toDouble(disks.get(i).value().real());
        }
        return out;
    }

    /**
     * Certified disks (real centre, radius) of the distinct real roots, ascending; see
     * {@link #realRoots(Apfloat[], long)}. Each disk holds exactly one distinct root (of the
     * square-free part; its multiplicity in the input is not reported). An exact root at 0 has
     * radius 0.
     */
    public static List<ApRoot> realRootDisks(Apfloat[] coefficients, long precision) {
        checkPrecision(precision);
        if (coefficients == null || coefficients.length == 0) {
            throw new IllegalArgumentException(
                    "coefficients must not be empty, got " + (coefficients == null ? "null" : "length 0"));
        }
        BigDecimal[] p = new BigDecimal[coefficients.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = toBigDecimal(coefficients[k], "c[" + k + "]");
        }
        p = ExactPolynomials.trim(p);
        if (p.length == 0) {
            throw new IllegalArgumentException(
                    "coefficients must not all be zero, got " + coefficients.length + " zeros");
        }
        int zeros = 0;
        while (p[zeros].signum() == 0) {
            zeros++;
        }
        List<ApRoot> out = new ArrayList<>();
        if (zeros > 0) {
            out.add(new ApRoot(Apcomplex.ZERO, Apfloat.ZERO, true));
        }
        BigDecimal[] q = java.util.Arrays.copyOfRange(p, zeros, p.length);
        if (q.length > 1) {
            BigInteger[] f = ExactPolynomials.squareFree(ExactPolynomials.toPrimitiveIntegers(q));
            out.addAll(certifiedReal(f, precision));
        }
        out.sort(Comparator.comparing(r -> r.value().real()));
        return out;
    }

    private static List<ApRoot> certifiedReal(BigInteger[] f, long precision) {
        Apcomplex[] c = new Apcomplex[f.length];
        for (int k = 0; k < f.length; k++) {
            c[k] = new Apint(f[k]);
        }
        long maxDigits = 8 * precision + 200;
        String failure = null;
        for (long digits = precision; digits <= maxDigits; digits *= 2) {
            ApRootSet set = PolynomialRoots.of(c, digits);
            List<ApRoot> real = new ArrayList<>();
            failure = null;
            for (int i = 0; i < set.degree() && failure == null; i++) {
                ApRoot r = set.get(i);
                Apfloat im = ApfloatMath.abs(r.value().imag());
                if (im.compareTo(r.radius()) > 0) {
                    continue; // the disk misses the real axis
                }
                if (!r.isolated() || !mirrorIsClear(set, i)) {
                    failure = "disk at " + r.value() + " radius " + r.radius() + " (isolated=" + r.isolated() + ")";
                    break;
                }
                real.add(new ApRoot(new Apcomplex(r.value().real()), r.radius(), true));
            }
            if (failure == null) {
                return real;
            }
        }
        throw new ArithmeticException("cannot certify the real roots at " + maxDigits + " digits: " + failure);
    }

    /** Whether the mirror image of disk i is provably disjoint from every other disk. */
    private static boolean mirrorIsClear(ApRootSet set, int i) {
        ApRoot r = set.get(i);
        Apcomplex mirror = r.value().conj();
        for (int j = 0; j < set.degree(); j++) {
            if (j == i) {
                continue;
            }
            ApRoot o = set.get(j);
            long prec = Math.max(40, Math.min(o.value().precision(), 1_000_000));
            Apcomplex diff = mirror.subtract(o.value());
            Apfloat d = ApcomplexMath.abs(
                    new Apcomplex(diff.real().precision(prec), diff.imag().precision(prec)));
            Apfloat margin = ApfloatMath.scale(d.precision(20), -15);
            if (d.subtract(margin).compareTo(r.radius().add(o.radius())) <= 0) {
                return false;
            }
        }
        return true;
    }

    static BigDecimal toBigDecimal(Apfloat x, String name) {
        if (x == null) {
            throw new IllegalArgumentException("coefficient " + name + " must not be null, got null");
        }
        if (x.radix() != 10) {
            throw new IllegalArgumentException("coefficient " + name + " must be in radix 10, got radix " + x.radix());
        }
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // all stored digits: apfloat may keep more digits than x.precision() reports (0.25 − 1 at
        // precision 1 prints "-7e-1" but holds −0.75), and arithmetic on lifted values uses them all
        return new BigDecimal(x.precision(Apfloat.INFINITE).toString(false));
    }

    static Apfloat round(Apfloat x, long precision) {
        if (x.signum() == 0) {
            return Apfloat.ZERO;
        }
        return ApfloatMath.roundToPrecision(x, precision, RoundingMode.HALF_EVEN);
    }

    private static void checkPrecision(long precision) {
        if (precision < 1 || precision == Apfloat.INFINITE) {
            throw new IllegalArgumentException("precision must be a finite number of digits >= 1, got " + precision);
        }
    }
}
