package org.nrmt.quadrature;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Tanh-sinh (double-exponential) quadrature on a finite interval [a, b] in apfloat:
 * \[ \int_a^b g(x)\,dx = \tfrac{b-a}{2}\int_{-\infty}^{\infty} g(x(t))\,w(t)\,dt,\quad
 *    x(t) = \tfrac{a+b}{2} + \tfrac{b-a}{2}\tanh(\tfrac{\pi}{2}\sinh t),\quad
 *    w(t) = \frac{\tfrac{\pi}{2}\cosh t}{\cosh^2(\tfrac{\pi}{2}\sinh t)}, \]
 * the t-integral taken by the trapezoidal rule with step h = 2^{-level}. Level j adds the odd
 * multiples of h_j, so every level reuses the previous nodes. It tolerates algebraic and
 * logarithmic endpoint behaviour, which is why pieces between breakpoints use it
 * (Takahasi and Mori 1974; Bailey, Jeyabalan and Li 2005). Nodes on [−1, 1] are computed in
 * binary fixed point with guard bits and cached under (level, precision) [M2]; nodes near the
 * ends are stored as distances to the end, 1 − |t|, so x keeps its digits there.
 *
 * <p>Immutable; configure with {@link #withMinLevels} and {@link #withMaxLevels} [H3].
 */
public final class TanhSinhRule {
    private static final int MAX_CACHE = 256;
    private static final Map<Long, Nodes> CACHE = new ConcurrentHashMap<>();

    private final int minLevels;
    private final int maxLevels;

    private TanhSinhRule(int minLevels, int maxLevels) {
        if (minLevels < 2 || maxLevels < minLevels || maxLevels > 20) {
            throw new IllegalArgumentException(
                    "levels must satisfy 2 <= minLevels <= maxLevels <= 20, got " + minLevels + ", " + maxLevels);
        }
        this.minLevels = minLevels;
        this.maxLevels = maxLevels;
    }

    /** minLevels 3 (so symmetric integrands cannot fake convergence), maxLevels 14. */
    public static TanhSinhRule withDefaults() {
        return new TanhSinhRule(3, 14);
    }

    public TanhSinhRule withMinLevels(int levels) {
        return new TanhSinhRule(levels, maxLevels);
    }

    public TanhSinhRule withMaxLevels(int levels) {
        return new TanhSinhRule(minLevels, levels);
    }

    /** Nodes of one level on [−1, 1]: k h for k ≥ 1 (both signs share c and w), plus t = 0 at level 0. */
    record Nodes(Apfloat[] complement, Apfloat[] weight, Apfloat centreWeight) {}

    /** ∫_a^b g to a relative tolerance 10^−digits of |∫ g| (absolute 10^−digits if the integral is 0). */
    public QuadratureResult integrate(Function<Apfloat, Apfloat> g, Apfloat a, Apfloat b, long digits) {
        VectorIntegrand v = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public Apfloat[] at(Apfloat x) {
                return new Apfloat[] {g.apply(x)};
            }
        };
        return integrate(v, a, b, digits + 10, new double[] {-digits}, true);
    }

    /**
     * ∫_a^b of each component. {@code log10Tol[i]} is the log10 of the tolerance, absolute, or
     * relative to |∫ g_i| when {@code relative}. {@code precision} is the working precision in
     * digits (include guard digits). Returns converged = false instead of throwing when the
     * levels run out.
     */
    public QuadratureResult integrate(
            VectorIntegrand g, Apfloat a, Apfloat b, long precision, double[] log10Tol, boolean relative) {
        int dim = g.dimension();
        if (log10Tol.length != dim) {
            throw new IllegalArgumentException(
                    "need one tolerance per component, got " + log10Tol.length + " for " + dim);
        }
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("interval must have a < b, got [" + a + ", " + b + "]");
        }
        a = a.precision(precision);
        b = b.precision(precision);
        Apfloat half = b.subtract(a).divide(new Apfloat(2, precision));
        Apfloat mid = a.add(half);
        Apfloat[] sum = new Apfloat[dim];
        Arrays.fill(sum, Apfloat.ZERO);
        Apfloat[] prev = null;
        LevelErrorEstimator est = new LevelErrorEstimator(dim, precision);
        int evaluations = 0;
        double[] log10Err = null;
        Apfloat[] value = null;
        for (int level = 0; level <= maxLevels; level++) {
            Nodes nodes = nodes(level, precision);
            if (level == 0) {
                Apfloat[] f0 = g.at(mid);
                evaluations++;
                for (int i = 0; i < dim; i++) {
                    sum[i] = sum[i].add(f0[i].multiply(nodes.centreWeight()));
                }
            }
            Apfloat[] c = nodes.complement();
            Apfloat[] w = nodes.weight();
            for (int k = 0; k < c.length; k++) {
                Apfloat d = half.multiply(c[k]);
                Apfloat[] fr = g.at(b.subtract(d));
                Apfloat[] fl = g.at(a.add(d));
                evaluations += 2;
                for (int i = 0; i < dim; i++) {
                    sum[i] = sum[i].add(fr[i].add(fl[i]).multiply(w[k]));
                }
            }
            Apfloat h = ApfloatMath.scale(
                    new Apfloat(
                            BigInteger.ONE
                                    .shiftLeft(60 - level)
                                    .multiply(BigInteger.valueOf(5).pow(60)),
                            precision),
                    -60);
            value = new Apfloat[dim];
            double[] log10Delta = new double[dim];
            double[] log10Scale = new double[dim];
            for (int i = 0; i < dim; i++) {
                value[i] = sum[i].multiply(h).multiply(half);
                log10Delta[i] = prev == null ? Double.NaN : LevelErrorEstimator.log10Abs(value[i].subtract(prev[i]));
            }
            double maxScale = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < dim; i++) {
                maxScale = Math.max(maxScale, LevelErrorEstimator.log10Abs(value[i]));
            }
            for (int i = 0; i < dim; i++) {
                double own = LevelErrorEstimator.log10Abs(value[i]);
                log10Scale[i] = relative && own > Double.NEGATIVE_INFINITY ? own : Math.max(maxScale, 0);
            }
            log10Err = est.next(log10Delta, log10Scale, evaluations);
            prev = value;
            if (level + 1 >= minLevels && meets(log10Err, log10Tol, log10Scale, relative)) {
                return result(value, log10Err, level + 1, evaluations, true, precision);
            }
        }
        return result(value, log10Err, maxLevels + 1, evaluations, false, precision);
    }

    static boolean meets(double[] log10Err, double[] log10Tol, double[] log10Scale, boolean relative) {
        for (int i = 0; i < log10Err.length; i++) {
            double tol = relative ? log10Tol[i] + log10Scale[i] : log10Tol[i];
            if (!(log10Err[i] <= tol)) {
                return false;
            }
        }
        return true;
    }

    static QuadratureResult result(
            Apfloat[] value, double[] log10Err, int levels, int evaluations, boolean ok, long precision) {
        List<Apfloat> errs = new ArrayList<>();
        for (double e : log10Err) {
            errs.add(LevelErrorEstimator.pow10(e, precision));
        }
        return new QuadratureResult(Arrays.asList(value), errs, levels, evaluations, ok);
    }

    static Nodes nodes(int level, long precision) {
        long key = precision * 64 + level;
        Nodes n = CACHE.get(key);
        if (n == null) {
            n = computeNodes(level, precision);
            if (CACHE.size() > MAX_CACHE) {
                CACHE.clear();
            }
            CACHE.put(key, n);
        }
        return n;
    }

    private static Nodes computeNodes(int level, long precision) {
        int b = Fixed.bitsFor(precision + 5);
        BigInteger one = Fixed.one(b);
        BigInteger halfPi = Fixed.pi(b).shiftRight(1);
        BigInteger h = one.shiftRight(level);
        BigInteger eh = Fixed.exp(h, b);
        BigInteger eh2 = Fixed.mul(eh, eh, b);
        int step = level == 0 ? 1 : 2;
        BigInteger ekh = eh; // e^{kh} for k = 1, then multiplied by e^{step h}
        BigInteger estep = level == 0 ? eh : eh2;
        List<Apfloat> cs = new ArrayList<>();
        List<Apfloat> ws = new ArrayList<>();
        for (int k = 1; ; k += step) {
            BigInteger inv = Fixed.div(one, ekh, b);
            BigInteger sinh = ekh.subtract(inv).shiftRight(1);
            BigInteger cosh = ekh.add(inv).shiftRight(1);
            BigInteger u = Fixed.mul(halfPi, sinh, b);
            BigInteger e2 = Fixed.exp(u.shiftLeft(1).negate(), b); // e^{-2u}
            BigInteger onePlus = one.add(e2);
            BigInteger c = Fixed.div(e2.shiftLeft(1), onePlus, b);
            BigInteger w = Fixed.div(
                    Fixed.mul(Fixed.mul(halfPi, cosh, b), e2.shiftLeft(2), b), Fixed.mul(onePlus, onePlus, b), b);
            if (w.signum() == 0 || c.signum() == 0) {
                break;
            }
            cs.add(Fixed.toApfloat(c, b, precision));
            ws.add(Fixed.toApfloat(w, b, precision));
            ekh = Fixed.mul(ekh, estep, b);
        }
        Apfloat centre = Fixed.toApfloat(halfPi, b, precision);
        return new Nodes(cs.toArray(new Apfloat[0]), ws.toArray(new Apfloat[0]), centre);
    }
}
