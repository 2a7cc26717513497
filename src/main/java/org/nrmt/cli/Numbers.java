package org.nrmt.cli;

import java.math.BigDecimal;
import org.apfloat.Apfloat;

/** Plain decimal strings for csv/json (../shared/cli.md): no exponents, full requested precision. */
public final class Numbers {

    private Numbers() {}

    /** The shortest decimal that round-trips the double, in plain notation; NaN/∞ are refused. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("non-finite number in output: " + v);
        }
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s;
    }

    /** An apfloat rounded to {@code digits} significant digits, in plain notation. */
    public static String plain(Apfloat v, long digits) {
        if (v.signum() == 0) {
            return "0";
        }
        Apfloat r = v.precision(Math.max(1, Math.min(digits, v.precision())));
        return new BigDecimal(r.toString(true))
                .round(new java.math.MathContext((int) digits))
                .stripTrailingZeros()
                .toPlainString();
    }
}
