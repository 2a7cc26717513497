package org.nrmt.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** Each rule against closed-form integrals; error estimates must bound the actual error. */
class QuadratureRulesTest {
    private static final long P = 60;

    private static Apfloat ap(double v) {
        return new Apfloat(v, P);
    }

    private static void assertHonest(Apfloat exact, QuadratureResult r, double maxLog10Err) {
        Apfloat actual = ApfloatMath.abs(r.value().subtract(exact));
        assertTrue(r.converged(), "not converged: " + r);
        assertTrue(actual.compareTo(r.error()) <= 0, "error estimate " + r.error() + " < actual " + actual);
        assertTrue(LevelErrorEstimator.log10Abs(r.error()) <= maxLog10Err, "estimate too loose: " + r.error());
    }

    @Test
    void tanhSinhArctanToFiftyDigits() {
        // ∫_{-1}^{1} dx/(1+x²) = π/2
        QuadratureResult r = TanhSinhRule.withDefaults()
                .integrate(x -> Apfloat.ONE.divide(Apfloat.ONE.add(x.multiply(x))), ap(-1), ap(1), 50);
        assertHonest(ApfloatMath.pi(P).divide(new Apfloat(2)), r, -49);
    }

    @Test
    void tanhSinhToleratesLogEndpointSingularity() {
        // ∫_0^1 log x dx = −1 : the rule never evaluates the endpoint
        QuadratureResult r = TanhSinhRule.withDefaults().integrate(ApfloatMath::log, ap(0), ap(1), 40);
        assertHonest(new Apfloat(-1), r, -39);
    }

    @Test
    void tanhSinhNodeCacheGivesSameAnswerAndCountsEvaluations() {
        TanhSinhRule rule = TanhSinhRule.withDefaults();
        QuadratureResult a = rule.integrate(ApfloatMath::exp, ap(0), ap(2), 30);
        QuadratureResult b = rule.integrate(ApfloatMath::exp, ap(0), ap(2), 30);
        assertEquals(a.value(), b.value());
        assertEquals(a.evaluations(), b.evaluations());
        assertHonest(ApfloatMath.exp(new Apfloat(2, P)).subtract(Apfloat.ONE), a, -29);
    }

    @Test
    void tanhSinhReportsNonConvergence() {
        // a kink inside the interval: |x − 1/3| on [0, 1] stalls the double-exponential rule
        Apfloat third = new Apfloat(1, P).divide(new Apfloat(3, P));
        QuadratureResult r = TanhSinhRule.withDefaults()
                .withMaxLevels(4)
                .integrate(x -> ApfloatMath.abs(x.subtract(third)), ap(0), ap(1), 40);
        assertFalse(r.converged());
        assertThrows(QuadratureNotConvergedException.class, () -> r.requireConverged("kink"));
    }

    @Test
    void trapezoidGaussianIsExponentiallyAccurate() {
        // ∫ e^{-x²/2} over [−22, 22] = √(2π) up to the tails, 1e-105
        QuadratureResult r = TrapezoidRule.withDefaults()
                .integrate(
                        TrapezoidRule.pointwise(new VectorIntegrand() {
                            @Override
                            public int dimension() {
                                return 1;
                            }

                            @Override
                            public Apfloat[] at(Apfloat x) {
                                return new Apfloat[] {
                                    ApfloatMath.exp(x.multiply(x).negate().divide(new Apfloat(2)))
                                };
                            }
                        }),
                        ap(-22),
                        ap(22),
                        44,
                        P,
                        new double[] {-45},
                        new double[] {0.4});
        assertHonest(ApfloatMath.sqrt(ApfloatMath.pi(P).multiply(new Apfloat(2))), r, -45);
        // level doubling reuses nodes: evaluations = final grid + the two ends counted twice
        int n = 44 << (r.levels() - 1);
        assertEquals(n + 3, r.evaluations());
    }

    @Test
    void doubleTanhSinhSqrtAndDoubleTrapezoid() {
        DoubleQuadratureResult r = DoubleTanhSinhRule.withDefaults()
                .integrate(
                        new DoubleVectorIntegrand() {
                            @Override
                            public int dimension() {
                                return 1;
                            }

                            @Override
                            public void at(double x, double[] out) {
                                out[0] = Math.sqrt(x);
                            }
                        },
                        0,
                        1,
                        1e-300,
                        1e-14);
        assertTrue(r.converged());
        assertEquals(2.0 / 3, r.value(), 1e-15);
        assertTrue(Math.abs(r.value() - 2.0 / 3) <= r.error());
        DoubleQuadratureResult t = DoubleTrapezoidRule.withDefaults()
                .integrate(
                        new DoubleVectorIntegrand() {
                            @Override
                            public int dimension() {
                                return 1;
                            }

                            @Override
                            public void at(double x, double[] out) {
                                out[0] = Math.exp(-x * x / 2) * Math.cos(x);
                            }
                        },
                        -12,
                        12,
                        8,
                        1e-300,
                        1e-14);
        double exact = Math.sqrt(2 * Math.PI) * Math.exp(-0.5);
        assertEquals(exact, t.value(), 1e-15);
        assertTrue(Math.abs(t.value() - exact) <= t.error());
    }

    @Test
    void fixedPointExpMatchesApfloat() {
        int b = Fixed.bitsFor(110);
        for (String xs : new String[] {"0", "1", "-1", "0.3466", "12.5", "-250.25", "40"}) {
            Apfloat x = new Apfloat(xs, Apfloat.INFINITE);
            BigInteger e = Fixed.exp(Fixed.ofApfloat(x.precision(140), b), b);
            Apfloat exact = ApfloatMath.exp(x.precision(140));
            Apfloat got = Fixed.toApfloat(e, b, 140);
            Apfloat err = ApfloatMath.abs(got.subtract(exact));
            // absolute error ~2^-b for small results, relative for large ones
            Apfloat bound = ApfloatMath.scale(new Apfloat(1), -105).multiply(ApfloatMath.max(exact, Apfloat.ONE));
            assertTrue(err.compareTo(bound) <= 0, "exp(" + xs + "): error " + err);
        }
        Apfloat ln2 = Fixed.toApfloat(Fixed.ln2(b), b, 120);
        assertTrue(ApfloatMath.abs(ln2.subtract(ApfloatMath.log(new Apfloat(2, 130))))
                        .compareTo(ApfloatMath.scale(new Apfloat(1), -108))
                <= 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TanhSinhRule.withDefaults().withMinLevels(1));
        assertThrows(
                IllegalArgumentException.class,
                () -> TanhSinhRule.withDefaults().integrate(x -> x, ap(1), ap(0), 10));
    }
}
