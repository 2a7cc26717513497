package org.nrmt.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent trials of {@link SimulationSpec}: trial t draws from
 * the streams {@link TrialSeeds#generator(long, int, long) TrialSeeds.generator(seed, t, k)}, so the
 * eigenvalues of each trial depend on (seed, t) only, bit for bit, whatever the thread count.
 * Up to {@code threads} trials run at once, each calling single-threaded OpenBLAS; with fewer
 * trials than threads the spare threads share each trial's sampling and activation.
 *
 * <p>Before anything is allocated the memory of the concurrent trials is checked against the
 * solver's budget; a size that cannot fit is refused with the memory it needs.
 *
 * @param solver  the linear-algebra backend
 * @param threads trials run at once, ≥ 1
 */
public record Simulator(EigenSolver solver, int threads) {

    public Simulator {
        Objects.requireNonNull(solver, "solver");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Trials run at once for {@code trials} trials. */
    public int concurrency(int trials) {
        return Math.min(threads, trials);
    }

    /**
     * Refuses up front a run whose concurrent trials cannot fit.
     *
     * @throws InsufficientMemoryException naming the memory needed and available
     */
    public void checkMemory(SimulationSpec spec, int trials) {
        int concurrent = concurrency(trials);
        long need;
        try {
            need = Math.multiplyExact(solver.bytesPerTrial(spec), (long) concurrent);
        } catch (ArithmeticException e) {
            need = Long.MAX_VALUE;
        }
        long have = solver.availableBytes();
        if (need > have) {
            throw new InsufficientMemoryException(spec.shapeLabel() + " needs "
                    + InsufficientMemoryException.bytes(need) + " of " + solver.memoryKind() + " ("
                    + concurrent + " concurrent trial(s) of "
                    + InsufficientMemoryException.bytes(solver.bytesPerTrial(spec))
                    + ") but " + InsufficientMemoryException.bytes(have) + " is available, got n1 = " + spec.n1());
        }
    }

    /** Runs {@code trials} trials; {@code progress} receives the number of finished trials. */
    public SimulationResult run(
            SimulationSpec spec, CenteredActivation activation, int trials, long seed, IntConsumer progress) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(activation, "activation");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        checkMemory(spec, trials);
        long start = System.nanoTime();
        double[][] out = new double[trials][];
        int concurrent = concurrency(trials);
        // Spare threads split the column work (sampling, activation) of the running trials.
        int parallelism = Math.max(1, threads / concurrent);
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // At most `concurrent` trials in flight: each trial's matrices are budgeted once.
            Semaphore slots = new Semaphore(concurrent);
            List<ForkJoinTask<?>> futures = new ArrayList<>(trials);
            for (int t = 0; t < trials; t++) {
                final int trial = t;
                slots.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        out[trial] = solver.sampleEigenvalues(spec, activation, seed, trial, parallelism);
                        progress.accept(done.incrementAndGet());
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (ForkJoinTask<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new SimulationResult(spec, seed, solver.name(), seconds, out);
    }

    /**
     * The bias values trial {@code trial} of {@code seed} draws (n1 for neuron, m for sample, one
     * for scalar, none without bias), σb·N(0,1) each, as used by the sample.
     */
    public static double[] biasValues(SimulationSpec spec, long seed, int trial) {
        return new TrialSampler(seed, trial, 1).bias(spec);
    }

    /** {@link #run(SimulationSpec, CenteredActivation, int, long, IntConsumer)} without progress. */
    public SimulationResult run(SimulationSpec spec, CenteredActivation activation, int trials, long seed) {
        return run(spec, activation, trials, seed, k -> {});
    }
}
