/**
 * Sweeps (theory/sweeps.md): a SPEC's grid of activations × sizes × ratios × biases × trials, each
 * task trial t of {@code nrmt compare} at its point, run resumably into a directory (manifest of
 * completed tasks, CSV and Parquet tables rebuilt from it) on a local thread pool
 * ({@link org.nrmt.sweep.LocalEngine}) or as an Apache Spark job ({@link org.nrmt.sweep.spark}).
 * Depends on model, simulation and spectrum; nothing below imports it.
 */
package org.nrmt.sweep;
