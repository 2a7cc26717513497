package org.nrmt.bench;

import java.util.Locale;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.memorization.MemorizationSimulation;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.spectrum.ModelParams;

/**
 * Study (not a test): the distribution of the spectral E_train(λ) over single draws (trial 0 of
 * seeds 1 … S) at ψ = 1, n0 = n1 = n, m = round(n/γ), against the limit at that shape: mean,
 * standard error of the mean, sd of one draw (theory/memorization.md §5). Usage:
 * java -cp 'target/classes:target/test-classes:target/lib/*' org.nrmt.bench.MemorizationDraws F γ n S λ
 */
public final class MemorizationDraws {

    private MemorizationDraws() {}

    public static void main(String[] args) {
        Activation f = Activation.parse(args[0]);
        double gamma = Double.parseDouble(args[1]);
        int n = Integer.parseInt(args[2]);
        int draws = Integer.parseInt(args[3]);
        double lambda = Double.parseDouble(args[4]);
        int m = (int) Math.round(n / gamma);
        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, 1, 0);
        double theory = TrainingLoss.of(new ModelParams(c.eta(), c.zeta(), (double) n / m, 1))
                .at(lambda);
        double sum = 0;
        double sumSq = 0;
        for (int s = 1; s <= draws; s++) {
            double e = MemorizationSimulation.sample(f.toDoubleFunction(), c.mean(), n, n, m, s)
                    .spectralLoss(lambda);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / draws;
        double sd = Math.sqrt(Math.max(0, (sumSq - draws * mean * mean) / (draws - 1)));
        System.out.printf(
                Locale.ROOT,
                "%s gamma %.4f n %d m %d lambda %g draws %d: theory %.7f mean %.7f se %.7f sd %.7f (%+.2f%%)%n",
                args[0],
                gamma,
                n,
                m,
                lambda,
                draws,
                theory,
                mean,
                sd / Math.sqrt(draws),
                sd,
                100 * (mean / theory - 1));
    }
}
