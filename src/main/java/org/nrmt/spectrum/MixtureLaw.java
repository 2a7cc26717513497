package org.nrmt.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.complex.Complex;

/**
 * The mixture Σ_t w_t L_t of laws with weights w_t > 0 summing to 1 (normalised here): the expected
 * ESD when the law itself is random. Two uses: T pooled trials with a per-neuron or per-sample bias,
 * where "the theory averaged over the simulated biases" is the equal-weight mixture of each trial's
 * law of its own biases (the limiting law is not linear in the bias measure, so it is not the law of
 * the union of all biases; {@code nrmt compare --sampled-bias} and the verification harness); and a
 * scalar bias β ~ N(0, σb²), the mixture of the PW quartic laws at the β nodes. See theory/bias.md
 * §6 and §9.
 */
public final class MixtureLaw implements SpectralLaw {
    private final List<SpectralLaw> laws;
    private final double[] weights;

    /** The equal-weight mixture (1/T) Σ_t L_t. */
    public MixtureLaw(List<? extends SpectralLaw> laws) {
        this(laws, equal(laws.size()));
    }

    public MixtureLaw(List<? extends SpectralLaw> laws, double[] weights) {
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one law, got 0");
        }
        if (weights.length != laws.size()) {
            throw new IllegalArgumentException(
                    "one weight per law needed: " + laws.size() + " laws, got " + weights.length + " weights");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("mixture weights must be finite and > 0, got " + w);
            }
            total += w;
        }
        this.laws = List.copyOf(laws);
        this.weights = new double[weights.length];
        for (int t = 0; t < weights.length; t++) {
            this.weights[t] = weights[t] / total;
        }
    }

    private static double[] equal(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    @Override
    public Complex stieltjes(Complex z) {
        Complex s = Complex.ZERO;
        for (int t = 0; t < weights.length; t++) {
            s = s.add(laws.get(t).stieltjes(z).multiply(weights[t]));
        }
        return s;
    }

    @Override
    public double density(double x) {
        double s = 0;
        for (int t = 0; t < weights.length; t++) {
            s += weights[t] * laws.get(t).density(x);
        }
        return s;
    }

    /** Clamped at 1 against the rounding of the weighted sum. */
    @Override
    public double cdf(double x) {
        double s = 0;
        for (int t = 0; t < weights.length; t++) {
            s += weights[t] * laws.get(t).cdf(x);
        }
        return Math.min(1, s);
    }

    @Override
    public List<Atom> atoms() {
        TreeMap<Double, Double> mass = new TreeMap<>();
        for (int t = 0; t < weights.length; t++) {
            for (Atom a : laws.get(t).atoms()) {
                mass.merge(a.location(), weights[t] * a.mass(), Double::sum);
            }
        }
        List<Atom> out = new ArrayList<>();
        mass.forEach((loc, m) -> out.add(new Atom(loc, m)));
        return out;
    }

    /** The union of the components' supports, overlapping intervals merged. */
    @Override
    public List<Interval> support() {
        List<Interval> all = new ArrayList<>();
        for (SpectralLaw l : laws) {
            all.addAll(l.support());
        }
        return Interval.union(all);
    }

    @Override
    public double moment(int k) {
        double s = 0;
        for (int t = 0; t < weights.length; t++) {
            s += weights[t] * laws.get(t).moment(k);
        }
        return s;
    }
}
