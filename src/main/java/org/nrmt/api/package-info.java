/**
 * The in-process facade for other languages (the Python package {@code nrmt} calls it through
 * JPype): plain arguments in — decimal strings for the numbers a user types, so they stay exact,
 * ints, longs, double arrays for the points — and primitive or string arrays out, one Java call per
 * array. Every law, simulation and statistic comes from {@link org.nrmt.model} and the
 * simulation and comparison classes; nothing here computes them again. Bad input is an {@link
 * java.lang.IllegalArgumentException} whose one-line message ends in ", got &lt;value&gt;".
 */
package org.nrmt.api;
