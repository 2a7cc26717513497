package org.nrmt.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's pending tasks and hands each outcome to {@code sink} as soon as the task ends
 * (theory/sweeps.md §2): the sink appends completed rows to the manifest, so a run that is killed
 * loses only the tasks in flight. Engines differ in where tasks run, never in what a task computes.
 */
public interface SweepEngine {

    /** "local" or "spark", as written to timings.csv. */
    String name();

    /**
     * Runs {@code pending} (the SPEC's histogram is {@code histogram}, or null); returns when every
     * outcome has reached {@code sink}. A failing task is an outcome, not an exception.
     */
    void run(List<SweepTask> pending, SweepSpec.Histogram histogram, Consumer<TaskOutcome> sink);
}
