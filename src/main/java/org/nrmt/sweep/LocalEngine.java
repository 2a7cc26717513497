package org.nrmt.sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.Simulator;

/**
 * The default engine: a pool of {@code workers} threads, each running one task at a time on one
 * OpenBLAS thread (parallel tasks instead of parallel BLAS: on shared cores competing BLAS threads
 * lose 5–8×). Before the first task the memory of {@code workers} concurrent copies of the largest
 * pending task is checked against the solver's budget.
 */
public final class LocalEngine implements SweepEngine {
    private final TaskRunner runner;
    private final EigenSolver solver;
    private final int workers;

    /** An engine of {@code workers} ≥ 1 threads on {@code solver}. */
    public LocalEngine(EigenSolver solver, int workers) {
        if (workers < 1) throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
        this.solver = Objects.requireNonNull(solver, "solver");
        this.runner = new TaskRunner(solver);
        this.workers = workers;
    }

    @Override
    public String name() {
        return "local";
    }

    /**
     * Refuses, before any work, a pool whose concurrent tasks cannot fit: {@code workers} copies of
     * the pending task with the largest peak memory.
     */
    public void checkMemory(List<SweepTask> pending) {
        if (pending.isEmpty()) return;
        SweepTask largest = pending.stream()
                .max(Comparator.comparingLong(
                        t -> solver.bytesPerTrial(t.point().simulationSpec())))
                .orElseThrow();
        new Simulator(solver, workers).checkMemory(largest.point().simulationSpec(), pending.size());
    }

    @Override
    public void run(List<SweepTask> pending, SweepSpec.Histogram histogram, Consumer<TaskOutcome> sink) {
        checkMemory(pending);
        AtomicInteger threadNo = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sweep-worker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, pending.size())), threads);
        try {
            List<Future<?>> futures = pending.stream()
                    .<Future<?>>map(task -> pool.submit(() -> sink.accept(runner.run(
                            task, histogram, name(), Thread.currentThread().getName()))))
                    .toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            // the sink failed (e.g. the manifest cannot be written): stop at once
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
