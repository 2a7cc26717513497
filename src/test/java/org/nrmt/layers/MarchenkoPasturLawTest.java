package org.nrmt.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class MarchenkoPasturLawTest {

    /** ∫ρ + atom = 1 and the CDF's first moment ∫ x dF = η (Narayana m1), by integrating 1 − F. */
    @Property(tries = 30, seed = "20261124")
    void cdfIsNormalisedAndHasMeanEta(
            @ForAll @DoubleRange(min = 0.1, max = 4) double gamma,
            @ForAll @DoubleRange(min = 0.2, max = 3) double eta) {
        MarchenkoPasturLaw law = MarchenkoPasturLaw.of(eta, gamma);
        double b = law.support().get(0).hi();
        assertEquals(1.0, law.cdf(b * (1 - 1e-12)), 1e-9);
        // E X = ∫_0^b (1 − F(x)) dx by a fine midpoint rule
        int n = 4000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 - law.cdf((i + 0.5) * b / n);
        }
        assertEquals(eta, sum * b / n, 2e-4 * eta);
    }

    /** G from the closed form against −∫ρ/(x − z) + atom/z at an off-axis point, and the moments. */
    @Test
    void stieltjesAndMomentsAgree() {
        MarchenkoPasturLaw law = MarchenkoPasturLaw.of(1.3, 1.5);
        Complex z = new Complex(0.7, 0.4);
        Complex g = law.stieltjes(z);
        double lo = law.support().get(0).lo();
        double hi = law.support().get(0).hi();
        int n = 200_000;
        Complex sum = Complex.ZERO;
        double h = (hi - lo) / n;
        for (int i = 0; i < n; i++) {
            double x = lo + (i + 0.5) * h;
            sum = sum.add(z.subtract(x).reciprocal().multiply(law.density(x) * h));
        }
        sum = sum.add(z.reciprocal().multiply(1 - 1 / 1.5));
        assertEquals(sum.getReal(), g.getReal(), 1e-5);
        assertEquals(sum.getImaginary(), g.getImaginary(), 1e-5);
        assertEquals(1.3, law.moment(1), 1e-15);
        assertEquals(1.3 * 1.3 * 2.5, law.moment(2), 1e-13); // η²(1 + γ)
    }
}
