package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EmpiricalSpectrum;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.MixtureLaw;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/** The mixture of per-trial laws, and the zero-row resolution of the bias comparison (theory/bias.md §9). */
class MixtureLawTest {

    /** A mixture of uniform laws on [lo_k, hi_k] with weights w_k: closed-form CDF, G and moments. */
    private record Uniforms(double[] lo, double[] hi, double[] w) implements SpectralLaw {
        @Override
        public Complex stieltjes(Complex z) {
            Complex g = Complex.ZERO;
            for (int k = 0; k < w.length; k++) {
                Complex d = z.subtract(lo[k]).log().subtract(z.subtract(hi[k]).log());
                g = g.add(d.multiply(w[k] / (hi[k] - lo[k])));
            }
            return g;
        }

        @Override
        public double density(double x) {
            double d = 0;
            for (int k = 0; k < w.length; k++) {
                d += x > lo[k] && x < hi[k] ? w[k] / (hi[k] - lo[k]) : 0;
            }
            return d;
        }

        @Override
        public double cdf(double x) {
            double f = 0;
            for (int k = 0; k < w.length; k++) {
                f += w[k] * Math.max(0, Math.min(1, (x - lo[k]) / (hi[k] - lo[k])));
            }
            return f;
        }

        @Override
        public List<Atom> atoms() {
            return List.of();
        }

        @Override
        public List<Interval> support() {
            double a = Double.POSITIVE_INFINITY;
            double b = 0;
            for (int k = 0; k < w.length; k++) {
                a = Math.min(a, lo[k]);
                b = Math.max(b, hi[k]);
            }
            return List.of(new Interval(a, b));
        }

        @Override
        public double moment(int k) {
            double m = 0;
            for (int j = 0; j < w.length; j++) {
                m += w[j] * (Math.pow(hi[j], k + 1) - Math.pow(lo[j], k + 1)) / ((k + 1) * (hi[j] - lo[j]));
            }
            return m;
        }
    }

    /** CDF, G and moments are the averages; atoms at the same place add up; supports merge. */
    @Test
    void mixtureAveragesItsLaws() {
        QuarticLaw a = QuarticLaw.of(new ModelParams(1.0, 0.4, 0.5, 1.0));
        QuarticLaw b = QuarticLaw.of(new ModelParams(1.0, 0.2, 0.75, 0.5)); // γ = 1.5: atom 1/3 at 0
        MixtureLaw mix = new MixtureLaw(List.of(a, b));
        for (double x : new double[] {-0.1, 0.0, 0.3, 1.1, 2.5, 9.0}) {
            assertEquals(0.5 * (a.cdf(x) + b.cdf(x)), mix.cdf(x), 1e-15, "x = " + x);
        }
        Complex z = new Complex(0.7, 0.2);
        assertEquals(
                0,
                a.stieltjes(z)
                        .add(b.stieltjes(z))
                        .multiply(0.5)
                        .subtract(mix.stieltjes(z))
                        .abs(),
                1e-15);
        assertEquals(0.5 * (a.moment(2) + b.moment(2)), mix.moment(2), 1e-14);
        assertEquals(List.of(new Atom(0, 0.5 * b.atoms().get(0).mass())), mix.atoms());
        double lo = Math.min(a.support().get(0).lo(), b.support().get(0).lo());
        double hi = Math.max(
                a.support().get(a.support().size() - 1).hi(),
                b.support().get(b.support().size() - 1).hi());
        assertEquals(1, mix.support().size());
        assertEquals(lo, mix.support().get(0).lo(), 0);
        assertEquals(hi, mix.support().get(0).hi(), 0);
        assertThrows(IllegalArgumentException.class, () -> new MixtureLaw(List.of()));
        // weights (1, 3) are normalised to (1/4, 3/4): the scalar-bias use
        MixtureLaw weighted = new MixtureLaw(List.of(a, b), new double[] {1, 3});
        for (double x : new double[] {0.0, 0.3, 1.1, 9.0}) {
            assertEquals(0.25 * a.cdf(x) + 0.75 * b.cdf(x), weighted.cdf(x), 1e-15, "x = " + x);
        }
        assertEquals(0.25 * a.moment(2) + 0.75 * b.moment(2), weighted.moment(2), 1e-14);
        assertEquals(List.of(new Atom(0, 0.75 * b.atoms().get(0).mass())), weighted.atoms());
        assertThrows(IllegalArgumentException.class, () -> new MixtureLaw(List.of(a, b), new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new MixtureLaw(List.of(a, b), new double[] {1}));
    }

    /**
     * 1% exact zeros in the sample. At resolution 1e-3·m1 next to 0 a law with 1% of its mass in
     * (0, 1e-4] matches them (KS drops from 0.01 to the grid's 1/(2n)); a law without that mass is
     * not helped (the mass below the resolution is still compared), and without the resolution
     * both give KS ≈ 0.01.
     */
    @Test
    void exactZerosMatchOnlyTheTheorysOwnMassNextToZero() {
        int n = 1000;
        int zeros = 10;
        Uniforms clump = new Uniforms(new double[] {0, 0}, new double[] {1e-4, 1}, new double[] {0.01, 0.99});
        Uniforms plain = new Uniforms(new double[] {0}, new double[] {1}, new double[] {1});
        double[] ev = new double[n];
        for (int i = zeros; i < n; i++) {
            ev[i] = ((i + 0.5) / n - 0.01) / 0.99; // the clump law's quantiles above its clump
        }
        EmpiricalSpectrum esd = EmpiricalSpectrum.of(ev, n, 1);
        double withClump = compare(esd, clump, true).ks();
        double rawClump = compare(esd, clump, false).ks();
        double withPlain = compare(esd, plain, true).ks();
        assertTrue(withClump <= 1.0 / n, "clump law, zero rows matched: " + withClump);
        assertTrue(rawClump >= 0.0099, "clump law, raw: " + rawClump);
        assertTrue(withPlain >= 0.0094, "no theory mass next to 0: " + withPlain);
        assertEquals(0, compare(esd, clump, true).atomTheory(), 0);
        assertEquals(0.01, compare(esd, clump, true).atomEmpirical(), 1e-12);
    }

    /** As verify compares: the law's own CDF, with or without the resolution next to 0. */
    private static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law, boolean zeroRows) {
        double r = zeroRows ? ScenarioRunner.ZERO_ROW_RESOLUTION * law.moment(1) : 0;
        return TheoryComparison.compare(esd, law, TheoryComparison.Cdf.ofLaw(law), r, 0);
    }
}
