package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test oracle checks itself: total mass, moments by quadrature, G ~ 1/z, Im G < 0. */
class MarchenkoPasturLawTest {
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void massAndMomentsMatchClosedForms(double gamma) {
        MarchenkoPasturLaw law = new MarchenkoPasturLaw(2.0, gamma);
        assertEquals(1.0, law.cdf(1e9), 1e-14);
        double lo = law.support().get(0).lo();
        double hi = law.support().get(0).hi();
        assertEquals(1.0, law.cdf(hi - 1e-12), 1e-5);
        double h = (hi - lo) / 2;
        for (int k = 1; k <= 3; k++) {
            final int kk = k;
            double mk = GAUSS.legendre(200, 0, Math.PI).integrate(t -> {
                double x = lo + h * (1 - Math.cos(t));
                return Math.pow(x, kk) * law.density(x) * h * Math.sin(t);
            });
            assertEquals(law.moment(k), mk, 1e-9 * law.moment(k), "m" + k);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0})
    void stieltjesIsOnThePhysicalBranch(double gamma) {
        MarchenkoPasturLaw law = new MarchenkoPasturLaw(1.0, gamma);
        Complex z = new Complex(3.0, 1e4);
        Complex g = law.stieltjes(z);
        assertEquals(0, g.subtract(z.reciprocal()).abs(), 1e-7);
        Complex z2 = new Complex(1.0, 0.5);
        assertTrue(law.stieltjes(z2).getImaginary() < 0);
        // Inversion: −Im G(x + iε)/π → ρ(x).
        double x = law.support().get(0).lo() + 0.3;
        assertEquals(law.density(x), -law.stieltjes(new Complex(x, 1e-9)).getImaginary() / Math.PI, 1e-6);
    }
}
