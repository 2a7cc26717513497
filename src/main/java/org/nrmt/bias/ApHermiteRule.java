package org.nrmt.bias;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The n-point Gauss–Hermite rule for ξ ~ N(0, 1) at any precision:
 * \[ E\,g(\xi) \approx \sum_j w_j\, g(x_j),\qquad He_n(x_j) = 0,\qquad
 *    w_j = \frac{n!}{(n\,He_{n-1}(x_j))^2}, \]
 * exact for polynomials of degree ≤ 2n − 1 (He_{k+1} = x He_k − k He_{k−1}, He_n' = n He_{n−1}).
 * The nodes are the double rule's, polished by Newton on the recurrence at the working precision
 * until a step is below 10^{−(p−3)}·max(1, |x|), p = precision + 10. See {@code theory/bias.md} §2.
 *
 * @param nodes     x_1 &lt; … &lt; x_n
 * @param weights   w_j &gt; 0, summing to 1 (to the precision)
 * @param precision decimal digits carried
 */
public record ApHermiteRule(List<Apfloat> nodes, List<Apfloat> weights, long precision) {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    public ApHermiteRule {
        nodes = List.copyOf(nodes);
        weights = List.copyOf(weights);
    }

    /**
     * @param n         number of nodes, in [1, 256]
     * @param precision decimal digits, in [17, 20000]
     * @throws ArithmeticException if Newton does not converge (with the node and its last step)
     */
    public static ApHermiteRule of(int n, long precision) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("number of Gauss-Hermite nodes must be in [1, 256], got " + n);
        }
        if (precision < 17 || precision > 20000) {
            throw new IllegalArgumentException("precision must be in [17, 20000] digits, got " + precision);
        }
        long target = precision;
        precision = target + 10;
        Apfloat nFact = new Apfloat(1, precision);
        for (int k = 2; k <= n; k++) {
            nFact = nFact.multiply(new Apfloat(k, precision));
        }
        Apfloat nA = new Apfloat(n, precision);
        List<Apfloat> positive = new ArrayList<>();
        List<Apfloat> positiveW = new ArrayList<>();
        Apfloat zero = new Apfloat(0, precision);
        Apfloat w0 = null;
        if (n % 2 == 1) {
            w0 = weight(zero, n, nFact, nA, precision);
        }
        if (n > 1) {
            GaussIntegrator start = FACTORY.hermite(n); // physicists' weight e^{-y²}: x = √2 y
            for (int k = 0; k < n; k++) {
                double x0 = Math.sqrt(2) * start.getPoint(k);
                if (x0 > 1e-8) {
                    Apfloat x = newton(new Apfloat(x0, precision), n, nA, precision);
                    positive.add(x);
                    positiveW.add(weight(x, n, nFact, nA, precision));
                }
            }
        }
        if (positive.size() != n / 2) {
            throw new ArithmeticException("Gauss-Hermite start nodes for n = " + n + " give " + positive.size()
                    + " positive nodes, expected " + n / 2);
        }
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < positive.size(); k++) {
            idx.add(k);
        }
        idx.sort((i, j) -> positive.get(i).compareTo(positive.get(j)));
        List<Apfloat> x = new ArrayList<>();
        List<Apfloat> w = new ArrayList<>();
        for (int k = idx.size() - 1; k >= 0; k--) {
            x.add(positive.get(idx.get(k)).negate());
            w.add(positiveW.get(idx.get(k)));
        }
        if (w0 != null) {
            x.add(zero);
            w.add(w0);
        }
        for (int k = 0; k < idx.size(); k++) {
            x.add(positive.get(idx.get(k)));
            w.add(positiveW.get(idx.get(k)));
        }
        Apfloat sum = zero;
        for (Apfloat wk : w) {
            sum = sum.add(wk);
        }
        // the weights' sum is 1 up to the rounding of the recurrence; normalising makes E 1 = 1 exact
        Apfloat dev = ApfloatMath.abs(sum.subtract(new Apfloat(1, precision)));
        if (dev.compareTo(ApfloatMath.scale(new Apfloat(n, precision), -(target + 2))) > 0) {
            throw new ArithmeticException("Gauss-Hermite weights for n = " + n + " sum to 1 only within "
                    + dev.precision(3).toString(false));
        }
        for (int k = 0; k < w.size(); k++) {
            w.set(k, w.get(k).divide(sum).precision(target));
            x.set(k, x.get(k).precision(target));
        }
        return new ApHermiteRule(x, w, target);
    }

    public int size() {
        return nodes.size();
    }

    /** {He_n(x), He_{n−1}(x)} by the three-term recurrence. */
    private static Apfloat[] hermite(Apfloat x, int n, long precision) {
        Apfloat prev = new Apfloat(1, precision);
        Apfloat cur = x;
        for (int k = 1; k < n; k++) {
            // apfloat drops the digits a subtraction cancels; the recurrence is stable forwards, so
            // the working precision is restored each step
            Apfloat next = x.multiply(cur)
                    .subtract(prev.multiply(new Apfloat(k, precision)))
                    .precision(precision);
            prev = cur;
            cur = next;
        }
        return new Apfloat[] {cur, prev};
    }

    private static Apfloat newton(Apfloat x, int n, Apfloat nA, long precision) {
        Apfloat tol = ApfloatMath.scale(new Apfloat(1, precision), -(precision - 3));
        Apfloat step = null;
        for (int it = 0; it < 60; it++) {
            Apfloat[] h = hermite(x, n, precision);
            step = h[0].divide(nA.multiply(h[1]));
            x = x.subtract(step).precision(precision);
            Apfloat scale = ApfloatMath.abs(x).compareTo(Apfloat.ONE) > 0 ? ApfloatMath.abs(x) : Apfloat.ONE;
            if (ApfloatMath.abs(step).compareTo(tol.multiply(scale)) <= 0) {
                return x;
            }
        }
        throw new ArithmeticException("Newton for the Gauss-Hermite node near " + x.doubleValue() + " (n = " + n
                + ") did not converge, last step " + step.doubleValue());
    }

    private static Apfloat weight(Apfloat x, int n, Apfloat nFact, Apfloat nA, long precision) {
        Apfloat hm = hermite(x, n, precision)[1];
        Apfloat d = nA.multiply(hm);
        return nFact.divide(d.multiply(d));
    }
}
