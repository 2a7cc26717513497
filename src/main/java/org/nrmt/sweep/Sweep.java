package org.nrmt.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a sweep into its directory (theory/sweeps.md): opens and locks the directory, runs the
 * tasks its manifest lacks on {@code engine}, records each completed row as it arrives and
 * rewrites the result tables from the manifest at the end, also when tasks failed or the engine
 * stopped.
 */
public final class Sweep {
    private Sweep() {}

    /** What a run did. */
    public record Summary(int tasks, int skipped, int completed, List<TaskOutcome> failures) {
        public Summary {
            failures = List.copyOf(failures);
        }
    }

    /** Progress of a run: called once before the first task and after each task. */
    public interface Listener {
        void progress(int done, int total, int skipped);
    }

    /** Runs {@code spec} into {@code dir} on {@code engine}. */
    public static Summary run(SweepSpec spec, Path dir, SweepEngine engine, Listener listener) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(listener, "listener");
        try (SweepDirectory d = SweepDirectory.open(dir, spec)) {
            List<SweepTask> pending = d.pending();
            int total = d.taskCount();
            int skipped = total - pending.size();
            List<TaskOutcome> failures = new ArrayList<>();
            int[] completed = {0};
            listener.progress(skipped, total, skipped);
            try {
                if (!pending.isEmpty()) {
                    engine.run(pending, spec.histogram(), o -> {
                        synchronized (failures) {
                            if (o.failed()) {
                                failures.add(o);
                            } else {
                                d.record(o);
                                completed[0]++;
                            }
                            listener.progress(d.doneCount() + failures.size(), total, skipped);
                        }
                    });
                }
            } finally {
                d.writeResults();
            }
            return new Summary(total, skipped, completed[0], failures);
        }
    }
}
