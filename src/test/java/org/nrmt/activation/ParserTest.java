package org.nrmt.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grammar, precedence and error messages (theory/activations.md, "Grammar"). */
class ParserTest {

    private static double f(String text, double x) {
        return Activation.parse(text).value(x);
    }

    @Test
    void precedenceOfPowerAndUnaryMinus() {
        assertEquals(-9.0, f("-x^2", 3), 0);
        assertEquals(512.0, f("2^3^2", 0), 0);
        assertEquals(0.25, f("x^-2", 2), 0);
        assertEquals(-0.25, f("-x^-2", 2), 0);
        assertEquals(14.0, f("2+3*4", 0), 0);
        assertEquals(20.0, f("(2+3)*4", 0), 0);
        assertEquals(1.0, f("8/4/2", 0), 0);
        assertEquals(-4.0, f("1-2-3", 0), 0);
        assertEquals(9.0, f("(-x)^2", 3), 0);
        assertEquals(18.0, f("2*x^2", 3), 0);
        assertEquals(-18.0, f("2*-x^2", 3), 0);
        assertEquals(64.0, f("2^(x+3)", 3), 0);
        assertEquals(1.0 / 512, f("2^-3^2", 0), 0);
        assertEquals(3.0, f("--x", 3), 0);
    }

    @Test
    void numbersAndConstants() {
        assertEquals(0.001, f("1e-3", 0), 0);
        assertEquals(2500.0, f("2.5E3", 0), 0);
        assertEquals(0.5, f(".5", 0), 0);
        assertEquals(Math.PI, f("pi", 0), 0);
        assertEquals(Math.E, f("e", 0), 0);
        assertEquals(Math.E * 2, f("2*e", 0), 0);
    }

    @Test
    void equalValuesGiveEqualTrees() {
        Expr a = Activation.parse("0.50*x").expr();
        Expr b = Activation.parse("5e-1*x").expr();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("0.50*x", a.toString(), "the literal is kept");
    }

    @Test
    void bareNamesMeanFunctionsOfX() {
        assertEquals(
                Activation.parse("tanh(x)").expr(), Activation.parse("tanh").expr());
        assertEquals(Activation.parse("x").expr(), Activation.parse("linear").expr());
        assertEquals(
                Activation.parse("clamp(x,-1,1)").expr(),
                Activation.parse("hardtanh").expr());
        assertEquals("  relu ".trim(), Activation.parse("  relu ").text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tanhh|unknown function 'tanhh' at column 1|1|tanhh",
                "tanhh(x)|unknown function 'tanhh' at column 1|1|tanhh",
                "tanh(x+1|expected ')' at column 9|9|''",
                "y+1|unknown variable 'y' at column 1|1|y",
                "x + y|unknown variable 'y' at column 5|5|y",
                "''|empty activation at column 1|1|''",
                "'   '|empty activation at column 1|1|''",
                "x 2|unexpected '2' after the expression at column 3|3|2",
                "x)|unexpected ')' after the expression at column 2|2|)",
                "max(x)|function 'max' takes 2 argument(s), got 1 at column 1|1|max",
                "sin(x,1)|function 'sin' takes 1 argument(s), got 2 at column 1|1|sin",
                "max|function 'max' needs 2 arguments at column 1|1|max",
                "2*|unexpected end of input, expected a number, x, a function or '(' at column 3|3|''",
                "x # 2|unexpected character '#' at column 3|3|#",
                "pi(x)|'pi' is not a function at column 1|1|pi",
                "(x|expected ')' at column 3|3|''",
            })
    void errorsNameTokenAndColumn(String text, String message, int column, String token) {
        ActivationSyntaxException ex = assertThrows(ActivationSyntaxException.class, () -> Activation.parse(text));
        assertEquals(message, ex.getMessage());
        assertEquals(column, ex.column());
        assertEquals(token, ex.token());
    }

    @Test
    void columnsCountCodePoints() {
        // U+1D4B3 is one code point but two chars
        ActivationSyntaxException ex =
                assertThrows(ActivationSyntaxException.class, () -> Activation.parse("\uD835\uDCB3 + y"));
        assertEquals(1, ex.column());
        ActivationSyntaxException ex2 =
                assertThrows(ActivationSyntaxException.class, () -> Activation.parse("sin(x) \u00e9"));
        assertEquals(8, ex2.column());
    }

    @Test
    void printedTreesParseBack() {
        for (String s : new String[] {
            "-x^2",
            "2^3^2",
            "x^-2",
            "(-x)^2",
            "1-(2-x)",
            "x/(2*x)",
            "-(x+1)*3",
            "clamp(x,-1,1)",
            "leaky_relu(x, 0.01)",
            "(x^2)^3",
            "2*-x",
            "gelu(x)/sqrt(2*pi)",
            "1e-3*x"
        }) {
            Expr e = Activation.parse(s).expr();
            assertEquals(e, Activation.parse(e.toString()).expr(), s + " printed as " + e);
        }
    }
}
