package org.nrmt.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;

/**
 * The verification harness (theory/verification-harness.md): runs scenarios in parallel (one
 * OpenBLAS thread per task), then the timing scenarios one after another so that they do not
 * compete with each other, and collects the results in file order.
 *
 * <pre>{@code
 * ScenarioSet set = ScenarioSet.load(Path.of("verification/scenarios.json")).select(List.of(), true);
 * VerificationRun run = Verification.withDefaults().run(set, "nrmt verify --fast");
 * Report.of(run).write(Path.of("verification"));
 * }</pre>
 *
 * @param parallelism scenarios run at once, ≥ 1
 * @param backend     the eigen solver backend
 * @param progress    receives one line per finished scenario (and solver notices)
 */
public record Verification(int parallelism, Backend backend, Consumer<String> progress) {

    public Verification {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(progress, "progress");
    }

    /** One task per available core, native backend, silent. */
    public static Verification withDefaults() {
        return new Verification(Runtime.getRuntime().availableProcessors(), Backend.native_, s -> {});
    }

    public Verification withParallelism(int p) {
        return new Verification(p, backend, progress);
    }

    public Verification withProgress(Consumer<String> p) {
        return new Verification(parallelism, backend, p);
    }

    public Verification withBackend(Backend b) {
        return new Verification(parallelism, b, progress);
    }

    /** Runs every scenario of {@code set}; {@code command} is quoted in the report. */
    public VerificationRun run(ScenarioSet set, String command, boolean fast) {
        long start = System.nanoTime();
        EigenSolver solver = EigenSolvers.forBackend(backend, progress);
        List<Scenario> all = set.scenarios();
        ScenarioResult[] results = new ScenarioResult[all.size()];
        AtomicInteger done = new AtomicInteger();
        List<Integer> parallel = new ArrayList<>();
        List<Integer> sequential = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (all.get(i).kind() == ScenarioKind.timing ? sequential : parallel).add(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "nrmt-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            // Longest first would balance better, but file order keeps progress lines readable.
            for (int i : parallel) {
                futures.add(pool.submit(() -> {
                    results[i] = new ScenarioRunner(solver).run(all.get(i));
                    announce(results[i], done.incrementAndGet(), all.size());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario task failed outside its runner", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i : sequential) {
            results[i] = new ScenarioRunner(solver).run(all.get(i));
            announce(results[i], done.incrementAndGet(), all.size());
        }
        return new VerificationRun(command, set, fast, List.of(results), (System.nanoTime() - start) * 1e-9);
    }

    private void announce(ScenarioResult r, int k, int n) {
        String verdict = r.passed()
                ? (r.checks().isEmpty() && r.error() == null ? "reported" : "pass")
                : "MISS (" + String.join("; ", r.misses()) + ")";
        progress.accept("[" + k + "/" + n + "] " + r.scenario().name() + ": " + verdict + " ("
                + Report.fmt(r.seconds(), 3) + " s)");
    }
}
