package org.nrmt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nrmt.spectrum.StieltjesPoint;

/** The README's Java example runs and its curve is a probability density (style.md C7: examples are tests). */
class CertifiedDensityExampleTest {

    @Test
    void readmeExampleGivesACertifiedNormalisedDensity() {
        List<StieltjesPoint> pts = CertifiedDensityExample.tanhDensity();
        assertEquals(200, pts.size());
        double h = 1.6 / 199;
        double mass = 0;
        for (int i = 0; i < pts.size(); i++) {
            StieltjesPoint p = pts.get(i);
            if (p.z().getReal() == 0.0) {
                continue; // the grid's left end sits outside the support (λ₋ ≈ 0.0346)
            }
            assertTrue(p.certified(), "uncertified at x = " + p.z().getReal());
            assertTrue(p.density() >= 0);
            mass += (i == 0 || i == pts.size() - 1 ? 0.5 : 1) * h * p.density();
        }
        // No atom at γ = 1/4 and the support [0.0346, 1.4221] lies inside the grid: the trapezoid
        // over 200 points sees square-root edges, so its error is O(h^1.5) ≈ 1e-3.
        assertEquals(1.0, mass, 5e-3);
    }
}
