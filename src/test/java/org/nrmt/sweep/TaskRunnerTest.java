package org.nrmt.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nrmt.model.LimitLaws;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.SpectralLaw;

/**
 * A task is trial t of {@code compare}'s simulation at its grid point: its row must equal the
 * statistics of trial t of the pooled {@link Simulator} run against {@link LimitLaws#ofSimulation},
 * computed here through those classes directly.
 */
class TaskRunnerTest {
    static EigenSolver solver;

    @BeforeAll
    static void load() {
        solver = EigenSolvers.forBackend(Backend.native_, msg -> {});
    }

    private static SweepTask task(String json, int index) {
        return SweepSpec.parse(json).tasks().get(index);
    }

    /** Trial 1 of a 2-trial run, compared on its own: the same numbers, bit for bit. */
    @Test
    void rowIsTrialTOfTheSimulatorsRunAgainstTheSimulationsLaw() {
        SweepTask t = task("{\"activation\":\"tanh\",\"n0\":120,\"phi\":0.5,\"psi\":1.5,\"trials\":2,\"seed\":11}", 1);
        assertEquals(1, t.trial());
        SweepRow row = new TaskRunner(solver).row(t, null);

        SimulationSpec spec = SimulationSpec.of(120, 80, 240);
        SimulationResult pooled =
                new Simulator(solver, 2).run(spec, t.point().model().centred(), 2, 11);
        SimulationResult trial1 = new SimulationResult(spec, 11, solver.name(), 0, new double[][] {pooled.trial(1)});
        SpectralLaw law = LimitLaws.ofSimulation("tanh", spec, 11, 1, false);
        Comparison c = TheoryComparison.compare(trial1, law);
        assertEquals(c.ks(), row.ks());
        assertEquals(c.w1(), row.w1());
        assertEquals(c.stieltjesMaxError(), row.stieltjesMaxError());
        assertEquals(c.momentsEmpirical(), row.momentsEmpirical());
        assertEquals(c.momentsTheory(), row.momentsTheory());
        // and it is a different matrix from trial 0
        assertNotEquals(
                new TaskRunner(solver)
                        .row(
                                task(
                                        "{\"activation\":\"tanh\",\"n0\":120,\"phi\":0.5,\"psi\":1.5,"
                                                + "\"trials\":2,\"seed\":11}",
                                        0),
                                null)
                        .ks(),
                row.ks());
        // the exact first moment of M: m1 = η for the centred f at these sizes
        assertEquals(
                LimitLaws.constants(t.point().model()).eta(),
                row.momentsTheory().get(0),
                1e-12);
    }

    /** The sampled-bias law of trial t is the law of the biases trial t drew: per-trial laws of ofSimulation. */
    @Test
    void sampledBiasRowsUseTheirOwnTrialsBiases() {
        String json = "{\"activation\":\"relu\",\"n0\":100,\"phi\":1,\"bias\":\"neuron\",\"bias_sigma\":1,"
                + "\"sampled_bias\":true,\"trials\":2,\"seed\":5}";
        SweepTask t1 = task(json, 1);
        SweepRow row = new TaskRunner(solver).row(t1, null);
        SimulationSpec spec = t1.point().simulationSpec();
        SimulationResult pooled =
                new Simulator(solver, 1).run(spec, t1.point().model().centred(), 2, 5);
        SpectralLaw ofTrial1 = LimitLaws.ofTrial("relu", spec, 5, 1, true);
        Comparison c = TheoryComparison.compare(
                new SimulationResult(spec, 5, solver.name(), 0, new double[][] {pooled.trial(1)}), ofTrial1);
        assertEquals(c.ks(), row.ks());
        // trial 0's law is the one ofSimulation gives for a single trial
        SpectralLaw ofTrial0 = LimitLaws.ofTrial("relu", spec, 5, 0, true);
        SpectralLaw single = LimitLaws.ofSimulation("relu", spec, 5, 1, true);
        assertEquals(single.moment(2), ofTrial0.moment(2), 0.0);
        assertNotEquals(ofTrial0.moment(2), ofTrial1.moment(2));
    }

    /** A bias law's table is shared by the trials of a point: the rows are those of a fresh comparison. */
    @Test
    void sharedTablesChangeNoDigit() {
        String json = "{\"activation\":\"tanh\",\"n0\":80,\"phi\":1,\"bias\":\"sample\",\"bias_sigma\":0.5,"
                + "\"trials\":2,\"seed\":3}";
        TaskRunner runner = new TaskRunner(solver);
        runner.row(task(json, 0), null);
        SweepTask t1 = task(json, 1);
        SweepRow cached = runner.row(t1, null);
        SimulationSpec spec = t1.point().simulationSpec();
        double[] eig = solver.sampleEigenvalues(spec, t1.point().model().centred(), 3, 1, 1);
        Comparison fresh = TheoryComparison.compare(
                new SimulationResult(spec, 3, solver.name(), 0, new double[][] {eig}),
                LimitLaws.ofSimulation("tanh", spec, 3, 2, false));
        assertEquals(fresh.ks(), cached.ks());
        assertEquals(fresh.w1(), cached.w1());
        assertEquals(fresh.momentsTheory(), cached.momentsTheory());
    }

    /** Counts below, per bin and above add up to n1 and agree with a direct count. */
    @Test
    void histogramCountsEveryEigenvalueOnce() {
        SweepTask t = task(
                "{\"activation\":\"tanh\",\"n0\":100,\"phi\":1,\"histogram\":{\"bins\":7,\"from\":0.1,\"to\":1.5}}", 0);
        SweepSpec.Histogram h =
                new SweepSpec.Histogram(7, new java.math.BigDecimal("0.1"), new java.math.BigDecimal("1.5"));
        SweepRow row = new TaskRunner(solver).row(t, h);
        List<Long> counts = row.histogram();
        assertEquals(9, counts.size());
        assertEquals(100L, counts.stream().mapToLong(Long::longValue).sum());
        double[] eig = solver.sampleEigenvalues(
                t.point().simulationSpec(), t.point().model().centred(), 1, 0, 1);
        assertEquals(Arrays.stream(eig).filter(x -> x < 0.1).count(), counts.get(0));
        assertEquals(Arrays.stream(eig).filter(x -> x >= 1.5).count(), counts.get(8));
        for (int k = 0; k < 7; k++) {
            double lo = 0.1 + k * 0.2;
            double hi = 0.1 + (k + 1) * 0.2;
            long direct = Arrays.stream(eig)
                    .filter(x -> x >= lo + 1e-12 && x < hi - 1e-12)
                    .count();
            assertTrue(Math.abs(direct - counts.get(k + 1)) <= 1, "bin " + k);
        }
    }

    /** A task that cannot be done is an outcome with its error, not an exception. */
    @Test
    void failuresAreOutcomes() {
        SweepTask t = task("{\"activation\":\"tanh\",\"n0\":100,\"phi\":1}", 0);
        EigenSolver broken = new EigenSolver() {
            public String name() {
                return "broken";
            }

            public double[] symmetricEigenvalues(double[] a, int n) {
                throw new IllegalStateException("no");
            }

            public double[] sampleEigenvalues(
                    SimulationSpec spec, org.nrmt.simulation.CenteredActivation f, long seed, int trial, int p) {
                throw new IllegalStateException("solver exploded");
            }

            public long bytesPerTrial(SimulationSpec spec) {
                return 1;
            }

            public long availableBytes() {
                return 1L << 40;
            }

            public String memoryKind() {
                return "heap";
            }
        };
        TaskOutcome o = new TaskRunner(broken).run(t, null, "local", "w");
        assertTrue(o.failed());
        assertEquals("IllegalStateException: solver exploded", o.error());
    }
}
