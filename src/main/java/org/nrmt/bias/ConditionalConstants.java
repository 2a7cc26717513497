package org.nrmt.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.quadrature.QuadratureNotConvergedException;

/**
 * The conditional Gaussian constants of f at a bias value b, on the nodes of a {@link BiasMeasure}
 * (ξ ~ N(0, 1)):
 * \[ \mu(b) = E f(s\xi + b),\quad \zeta(b) = (E[\xi f(s\xi + b)])^2,\quad
 *    s^2(b) = E f(s\xi + b)^2 - \mu(b)^2 - \zeta(b). \]
 * ζ(b) is the squared linear Hermite coefficient, s²(b) the variance of the nonlinear remainder (the
 * Gaussian-equivalent noise). See {@code theory/bias.md} §2.
 *
 * @param measure the bias nodes b_j and weights w_j
 * @param mu      μ(b_j)
 * @param zeta    ζ(b_j) ≥ 0
 * @param s2      s²(b_j) ≥ 0
 */
public record ConditionalConstants(BiasMeasure measure, double[] mu, double[] zeta, double[] s2) {

    private static final Map<Object, ConditionalConstants> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_CAP = 256;

    public ConditionalConstants {
        int n = measure.size();
        if (mu.length != n || zeta.length != n || s2.length != n) {
            throw new IllegalArgumentException("constants arrays must have the measure's size " + n + ", got "
                    + mu.length + ", " + zeta.length + ", " + s2.length);
        }
        for (int j = 0; j < n; j++) {
            if (!(zeta[j] >= 0) || !Double.isFinite(zeta[j])) {
                throw new IllegalArgumentException(
                        "zeta(b) must be finite and >= 0, got " + zeta[j] + " at b = " + measure.node(j));
            }
            if (!(s2[j] >= -1e-12 * (1 + zeta[j])) || !Double.isFinite(s2[j])) {
                throw new IllegalArgumentException(
                        "s2(b) must be finite and >= 0, got " + s2[j] + " at b = " + measure.node(j));
            }
        }
        mu = mu.clone();
        zeta = zeta.clone();
        s2 = s2.clone();
        for (int j = 0; j < n; j++) {
            s2[j] = Math.max(0, s2[j]); // rounding of E f² − μ² − ζ for a linear f
        }
    }

    /** Constants given directly (synthetic, or computed elsewhere). */
    public static ConditionalConstants of(BiasMeasure measure, double[] mu, double[] zeta, double[] s2) {
        return new ConditionalConstants(measure, mu, zeta, s2);
    }

    /**
     * The constants of an activation on every node, from the constants engine
     * ({@link GaussianConstantsEngine#computeDouble} at shift b_j: μ = mean, ζ = zeta, s² = η − ζ;
     * kinks of f are split at by its breakpoint finder, error ~1e-15 relative to E f²(b_j)).
     * Cached under (expression, s, measure). See {@code theory/bias.md} §2.
     *
     * <p>Where the engine cannot reach its relative tolerance (f(s·+b) evaluated with cancellation far
     * out in b: log(1 + exp(x)) written out, at b ≲ −10), that node and
     * the ones further out on the same side use adaptive Gauss–Legendre, which is accurate there to
     * ~1e-14 of the bulk's scale; nodes are visited outwards from b = 0 so the engine fails at most
     * once per side (a failure costs it ~0.5 M evaluations).
     */
    public static ConditionalConstants compute(Activation f, double s, BiasMeasure measure) {
        requireScale(s);
        return cached(Arrays.asList(f.text(), s, measure), () -> fromEngine(f, s, measure));
    }

    /**
     * The constants of a plain function (no expression, so no breakpoints for the engine) by adaptive
     * Gauss–Legendre quadrature in ξ (panels bisected until the 15-point rule and its two halves agree
     * to 1e-14 relative). Accurate to ~1e-15 for smooth f; at a kink of f the panel test can be fooled
     * (1e-6 relative for relu, 1e-3 for step, near some b): prefer {@link #compute(Activation, double,
     * BiasMeasure)}. Cached under (key, s, measure) when key is not null.
     *
     * @param key identifies f for the cache (e.g. its expression); null disables caching
     */
    public static ConditionalConstants compute(Object key, DoubleUnaryOperator f, double s, BiasMeasure measure) {
        requireScale(s);
        if (key == null) {
            return byLegendre(f, s, measure);
        }
        return cached(Arrays.asList("plain", key, s, measure), () -> byLegendre(f, s, measure));
    }

    private static ConditionalConstants cached(Object key, java.util.function.Supplier<ConditionalConstants> make) {
        ConditionalConstants c = CACHE.get(key);
        if (c == null) {
            c = make.get();
            if (CACHE.size() >= CACHE_CAP) {
                CACHE.clear();
            }
            CACHE.put(key, c);
        }
        return c;
    }

    private static void requireScale(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and > 0, got " + s);
        }
    }

    private static ConditionalConstants fromEngine(Activation f, double s, BiasMeasure measure) {
        int n = measure.size();
        double[] mu = new double[n];
        double[] zeta = new double[n];
        double[] s2 = new double[n];
        DoubleUnaryOperator fd = f.toDoubleFunction();
        for (boolean negative : new boolean[] {true, false}) { // each side of b = 0 is walked outwards
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if ((measure.node(j) < 0) == negative) {
                    order.add(j);
                }
            }
            order.sort((i, k) -> Double.compare(Math.abs(measure.node(i)), Math.abs(measure.node(k))));
            boolean legendre = false; // the engine failed nearer to b = 0
            for (int j : order) {
                double b = measure.node(j);
                if (!legendre) {
                    try {
                        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, b);
                        mu[j] = c.mean();
                        zeta[j] = c.zeta();
                        s2[j] = Math.max(0, c.eta() - c.zeta());
                        continue;
                    } catch (QuadratureNotConvergedException e) {
                        legendre = true;
                    }
                }
                legendreNode(fd, s, b, j, mu, zeta, s2);
            }
        }
        return new ConditionalConstants(measure, mu, zeta, s2);
    }

    private static ConditionalConstants byLegendre(DoubleUnaryOperator f, double s, BiasMeasure measure) {
        int n = measure.size();
        double[] mu = new double[n];
        double[] zeta = new double[n];
        double[] s2 = new double[n];
        for (int j = 0; j < n; j++) {
            legendreNode(f, s, measure.node(j), j, mu, zeta, s2);
        }
        return new ConditionalConstants(measure, mu, zeta, s2);
    }

    private static void legendreNode(
            DoubleUnaryOperator f, double s, double b, int j, double[] mu, double[] zeta, double[] s2) {
        double[] m = GaussianMoments.of(x -> f.applyAsDouble(s * x + b));
        mu[j] = m[0];
        zeta[j] = m[1] * m[1];
        s2[j] = Math.max(0, m[2] - m[0] * m[0] - zeta[j]);
    }

    public int size() {
        return measure.size();
    }

    /** E_b[ζ(b)]. */
    public double meanZeta() {
        return average(zeta);
    }

    /** E_b[s²(b)]. */
    public double meanS2() {
        return average(s2);
    }

    /** E_b[s²(b) + ζ(b)] = the first moment of the limiting law (per-neuron and per-sample). */
    public double meanVariance() {
        return meanZeta() + meanS2();
    }

    double average(double[] v) {
        double sum = 0;
        for (int j = 0; j < v.length; j++) {
            sum += measure.weight(j) * v[j];
        }
        return sum;
    }

    /** f → c·f: (μ, ζ, s²) → (cμ, c²ζ, c²s²). */
    public ConditionalConstants scaled(double c) {
        double[] m = mu.clone();
        double[] z = zeta.clone();
        double[] v = s2.clone();
        for (int j = 0; j < m.length; j++) {
            m[j] *= c;
            z[j] *= c * c;
            v[j] *= c * c;
        }
        return new ConditionalConstants(measure, m, z, v);
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    @Override
    public double[] zeta() {
        return zeta.clone();
    }

    @Override
    public double[] s2() {
        return s2.clone();
    }

    double[] zetaRaw() {
        return zeta;
    }

    double[] s2Raw() {
        return s2;
    }
}
