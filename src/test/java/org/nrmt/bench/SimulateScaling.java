package org.nrmt.bench;

import java.util.function.DoubleUnaryOperator;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.MarchenkoPasturLawAccess;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TheoryComparison;

/**
 * Measurement main for theory/verification.md: KS, W1 and the Stieltjes error at Im z ≥ 0.5 against
 * Marchenko–Pastur (η = 2, γ = 1/2) for f = x² − 1 (unbounded, ζ = 0) at n1 = n0 = m/2 ∈ {250, …, 2000},
 * mean over SEEDS seeds. Usage: SimulateScaling [SEEDS=3].
 */
public final class SimulateScaling {
    private SimulateScaling() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Simulator sim = new Simulator(EigenSolvers.forBackend(Backend.native_, System.err::println), 2);
        DoubleUnaryOperator square = x -> x * x - 1;
        System.out.println("| n1 | KS | W1 | Stieltjes max error (Im z ≥ 0.1) | n1·KS |");
        System.out.println("|---|---|---|---|---|");
        for (int n : new int[] {250, 500, 1000, 2000}) {
            double ks = 0;
            double w1 = 0;
            double st = 0;
            for (int s = 0; s < seeds; s++) {
                SimulationResult r =
                        sim.run(SimulationSpec.of(n, n, 2 * n), new CenteredActivation(square, 0, "x^2-1"), 1, s);
                Comparison c = TheoryComparison.compare(r, MarchenkoPasturLawAccess.of(2.0, 0.5));
                ks += c.ks() / seeds;
                w1 += c.w1() / seeds;
                st += c.stieltjesMaxError() / seeds;
            }
            System.out.printf("| %d | %.4f | %.4f | %.4f | %.1f |%n", n, ks, w1, st, n * ks);
        }
    }
}
