package org.nrmt.simulation;

/**
 * The readings of an additive rank-one Gaussian bias Y = f(WX + B), see {@code theory/bias.md}:
 * {@code neuron}: B = b 1ᵀ with b_i ~ N(0, σb²); {@code sample}: B = 1 βᵀ with β_μ ~ N(0, σb²);
 * {@code scalar}: B = β 11ᵀ with one β ~ N(0, σb²). Lower-case names are the CLI's words.
 */
public enum BiasKind {
    none,
    neuron,
    sample,
    scalar
}
