package org.nrmt.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstantsEngine;

class IsospectralFinderTest {

    static final long P = 60;

    static Apfloat num(String s) {
        return new Apfloat(s, P);
    }

    static Apfloat exp(Apfloat x) {
        return ApfloatMath.exp(x);
    }

    static void assertClose(Apfloat expected, Apfloat actual, int digits) {
        Apfloat diff = ApfloatMath.abs(expected.subtract(actual));
        Apfloat tol = new Apfloat("1e-" + digits, P)
                .multiply(ApfloatMath.abs(expected).add(Apfloat.ONE));
        assertTrue(diff.compareTo(tol) <= 0, "expected " + expected + " got " + actual + " (diff " + diff + ")");
    }

    /**
     * Closed-form constants of a + b e^(−c x²): mean = a + b/√(1+2c),
     * E f² = a² + 2ab/√(1+2c) + b²/√(1+4c), E[Z f] = 0 (even).
     */
    static IsospectralFinder.FamilyConstants bumpClosedForm(Apfloat[] abc) {
        return (text, digits) -> {
            Apfloat a = abc[0];
            Apfloat b = abc[1];
            Apfloat c = abc[2];
            Apfloat r1 = ApfloatMath.inverseRoot(Apfloat.ONE.add(c.multiply(num("2"))), 2);
            Apfloat r2 = ApfloatMath.inverseRoot(Apfloat.ONE.add(c.multiply(num("4"))), 2);
            return new Apfloat[] {
                a.add(b.multiply(r1)),
                a.multiply(a)
                        .add(num("2").multiply(a).multiply(b).multiply(r1))
                        .add(b.multiply(b).multiply(r2)),
                Apfloat.ZERO
            };
        };
    }

    /** theory/layers.md §4: −1 + √5 e^(−2x²) has η_raw = 2/3; the finder recovers a = −b/√5 (b = 1, c = 2). */
    @Test
    void gaussianBumpWithEngineTo30Digits() {
        ActivationFamily fam = new ActivationFamily("a + b*exp(-c*x^2)", List.of("a", "b", "c"));
        IsospectralFinder.Solution s = IsospectralFinder.solve(
                fam,
                Map.of("a", num("-0.3"), "b", num("1"), "c", num("2")),
                List.of("a"),
                30,
                IsospectralFinder.engine());
        Apfloat expectedA = ApfloatMath.inverseRoot(num("5"), 2).negate();
        assertClose(expectedA, s.parameters().get("a"), 29);
        // η_raw = b²(1/3 − 1/5) = 2/15 for b = 1; the √5-scaled member has 2/3
        assertClose(num("2").divide(num("15")), s.etaRaw(), 29);
        // the normalised expression has mean 0, ζ 0, η 1 (checked by the engine at 30 digits)
        var c = GaussianConstantsEngine.compute(Activation.parse(s.expression()), Apfloat.ONE, Apfloat.ZERO, 30, 0);
        assertClose(Apfloat.ONE, c.eta(), 28);
        assertTrue(ApfloatMath.abs(c.mean()).compareTo(num("1e-28")) < 0, "mean " + c.mean());
        assertTrue(ApfloatMath.abs(c.linear()).compareTo(num("1e-28")) < 0, "linear " + c.linear());
    }

    /**
     * Trigonometric family sin(a x) + cos(b x) − c x − d with a = 2, b = 3/2 fixed: the exact
     * member is c = a e^(−a²/2) = 2e^(−2), d = e^(−b²/2) = e^(−9/8) (theory/layers.md §4, η_raw ≈ 0.8267).
     */
    @Test
    @Tag("slow")
    void trigonometricFamilyWithEngineTo30Digits() {
        trigonometric(30);
    }

    /** Default-suite version of the above at 16 digits (the 30-digit run takes ~20 s). */
    @Test
    void trigonometricFamilyWithEngine() {
        trigonometric(16);
    }

    private static void trigonometric(int digits) {
        ActivationFamily fam = new ActivationFamily("sin(a*x) + cos(b*x) - c*x - d", List.of("a", "b", "c", "d"));
        IsospectralFinder.Solution s = IsospectralFinder.solve(
                fam,
                Map.of("a", num("2"), "b", num("1.5"), "c", num("0.3"), "d", num("0.2")),
                List.of("c", "d"),
                digits,
                IsospectralFinder.engine());
        assertClose(num("2").multiply(exp(num("-2"))), s.parameters().get("c"), digits - 1);
        assertClose(exp(num("-1.125")), s.parameters().get("d"), digits - 1);
        // η_raw = 1 + (e^(−2b²) − e^(−2a²))/2 − c² − d²
        Apfloat c = s.parameters().get("c");
        Apfloat d = s.parameters().get("d");
        Apfloat eta = Apfloat.ONE
                .add(exp(num("-4.5")).subtract(exp(num("-8"))).divide(num("2")))
                .subtract(c.multiply(c))
                .subtract(d.multiply(d));
        assertClose(eta, s.etaRaw(), digits - 2);
        assertEquals(0.8267, s.etaRaw().doubleValue(), 5e-5);
    }

    /** (1 − k e^(−x²/2)) erf(x): E[Z f] = 2/√(3π) − k/(2√π) vanishes at k = 4/√3 (η_raw ≈ 0.1826). */
    @Test
    void erfProductWithEngine() {
        ActivationFamily fam = new ActivationFamily("(1 - k*exp(-x^2/2))*erf(x)", List.of("k"));
        IsospectralFinder.Solution s =
                IsospectralFinder.solve(fam, Map.of("k", num("2")), List.of("k"), 20, IsospectralFinder.engine());
        assertClose(
                num("4").multiply(ApfloatMath.inverseRoot(num("3"), 2)),
                s.parameters().get("k"),
                19);
        assertEquals(0.1826, s.etaRaw().doubleValue(), 5e-5);
    }

    /** Against closed-form constants, two unknowns for one live equation (min-norm Newton). */
    @Test
    void underdeterminedBumpConvergesToAMember() {
        ActivationFamily fam = new ActivationFamily("a + b*exp(-c*x^2)", List.of("a", "b", "c"));
        Apfloat[] abc = {num("-0.2"), num("1"), num("2")};
        IsospectralFinder.FamilyConstants closed = (text, digits) -> {
            // recover the substituted values (a, b, c in order) from the text's parenthesised numbers
            java.util.regex.Matcher mt =
                    java.util.regex.Pattern.compile("\\((-?[0-9.]+)\\)").matcher(text);
            Apfloat[] v = new Apfloat[3];
            for (int i = 0; i < 3 && mt.find(); i++) {
                v[i] = new Apfloat(mt.group(1), P);
            }
            return bumpClosedForm(v).at(text, digits);
        };
        IsospectralFinder.Solution s = IsospectralFinder.solve(
                fam, Map.of("a", abc[0], "b", abc[1], "c", abc[2]), List.of("a", "b"), 40, closed);
        Apfloat a = s.parameters().get("a");
        Apfloat b = s.parameters().get("b");
        assertClose(Apfloat.ZERO, a.add(b.multiply(ApfloatMath.inverseRoot(num("5"), 2))), 39);
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> new ActivationFamily("a*x", List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> new ActivationFamily("a*x", List.of("b")));
        ActivationFamily fam = new ActivationFamily("a + exp(-x^2)", List.of("a"));
        assertEquals("(-0.5) + exp(-x^2)", fam.member(Map.of("a", num("-0.5"))));
    }
}
