package org.nrmt.activation;

import static org.nrmt.activation.Build.ONE;
import static org.nrmt.activation.Build.TWO;
import static org.nrmt.activation.Build.ZERO;
import static org.nrmt.activation.Build.add;
import static org.nrmt.activation.Build.call;
import static org.nrmt.activation.Build.div;
import static org.nrmt.activation.Build.mul;
import static org.nrmt.activation.Build.neg;
import static org.nrmt.activation.Build.pow;
import static org.nrmt.activation.Build.sub;

/**
 * Symbolic differentiation in x (theory/activations.md, "Derivative"). Piecewise functions are
 * differentiated piece by piece, so the result is valid away from the non-smooth points:
 * d relu(g) = step(g) g', d|g| = sign(g) g', d max(a,b) = step(a−b) a' + step(b−a) b'.
 */
final class Derivatives {
    private Derivatives() {}

    static Expr derivative(Expr e) {
        if (!e.dependsOnX()) {
            return ZERO;
        }
        if (e instanceof Expr.Variable) {
            return ONE;
        }
        if (e instanceof Expr.Negate n) {
            return neg(derivative(n.arg()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return callDerivative((Expr.Call) e);
    }

    private static Expr binary(Expr.Binary b) {
        Expr u = b.left();
        Expr v = b.right();
        Expr du = derivative(u);
        Expr dv = derivative(v);
        return switch (b.op()) {
            case ADD -> add(du, dv);
            case SUB -> sub(du, dv);
            case MUL -> add(mul(du, v), mul(u, dv));
            case DIV -> v.dependsOnX() ? div(sub(mul(du, v), mul(u, dv)), pow(v, TWO)) : div(du, v);
            case POW -> {
                if (!v.dependsOnX()) {
                    // d u^c = c u^(c-1) u'
                    yield mul(mul(v, pow(u, sub(v, ONE))), du);
                }
                if (!u.dependsOnX()) {
                    // d c^v = c^v log(c) v'
                    yield mul(mul(b, call(Function.LOG, u)), dv);
                }
                // d u^v = u^v (v' log u + v u'/u)
                yield mul(b, add(mul(dv, call(Function.LOG, u)), div(mul(v, du), u)));
            }
        };
    }

    private static Expr sqrtOf(Expr e) {
        return call(Function.SQRT, e);
    }

    private static Expr step(Expr e) {
        return call(Function.STEP, e);
    }

    private static Expr callDerivative(Expr.Call c) {
        Expr u = c.arg(0);
        Expr du = derivative(u);
        Expr outer = switch (c.fn()) {
            case SIN -> call(Function.COS, u);
            case COS -> neg(call(Function.SIN, u));
            case TAN -> div(ONE, pow(call(Function.COS, u), TWO));
            case ATAN -> div(ONE, add(ONE, pow(u, TWO)));
            case EXP -> c;
            case LOG -> div(ONE, u);
            case SQRT -> div(ONE, mul(TWO, c));
            case ABS -> call(Function.SIGN, u);
            case SIGN, STEP -> ZERO;
            case TANH -> sub(ONE, pow(c, TWO));
            case SINH -> call(Function.COSH, u);
            case COSH -> call(Function.SINH, u);
            // erf' = 2/√π e^{-u²}
            case ERF -> div(mul(TWO, call(Function.EXP, neg(pow(u, TWO)))), sqrtOf(Expr.Constant.PI));
            case ERFC -> neg(div(mul(TWO, call(Function.EXP, neg(pow(u, TWO)))), sqrtOf(Expr.Constant.PI)));
            // σ' = σ(1 − σ)
            case SIGMOID -> mul(c, sub(ONE, c));
            case SOFTPLUS -> call(Function.SIGMOID, u);
            case RELU -> step(u);
            // (uΦ(u))' = Φ(u) + u e^{-u²/2}/√(2π), Φ(u) = erfc(−u/√2)/2
            case GELU ->
                add(
                        div(call(Function.ERFC, neg(div(u, sqrtOf(TWO)))), TWO),
                        div(
                                mul(u, call(Function.EXP, neg(div(pow(u, TWO), TWO)))),
                                sqrtOf(mul(TWO, Expr.Constant.PI))));
            // (uσ(u))' = σ(u) + u σ(u)(1 − σ(u))
            case SILU -> {
                Expr s = call(Function.SIGMOID, u);
                yield add(s, mul(mul(u, s), sub(ONE, s)));
            }
            case MAX, MIN, CLAMP, LEAKY_RELU -> null;
        };
        if (outer != null) {
            return mul(outer, du);
        }
        return switch (c.fn()) {
            case MAX -> {
                Expr v = c.arg(1);
                yield add(mul(step(sub(u, v)), du), mul(step(sub(v, u)), derivative(v)));
            }
            case MIN -> {
                Expr v = c.arg(1);
                yield add(mul(step(sub(v, u)), du), mul(step(sub(u, v)), derivative(v)));
            }
            case CLAMP -> {
                // min(max(u, lo), hi) with lo ≤ hi
                Expr lo = c.arg(1);
                Expr hi = c.arg(2);
                Expr inside = mul(mul(step(sub(u, lo)), step(sub(hi, u))), du);
                yield add(add(inside, mul(step(sub(lo, u)), derivative(lo))), mul(step(sub(u, hi)), derivative(hi)));
            }
            case LEAKY_RELU -> {
                // u for u ≥ 0, a·u for u < 0
                Expr a = c.arg(1);
                Expr below = step(neg(u));
                yield add(mul(add(step(u), mul(a, below)), du), mul(mul(below, u), derivative(a)));
            }
            default -> throw new AssertionError(c.fn());
        };
    }
}
