package org.nrmt.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.nrmt.model.LimitLaws;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TabulatedCdf;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Runs one task (theory/sweeps.md §2): trial t of the grid point's simulation on one BLAS thread,
 * compared by {@link TheoryComparison#compare} with {@link LimitLaws#ofTrial}, the law that
 * {@code nrmt compare} takes for that trial. Laws that do not depend on the trial (all but the
 * sampled-bias and scalar-bias ones) are built and tabulated ({@link TabulatedCdf}) once per grid
 * point and reused; both are pure functions of the point, so reuse changes no digit. Thread-safe.
 */
public final class TaskRunner {
    /** Grid points whose law is kept; beyond that the cache starts afresh. */
    private static final int CACHED_LAWS = 32;

    private final EigenSolver solver;
    private final Map<String, Theory> laws = new ConcurrentHashMap<>();

    /** A law and its tabulated CDF (the expensive part of a comparison with a bias law). */
    private record Theory(SpectralLaw law, TabulatedCdf cdf) {
        static Theory of(SpectralLaw law) {
            return new Theory(law, TabulatedCdf.of(law));
        }
    }

    /** A runner on {@code solver} (its BLAS must run one thread per call). */
    public TaskRunner(EigenSolver solver) {
        this.solver = Objects.requireNonNull(solver, "solver");
    }

    /** The solver's name ("native" or "java"). */
    public String backend() {
        return solver.name();
    }

    /** The row of {@code task}, or its failure; never throws for a failing task. */
    public TaskOutcome run(SweepTask task, SweepSpec.Histogram histogram, String engine, String worker) {
        long start = System.nanoTime();
        try {
            SweepRow row = row(task, histogram);
            return new TaskOutcome(task, row, null, seconds(start), engine, worker);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new TaskOutcome(task, null, error, seconds(start), engine, worker);
        }
    }

    /** The row of {@code task}; failures propagate. */
    public SweepRow row(SweepTask task, SweepSpec.Histogram histogram) {
        GridPoint p = task.point();
        SimulationSpec spec = p.simulationSpec();
        new Simulator(solver, 1).checkMemory(spec, 1);
        Theory theory = theory(task, spec);
        long start = System.nanoTime();
        double[] eig = solver.sampleEigenvalues(spec, p.model().centred(), task.seed(), task.trial(), 1);
        SimulationResult r =
                new SimulationResult(spec, task.seed(), solver.name(), seconds(start), new double[][] {eig});
        Comparison c = TheoryComparison.compare(r, theory.law(), theory.cdf());
        return new SweepRow(
                task,
                c.ks(),
                c.w1(),
                c.stieltjesMaxError(),
                c.atomTheory(),
                c.atomEmpirical(),
                c.momentsTheory(),
                c.momentsEmpirical(),
                histogram == null ? List.of() : histogram(eig, histogram));
    }

    private Theory theory(SweepTask task, SimulationSpec spec) {
        GridPoint p = task.point();
        boolean perTrial = p.sampledBias() || spec.bias() == BiasKind.scalar;
        if (perTrial) {
            return Theory.of(LimitLaws.ofTrial(p.activation(), spec, task.seed(), task.trial(), p.sampledBias()));
        }
        if (laws.size() >= CACHED_LAWS) laws.clear();
        return laws.computeIfAbsent(
                p.key(), k -> Theory.of(LimitLaws.ofTrial(p.activation(), spec, task.seed(), task.trial(), false)));
    }

    /**
     * Counts of {@code values} below {@code from}, in each of the bins of [from, to) (bin
     * ⌊(x − from)/w⌋, w = (to − from)/bins, clamped for rounding at the right end) and at or above
     * {@code to}.
     */
    static List<Long> histogram(double[] values, SweepSpec.Histogram h) {
        double from = h.from().doubleValue();
        double to = h.to().doubleValue();
        double width = (to - from) / h.bins();
        long[] counts = new long[h.bins() + 2];
        for (double x : values) {
            if (x < from) {
                counts[0]++;
            } else if (x >= to) {
                counts[h.bins() + 1]++;
            } else {
                int k = (int) Math.min(h.bins() - 1, Math.floor((x - from) / width));
                counts[1 + k]++;
            }
        }
        List<Long> out = new ArrayList<>(counts.length);
        for (long c : counts) out.add(c);
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
