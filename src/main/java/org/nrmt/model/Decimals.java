package org.nrmt.model;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;

/**
 * Numbers as the decimals nrmt reports them, for every front end (the CLI prints them, the
 * in-process API hands them over): an apfloat cut to the digits asked, a double rounded to fewer
 * than its 16 digits. Plain notation, no trailing zeros.
 */
public final class Decimals {

    private Decimals() {}

    /**
     * An apfloat at {@code digits} significant digits: its digits beyond {@code digits} are dropped
     * (apfloat's {@code precision}), then the decimal is rounded half-up to {@code digits} digits.
     */
    public static String plain(Apfloat v, long digits) {
        if (v.signum() == 0) return "0";
        Apfloat r = v.precision(Math.max(1, Math.min(digits, v.precision())));
        return new BigDecimal(r.toString(true))
                .round(new MathContext((int) digits))
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A double rounded half-up (on its exact binary value) to {@code digits} significant digits;
     * at 16 or more digits the double itself.
     */
    public static double rounded(double v, int digits) {
        if (v == 0 || digits >= 16 || !Double.isFinite(v)) return v;
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
}
