package org.nrmt.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.apfloat.Apfloat;
import org.nrmt.activation.NonSmoothPoint.Kind;

/** Properties over random texts: the fuzzed parser, the generator's promises, derivatives. */
class ActivationPropertiesTest {

    private static final List<String> VOCABULARY = List.of(
            "x",
            "x",
            "x",
            "pi",
            "e",
            "y",
            "tanhh",
            "2",
            "0.5",
            "1e-3",
            "3.",
            ".5",
            "1e",
            "1e+",
            "2e3",
            "007",
            "+",
            "-",
            "-",
            "*",
            "/",
            "^",
            "^",
            "(",
            "(",
            ")",
            ")",
            ",",
            " ",
            "  ",
            "linear",
            "hardtanh",
            "sin",
            "cos",
            "tan",
            "atan",
            "exp",
            "log",
            "sqrt",
            "abs",
            "sign",
            "step",
            "tanh",
            "sinh",
            "cosh",
            "erf",
            "erfc",
            "sigmoid",
            "softplus",
            "relu",
            "gelu",
            "silu",
            "max",
            "min",
            "clamp",
            "leaky_relu",
            "\t",
            "#",
            "é",
            "\u00a0",
            "𝑥",
            "_",
            "E");

    @Provide
    Arbitrary<String> grammarLike() {
        return Arbitraries.of(VOCABULARY).list().ofMinSize(0).ofMaxSize(25).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> grammarChars() {
        return Arbitraries.strings().withChars("0123456789.eE+-*/^(), xpilog_ ").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    @Property(tries = 400, seed = "20261124")
    void fuzzedTokensParseOrFailWithAColumn(@ForAll("grammarLike") String text) {
        checkParseOrSyntaxError(text);
    }

    @Property(tries = 200, seed = "20261124")
    void fuzzedCharactersParseOrFailWithAColumn(@ForAll("grammarChars") String text) {
        checkParseOrSyntaxError(text);
    }

    @Property(tries = 200, seed = "20261124")
    void arbitraryUnicodeParsesOrFailsWithAColumn(@ForAll("unicode") String text) {
        checkParseOrSyntaxError(text);
    }

    private static void checkParseOrSyntaxError(String text) {
        Activation a;
        try {
            a = Activation.parse(text);
        } catch (ActivationSyntaxException ex) {
            int length = text.codePointCount(0, text.length());
            assertTrue(ex.column() >= 1 && ex.column() <= length + 1, "column " + ex.column() + " for " + text);
            assertNotNull(ex.token());
            assertTrue(ex.getMessage().endsWith("at column " + ex.column()), ex.getMessage());
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("parsed");
        // a parsed text prints to a text with the same tree and the same values
        Activation again = Activation.parse(a.expr().toString());
        assertEquals(a.expr(), again.expr(), text);
        double x = 0.37;
        assertEquals(a.value(x), again.value(x), 0.0);
        assertEquals(a.value(x), a.toDoubleFunction().applyAsDouble(x), 0.0);
    }

    @Provide
    Arbitrary<String> anyActivation() {
        return ActivationArbitraries.any();
    }

    @Provide
    Arbitrary<String> smoothActivation() {
        return ActivationArbitraries.smooth();
    }

    @Provide
    Arbitrary<String> kinkedActivation() {
        return ActivationArbitraries.kinked();
    }

    @Provide
    Arbitrary<String> jumpActivation() {
        return ActivationArbitraries.jumps();
    }

    /** The generator's promises: parses, finite, at most cubic or e^{|x|} growth, not constant. */
    @Property(tries = 200, seed = "20261124")
    void generatedActivationsAreModerate(@ForAll("anyActivation") String text) {
        Activation a = Activation.parse(text);
        assertTrue(ActivationArbitraries.nonConstant(text));
        for (double x = -12; x <= 12; x += 0.25) {
            double v = a.value(x);
            assertTrue(Double.isFinite(v), text + " at " + x);
            double ax = Math.abs(x);
            assertTrue(Math.abs(v) <= 50 * (1 + ax * ax * ax) + 16 * Math.exp(ax), text + " at " + x + ": " + v);
        }
        assertEquals(a.expr(), Activation.parse(a.expr().toString()).expr());
    }

    @Property(tries = 40, seed = "20261124")
    void smoothOnesHaveNoNonSmoothPoints(@ForAll("smoothActivation") String text) {
        assertEquals(List.of(), Activation.parse(text).nonSmoothPoints(-8, 8, 20), text);
    }

    @Property(tries = 40, seed = "20261124")
    void kinkedOnesHaveKinksOnly(@ForAll("kinkedActivation") String text) {
        List<NonSmoothPoint> ps = Activation.parse(text).nonSmoothPoints(-8, 8, 20);
        assertTrue(ps.stream().allMatch(p -> p.kind() == Kind.KINK), text + ": " + ps);
        Statistics.collect(ps.isEmpty() ? "kinks outside [-8, 8]" : "kinks inside");
    }

    @Property(tries = 30, seed = "20261124")
    void jumpOnesHaveAJump(@ForAll("jumpActivation") String text) {
        List<NonSmoothPoint> ps = Activation.parse(text).nonSmoothPoints(-8, 8, 20);
        assertTrue(ps.stream().anyMatch(p -> p.kind() == Kind.JUMP), text + ": " + ps);
    }

    /** Symbolic f' against 80-digit central differences, away from the non-smooth points. */
    @Property(tries = 30, seed = "20261124")
    void derivativeMatchesFiniteDifferences(
            @ForAll("anyActivation") String text, @ForAll @DoubleRange(min = -3, max = 3) double x) {
        Activation a = Activation.parse(text);
        Apfloat xa = new Apfloat(x);
        for (NonSmoothPoint p : a.nonSmoothPoints(-4, 4, 20)) {
            if (Math.abs(p.x().doubleValue() - x) < 1e-6) {
                return;
            }
        }
        DerivativeTest.assertDerivative(text, xa);
    }

    /** apfloat at 30 digits and double agree to double precision on generated activations. */
    @Property(tries = 30, seed = "20261124")
    void apfloatAndDoubleAgree(@ForAll("anyActivation") String text, @ForAll @DoubleRange(min = -4, max = 4) double x) {
        Activation a = Activation.parse(text);
        double v = a.value(x);
        double ref = a.value(new Apfloat(x), 30).doubleValue();
        // conditioning: inner arguments of size ≤ 2·4 + 1 lose up to ~10 ulp
        assertTrue(Math.abs(v - ref) <= 1e-13 * (Math.abs(ref) + 1), text + " at " + x + ": " + v + " vs " + ref);
    }
}
