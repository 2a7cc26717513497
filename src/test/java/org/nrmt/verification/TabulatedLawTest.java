package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;

/** The tabulated CDF against closed forms: square-root edges, an x^(−1/2) hard edge, an atom. */
class TabulatedLawTest {

    /** A law given by its density and closed-form CDF (G is not needed by the table). */
    private record Closed(DoubleUnaryOperator rho, DoubleUnaryOperator cdf, List<Interval> support, List<Atom> atoms)
            implements SpectralLaw {
        @Override
        public Complex stieltjes(Complex z) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double density(double x) {
            return rho.applyAsDouble(x);
        }

        @Override
        public double cdf(double x) {
            return cdf.applyAsDouble(x);
        }

        @Override
        public double moment(int k) {
            throw new UnsupportedOperationException();
        }
    }

    /** Semicircle on [−2, 2]: F = 1/2 + x√(4 − x²)/(4π) + asin(x/2)/π. */
    @Test
    void semicircleSquareRootEdges() {
        Closed sc = new Closed(
                x -> Math.abs(x) >= 2 ? 0 : Math.sqrt(4 - x * x) / (2 * Math.PI),
                x -> x <= -2
                        ? 0
                        : x >= 2 ? 1 : 0.5 + x * Math.sqrt(4 - x * x) / (4 * Math.PI) + Math.asin(x / 2) / Math.PI,
                List.of(new Interval(-2, 2)),
                List.of());
        TabulatedLaw t = new TabulatedLaw(sc);
        assertEquals(1.0, t.tableMass(), 1e-13);
        for (double x = -2.5; x <= 2.5; x += 0.0137) {
            assertEquals(sc.cdf(x), t.cdf(x), 1e-11, "x = " + x);
        }
        assertEquals(sc.cdf(2 - 1e-9), t.cdf(2 - 1e-9), 1e-12);
    }

    /** Arcsine law on [0, 1] (density 1/(π√(x(1−x))), hard edges at both ends) plus an atom 0.3 at 0. */
    @Test
    void hardEdgesAndAtom() {
        double w = 0.7;
        Closed arc = new Closed(
                x -> x <= 0 || x >= 1 ? 0 : w / (Math.PI * Math.sqrt(x * (1 - x))),
                x -> x < 0 ? 0 : x >= 1 ? 1 : 0.3 + w * 2 / Math.PI * Math.asin(Math.sqrt(x)),
                List.of(new Interval(0, 1)),
                List.of(new Atom(0, 0.3)));
        TabulatedLaw t = new TabulatedLaw(arc);
        // Near x = 1 the test's own density loses digits to 1 − x; the table itself is exact here (g is constant).
        assertEquals(1.0, t.tableMass(), 1e-11);
        for (double x = -0.1; x <= 1.1; x += 0.00731) {
            assertEquals(arc.cdf(x), t.cdf(x), 1e-11, "x = " + x);
        }
        assertEquals(0.3, t.cdf(0), 0.0);
        assertEquals(0.0, t.cdf(-1e-300), 0.0);
        assertEquals(arc.cdf(1e-10), t.cdf(1e-10), 1e-12);
    }
}
