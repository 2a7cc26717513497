package org.nrmt.activation;

import java.util.List;
import java.util.Objects;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The expression tree of an activation (theory/activations.md). Immutable; {@link #toString()}
 * prints text that parses back to an equal tree.
 */
public sealed interface Expr permits Expr.Constant, Expr.Variable, Expr.Negate, Expr.Binary, Expr.Call {

    /** Binary operators; {@code ^} is right-associative and binds tighter than unary minus. */
    enum Op {
        ADD("+"),
        SUB("-"),
        MUL("*"),
        DIV("/"),
        POW("^");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** True if x occurs in this expression. */
    boolean dependsOnX();

    /**
     * A numeric literal or the named constants {@code pi} and {@code e}. Decimal literals are exact
     * ({@code value} has infinite precision); for {@code pi} and {@code e} use {@link #value(long)}.
     *
     * @param value   the value (pi and e: a 40-digit approximation)
     * @param literal the text, e.g. {@code 0.5}, {@code 1e-3}, {@code pi}
     */
    record Constant(Apfloat value, String literal) implements Expr {
        public static final Constant ZERO = of(0);
        public static final Constant ONE = of(1);
        public static final Constant TWO = of(2);
        public static final Constant PI = new Constant(ApfloatMath.pi(40), "pi");
        public static final Constant E = new Constant(ApfloatMath.e(40), "e");

        public Constant {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(literal, "literal");
        }

        /** The exact decimal constant {@code n}. */
        public static Constant of(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("constants are non-negative, got " + n);
            }
            return new Constant(new Apfloat(n), Long.toString(n));
        }

        /** A decimal literal such as {@code 2}, {@code 0.5}, {@code 1e-3}; exact. */
        public static Constant ofLiteral(String literal) {
            Apfloat v = new Apfloat(literal, Apcomplex.INFINITE);
            return new Constant(v, literal);
        }

        /** An exact non-negative decimal value, printed in plain notation. */
        static Constant ofExact(Apfloat v) {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("constants are non-negative, got " + v);
            }
            return new Constant(v, v.toString(true));
        }

        public boolean isPi() {
            return literal.equals("pi");
        }

        public boolean isE() {
            return literal.equals("e");
        }

        /** True for decimal literals, whose value is exact. */
        public boolean isExact() {
            return !isPi() && !isE();
        }

        /** The value to {@code precision} decimal digits. */
        public Apfloat value(long precision) {
            if (isPi()) {
                return ApfloatMath.pi(precision);
            }
            if (isE()) {
                return ApfloatMath.e(precision);
            }
            return value.precision(precision);
        }

        /** The correctly rounded double value. */
        public double doubleValue() {
            if (isPi()) {
                return Math.PI;
            }
            if (isE()) {
                return Math.E;
            }
            return Double.parseDouble(literal);
        }

        @Override
        public boolean dependsOnX() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Constant c && literal.equals(c.literal)
                    || o instanceof Constant d && isExact() && d.isExact() && value.equals(d.value);
        }

        @Override
        public int hashCode() {
            return isExact() ? value.hashCode() : literal.hashCode();
        }

        @Override
        public String toString() {
            return literal;
        }
    }

    /** The variable x. */
    record Variable() implements Expr {
        public static final Variable X = new Variable();

        @Override
        public boolean dependsOnX() {
            return true;
        }

        @Override
        public String toString() {
            return "x";
        }
    }

    /** Unary minus. */
    record Negate(Expr arg) implements Expr {
        public Negate {
            Objects.requireNonNull(arg, "arg");
        }

        @Override
        public boolean dependsOnX() {
            return arg.dependsOnX();
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** {@code left op right}. */
    record Binary(Op op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean dependsOnX() {
            return left.dependsOnX() || right.dependsOnX();
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A built-in function applied to {@code fn.arity()} arguments. */
    record Call(Function fn, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(fn, "fn");
            args = List.copyOf(args);
            if (args.size() != fn.arity()) {
                throw new IllegalArgumentException(
                        fn.symbol() + " takes " + fn.arity() + " argument(s), got " + args.size());
            }
        }

        public Call(Function fn, Expr... args) {
            this(fn, List.of(args));
        }

        public Expr arg(int i) {
            return args.get(i);
        }

        @Override
        public boolean dependsOnX() {
            for (Expr a : args) {
                if (a.dependsOnX()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }
}
