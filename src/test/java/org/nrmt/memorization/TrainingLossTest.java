package org.nrmt.memorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.NegativeAxisPoint;

class TrainingLossTest {

    /**
     * PW §5's values at φ = ψ = 1, η = 1, λ = 0.05, quoted to 4 digits (theory/memorization.md §3). The quartic gives 0.113946 at
     * η/ζ = 4 (numpy roots + central difference agree), which the quote rounds up to 0.1140: hence 6e-5.
     */
    @Test
    void pwNumbersAtGammaOne() {
        double[] ratio = {1, 1.5, 2, 4};
        double[] expected = {0.2304, 0.1340, 0.1227, 0.1140};
        for (int i = 0; i < ratio.length; i++) {
            ModelParams p = new ModelParams(1, 1 / ratio[i], 1, 1);
            assertEquals(expected[i], TrainingLoss.of(p).at(0.05), 6e-5, "eta/zeta = " + ratio[i]);
        }
        assertEquals(0.1111, TrainingLoss.of(new ModelParams(1, 0, 1, 1)).at(0.05), 5e-5);
        // exact: B = 0.05, sqrt D = 0.45, G = -4, G' = -400/9, E = 1/9
        assertEquals(1.0 / 9, TrainingLoss.of(new ModelParams(1, 0, 1, 1)).at(0.05), 1e-15);
    }

    /** Degree drop to the quadratic at ζ = 0: the continuation must reproduce the closed form. */
    @Property(tries = 30, seed = "20261124")
    void continuationMatchesMarchenkoPasturAtZetaZero(
            @ForAll @DoubleRange(min = 0.2, max = 3) double eta,
            @ForAll @DoubleRange(min = 0.1, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.1, max = 4) double psi,
            @ForAll @DoubleRange(min = -3, max = 1) double log10Lambda) {
        ModelParams p = new ModelParams(eta, 0, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        NegativeAxisPoint q = QuarticNegativeAxis.of(p).at(lambda);
        NegativeAxisPoint mp = new MarchenkoPasturResolvent(eta, p.gamma()).at(lambda);
        assertEquals(mp.g(), q.g(), 1e-10 * Math.abs(mp.g()));
        assertEquals(mp.dg(), q.dg(), 1e-8 * Math.abs(mp.dg()));
    }

    /** A nearly-zero ζ must approach the closed form continuously (no branch jump at the degree drop). */
    @Test
    void smallZetaApproachesClosedForm() {
        double[] lambdas = {1e-3, 1e-2, 0.1, 1};
        for (double gamma : new double[] {2.0 / 3, 1.5}) {
            ModelParams p0 = new ModelParams(1, 0, gamma, 1);
            ModelParams p = new ModelParams(1, 1e-7, gamma, 1);
            double[] e = TrainingLoss.of(p).along(lambdas);
            for (int i = 0; i < lambdas.length; i++) {
                assertEquals(TrainingLoss.of(p0).at(lambdas[i]), e[i], 1e-5, "lambda " + lambdas[i]);
            }
        }
    }

    @Test
    void limitsAreExactAndApproached() {
        for (double gamma : new double[] {2.0 / 3, 1.5, 0.25, 3}) {
            for (double zeta : new double[] {0, 0.3, 0.7}) {
                TrainingLoss t = TrainingLoss.of(new ModelParams(1, zeta, gamma, 1));
                assertEquals(Math.max(0, 1 - gamma), t.at(0), 0.0);
                assertEquals(1.0, t.at(Double.POSITIVE_INFINITY), 0.0);
                // E(λ) − E(0) = O(λ) away from γ = 1; 1 − E(λ) = O(1/λ)
                // spectrum's certified continuation costs ~10 s per point at λ = 1e±5, so it is probed at 1e±3
                assertEquals(Math.max(0, 1 - gamma), t.at(1e-3), 1e-2, "gamma " + gamma + " zeta " + zeta);
                assertEquals(1.0, t.at(1e3), 1e-2);
                // further out with the independent continuation (spectrum's refuses λ = 1e-7 at γ > 1)
                TrainingLoss q = TrainingLoss.of(
                        new ModelParams(1, zeta, gamma, 1),
                        zeta == 0
                                ? new MarchenkoPasturResolvent(1, gamma)
                                : QuarticNegativeAxis.of(new ModelParams(1, zeta, gamma, 1)));
                // at γ > 1 (atom, G ~ −a/λ) our continuation takes ~10 s to reach 1e-7, so 1e-5 there
                double small = gamma > 1 ? 1e-5 : 1e-7;
                assertEquals(Math.max(0, 1 - gamma), q.at(small), 1e-5, "gamma " + gamma + " zeta " + zeta);
                assertEquals(1.0, q.at(1e7), 1e-5);
            }
        }
    }

    /** At fixed η the loss falls as η/ζ grows, for every λ and γ. */
    @Property(tries = 40, seed = "20261124")
    void fallsWithEtaOverZeta(
            @ForAll @DoubleRange(min = 0.3, max = 2.5) double gamma,
            @ForAll @DoubleRange(min = -3, max = 0.5) double log10Lambda) {
        double lambda = Math.pow(10, log10Lambda);
        double previous = Double.POSITIVE_INFINITY;
        for (double zeta : new double[] {1, 0.75, 0.5, 0.25, 0.1, 0}) {
            double e = TrainingLoss.of(new ModelParams(1, zeta, gamma, 1)).at(lambda);
            assertTrue(e < previous, "zeta " + zeta + ": " + e + " !< " + previous);
            assertTrue(e > 0 && e < 1);
            previous = e;
        }
    }

    /** Two independent continuations of the quartic (spectrum's certified one and ours) agree. */
    @Property(tries = 25, seed = "20261124")
    void certifiedAndIndependentContinuationsAgree(
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double zetaOverEta,
            @ForAll @DoubleRange(min = 0.2, max = 3) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 3) double psi,
            @ForAll @DoubleRange(min = -3, max = 1) double log10Lambda) {
        ModelParams p = new ModelParams(1.3, 1.3 * zetaOverEta, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        NegativeAxisPoint a = new QuarticLawResolvent(org.nrmt.spectrum.QuarticLaw.of(p)).at(lambda);
        NegativeAxisPoint b = QuarticNegativeAxis.of(p).at(lambda);
        assertTrue(a.certified());
        assertEquals(a.g(), b.g(), 1e-10 * Math.abs(a.g()));
        assertEquals(a.dg(), b.dg(), 1e-8 * Math.abs(a.dg()));
    }

    @Test
    void gridAgreesWithPointwise() {
        ModelParams p = new ModelParams(1, 0.4, 1.5, 1);
        double[] lambdas = {1, 1e-3, 0.1, 0.01};
        double[] grid = TrainingLoss.of(p).along(lambdas);
        for (int i = 0; i < lambdas.length; i++) {
            assertEquals(TrainingLoss.of(p).at(lambdas[i]), grid[i], 1e-12);
        }
    }
}
