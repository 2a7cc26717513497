package org.nrmt.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The package-info example, run: a certified density curve in a few lines, and its mass. */
class UsageExampleTest {

    @Test
    void certifiedDensityCurveInAFewLines() {
        // tanh at s = 1 (η, ζ from mpmath, 40 digits), φ = 0.5, ψ = 2
        QuarticLaw law = QuarticLaw.of(new ModelParams(0.39429449039784117, 0.36687916436241092, 0.5, 2));
        List<StieltjesPoint> curve = law.densityGrid(0, 2, 1000);
        double h = 2.0 / 999, mass = 0;
        for (StieltjesPoint p : curve) {
            assertTrue(p.certified());
            mass += p.density() * h; // the density vanishes at both ends of [0, 2]
        }
        // trapezoid on a square-root-edged density: error ~ h^1.5
        assertEquals(1, mass, 1e-3);
        assertEquals(1, law.support().size());
    }
}
