package org.nrmt.roots;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact univariate polynomial arithmetic (coefficients in increasing order, trimmed so the last
 * is nonzero; the zero polynomial is the empty array). BigDecimal coefficients stay finite
 * decimals because only ring operations and exact divisions are used; BigInteger polynomials serve
 * the primitive gcd. See theory/roots.md §6.
 */
final class ExactPolynomials {

    static final BigDecimal[] ZERO = new BigDecimal[0];
    static final BigDecimal[] ONE = {BigDecimal.ONE};

    private ExactPolynomials() {}

    static BigDecimal[] trim(BigDecimal[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1].signum() == 0) {
            n--;
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    static boolean isZero(BigDecimal[] a) {
        return a.length == 0;
    }

    static BigDecimal[] add(BigDecimal[] a, BigDecimal[] b) {
        int n = Math.max(a.length, b.length);
        BigDecimal[] c = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            BigDecimal x = k < a.length ? a[k] : BigDecimal.ZERO;
            BigDecimal y = k < b.length ? b[k] : BigDecimal.ZERO;
            c[k] = x.add(y);
        }
        return trim(c);
    }

    static BigDecimal[] negate(BigDecimal[] a) {
        BigDecimal[] c = new BigDecimal[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].negate();
        }
        return c;
    }

    static BigDecimal[] subtract(BigDecimal[] a, BigDecimal[] b) {
        return add(a, negate(b));
    }

    static BigDecimal[] multiply(BigDecimal[] a, BigDecimal[] b) {
        if (a.length == 0 || b.length == 0) {
            return ZERO;
        }
        BigDecimal[] c = new BigDecimal[a.length + b.length - 1];
        Arrays.fill(c, BigDecimal.ZERO);
        for (int i = 0; i < a.length; i++) {
            if (a[i].signum() == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                c[i + j] = c[i + j].add(a[i].multiply(b[j]));
            }
        }
        return trim(c);
    }

    static BigDecimal[] scale(BigDecimal[] a, BigDecimal s) {
        BigDecimal[] c = new BigDecimal[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].multiply(s);
        }
        return trim(c);
    }

    /**
     * a / b when b divides a exactly (the Bareiss and discriminant divisions). Each quotient
     * coefficient is a finite decimal, so BigDecimal.divide is exact; a nonzero remainder or a
     * non-terminating quotient means the precondition failed and is reported.
     */
    static BigDecimal[] exactDivide(BigDecimal[] a, BigDecimal[] b) {
        if (b.length == 0) {
            throw new ArithmeticException("division by the zero polynomial");
        }
        if (a.length == 0) {
            return ZERO;
        }
        if (a.length < b.length) {
            throw new ArithmeticException(
                    "inexact polynomial division: degree " + (a.length - 1) + " by " + (b.length - 1));
        }
        BigDecimal[] r = a.clone();
        BigDecimal[] q = new BigDecimal[a.length - b.length + 1];
        BigDecimal lead = b[b.length - 1];
        for (int k = q.length - 1; k >= 0; k--) {
            BigDecimal c = r[k + b.length - 1].divide(lead);
            q[k] = c;
            if (c.signum() != 0) {
                for (int j = 0; j < b.length; j++) {
                    r[k + j] = r[k + j].subtract(c.multiply(b[j]));
                }
            }
        }
        for (BigDecimal x : r) {
            if (x.signum() != 0) {
                throw new ArithmeticException("inexact polynomial division: remainder " + x);
            }
        }
        return trim(q);
    }

    static BigDecimal evaluate(BigDecimal[] a, BigDecimal x) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = a.length - 1; k >= 0; k--) {
            s = s.multiply(x).add(a[k]);
        }
        return s;
    }

    // ---- integer polynomials, for the square-free part ----

    static BigInteger[] trim(BigInteger[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1].signum() == 0) {
            n--;
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** The integer polynomial 10^s · a (s the largest scale among a's coefficients), made primitive. */
    static BigInteger[] toPrimitiveIntegers(BigDecimal[] a) {
        int s = 0;
        for (BigDecimal x : a) {
            s = Math.max(s, x.stripTrailingZeros().scale());
        }
        BigInteger[] c = new BigInteger[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].movePointRight(s).toBigIntegerExact();
        }
        return primitive(c);
    }

    static BigInteger[] primitive(BigInteger[] a) {
        a = trim(a);
        BigInteger g = BigInteger.ZERO;
        for (BigInteger x : a) {
            g = g.gcd(x);
        }
        if (g.signum() == 0 || g.equals(BigInteger.ONE)) {
            return a;
        }
        BigInteger[] c = new BigInteger[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].divide(g);
        }
        return c;
    }

    static BigInteger[] derivative(BigInteger[] a) {
        if (a.length <= 1) {
            return new BigInteger[0];
        }
        BigInteger[] c = new BigInteger[a.length - 1];
        for (int k = 1; k < a.length; k++) {
            c[k - 1] = a[k].multiply(BigInteger.valueOf(k));
        }
        return trim(c);
    }

    /** Pseudo-division lc(b)^e a = q b + r; returns {q, r}. */
    static BigInteger[][] pseudoDivide(BigInteger[] a, BigInteger[] b) {
        int db = b.length - 1;
        BigInteger lb = b[db];
        BigInteger[] r = a.clone();
        int dr = r.length - 1;
        BigInteger[] q = new BigInteger[Math.max(0, dr - db + 1)];
        Arrays.fill(q, BigInteger.ZERO);
        while (dr >= db && dr >= 0) {
            BigInteger lr = r[dr];
            int shift = dr - db;
            for (int k = 0; k < q.length; k++) {
                q[k] = q[k].multiply(lb);
            }
            q[shift] = q[shift].add(lr);
            for (int k = 0; k <= dr; k++) {
                r[k] = r[k].multiply(lb);
            }
            for (int j = 0; j <= db; j++) {
                r[j + shift] = r[j + shift].subtract(lr.multiply(b[j]));
            }
            r = trim(r);
            dr = r.length - 1;
        }
        return new BigInteger[][] {trim(q), r};
    }

    /** gcd by the primitive polynomial remainder sequence (exact over Z, content removed each step). */
    static BigInteger[] gcd(BigInteger[] a, BigInteger[] b) {
        a = primitive(a);
        b = primitive(b);
        if (a.length < b.length) {
            BigInteger[] t = a;
            a = b;
            b = t;
        }
        while (b.length > 0) {
            BigInteger[] r = pseudoDivide(a, b)[1];
            a = b;
            b = primitive(r);
        }
        return primitive(a);
    }

    /** The square-free part f / gcd(f, f′), primitive: same roots as f, all simple. */
    static BigInteger[] squareFree(BigInteger[] f) {
        BigInteger[] g = gcd(f, derivative(f));
        if (g.length <= 1) {
            return primitive(f);
        }
        BigInteger[][] qr = pseudoDivide(f, g);
        if (qr[1].length != 0) {
            throw new ArithmeticException(
                    "gcd does not divide the polynomial: remainder of degree " + (qr[1].length - 1));
        }
        return primitive(qr[0]);
    }
}
