package org.nrmt.bias;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * One scalar bias β for the whole matrix (B = β 11ᵀ): given β the law is the PW quartic law
 * ({@link QuarticLaw}) with η → s²(β) + ζ(β) (the variance E f(sξ+β)² − μ(β)²) and ζ → ζ(β);
 * for β drawn from a {@link BiasMeasure} the expected spectral distribution is the mixture
 * \( G = \sum_j w_j G_{\beta_j} \). A measure with one node is the conditional law itself.
 * See {@code theory/bias.md} §6.
 */
public final class ScalarBiasLaw implements SpectralLaw {

    private final double[] weights;
    private final List<QuarticLaw> laws;

    ScalarBiasLaw(ConditionalConstants c, double phi, double psi) {
        double[] w = c.measure().weights();
        double[] z = c.zeta();
        double[] s = c.s2();
        List<QuarticLaw> ls = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            // nodes below double resolution of the CDF carry nothing visible
            if (w[j] < 1e-17) {
                continue;
            }
            ls.add(QuarticLaw.of(new ModelParams(s[j] + z[j], z[j], phi, psi)));
            ws.add(w[j]);
            total += w[j];
        }
        this.laws = List.copyOf(ls);
        this.weights = new double[ws.size()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = ws.get(j) / total;
        }
    }

    /** The component laws (one per retained bias node). */
    public List<QuarticLaw> components() {
        return laws;
    }

    @Override
    public Complex stieltjes(Complex z) {
        Complex g = Complex.ZERO;
        for (int j = 0; j < weights.length; j++) {
            g = g.add(laws.get(j).stieltjes(z).multiply(weights[j]));
        }
        return g;
    }

    @Override
    public double density(double x) {
        double d = 0;
        for (int j = 0; j < weights.length; j++) {
            d += weights[j] * laws.get(j).density(x);
        }
        return d;
    }

    @Override
    public double cdf(double x) {
        double d = 0;
        for (int j = 0; j < weights.length; j++) {
            d += weights[j] * laws.get(j).cdf(x);
        }
        return Math.min(1, d);
    }

    @Override
    public List<Atom> atoms() {
        double mass = 0;
        for (int j = 0; j < weights.length; j++) {
            for (Atom a : laws.get(j).atoms()) {
                mass += weights[j] * a.mass();
            }
        }
        return mass > 0 ? List.of(new Atom(0, mass)) : List.of();
    }

    /** Union of the components' supports, overlapping intervals merged. */
    @Override
    public List<Interval> support() {
        List<Interval> all = new ArrayList<>();
        for (QuarticLaw l : laws) {
            all.addAll(l.support());
        }
        return Interval.union(all);
    }

    @Override
    public double moment(int k) {
        double m = 0;
        for (int j = 0; j < weights.length; j++) {
            m += weights[j] * laws.get(j).moment(k);
        }
        return m;
    }
}
