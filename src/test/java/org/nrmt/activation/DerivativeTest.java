package org.nrmt.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** Symbolic derivatives: simplified shapes, and values against closed forms and finite differences. */
class DerivativeTest {

    private static String d(String f) {
        return Activation.parse(f).derivative().text();
    }

    @Test
    void trivialConstantsAreSimplified() {
        assertEquals("1", d("x"));
        assertEquals("3", d("3*x"));
        assertEquals("0", d("pi"));
        assertEquals("2*x", d("x^2"));
        assertEquals("2*x", d("x^2 - 1"));
        assertEquals("1 - tanh(x)^2", d("tanh"));
        assertEquals("step(x)", d("relu"));
        assertEquals("sign(x)", d("abs"));
        assertEquals("-2*x^-3", d("x^-2"));
        assertEquals("0", d("sign(x) + step(x)"));
        assertEquals("2*cos(2*x + 1)", d("sin(2*x+1)"));
    }

    @Test
    void piecewiseRules() {
        Activation dmax = Activation.parse("max(x^2, x)").derivative();
        assertEquals(2 * 1.5, dmax.value(1.5), 0); // x² > x
        assertEquals(1.0, dmax.value(0.5), 0); // x > x²
        Activation dclamp = Activation.parse("clamp(3*x, -1, 1)").derivative();
        assertEquals(0.0, dclamp.value(-1), 0);
        assertEquals(3.0, dclamp.value(0.1), 0);
        assertEquals(0.0, dclamp.value(1), 0);
        Activation dleaky = Activation.parse("leaky_relu(x, 0.1)").derivative();
        assertEquals(1.0, dleaky.value(2), 0);
        assertEquals(0.1, dleaky.value(-2), 1e-17);
        Activation dmin = Activation.parse("min(x, 1 - x)").derivative();
        assertEquals(1.0, dmin.value(0.2), 0);
        assertEquals(-1.0, dmin.value(0.8), 0);
    }

    /** Closed forms: gelu' = Φ + xφ, silu' = σ(1 + x(1 − σ)), erf' = 2e^{−x²}/√π, softplus' = σ. */
    @Test
    void closedForms() {
        for (double x = -4; x <= 4; x += 0.37) {
            double phi = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            double cdf = 0.5 * DoubleSpecial.erfc(-x / Math.sqrt(2));
            double sig = 1 / (1 + Math.exp(-x));
            EvaluationTest.assertRelative(
                    cdf + x * phi, Activation.parse("gelu").derivative().value(x), 1e-14, "gelu' " + x);
            EvaluationTest.assertRelative(
                    sig * (1 + x * (1 - sig)),
                    Activation.parse("silu").derivative().value(x),
                    1e-13,
                    "silu' " + x);
            EvaluationTest.assertRelative(
                    2 * Math.exp(-x * x) / Math.sqrt(Math.PI),
                    Activation.parse("erf").derivative().value(x),
                    1e-14,
                    "erf' " + x);
            EvaluationTest.assertRelative(
                    sig, Activation.parse("softplus").derivative().value(x), 1e-15, "softplus' " + x);
            EvaluationTest.assertRelative(
                    1 / (1 + x * x), Activation.parse("atan").derivative().value(x), 1e-15, "atan' " + x);
        }
    }

    /** f'(x) against the central difference (f(x+h) − f(x−h))/2h, h = 1e-25, at 80 digits. */
    @Test
    void derivativeMatchesFiniteDifferencesForEveryFunction() {
        List<String> fs = List.of(
                "sin(x)",
                "cos(x)",
                "tan(x)",
                "atan(x)",
                "exp(x)",
                "log(x+3)",
                "sqrt(x+3)",
                "abs(x)",
                "tanh(x)",
                "sinh(x)",
                "cosh(x)",
                "erf(x)",
                "erfc(x)",
                "sigmoid(x)",
                "softplus(x)",
                "relu(x)",
                "gelu(x)",
                "silu(x)",
                "max(x, x^2)",
                "min(x, x^2)",
                "clamp(x, -1, 1)",
                "leaky_relu(x, 0.2)",
                "x^x",
                "2^x",
                "x^2.5",
                "1/(1+x^2)",
                "(x+3)^(x/2)",
                "leaky_relu(x, x^2)",
                "clamp(x, x^2-1, 2)");
        for (String f : fs) {
            for (String x : new String[] {"0.7", "-0.45", "1.3"}) {
                if ((f.equals("x^x") || f.equals("x^2.5")) && x.startsWith("-")) {
                    continue;
                }
                assertDerivative(f, new Apfloat(x));
            }
        }
    }

    static void assertDerivative(String f, Apfloat x) {
        long p = 80;
        Activation a = Activation.parse(f);
        Apfloat h = new Apfloat("1e-25", p);
        Apfloat xp = x.precision(p);
        Apfloat fd = a.value(xp.add(h), p).subtract(a.value(xp.subtract(h), p)).divide(h.multiply(new Apfloat(2)));
        Apfloat sym = a.derivative().value(xp, p);
        Apfloat err = ApfloatMath.abs(fd.subtract(sym));
        Apfloat tol = new Apfloat("1e-40", p).multiply(ApfloatMath.abs(sym).add(Apfloat.ONE));
        assertTrue(
                err.compareTo(tol) <= 0,
                f + "' at " + x + ": symbolic " + sym.precision(30) + ", finite difference " + fd.precision(30));
    }
}
