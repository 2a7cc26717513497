package org.nrmt.activation;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apfloat.Apfloat;

/**
 * An activation function f(x) written in the expression language of the CLI
 * (theory/activations.md): immutable, evaluable in double and in apfloat at any precision,
 * differentiable symbolically, and able to list its non-smooth points (quadrature breakpoints).
 *
 * <p>Centring and the scale s = σw σx are not applied here; the Gaussian-constants engine does that.
 *
 * <p>Double evaluation follows IEEE arithmetic: outside the domain (log of a negative number,
 * 0/0, ...) {@link #value(double)} returns NaN or ±∞. Apfloat evaluation never does: it throws
 * {@link ArithmeticException} naming the offending value.
 */
public final class Activation {
    /** Guard digits added to the requested precision inside apfloat evaluation. */
    static final long GUARD_DIGITS = 20;

    private final String text;
    private final Expr expr;
    private final DoubleUnaryOperator compiled;

    private Activation(String text, Expr expr) {
        this.text = text;
        this.expr = expr;
        this.compiled = DoubleCompiler.compile(expr);
    }

    /**
     * Parses an activation such as {@code tanh}, {@code relu(x-0.3)}, {@code x^2-1}.
     *
     * @throws ActivationSyntaxException naming the offending token and its 1-based column
     */
    public static Activation parse(String text) {
        Expr e = Parser.parse(text);
        return new Activation(text.trim(), e);
    }

    /** The activation with tree {@code expr}; its text is the printed tree. */
    public static Activation of(Expr expr) {
        Objects.requireNonNull(expr, "expr");
        return new Activation(Printer.print(expr), expr);
    }

    /** The user's text, trimmed (for derived activations, the printed tree). */
    public String text() {
        return text;
    }

    /** The expression tree, bare names expanded ({@code tanh} is {@code tanh(x)}). */
    public Expr expr() {
        return expr;
    }

    /** f(x) in double; NaN or ±∞ outside the domain (see the class comment). */
    public double value(double x) {
        return compiled.applyAsDouble(x);
    }

    /**
     * f(x) to {@code precision} significant decimal digits, computed with guard digits.
     * x is taken as exact. Cancellation inside f (e.g. {@code x - 0.3} at x ≈ 0.3) can cost
     * digits beyond the guard; the error is then absolute rather than relative.
     *
     * @throws ArithmeticException outside the domain of f, naming the value
     * @throws IllegalArgumentException if precision &lt; 1
     */
    public Apfloat value(Apfloat x, long precision) {
        if (precision < 1) {
            throw new IllegalArgumentException("precision must be >= 1 digit, got " + precision);
        }
        Objects.requireNonNull(x, "x");
        long wp = precision + GUARD_DIGITS + Math.max(0, x.scale());
        Apfloat v = ApfloatEvaluator.eval(expr, x, wp);
        return v.precision(precision);
    }

    /**
     * A fast double closure of f: a compiled tree of lambdas, no boxing or allocation per call.
     * Same values as {@link #value(double)}.
     */
    public DoubleUnaryOperator toDoubleFunction() {
        return compiled;
    }

    /**
     * The symbolic derivative f'. It is valid away from the points listed by
     * {@link #nonSmoothPoints}: e.g. d relu = step, d|g| = sign(g) g'.
     */
    public Activation derivative() {
        return of(Derivatives.derivative(expr));
    }

    /**
     * The points of [lo, hi] where f is not analytic, sorted by x, each to {@code precision}
     * digits: zeros of the switching arguments of abs, sign, step, relu, leaky_relu, max, min and
     * clamp, and poles or domain edges of /, log, sqrt, tan and fractional powers.
     * See theory/activations.md, "Non-smooth points".
     */
    public List<NonSmoothPoint> nonSmoothPoints(double lo, double hi, long precision) {
        return NonSmoothFinder.find(expr, lo, hi, precision);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && expr.equals(a.expr);
    }

    @Override
    public int hashCode() {
        return expr.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
