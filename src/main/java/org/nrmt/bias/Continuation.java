package org.nrmt.bias;

/**
 * Certified continuation of the physical solution of a {@link BiasSystem}: start at a height
 * Y ≥ 4(bound + |x|) above the target, where S ≈ −1/z picks the branch, and descend vertically
 * to x + iy with adaptive steps. A step is accepted only when the Newton iteration from the
 * (secant-extrapolated) prediction passes a Kantorovich-style test in the affine-invariant,
 * componentwise relative norm ‖Δ‖ = max_k |Δ_k|/max(|x_k|, 1e-10 Σ|x_j|):
 * <ul>
 *   <li>the first correction is small: ‖Δ₁‖ ≤ 0.25 (predicted motion stays well inside the basin);
 *   <li>the second contracts: ‖Δ₂‖ ≤ ‖Δ₁‖/4, i.e. the estimated Kantorovich number
 *       h ≈ 2‖Δ₂‖/‖Δ₁‖ ≤ 1/2, under which Newton–Kantorovich gives a unique solution within
 *       ≈ 2‖Δ₁‖ of the prediction;
 *   <li>Newton then converges to ‖Δ‖ ≤ 1e-12 (corrections below that are rounding noise) and Im S ≥ −1e-12 |S| (Im G ≤ 0).
 * </ul>
 * Otherwise the step is shrunk (×1/4); below 1e-15·bound, or after {@value #MAX_STEPS} steps, the point is uncertified. The Lipschitz
 * constant is estimated from the observed contraction, not bounded: a heuristic certificate,
 * see {@code theory/bias.md} §7.
 */
final class Continuation {

    static final boolean DEBUG = Boolean.getBoolean("nrmt.bias.debug");
    static final double FIRST_STEP_MAX = 0.25;
    static final double CONTRACTION_MAX = 0.25;
    /** Relative Newton correction regarded as rounding noise (converged). */
    static final double NOISE = 1e-12;
    /** Accuracy of intermediate points of a descent: they only seed the next prediction. */
    static final double INTERMEDIATE = 1e-7;
    /** Step budget of one vertical descent (accepted plus rejected steps). */
    static final int MAX_STEPS = 2000;

    private final BiasSystem sys;
    private final double[] f = new double[4];
    private final double[] jac = new double[8];
    private final double[] delta = new double[4];
    private final double[] trial = new double[4];
    private int evaluations;
    private double lastMargin;

    Continuation(BiasSystem sys) {
        this.sys = sys;
    }

    int evaluations() {
        return evaluations;
    }

    /**
     * Solves at x + iy (y ≥ 0) by vertical descent; writes the solution into out.
     *
     * @return true when every step was certified
     */
    boolean descend(double x, double y, double[] out) {
        double bound = sys.supportBound();
        double top = Math.max(4 * (bound + Math.abs(x)), 1e-300);
        if (y >= top) {
            sys.initial(x, y, out);
            return polish(x, y, out, true);
        }
        double[] cur = new double[4];
        boolean started = false;
        for (int tries = 0; tries < 8 && !started; tries++) {
            sys.initial(x, top, cur);
            started = polish(x, top, cur, true);
            if (!started) {
                top *= 4;
            }
        }
        if (!started) {
            return false;
        }
        double[] prev = null;
        double yPrev = Double.NaN;
        double yCur = top;
        double h = 0.5 * (top - y);
        double minStep = 1e-15 * Math.max(bound, Math.abs(x));
        int budget = MAX_STEPS;
        while (yCur > y) {
            if (--budget < 0) {
                return false; // a step budget, not a guess: the point stays uncertified
            }
            double yNew = yCur - h - y <= 1e-9 * h ? y : yCur - h;
            if (yCur - yNew < minStep && yNew > y) {
                return false;
            }
            for (int k = 0; k < 4; k++) {
                double slope = prev == null ? 0 : (cur[k] - prev[k]) / (yCur - yPrev);
                trial[k] = cur[k] + slope * (yNew - yCur);
            }
            double tol = yNew == y ? NOISE : INTERMEDIATE;
            boolean okStep = polish(x, yNew, trial, true, tol);
            if (!okStep && prev != null) {
                // the secant overshoots near a pole (S ~ −a/z at the atom): retry from the last point
                System.arraycopy(cur, 0, trial, 0, 4);
                okStep = polish(x, yNew, trial, true, tol);
            }
            if (DEBUG) System.err.println("y " + yCur + " -> " + yNew + " ok " + okStep + " h " + h);
            if (okStep) {
                if (prev == null) {
                    prev = new double[4];
                }
                System.arraycopy(cur, 0, prev, 0, 4);
                System.arraycopy(trial, 0, cur, 0, 4);
                yPrev = yCur;
                yCur = yNew;
                h = Math.min(2 * h, yCur - y);
                if (yCur - y > 0 && h <= 0) {
                    h = yCur - y;
                }
            } else {
                h *= 0.25;
                if (h < minStep) {
                    return false;
                }
            }
        }
        System.arraycopy(cur, 0, out, 0, 4);
        return true;
    }

    /**
     * One certified solve at z = x + iy from the prediction in sol (overwritten on success).
     *
     * @param checkFirst apply the Kantorovich-style test (otherwise plain Newton to convergence)
     */
    boolean polish(double x, double y, double[] sol, boolean checkFirst) {
        return polish(x, y, sol, checkFirst, NOISE);
    }

    /** As above, stopping once the correction is below tol (loose on intermediate steps of a descent). */
    boolean polish(double x, double y, double[] sol, boolean checkFirst, double tol) {
        double[] s = sol.clone();
        double n1 = newtonStep(x, y, s);
        if (!(n1 <= FIRST_STEP_MAX)) {
            return false;
        }
        double n2 = newtonStep(x, y, s);
        if (DEBUG) {
            System.err.println("  polish at " + x + "+" + y + "i: n1 " + n1 + " n2 " + n2);
        }
        if (!(n2 <= CONTRACTION_MAX * n1 || n2 <= NOISE)) {
            return false;
        }
        lastMargin = n1 > 0 ? 2 * n2 / n1 : 0;
        double n = n2;
        double stop = tol > NOISE ? tol : 2e-16;
        for (int it = 0; it < 12 && n > stop; it++) {
            double nNext = newtonStep(x, y, s);
            if (!(nNext < 0.5 * n) && nNext > NOISE) {
                return false; // stopped contracting before convergence
            }
            n = nNext;
        }
        if (!(n <= Math.max(NOISE, tol))) {
            return false;
        }
        // physical sheet: Im S ≥ 0 (Im G ≤ 0) when Im z ≥ 0
        if (s[1] < -1e-12 * Math.hypot(s[0], s[1])) {
            return false;
        }
        System.arraycopy(s, 0, sol, 0, 4);
        return true;
    }

    /** Kantorovich number estimate of the last accepted polish, 2‖Δ₂‖/‖Δ₁‖ (≤ 1/2). */
    double lastMargin() {
        return lastMargin;
    }

    /** x ← x − J⁻¹F; returns the relative size of the correction (∞ if singular). */
    private double newtonStep(double x, double y, double[] s) {
        sys.evaluate(x, y, s, f, jac);
        evaluations++;
        // solve the 2×2 complex system J Δ = −F by Cramer's rule
        double ar = jac[0], ai = jac[1], br = jac[2], bi = jac[3];
        double cr = jac[4], ci = jac[5], dr = jac[6], di = jac[7];
        double detr = ar * dr - ai * di - (br * cr - bi * ci);
        double deti = ar * di + ai * dr - (br * ci + bi * cr);
        double dn = detr * detr + deti * deti;
        if (!(dn > 0) || !Double.isFinite(dn)) {
            return Double.POSITIVE_INFINITY;
        }
        double idr = detr / dn, idi = -deti / dn;
        // Δ0 = −(d F0 − b F1)/det, Δ1 = −(a F1 − c F0)/det
        double n0r = dr * f[0] - di * f[1] - (br * f[2] - bi * f[3]);
        double n0i = dr * f[1] + di * f[0] - (br * f[3] + bi * f[2]);
        double n1r = ar * f[2] - ai * f[3] - (cr * f[0] - ci * f[1]);
        double n1i = ar * f[3] + ai * f[2] - (cr * f[1] + ci * f[0]);
        delta[0] = -(n0r * idr - n0i * idi);
        delta[1] = -(n0r * idi + n0i * idr);
        delta[2] = -(n1r * idr - n1i * idi);
        delta[3] = -(n1r * idi + n1i * idr);
        double norm = 0;
        double floor = 1e-10 * (Math.hypot(s[0], s[1]) + Math.hypot(s[2], s[3])) + 1e-300;
        for (int k = 0; k < 2; k++) {
            double dm = Math.hypot(delta[2 * k], delta[2 * k + 1]);
            double sm = Math.hypot(s[2 * k], s[2 * k + 1]);
            double rel = dm == 0 ? 0 : dm / Math.max(sm, floor);
            norm = Math.max(norm, rel);
        }
        for (int k = 0; k < 4; k++) {
            s[k] += delta[k];
        }
        if (!Double.isFinite(norm) || !Double.isFinite(s[0] + s[1] + s[2] + s[3])) {
            return Double.POSITIVE_INFINITY;
        }
        return norm;
    }
}
