/**
 * Quadrature rules with level doubling and honest error estimates: tanh-sinh on a finite interval
 * (apfloat and double) and the uniform-grid trapezoidal rule on a truncated line (apfloat and
 * double). Each rule only generates nodes; {@code LevelErrorEstimator} owns the convergence test.
 *
 * <p>References: H. Takahasi, M. Mori, "Double exponential formulas for numerical integration",
 * Publ. RIMS 9 (1974) 721–741; D. H. Bailey, K. Jeyabalan, X. S. Li, "A comparison of three
 * high-precision quadrature schemes", Exp. Math. 14 (2005) 317–329; L. N. Trefethen,
 * J. A. C. Weideman, "The exponentially convergent trapezoidal rule", SIAM Review 56 (2014)
 * 385–458, Thm 5.1. Theory: theory/gaussian-constants.md.
 */
package org.nrmt.quadrature;
