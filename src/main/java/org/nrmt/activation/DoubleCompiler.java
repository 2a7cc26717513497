package org.nrmt.activation;

import java.util.function.DoubleUnaryOperator;

/**
 * Compiles an expression into a tree of closures: one virtual call per node, no boxing and no
 * allocation per evaluation. Integer powers up to 4 become products.
 */
final class DoubleCompiler {
    private DoubleCompiler() {}

    static DoubleUnaryOperator compile(Expr e) {
        if (!e.dependsOnX()) {
            double c = constantValue(e);
            return x -> c;
        }
        if (e instanceof Expr.Variable) {
            return x -> x;
        }
        if (e instanceof Expr.Negate n) {
            DoubleUnaryOperator a = compile(n.arg());
            return x -> -a.applyAsDouble(x);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return call((Expr.Call) e);
    }

    /** The double value of an expression free of x (NaN for invalid operations). */
    static double constantValue(Expr e) {
        if (e instanceof Expr.Constant c) {
            return c.doubleValue();
        }
        return compile0(e).applyAsDouble(0.0);
    }

    private static DoubleUnaryOperator compile0(Expr e) {
        // compile without the constant shortcut, to evaluate x-free subtrees once
        if (e instanceof Expr.Constant c) {
            double v = c.doubleValue();
            return x -> v;
        }
        if (e instanceof Expr.Negate n) {
            DoubleUnaryOperator a = compile0(n.arg());
            return x -> -a.applyAsDouble(x);
        }
        if (e instanceof Expr.Binary b) {
            DoubleUnaryOperator l = compile0(b.left());
            DoubleUnaryOperator r = compile0(b.right());
            return generic(b.op(), l, r);
        }
        if (e instanceof Expr.Call c) {
            return callOf(
                    c.fn(), c.args().stream().map(DoubleCompiler::compile0).toArray(DoubleUnaryOperator[]::new));
        }
        return x -> x;
    }

    private static DoubleUnaryOperator binary(Expr.Binary b) {
        DoubleUnaryOperator l = compile(b.left());
        if (b.op() == Expr.Op.POW && !b.right().dependsOnX()) {
            double p = constantValue(b.right());
            if (p == 1) {
                return l;
            }
            if (p == 2) {
                return x -> {
                    double u = l.applyAsDouble(x);
                    return u * u;
                };
            }
            if (p == 3) {
                return x -> {
                    double u = l.applyAsDouble(x);
                    return u * u * u;
                };
            }
            if (p == 4) {
                return x -> {
                    double u = l.applyAsDouble(x);
                    u *= u;
                    return u * u;
                };
            }
            if (p == 0.5) {
                return x -> Math.sqrt(l.applyAsDouble(x));
            }
            return x -> Math.pow(l.applyAsDouble(x), p);
        }
        if (!b.left().dependsOnX() && b.op() == Expr.Op.MUL) {
            double c = constantValue(b.left());
            DoubleUnaryOperator r = compile(b.right());
            return x -> c * r.applyAsDouble(x);
        }
        if (!b.right().dependsOnX() && b.op() != Expr.Op.POW) {
            double c = constantValue(b.right());
            return switch (b.op()) {
                case ADD -> x -> l.applyAsDouble(x) + c;
                case SUB -> x -> l.applyAsDouble(x) - c;
                case MUL -> x -> l.applyAsDouble(x) * c;
                case DIV -> x -> l.applyAsDouble(x) / c;
                default -> throw new AssertionError(b.op());
            };
        }
        return generic(b.op(), l, compile(b.right()));
    }

    private static DoubleUnaryOperator generic(Expr.Op op, DoubleUnaryOperator l, DoubleUnaryOperator r) {
        return switch (op) {
            case ADD -> x -> l.applyAsDouble(x) + r.applyAsDouble(x);
            case SUB -> x -> l.applyAsDouble(x) - r.applyAsDouble(x);
            case MUL -> x -> l.applyAsDouble(x) * r.applyAsDouble(x);
            case DIV -> x -> l.applyAsDouble(x) / r.applyAsDouble(x);
            case POW -> x -> Math.pow(l.applyAsDouble(x), r.applyAsDouble(x));
        };
    }

    private static DoubleUnaryOperator call(Expr.Call c) {
        DoubleUnaryOperator[] a = new DoubleUnaryOperator[c.args().size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = compile(c.args().get(i));
        }
        return callOf(c.fn(), a);
    }

    private static DoubleUnaryOperator callOf(Function fn, DoubleUnaryOperator[] a) {
        DoubleUnaryOperator u = a[0];
        return switch (fn) {
            case SIN -> x -> Math.sin(u.applyAsDouble(x));
            case COS -> x -> Math.cos(u.applyAsDouble(x));
            case TAN -> x -> Math.tan(u.applyAsDouble(x));
            case ATAN -> x -> Math.atan(u.applyAsDouble(x));
            case EXP -> x -> Math.exp(u.applyAsDouble(x));
            case LOG -> x -> Math.log(u.applyAsDouble(x));
            case SQRT -> x -> Math.sqrt(u.applyAsDouble(x));
            case ABS -> x -> Math.abs(u.applyAsDouble(x));
            case SIGN -> x -> DoubleSpecial.sign(u.applyAsDouble(x));
            case STEP -> x -> DoubleSpecial.step(u.applyAsDouble(x));
            case TANH -> x -> Math.tanh(u.applyAsDouble(x));
            case SINH -> x -> Math.sinh(u.applyAsDouble(x));
            case COSH -> x -> Math.cosh(u.applyAsDouble(x));
            case ERF -> x -> DoubleSpecial.erf(u.applyAsDouble(x));
            case ERFC -> x -> DoubleSpecial.erfc(u.applyAsDouble(x));
            case SIGMOID -> x -> DoubleSpecial.sigmoid(u.applyAsDouble(x));
            case SOFTPLUS -> x -> DoubleSpecial.softplus(u.applyAsDouble(x));
            case RELU -> x -> DoubleSpecial.relu(u.applyAsDouble(x));
            case GELU -> x -> DoubleSpecial.gelu(u.applyAsDouble(x));
            case SILU -> x -> DoubleSpecial.silu(u.applyAsDouble(x));
            case MAX -> {
                DoubleUnaryOperator v = a[1];
                yield x -> Math.max(u.applyAsDouble(x), v.applyAsDouble(x));
            }
            case MIN -> {
                DoubleUnaryOperator v = a[1];
                yield x -> Math.min(u.applyAsDouble(x), v.applyAsDouble(x));
            }
            case LEAKY_RELU -> {
                DoubleUnaryOperator v = a[1];
                yield x -> DoubleSpecial.leakyRelu(u.applyAsDouble(x), v.applyAsDouble(x));
            }
            case CLAMP -> {
                DoubleUnaryOperator lo = a[1];
                DoubleUnaryOperator hi = a[2];
                yield x -> DoubleSpecial.clamp(u.applyAsDouble(x), lo.applyAsDouble(x), hi.applyAsDouble(x));
            }
        };
    }
}
