package org.nrmt.roots;

import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * All roots of a polynomial as inclusion disks, one per root counted with multiplicity.
 *
 * <p>{@code degree} is the degree after dropping leading coefficients that are exactly zero; it is
 * therefore the degree of the polynomial as given, an upper bound on the degree of any nearby
 * polynomial (see {@code theory/roots.md} §4). {@code roots.size() == degree}.
 *
 * @param roots the inclusion disks (an unmodifiable copy)
 * @param degree the degree after exact degree drop
 */
public record RootSet(List<Root> roots, int degree) {

    public RootSet {
        roots = List.copyOf(roots);
        if (roots.size() != degree) {
            throw new IllegalArgumentException("root count must equal degree " + degree + ", got " + roots.size());
        }
    }

    /** Number of disks certified to hold exactly one root. */
    public int isolatedCount() {
        int k = 0;
        for (Root r : roots) {
            if (r.isolated()) {
                k++;
            }
        }
        return k;
    }

    /** Whether every root is certified simple and isolated. */
    public boolean allIsolated() {
        return isolatedCount() == degree;
    }

    /** The root at index {@code i}. */
    public Root get(int i) {
        return roots.get(i);
    }

    /**
     * Index of the disk whose centre is nearest to {@code z} (for matching a predicted value to a
     * root; check {@link Root#contains} and {@link Root#isolated} for the proof), −1 for degree 0.
     */
    public int nearestIndex(Complex z) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < roots.size(); i++) {
            Complex v = roots.get(i).value();
            double dist = Math.hypot(v.getReal() - z.getReal(), v.getImaginary() - z.getImaginary());
            if (dist < bestDistance) {
                best = i;
                bestDistance = dist;
            }
        }
        return best;
    }

    /** The largest inclusion radius, 0 for degree 0. */
    public double maxRadius() {
        double m = 0;
        for (Root r : roots) {
            m = Math.max(m, r.radius());
        }
        return m;
    }
}
