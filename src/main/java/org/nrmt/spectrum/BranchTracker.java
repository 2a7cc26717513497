package org.nrmt.spectrum;

/**
 * Double-precision continuation of the physical root of the quartic, with a Rouché certificate
 * for every step (see {@code theory/branch-selection.md} §3).
 *
 * <p>Step certificate. For a step z(t) = z0 + t·dz, t ∈ [0, 1], the coefficients are exactly
 * \(a_k + t B_k + t^2 C_k\) (each c_k is quadratic in z). Shifted to the current root g0,
 * \(p(g_0+h; z(t)) = \sum_k b_k(t) h^k\) with \(|b_k(t)| \le |b_k|+|\beta_k|+|\gamma_k| =: u_k\)
 * and \(|b_1(t)| \ge |b_1|-|\beta_1|-|\gamma_1| =: \ell_1\). If
 * \(\ell_1 R > u_0 + \sum_{k\ge2} u_k R^k\) then for every t the disk |h| ≤ R holds exactly one
 * root (Rouché against \(b_1(t) h\)); the continued root never leaves it, so the root found at
 * z(1) inside that disk (with its own Rouché inclusion disk) is the continuation. Rounding is
 * covered by padding u_0 with 1e-14 times the absolute polynomial scale.
 *
 * <p>Not thread-safe: one instance per thread (it holds scratch arrays).
 */
final class BranchTracker {
    static final double PAD = 1e-14;
    private static final int MAX_STEPS = 4000;

    private final double[][] c;
    private final int n;
    private final double bound;
    /** True when tracking H = zG (coefficients {@link Quartic#scaledTable()}), false for G. */
    final boolean scaled;

    // scratch
    private final double[] ar = new double[5], ai = new double[5];
    private final double[] br = new double[5], bi = new double[5];
    private final double[] er = new double[5], ei = new double[5];
    private final double[] fr = new double[5], fi = new double[5];

    // state: current point and root
    double zr, zi, gr, gi;
    /** Rouché inclusion radius of the current root. */
    double radius;
    /** Steps taken by the last operation (work counter). */
    int steps;

    private double lastU0, lastL1;

    BranchTracker(Quartic q, double bound) {
        this(q, bound, false);
    }

    /**
     * @param scaled track H = zG instead of G: same certificate, but the pole of G at an atom
     *               becomes a regular point, so steps towards z = 0 grow geometrically.
     */
    BranchTracker(Quartic q, double bound, boolean scaled) {
        this.c = scaled ? q.scaledTable() : q.doubleTable();
        this.n = q.degree();
        this.bound = bound;
        this.scaled = scaled;
    }

    /** |re + i im| without Math.hypot's slow overflow guard (magnitudes here stay far from 1e154). */
    private static double abs(double re, double im) {
        return Math.sqrt(re * re + im * im);
    }

    private void coeffs(double zr, double zi) {
        for (int k = 0; k <= n; k++) {
            double r = c[k][2] * zr + c[k][1];
            double i = c[k][2] * zi;
            ar[k] = r * zr - i * zi + c[k][0];
            ai[k] = r * zi + i * zr;
        }
    }

    /** Taylor shift of (xr, xi) to g in place: afterwards x[k] = p^{(k)}(g)/k!. */
    private void shift(double[] xr, double[] xi, double g_r, double g_i) {
        for (int i = 0; i < n; i++) {
            for (int j = n - 1; j >= i; j--) {
                double tr = xr[j + 1] * g_r - xi[j + 1] * g_i;
                double ti = xr[j + 1] * g_i + xi[j + 1] * g_r;
                xr[j] += tr;
                xi[j] += ti;
            }
        }
    }

    /** Σ |x_k| max(1,|g|)^k: the magnitude scale that rounding errors are relative to. */
    private double scale(double[] xr, double[] xi, double gAbs) {
        double m = Math.max(1, gAbs), s = 0, pw = 1;
        for (int k = 0; k <= n; k++) {
            s += abs(xr[k], xi[k]) * pw;
            pw *= m;
        }
        return s;
    }

    /** Newton polish of (gr, gi) for the coefficients in ar/ai. */
    private boolean newton(double g_r, double g_i) {
        double prevStep = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 80; it++) {
            double pr = ar[n], pi = ai[n], dr = 0, di = 0;
            for (int k = n - 1; k >= 0; k--) {
                double ndr = dr * g_r - di * g_i + pr, ndi = dr * g_i + di * g_r + pi;
                dr = ndr;
                di = ndi;
                double npr = pr * g_r - pi * g_i + ar[k], npi = pr * g_i + pi * g_r + ai[k];
                pr = npr;
                pi = npi;
            }
            double den = dr * dr + di * di;
            if (den == 0 || !Double.isFinite(den)) return false;
            double sr = (pr * dr + pi * di) / den, si = (pi * dr - pr * di) / den;
            g_r -= sr;
            g_i -= si;
            double step = Math.abs(sr) + Math.abs(si);
            // converged to rounding level, or stagnating there; near a double root Newton is only
            // linear (ratio 1/2), so only a non-decreasing step counts as stagnation
            if (step <= 4.5e-16 * (Math.abs(g_r) + Math.abs(g_i)) || step >= prevStep && it >= 2) break;
            prevStep = step;
        }
        gr = g_r;
        gi = g_i;
        return Double.isFinite(g_r) && Double.isFinite(g_i);
    }

    /**
     * Rouché inclusion radius of the root (gr, gi) for the coefficients in ar/ai: a radius r with
     * exactly one root in |G − g| ≤ r, or NaN if none can be shown.
     */
    private double inclusion() {
        System.arraycopy(ar, 0, br, 0, n + 1);
        System.arraycopy(ai, 0, bi, 0, n + 1);
        double gAbs = abs(gr, gi);
        double s = scale(br, bi, gAbs);
        shift(br, bi, gr, gi);
        double u0 = abs(br[0], bi[0]) + PAD * s;
        double l1 = abs(br[1], bi[1]) * (1 - 1e-13);
        if (!(l1 > 0)) return Double.NaN;
        double r = 2 * u0 / l1;
        lastU0 = u0;
        lastL1 = l1;
        double rest = 0, pw = r;
        for (int k = 2; k <= n; k++) {
            pw *= r;
            rest += abs(br[k], bi[k]) * (1 + 1e-13) * pw;
        }
        return l1 * r - u0 - rest > 0 ? r : Double.NaN;
    }

    /**
     * Largest radius R ≤ 1e300 with exactly one root in |G − g| ≤ R (lower bound on the distance
     * from g to the other roots), from the shifted coefficients left in br/bi by inclusion().
     */
    double separation() {
        double l1 = lastL1, u0 = lastU0;
        // R_out ≈ root of Σ_{k≥2} |b_k| R^{k−1} = |b1| (u0 ≈ 0): Newton from the upper bound
        // max_k (|b1|/|b_k|)^{1/(k−1)} decreases monotonically onto it (convex, increasing).
        double r = 0;
        for (int k = 2; k <= n; k++) {
            double bk = abs(br[k], bi[k]);
            if (bk > 0) r = Math.max(r, Math.pow(l1 / bk, 1.0 / (k - 1)));
        }
        if (r == 0) return Double.MAX_VALUE; // linear polynomial: no other root
        for (int it = 0; it < 8; it++) {
            double gv = -l1, dg = 0, pw = 1;
            for (int k = 2; k <= n; k++) {
                double bk = abs(br[k], bi[k]);
                dg += (k - 1) * bk * pw;
                pw *= r;
                gv += bk * pw;
            }
            if (dg <= 0) break;
            double nr = r - gv / dg;
            if (!(nr < r)) break;
            r = nr;
        }
        double cand = r * 0.98;
        if (rouche(cand, l1, u0)) return cand;
        double lo = radius, hi = cand;
        if (!(hi > lo)) return lo;
        for (int i = 0; i < 50; i++) {
            double m = Math.sqrt(lo * hi);
            if (rouche(m, l1, u0)) lo = m;
            else hi = m;
        }
        return lo;
    }

    private boolean rouche(double r, double l1, double u0) {
        double rest = 0, pw = r;
        for (int k = 2; k <= n; k++) {
            pw *= r;
            rest += abs(br[k], bi[k]) * pw;
        }
        return l1 * r - u0 - rest > 0;
    }

    /**
     * Certified start at a point with |z| ≥ 8B where B bounds the support: the physical G lies
     * within B/(|z|(|z| − B)) of 1/z; accept if a Rouché disk around the polished root covers
     * that a-priori disk.
     */
    boolean start(double z_r, double z_i) {
        zr = z_r;
        zi = z_i;
        double za = abs(z_r, z_i);
        // asymptotic value: G ≈ 1/z, or H = zG ≈ 1; the physical root lies within the a-priori radius
        double ir = scaled ? 1 : z_r / (za * za), ii = scaled ? 0 : -z_i / (za * za);
        coeffs(z_r, z_i);
        if (!newton(ir, ii)) return false;
        double apriori = (scaled ? bound / (za - bound) : bound / (za * (za - bound))) + abs(gr - ir, gi - ii);
        double r = inclusion();
        if (Double.isNaN(r)) return false;
        double rho = Math.max(r, apriori * (1 + 1e-12));
        if (!rouche(rho, abs(br[1], bi[1]) * (1 - 1e-13), abs(br[0], bi[0]) + PAD * scale(ar, ai, abs(gr, gi)))) {
            return false;
        }
        radius = r;
        return true;
    }

    /** One certified step to z + dz; on success the state moves, on failure it is unchanged. */
    boolean step(double dzr, double dzi) {
        double g0r = gr, g0i = gi, z0r = zr, z0i = zi;
        double gAbs = abs(g0r, g0i);
        coeffs(z0r, z0i);
        System.arraycopy(ar, 0, br, 0, n + 1);
        System.arraycopy(ai, 0, bi, 0, n + 1);
        double dz2r = dzr * dzr - dzi * dzi, dz2i = 2 * dzr * dzi;
        for (int k = 0; k <= n; k++) {
            // B_k = dz·c_k'(z0), C_k = dz²·c[k][2]
            double dcr = c[k][1] + 2 * c[k][2] * z0r, dci = 2 * c[k][2] * z0i;
            er[k] = dcr * dzr - dci * dzi;
            ei[k] = dcr * dzi + dci * dzr;
            fr[k] = c[k][2] * dz2r;
            fi[k] = c[k][2] * dz2i;
        }
        double pad = PAD * (scale(br, bi, gAbs) + scale(er, ei, gAbs) + scale(fr, fi, gAbs));
        shift(br, bi, g0r, g0i);
        shift(er, ei, g0r, g0i);
        shift(fr, fi, g0r, g0i);
        double u0 = abs(br[0], bi[0]) + abs(er[0], ei[0]) + abs(fr[0], fi[0]) + pad;
        double l1 = (abs(br[1], bi[1]) - abs(er[1], ei[1]) - abs(fr[1], fi[1])) * (1 - 1e-13);
        if (!(l1 > 0)) return false;
        // R = 4u0/ℓ1 leaves room for the new inclusion disk; 2u0/ℓ1 is the fallback
        double bigR = 4 * u0 / l1;
        if (!segmentRouche(bigR, u0, l1)) {
            bigR = 2 * u0 / l1;
            if (!segmentRouche(bigR, u0, l1)) return false;
        }
        // first-order predictor: h ≈ −(β0 + γ0)/b1
        double nr = er[0] + fr[0], ni = ei[0] + fi[0];
        double den = br[1] * br[1] + bi[1] * bi[1];
        double hr = -(nr * br[1] + ni * bi[1]) / den, hi = -(ni * br[1] - nr * bi[1]) / den;
        double z1r = z0r + dzr, z1i = z0i + dzi;
        coeffs(z1r, z1i);
        if (!newton(g0r + hr, g0i + hi)) {
            gr = g0r;
            gi = g0i;
            return false;
        }
        double r1 = inclusion();
        if (Double.isNaN(r1) || abs(gr - g0r, gi - g0i) + r1 > bigR) {
            gr = g0r;
            gi = g0i;
            return false;
        }
        zr = z1r;
        zi = z1i;
        radius = r1;
        steps++;
        return true;
    }

    /** Re G at the current node (G = H/z when tracking H). */
    double gRe() {
        if (!scaled) return gr;
        double d = zr * zr + zi * zi;
        return (gr * zr + gi * zi) / d;
    }

    /** Im G at the current node. */
    double gIm() {
        if (!scaled) return gi;
        double d = zr * zr + zi * zi;
        return (gi * zr - gr * zi) / d;
    }

    /** Factor from distances in the tracked variable to distances in G (1/|z| when tracking H). */
    double gScale() {
        return scaled ? 1 / abs(zr, zi) : 1;
    }

    /** Recomputes the inclusion at the current node and returns the separation bound (NaN if none). */
    double currentSeparation() {
        coeffs(zr, zi);
        double r = inclusion();
        if (Double.isNaN(r)) return Double.NaN;
        radius = r;
        return separation();
    }

    private boolean segmentRouche(double r, double u0, double l1) {
        double rest = 0, pw = r;
        for (int k = 2; k <= n; k++) {
            pw *= r;
            rest += (abs(br[k], bi[k]) + abs(er[k], ei[k]) + abs(fr[k], fi[k])) * (1 + 1e-13) * pw;
        }
        return l1 * r - u0 - rest > 0;
    }

    /** Smallest |z| for a certified start: 8B. */
    double startModulus() {
        return 8 * bound;
    }

    /**
     * Vertical descent from x + iY (Y large) to x + iy, y ≥ 0. On success the state holds the
     * physical root at x + iy (boundary value from above when y = 0).
     */
    boolean descend(double x, double y) {
        steps = 0;
        double top = Math.max(startModulus(), 1e-300);
        boolean ok = false;
        if (abs(x, y) >= top) {
            ok = start(x, y);
            if (ok) return true;
        }
        double yy = Math.max(y, top) * 1.5;
        for (int tries = 0; tries < 30 && !ok; tries++) {
            ok = start(x, yy);
            if (!ok) yy *= 4;
        }
        if (!ok) return false;
        double h = (yy - y) / 2;
        while (zi > y) {
            if (steps > MAX_STEPS) return false;
            double dy = Math.min(h, zi - y);
            boolean last = dy == zi - y;
            if (step(0, -dy)) {
                if (last) zi = y; // exact landing on the target height
                h = dy * 2;
            } else {
                h = dy / 2;
                if (h < 1e-15 * Math.max(1, Math.abs(x)) && h < (zi - y) * 1e-12) return false;
                if (h == 0) return false;
            }
            if (zi < y) zi = y;
        }
        return true;
    }

    /** Lateral continuation from the current point to x + i·zi (short hops between grid points). */
    boolean lateral(double x) {
        return lateral(x, 64, 64);
    }

    /**
     * Continuation parallel to the real axis to x + i·zi, giving up after maxSteps steps or when
     * the step falls below |x − z|/minFraction.
     */
    boolean lateral(double x, int maxSteps, double minFraction) {
        int start = steps;
        double h = x - zr;
        double minH = Math.abs(x - zr) / minFraction;
        while (zr != x) {
            double dx = Math.abs(h) < Math.abs(x - zr) ? h : x - zr;
            boolean last = dx == x - zr;
            if (step(dx, 0)) {
                if (last) zr = x;
                h = dx * 2;
            } else {
                h = dx / 2;
                if (Math.abs(h) < minH || steps - start > maxSteps) return false;
            }
        }
        return true;
    }

    /** G′(z) = −∂_z p / ∂_G p at the current root. */
    double[] derivative() {
        double pzr = 0, pzi = 0, pgr = 0, pgi = 0;
        coeffs(zr, zi);
        // ∂_G p by Horner, ∂_z p = Σ c_k'(z) G^k
        double dr = 0, di = 0, pr = ar[n], pi = ai[n];
        for (int k = n - 1; k >= 0; k--) {
            double ndr = dr * gr - di * gi + pr, ndi = dr * gi + di * gr + pi;
            dr = ndr;
            di = ndi;
            double npr = pr * gr - pi * gi + ar[k], npi = pr * gi + pi * gr + ai[k];
            pr = npr;
            pi = npi;
        }
        pgr = dr;
        pgi = di;
        for (int k = n; k >= 0; k--) {
            double dcr = c[k][1] + 2 * c[k][2] * zr, dci = 2 * c[k][2] * zi;
            double tr = pzr * gr - pzi * gi + dcr, ti = pzr * gi + pzi * gr + dci;
            pzr = tr;
            pzi = ti;
        }
        double den = pgr * pgr + pgi * pgi;
        return new double[] {-(pzr * pgr + pzi * pgi) / den, -(pzi * pgr - pzr * pgi) / den};
    }
}
