package org.nrmt.spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.complex.Complex;

/**
 * The equal-weight mixture (1/T) Σ_t L_t of T laws: the expected ESD of T pooled trials when
 * trial t follows L_t. With a per-neuron or per-sample bias "the theory averaged over the
 * simulated biases" is the law of each trial's own bias values, so T pooled trials compare with
 * the mixture of the T sampled laws, not with the law of the union of all biases (the limiting
 * law is not linear in the bias measure). Used by {@code nrmt compare --sampled-bias} and the verification
 * harness; see theory/bias.md §9.
 */
public final class MixtureLaw implements SpectralLaw {
    private final List<SpectralLaw> laws;

    public MixtureLaw(List<SpectralLaw> laws) {
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one law, got 0");
        }
        this.laws = List.copyOf(laws);
    }

    @Override
    public Complex stieltjes(Complex z) {
        Complex s = Complex.ZERO;
        for (SpectralLaw l : laws) {
            s = s.add(l.stieltjes(z));
        }
        return s.divide(laws.size());
    }

    @Override
    public double density(double x) {
        double s = 0;
        for (SpectralLaw l : laws) {
            s += l.density(x);
        }
        return s / laws.size();
    }

    @Override
    public double cdf(double x) {
        double s = 0;
        for (SpectralLaw l : laws) {
            s += l.cdf(x);
        }
        return s / laws.size();
    }

    @Override
    public List<Atom> atoms() {
        TreeMap<Double, Double> mass = new TreeMap<>();
        for (SpectralLaw l : laws) {
            for (Atom a : l.atoms()) {
                mass.merge(a.location(), a.mass() / laws.size(), Double::sum);
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
        for (SpectralLaw l : laws) {
            s += l.moment(k);
        }
        return s / laws.size();
    }
}
