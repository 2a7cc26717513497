package org.nrmt.constants;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.activation.Activation;
import org.nrmt.activation.Expr;
import org.nrmt.activation.Function;
import org.nrmt.quadrature.Fixed;

/**
 * Evaluates an activation's expression tree on a uniform grid x_k = x_0 + k·dx, k = 0..n−1, in
 * binary fixed point with {@code b} fraction bits (see {@link Fixed}).
 *
 * <p>exp, tanh, sinh, cosh, sigmoid, silu, sin and cos of an argument that is affine in x,
 * u_k = u_0 + k·a·dx, are evaluated by the multiplicative recurrence E_k = E_{k*}·r^{k−k*},
 * r = e^{c·a·dx}, anchored at the node k* where |u| is smallest and run outwards in both
 * directions, so the relative error of E stays ~|k−k*|·2^−b where E is of order one
 * (theory/gaussian-constants.md §5). sin and cos use the rotation (C + iS)·(cos θ + i sin θ).
 * abs, sign, step, relu, max, min, clamp, leaky_relu, + − × ÷ and integer powers are exact
 * fixed-point operations (their switches lie outside the grid when this evaluator is used).
 * Any other subtree is evaluated node by node through {@link Activation#value(Apfloat, long)}.
 */
final class GridEvaluator {
    private final Expr root;
    private final long precision;
    private final int b;
    private final Map<Expr, Activation> fallbacks = new HashMap<>();

    GridEvaluator(Expr root, long precision, int b) {
        this.root = root;
        this.precision = precision;
        this.b = b;
    }

    /** A column of grid values, or one value shared by every node (constants). */
    private record Vals(BigInteger scalar, BigInteger[] arr) {
        BigInteger at(int k) {
            return arr == null ? scalar : arr[k];
        }
    }

    /** Affine form a·x + c of an expression, or null. */
    private record Affine(Apfloat a, Apfloat c) {}

    private Apfloat x0;
    private Apfloat dx;
    private int n;

    /** f(x_0 + k·dx), k = 0..n−1, in fixed point. */
    BigInteger[] values(Apfloat x0, Apfloat dx, int n) {
        this.x0 = x0.precision(precision);
        this.dx = dx.precision(precision);
        this.n = n;
        Vals v = eval(root);
        BigInteger[] out = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            out[k] = v.at(k);
        }
        return out;
    }

    private Vals scalar(BigInteger v) {
        return new Vals(v, null);
    }

    private Vals eval(Expr e) {
        if (e instanceof Expr.Constant c) {
            return scalar(Fixed.ofApfloat(c.value(precision), b));
        }
        if (e instanceof Expr.Variable) {
            BigInteger start = Fixed.ofApfloat(x0, b);
            BigInteger step = Fixed.ofApfloat(dx, b);
            BigInteger[] a = new BigInteger[n];
            for (int k = 0; k < n; k++) {
                a[k] = start.add(step.multiply(BigInteger.valueOf(k)));
            }
            return new Vals(null, a);
        }
        if (e instanceof Expr.Negate ng) {
            return map(eval(ng.arg()), BigInteger::negate);
        }
        if (e instanceof Expr.Binary bin) {
            return binary(bin);
        }
        Expr.Call call = (Expr.Call) e;
        if (!call.dependsOnX()) {
            return scalar(Fixed.ofApfloat(Activation.of(call).value(Apfloat.ZERO, precision), b));
        }
        Affine aff = affine(call.arg(0));
        if (aff != null && aff.a().signum() != 0 && call.fn().arity() == 1) {
            Vals r = recurrence(call.fn(), aff);
            if (r != null) {
                return r;
            }
        }
        return switch (call.fn()) {
            case ABS -> map(eval(call.arg(0)), BigInteger::abs);
            case SIGN ->
                map(eval(call.arg(0)), u -> BigInteger.valueOf(u.signum()).shiftLeft(b));
            case STEP -> map(eval(call.arg(0)), u -> u.signum() > 0 ? Fixed.one(b) : BigInteger.ZERO);
            case RELU -> map(eval(call.arg(0)), u -> u.signum() > 0 ? u : BigInteger.ZERO);
            case EXP -> map(eval(call.arg(0)), u -> Fixed.exp(u, b));
            case TANH -> map(eval(call.arg(0)), this::tanh);
            case SIGMOID -> map(eval(call.arg(0)), this::sigmoid);
            case SILU -> map(eval(call.arg(0)), u -> Fixed.mul(u, sigmoid(u), b));
            case ERF -> map(eval(call.arg(0)), this::erf);
            case ERFC -> map(eval(call.arg(0)), u -> Fixed.one(b).subtract(erf(u)));
            case GELU ->
                map(
                        eval(call.arg(0)),
                        u -> Fixed.mul(u, Fixed.one(b).add(erf(Fixed.mul(u, invSqrt2(), b))), b)
                                .shiftRight(1));
            case MAX -> zip(eval(call.arg(0)), eval(call.arg(1)), (u, v) -> u.compareTo(v) >= 0 ? u : v);
            case MIN -> zip(eval(call.arg(0)), eval(call.arg(1)), (u, v) -> u.compareTo(v) <= 0 ? u : v);
            case LEAKY_RELU ->
                zip(eval(call.arg(0)), eval(call.arg(1)), (u, sl) -> u.signum() >= 0 ? u : Fixed.mul(u, sl, b));
            case CLAMP -> {
                Vals u = eval(call.arg(0));
                Vals lo = eval(call.arg(1));
                Vals hi = eval(call.arg(2));
                BigInteger[] out = new BigInteger[n];
                for (int k = 0; k < n; k++) {
                    BigInteger v = u.at(k).max(lo.at(k));
                    out[k] = v.min(hi.at(k));
                }
                yield new Vals(null, out);
            }
            default -> fallback(call);
        };
    }

    private BigInteger tanh(BigInteger u) {
        // 1 − 2/(e^{2u} + 1), with the sign folded so the exponential never overflows
        BigInteger e = Fixed.exp(u.abs().shiftLeft(1).negate(), b);
        BigInteger t = Fixed.div(Fixed.one(b).subtract(e), Fixed.one(b).add(e), b);
        return u.signum() < 0 ? t.negate() : t;
    }

    private BigInteger invSqrt2;
    private BigInteger twoOverSqrtPi;

    private BigInteger invSqrt2() {
        if (invSqrt2 == null) {
            invSqrt2 = Fixed.ofApfloat(
                    ApfloatMath.sqrt(new Apfloat(2, precision + 10)).divide(new Apfloat(2)), b);
        }
        return invSqrt2;
    }

    /**
     * erf u = (2/√π) e^{−u²} Σ_n 2^n u^{2n+1}/(2n+1)!!: all terms positive, so no cancellation;
     * ±1 once erfc |u| < 2^−b.
     */
    private BigInteger erf(BigInteger u) {
        double ud = Math.abs(Fixed.toDouble(u, b));
        if (ud * ud > (b + 4) * 0.6931471805599453) {
            return Fixed.one(b).multiply(BigInteger.valueOf(u.signum()));
        }
        if (twoOverSqrtPi == null) {
            long p = precision + 10;
            twoOverSqrtPi = Fixed.ofApfloat(new Apfloat(2, p).divide(ApfloatMath.sqrt(ApfloatMath.pi(p))), b);
        }
        BigInteger u2 = Fixed.mul(u, u, b);
        // e^{-u²} is tiny: carry it with u²·log2(e) extra bits so the product keeps b bits
        int extraBits = (int) Math.ceil(ud * ud * 1.4426950408889634) + 8;
        BigInteger e = Fixed.exp(u2.negate().shiftLeft(extraBits), b + extraBits);
        BigInteger twoU2 = u2.shiftLeft(1);
        BigInteger term = u;
        BigInteger sum = u;
        int eBits = e.bitLength();
        for (int n = 1; ; n++) {
            term = Fixed.mul(term, twoU2, b).divide(BigInteger.valueOf(2L * n + 1));
            sum = sum.add(term);
            if (term.signum() == 0 || (n > ud * ud && term.bitLength() + eBits < b + extraBits - 4)) {
                break;
            }
        }
        return Fixed.mul(Fixed.mul(sum, e, b + extraBits), twoOverSqrtPi, b);
    }

    private BigInteger sigmoid(BigInteger u) {
        BigInteger e = Fixed.exp(u.abs().negate(), b);
        BigInteger s = Fixed.div(Fixed.one(b), Fixed.one(b).add(e), b);
        return u.signum() < 0 ? Fixed.one(b).subtract(s) : s;
    }

    private Vals binary(Expr.Binary bin) {
        Vals l = eval(bin.left());
        if (bin.op() == Expr.Op.POW) {
            Integer m = smallInteger(bin.right());
            if (m != null) {
                return map(l, u -> ipow(u, m));
            }
            return fallback(bin);
        }
        Vals r = eval(bin.right());
        return switch (bin.op()) {
            case ADD -> zip(l, r, BigInteger::add);
            case SUB -> zip(l, r, BigInteger::subtract);
            case MUL -> zip(l, r, (u, v) -> Fixed.mul(u, v, b));
            case DIV ->
                zip(l, r, (u, v) -> {
                    if (v.signum() == 0) {
                        throw new ArithmeticException("division by zero on the quadrature grid in " + bin);
                    }
                    return Fixed.div(u, v, b);
                });
            default -> throw new IllegalStateException(bin.op().toString());
        };
    }

    private BigInteger ipow(BigInteger u, int m) {
        BigInteger result = Fixed.one(b);
        BigInteger base = u;
        int e = Math.abs(m);
        while (e > 0) {
            if ((e & 1) == 1) {
                result = Fixed.mul(result, base, b);
            }
            e >>= 1;
            if (e > 0) {
                base = Fixed.mul(base, base, b);
            }
        }
        if (m < 0) {
            if (result.signum() == 0) {
                throw new ArithmeticException("division by zero on the quadrature grid in a negative power");
            }
            return Fixed.div(Fixed.one(b), result, b);
        }
        return result;
    }

    private static Integer smallInteger(Expr e) {
        boolean neg = false;
        if (e instanceof Expr.Negate ng) {
            neg = true;
            e = ng.arg();
        }
        if (e instanceof Expr.Constant c && c.isExact()) {
            Apfloat v = c.value();
            if (v.equals(v.truncate()) && v.compareTo(new Apfloat(64)) <= 0) {
                int m = v.truncate().intValue();
                return neg ? -m : m;
            }
        }
        return null;
    }

    /** a·x + c if e is affine in x (constants folded), else null. */
    private Affine affine(Expr e) {
        if (e instanceof Expr.Variable) {
            return new Affine(new Apfloat(1, precision), Apfloat.ZERO);
        }
        if (!e.dependsOnX()) {
            return new Affine(Apfloat.ZERO, constant(e));
        }
        if (e instanceof Expr.Negate ng) {
            Affine a = affine(ng.arg());
            return a == null ? null : new Affine(a.a().negate(), a.c().negate());
        }
        if (e instanceof Expr.Binary bin) {
            Affine l = affine(bin.left());
            Affine r = affine(bin.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (bin.op()) {
                case ADD -> new Affine(l.a().add(r.a()), l.c().add(r.c()));
                case SUB -> new Affine(l.a().subtract(r.a()), l.c().subtract(r.c()));
                case MUL ->
                    l.a().signum() == 0
                            ? new Affine(r.a().multiply(l.c()), r.c().multiply(l.c()))
                            : r.a().signum() == 0 ? new Affine(l.a().multiply(r.c()), l.c().multiply(r.c())) : null;
                case DIV ->
                    r.a().signum() == 0 && r.c().signum() != 0
                            ? new Affine(l.a().divide(r.c()), l.c().divide(r.c()))
                            : null;
                default -> null;
            };
        }
        return null;
    }

    private Apfloat constant(Expr e) {
        return Activation.of(e).value(Apfloat.ZERO, precision);
    }

    /** Recurrence evaluation of fn(a·x + c) on the grid, or null if fn has none. */
    private Vals recurrence(Function fn, Affine aff) {
        Apfloat u0 = aff.a().multiply(x0).add(aff.c());
        Apfloat du = aff.a().multiply(dx);
        // anchor: node with the smallest |u|
        double k0 = -u0.doubleValue() / du.doubleValue();
        int anchor = (int) Math.max(0, Math.min(n - 1, Math.round(k0)));
        BigInteger ua = Fixed.ofApfloat(u0.add(du.multiply(new Apfloat(anchor, precision))), b);
        BigInteger step = Fixed.ofApfloat(du, b);
        BigInteger[] out = new BigInteger[n];
        switch (fn) {
            case EXP -> {
                BigInteger[] e = geometric(Fixed.exp(ua, b), step, anchor);
                System.arraycopy(e, 0, out, 0, n);
            }
            case TANH, SIGMOID, SILU -> {
                // F_k = e^{-2u} (tanh) or e^{-u} (sigmoid); values from F by one division
                int c = fn == Function.TANH ? 2 : 1;
                BigInteger[] f = geometric(
                        Fixed.exp(ua.multiply(BigInteger.valueOf(-c)), b),
                        step.multiply(BigInteger.valueOf(-c)),
                        anchor);
                BigInteger one = Fixed.one(b);
                BigInteger uk = ua.subtract(step.multiply(BigInteger.valueOf(anchor)));
                for (int k = 0; k < n; k++) {
                    BigInteger fk = f[k];
                    BigInteger v = Fixed.div(one, one.add(fk), b); // sigmoid(c·u)
                    if (fn == Function.TANH) {
                        v = v.shiftLeft(1).subtract(one);
                    } else if (fn == Function.SILU) {
                        v = Fixed.mul(uk, v, b);
                    }
                    out[k] = v;
                    uk = uk.add(step);
                }
            }
            case SINH, COSH -> {
                BigInteger[] ep = geometric(Fixed.exp(ua, b), step, anchor);
                BigInteger[] em = geometric(Fixed.exp(ua.negate(), b), step.negate(), anchor);
                for (int k = 0; k < n; k++) {
                    out[k] = (fn == Function.SINH ? ep[k].subtract(em[k]) : ep[k].add(em[k])).shiftRight(1);
                }
            }
            case SIN, COS -> {
                long wp = precision + 10;
                Apfloat uaA =
                        u0.add(du.multiply(new Apfloat(anchor, precision))).precision(wp);
                BigInteger cA = Fixed.ofApfloat(ApfloatMath.cos(uaA), b);
                BigInteger sA = Fixed.ofApfloat(ApfloatMath.sin(uaA), b);
                BigInteger ct = Fixed.ofApfloat(ApfloatMath.cos(du.precision(wp)), b);
                BigInteger st = Fixed.ofApfloat(ApfloatMath.sin(du.precision(wp)), b);
                BigInteger[] cs = new BigInteger[n];
                BigInteger[] sn = new BigInteger[n];
                cs[anchor] = cA;
                sn[anchor] = sA;
                for (int k = anchor + 1; k < n; k++) {
                    cs[k] = Fixed.mul(cs[k - 1], ct, b).subtract(Fixed.mul(sn[k - 1], st, b));
                    sn[k] = Fixed.mul(sn[k - 1], ct, b).add(Fixed.mul(cs[k - 1], st, b));
                }
                for (int k = anchor - 1; k >= 0; k--) {
                    cs[k] = Fixed.mul(cs[k + 1], ct, b).add(Fixed.mul(sn[k + 1], st, b));
                    sn[k] = Fixed.mul(sn[k + 1], ct, b).subtract(Fixed.mul(cs[k + 1], st, b));
                }
                return new Vals(null, fn == Function.SIN ? sn : cs);
            }
            default -> {
                return null;
            }
        }
        return new Vals(null, out);
    }

    /** E_k = E_anchor·e^{(k−anchor)·step}, run outwards from the anchor. */
    private BigInteger[] geometric(BigInteger eAnchor, BigInteger step, int anchor) {
        BigInteger r = Fixed.exp(step, b);
        BigInteger rinv = Fixed.exp(step.negate(), b);
        BigInteger[] e = new BigInteger[n];
        e[anchor] = eAnchor;
        for (int k = anchor + 1; k < n; k++) {
            e[k] = Fixed.mul(e[k - 1], r, b);
        }
        for (int k = anchor - 1; k >= 0; k--) {
            e[k] = Fixed.mul(e[k + 1], rinv, b);
        }
        return e;
    }

    private Vals fallback(Expr sub) {
        Activation a = fallbacks.computeIfAbsent(sub, Activation::of);
        BigInteger[] out = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            Apfloat x = x0.add(dx.multiply(new Apfloat(k, precision)));
            out[k] = Fixed.ofApfloat(a.value(x, precision), b);
        }
        return new Vals(null, out);
    }

    private Vals map(Vals v, java.util.function.UnaryOperator<BigInteger> op) {
        if (v.arr() == null) {
            return scalar(op.apply(v.scalar()));
        }
        BigInteger[] out = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            out[k] = op.apply(v.arr()[k]);
        }
        return new Vals(null, out);
    }

    private Vals zip(Vals l, Vals r, java.util.function.BinaryOperator<BigInteger> op) {
        if (l.arr() == null && r.arr() == null) {
            return scalar(op.apply(l.scalar(), r.scalar()));
        }
        BigInteger[] out = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            out[k] = op.apply(l.at(k), r.at(k));
        }
        return new Vals(null, out);
    }
}
