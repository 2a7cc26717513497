package org.nrmt.bias;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.quadrature.QuadratureNotConvergedException;

/**
 * The conditional constants of {@link ConditionalConstants} at D digits, on the n-point Gauss–Hermite
 * rule of b = σb ξ, ξ ~ N(0, 1) ({@link ApHermiteRule}), with their averages over b:
 * \[ \mu(b_j) = E f(sZ+b_j),\quad \zeta(b_j) = (E[Z f(sZ+b_j)])^2,\quad s^2(b_j) = \eta(b_j) - \zeta(b_j), \]
 * \[ E_b\mu = \sum_j w_j \mu(b_j),\quad \mathrm{Var}_b\mu = \sum_j w_j (\mu(b_j) - E_b\mu)^2,\quad
 *    E_b\zeta,\quad E_b s^2,\quad E_b[\zeta + s^2]. \]
 * Every node comes from {@link GaussianConstantsEngine#compute} at shift b_j and D + 2 digits.
 * μ, ζ, s² are Gaussian convolutions in b, and the rule gains about −1.2 log10(r/(1 + r)) digits per
 * node, r = σb²/s² (geometric; {@link #predictedDigitsPerNode}): {@code error} is |Q_n − Q_{n'}| over
 * the five averages for a smaller rule n' (n = n' + max(4, n'/8) when the rule is chosen, ⌈3n/4⌉
 * when n is given; the coarser rule's error, so an overestimate of Q_n's), plus the engine's per-node
 * errors carried through the sums, plus the rounding to D digits; absolute, the largest over the
 * averages. The per-node values carry {@code nodeDigits} digits each.
 * See {@code theory/bias.md} §2.
 *
 * @param activation the expression of f
 * @param s          the scale of the Gaussian argument sZ
 * @param sigmaB     σb, the standard deviation of b (0: the one node b = 0)
 * @param digits     significant digits of every number
 * @param nodes      b_j
 * @param weights    w_j
 * @param mu         μ(b_j)
 * @param zeta       ζ(b_j)
 * @param s2         s²(b_j)
 * @param checkNodes n', the size of the rule the estimate compares with (0 for σb = 0)
 * @param nodeDigits the significant digits the engine was asked for at each node (≤ D: far nodes, whose
 *                   weight makes them negligible in the averages, are computed with fewer, at least 15);
 *                   a value much smaller than the node's E f² is rounded to the fewer digits its
 *                   absolute error leaves
 */
public record ApConditionalConstants(
        String activation,
        Apfloat s,
        Apfloat sigmaB,
        long digits,
        List<Apfloat> nodes,
        List<Apfloat> weights,
        List<Apfloat> mu,
        List<Apfloat> zeta,
        List<Apfloat> s2,
        Apfloat meanMu,
        Apfloat varianceMu,
        Apfloat meanZeta,
        Apfloat meanS2,
        Apfloat meanZetaPlusS2,
        Apfloat error,
        int checkNodes,
        List<Long> nodeDigits) {

    /** Largest rule tried by {@link #compute(Activation, Apfloat, Apfloat, long)}. */
    public static final int MAX_NODES = 256;

    private static final int GUARD_DIGITS = 10;
    private static final int MIN_CHECK_NODES = 4;
    /** Digits of the double engine's values (its error is ~1e-15 of E f²). */
    private static final int DOUBLE_DIGITS = 15;

    public ApConditionalConstants {
        nodes = List.copyOf(nodes);
        weights = List.copyOf(weights);
        mu = List.copyOf(mu);
        zeta = List.copyOf(zeta);
        s2 = List.copyOf(s2);
        nodeDigits = List.copyOf(nodeDigits);
    }

    public int size() {
        return nodes.size();
    }

    /**
     * The constants on the smallest rule whose estimated error is below 10^{−(D+1)} of the scale
     * (U for E_b μ, U² for the others, U² = E_b E f²) or at the engine errors' level: n' from
     * {@link #predictedDigitsPerNode}, n = n' + max(4, n'/8), then n grown by 5/4 (the last rule
     * becoming n') up to {@value #MAX_NODES}; if even that rule misses, its (larger) error is reported.
     */
    public static ApConditionalConstants compute(Activation f, Apfloat s, Apfloat sigmaB, long digits) {
        check(s, sigmaB, digits);
        if (sigmaB.signum() == 0) {
            return single(f, s, sigmaB, digits);
        }
        double r = Math.pow(sigmaB.doubleValue() / s.doubleValue(), 2);
        int coarse = (int) Math.ceil((digits + 2) / predictedDigitsPerNode(r));
        coarse = Math.max(MIN_CHECK_NODES, Math.min(MAX_NODES - 8, coarse));
        int n = finer(coarse);
        long p = precision(digits);
        Level low = Level.of(f, s, sigmaB, digits, coarse, p);
        while (true) {
            Level high = Level.of(f, s, sigmaB, digits, n, p);
            Apfloat[] diff = difference(high, low);
            if (n >= MAX_NODES || withinGoal(diff, high, low, digits)) {
                return result(f, s, sigmaB, digits, high, low, diff);
            }
            low = high;
            n = finer(n + n / 4);
        }
    }

    /** The rule compared with n': a few nodes more, so the estimate (Q_n' 's error) is near Q_n's own. */
    private static int finer(int coarse) {
        return Math.min(MAX_NODES, coarse + Math.max(4, coarse / 8));
    }

    /** The constants on the n-point rule, the error estimated against the ⌈3n/4⌉-point rule. */
    public static ApConditionalConstants compute(Activation f, Apfloat s, Apfloat sigmaB, long digits, int n) {
        check(s, sigmaB, digits);
        if (n < 2 || n > MAX_NODES) {
            throw new IllegalArgumentException("number of bias nodes must be in [2, " + MAX_NODES + "], got " + n);
        }
        if (sigmaB.signum() == 0) {
            return single(f, s, sigmaB, digits);
        }
        long p = precision(digits);
        Level high = Level.of(f, s, sigmaB, digits, n, p);
        Level low = Level.of(f, s, sigmaB, digits, (3 * n + 3) / 4, p);
        return result(f, s, sigmaB, digits, high, low, difference(high, low));
    }

    /**
     * Digits gained per Gauss–Hermite node, −1.2 log10(r/(1 + r)), r = σb²/s²: the Mehler expansion of
     * E_b μ(b)² in the Hermite coefficients of f at scale √(s² + σb²) decays like (r/(1 + r))^k, and the
     * rule was seen to gain slightly faster (tanh, r = 1: 0.42 per node against 0.5).
     */
    static double predictedDigitsPerNode(double r) {
        return -1.2 * Math.log10(r / (1 + r));
    }

    private static void check(Apfloat s, Apfloat sigmaB, long digits) {
        if (s.signum() <= 0) {
            throw new IllegalArgumentException("s must be > 0, got " + s.toString(true));
        }
        if (sigmaB.signum() < 0) {
            throw new IllegalArgumentException("bias sigma must be >= 0, got " + sigmaB.toString(true));
        }
        if (digits < 1 || digits > 20000) {
            throw new IllegalArgumentException("digits must be in [1, 20000], got " + digits);
        }
    }

    private static long precision(long digits) {
        return Math.max(digits + GUARD_DIGITS, 20);
    }

    private static ApConditionalConstants single(Activation f, Apfloat s, Apfloat sigmaB, long digits) {
        long p = precision(digits);
        GaussianConstants c = GaussianConstantsEngine.compute(f, s, Apfloat.ZERO, digits, 0);
        Apfloat one = new Apfloat(1, p);
        Apfloat s2 = nonNegative(c.eta().subtract(c.zeta()), c.error().multiply(new Apfloat(2)));
        Apfloat err = c.error().multiply(new Apfloat(2));
        return new ApConditionalConstants(
                f.text(),
                s,
                sigmaB,
                digits,
                List.of(Apfloat.ZERO),
                List.of(one),
                List.of(c.mean()),
                List.of(c.zeta()),
                List.of(round(s2, err, digits)),
                c.mean(),
                Apfloat.ZERO,
                c.zeta(),
                round(s2, err, digits),
                c.eta(),
                roundUp(err),
                0,
                List.of(digits));
    }

    /** (E_b μ, Var_b μ, E_b ζ, E_b s², E_b[ζ + s²]) of two levels: |high − low| componentwise. */
    private static Apfloat[] difference(Level high, Level low) {
        Apfloat[] d = new Apfloat[5];
        for (int i = 0; i < 5; i++) {
            d[i] = ApfloatMath.abs(high.averages[i].subtract(low.averages[i]));
        }
        return d;
    }

    /**
     * |Q_n − Q_n'| below 10^{−(D+1)} of the scale, or below 4× the two rules' engine errors: a larger
     * rule cannot beat the per-node accuracy (e.g. nodes where the engine fell back to double).
     */
    private static boolean withinGoal(Apfloat[] diff, Level high, Level low, long digits) {
        double u2 = high.averages[1].doubleValue()
                + Math.pow(high.averages[0].doubleValue(), 2)
                + high.averages[4].doubleValue();
        double u = Math.sqrt(Math.max(u2, 1e-300));
        double goal = Math.pow(10, -(digits + 1));
        double noise = 4 * (high.engineError.doubleValue() + low.engineError.doubleValue());
        for (int i = 0; i < 5; i++) {
            double scale = i == 0 ? u : u2;
            if (!(diff[i].doubleValue() <= Math.max(goal * scale, noise))) {
                return false;
            }
        }
        return true;
    }

    private static ApConditionalConstants result(
            Activation f, Apfloat s, Apfloat sigmaB, long digits, Level high, Level low, Apfloat[] diff) {
        Apfloat err = high.engineError;
        Apfloat quad = Apfloat.ZERO;
        for (Apfloat d : diff) {
            quad = max(quad, d);
        }
        err = err.add(quad);
        Apfloat big = Apfloat.ZERO;
        for (Apfloat a : high.averages) {
            big = max(big, ApfloatMath.abs(a));
        }
        // the reported numbers are rounded to D digits
        err = err.add(big.multiply(ApfloatMath.scale(new Apfloat(5, 1), -digits)));
        List<Apfloat> b = new ArrayList<>();
        List<Apfloat> w = new ArrayList<>();
        List<Apfloat> mu = new ArrayList<>();
        List<Apfloat> zeta = new ArrayList<>();
        List<Apfloat> s2 = new ArrayList<>();
        List<Long> nd = new ArrayList<>();
        for (int j = 0; j < high.nodes.size(); j++) {
            long dj = Math.min(digits, high.nodeDigits[j]);
            nd.add(dj);
            b.add(ApfloatMath.roundToPrecision(high.nodes.get(j), digits, RoundingMode.HALF_EVEN));
            w.add(ApfloatMath.roundToPrecision(high.weights.get(j), digits, RoundingMode.HALF_EVEN));
            Apfloat e = high.errors[j];
            Apfloat e2 = e.multiply(new Apfloat(2));
            mu.add(round(high.mu[j], e, supported(high.mu[j], e, dj)));
            zeta.add(round(high.zeta[j], e, supported(high.zeta[j], e, dj)));
            s2.add(round(high.s2[j], e2, supported(high.s2[j], e2, dj)));
        }
        Apfloat[] a = high.averages;
        return new ApConditionalConstants(
                f.text(),
                s,
                sigmaB,
                digits,
                b,
                w,
                mu,
                zeta,
                s2,
                round(a[0], err, digits),
                round(a[1], err, digits),
                round(a[2], err, digits),
                round(a[3], err, digits),
                round(a[4], err, digits),
                roundUp(err),
                low.nodes.size(),
                nd);
    }

    /**
     * The digits a value keeps under an absolute error (at most the node's): a value much smaller
     * than the node's E f², e.g. ζ(b) of a saturated unit, has fewer correct digits than the node.
     */
    private static long supported(Apfloat v, Apfloat err, long digits) {
        if (v.signum() == 0 || err.signum() == 0) {
            return digits;
        }
        double lv = ApfloatMath.abs(v).scale() + Math.log10(Math.abs(mantissa(v)));
        double le = err.scale() + Math.log10(Math.abs(mantissa(err)));
        return Math.max(1, Math.min(digits, (long) Math.floor(lv - le)));
    }

    /** v / 10^scale(v), in [0.1, 1). */
    private static double mantissa(Apfloat v) {
        return ApfloatMath.scale(v, -v.scale()).doubleValue();
    }

    private static Apfloat nonNegative(Apfloat v, Apfloat err) {
        return v.compareTo(err) <= 0 ? Apfloat.ZERO : v;
    }

    /** The value to D digits; a value not larger than its error is 0 (as in the engine). */
    private static Apfloat round(Apfloat v, Apfloat err, long digits) {
        if (ApfloatMath.abs(v).compareTo(err) <= 0) {
            return Apfloat.ZERO;
        }
        return ApfloatMath.roundToPrecision(v, digits, RoundingMode.HALF_EVEN);
    }

    private static Apfloat roundUp(Apfloat err) {
        return err.signum() == 0 ? err : ApfloatMath.roundToPrecision(err, 3, RoundingMode.UP);
    }

    private static Apfloat max(Apfloat a, Apfloat b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The engine's constants on one rule, unrounded, with the averages and their engine error. */
    private static final class Level {
        final List<Apfloat> nodes;
        final List<Apfloat> weights;
        final Apfloat[] mu;
        final Apfloat[] zeta;
        final Apfloat[] s2;
        final Apfloat[] errors;
        final long[] nodeDigits;
        /** E_b μ, Var_b μ, E_b ζ, E_b s², E_b[ζ + s²]. */
        final Apfloat[] averages;
        /** Σ w_j e_j (2 + 2|μ_j| + 2|E_b μ|): bounds the engine's share of every average's error. */
        final Apfloat engineError;

        private Level(
                List<Apfloat> nodes,
                List<Apfloat> weights,
                Apfloat[] mu,
                Apfloat[] zeta,
                Apfloat[] s2,
                Apfloat[] errors,
                long[] nodeDigits,
                long p) {
            this.nodeDigits = nodeDigits;
            this.nodes = nodes;
            this.weights = weights;
            this.mu = mu;
            this.zeta = zeta;
            this.s2 = s2;
            this.errors = errors;
            int n = nodes.size();
            Apfloat mean = new Apfloat(0, p);
            Apfloat z = new Apfloat(0, p);
            Apfloat v = new Apfloat(0, p);
            for (int j = 0; j < n; j++) {
                Apfloat w = weights.get(j);
                mean = mean.add(w.multiply(mu[j]));
                z = z.add(w.multiply(zeta[j]));
                v = v.add(w.multiply(s2[j]));
            }
            Apfloat var = new Apfloat(0, p);
            Apfloat eng = new Apfloat(0, p);
            Apfloat two = new Apfloat(2, p);
            for (int j = 0; j < n; j++) {
                Apfloat w = weights.get(j);
                Apfloat d = mu[j].subtract(mean);
                var = var.add(w.multiply(d).multiply(d));
                eng = eng.add(w.multiply(errors[j])
                        .multiply(two.add(two.multiply(ApfloatMath.abs(mu[j])))
                                .add(two.multiply(ApfloatMath.abs(mean)))));
            }
            this.averages = new Apfloat[] {mean, var, z, v, z.add(v)};
            this.engineError = eng;
        }

        static Level of(Activation f, Apfloat s, Apfloat sigmaB, long digits, int n, long p) {
            ApHermiteRule rule = ApHermiteRule.of(n, p);
            Apfloat sb = sigmaB.precision(p);
            List<Apfloat> b = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                b.add(sb.multiply(rule.nodes().get(j)));
            }
            double sd = s.doubleValue();
            DoubleConstants[] rough = roughConstants(f, sd, b);
            long[] nodeDigits = nodeDigits(rough, rule.weights(), digits);
            Apfloat[] mu = new Apfloat[n];
            Apfloat[] zeta = new Apfloat[n];
            Apfloat[] s2 = new Apfloat[n];
            Apfloat[] err = new Apfloat[n];
            Apfloat two = new Apfloat(2);
            for (int j = 0; j < n; j++) {
                if (rough[j] == null) {
                    // past the double engine's first failure on this side: Gauss–Legendre, absolute
                    // error ~1e-13 of max(E f², 1e-2) (theory/bias.md §2)
                    double bj = b.get(j).doubleValue();
                    java.util.function.DoubleUnaryOperator fd = f.toDoubleFunction();
                    double[] m = GaussianMoments.of(x -> fd.applyAsDouble(sd * x + bj));
                    mu[j] = new Apfloat(m[0], DOUBLE_DIGITS);
                    zeta[j] = new Apfloat(m[1] * m[1], DOUBLE_DIGITS);
                    err[j] = new Apfloat(1e-13 * Math.max(m[2], 1e-2), 3);
                    s2[j] = nonNegative(
                            new Apfloat(m[2] - m[0] * m[0], DOUBLE_DIGITS).subtract(zeta[j]), err[j].multiply(two));
                    nodeDigits[j] = DOUBLE_DIGITS;
                    continue;
                }
                if (nodeDigits[j] > DOUBLE_DIGITS) {
                    try {
                        GaussianConstants c = GaussianConstantsEngine.compute(f, s, b.get(j), nodeDigits[j], 0);
                        mu[j] = c.mean();
                        zeta[j] = c.zeta();
                        err[j] = c.error();
                        s2[j] = nonNegative(c.eta().subtract(c.zeta()), err[j].multiply(two));
                        continue;
                    } catch (QuadratureNotConvergedException e) {
                        // tiny values far out (e.g. relu at b ≪ 0): the double values and their
                        // error enter the averages' error instead
                        nodeDigits[j] = DOUBLE_DIGITS;
                    }
                }
                DoubleConstants c = rough[j];
                mu[j] = new Apfloat(c.mean(), DOUBLE_DIGITS);
                zeta[j] = new Apfloat(c.zeta(), DOUBLE_DIGITS);
                err[j] = new Apfloat(c.error(), 3);
                s2[j] = nonNegative(new Apfloat(c.eta(), DOUBLE_DIGITS).subtract(zeta[j]), err[j].multiply(two));
            }
            return new Level(b, rule.weights(), mu, zeta, s2, err, nodeDigits, p);
        }

        /**
         * The double engine's constants at every node, walked outwards from b = 0 on each side; null
         * from the first node on a side where it cannot converge (f(s·+b) tiny far out, as in
         * {@link ConditionalConstants#compute(Activation, double, BiasMeasure)}).
         */
        private static DoubleConstants[] roughConstants(Activation f, double s, List<Apfloat> b) {
            int n = b.size();
            DoubleConstants[] rough = new DoubleConstants[n];
            // Gauss–Hermite nodes are sorted and symmetric: walk from the middle outwards
            for (int side = -1; side <= 1; side += 2) {
                int j = side < 0 ? (n - 1) / 2 : n / 2;
                boolean failed = false;
                for (; j >= 0 && j < n; j += side) {
                    if (failed) {
                        continue;
                    }
                    try {
                        rough[j] = GaussianConstantsEngine.computeDouble(
                                f, s, b.get(j).doubleValue());
                    } catch (QuadratureNotConvergedException e) {
                        failed = true;
                    }
                }
            }
            return rough;
        }

        /**
         * Node j enters every average as w_j·(value ≲ E f²(b_j)), so it needs only
         * D + 2 + log10(n w_j E f²(b_j) / E_b E f²) digits (at most D + 2), sized from the double engine.
         * Nodes needing ≤ {@value #DOUBLE_DIGITS} take the double engine's values: far out in b, where f
         * saturates, the apfloat engine is slow (0.1–1 s a node for tanh at |b| ≥ 9) and the weight
         * makes them negligible.
         */
        private static long[] nodeDigits(DoubleConstants[] rough, List<Apfloat> weights, long digits) {
            int n = rough.length;
            double[] second = new double[n];
            double total = 0;
            for (int j = 0; j < n; j++) {
                second[j] = rough[j] == null ? Double.NaN : rough[j].eta() + rough[j].mean() * rough[j].mean();
                if (rough[j] != null) {
                    total += weights.get(j).doubleValue() * second[j];
                }
            }
            long[] d = new long[n];
            for (int j = 0; j < n; j++) {
                double share = n * weights.get(j).doubleValue() * second[j] / total;
                long dj = digits + 2;
                if (share >= 0 && total > 0) {
                    dj += (long) Math.ceil(Math.log10(Math.max(share, 1e-300)));
                }
                d[j] = Math.max(Math.min(DOUBLE_DIGITS, digits + 2), Math.min(digits + 2, dj));
            }
            return d;
        }
    }
}
