package org.nrmt.roots;

import java.util.List;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;

/**
 * All roots of a polynomial as apfloat inclusion disks, one per root counted with multiplicity.
 * {@code degree} is the degree after dropping exactly-zero leading coefficients (an upper bound for
 * perturbed inputs; theory/roots.md §4). {@code precision} is the requested number of digits.
 *
 * @param roots the inclusion disks (an unmodifiable copy)
 * @param degree the degree after exact degree drop
 */
public record ApRootSet(List<ApRoot> roots, int degree) {

    public ApRootSet {
        roots = List.copyOf(roots);
        if (roots.size() != degree) {
            throw new IllegalArgumentException("root count must equal degree " + degree + ", got " + roots.size());
        }
    }

    /** Number of disks certified to hold exactly one root. */
    public int isolatedCount() {
        int k = 0;
        for (ApRoot r : roots) {
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

    /** Index of the disk whose centre is nearest to {@code z}, −1 for degree 0. */
    public int nearestIndex(Apcomplex z) {
        int best = -1;
        Apfloat bestDistance = null;
        for (int i = 0; i < roots.size(); i++) {
            Apcomplex diff = z.subtract(roots.get(i).value());
            Apfloat dist = ApcomplexMath.norm(diff);
            if (bestDistance == null || dist.compareTo(bestDistance) < 0) {
                best = i;
                bestDistance = dist;
            }
        }
        return best;
    }

    /**
     * The disks rounded outward to double (centres to the nearest double, radii enlarged by the
     * conversion error); isolation flags are recomputed, so a disk may lose isolation in double.
     */
    public RootSet toDouble() {
        java.util.List<Root> out = new java.util.ArrayList<>(roots.size());
        for (ApRoot r : roots) {
            out.add(r.toDouble());
        }
        double[] zr = new double[out.size()];
        double[] zi = new double[out.size()];
        double[] rad = new double[out.size()];
        for (int i = 0; i < out.size(); i++) {
            zr[i] = out.get(i).value().getReal();
            zi[i] = out.get(i).value().getImaginary();
            rad[i] = out.get(i).radius();
        }
        boolean[] iso = DoubleAberth.isolation(zr, zi, rad, out.size());
        java.util.List<Root> flagged = new java.util.ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            flagged.add(new Root(out.get(i).value(), rad[i], iso[i]));
        }
        return new RootSet(flagged, degree);
    }

    /** The root at index {@code i}. */
    public ApRoot get(int i) {
        return roots.get(i);
    }
}
