package org.nrmt.spectrum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

    /** The union of the intervals as disjoint sorted intervals (overlapping or touching ones merged). */
    public static List<Interval> union(Collection<Interval> intervals) {
        List<Interval> all = new ArrayList<>(intervals);
        all.sort(Comparator.comparingDouble(Interval::lo));
        List<Interval> out = new ArrayList<>();
        for (Interval iv : all) {
            if (!out.isEmpty() && iv.lo() <= out.get(out.size() - 1).hi()) {
                Interval last = out.remove(out.size() - 1);
                out.add(new Interval(last.lo(), Math.max(last.hi(), iv.hi())));
            } else {
                out.add(iv);
            }
        }
        return List.copyOf(out);
    }
}
