package org.nrmt.roots;

import org.apache.commons.math3.complex.Complex;

/**
 * A closed disk \(D(\text{value}, \text{radius})\) proven to contain at least one root of a polynomial.
 *
 * <p>{@code isolated} means the disk is disjoint from every other disk of its {@link RootSet}; by the
 * Braess–Hadeler inclusion theorem it then holds exactly one root, counted with multiplicity (a simple
 * root). A disk that is not isolated belongs to a cluster of k overlapping disks holding k roots
 * together; nothing is claimed about which. See {@code theory/roots.md} §2.
 *
 * @param value the centre (an approximation of the root)
 * @param radius an upper bound on the distance from the centre to a root; {@code +Infinity} if
 *     nothing could be proven (for example an overflowing root)
 * @param isolated whether the disk is certified to contain exactly one root
 */
public record Root(Complex value, double radius, boolean isolated) {

    public Root {
        if (value == null) {
            throw new IllegalArgumentException("root value must not be null, got null");
        }
        if (!(radius >= 0)) {
            throw new IllegalArgumentException("root radius must be >= 0, got " + radius);
        }
    }

    /** Whether {@code z} lies in the closed disk, with the distance rounded down (so never falsely false). */
    public boolean contains(Complex z) {
        double d = Math.hypot(z.getReal() - value.getReal(), z.getImaginary() - value.getImaginary());
        return d * (1 - 4 * DoubleRounding.U) <= radius;
    }
}
