package org.nrmt.roots;

import java.math.BigDecimal;
import org.apache.commons.math3.complex.Complex;

/** Test helper: exact coefficients of a_n ∏(x − r_i) for dyadic complex roots, in BigDecimal. */
final class ExactPoly {
    private ExactPoly() {}

    /** Coefficients (increasing order) as {re[], im[]} BigDecimal, computed exactly. */
    static BigDecimal[][] fromRoots(double[] rr, double[] ri, double lead) {
        int n = rr.length;
        BigDecimal[] cr = new BigDecimal[n + 1];
        BigDecimal[] ci = new BigDecimal[n + 1];
        for (int k = 0; k <= n; k++) {
            cr[k] = BigDecimal.ZERO;
            ci[k] = BigDecimal.ZERO;
        }
        cr[0] = new BigDecimal(lead);
        int deg = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal a = new BigDecimal(rr[i]);
            BigDecimal b = new BigDecimal(ri[i]);
            // multiply by (x − r): new_k = old_{k-1} − r·old_k
            for (int k = deg + 1; k >= 0; k--) {
                BigDecimal pr = k > 0 ? cr[k - 1] : BigDecimal.ZERO;
                BigDecimal pi = k > 0 ? ci[k - 1] : BigDecimal.ZERO;
                BigDecimal mr = a.multiply(cr[k]).subtract(b.multiply(ci[k]));
                BigDecimal mi = a.multiply(ci[k]).add(b.multiply(cr[k]));
                cr[k] = pr.subtract(mr);
                ci[k] = pi.subtract(mi);
            }
            deg++;
        }
        return new BigDecimal[][] {cr, ci};
    }

    /** The coefficients as doubles, or null if any is not exactly representable. */
    static Complex[] toDoubleExact(BigDecimal[][] c) {
        Complex[] out = new Complex[c[0].length];
        for (int k = 0; k < out.length; k++) {
            double re = c[0][k].doubleValue();
            double im = c[1][k].doubleValue();
            if (new BigDecimal(re).compareTo(c[0][k]) != 0 || new BigDecimal(im).compareTo(c[1][k]) != 0) {
                return null;
            }
            out[k] = new Complex(re, im);
        }
        return out;
    }
}
