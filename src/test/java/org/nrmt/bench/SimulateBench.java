package org.nrmt.bench;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TrialSeeds;

/**
 * Benchmark main (not a test) for bench/simulate.sh.
 * <ul>
 *   <li>{@code eig N REPS [native|java]}: the solver's eigenvalues (dsyevd, jobz = 'N') of a random
 *   symmetric N×N matrix, best of REPS after a warm-up; prints {@code eig_seconds}.</li>
 *   <li>{@code pipeline N REPS [native|java] [THREADS]}: the in-process simulation of tanh at
 *   n0 = n1 = m = N, best of REPS; prints {@code pipeline_seconds}.</li>
 * </ul>
 */
public final class SimulateBench {
    private SimulateBench() {}

    public static void main(String[] args) {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Backend backend = Backend.parse(args.length > 3 ? args[3] : "native");
        EigenSolver solver = EigenSolvers.forBackend(backend, System.err::println);
        if (mode.equals("pipeline")) {
            int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
            Simulator sim = new Simulator(solver, threads);
            SimulationSpec spec = SimulationSpec.of(n, n, n);
            CenteredActivation tanh = new CenteredActivation(Math::tanh, 0, "tanh");
            double best = Double.POSITIVE_INFINITY;
            double cold = 0;
            for (int r = 0; r <= reps; r++) {
                long t0 = System.nanoTime();
                double[] ev = sim.run(spec, tanh, 1, 1 + r).trial(0);
                double s = (System.nanoTime() - t0) * 1e-9;
                if (r > 0) {
                    best = Math.min(best, s);
                } else {
                    cold = s;
                }
                check(ev, n);
            }
            System.out.printf("pipeline_seconds %.4f%n", best);
            System.out.printf("pipeline_cold_seconds %.4f%n", cold);
            return;
        }
        UniformRandomProvider rng = TrialSeeds.generator(7, 0);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                a[i + j * n] = rng.nextDouble() - 0.5;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= reps; r++) {
            long t0 = System.nanoTime();
            double[] ev = solver.symmetricEigenvalues(a, n);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (r > 0) {
                best = Math.min(best, s);
            }
            check(ev, n);
        }
        System.out.printf("eig_seconds %.4f%n", best);
    }

    private static void check(double[] ev, int n) {
        if (ev.length != n || !(ev[0] <= ev[n - 1]) || Arrays.stream(ev).anyMatch(Double::isNaN)) {
            throw new IllegalStateException("bad eigenvalues");
        }
    }
}
