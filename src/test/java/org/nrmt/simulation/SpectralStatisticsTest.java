package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;

class SpectralStatisticsTest {

    private static double[] sample(RealDistribution d, int n, long seed) {
        UniformRandomProvider rng = TrialSeeds.generator(seed, 0);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.inverseCumulativeProbability(rng.nextDouble());
        }
        Arrays.sort(x);
        return x;
    }

    /** Oracle: commons-math3's KolmogorovSmirnovTest statistic on continuous laws. */
    @Test
    void ksMatchesCommonsMathOnContinuousLaws() {
        RealDistribution[] laws = {new NormalDistribution(0.3, 1.7), new UniformRealDistribution(-1, 2)};
        for (RealDistribution d : laws) {
            for (int n : new int[] {2, 7, 500, 3000}) {
                double[] x = sample(d, n, n);
                double expected = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(d, x);
                assertEquals(expected, SpectralStatistics.ks(x, d::cumulativeProbability), 1e-14);
            }
        }
    }

    /** Oracle: a brute-force midpoint integral of |F_N − F| on a fine grid. */
    @Test
    void w1MatchesBruteForceIntegration() {
        NormalDistribution d = new NormalDistribution(0, 1);
        double[] x = sample(d, 200, 3);
        // F is linear between nodes: the error is second order in the spacing 16/4000.
        double[] nodes = new double[4001];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = -8 + 16.0 * i / 4000;
        }
        double w1 = SpectralStatistics.w1(x, d::cumulativeProbability, d::cumulativeProbability, nodes);
        int steps = 2_000_000;
        double h = 16.0 / steps;
        double brute = 0;
        EmpiricalSpectrum esd = EmpiricalSpectrum.of(x);
        for (int i = 0; i < steps; i++) {
            double t = -8 + (i + 0.5) * h;
            brute += Math.abs(esd.cdf(t) - d.cumulativeProbability(t)) * h;
        }
        assertEquals(brute, w1, 2e-6);
    }

    /** W1 of a point mass δ_c against δ_0 is |c|, and of two uniform laws shifted by c is |c|. */
    @Test
    void w1OfShiftedUniformIsTheShift() {
        UniformRealDistribution u = new UniformRealDistribution(0, 1);
        int n = 100_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 0.5) / n + 0.25;
        }
        double[] nodes = {0, 0.5, 1, 1.25};
        double w1 = SpectralStatistics.w1(x, u::cumulativeProbability, u::cumulativeProbability, nodes);
        assertEquals(0.25, w1, 1e-4);
    }

    /** A law with an atom 1/2 at 0 and the other half uniform on [1, 2]. */
    private static SpectralLaw atomPlusUniform(double atom) {
        return new SpectralLaw() {
            @Override
            public Complex stieltjes(Complex z) {
                // atom/z + (1 − atom) log((z − 1)/(z − 2))
                Complex logPart = z.subtract(1).divide(z.subtract(2)).log();
                return z.reciprocal().multiply(atom).add(logPart.multiply(1 - atom));
            }

            @Override
            public double density(double x) {
                return x >= 1 && x <= 2 ? 1 - atom : 0;
            }

            @Override
            public double cdf(double x) {
                if (x < 0) {
                    return 0;
                }
                return atom + (1 - atom) * Math.min(1, Math.max(0, x - 1));
            }

            @Override
            public List<Atom> atoms() {
                return List.of(new Atom(0, atom));
            }

            @Override
            public List<Interval> support() {
                return List.of(new Interval(1, 2));
            }

            @Override
            public double moment(int k) {
                return (1 - atom) * (Math.pow(2, k + 1) - 1) / (k + 1);
            }
        };
    }

    /**
     * Ties at 0: numerical zeros ±1e-14 are snapped onto the atom; KS is then the sup over both
     * sides of the jump. With 450 of 1000 at zero against a theory atom 1/2 the gap is 0.05 at 0
     * and largest, 0.05 + 0.5·(0.5/550), just left of the first uniform point 1 + 0.5/550.
     */
    @Test
    void ksHandlesTiesAtTheAtom() {
        int n = 1000;
        double[] x = new double[n];
        for (int i = 0; i < 450; i++) {
            x[i] = (i % 2 == 0 ? 1 : -1) * 1e-14 * (i + 1);
        }
        for (int i = 450; i < n; i++) {
            x[i] = 1 + (i - 450 + 0.5) / 550;
        }
        SpectralLaw law = atomPlusUniform(0.5);
        EmpiricalSpectrum esd = EmpiricalSpectrum.of(x);
        assertEquals(0.45, esd.massNear(0), 0);
        TheoryComparison.Cdf tabulated = TheoryComparison.Cdf.tabulated(law);
        TheoryComparison.Cdf exact = TheoryComparison.Cdf.ofLaw(law);
        assertEquals(0.05 + 0.25 / 550, TheoryComparison.ks(esd, law, tabulated, 0), 1e-7); // 1e-7: the table
        assertEquals(0.05 + 0.25 / 550, TheoryComparison.ks(esd, law, exact, 0), 1e-15);
        // With the right atom the only error is the uniform grid's half step: 0.5/(2·500).
        double[] y = new double[n];
        for (int i = 500; i < n; i++) {
            y[i] = 1 + (i - 500 + 0.5) / 500;
        }
        for (int i = 0; i < 500; i++) {
            y[i] = (i % 2 == 0 ? 1 : -1) * 3e-13;
        }
        assertEquals(0.5 / 1000, TheoryComparison.ks(EmpiricalSpectrum.of(y), law, tabulated, 0), 1e-7);
        assertEquals(0.5 / 1000, TheoryComparison.ks(EmpiricalSpectrum.of(y), law, exact, 0), 1e-15);
        // W1: the 0.05 deficit at 0 is carried to [1, 2] where it fades linearly: ∫₀¹ 0.05 + …
        double w1 = TheoryComparison.compare(EmpiricalSpectrum.of(x), law, 0).w1();
        assertEquals(
                w1,
                TheoryComparison.compare(EmpiricalSpectrum.of(x), law, exact, 0, 0)
                        .w1(),
                1e-7);
        assertTrue(w1 > 0.05 && w1 < 0.08, "w1 = " + w1);
    }

    @Test
    void empiricalStieltjesAndMomentsOfKnownPoints() {
        EmpiricalSpectrum esd = EmpiricalSpectrum.of(new double[] {0, 1, 2, 3});
        Complex z = new Complex(0.5, 0.5);
        Complex expected = Complex.ZERO;
        for (double v : new double[] {0, 1, 2, 3}) {
            expected = expected.add(z.subtract(v).reciprocal());
        }
        expected = expected.divide(4);
        assertEquals(0, esd.stieltjes(z).subtract(expected).abs(), 1e-15);
        assertEquals(1.5, esd.moment(1), 0);
        assertEquals(3.5, esd.moment(2), 0);
        assertEquals(9.0, esd.moment(3), 0);
    }

    @Test
    void badInputIsRefusedWithTheValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SpectralStatistics.ks(new double[] {2, 1}, x -> x));
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmpiricalSpectrum.of(new double[] {Double.NaN}));
        assertThrows(
                IllegalArgumentException.class,
                () -> SpectralStatistics.stieltjesMaxError(
                        EmpiricalSpectrum.of(new double[] {1}), atomPlusUniform(0.5), List.of(new Complex(1, 0))));
    }
}
