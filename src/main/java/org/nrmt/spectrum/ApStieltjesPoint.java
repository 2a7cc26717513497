package org.nrmt.spectrum;

import org.apfloat.Apcomplex;

/**
 * G at one point in apfloat, with its certificate: exactly one root of the quartic lies within
 * {@code radius} of {@code g}, and it is the continuation of the physical branch from ∞.
 *
 * @param z          the point
 * @param g          G(z) (null when not certified)
 * @param certified  whether the branch was certified
 * @param radius     inclusion radius of g (absolute)
 * @param digitsUsed working precision in decimal digits
 * @param separation lower bound on the distance to the other roots
 */
public record ApStieltjesPoint(
        Apcomplex z, Apcomplex g, boolean certified, double radius, int digitsUsed, double separation) {}
