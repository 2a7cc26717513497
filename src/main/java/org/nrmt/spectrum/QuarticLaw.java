package org.nrmt.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;

/**
 * The Pennington–Worah limiting spectral law of M = YYᵀ/m: G is the physical root of the
 * {@link Quartic}, selected by certified continuation from z = ∞ where G ≈ 1/z
 * ({@code theory/branch-selection.md}). Every point carries a certificate; uncertified points
 * are flagged (or throw from the {@link SpectralLaw} methods), never guessed.
 *
 * <pre>{@code
 * QuarticLaw law = QuarticLaw.of(new ModelParams(eta, zeta, 0.5, 2.0));
 * List<StieltjesPoint> curve = law.densityGrid(0, 2, 1000);   // certified density curve
 * List<Interval> support = law.support();
 * }</pre>
 *
 * <p>Regimes: double precision first; a point double cannot certify (next to an edge, δ ≲ 1e-16)
 * is continued in apfloat at 40 then 80 digits from the last certified double node;
 * {@link #withDigits(int)} > 16 computes every apfloat result at that precision.
 * Instances are immutable and thread-safe.
 */
public final class QuarticLaw implements SpectralLaw {
    private static final int GL_NODES = 96;

    private final ModelParams params;
    private final Quartic quartic;
    private final int digits;
    private final double bound;
    private volatile List<Interval> supportCache;
    private volatile double[] massCache;

    private final boolean fromDoubles;

    private QuarticLaw(ModelParams params, Quartic quartic, int digits, boolean fromDoubles) {
        this.fromDoubles = fromDoubles;
        this.params = params;
        this.quartic = quartic;
        this.digits = digits;
        double eta = params.eta(), zeta = params.zeta(), phi = params.phi(), psi = params.psi();
        double gamma = params.gamma();
        // spectral-norm bound of the Gaussian-equivalent model, doubled (theory/branch-selection.md §3)
        double norm = Math.sqrt(zeta) * (1 + 1 / Math.sqrt(psi)) * (1 + Math.sqrt(phi))
                + Math.sqrt(eta - zeta) * (1 + Math.sqrt(gamma));
        this.bound = 2 * norm * norm;
    }

    /** The law in double precision. */
    public static QuarticLaw of(ModelParams p) {
        return new QuarticLaw(p, Quartic.of(p), 16, true);
    }

    /** The law from high-precision parameters (e.g. 50-digit η, ζ), at {@code digits} digits. */
    public static QuarticLaw of(Apfloat eta, Apfloat zeta, Apfloat phi, Apfloat psi, int digits) {
        ModelParams p = new ModelParams(
                eta.doubleValue(),
                Math.min(zeta.doubleValue(), eta.doubleValue()),
                phi.doubleValue(),
                psi.doubleValue());
        return new QuarticLaw(p, Quartic.of(eta, zeta, phi, psi, Math.max(digits, 20) + 20L), digits, false);
    }

    /** Same law, apfloat results at {@code digits} decimal digits (16 = double). */
    public QuarticLaw withDigits(int digits) {
        if (digits < 16 || digits > 10000) {
            throw new IllegalArgumentException("digits must be in [16, 10000], got " + digits);
        }
        // the coefficients must carry the requested digits; the double parameters are exact binary
        // values, so they can be re-expanded (apfloat parameters keep their own precision)
        Quartic q = quartic;
        if (fromDoubles && q.precision() < digits + 20L) q = Quartic.of(params, digits + 30L);
        return new QuarticLaw(params, q, digits, fromDoubles);
    }

    public ModelParams params() {
        return params;
    }

    public Quartic quartic() {
        return quartic;
    }

    public int digits() {
        return digits;
    }

    /** The a-priori bound B ⊇ support used to start the continuation. */
    public double supportBound() {
        return bound;
    }

    /**
     * The engine: with an atom it tracks H = zG (G has a pole at 0, H does not); without one it
     * tracks G (H = zG then has a double root at z = 0, G is regular or has an integrable
     * hard-edge singularity there).
     */
    BranchTracker tracker() {
        return new BranchTracker(quartic, bound, atomMass() > 0);
    }

    // ---------------------------------------------------------------- G at points

    /** G(z) with its certificate; Im z < 0 by G(z̄) = conj G(z). Never throws for hard points. */
    public StieltjesPoint stieltjesPoint(Complex z) {
        requireFinite(z);
        if (z.getImaginary() < 0) {
            StieltjesPoint p = stieltjesPoint(z.conjugate());
            return new StieltjesPoint(
                    z, p.g().conjugate(), p.certified(), p.certificateMargin(), p.digitsUsed(), p.separation());
        }
        BranchTracker t =
                z.getReal() == 0 && z.getImaginary() == 0 ? new BranchTracker(quartic, bound, false) : tracker();
        return finish(t, z.getReal(), z.getImaginary(), t.descend(z.getReal(), z.getImaginary()));
    }

    @Override
    public Complex stieltjes(Complex z) {
        StieltjesPoint p = stieltjesPoint(z);
        if (!p.certified()) throw new UncertifiedPointException("branch of G not certified at z = " + z);
        return p.g();
    }

    private StieltjesPoint finish(BranchTracker t, double x, double y, boolean ok) {
        Complex z = new Complex(x, y);
        if (ok && (!t.scaled || x != 0 || y != 0)) {
            double sc = t.gScale();
            double sepH = t.separation();
            double gi = t.gIm();
            if (y == 0 && Math.abs(t.gi) + t.radius < sepH * 0.5) {
                // A real polynomial: the root's conjugate lies in the same one-root disk, so the root is real.
                gi = 0;
            } else if (y == 0 && gi > 0) {
                ok = false;
            }
            if (ok) return new StieltjesPoint(z, new Complex(t.gRe(), gi), true, sepH / t.radius, 16, sepH * sc);
        }
        return apfloatFallback(t, z);
    }

    /** Continues in apfloat from the last certified double node (40, then 80 digits). */
    private StieltjesPoint apfloatFallback(BranchTracker t, Complex z) {
        for (long prec : new long[] {40, 80}) {
            ApStieltjesPoint ap = continueAp(t, exact(z), prec);
            if (ap != null && ap.certified()) {
                double gr = ap.g().real().doubleValue(), gi = ap.g().imag().doubleValue();
                if (z.getImaginary() == 0 && Math.abs(gi) + ap.radius() < 0.5 * ap.separation()) gi = 0;
                return new StieltjesPoint(
                        z, new Complex(gr, gi), true, ap.separation() / ap.radius(), (int) prec, ap.separation());
            }
        }
        return StieltjesPoint.uncertified(z);
    }

    private ApStieltjesPoint continueAp(BranchTracker t, Apcomplex target, long prec) {
        if (target.real().signum() == 0 && target.imag().signum() == 0) return null; // the pole at an atom
        // continue in the tracker's own variable (H = zG when there is an atom)
        boolean scaled = t.scaled;
        ApBranchTracker a = new ApBranchTracker(quartic, prec, scaled);
        boolean ok;
        if (t.radius == 0 || (t.zr == 0 && t.zi == 0)) {
            ok = !scaled
                    && a.start(new Apcomplex(target.real(), new Apfloat(Math.max(8 * bound, 1) * 1.5, prec)), bound);
        } else {
            double sep = t.currentSeparation();
            ok = !Double.isNaN(sep)
                    && a.handoff(
                            new Apcomplex(exact(t.zr), exact(t.zi)),
                            new Apcomplex(exact(t.gr), exact(t.gi)),
                            0.5 * sep);
        }
        if (!ok || !a.moveTo(target)) return null;
        if (!scaled) return new ApStieltjesPoint(a.z, a.g, true, a.radius, (int) prec, a.separation());
        double zAbs = ApcomplexMath.abs(a.z).doubleValue();
        return new ApStieltjesPoint(a.z, a.g.divide(a.z), true, a.radius / zAbs, (int) prec, a.separation() / zAbs);
    }

    /**
     * G(z) at the law's precision ({@link #digits()}, at least 20): double continuation to the
     * target (or as close as double certifies), then apfloat continuation and refinement.
     */
    public ApStieltjesPoint stieltjesAp(Apcomplex z) {
        long prec = Math.max(digits, 20) + 10;
        boolean lower = z.imag().signum() < 0;
        Apcomplex zu = (lower ? z.conj() : z).precision(prec);
        double x = zu.real().doubleValue(), y = zu.imag().doubleValue();
        BranchTracker t = tracker();
        t.descend(x, y); // leaves the last certified node either way
        ApStieltjesPoint p = continueAp(t, zu, prec);
        if (p == null) return new ApStieltjesPoint(z, null, false, Double.NaN, (int) prec, 0);
        Apcomplex g = p.g();
        if (zu.imag().signum() == 0
                && g.imag().signum() != 0
                && Math.abs(g.imag().doubleValue()) + p.radius() < 0.5 * p.separation()) {
            g = g.real();
        }
        return new ApStieltjesPoint(z, lower ? g.conj() : g, true, p.radius(), (int) prec, p.separation());
    }

    /**
     * G(x + iy) on a grid of real parts at one height y ≥ 0, reusing each neighbour's root
     * (lateral continuation) and descending from above only where that fails.
     */
    public List<StieltjesPoint> stieltjesOnLine(double[] xs, double y) {
        if (!(y >= 0) || !Double.isFinite(y))
            throw new IllegalArgumentException("height must be finite and >= 0, got " + y);
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) throw new IllegalArgumentException("x must be finite, got " + xs[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        StieltjesPoint[] out = new StieltjesPoint[xs.length];
        BranchTracker t = tracker();
        boolean have = false;
        for (int idx : order) {
            double x = xs[idx];
            if (x == 0 && y == 0) {
                // H = zG has a double root at z = 0; G itself is regular there unless there is an atom
                BranchTracker g = new BranchTracker(quartic, bound, false);
                out[idx] = finish(g, 0, 0, g.descend(0, 0));
                continue;
            }
            boolean ok = false;
            if (have) {
                t.steps = 0;
                ok = t.lateral(x);
            }
            if (!ok) ok = t.descend(x, y);
            StieltjesPoint p = finish(t, x, y, ok);
            out[idx] = p;
            have = ok && p.digitsUsed() == 16;
        }
        return Arrays.asList(out);
    }

    /** G(x + i0) on an equispaced grid of {@code points} points in [from, to]. */
    public List<StieltjesPoint> densityGrid(double from, double to, int points) {
        return stieltjesOnLine(grid(from, to, points), 0);
    }

    static double[] grid(double from, double to, int points) {
        if (!(from <= to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("need finite from <= to, got [" + from + ", " + to + "]");
        }
        if (points < 1) throw new IllegalArgumentException("points must be >= 1, got " + points);
        double[] xs = new double[points];
        for (int i = 0; i < points; i++) xs[i] = points == 1 ? from : from + (to - from) * i / (points - 1);
        return xs;
    }

    @Override
    public double density(double x) {
        StieltjesPoint p = stieltjesOnLine(new double[] {x}, 0).get(0);
        if (!p.certified()) throw new UncertifiedPointException("density not certified at x = " + x);
        return p.density();
    }

    /** ρ at many points (any order); throws if any point is uncertified. */
    public double[] density(double[] xs) {
        List<StieltjesPoint> ps = stieltjesOnLine(xs, 0);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!ps.get(i).certified()) throw new UncertifiedPointException("density not certified at x = " + xs[i]);
            out[i] = ps.get(i).density();
        }
        return out;
    }

    // ---------------------------------------------------------------- negative axis

    /** G(−λ) and G′(−λ) for λ > 0, continued along the real axis from −∞. */
    public NegativeAxisPoint stieltjesNegativeAxis(double lambda) {
        return stieltjesNegativeAxis(new double[] {lambda}).get(0);
    }

    /** G(−λ), G′(−λ) for many λ > 0 (one sweep from −∞, largest λ first). */
    public List<NegativeAxisPoint> stieltjesNegativeAxis(double[] lambdas) {
        Integer[] order = new Integer[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            if (!(lambdas[i] > 0) || !Double.isFinite(lambdas[i])) {
                throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambdas[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambdas[b], lambdas[a]));
        NegativeAxisPoint[] out = new NegativeAxisPoint[lambdas.length];
        // H = zG is tracked: G has a pole at an atom, H does not, so steps towards 0 stay geometric
        BranchTracker t = new BranchTracker(quartic, bound, true);
        boolean ok = false;
        double startAt = -Math.max(t.startModulus(), 1e-300) * 1.5;
        for (int tries = 0; tries < 30 && !ok; tries++) {
            ok = t.start(Math.min(startAt, -lambdas[order[0]]), 0);
            startAt *= 4;
        }
        for (int idx : order) {
            double x = -lambdas[idx];
            if (ok && t.zr < x) ok = t.lateral(x, 1_000_000, 1e18);
            if (ok) {
                double sep = t.currentSeparation();
                double[] dh = t.derivative();
                // Real by induction: on the real axis the start root is real and every step's
                // one-root disk is centred on the (exactly real) previous root, so it holds the
                // conjugate of its root too; or directly, if the disk swallows the conjugate.
                boolean real = (t.gi == 0 && t.zi == 0) || Math.abs(t.gi) + t.radius < 0.5 * sep;
                double h = t.gr;
                // G = H/z, G′ = (z H′ − H)/z²
                out[idx] = new NegativeAxisPoint(
                        lambdas[idx],
                        h / x,
                        (x * dh[0] - h) / (x * x),
                        real,
                        t.radius / Math.abs(x),
                        sep / Math.abs(x));
                if (!real) ok = false;
            } else {
                out[idx] = negativeAxisAp(t, lambdas[idx]);
            }
        }
        return Arrays.asList(out);
    }

    /**
     * Where double cannot certify (the two roots that meet at the atom's z = 0 are too close for
     * double's rounding), continue from the last certified double node along the axis in
     * apfloat at 40, then 80 digits. Real by the same induction (real centre, real coefficients).
     */
    private NegativeAxisPoint negativeAxisAp(BranchTracker t, double lambda) {
        if (t.radius > 0 && t.zi == 0 && t.gi == 0 && t.scaled) {
            double sep = t.currentSeparation();
            for (long prec : new long[] {40, 80}) {
                ApBranchTracker a = new ApBranchTracker(quartic, prec, true); // H = zG, as the double sweep
                if (!Double.isNaN(sep)
                        && a.handoff(new Apcomplex(exact(t.zr)), new Apcomplex(exact(t.gr)), 0.5 * sep)
                        && a.moveTo(new Apcomplex(exact(-lambda)))
                        && a.g.imag().signum() == 0) {
                    double h = a.g.real().doubleValue(),
                            dh = a.derivative().real().doubleValue(),
                            x = -lambda;
                    return new NegativeAxisPoint(
                            lambda, h / x, (x * dh - h) / (x * x), true, a.radius / lambda, a.separation() / lambda);
                }
            }
        }
        return new NegativeAxisPoint(lambda, Double.NaN, Double.NaN, false, Double.NaN, 0);
    }

    // ---------------------------------------------------------------- atoms, support, CDF

    /** (1 − 1/γ)₊ when ζ < η; max(0, 1 − 1/γ, 1 − ψ) when ζ = η (theory/quartic.md §3). */
    public double atomMass() {
        double gamma = params.gamma();
        double m = Math.max(0, 1 - 1 / gamma);
        if (quartic.degree() == 3) m = Math.max(m, 1 - params.psi());
        return m;
    }

    @Override
    public List<Atom> atoms() {
        double m = atomMass();
        return m > 0 ? List.of(new Atom(0, m)) : List.of();
    }

    /**
     * Support edges at {@code digits} digits: real roots of the reduced discriminant in [0, B]
     * where the density switches between zero and positive (the physical sheet takes part).
     */
    public List<Apfloat> supportEdges(int digits) {
        if (digits < 1) throw new IllegalArgumentException("digits must be >= 1, got " + digits);
        if (fromDoubles && quartic.precision() < digits + 20L)
            return withDigits(Math.max(digits, 16)).supportEdges(digits);
        // candidates: Aberth roots of Q near the real axis, Newton-refined (fast); the test
        // DiscriminantTest checks them against the certified exact real roots of org.nrmt.roots
        long prec = 2L * digits + 40;
        Apfloat[] q = Discriminant.reduced(quartic, prec);
        List<Apfloat> cand = new ArrayList<>(Discriminant.realRoots(q, -1e-12 * bound, bound, digits + 5L));
        cand.removeIf(a -> a.signum() <= 0);
        cand.add(0, new Apfloat(0, digits + 5L));
        // dedupe candidates equal in double (an interval between them has no interior to test)
        List<Apfloat> c = new ArrayList<>();
        for (Apfloat a : cand) {
            double prev = c.isEmpty() ? 0 : c.get(c.size() - 1).doubleValue(), v = a.doubleValue();
            // intervals narrower than rounding of the bound carry no mass and cannot be probed
            if (c.isEmpty() || v > prev + 1e-13 * Math.max(prev, v) + 1e-15 * bound) c.add(a);
        }
        int k = c.size();
        boolean[] inside = new boolean[k]; // inside[i]: (c_i, c_{i+1}) has positive density; last → (c_k, ∞)
        for (int i = 0; i < k - 1; i++) {
            inside[i] = positiveBetween(c.get(i).doubleValue(), c.get(i + 1).doubleValue());
        }
        List<Apfloat> edges = new ArrayList<>();
        boolean prev = false;
        for (int i = 0; i < k; i++) {
            boolean cur = inside[i];
            if (cur != prev) edges.add(c.get(i).precision(digits));
            prev = cur;
        }
        return edges;
    }

    private boolean positiveBetween(double a, double b) {
        double[] probes = {0.5, 1.0 / 3, 2.0 / 3, 0.1, 0.9};
        for (double f : probes) {
            double x = a + (b - a) * f;
            StieltjesPoint p = stieltjesOnLine(new double[] {x}, 0).get(0);
            if (p.certified()) return p.g().getImaginary() < 0;
        }
        throw new UncertifiedPointException("cannot certify the density between candidate edges " + a + " and " + b);
    }

    @Override
    public List<Interval> support() {
        List<Interval> s = supportCache;
        if (s == null) {
            List<Apfloat> e = supportEdges(20);
            List<Interval> out = new ArrayList<>();
            for (int i = 0; i + 1 < e.size(); i += 2)
                out.add(new Interval(e.get(i).doubleValue(), e.get(i + 1).doubleValue()));
            s = List.copyOf(out);
            supportCache = s;
        }
        return s;
    }

    /** Mass of the continuous part on each support interval (substitution x = a + (b−a)(1−cos θ)/2). */
    public double[] intervalMasses() {
        double[] m = massCache;
        if (m == null) {
            List<Interval> s = support();
            m = new double[s.size()];
            for (int i = 0; i < m.length; i++)
                m[i] = integrate(s.get(i).lo(), s.get(i).hi());
            massCache = m;
        }
        return m.clone();
    }

    /** Continuous mass ∫ρ. */
    public double continuousMass() {
        double s = 0;
        for (double v : intervalMasses()) s += v;
        return s;
    }

    /**
     * ∫_a^b ρ with x = a + (b − a)(1 − cos θ)/2: a square-root edge becomes analytic in θ and an
     * x^(−1/2) hard edge bounded, so Gauss–Legendre in θ converges fast for both.
     */
    double integrate(double a, double b) {
        return integrateWeighted(a, b, x -> 1);
    }

    /**
     * ∫_a^b w(x) ρ(x) dx, split at the midpoint m; each half is mapped to s ∈ [0, 1] by
     * x = e ± |m − e| s^p from its end e, with p = 2 (a square-root edge or an x^(−1/2) hard edge
     * becomes analytic in s) or p = 6 at a hard edge at 0 (also x^(−2/3), as for ψ = γ = 1),
     * then Gauss–Legendre in s. Used for the CDF, the masses, moments and Stieltjes integrals.
     */
    public double integrateWeighted(double a, double b, java.util.function.DoubleUnaryOperator w) {
        if (b <= a) return 0;
        double m = 0.5 * (a + b);
        return half(a, m, a == 0 ? 6 : 2, w) + half(b, m, 2, w);
    }

    private double half(double e, double m, int p, java.util.function.DoubleUnaryOperator w) {
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(GL_NODES, 0, 1);
        int n = gl.getNumberOfPoints();
        double len = m - e; // signed
        double[] xs = new double[n], jac = new double[n];
        for (int i = 0; i < n; i++) {
            double sv = gl.getPoint(i);
            double sp = Math.pow(sv, p - 1);
            xs[i] = e + len * sp * sv;
            jac[i] = Math.abs(len) * p * sp;
        }
        double[] rho = density(xs);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += gl.getWeight(i) * rho[i] * jac[i] * w.applyAsDouble(xs[i]);
        return sum;
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("x must not be NaN, got " + x);
        double f = 0;
        for (Atom a : atoms()) if (a.location() <= x) f += a.mass();
        List<Interval> s = support();
        double[] mass = intervalMasses();
        for (int i = 0; i < s.size(); i++) {
            Interval iv = s.get(i);
            if (x >= iv.hi()) f += mass[i];
            else if (x > iv.lo()) {
                f += x <= (iv.lo() + iv.hi()) / 2 ? integrate(iv.lo(), x) : mass[i] - integrate(x, iv.hi());
            }
        }
        return f;
    }

    // ---------------------------------------------------------------- moments

    @Override
    public double moment(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        return Moments.of(quartic, k, 30)[k].doubleValue();
    }

    /** m_1 … m_K (atoms included) at the law's precision. */
    public Apfloat[] moments(int kMax) {
        if (kMax < 1) throw new IllegalArgumentException("k must be >= 1, got " + kMax);
        Apfloat[] m = Moments.of(quartic, kMax, Math.max(digits, 20));
        return Arrays.copyOfRange(m, 1, kMax + 1);
    }

    /** The exact value of a double as an apfloat (every double is a finite decimal). */
    public static Apfloat exact(double x) {
        return new Apfloat(new java.math.BigDecimal(x));
    }

    /** The exact value of a double complex as an apcomplex. */
    public static Apcomplex exact(Complex z) {
        return new Apcomplex(exact(z.getReal()), exact(z.getImaginary()));
    }

    private static void requireFinite(Complex z) {
        if (z == null || z.isNaN() || z.isInfinite()) throw new IllegalArgumentException("z must be finite, got " + z);
    }
}
