package org.nrmt.roots;

import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;

/**
 * All complex roots of a polynomial \( p(x) = \sum_{k=0}^{n} c_k x^k \), each with a rigorous
 * inclusion disk.
 *
 * <p>Algorithm: Aberth–Ehrlich simultaneous iteration from Bini's Newton-polygon starting points,
 * Newton polishing, then the Braess–Hadeler inclusion theorem: the disks \(D(z_i, n|W_i|)\),
 * \(W_i = p(z_i)/(c_n\prod_{j\ne i}(z_i - z_j))\), contain all roots, and a connected component of
 * k disks holds exactly k roots. Rounding errors are bounded and the radii rounded up, so an
 * {@linkplain Root#isolated() isolated} disk is a proof that it holds exactly one (simple) root.
 * Clusters of close or multiple roots are reported as not isolated, never falsely certified.
 *
 * <p>Leading coefficients that are exactly zero lower the degree (so the degree is an upper bound
 * for perturbed inputs); trailing exact zeros give exact roots at 0 with radius 0. See
 * {@code theory/roots.md}.
 *
 * <pre>{@code
 * RootSet set = PolynomialRoots.of(coefficientsInG);          // c[0] + c[1] G + ... + c[4] G^4
 * int i = set.nearestIndex(predicted);
 * if (set.get(i).isolated() && set.get(i).contains(predicted)) { ... }  // proven: unique root
 * RootSet next = PolynomialRoots.of(nextCoefficients, centres);         // warm start, same indices
 * ApRootSet hi = PolynomialRoots.of(apCoefficients, 50);                // 50 digits
 * }</pre>
 *
 * <p>Apfloat inputs: the value of an Apfloat is all its stored digits. Apfloat rounds results to
 * the lowest operand precision ({@code new Apfloat("0.5")} has precision 1), so callers building
 * coefficients should give every input the working precision, e.g. {@code new Apfloat("0.5", 60)}.
 */
public final class PolynomialRoots {

    private PolynomialRoots() {}

    /**
     * Roots in double precision.
     *
     * @param coefficients c[0] + c[1] x + ... + c[n] x^n; finite, not all zero
     * @throws IllegalArgumentException naming the bad value for null, empty, non-finite or all-zero input
     */
    public static RootSet of(Complex[] coefficients) {
        return DoubleAberth.solve(coefficients);
    }

    /**
     * Roots in double precision, iterating from given approximations (for continuation: the roots at
     * a neighbouring point of a path or grid usually converge in one or two sweeps). The start only
     * affects speed and which approximation ends up at which index (index i stays near start[i] when
     * the steps are small); the certificate is the same as for {@link #of(Complex[])}. The start is
     * ignored (Bini's start used) unless it has one finite, distinct entry per root of the
     * degree-dropped polynomial and there are no exact zero roots.
     */
    public static RootSet of(Complex[] coefficients, Complex[] start) {
        return DoubleAberth.solve(coefficients, start);
    }

    /**
     * Roots at {@code precision} decimal digits (computed with {@value ApAberth#GUARD} guard digits;
     * radii rounded up to 20 digits). The coefficients are taken as exact.
     *
     * @param coefficients c[0] + c[1] x + ... + c[n] x^n; not all zero
     * @param precision decimal digits, finite and >= 1
     * @throws IllegalArgumentException naming the bad value
     */
    public static ApRootSet of(Apcomplex[] coefficients, long precision) {
        return ApAberth.solve(coefficients, precision);
    }

    /**
     * Roots at {@code precision} digits iterating from given approximations, e.g. the double roots
     * ({@code RootSet} centres) or a neighbouring point's roots; same rules as
     * {@link #of(Complex[], Complex[])}.
     */
    public static ApRootSet of(Apcomplex[] coefficients, long precision, Apcomplex[] start) {
        return ApAberth.solve(coefficients, precision, start);
    }

    /** Roots of a real polynomial in double precision; see {@link #of(Complex[])}. */
    public static RootSet ofReal(double... coefficients) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null, got null");
        }
        Complex[] c = new Complex[coefficients.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = new Complex(coefficients[k], 0);
        }
        return DoubleAberth.solve(c);
    }
}
