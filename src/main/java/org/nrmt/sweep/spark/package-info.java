/**
 * The Spark engine of {@code nrmt sweep} (theory/sweeps.md §5): the tasks as one Spark job, in a
 * JVM of its own that has Spark's jars and Java 17 module options. Only this package references
 * Spark, and only a JVM started by {@link org.nrmt.sweep.spark.SparkProcess} (or spark-submit)
 * loads it.
 */
package org.nrmt.sweep.spark;
