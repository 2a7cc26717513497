package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * f(x) = x² − 1 has mean 0, η = 2, ζ = 0 at s = 1, so M follows Marchenko–Pastur with ratio γ and
 * scale 2 (theory/quartic.md §3): an end-to-end check of sampling, BLAS, LAPACK and statistics
 * against a closed-form law.
 */
class MarchenkoPasturSimulationTest {
    static final CenteredActivation SQUARE = new CenteredActivation(x -> x * x - 1, 0, "x^2-1");

    static Comparison run(int n0, int n1, int m, int trials) {
        EigenSolver solver = NativeEigenSolver.load(msg -> {});
        SimulationResult r = new Simulator(solver, 2).run(SimulationSpec.of(n0, n1, m), SQUARE, trials, 11);
        return TheoryComparison.compare(r, new MarchenkoPasturLaw(2.0, (double) n1 / m));
    }

    /**
     * Small sizes (n1 = 400–1000, one or two trials). Tolerances from measurement plus margin: this
     * unbounded f carries finite-n corrections ~ 1/n with large constants (E f⁴ = 60), so KS ≈
     * 0.01–0.02 here. At Im z ≥ 0.5 the Stieltjes transform is a smooth average, its error the
     * O(1/n0) bias of the row norms ‖w_i‖² (m1 is biased by ≈ 6/n0 for x² − 1): within 12/min(n0, n1);
     * m1 has standard error ≈ √(2/(n1 m))·η per trial; m2 is biased upward by ~5% at these n.
     */
    @ParameterizedTest
    @CsvSource({"500, 500, 1000", "500, 1000, 500", "800, 400, 400"})
    void squareActivationFollowsMarchenkoPastur(int n0, int n1, int m) {
        Comparison c = run(n0, n1, m, 2);
        MarchenkoPasturLaw law = new MarchenkoPasturLaw(2.0, (double) n1 / m);
        assertTrue(c.ks() < 0.025, "ks = " + c.ks());
        assertTrue(c.w1() < 0.1, "w1 = " + c.w1());
        java.util.List<Complex> far = SpectralStatistics.defaultStieltjesPoints(law).stream()
                .filter(z -> z.getImaginary() >= 0.5)
                .toList();
        EigenSolver solver = NativeEigenSolver.load(msg -> {});
        EmpiricalSpectrum esd = new Simulator(solver, 2)
                .run(SimulationSpec.of(n0, n1, m), SQUARE, 2, 11)
                .spectrum();
        double farError = SpectralStatistics.stieltjesMaxError(esd, law, far);
        assertTrue(farError < 12.0 / Math.min(n0, n1), "stieltjes at Im z >= 0.5: " + farError);
        assertTrue(c.stieltjesMaxError() < 0.05, "stieltjes = " + c.stieltjesMaxError());
        double expectedAtom = Math.max(0, 1 - (double) m / n1);
        assertEquals(expectedAtom, c.atomTheory(), 1e-15);
        assertEquals(expectedAtom, c.atomEmpirical(), 1e-15);
        assertEquals(c.momentsTheory().get(0), c.momentsEmpirical().get(0), 0.03);
        assertEquals(
                c.momentsTheory().get(1),
                c.momentsEmpirical().get(1),
                0.1 * c.momentsTheory().get(1));
        assertEquals(n1, c.n1());
        assertEquals(2, c.trials());
    }

    /** Issue #4's bound for unbounded f at n1 ≈ 1000: KS ≤ 0.012, atoms agree when n1 > m. */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({"1000, 1000, 2000", "1000, 2000, 1000", "2000, 1000, 1000"})
    void squareActivationAtIssueSizes(int n0, int n1, int m) {
        Comparison c = run(n0, n1, m, 1);
        assertTrue(c.ks() <= 0.012, "ks = " + c.ks());
        assertEquals(c.atomTheory(), c.atomEmpirical(), 1e-12);
        // Im z ≥ 0.1 includes edge structure: 0.025 at n1 = 1000 (theory/verification.md §4).
        assertTrue(c.stieltjesMaxError() < 0.04, "stieltjes = " + c.stieltjesMaxError());
    }
}
