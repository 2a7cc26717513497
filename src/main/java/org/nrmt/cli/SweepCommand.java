package org.nrmt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.sweep.LocalEngine;
import org.nrmt.sweep.Sweep;
import org.nrmt.sweep.SweepDirectory;
import org.nrmt.sweep.SweepEngine;
import org.nrmt.sweep.SweepSpec;
import org.nrmt.sweep.TaskOutcome;
import org.nrmt.sweep.spark.SparkEngine;
import org.nrmt.sweep.spark.SparkProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt sweep SPEC --out DIR}: a resumable grid of compare runs (theory/sweeps.md). Each task
 * (grid point × trial) simulates, compares with the certified limit law and becomes one row of
 * DIR/results.csv and DIR/results.parquet; a rerun skips the tasks DIR's manifest already holds.
 * {@code --engine spark} runs the same tasks as an Apache Spark job in a JVM of its own.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Resumable parameter grid of theory-vs-simulation comparisons, locally or on Apache Spark.")
final class SweepCommand implements Callable<Integer> {

    enum Engine {
        local,
        spark
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The grid, a JSON file (README: Sweeps).")
    Path specFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Sweep directory: spec.json, manifest.jsonl, results.csv, results.parquet, timings.csv.")
    Path out;

    @Option(
            names = "--engine",
            paramLabel = "E",
            description = "local (a thread pool, default) or spark (an Apache Spark job).")
    Engine engine = Engine.local;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master, e.g. local[2] (embedded) or spark://host:7077 (default: local[N] "
                    + "with N = --workers, or the processors).")
    String master;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Tasks run at once, each on one BLAS thread (default: the number of processors).")
    Integer workers;

    @Option(names = "--quiet", description = "No progress bar (it is also off when stderr is not a terminal).")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (workers != null && workers < 1) throw new UserInputException("--workers must be >= 1", workers);
        if (master != null && engine != Engine.spark) {
            throw new UserInputException("--master needs --engine spark", master);
        }
        if (master != null && master.isBlank()) throw new UserInputException("--master must name a master", "''");
        SweepSpec sweep = SweepSpec.parse(readSpec());
        SweepDirectory.check(out, sweep);
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        SweepEngine eng;
        if (engine == Engine.local) {
            EigenSolver solver = EigenSolvers.forBackend(Backend.native_, msg -> {
                err.println("nrmt: " + msg);
                err.flush();
            });
            eng = new LocalEngine(solver, n);
        } else if (SparkProcess.canRunHere()) {
            SparkProcess.haltWithParent();
            boolean submitted = System.getProperty("spark.master") != null && master == null;
            eng = new SparkEngine(submitted ? null : master == null ? "local[" + n + "]" : master, shippedJars());
        } else {
            SparkProcess.sparkClasspath(); // refuses a build without Spark's jars before starting a JVM
            err.flush();
            stdout.flush();
            return SparkProcess.run(Main.class.getName(), childArgs(), master == null || master.startsWith("local"));
        }
        Progress bar = !quiet && System.console() != null ? new Progress(err) : null;
        Sweep.Summary s = Sweep.run(sweep, out, eng, (done, total, skipped) -> {
            if (bar != null) bar.update(done, total, skipped);
        });
        if (bar != null) bar.finish();
        stdout.printf(
                Locale.ROOT,
                "tasks      %d%nskipped    %d%ncompleted  %d%nfailed     %d%nengine     %s%nresults    %s, %s%n",
                s.tasks(),
                s.skipped(),
                s.completed(),
                s.failures().size(),
                eng.name(),
                out.resolve(SweepDirectory.CSV),
                out.resolve(SweepDirectory.PARQUET));
        stdout.flush();
        for (TaskOutcome f : s.failures()) {
            err.println("nrmt: task " + f.task().id() + " failed: " + f.error());
        }
        err.flush();
        // a failed task is nrmt's failure (the SPEC was checked before any work): exit 1, rerun retries it
        return s.failures().isEmpty() ? 0 : 1;
    }

    private String readSpec() {
        try {
            return Files.readString(specFile);
        } catch (NoSuchFileException e) {
            throw new UserInputException("SPEC file does not exist", specFile);
        } catch (IOException e) {
            throw new UserInputException("cannot read SPEC (" + e.getMessage() + ")", specFile);
        }
    }

    /** The same command for the Spark JVM. */
    private List<String> childArgs() {
        List<String> a = new ArrayList<>(List.of(
                "sweep",
                specFile.toAbsolutePath().toString(),
                "--out",
                out.toAbsolutePath().toString()));
        a.addAll(List.of("--engine", "spark"));
        if (master != null) a.addAll(List.of("--master", master));
        if (workers != null) a.addAll(List.of("--workers", workers.toString()));
        if (quiet) a.add("--quiet");
        if (debug) a.add("--debug");
        return a;
    }

    /** The jars of nrmt and its libraries, for a cluster's executors (not Spark's own, not under spark-submit). */
    private static List<String> shippedJars() {
        if (System.getProperty("spark.master") != null) return List.of();
        Set<String> spark;
        try {
            spark = new HashSet<>(SparkProcess.sparkClasspath());
        } catch (IllegalArgumentException e) {
            spark = Set.of();
        }
        List<String> jars = new ArrayList<>();
        for (String j : SparkProcess.ownJars()) {
            if (j.endsWith(".jar") && !spark.contains(j)) jars.add(j);
        }
        return jars;
    }

    /** A one-line progress bar with ETA on stderr, redrawn in place. */
    static final class Progress {
        private static final int WIDTH = 100;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private int first = -1;

        Progress(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(int done, int total, int skipped) {
            if (first < 0) first = done;
            double elapsed = (System.nanoTime() - start) * 1e-9;
            int ran = done - first;
            String eta = ran > 0 && done < total
                    ? String.format(Locale.ROOT, "  ETA %.0f s", elapsed / ran * (total - done))
                    : "";
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            // padded to a fixed width: a shorter line must cover the longer one it replaces
            err.print(String.format(
                    Locale.ROOT,
                    "\r%-" + (WIDTH - 1) + "s",
                    String.format(
                            Locale.ROOT,
                            "sweep [%s%s] %d/%d tasks (%d skipped)  %.1f s%s",
                            "#".repeat(filled),
                            " ".repeat(width - filled),
                            done,
                            total,
                            skipped,
                            elapsed,
                            eta)));
            err.flush();
        }

        synchronized void finish() {
            err.print("\r" + " ".repeat(WIDTH - 1) + "\r");
            err.flush();
        }
    }
}
