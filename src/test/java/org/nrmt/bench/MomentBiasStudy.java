package org.nrmt.bench;

import org.apache.commons.math3.complex.Complex;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EmpiricalSpectrum;
import org.nrmt.simulation.NativeEigenSolver;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;

/**
 * The finite-size bias behind the budgets of SimulationProperties: for one activation and (φ, ψ),
 * at widths n1, 2n1, 4n1 with T trials each, the mean and trial-to-trial sd of the relative error
 * of m1…m3 (times n = min(n0, n1, m)), S·|G_N − G| at z = λ₊/2 + 0.5iS, and the Richardson values
 * 2r(2n) − r(n), which remove an O(1/n) bias.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:target/lib/* org.nrmt.bench.MomentBiasStudy
 * EXPR PHI PSI TRIALS N1 [SEED]}, e.g. {@code 'x^2 - 1' 0.33 0.46 8 275} or
 * {@code '-0.30*tanh(0.44*x) + 0.13*erf(x)' 0.78125 0.5 20 200}.
 */
public final class MomentBiasStudy {
    private MomentBiasStudy() {}

    public static void main(String[] args) {
        String text = args[0];
        double phi = Double.parseDouble(args[1]);
        double psi = Double.parseDouble(args[2]);
        int trials = Integer.parseInt(args[3]);
        int base = Integer.parseInt(args[4]);
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 7;
        Activation f = Activation.parse(text);
        DoubleConstants k = GaussianConstantsEngine.computeDouble(f, 1.0, 0);
        QuarticLaw law = QuarticLaw.of(new ModelParams(k.eta(), Math.min(k.zeta(), k.eta()), phi, psi));
        double hi = law.support().stream().mapToDouble(iv -> iv.hi()).max().orElse(k.eta());
        double scale = Math.max(k.eta(), hi / 4);
        Complex z = new Complex(hi / 2, 0.5 * scale);
        Simulator simulator = new Simulator(NativeEigenSolver.load(msg -> {}), 2);
        System.out.printf(
                "%s, phi = %s, psi = %s, eta = %.6g, zeta = %.6g, T = %d%n", text, phi, psi, k.eta(), k.zeta(), trials);
        double[][] mean = new double[3][4];
        for (int level = 0; level < 3; level++) {
            int n1 = base << level;
            int n0 = (int) Math.round(psi * n1);
            int m = (int) Math.round(n0 / phi);
            int n = Math.min(n0, Math.min(n1, m));
            SimulationResult r = simulator.run(
                    SimulationSpec.of(n0, n1, m),
                    new CenteredActivation(f.toDoubleFunction(), k.mean(), text),
                    trials,
                    seed);
            StringBuilder line = new StringBuilder(String.format("n1 = %d (n = %d):", n1, n));
            for (int j = 1; j <= 3; j++) {
                double sum = 0;
                double sumSq = 0;
                for (int t = 0; t < trials; t++) {
                    double rel = EmpiricalSpectrum.of(r.trial(t)).moment(j) / law.moment(j) - 1;
                    sum += rel;
                    sumSq += rel * rel;
                }
                double mu = sum / trials;
                double sd = trials > 1 ? Math.sqrt(Math.max(0, (sumSq - trials * mu * mu) / (trials - 1))) : 0;
                mean[level][j] = mu;
                line.append(String.format(" m%d %+.4f (n·bias %.1f, n·sd %.1f)", j, mu, n * mu, n * sd));
            }
            double g =
                    scale * r.spectrum().stieltjes(z).subtract(law.stieltjes(z)).abs();
            mean[level][0] = g;
            line.append(String.format("; S|dG| %.5f (n· %.2f)", g, n * g));
            System.out.println(line);
        }
        for (int j = 1; j <= 3; j++) {
            System.out.printf(
                    "Richardson m%d: %+.4f (n1 -> 2n1), %+.4f (2n1 -> 4n1)%n",
                    j, 2 * mean[1][j] - mean[0][j], 2 * mean[2][j] - mean[1][j]);
        }
    }
}
