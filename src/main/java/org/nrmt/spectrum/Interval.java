package org.nrmt.spectrum;

/** A closed interval [lo, hi] of the real line, lo ≤ hi. */
public record Interval(double lo, double hi) {
    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }

    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    public double length() {
        return hi - lo;
    }
}
