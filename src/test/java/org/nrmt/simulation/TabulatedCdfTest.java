package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TabulatedCdfTest {

    /** Against the quadrature CDF of Marchenko–Pastur: soft edges (γ = 0.5, 2) and a hard edge at 0 (γ = 1). */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void interpolatesTheLawsCdfMonotonically(double gamma) {
        MarchenkoPasturLaw law = new MarchenkoPasturLaw(2.0, gamma);
        TabulatedCdf t = TabulatedCdf.of(law);
        double lo = law.support().get(0).lo();
        double hi = law.support().get(0).hi();
        double max = 0;
        double prev = -1;
        for (int i = 0; i <= 5000; i++) {
            double x = lo - 0.1 + (hi - lo + 0.2) * i / 5000;
            double f = t.cdf(x);
            max = Math.max(max, Math.abs(f - law.cdf(x)));
            assertTrue(f >= prev, "monotone at " + x);
            prev = f;
        }
        assertTrue(max < 1e-6, "max error " + max);
        assertEquals(law.atomMass(), t.cdf(0) - t.cdfLeft(0), 0);
        assertEquals(1.0, t.cdf(hi), 1e-8);
    }
}
