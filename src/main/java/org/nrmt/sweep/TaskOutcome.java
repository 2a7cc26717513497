package org.nrmt.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * What running a task gave: its row, or the failure that stopped it, with the wall-clock time and
 * where it ran (timings.csv; never part of the row).
 *
 * @param task    the task
 * @param row     the row, or null when the task failed
 * @param error   the failure ("ExceptionClass: message"), or null
 * @param seconds wall-clock seconds of the task (law, simulation, statistics)
 * @param engine  "local" or "spark"
 * @param worker  the thread or executor that ran it
 */
public record TaskOutcome(SweepTask task, SweepRow row, String error, double seconds, String engine, String worker)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TaskOutcome {
        Objects.requireNonNull(task, "task");
        if ((row == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome is a row or an error, got row " + row + " error " + error);
        }
    }

    public boolean failed() {
        return row == null;
    }
}
