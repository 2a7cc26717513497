package org.nrmt.bench;

import java.util.Locale;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;

/**
 * Study (not a test): how far the classic convention errors put the law from a simulation
 * (theory/verification-harness.md §4). tanh with σw = 1, σx = 2 (s = 2) at n0 = 1000, n1 = 500,
 * m = 2000 (φ = 1/2, ψ = 2, one trial, seed 1); KS of the pooled eigenvalues against the quartic law
 * of the right (η, ζ, φ, ψ), with φ and ψ swapped, with ψ inverted, and with ζ = (E f′(sZ))², the
 * linear strength without its factor s (ζ/s²). Usage:
 * java -cp 'target/classes:target/test-classes:target/lib/*' org.nrmt.bench.ConventionErrors
 */
public final class ConventionErrors {

    private ConventionErrors() {}

    public static void main(String[] args) {
        double s = 2;
        Activation f = Activation.parse("tanh");
        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, 0);
        SimulationSpec spec = new SimulationSpec(1000, 500, 2000, 1, s, org.nrmt.simulation.BiasKind.none, 0);
        SimulationResult r = new Simulator(EigenSolvers.forBackend(org.nrmt.simulation.Backend.native_, x -> {}), 1)
                .run(spec, new CenteredActivation(f.toDoubleFunction(), c.mean(), "tanh"), 1, 1);
        double phi = spec.phi();
        double psi = spec.psi();
        String[] names = {"right", "phi and psi swapped", "psi inverted", "zeta without s"};
        ModelParams[] params = {
            new ModelParams(c.eta(), c.zeta(), phi, psi),
            new ModelParams(c.eta(), c.zeta(), psi, phi),
            new ModelParams(c.eta(), c.zeta(), phi, 1 / psi),
            new ModelParams(c.eta(), c.zeta() / (s * s), phi, psi)
        };
        for (int i = 0; i < names.length; i++) {
            double ks = TheoryComparison.compare(r, QuarticLaw.of(params[i])).ks();
            System.out.printf(Locale.ROOT, "%-20s KS %.4f%n", names[i], ks);
        }
    }
}
