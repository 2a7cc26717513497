package org.nrmt.constants;

/**
 * Double-precision Gaussian constants (see {@link GaussianConstants}): mean, η (variance),
 * ζ = linear², linear = E[Z f(sZ + b)], and the estimated absolute error of mean, η, ζ.
 */
public record DoubleConstants(double mean, double eta, double zeta, double linear, double error) {}
