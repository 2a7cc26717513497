package org.nrmt.spectrum;

/** A point mass of a spectral law: {@code mass} at {@code location}. */
public record Atom(double location, double mass) {}
