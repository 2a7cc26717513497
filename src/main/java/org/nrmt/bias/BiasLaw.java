package org.nrmt.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
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
    private static final int CDF_NODES = 256;
    private static final int CDF_NODES_MAX = 2048;
    private static final int CONTOUR_NODES = 256;

    private final BiasKind kind;
    private final ConditionalConstants constants;
    private final double phi;
    private final double psi;
    private final BiasSystem sys;
    private volatile List<Interval> support;
    private volatile double[][] cdfSeries;
    private volatile double[] moments;
    private final java.util.concurrent.atomic.AtomicInteger uncertifiedScan = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger edgeZone = new java.util.concurrent.atomic.AtomicInteger();

    BiasLaw(BiasKind kind, ConditionalConstants constants, double phi, double psi) {
        if (!(phi > 0) || !Double.isFinite(phi)) {
            throw new IllegalArgumentException("phi must be finite and > 0, got " + phi);
        }
        if (!(psi > 0) || !Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi must be finite and > 0, got " + psi);
        }
        if (!(constants.meanVariance() > 0)) {
            throw new IllegalArgumentException("activation is constant: E_b[s2 + zeta] must be > 0, got "
                    + constants.meanVariance());
        }
        this.kind = kind;
        this.constants = constants;
        this.phi = phi;
        this.psi = psi;
        this.sys = switch (kind) {
            case neuron -> new PerNeuronSystem(constants, phi, psi);
            case sample -> new PerSampleSystem(constants, phi, psi);
            default -> throw new IllegalArgumentException(
                    "BiasLaw solves the neuron and sample readings, got " + kind);
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
        return new BiasPoint(new Complex(zr, zi), new Complex(-x[0], -sgn * x[1]), new Complex(x[2], sgn * x[3]),
                true, c.lastMargin(), c.evaluations());
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
        // edge zone: −Im(G − a/z)(x + iε)/π, ε ≤ 1e-8·bound, certified; throws if even that fails
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
            for (double eps = 1e-12; eps <= 1e-8; eps *= 100) {
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
        double[][] series = cdfSeries();
        List<Interval> sup = support();
        double total = 0;
        for (Atom a : atoms()) {
            if (a.location() <= x) {
                total += a.mass();
            }
        }
        for (int k = 0; k < sup.size(); k++) {
            Interval iv = sup.get(k);
            double[] a = series[k];
            if (x >= iv.hi()) {
                total += a[0] * Math.PI;
            } else if (x > iv.lo()) {
                double t = 1 - 2 * (x - iv.lo()) / iv.length();
                double theta = Math.acos(Math.max(-1, Math.min(1, t)));
                double v = a[0] * theta;
                for (int j = 1; j < a.length; j++) {
                    v += a[j] * Math.sin(j * theta) / j;
                }
                total += v;
            }
        }
        return Math.min(1, Math.max(0, total));
    }

    /** 1 − (atoms + ∫ρ over the found support): what the scan or the bias discretisation missed. */
    public double missingMass() {
        double[][] series = cdfSeries();
        double total = 0;
        for (Atom a : atoms()) {
            total += a.mass();
        }
        for (double[] a : series) {
            total += a[0] * Math.PI;
        }
        return 1 - total;
    }

    /**
     * For each support interval the cosine coefficients a_j of g(θ) = ρ(x(θ)) x'(θ) on [0, π]
     * (trapezoidal/DCT-I on N + 1 nodes), so ∫_lo^x ρ = a_0 θ + Σ a_j sin(jθ)/j. N doubles from
     * {@value #CDF_NODES} until the interval's mass changes by less than 1e-9 (at most
     * {@value #CDF_NODES_MAX}):
     * a density peaked next to an edge needs more nodes than a plain square root.
     */
    private double[][] cdfSeries() {
        double[][] s = cdfSeries;
        if (s != null) {
            return s;
        }
        List<Interval> sup = support();
        s = new double[sup.size()][];
        for (int k = 0; k < sup.size(); k++) {
            double[] a = cosineSeries(sup.get(k), CDF_NODES);
            for (int n = 2 * CDF_NODES; n <= CDF_NODES_MAX; n *= 2) {
                double[] b = cosineSeries(sup.get(k), n);
                boolean done = Math.abs(b[0] - a[0]) * Math.PI < 1e-9;
                a = b;
                if (done) {
                    break;
                }
            }
            s[k] = a;
        }
        cdfSeries = s;
        return s;
    }

    private double[] cosineSeries(Interval iv, int n) {
        double[] xs = new double[n - 1];
        for (int i = 1; i < n; i++) {
            xs[i - 1] = iv.lo() + iv.length() * (1 - Math.cos(Math.PI * i / n)) / 2;
        }
        BiasPoint[] ps = densities(xs);
        double[] g = new double[n + 1];
        for (int i = 1; i < n; i++) {
            double rho;
            if (ps[i - 1].certified()) {
                rho = ps[i - 1].density();
            } else {
                rho = edgeZoneDensity(xs[i - 1]);
            }
            g[i] = rho * iv.length() * Math.sin(Math.PI * i / n) / 2;
        }
        // DCT-I by the cosine recurrence per row: a_j = (2/n) Σ'' g_i cos(π i j/n)
        double[] a = new double[n + 1];
        double[] cosTable = new double[2 * n];
        for (int t = 0; t < 2 * n; t++) {
            cosTable[t] = Math.cos(Math.PI * t / n);
        }
        for (int j = 0; j <= n; j++) {
            double sum = 0;
            int idx = 0;
            for (int i = 1; i < n; i++) {
                idx += j;
                if (idx >= 2 * n) {
                    idx -= 2 * n;
                }
                sum += g[i] * cosTable[idx];
            }
            a[j] = sum * 2 / n;
        }
        a[0] /= 2;
        a[n] /= 2;
        return a;
    }

    /**
     * Inside the thin zone next to an edge where the real-axis point cannot be certified
     * (relative width ~1e-8 for a square-root edge), ρ is taken as −Im G(x + iε)/π with
     * ε = 1e-12·bound (1e-10, 1e-8 if needed), itself certified; this zone carries mass ~1e-12 and counts in
     * {@link #edgeZonePoints()}.
     */
    private double edgeZoneDensity(double x) {
        for (double eps = 1e-12; eps <= 1e-8; eps *= 100) {
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
