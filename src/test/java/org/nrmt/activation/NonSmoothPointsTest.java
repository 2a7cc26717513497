package org.nrmt.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.NonSmoothPoint.Kind;

/** Non-smooth points against their exact locations (theory/activations.md, "Non-smooth points"). */
class NonSmoothPointsTest {

    private static List<NonSmoothPoint> points(String f, double lo, double hi, long digits) {
        return Activation.parse(f).nonSmoothPoints(lo, hi, digits);
    }

    /** |actual − expected| ≤ 10^-digits (1 + |expected|). */
    private static void assertAt(Apfloat expected, NonSmoothPoint p, long digits) {
        Apfloat err = ApfloatMath.abs(p.x().subtract(expected));
        Apfloat bound = new Apfloat("1e-" + digits, digits + 10)
                .multiply(ApfloatMath.abs(expected).add(Apfloat.ONE));
        assertTrue(err.compareTo(bound) <= 0, "expected " + expected.precision(digits + 2) + ", got " + p.x());
    }

    private static Apfloat num(String s) {
        return new Apfloat(s, Apfloat.INFINITE);
    }

    @Test
    void affineSwitchIsExact() {
        List<NonSmoothPoint> ps = points("max(x-0.3,0)", -5, 5, 100);
        assertEquals(1, ps.size());
        assertEquals(Kind.KINK, ps.get(0).kind());
        assertAt(num("0.3"), ps.get(0), 100);
        assertEquals(100, ps.get(0).x().precision());
        // coefficient given as an expression: relu(pi*x/3 - 1) at 3/pi
        List<NonSmoothPoint> qs = points("relu(pi*x/3 - 1)", -5, 5, 100);
        assertEquals(1, qs.size());
        assertAt(new Apfloat(3).precision(130).divide(ApfloatMath.pi(130)), qs.get(0), 100);
    }

    @Test
    void reluOfSineHasKinksAtMultiplesOfPiOverThree() {
        List<NonSmoothPoint> ps = points("relu(sin(3*x))", -4, 4, 100);
        assertEquals(7, ps.size(), ps.toString());
        Apfloat piOver3 = ApfloatMath.pi(130).divide(new Apfloat(3));
        for (int k = -3; k <= 3; k++) {
            NonSmoothPoint p = ps.get(k + 3);
            assertEquals(Kind.KINK, p.kind());
            assertAt(piOver3.multiply(new Apfloat(k)), p, 100);
        }
    }

    @Test
    void clampHasTwoKinks() {
        for (String f : new String[] {"clamp(x,-1,1)", "hardtanh"}) {
            List<NonSmoothPoint> ps = points(f, -3, 3, 50);
            assertEquals(2, ps.size());
            assertAt(num("-1"), ps.get(0), 50);
            assertAt(num("1"), ps.get(1), 50);
            assertEquals(Kind.KINK, ps.get(0).kind());
            assertEquals(Kind.KINK, ps.get(1).kind());
        }
        // one kink outside the interval is left out
        assertEquals(1, points("clamp(2*x,-1,1)", 0, 3, 30).size());
    }

    @Test
    void signAndStepJump() {
        List<NonSmoothPoint> ps = points("sign(x)", -1, 1, 30);
        assertEquals(List.of(Kind.JUMP), ps.stream().map(NonSmoothPoint::kind).toList());
        assertAt(num("0"), ps.get(0), 30);
        List<NonSmoothPoint> qs = points("step(x-0.5) + tanh(x)", -1, 1, 30);
        assertEquals(Kind.JUMP, qs.get(0).kind());
        assertAt(num("0.5"), qs.get(0), 30);
        // x·sign(x) = |x| is continuous: a kink, not a jump
        assertEquals(Kind.KINK, points("x*sign(x)", -1, 1, 30).get(0).kind());
    }

    @Test
    void polesAndDomainEdgesAreSingular() {
        List<NonSmoothPoint> ps = points("1/x", -1, 1, 30);
        assertEquals(1, ps.size());
        assertEquals(Kind.SINGULAR, ps.get(0).kind());
        assertAt(num("0"), ps.get(0), 30);
        assertEquals(Kind.SINGULAR, points("log(x+2)", -3, 1, 30).get(0).kind());
        assertEquals(Kind.SINGULAR, points("sqrt(abs(x))", -1, 1, 30).get(0).kind(), "singular beats kink");
        List<NonSmoothPoint> tan = points("tan(x)", -2, 2, 60);
        assertEquals(2, tan.size());
        Apfloat halfPi = ApfloatMath.pi(90).divide(new Apfloat(2));
        assertAt(halfPi.negate(), tan.get(0), 60);
        assertAt(halfPi, tan.get(1), 60);
        assertEquals(Kind.SINGULAR, tan.get(1).kind());
    }

    @Test
    void nonlinearSwitchesAreRefinedInApfloat() {
        // abs(x^2 - 2): kinks at ±√2
        List<NonSmoothPoint> ps = points("abs(x^2-2)", -3, 3, 200);
        assertEquals(2, ps.size());
        Apfloat r2 = ApfloatMath.sqrt(new Apfloat(2, 230));
        assertAt(r2.negate(), ps.get(0), 200);
        assertAt(r2, ps.get(1), 200);
        // a triple zero: relu(x^3 - 0.001) at 0.1, with an interval whose grid misses it
        List<NonSmoothPoint> qs = points("relu((x-0.1)^3)", -1.2345, 1.1, 60);
        assertEquals(1, qs.size());
        assertAt(num("0.1"), qs.get(0), 50);
        // max(tanh(x), 0.5) switches at atanh(0.5) = log(3)/2
        List<NonSmoothPoint> ms = points("max(tanh(x), 0.5)", -3, 3, 80);
        assertEquals(1, ms.size());
        assertAt(ApfloatMath.log(new Apfloat(3, 110)).divide(new Apfloat(2)), ms.get(0), 80);
    }

    @Test
    void touchingZeroIsFound() {
        // step((x-0.3)^2): g touches zero at 0.3 without changing sign
        List<NonSmoothPoint> ps = points("step((x-0.3)^2)", -1.01, 1, 40);
        assertEquals(1, ps.size(), ps.toString());
        assertAt(num("0.3"), ps.get(0), 40);
    }

    /** tanh(x) − 1 is exactly 0 in double beyond x ≈ 19 but never in fact: no point, and fast. */
    @Test
    void saturatedSwitchIsNotAZero() {
        long t0 = System.nanoTime();
        assertEquals(List.of(), points("relu(tanh(x) - 1)", -70, 70, 200));
        assertEquals(List.of(), points("max(erf(x), 1)", -70, 70, 200));
        assertTrue(System.nanoTime() - t0 < 20e9, "took " + (System.nanoTime() - t0) / 1e9 + " s");
    }

    @Test
    void smoothFunctionsHaveNone() {
        for (String f :
                new String[] {"tanh", "erf", "x^2-1", "sin(3*x)+exp(-x^2)", "gelu", "softplus", "max(x,x)", "x^3"}) {
            assertEquals(List.of(), points(f, -5, 5, 30), f);
        }
    }

    @Test
    void pointsAreSortedAndMerged() {
        List<NonSmoothPoint> ps = points("relu(x) + abs(x) + relu(x-1) + sign(2*x-2)", -2, 2, 30);
        assertEquals(2, ps.size());
        assertEquals(Kind.KINK, ps.get(0).kind());
        assertEquals(Kind.JUMP, ps.get(1).kind(), "the jump wins at x = 1");
        assertTrue(ps.get(0).x().compareTo(ps.get(1).x()) < 0);
    }

    @Test
    void badIntervalIsRefused() {
        Activation a = Activation.parse("relu");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> a.nonSmoothPoints(1, -1, 20));
        assertTrue(ex.getMessage().contains("[1.0, -1.0]"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.nonSmoothPoints(0, Double.POSITIVE_INFINITY, 20));
        assertThrows(IllegalArgumentException.class, () -> a.nonSmoothPoints(0, 1, 0));
    }
}
