package org.nrmt.activation;

import org.apfloat.Apfloat;

/**
 * Expression constructors that drop trivial constants (0·u, 1·u, u+0, u^1, −(−u)) and fold
 * exact decimal arithmetic (+, −, ·), so that derivatives stay readable.
 */
final class Build {
    private Build() {}

    static final Expr X = Expr.Variable.X;
    static final Expr ZERO = Expr.Constant.ZERO;
    static final Expr ONE = Expr.Constant.ONE;
    static final Expr TWO = Expr.Constant.TWO;

    static Expr num(long n) {
        return n >= 0 ? Expr.Constant.of(n) : new Expr.Negate(Expr.Constant.of(-n));
    }

    /** The exact decimal value of e, or null if e is not an exact decimal (possibly negated). */
    static Apfloat exact(Expr e) {
        if (e instanceof Expr.Constant c && c.isExact()) {
            return c.value();
        }
        if (e instanceof Expr.Negate n && n.arg() instanceof Expr.Constant c && c.isExact()) {
            return c.value().negate();
        }
        return null;
    }

    static Expr ofExact(Apfloat v) {
        return v.signum() >= 0 ? Expr.Constant.ofExact(v) : new Expr.Negate(Expr.Constant.ofExact(v.negate()));
    }

    static boolean isZero(Expr e) {
        Apfloat v = exact(e);
        return v != null && v.signum() == 0;
    }

    static boolean isOne(Expr e) {
        Apfloat v = exact(e);
        return v != null && v.equals(Apfloat.ONE);
    }

    static Expr neg(Expr a) {
        if (isZero(a)) {
            return ZERO;
        }
        if (a instanceof Expr.Negate n) {
            return n.arg();
        }
        return new Expr.Negate(a);
    }

    static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        Apfloat va = exact(a);
        Apfloat vb = exact(b);
        if (va != null && vb != null) {
            return ofExact(va.add(vb));
        }
        if (b instanceof Expr.Negate n) {
            return new Expr.Binary(Expr.Op.SUB, a, n.arg());
        }
        return new Expr.Binary(Expr.Op.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        Apfloat va = exact(a);
        Apfloat vb = exact(b);
        if (va != null && vb != null) {
            return ofExact(va.subtract(vb));
        }
        if (b instanceof Expr.Negate n) {
            return new Expr.Binary(Expr.Op.ADD, a, n.arg());
        }
        return new Expr.Binary(Expr.Op.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        if (isZero(a) || isZero(b)) {
            return ZERO;
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        Apfloat va = exact(a);
        Apfloat vb = exact(b);
        if (va != null && vb != null) {
            return ofExact(va.multiply(vb));
        }
        if (vb != null && va == null) {
            return mul(b, a); // constants first: 2*x, -2*x
        }
        if (va != null) {
            if (b instanceof Expr.Negate n) {
                return mul(ofExact(va.negate()), n.arg());
            }
            return new Expr.Binary(Expr.Op.MUL, a, b); // a negative constant stays in front: -2*x
        }
        if (a instanceof Expr.Negate n) {
            return neg(mul(n.arg(), b));
        }
        if (b instanceof Expr.Negate n) {
            return neg(mul(a, n.arg()));
        }
        return new Expr.Binary(Expr.Op.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Negate n) {
            return neg(div(n.arg(), b));
        }
        if (b instanceof Expr.Negate n) {
            return neg(div(a, n.arg()));
        }
        return new Expr.Binary(Expr.Op.DIV, a, b);
    }

    static Expr pow(Expr a, Expr b) {
        if (isZero(b)) {
            return ONE;
        }
        if (isOne(b)) {
            return a;
        }
        return new Expr.Binary(Expr.Op.POW, a, b);
    }

    static Expr call(Function fn, Expr... args) {
        return new Expr.Call(fn, args);
    }
}
