package org.nrmt.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * One unit of work of a sweep: trial {@code trial} of grid point {@code point}, drawn from the
 * streams {@code TrialSeeds.generator(seed, trial, k)}: exactly trial t of {@code nrmt compare
 * --seed seed --trials T} at that point, so pooling a point's T rows' eigenvalues is compare's
 * sample (theory/sweeps.md §2).
 *
 * @param index position in the SPEC's task order (rows are written in this order)
 * @param point the grid point
 * @param trial trial number, 0 ≤ trial &lt; trials
 * @param seed  the SPEC's seed
 */
public record SweepTask(int index, GridPoint point, int trial, long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepTask {
        Objects.requireNonNull(point, "point");
        if (index < 0) throw new IllegalArgumentException("task index must be >= 0, got " + index);
        if (trial < 0) throw new IllegalArgumentException("trial must be >= 0, got " + trial);
    }

    /** The task's identity in the manifest: the point's key, the trial and the seed. */
    public String id() {
        return point.key() + ",trial=" + trial + ",seed=" + seed;
    }
}
