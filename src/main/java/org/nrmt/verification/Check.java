package org.nrmt.verification;

/**
 * One threshold test: {@code value ≤ limit} (an upper bound) or {@code value ≥ limit} (a lower
 * bound). A NaN value fails.
 *
 * @param metric  the threshold's name in scenarios.json (e.g. {@code ks})
 * @param value   what was measured
 * @param limit   the threshold
 * @param upper   true for value ≤ limit, false for value ≥ limit
 */
public record Check(String metric, double value, double limit, boolean upper) {

    public static Check atMost(String metric, double value, double limit) {
        return new Check(metric, value, limit, true);
    }

    public static Check atLeast(String metric, double value, double limit) {
        return new Check(metric, value, limit, false);
    }

    public boolean passed() {
        return upper ? value <= limit : value >= limit;
    }

    /** "ks = 0.0041 ≤ 0.006" for the report. */
    public String describe() {
        return metric + " = " + Report.fmt(value, 3) + (upper ? " ≤ " : " ≥ ") + Report.fmt(limit, 3);
    }
}
