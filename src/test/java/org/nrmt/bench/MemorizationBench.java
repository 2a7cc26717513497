package org.nrmt.bench;

import java.util.Locale;
import org.nrmt.memorization.MemorizationSimulation;
import org.nrmt.memorization.QuarticNegativeAxis;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.spectrum.ModelParams;

/**
 * Benchmark (not a test): E_train on a 50-point λ grid in [1e-3, 10] (η = 1, ζ = 0.5, φ = ψ = 1)
 * by spectrum's certified continuation and by ours, and one simulation (n0 = n1 = m = N, tanh).
 * Baseline: the same quartic with numpy.roots and a central difference for G′ (bench script's
 * python half). Usage: java -cp target/classes:target/test-classes:target/lib/* \
 * org.nrmt.bench.MemorizationBench [N] [repeats]
 */
public final class MemorizationBench {

    private MemorizationBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[] grid = new double[50];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, -3 + 4.0 * i / (grid.length - 1));
        }
        ModelParams p = new ModelParams(1, 0.5, 1, 1);
        double checksum = 0;
        for (int warm = 0; warm < 2; warm++) {
            checksum += TrainingLoss.of(p).along(grid)[0]
                    + TrainingLoss.of(p, QuarticNegativeAxis.of(p)).along(grid)[0];
        }
        MemorizationSimulation.sample(Math::tanh, 0, 100, 100, 100, 2); // loads OpenBLAS outside the timing
        long t0 = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            checksum += TrainingLoss.of(p).along(grid)[10];
        }
        long t1 = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            checksum += TrainingLoss.of(p, QuarticNegativeAxis.of(p)).along(grid)[10];
        }
        long t2 = System.nanoTime();
        MemorizationSimulation sim = MemorizationSimulation.sample(Math::tanh, 0, n, n, n, 1);
        long t3 = System.nanoTime();
        for (double l : grid) {
            checksum += sim.spectralLoss(l);
        }
        System.out.printf(Locale.ROOT, "theory_certified_ms_per_grid %.2f%n", (t1 - t0) / 1e6 / repeats);
        System.out.printf(Locale.ROOT, "theory_own_continuation_ms_per_grid %.2f%n", (t2 - t1) / 1e6 / repeats);
        System.out.printf(Locale.ROOT, "simulation_n%d_seconds %.2f%n", n, (t3 - t2) / 1e9);
        System.out.printf(Locale.ROOT, "checksum %.6f%n", checksum);
    }
}
