package org.nrmt.memorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.NativeEigenSolver;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.spectrum.ModelParams;

class MemorizationSimulationTest {

    static final double[] LAMBDAS = {1e-3, 1e-2, 0.1, 1};

    /**
     * Theory against simulation: ψ = 1 (n0 = n1 = n), m = n/γ, the spectral and the explicit-fit
     * estimates each averaged over trials 0 … T − 1 of {@code seed}. Returns the largest deviation
     * |sim − theory|/(theory + floor) over the λ grid.
     */
    static double worstRelativeError(String expr, double gamma, int n, long seed, double floor, int trials) {
        Activation f = Activation.parse(expr);
        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, 1, 0);
        int m = (int) Math.round(n / gamma);
        ModelParams p = new ModelParams(c.eta(), c.zeta(), (double) n / m, 1);
        double[] theory = TrainingLoss.of(p).along(LAMBDAS);
        double[] spectral = new double[LAMBDAS.length];
        double[] explicit = new double[LAMBDAS.length];
        for (int t = 0; t < trials; t++) {
            MemorizationSimulation sim =
                    MemorizationSimulation.sample(f.toDoubleFunction(), c.mean(), n, n, m, seed, t);
            for (int i = 0; i < LAMBDAS.length; i++) {
                spectral[i] += sim.spectralLoss(LAMBDAS[i]) / trials;
                // n2 = n targets: sampling sd ~ sqrt(2/(n m))
                explicit[i] += sim.explicitLoss(LAMBDAS[i], n, seed + 1 + t) / trials;
            }
        }
        double worst = 0;
        for (int i = 0; i < LAMBDAS.length; i++) {
            System.out.printf(
                    "memorization: %s gamma %.4f n %d trials %d lambda %g theory %.6f spectral %.6f explicit %.6f%n",
                    expr, gamma, n, trials, LAMBDAS[i], theory[i], spectral[i], explicit[i]);
            worst = Math.max(worst, Math.abs(spectral[i] - theory[i]) / (theory[i] + floor));
            worst = Math.max(worst, Math.abs(explicit[i] - theory[i]) / (theory[i] + floor));
        }
        return worst;
    }

    static double worstRelativeError(String expr, double gamma, int n, long seed, double floor) {
        return worstRelativeError(expr, gamma, n, seed, floor, 1);
    }

    /**
     * Default-suite version at n = 300: stated tolerance 5% of (theory + 0.002). The floor is
     * there because at γ = 1.5, λ = 1e-3 E_train ≈ 4e-4 is set by the smallest eigenvalues of K,
     * whose finite-n shift is ~10% of it at n = 300 (measured 0.000435 vs 0.000401). x² − 1 at
     * γ = 1.5 has a larger finite-n bias (see the slow test): over 200 seeds at n = 300, λ = 0.1,
     * the mean is 0.01680 against the limit 0.014505, 13.9% of (theory + floor), and one draw has
     * sd 0.00069 (4.2%; org.nrmt.bench.MemorizationDraws, theory/memorization.md §5); the limit is
     * 13.9% + 3 sd ≈ 27% there.
     */
    @Test
    void theoryMatchesSimulationSmall() {
        assertEquals(0, worstRelativeError("tanh", 2.0 / 3, 300, 17, 0.002), 0.05);
        assertEquals(0, worstRelativeError("tanh", 1.5, 300, 17, 0.002), 0.05);
        assertEquals(0, worstRelativeError("x^2-1", 2.0 / 3, 300, 17, 0.002), 0.05);
        assertEquals(0, worstRelativeError("x^2-1", 1.5, 300, 17, 0.002), 0.27);
    }

    /**
     * Issue #6 at n = 1000, each estimate the mean of 4 trials. Measured worst relative error over
     * λ ∈ [1e-3, 1] for six other seeds (1000, 1010, …, 1050; theory/memorization.md §5): tanh at
     * γ = 2/3 0.03–0.24%, x² − 1 at γ = 2/3 0.40–0.68%, both within 1%. At γ = 1.5, E_train → 0 as
     * λ → 0 and is carried by the smallest eigenvalues of K, whose finite-n shift is a bias: tanh
     * 0.7–3.4% (at λ = 1e-3, E = 4e-4; 30 single draws average +2.0%), so 5% is asserted there;
     * x² − 1 6.4–8.1% (an unbounded-f bias that shrinks roughly like 1/n, §5.1), so 10% is asserted
     * and that the error falls from n = 300.
     */
    @Test
    @Tag("slow")
    void theoryMatchesSimulation() {
        assertEquals(0, worstRelativeError("tanh", 2.0 / 3, 1000, 23, 0, 4), 0.01);
        assertEquals(0, worstRelativeError("tanh", 1.5, 1000, 23, 0, 4), 0.05);
        assertEquals(0, worstRelativeError("x^2-1", 2.0 / 3, 1000, 23, 0, 4), 0.01);
        double large = worstRelativeError("x^2-1", 1.5, 1000, 23, 0, 4);
        double small = worstRelativeError("x^2-1", 1.5, 300, 23, 0, 4);
        assertEquals(0, large, 0.10);
        assertTrue(large < 0.7 * small, "finite-n bias must shrink: " + small + " -> " + large);
    }

    /** The explicit fit averages to the spectral value: with many targets they agree closely. */
    @Test
    void explicitFitMatchesSpectralIdentity() {
        MemorizationSimulation sim = MemorizationSimulation.sample(Math::tanh, 0, 120, 100, 150, 5);
        for (double lambda : LAMBDAS) {
            double spectral = sim.spectralLoss(lambda);
            double explicit = sim.explicitLoss(lambda, 4000, 9);
            // per-target loss has relative sd ~ sqrt(2/m); averaged over 4000 targets: ~0.2%
            assertEquals(spectral, explicit, 0.01 * spectral, "lambda " + lambda);
        }
    }

    /** E = (λ²/m)[Σ 1/(a+λ)² + (m − n1)/λ²] for n1 equal eigenvalues a; limits 1 − γ and 1. */
    @Test
    void spectralLossFromEigenvalues() {
        double[] ev = {2, 2, 2, 2};
        assertEquals(0.6, MemorizationSimulation.spectralLoss(ev, 10, 1e-9), 1e-12);
        assertEquals(0.25 / 10 * (4 / 6.25 + 6 / 0.25), MemorizationSimulation.spectralLoss(ev, 10, 0.5), 1e-15);
        assertEquals(1.0, MemorizationSimulation.spectralLoss(ev, 10, 1e9), 1e-8);
        // n1 > m: K has the m largest eigenvalues of M only (the others are the zero atom of M).
        assertEquals(
                0.5 * (1 / 4.0 + 1 / 16.0),
                MemorizationSimulation.spectralLoss(new double[] {0, 0, 1, 3}, 2, 1),
                1e-15);
    }

    /**
     * One sampler: the features of trial t are the simulation's, so M's eigenvalues equal those
     * {@code nrmt simulate} computes for the same seed and trial (dsyrk and dsyevd on the row-major
     * copy against the column-major pipeline: equal to rounding, 1e-12·λ_max).
     */
    @Test
    void featuresAreTheSimulationsMatrix() {
        SimulationSpec spec = SimulationSpec.of(60, 50, 70);
        CenteredActivation f = new CenteredActivation(Math::tanh, 0, "tanh");
        for (int t = 0; t < 2; t++) {
            double[] expected = NativeEigenSolver.load(s -> {}).sampleEigenvalues(spec, f, 11, t, 1);
            double[] got = MemorizationSimulation.sample(Math::tanh, 0, 60, 50, 70, 11, t)
                    .eigenvalues();
            double top = expected[expected.length - 1];
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], 1e-12 * top, "trial " + t + ", eigenvalue " + i);
            }
        }
        assertArrayEquals(
                MemorizationSimulation.sample(Math::tanh, 0, 60, 50, 70, 11).eigenvalues(),
                MemorizationSimulation.sample(Math::tanh, 0, 60, 50, 70, 11, 0).eigenvalues());
    }

    @Test
    void sameSeedSameNumbers() {
        double a = MemorizationSimulation.sample(Math::tanh, 0, 40, 30, 50, 3).explicitLoss(0.1, 5, 4);
        double b = MemorizationSimulation.sample(Math::tanh, 0, 40, 30, 50, 3).explicitLoss(0.1, 5, 4);
        assertEquals(a, b, 0.0);
    }
}
