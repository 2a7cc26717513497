package org.nrmt.activation;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Evaluates an expression in apfloat at a fixed working precision (decimal digits). Domain errors
 * throw {@link ArithmeticException} naming the operation and the offending value; nothing returns
 * NaN. Rounding to the caller's precision happens in {@link Activation#value(Apfloat, long)}.
 */
final class ApfloatEvaluator {
    private static final Apfloat ZERO = Apfloat.ZERO;
    private static final Apfloat ONE = new Apfloat(1);
    private static final Apfloat TWO = new Apfloat(2);

    private final long wp;
    private final Apfloat x;

    private ApfloatEvaluator(Apfloat x, long wp) {
        this.wp = wp;
        this.x = x.precision(wp);
    }

    /** Evaluates {@code e} at {@code x} with {@code wp} working digits. */
    static Apfloat eval(Expr e, Apfloat x, long wp) {
        return new ApfloatEvaluator(x, wp).eval(e);
    }

    private Apfloat eval(Expr e) {
        if (e instanceof Expr.Constant c) {
            return c.value(wp);
        }
        if (e instanceof Expr.Variable) {
            return x;
        }
        if (e instanceof Expr.Negate n) {
            return eval(n.arg()).negate();
        }
        if (e instanceof Expr.Binary b) {
            Apfloat l = eval(b.left());
            Apfloat r = eval(b.right());
            return switch (b.op()) {
                case ADD -> l.add(r);
                case SUB -> l.subtract(r);
                case MUL -> l.multiply(r);
                case DIV -> divide(l, r);
                case POW -> pow(l, r);
            };
        }
        Expr.Call c = (Expr.Call) e;
        Apfloat u = eval(c.arg(0));
        return switch (c.fn()) {
            case SIN -> ApfloatSpecial.sinCos(u, wp)[0];
            case COS -> ApfloatSpecial.sinCos(u, wp)[1];
            case TAN -> tan(u);
            case ATAN -> ApfloatMath.atan(u);
            case EXP -> ApfloatMath.exp(u);
            case LOG -> {
                if (u.signum() <= 0) {
                    throw new ArithmeticException("log of a non-positive number, got " + u.precision(20));
                }
                yield ApfloatMath.log(u);
            }
            case SQRT -> {
                if (u.signum() < 0) {
                    throw new ArithmeticException("sqrt of a negative number, got " + u.precision(20));
                }
                yield u.signum() == 0 ? ZERO : ApfloatMath.sqrt(u);
            }
            case ABS -> ApfloatMath.abs(u);
            case SIGN -> new Apfloat(u.signum());
            case STEP -> u.signum() > 0 ? ONE : ZERO;
            case TANH -> ApfloatSpecial.tanh(u, wp);
            case SINH -> ApfloatSpecial.sinh(u, wp);
            case COSH -> ApfloatSpecial.cosh(u, wp);
            case ERF -> ApfloatSpecial.erf(u, wp);
            case ERFC -> ApfloatSpecial.erfc(u, wp);
            case SIGMOID -> sigmoid(u);
            case SOFTPLUS -> softplus(u);
            case RELU -> u.signum() > 0 ? u : ZERO;
            case GELU -> gelu(u);
            case SILU -> u.multiply(sigmoid(u));
            case MAX -> max(u, eval(c.arg(1)));
            case MIN -> min(u, eval(c.arg(1)));
            case CLAMP -> min(max(u, eval(c.arg(1))), eval(c.arg(2)));
            case LEAKY_RELU -> u.signum() >= 0 ? u : u.multiply(eval(c.arg(1)));
        };
    }

    private static Apfloat max(Apfloat a, Apfloat b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Apfloat min(Apfloat a, Apfloat b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Apfloat divide(Apfloat l, Apfloat r) {
        if (r.signum() == 0) {
            throw new ArithmeticException("division by zero at x = " + x.precision(20) + ", got 0 as divisor");
        }
        if (l.signum() == 0) {
            return ZERO;
        }
        return l.divide(r);
    }

    private Apfloat tan(Apfloat u) {
        Apfloat[] sc = ApfloatSpecial.sinCos(u, wp);
        if (sc[1].signum() == 0) {
            throw new ArithmeticException("tan at a pole, got " + u.precision(20));
        }
        return sc[0].divide(sc[1]);
    }

    private Apfloat pow(Apfloat base, Apfloat p) {
        if (p.isInteger()
                && p.compareTo(new Apfloat(Long.MAX_VALUE / 2)) < 0
                && p.compareTo(new Apfloat(-Long.MAX_VALUE / 2)) > 0) {
            long n = p.longValue();
            if (n == 0) {
                return ONE;
            }
            if (base.signum() == 0) {
                if (n < 0) {
                    throw new ArithmeticException("0 raised to a negative power, got exponent " + n);
                }
                return ZERO;
            }
            return ApfloatMath.pow(base, n);
        }
        if (base.signum() < 0) {
            throw new ArithmeticException(
                    "negative base " + base.precision(20) + " raised to the non-integer power, got " + p.precision(20));
        }
        if (base.signum() == 0) {
            if (p.signum() < 0) {
                throw new ArithmeticException("0 raised to a negative power, got exponent " + p.precision(20));
            }
            return ZERO;
        }
        return ApfloatMath.pow(base, p);
    }

    /** 1/(1+e^{-u}) for u ≥ 0, e^u/(1+e^u) for u < 0: no overflow, full relative accuracy. */
    private Apfloat sigmoid(Apfloat u) {
        if (u.signum() >= 0) {
            return ONE.divide(ONE.add(ApfloatMath.exp(u.negate())));
        }
        Apfloat e = ApfloatMath.exp(u);
        return e.divide(ONE.add(e));
    }

    /** log(1+e^u) = max(u,0) + log1p(e^{-|u|}). */
    private Apfloat softplus(Apfloat u) {
        Apfloat t = ApfloatMath.exp(ApfloatMath.abs(u).negate());
        Apfloat l = log1p(t);
        return u.signum() > 0 ? u.add(l) : l;
    }

    /** log(1+t) for 0 ≤ t ≤ 1 with full relative accuracy for tiny t. */
    private Apfloat log1p(Apfloat t) {
        if (t.signum() == 0) {
            return ZERO;
        }
        long lost = -t.scale(); // leading zeros after the point
        if (lost > wp / 2 + 2) {
            // log1p(t) = t - t^2/2 + O(t^3), relative error below 10^-wp
            return t.subtract(t.multiply(t).divide(TWO));
        }
        long p = wp + Math.max(0, lost) + 5;
        Apfloat onePlus = ONE.precision(p).add(t.precision(p));
        return ApfloatMath.log(onePlus).precision(wp);
    }

    /** u Φ(u) = u erfc(-u/√2)/2. */
    private Apfloat gelu(Apfloat u) {
        if (u.signum() == 0) {
            return ZERO;
        }
        Apfloat arg = u.negate().divide(ApfloatMath.sqrt(TWO.precision(wp)));
        return u.multiply(ApfloatSpecial.erfc(arg, wp)).divide(TWO);
    }
}
