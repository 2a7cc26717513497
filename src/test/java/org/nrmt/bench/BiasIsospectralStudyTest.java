package org.nrmt.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.nrmt.simulation.BiasKind;

/** The pieces of {@link BiasIsospectralStudy} that its numbers rest on, against independent truth. */
class BiasIsospectralStudyTest {

    /** MP(c) density, scale 1: √((λ+ − x)(x − λ−)) / (2π c x). */
    private static double mpDensity(double c, double x) {
        double lm = Math.pow(1 - Math.sqrt(c), 2);
        double lp = Math.pow(1 + Math.sqrt(c), 2);
        return Math.sqrt(Math.max(0, (lp - x) * (x - lm))) / (2 * Math.PI * c * x);
    }

    @Test
    void mpCdfMatchesDirectIntegrationOfTheDensity() {
        double c = 0.5;
        double lm = Math.pow(1 - Math.sqrt(c), 2);
        double lp = Math.pow(1 + Math.sqrt(c), 2);
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(64, 1e-12, 1e-12);
        for (double t : new double[] {0.01, 0.2, 0.5, 0.8, 0.99}) {
            double x = lm + t * (lp - lm);
            // x − λ− = u² removes the square-root edge: ∫ ρ(λ− + u²) 2u du, smooth in u
            double direct = gl.integrate(1_000_000, u -> mpDensity(c, lm + u * u) * 2 * u, 0, Math.sqrt(x - lm));
            assertEquals(direct, BiasIsospectralStudy.mpCdf(c, x), 1e-7, "x = " + x);
        }
        assertEquals(0.0, BiasIsospectralStudy.mpCdf(c, 0.5 * lm), 0.0);
        assertEquals(1.0, BiasIsospectralStudy.mpCdf(c, lp * (1 - 1e-12)), 1e-7);
        assertEquals(1.0, BiasIsospectralStudy.mpCdf(c, 2 * lp), 0.0);
    }

    @Test
    void capClampsTheFrequenciesOnly() {
        double[] t = {5, -3, -0.5, 0.2, 1.5, -7};
        assertArrayEquals(new double[] {2, -3, 0.5, 0.2, 1.5, -2}, BiasIsospectralStudy.capped(t, 2), 0.0);
        assertArrayEquals(t, BiasIsospectralStudy.capped(t, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void summaryCountsAndNamesTheCasesFromTheNumbers() {
        List<BiasIsospectralStudy.ShortcutRow> rows = List.of(
                new BiasIsospectralStudy.ShortcutRow("tanh", BiasKind.neuron, 0.5, 0.010, 0.004, 0.009, 2000, 1),
                new BiasIsospectralStudy.ShortcutRow("relu", BiasKind.sample, 1.0, 0.003, 0.005, 0.002, 2000, 1),
                new BiasIsospectralStudy.ShortcutRow("relu", BiasKind.neuron, 1.5, 0.150, 0.016, 0.140, 2000, 1));
        String s = BiasIsospectralStudy.summary(rows);
        assertTrue(s.contains("closer to the simulation than the shortcut in 2 of 3 cases"), s);
        assertTrue(s.contains("relu sample σb = 1.0 (0.0030 against 0.0050)"), s);
        assertTrue(s.contains("Largest KS(exact, simulation): 0.0160 (relu neuron σb = 1.5)"), s);
        assertTrue(s.contains("(the issue's bound) in 2 of 3 cases"), s);
        assertTrue(s.contains("≤ 0.0100 over all cases"), s);
    }
}
