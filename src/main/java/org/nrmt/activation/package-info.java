/**
 * The activation expression language of the CLI ({@code --activation EXPR}): parsing into an
 * immutable {@link org.nrmt.activation.Expr} tree, evaluation in double (a compiled closure) and in
 * apfloat at any precision, symbolic derivatives, and the non-smooth points that the
 * Gaussian-constants engine uses as quadrature breakpoints. Theory: theory/activations.md.
 *
 * <p>References: M. Abramowitz and I. Stegun, Handbook of Mathematical Functions (1964), 7.1.6
 * (the erf series) and 7.1.23 (the erfc asymptotic series).
 */
package org.nrmt.activation;
