/**
 * Certified polynomial roots and discriminants.
 *
 * <p>{@link org.nrmt.roots.PolynomialRoots} finds all complex roots with rigorous inclusion disks
 * (Aberth–Ehrlich iteration, Braess–Hadeler inclusion theorem), in double and apfloat.
 * {@link org.nrmt.roots.Discriminants} computes the discriminant of a polynomial in G whose
 * coefficients are polynomials in z, exactly, and certifies real roots. Theory and proofs:
 * {@code theory/roots.md}. References: O. Aberth, Math. Comp. 27 (1973) 339–344; D. A. Bini,
 * Numer. Algorithms 13 (1996) 179–200; D. Braess and K. P. Hadeler, Numer. Math. 21 (1973) 161–165;
 * N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM 2002, §5.1.
 */
package org.nrmt.roots;
