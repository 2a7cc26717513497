package org.nrmt.bias;

import java.util.ArrayList;
import java.util.List;
import org.nrmt.spectrum.MixtureLaw;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * One scalar bias β for the whole matrix (B = β 11ᵀ): given β the law is the PW quartic law
 * ({@link QuarticLaw}) with η → s²(β) + ζ(β) (the variance E f(sξ+β)² − μ(β)²) and ζ → ζ(β);
 * for β drawn from a {@link BiasMeasure} the expected spectral distribution is the mixture
 * \( G = \sum_j w_j G_{\beta_j} \) ({@link MixtureLaw}). A measure with one node is the conditional
 * law itself. See {@code theory/bias.md} §6.
 */
final class ScalarBiasLaw {

    private ScalarBiasLaw() {}

    static SpectralLaw of(ConditionalConstants c, double phi, double psi) {
        double[] w = c.measure().weights();
        double[] z = c.zeta();
        double[] s = c.s2();
        List<QuarticLaw> laws = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            // nodes below double resolution of the CDF carry nothing visible
            if (w[j] < 1e-17) {
                continue;
            }
            laws.add(QuarticLaw.of(new ModelParams(s[j] + z[j], z[j], phi, psi)));
            kept.add(w[j]);
        }
        return new MixtureLaw(
                laws, kept.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
