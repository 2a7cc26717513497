package org.nrmt.simulation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.activation.Activation;
import org.nrmt.activation.ActivationArbitraries;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;

/**
 * Issue #4 item 4: random activations (centred automatically), φ, ψ ∈ [0.25, 4], n1 ∈ [200, 400].
 * The simulated spectrum must match the Pennington–Worah law where finite-n noise is small:
 * the Stieltjes transform at Im z ≥ 0.5·S (S = max(η, λ₊/4), the law's scale) within c/n, and
 * the first three moments within statistical tolerance. Few tries: each one is a simulation.
 */
class SimulationProperties {

    private static final int TRIALS = 8;

    /** A simulated case: activation text, φ, ψ, n1 and the simulation seed. */
    record Case(String activation, double phi, double psi, int n1, long seed) {
        int n0() {
            return (int) Math.round(psi * n1);
        }

        int m() {
            return (int) Math.round(n0() / phi);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Double> ratio = Arbitraries.doubles().between(0.25, 4).ofScale(2);
        return Combinators.combine(
                        ActivationArbitraries.any(),
                        ratio,
                        ratio,
                        Arbitraries.integers().between(200, 400),
                        Arbitraries.longs())
                .as(Case::new);
    }

    static final class Run {
        final ModelParams params;
        final QuarticLaw law;
        final SimulationResult result;
        final EmpiricalSpectrum esd;
        final double n;
        final double kurtosis;

        Run(Case c) {
            this(c, 1);
        }

        Run(Case c, int trials) {
            Activation f = Activation.parse(c.activation());
            DoubleConstants k = GaussianConstantsEngine.computeDouble(f, 1.0, 0);
            // A nearly constant f has no spectrum to compare at this scale.
            Assume.that(k.eta() > 1e-3);
            params = new ModelParams(
                    k.eta(), Math.min(k.zeta(), k.eta()), (double) c.n0() / c.m(), (double) c.n0() / c.n1());
            law = QuarticLaw.of(params);
            SimulationSpec spec = SimulationSpec.of(c.n0(), c.n1(), c.m());
            CenteredActivation centred = new CenteredActivation(f.toDoubleFunction(), k.mean(), c.activation());
            result = new Simulator(NativeEigenSolver.load(msg -> {}), 2).run(spec, centred, trials, c.seed());
            esd = result.spectrum();
            n = Math.min(c.n0(), Math.min(c.n1(), c.m()));
            kurtosis = kurtosis(f.toDoubleFunction(), k.mean(), k.eta());
        }

        /**
         * κ = E(f(Z) − μ)⁴ / η², by the trapezoid rule on [−14, 14] with h = 10⁻³ (ample for a
         * tolerance factor, kinks included). The finite-n error of the spectrum grows with the
         * tails of f: for x² − 1 (κ = 15) and 1.91x³ − 3x (κ ≈ 89) the O(1/n) biases of the
         * moments are 10–50 times those of tanh (κ ≈ 2), and part of them is the outliers that
         * the row and column norms of W and X create when f has an even part.
         */
        static double kurtosis(java.util.function.DoubleUnaryOperator f, double mean, double eta) {
            double h = 1e-3;
            double sum = 0;
            for (int i = -14_000; i <= 14_000; i++) {
                double x = i * h;
                double d = f.applyAsDouble(x) - mean;
                sum += d * d * d * d * Math.exp(-0.5 * x * x);
            }
            return sum * h / Math.sqrt(2 * Math.PI) / (eta * eta);
        }

        double scale() {
            double hi = law.support().stream().mapToDouble(iv -> iv.hi()).max().orElse(params.eta());
            return Math.max(params.eta(), hi / 4);
        }
    }

    /**
     * S·|G_N(z) − G(z)| ≤ (10 + κ/2)/n at z = x + iy, y ∈ {0.5, 1}·S, x over the support hull, with
     * n = min(n0, n1, m) and κ the kurtosis of f (Run#kurtosis): S·G is scale-free, and at these
     * heights the error is the O(1/n) bias of the finite matrix (theory/verification.md §3).
     * Measured n·S·|ΔG| ≈ 0.5–1.3 for bounded f, 8–10 for x² − 1 (κ = 15) and 14–20 for
     * 0.18·|0.68x + 0.3| + 1.91x³ − 3x (κ ≈ 89, n = 171…684).
     */
    @Property(tries = 6, shrinking = ShrinkingMode.BOUNDED, seed = "20261124")
    void stieltjesAtHalfTheScaleIsWithinCOverN(@ForAll("cases") Case c) {
        Run r = new Run(c);
        double s = r.scale();
        double lo = r.law.support().get(0).lo();
        double hi = r.law.support().get(r.law.support().size() - 1).hi();
        double worst = 0;
        for (double y : new double[] {0.5, 1.0}) {
            for (int i = 0; i <= 6; i++) {
                Complex z = new Complex(lo + (hi - lo) * i / 6, y * s);
                worst = Math.max(
                        worst,
                        s * r.esd.stieltjes(z).subtract(r.law.stieltjes(z)).abs());
            }
        }
        double budget = (10 + r.kurtosis / 2) / r.n;
        if (!(worst <= budget)) {
            throw new AssertionError("S·|G_N − G| = " + worst + " > (10 + κ/2)/n = " + budget + " (κ = " + r.kurtosis
                    + ") for " + c + " with " + r.params);
        }
    }

    /**
     * Moments, relative to the law's, over T = 8 independent matrices: the mean relative error
     * r̄_k must satisfy |r̄_k| ≤ k·(10 + 2κ)/n + 5·sd_k/√T, with κ the kurtosis of f and sd_k the
     * trial-to-trial standard deviation. The first term is the budget for the O(1/n) finite-size
     * bias, which grows with k and with the tails of f (measured n·bias for k = 1, 2, 3: ≤ 1.3,
     * 3.8, 9.0 for bounded f; 4.4, 26, 64 for x² − 1, κ = 15; 11, 87, 252 for
     * 0.18·|0.68x + 0.3| + 1.91x³ − 3x, κ ≈ 89, at n = 171, falling with n); the second is a t-test
     * on the sampling error (7 degrees of freedom: P(|t| > 5) ≈ 0.002). One matrix is not enough:
     * n·sd of m2 reaches 8–10, so one draw at n = 100 leaves 20 % relative noise (CI run of
     * 2026-11-24: m2 off by 22 % against a 20 % budget). The measurements come from
     * {@code org.nrmt.bench.MomentBiasStudy} (its Javadoc gives the commands).
     */
    @Property(tries = 6, shrinking = ShrinkingMode.BOUNDED, seed = "20261124")
    void firstThreeMomentsWithinStatisticalTolerance(@ForAll("cases") Case c) {
        Run r = new Run(c, TRIALS);
        for (int k = 1; k <= 3; k++) {
            double theory = r.law.moment(k);
            double sum = 0;
            double sumSq = 0;
            for (int t = 0; t < TRIALS; t++) {
                double rel = EmpiricalSpectrum.of(r.result.trial(t)).moment(k) / theory - 1;
                sum += rel;
                sumSq += rel * rel;
            }
            double mean = sum / TRIALS;
            double sd = Math.sqrt(Math.max(0, (sumSq - TRIALS * mean * mean) / (TRIALS - 1)));
            double budget = k * (10 + 2 * r.kurtosis) / r.n + 5 * sd / Math.sqrt(TRIALS);
            if (!(Math.abs(mean) <= budget)) {
                throw new AssertionError("m" + k + ": mean relative error " + mean + " (sd " + sd + " over " + TRIALS
                        + " trials) > " + budget + " for " + c + " with " + r.params);
            }
        }
    }

    /**
     * Found by the moment property with its first budget, 10k/n (CI run of 2026-11-24):
     * relu(x − 0.54) at n0 = 74, n1 = 200, m = 206 has m3 about 40 % above the limit law, n·rel ≈ 30.
     * Its κ ≈ 10.9 puts it inside the tail-aware budget; kept as the smallest case on record.
     */
    @Example
    void shiftedReluAtSmallInputDimension() {
        firstThreeMomentsWithinStatisticalTolerance(new Case("relu(x - 0.54)", 0.3592233009708738, 0.37, 200, 9));
    }
}
