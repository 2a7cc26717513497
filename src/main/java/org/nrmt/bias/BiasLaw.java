package org.nrmt.bias;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.simulation.BiasKind;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The limiting eigenvalue law of M = YYᵀ/m for Y = f(WX + B) with a per-neuron (B = b 1ᵀ) or
 * per-sample (B = 1 βᵀ) Gaussian bias, from the conditional constants on a {@link BiasMeasure}.
 * G is computed by certified vertical continuation ({@link Continuation}); density on the real axis
 * as −Im G(x + i0)/π; support by scanning with bisection refinement; CDF by integrating the
 * density on each support interval in the variable θ, x = lo + (hi − lo)(1 − cos θ)/2, where
 * square-root and inverse-square-root edges both become smooth; moments by the trapezoidal rule
 * on a circle around the support, \( m_k = \frac{1}{2\pi i}\oint z^k G(z)\,dz \).
 * See {@code theory/bias.md}.
 */
public final class BiasLaw implements SpectralLaw {

    private static final int SCAN_POINTS = 1200;
    private static final int GL_NODES = 16;
    private static final int INITIAL_PANELS = 8;
    private static final int MAX_PANELS = 4096;
    private static final double PANEL_TOL = 1e-10;
    /** A panel pair carrying less mass than this is not split further. */
    private static final double PANEL_MASS_FLOOR = 1e-10;

    private static final double[] GL_X;
    private static final double[] GL_W;
    /** Heights ε/bound tried when the real-axis point is uncertifiable (edge zone, narrow clumps). */
    private static final double[] EDGE_EPS = {1e-12, 1e-10, 1e-8, 1e-6};
    /** Heights for the inside/outside classification (not higher: smoothing leaks density into gaps). */
    private static final double[] SCAN_EPS = {1e-12, 1e-10, 1e-8};

    static {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory().legendre(GL_NODES);
        GL_X = new double[GL_NODES];
        GL_W = new double[GL_NODES];
        for (int i = 0; i < GL_NODES; i++) {
            GL_X[i] = rule.getPoint(i);
            GL_W[i] = rule.getWeight(i);
        }
    }

    private static final int CONTOUR_NODES = 256;

    private final BiasKind kind;
    private final ConditionalConstants constants;
    private final double phi;
    private final double psi;
    private final BiasSystem sys;
    private volatile List<Interval> support;
    private volatile Piece[] pieces;
    private volatile double[] moments;
    private final java.util.concurrent.atomic.AtomicInteger uncertifiedScan =
            new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger edgeZone = new java.util.concurrent.atomic.AtomicInteger();

    BiasLaw(BiasKind kind, ConditionalConstants constants, double phi, double psi) {
        if (!(phi > 0) || !Double.isFinite(phi)) {
            throw new IllegalArgumentException("phi must be finite and > 0, got " + phi);
        }
        if (!(psi > 0) || !Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi must be finite and > 0, got " + psi);
        }
        if (!(constants.meanVariance() > 0)) {
            throw new IllegalArgumentException(
                    "activation is constant: E_b[s2 + zeta] must be > 0, got " + constants.meanVariance());
        }
        this.kind = kind;
        this.constants = constants;
        this.phi = phi;
        this.psi = psi;
        this.sys = switch (kind) {
            case neuron -> new PerNeuronSystem(constants, phi, psi);
            case sample -> new PerSampleSystem(constants, phi, psi);
            default -> throw new IllegalArgumentException("BiasLaw solves the neuron and sample readings, got " + kind);
        };
    }

    public BiasKind kind() {
        return kind;
    }

    public ConditionalConstants constants() {
        return constants;
    }

    public double phi() {
        return phi;
    }

    public double psi() {
        return psi;
    }

    /** The bound used for scanning: every eigenvalue of the limit lies in [0, supportBound()]. */
    public double supportBound() {
        return sys.supportBound();
    }

    /**
     * Solves at z (Im z ≥ 0; Im z < 0 by conjugation) by certified vertical descent.
     * Uncertified points come back with {@code certified = false} and NaN values.
     */
    public BiasPoint solve(Complex z) {
        double zr = z.getReal();
        double zi = z.getImaginary();
        if (!Double.isFinite(zr) || !Double.isFinite(zi)) {
            throw new IllegalArgumentException("z must be finite, got " + z);
        }
        boolean lower = zi < 0;
        Continuation c = new Continuation(sys);
        double[] x = new double[4];
        boolean ok = c.descend(zr, Math.abs(zi), x);
        return point(c, zr, zi, lower, x, ok);
    }

    private static BiasPoint point(Continuation c, double zr, double zi, boolean lower, double[] x, boolean ok) {
        if (!ok) {
            return new BiasPoint(new Complex(zr, zi), Complex.NaN, Complex.NaN, false, Double.NaN, c.evaluations());
        }
        double sgn = lower ? -1 : 1;
        return new BiasPoint(
                new Complex(zr, zi),
                new Complex(-x[0], -sgn * x[1]),
                new Complex(x[2], sgn * x[3]),
                true,
                c.lastMargin(),
                c.evaluations());
    }

    @Override
    public Complex stieltjes(Complex z) {
        BiasPoint p = solve(z);
        if (!p.certified()) {
            throw new UncertifiedPointException("bias law: continuation not certified at z = " + z);
        }
        return p.g();
    }

    /**
     * ρ at each x (continuous part; 0 for x ≤ 0 since M ⪰ 0). Neighbours in the bulk reuse each
     * other's solution when the step passes the same test as the vertical descent and both ends
     * lie strictly inside the bulk (Im S > 1e-3 |S|, no crossing of 0); otherwise vertical descent.
     */
    public BiasPoint[] densities(double[] xs) {
        BiasPoint[] out = new BiasPoint[xs.length];
        Continuation c = new Continuation(sys);
        double[] prev = null;
        double prevX = Double.NaN;
        double[] sol = new double[4];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("x must be finite, got " + x);
            }
            int before = c.evaluations();
            if (x <= 0) {
                out[i] = new BiasPoint(new Complex(x, 0), new Complex(Double.NaN, 0), Complex.NaN, true, 0, 0);
                prev = null;
                continue;
            }
            boolean ok = false;
            if (prev != null && inBulk(prev) && prevX > 0) {
                System.arraycopy(prev, 0, sol, 0, 4);
                ok = c.polish(x, 0, sol, true) && inBulk(sol);
            }
            if (!ok) {
                ok = c.descend(x, 0, sol);
            }
            BiasPoint p = point(c, x, 0, false, sol, ok);
            out[i] = new BiasPoint(p.z(), p.g(), p.aux(), p.certified(), p.margin(), c.evaluations() - before);
            if (ok) {
                prev = sol.clone();
                prevX = x;
            } else {
                prev = null;
            }
        }
        return out;
    }

    private static boolean inBulk(double[] s) {
        return s[1] > 1e-3 * Math.hypot(s[0], s[1]);
    }

    @Override
    public double density(double x) {
        BiasPoint p = densities(new double[] {x})[0];
        if (x <= 0) {
            return 0;
        }
        // edge zone: −Im(G − a/z)(x + iε)/π, ε ≤ 1e-6·bound, certified; throws if even that fails
        return p.certified() ? p.density() : edgeZoneDensity(x);
    }

    @Override
    public List<Atom> atoms() {
        double a = sys.atomAtZero();
        return a > 0 ? List.of(new Atom(0, a)) : List.of();
    }

    /**
     * Support of the continuous part: a scan of {@value #SCAN_POINTS} uniform points over (0, bound]
     * and half as many geometric ones over [1e-10 bound, bound/{@value #SCAN_POINTS}],
     * inside where Im S > 1e-8 |S|, each transition refined by bisection to 1e-14·bound. Gaps or
     * components narrower than the scan spacing (bound/{@value #SCAN_POINTS}) can be missed; the
     * CDF's total mass reports what was missed ({@link #missingMass()}).
     */
    @Override
    public List<Interval> support() {
        List<Interval> s = support;
        if (s == null) {
            s = computeSupport();
            support = s;
        }
        return s;
    }

    private List<Interval> computeSupport() {
        double b = sys.supportBound();
        // uniform over (0, B] plus geometric over [1e-10 B, B/SCAN_POINTS]: saturated neurons
        // (tiny ζ(b), s²(b)) put small components next to 0
        int geo = SCAN_POINTS / 2;
        int total = SCAN_POINTS + geo;
        double[] xs = new double[total];
        for (int i = 0; i < geo; i++) {
            xs[i] = b * 1e-10 * Math.pow(1e10 / SCAN_POINTS, (double) i / geo);
        }
        for (int i = 0; i < SCAN_POINTS; i++) {
            xs[geo + i] = b * (i + 1.0) / SCAN_POINTS;
        }
        BiasPoint[] ps = densities(xs);
        boolean[] in = new boolean[total];
        for (int i = 0; i < total; i++) {
            in[i] = inside(ps[i], xs[i]);
        }
        List<Interval> out = new ArrayList<>();
        double lo = in[0] ? refine(0, xs[0]) : Double.NaN;
        for (int i = 1; i < total; i++) {
            if (in[i] && !in[i - 1]) {
                lo = refine(xs[i - 1], xs[i]);
            } else if (!in[i] && in[i - 1]) {
                out.add(new Interval(lo, refine(xs[i - 1], xs[i])));
            }
        }
        if (in[total - 1]) {
            throw new IllegalStateException("density positive at the support bound " + b + ": bound violated");
        }
        return List.copyOf(out);
    }

    private boolean inside(BiasPoint p, double x) {
        if (x <= 0) {
            return false;
        }
        if (!p.certified()) {
            // edge zone (or next to the atom): classify by G slightly above the axis
            for (double eps : SCAN_EPS) {
                Complex z = new Complex(x, eps * sys.supportBound());
                BiasPoint q = solve(z);
                if (q.certified()) {
                    Complex gc = continuousPart(q.g(), z);
                    return -gc.getImaginary() > 1e-4 * q.g().abs();
                }
            }
            // counted, not guessed: treated as outside, its mass shows up in missingMass()
            uncertifiedScan.incrementAndGet();
            return false;
        }
        Complex g = p.g();
        return -g.getImaginary() > 1e-8 * g.abs();
    }

    /** Bisection on the inside/outside classification between a and b (one of each). */
    private double refine(double a, double b) {
        boolean inA = a > 0 && inside(solveReal(a), a);
        double tol = 1e-14 * sys.supportBound();
        for (int it = 0; it < 200 && b - a > tol; it++) {
            double m = 0.5 * (a + b);
            BiasPoint p = solveReal(m);
            boolean inM = inside(p, m);
            if (Continuation.DEBUG) {
                System.err.println("refine " + m + " cert " + p.certified() + " in " + inM + " g " + p.g());
            }
            if (inM == inA) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    private BiasPoint solveReal(double x) {
        return densities(new double[] {x})[0];
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN, got " + x);
        }
        Piece[] pieces = pieces();
        double total = 0;
        for (Atom a : atoms()) {
            if (a.location() <= x) {
                total += a.mass();
            }
        }
        for (Piece pc : pieces) {
            Interval iv = pc.interval();
            if (x >= iv.hi()) {
                total += pc.mass();
            } else if (x > iv.lo()) {
                double t = 1 - 2 * (x - iv.lo()) / iv.length();
                total += pc.integralTo(Math.acos(Math.max(-1, Math.min(1, t))));
            }
        }
        return Math.min(1, Math.max(0, total));
    }

    /** 1 − (atoms + ∫ρ over the found support): what the scan or the bias discretisation missed. */
    public double missingMass() {
        double total = 0;
        for (Atom a : atoms()) {
            total += a.mass();
        }
        for (Piece pc : pieces()) {
            total += pc.mass();
        }
        return 1 - total;
    }

    /**
     * ∫ρ over each support interval in θ, x = lo + (hi − lo)(1 − cos θ)/2, where
     * g(θ) = ρ(x(θ)) x'(θ) is smooth at square-root and inverse-square-root edges alike. g is
     * integrated by adaptive {@value #GL_NODES}-point Gauss–Legendre panels in θ (a panel is split
     * until it and its two halves agree to {@value #PANEL_TOL}): fused clumps of saturated
     * neurons make ρ spiky next to the lower edge of the bulk, where one global series in θ
     * aliased (mass errors ~1e-3). Each panel keeps the Legendre coefficients of g, so the CDF at
     * any x is the exact integral of the panel's interpolant.
     */
    private Piece[] pieces() {
        Piece[] s = pieces;
        if (s != null) {
            return s;
        }
        List<Interval> sup = support();
        s = new Piece[sup.size()];
        for (int k = 0; k < sup.size(); k++) {
            s[k] = piece(sup.get(k));
        }
        pieces = s;
        return s;
    }

    private Piece piece(Interval iv) {
        List<Panel> panels = new ArrayList<>();
        double[] before = {0};
        int[] budget = {MAX_PANELS};
        for (int i = 0; i < INITIAL_PANELS; i++) {
            double t0 = Math.PI * i / INITIAL_PANELS;
            double t1 = Math.PI * (i + 1) / INITIAL_PANELS;
            adapt(iv, t0, t1, integrand(iv, t0, t1), panels, before, budget, 0);
        }
        return new Piece(iv, panels.toArray(new Panel[0]), before[0]);
    }

    private void adapt(
            Interval iv,
            double t0,
            double t1,
            double[] whole,
            List<Panel> out,
            double[] before,
            int[] budget,
            int depth) {
        double tm = 0.5 * (t0 + t1);
        double[] left = integrand(iv, t0, tm);
        double[] right = integrand(iv, tm, t1);
        double iw = glSum(whole) * 0.5 * (t1 - t0);
        double il = glSum(left) * 0.5 * (tm - t0);
        double ir = glSum(right) * 0.5 * (t1 - tm);
        budget[0]--;
        // Splitting a panel whose nodes fell in the uncertifiable edge zone only resamples the
        // smoothed fallback there (mass ~1e-12 of the clump): accept it after a few levels.
        boolean edgeZone = left[GL_NODES] + right[GL_NODES] > 0 && depth >= 3;
        if (Math.abs(iw - il - ir) <= PANEL_TOL
                || Math.abs(il) + Math.abs(ir) <= PANEL_MASS_FLOOR
                || edgeZone
                || depth >= 60
                || t1 - t0 < 1e-13
                || budget[0] <= 0) {
            out.add(panel(t0, tm, left, before));
            out.add(panel(tm, t1, right, before));
            return;
        }
        adapt(iv, t0, tm, left, out, before, budget, depth + 1);
        adapt(iv, tm, t1, right, out, before, budget, depth + 1);
    }

    private static double glSum(double[] g) {
        double s = 0;
        for (int i = 0; i < GL_NODES; i++) {
            s += GL_W[i] * g[i];
        }
        return s;
    }

    /** Legendre coefficients of the panel's interpolant; {@code before} advances by its integral. */
    private static Panel panel(double t0, double t1, double[] g, double[] before) {
        double[] c = new double[GL_NODES];
        for (int i = 0; i < GL_NODES; i++) {
            double pPrev = 0;
            double pn = 1;
            for (int n = 0; n < GL_NODES; n++) {
                c[n] += (2 * n + 1) / 2.0 * GL_W[i] * g[i] * pn;
                double pNext = ((2 * n + 1) * GL_X[i] * pn - n * pPrev) / (n + 1);
                pPrev = pn;
                pn = pNext;
            }
        }
        Panel p = new Panel(t0, t1, c, before[0]);
        before[0] += c[0] * (t1 - t0);
        return p;
    }

    /** g(θ) = ρ(x(θ)) x'(θ) at the panel's Gauss–Legendre nodes, then the number of edge-zone nodes. */
    private double[] integrand(Interval iv, double t0, double t1) {
        double[] xs = new double[GL_NODES];
        double[] th = new double[GL_NODES];
        for (int i = 0; i < GL_NODES; i++) {
            th[i] = 0.5 * (t0 + t1) + 0.5 * (t1 - t0) * GL_X[i];
            xs[i] = iv.lo() + iv.length() * (1 - Math.cos(th[i])) / 2;
        }
        BiasPoint[] ps = densities(xs);
        double[] g = new double[GL_NODES + 1];
        for (int i = 0; i < GL_NODES; i++) {
            if (!ps[i].certified()) {
                g[GL_NODES]++;
            }
            double rho = ps[i].certified() ? ps[i].density() : edgeZoneDensity(xs[i]);
            g[i] = rho * iv.length() * Math.sin(th[i]) / 2;
        }
        return g;
    }

    /** A Gauss–Legendre panel [t0, t1] in θ: Legendre coefficients c of g and ∫g over earlier panels. */
    private record Panel(double t0, double t1, double[] c, double before) {
        /** ∫_{t0}^{θ} of the Legendre series: c0 (u + 1) + Σ c_n (P_{n+1}(u) − P_{n−1}(u))/(2n + 1). */
        double integralTo(double theta) {
            double h = 0.5 * (t1 - t0);
            double u = Math.max(-1, Math.min(1, (theta - 0.5 * (t0 + t1)) / h));
            double pPrev = 1;
            double p = u;
            double sum = c[0] * (u + 1);
            for (int n = 1; n < c.length; n++) {
                double pNext = ((2 * n + 1) * u * p - n * pPrev) / (n + 1);
                sum += c[n] * (pNext - pPrev) / (2 * n + 1);
                pPrev = p;
                p = pNext;
            }
            return before + h * sum;
        }
    }

    /** The panels of one support interval and its mass. */
    private record Piece(Interval interval, Panel[] panels, double mass) {
        double integralTo(double theta) {
            int lo = 0;
            int hi = panels.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (panels[mid].t0() <= theta) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return panels[lo].integralTo(theta);
        }
    }

    /**
     * Inside the thin zone next to an edge where the real-axis point cannot be certified
     * (relative width ~1e-8 for a square-root edge), ρ is taken as −Im G(x + iε)/π with
     * ε = 1e-12·bound (1e-10, 1e-8, 1e-6 if needed), itself certified; this zone carries mass ~1e-12 and counts in
     * {@link #edgeZonePoints()}.
     */
    private double edgeZoneDensity(double x) {
        for (double eps : EDGE_EPS) {
            Complex z = new Complex(x, eps * sys.supportBound());
            BiasPoint p = solve(z);
            if (p.certified()) {
                edgeZone.incrementAndGet();
                return Math.max(0, -continuousPart(p.g(), z).getImaginary() / Math.PI);
            }
        }
        throw new UncertifiedPointException("bias law: density not certified at x = " + x);
    }

    /** G − a/z: the atom's Lorentzian removed, so smoothing off the axis does not smear the atom. */
    private Complex continuousPart(Complex g, Complex z) {
        double a = sys.atomAtZero();
        return a > 0 ? g.subtract(z.reciprocal().multiply(a)) : g;
    }

    /** Scan or bisection points that could not be certified even slightly above the axis (taken as outside). */
    public int uncertifiedScanPoints() {
        return uncertifiedScan.get();
    }

    /** How many CDF nodes fell in the uncertifiable edge zone (see {@link #edgeZoneDensity}). */
    public int edgeZonePoints() {
        return edgeZone.get();
    }

    @Override
    public double moment(int k) {
        if (k < 1 || k > 12) {
            throw new IllegalArgumentException("moment order must be in [1, 12], got " + k);
        }
        double[] m = moments;
        if (m == null) {
            m = contourMoments();
            moments = m;
        }
        return m[k - 1];
    }

    /** Trapezoidal rule on the circle |z − B/2| = 0.75 B (B the support bound), geometric convergence. */
    private double[] contourMoments() {
        double b = sys.supportBound();
        double c = 0.5 * b;
        double r = 0.75 * b;
        int n = CONTOUR_NODES;
        double[] m = new double[12];
        for (int i = 0; i <= n / 2; i++) {
            double th = 2 * Math.PI * i / n;
            Complex e = new Complex(Math.cos(th), Math.sin(th));
            Complex z = e.multiply(r).add(c);
            if (i == 0 || i == n / 2) {
                z = new Complex(z.getReal(), 0);
            }
            BiasPoint p = solve(z);
            if (!p.certified()) {
                throw new UncertifiedPointException("bias law: moment contour not certified at z = " + z);
            }
            Complex term = p.g().multiply(e).multiply(r);
            double wgt = (i == 0 || i == n / 2) ? 1 : 2; // the lower half by conjugation
            Complex zk = Complex.ONE;
            for (int k = 0; k < 12; k++) {
                zk = zk.multiply(z);
                m[k] += wgt * zk.multiply(term).getReal() / n;
            }
        }
        return m;
    }
}
