package org.nrmt.bench;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TrialSeeds;

/**
 * Benchmark (not a test): the simulation pipeline of {@code nrmt simulate} for tanh at
 * n0 = n1 = m = N (W, X, tanh(WX) − mean, dsyrk, dsyevd), and dsyevd alone on a random symmetric
 * n×n matrix. Prints "pipeline_seconds" and "eig_seconds" (best of R repetitions after one warm-up)
 * for bench/simulate.sh. Usage: SimulateBench N_PIPELINE N_EIG REPS [native|java].
 */
public final class SimulateBench {
    private SimulateBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int ne = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Backend backend = Backend.parse(args.length > 3 ? args[3] : "native");
        EigenSolver solver = EigenSolvers.forBackend(backend, System.err::println);
        SimulationSpec spec = SimulationSpec.of(n, n, n);
        CenteredActivation tanh = CenteredActivation.of(Math::tanh, "tanh");
        Simulator sim = new Simulator(solver, 1);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= reps; r++) {
            long t0 = System.nanoTime();
            SimulationResult res = sim.run(spec, tanh, 1, 1 + r);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (r > 0) {
                best = Math.min(best, s);
            }
            if (res.trial(0).length != n) {
                throw new IllegalStateException("wrong count");
            }
        }
        System.out.printf("pipeline_seconds %.4f%n", best);
        UniformRandomProvider rng = TrialSeeds.generator(7, 0);
        double[] a = new double[ne * ne];
        for (int j = 0; j < ne; j++) {
            for (int i = j; i < ne; i++) {
                a[i + j * ne] = rng.nextDouble() - 0.5;
            }
        }
        double bestEig = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= reps; r++) {
            long t0 = System.nanoTime();
            double[] ev = solver.symmetricEigenvalues(a, ne);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (r > 0) {
                bestEig = Math.min(bestEig, s);
            }
            if (ev.length != ne || !(ev[0] <= ev[ne - 1]) || Arrays.stream(ev).anyMatch(Double::isNaN)) {
                throw new IllegalStateException("bad eigenvalues");
            }
        }
        System.out.printf("eig_seconds %.4f%n", bestEig);
    }
}
