package org.nrmt.activation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Finds the non-smooth points of an activation on [lo, hi] (theory/activations.md,
 * "Non-smooth points"): every zero of a switching argument g.
 * <ul>
 * <li>abs, relu, leaky_relu: g = the argument (KINK); sign, step: g = the argument (JUMP);
 *     max(a,b), min(a,b): g = a − b; clamp(u,lo,hi): g = u − lo and g = u − hi (KINK);</li>
 * <li>u/g, log g, sqrt g, g^p with p not a non-negative integer: g (SINGULAR); tan u: g = cos u.</li>
 * </ul>
 * An affine g = a·x + b is solved exactly, −b/a in apfloat. Any other g is sampled on a uniform
 * double grid; each sign change is narrowed by bisection in double and then by safeguarded Newton
 * in apfloat; each small local minimum of |g| (a touching zero) by Newton on g' and accepted only if
 * g vanishes there to half the digits. This scan is a heuristic: zeros closer together than the
 * grid spacing, or touching zeros between grid points with |g| above the threshold, can be missed.
 * A JUMP whose one-sided limits agree (x·sign(x) = |x|) is reported as a KINK.
 */
final class NonSmoothFinder {
    private static final long GUARD = 20;
    private static final int MIN_GRID = 20_000;
    private static final int MAX_GRID = 400_000;
    /** Grid points per unit length of [lo, hi]. */
    private static final double GRID_DENSITY = 2_000;

    private record Switch(Expr g, NonSmoothPoint.Kind kind) {}

    private NonSmoothFinder() {}

    static List<NonSmoothPoint> find(Expr f, double lo, double hi, long precision) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (precision < 1) {
            throw new IllegalArgumentException("precision must be >= 1 digit, got " + precision);
        }
        long wp = precision + GUARD;
        List<Switch> switches = new ArrayList<>();
        collect(f, switches);
        List<NonSmoothPoint> raw = new ArrayList<>();
        for (Switch s : switches) {
            for (Apfloat z : zeros(s.g(), lo, hi, wp)) {
                raw.add(new NonSmoothPoint(z, s.kind()));
            }
        }
        raw.sort(Comparator.comparing(NonSmoothPoint::x));
        List<NonSmoothPoint> merged = new ArrayList<>();
        Apfloat tol = new Apfloat("1e-" + (precision + 5), wp);
        for (NonSmoothPoint p : raw) {
            int last = merged.size() - 1;
            if (last >= 0) {
                NonSmoothPoint q = merged.get(last);
                Apfloat scale = ApfloatMath.abs(q.x()).add(Apfloat.ONE);
                if (ApfloatMath.abs(p.x().subtract(q.x())).compareTo(tol.multiply(scale)) <= 0) {
                    if (p.kind().compareTo(q.kind()) > 0) {
                        merged.set(last, new NonSmoothPoint(q.x(), p.kind()));
                    }
                    continue;
                }
            }
            merged.add(p);
        }
        List<NonSmoothPoint> out = new ArrayList<>(merged.size());
        for (NonSmoothPoint p : merged) {
            NonSmoothPoint.Kind kind = p.kind();
            if (kind == NonSmoothPoint.Kind.JUMP && continuous(f, p.x())) {
                kind = NonSmoothPoint.Kind.KINK;
            }
            out.add(new NonSmoothPoint(p.x().precision(precision), kind));
        }
        return List.copyOf(out);
    }

    // ---- switching arguments ----

    private static void collect(Expr e, List<Switch> out) {
        if (!e.dependsOnX()) {
            return;
        }
        if (e instanceof Expr.Negate n) {
            collect(n.arg(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
            if (b.op() == Expr.Op.DIV) {
                add(out, b.right(), NonSmoothPoint.Kind.SINGULAR);
            } else if (b.op() == Expr.Op.POW) {
                if (b.right().dependsOnX() || !isNonNegativeInteger(b.right())) {
                    add(out, b.left(), NonSmoothPoint.Kind.SINGULAR);
                }
            }
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                collect(a, out);
            }
            Expr u = c.arg(0);
            switch (c.fn()) {
                case ABS, RELU, LEAKY_RELU -> add(out, u, NonSmoothPoint.Kind.KINK);
                case SIGN, STEP -> add(out, u, NonSmoothPoint.Kind.JUMP);
                case MAX, MIN -> add(out, Build.sub(u, c.arg(1)), NonSmoothPoint.Kind.KINK);
                case CLAMP -> {
                    add(out, Build.sub(u, c.arg(1)), NonSmoothPoint.Kind.KINK);
                    add(out, Build.sub(u, c.arg(2)), NonSmoothPoint.Kind.KINK);
                }
                case LOG, SQRT -> add(out, u, NonSmoothPoint.Kind.SINGULAR);
                case TAN -> add(out, Build.call(Function.COS, u), NonSmoothPoint.Kind.SINGULAR);
                default -> {}
            }
        }
    }

    private static void add(List<Switch> out, Expr g, NonSmoothPoint.Kind kind) {
        if (g.dependsOnX()) {
            out.add(new Switch(g, kind));
        }
    }

    private static boolean isNonNegativeInteger(Expr c) {
        try {
            Apfloat v = ApfloatEvaluator.eval(c, Apfloat.ZERO, 30);
            return v.signum() >= 0 && v.isInteger();
        } catch (ArithmeticException ex) {
            return false;
        }
    }

    // ---- zeros of one switching argument ----

    private static List<Apfloat> zeros(Expr g, double lo, double hi, long wp) {
        Expr[] ab = affine(g);
        if (ab != null) {
            try {
                Apfloat a = ApfloatEvaluator.eval(ab[0], Apfloat.ZERO, wp);
                Apfloat b = ApfloatEvaluator.eval(ab[1], Apfloat.ZERO, wp);
                if (a.signum() == 0) {
                    return List.of();
                }
                Apfloat root = b.negate().divide(a);
                if (root.compareTo(new Apfloat(lo)) >= 0 && root.compareTo(new Apfloat(hi)) <= 0) {
                    return List.of(root);
                }
                return List.of();
            } catch (ArithmeticException ex) {
                // a constant outside its domain: fall through to the scan, which will find nothing
            }
        }
        return scan(g, lo, hi, wp);
    }

    /** {a, b} with g = a·x + b and a, b free of x, or null if g is not visibly affine. */
    static Expr[] affine(Expr g) {
        if (!g.dependsOnX()) {
            return new Expr[] {Build.ZERO, g};
        }
        if (g instanceof Expr.Variable) {
            return new Expr[] {Build.ONE, Build.ZERO};
        }
        if (g instanceof Expr.Negate n) {
            Expr[] u = affine(n.arg());
            return u == null ? null : new Expr[] {Build.neg(u[0]), Build.neg(u[1])};
        }
        if (g instanceof Expr.Binary b) {
            switch (b.op()) {
                case ADD, SUB -> {
                    Expr[] l = affine(b.left());
                    Expr[] r = affine(b.right());
                    if (l == null || r == null) {
                        return null;
                    }
                    return b.op() == Expr.Op.ADD
                            ? new Expr[] {Build.add(l[0], r[0]), Build.add(l[1], r[1])}
                            : new Expr[] {Build.sub(l[0], r[0]), Build.sub(l[1], r[1])};
                }
                case MUL -> {
                    if (!b.left().dependsOnX()) {
                        Expr[] r = affine(b.right());
                        return r == null ? null : new Expr[] {Build.mul(b.left(), r[0]), Build.mul(b.left(), r[1])};
                    }
                    if (!b.right().dependsOnX()) {
                        Expr[] l = affine(b.left());
                        return l == null ? null : new Expr[] {Build.mul(l[0], b.right()), Build.mul(l[1], b.right())};
                    }
                    return null;
                }
                case DIV -> {
                    if (!b.right().dependsOnX()) {
                        Expr[] l = affine(b.left());
                        return l == null ? null : new Expr[] {Build.div(l[0], b.right()), Build.div(l[1], b.right())};
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<Apfloat> scan(Expr g, double lo, double hi, long wp) {
        DoubleUnaryOperator gd = DoubleCompiler.compile(g);
        Expr dg = Derivatives.derivative(g);
        int n = (int) Math.min(MAX_GRID, Math.max(MIN_GRID, Math.ceil((hi - lo) * GRID_DENSITY)));
        double h = (hi - lo) / n;
        double[] v = new double[n + 1];
        double[] xs = new double[n + 1];
        double maxAbs = 0;
        for (int i = 0; i <= n; i++) {
            xs[i] = i == n ? hi : lo + i * h;
            v[i] = gd.applyAsDouble(xs[i]);
            if (Double.isFinite(v[i])) {
                maxAbs = Math.max(maxAbs, Math.abs(v[i]));
            }
        }
        if (maxAbs == 0) {
            return List.of(); // g vanishes identically: the switch never switches
        }
        Apfloat acceptance = new Apfloat(maxAbs + 1.0, 20).multiply(new Apfloat("1e-" + (wp / 2), wp));
        List<Apfloat> roots = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double vi = v[i];
            if (!Double.isFinite(vi)) {
                continue;
            }
            if (vi == 0) {
                int j = i;
                while (j < n && v[j + 1] == 0) {
                    j++;
                }
                if (j > i) {
                    // g is 0 in double on a whole run of grid points: saturation (tanh(x) − 1 for
                    // large x) or a switch that never switches; neither is an isolated zero
                    i = j;
                    continue;
                }
                Apfloat x = new Apfloat(xs[i]).precision(wp);
                Apfloat gx = evalOrNull(g, x, wp);
                if (gx != null && gx.signum() == 0) {
                    roots.add(x);
                } else {
                    Apfloat r = newton(g, dg, x, wp);
                    if (r != null && accept(g, r, acceptance, wp, lo, hi)) {
                        roots.add(r);
                    }
                }
                continue;
            }
            if (i < n && Double.isFinite(v[i + 1]) && v[i + 1] != 0 && (vi > 0) != (v[i + 1] > 0)) {
                Apfloat r = bracketed(g, dg, gd, xs[i], xs[i + 1], wp);
                if (r != null && accept(g, r, acceptance, wp, lo, hi)) {
                    roots.add(r);
                }
                continue;
            }
            // touching zero: a small local minimum of |g| without a sign change
            if (i > 0
                    && i < n
                    && Double.isFinite(v[i - 1])
                    && Double.isFinite(v[i + 1])
                    && Math.abs(vi) <= Math.abs(v[i - 1])
                    && Math.abs(vi) < Math.abs(v[i + 1])
                    && (vi > 0) == (v[i - 1] > 0)
                    && (vi > 0) == (v[i + 1] > 0)
                    && Math.abs(vi) < 1e-3 * maxAbs) {
                Expr d2g = Derivatives.derivative(dg);
                Apfloat c = newton(dg, d2g, new Apfloat(xs[i]).precision(wp), wp);
                if (c != null && accept(g, c, acceptance, wp, xs[i - 1], xs[i + 1])) {
                    roots.add(c);
                }
            }
        }
        return roots;
    }

    private static boolean accept(Expr g, Apfloat x, Apfloat tol, long wp, double lo, double hi) {
        if (x.compareTo(new Apfloat(lo)) < 0 || x.compareTo(new Apfloat(hi)) > 0) {
            return false;
        }
        Apfloat gx = evalOrNull(g, x, wp);
        return gx != null && ApfloatMath.abs(gx).compareTo(tol) <= 0;
    }

    private static Apfloat evalOrNull(Expr e, Apfloat x, long wp) {
        try {
            return ApfloatEvaluator.eval(e, x, wp);
        } catch (ArithmeticException ex) {
            return null;
        }
    }

    /** Plain Newton from x0 (for touching zeros and exact grid hits), or null if it fails. */
    private static Apfloat newton(Expr g, Expr dg, Apfloat x0, long wp) {
        Apfloat x = x0;
        Apfloat eps = new Apfloat("1e-" + (wp - 3), wp);
        for (int it = 0; it < 40; it++) {
            Apfloat gx = evalOrNull(g, x, wp);
            if (gx == null) {
                return null;
            }
            if (gx.signum() == 0) {
                return x;
            }
            Apfloat d = evalOrNull(dg, x, wp);
            if (d == null || d.signum() == 0) {
                return null;
            }
            Apfloat step = gx.divide(d);
            x = x.subtract(step);
            if (ApfloatMath.abs(step).compareTo(eps.multiply(ApfloatMath.abs(x).add(Apfloat.ONE))) <= 0) {
                return x;
            }
        }
        return null;
    }

    /**
     * The zero of g in [a, b], where g changes sign: bisection in double down to a few ulp, then
     * Newton in apfloat kept inside an apfloat bracket (a bisection step whenever Newton leaves it).
     */
    private static Apfloat bracketed(Expr g, Expr dg, DoubleUnaryOperator gd, double a, double b, long wp) {
        double ga = gd.applyAsDouble(a);
        for (int it = 0; it < 200 && b - a > 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b))); it++) {
            double m = 0.5 * (a + b);
            double gm = gd.applyAsDouble(m);
            if (gm == 0 || !Double.isFinite(gm)) {
                break;
            }
            if ((gm > 0) == (ga > 0)) {
                a = m;
                ga = gm;
            } else {
                b = m;
            }
        }
        Apfloat lo = new Apfloat(a).precision(wp);
        Apfloat hi = new Apfloat(b).precision(wp);
        Apfloat glo = evalOrNull(g, lo, wp);
        Apfloat ghi = evalOrNull(g, hi, wp);
        if (glo == null || ghi == null) {
            return null;
        }
        if (glo.signum() == 0) {
            return lo;
        }
        if (ghi.signum() == 0) {
            return hi;
        }
        if (glo.signum() == ghi.signum()) {
            // the double sign change was rounding noise; try Newton from the middle
            return newton(g, dg, lo.add(hi).divide(new Apfloat(2)), wp);
        }
        Apfloat fast = newtonDoubling(g, dg, lo.add(hi).divide(new Apfloat(2)), lo, hi, wp);
        if (fast != null) {
            return fast;
        }
        int sLo = glo.signum();
        Apfloat two = new Apfloat(2);
        Apfloat x = lo.add(hi).divide(two);
        Apfloat eps = new Apfloat("1e-" + (wp - 3), wp);
        long maxIter = 8 * wp + 200;
        Apfloat widthBefore = hi.subtract(lo);
        for (long it = 0; it < maxIter; it++) {
            boolean forceBisection = false;
            if (it % 3 == 2) {
                // Newton creeping towards a multiple zero does not shrink the bracket: bisect
                Apfloat width = hi.subtract(lo);
                forceBisection = width.compareTo(widthBefore.divide(two)) > 0;
                widthBefore = width;
            }
            Apfloat gx = evalOrNull(g, x, wp);
            if (gx == null) {
                return null;
            }
            if (gx.signum() == 0) {
                return x;
            }
            if (gx.signum() == sLo) {
                lo = x;
            } else {
                hi = x;
            }
            Apfloat scale = ApfloatMath.abs(x).add(Apfloat.ONE);
            if (hi.subtract(lo).compareTo(eps.multiply(scale)) <= 0) {
                return x;
            }
            Apfloat d = forceBisection ? null : evalOrNull(dg, x, wp);
            Apfloat next = null;
            if (d != null && d.signum() != 0) {
                Apfloat step = gx.divide(d);
                next = x.subtract(step);
                if (next.compareTo(lo) > 0 && next.compareTo(hi) < 0) {
                    if (ApfloatMath.abs(step).compareTo(eps.multiply(scale)) <= 0) {
                        return next;
                    }
                } else {
                    next = null;
                }
            }
            x = next != null ? next : lo.add(hi).divide(two);
        }
        return x;
    }

    /**
     * Newton from a double-accurate start, doubling the working precision each step (the error
     * squares), so that only the last two steps cost full precision. Null if it leaves the
     * bracket [lo, hi] widened by its own width, or has not converged after three steps at full
     * precision (a multiple zero): the caller then falls back to the safeguarded iteration.
     */
    private static Apfloat newtonDoubling(Expr g, Expr dg, Apfloat x0, Apfloat lo, Apfloat hi, long wp) {
        Apfloat width = hi.subtract(lo);
        Apfloat left = lo.subtract(width);
        Apfloat right = hi.add(width);
        Apfloat x = x0;
        long p = Math.min(wp, 32);
        int atFull = 0;
        for (int it = 0; it < 64; it++) {
            Apfloat xp = x.precision(p);
            Apfloat gx = evalOrNull(g, xp, p);
            if (gx == null) {
                return null;
            }
            if (gx.signum() == 0) {
                return p == wp ? xp : null;
            }
            Apfloat d = evalOrNull(dg, xp, p);
            if (d == null || d.signum() == 0) {
                return null;
            }
            Apfloat step = gx.divide(d);
            x = xp.subtract(step).precision(wp);
            if (x.compareTo(left) < 0 || x.compareTo(right) > 0) {
                return null;
            }
            if (p == wp) {
                Apfloat eps = new Apfloat("1e-" + (wp - 3), wp)
                        .multiply(ApfloatMath.abs(x).add(Apfloat.ONE));
                if (ApfloatMath.abs(step).compareTo(eps) <= 0) {
                    return x;
                }
                if (++atFull >= 3) {
                    return null;
                }
            }
            p = Math.min(wp, 2 * p);
        }
        return null;
    }

    /**
     * True if the one-sided limits of f at x0 agree: |f(x0+h) − f(x0−h)| shrinks with h
     * (h = 10⁻⁸ and 10⁻¹², relative), as for x·sign(x).
     */
    private static boolean continuous(Expr f, Apfloat x0) {
        long p = 40;
        Apfloat scale = ApfloatMath.abs(x0).add(Apfloat.ONE).precision(p);
        try {
            Apfloat d1 = oneSidedGap(f, x0, scale.multiply(new Apfloat("1e-8", p)), p);
            Apfloat d2 = oneSidedGap(f, x0, scale.multiply(new Apfloat("1e-12", p)), p);
            // a jump keeps its size as h shrinks; a continuous f's gap shrinks with h (≥ ×1e-4 here)
            return d2.compareTo(d1.multiply(new Apfloat("0.01", p))) <= 0;
        } catch (ArithmeticException ex) {
            return false;
        }
    }

    private static Apfloat oneSidedGap(Expr f, Apfloat x0, Apfloat h, long p) {
        Apfloat x = x0.precision(p + 20);
        Apfloat right = ApfloatEvaluator.eval(f, x.add(h), p + 20);
        Apfloat left = ApfloatEvaluator.eval(f, x.subtract(h), p + 20);
        return ApfloatMath.abs(right.subtract(left));
    }
}
