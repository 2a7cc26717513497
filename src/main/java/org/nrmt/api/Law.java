package org.nrmt.api;

import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.model.Decimals;
import org.nrmt.model.LimitLaws;
import org.nrmt.model.Model;
import org.nrmt.spectrum.ApStieltjesPoint;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.StieltjesPoint;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The limit law of a model at φ, ψ (from {@link LimitLaws}), evaluated on arrays: G, ρ, the CDF,
 * the support, atoms and moments, the same numbers the CLI's {@code stieltjes}, {@code density},
 * {@code support} and {@code moments} print. Up to 16 digits the answers are doubles, NaN where a
 * point is not certified (a certified value is never NaN); above 16 digits (bias-free laws only)
 * decimal strings at the digits asked, null where not certified.
 */
public final class Law {

    private final Model model;
    private final BigDecimal phi;
    private final BigDecimal psi;
    private final int digits;
    private final ModelParams params;
    private final SpectralLaw law;
    private final QuarticLaw precise;
    private volatile SpectralLaw momentLaw;

    Law(Model model, BigDecimal phi, BigDecimal psi, int digits) {
        Inputs.requireDigits(digits);
        if (model.biased() && digits > 16) {
            throw new IllegalArgumentException(
                    "the bias laws are computed in double precision; digits must be at most 16, got " + digits);
        }
        this.model = model;
        this.phi = phi;
        this.psi = psi;
        this.digits = digits;
        this.params = LimitLaws.params(model, phi.doubleValue(), psi.doubleValue());
        this.law = model.biased()
                ? LimitLaws.law(model, phi.doubleValue(), psi.doubleValue())
                : LimitLaws.quarticLaw(model, phi, psi, 16);
        this.precise = digits > 16 ? LimitLaws.quarticLaw(model, phi, psi, digits) : null;
    }

    /** Significant digits of the answers (16: doubles). */
    public int digits() {
        return digits;
    }

    /** Whether a bias law (not the quartic law) answers. */
    public boolean biased() {
        return model.biased();
    }

    /** η of the activation (or as given), in double. */
    public double eta() {
        return params.eta();
    }

    /** ζ of the activation (or as given), in double. */
    public double zeta() {
        return params.zeta();
    }

    /** φ = n0/m, in double. */
    public double phi() {
        return params.phi();
    }

    /** ψ = n0/n1, in double. */
    public double psi() {
        return params.psi();
    }

    /**
     * G(z) at z = re[i] + i im[i] on the physical branch: real parts then imaginary parts (length
     * 2n), NaN where not certified. Points that share one height continue laterally along it.
     */
    public double[] stieltjes(double[] re, double[] im) {
        requirePoints(re, im);
        int n = re.length;
        double[] out = new double[2 * n];
        if (law instanceof QuarticLaw q && n > 1 && sameHeight(im)) {
            List<StieltjesPoint> pts = q.stieltjesOnLine(re, im[0]);
            for (int i = 0; i < n; i++) put(out, i, n, pts.get(i));
            return out;
        }
        for (int i = 0; i < n; i++) {
            Complex z = new Complex(re[i], im[i]);
            if (law instanceof QuarticLaw q) {
                put(out, i, n, q.stieltjesPoint(z));
                continue;
            }
            try {
                Complex g = law.stieltjes(z);
                out[i] = g.getReal();
                out[n + i] = g.getImaginary();
            } catch (UncertifiedPointException e) {
                out[i] = Double.NaN;
                out[n + i] = Double.NaN;
            }
        }
        return out;
    }

    private static void put(double[] out, int i, int n, StieltjesPoint p) {
        out[i] = p.certified() ? p.g().getReal() : Double.NaN;
        out[n + i] = p.certified() ? p.g().getImaginary() + 0.0 : Double.NaN;
    }

    private static boolean sameHeight(double[] im) {
        for (double y : im) if (y != im[0]) return false;
        return im[0] >= 0;
    }

    /** G(z) at the law's digits as decimal strings: real parts then imaginary parts, null if uncertified. */
    public String[] stieltjesDecimal(double[] re, double[] im) {
        requirePoints(re, im);
        QuarticLaw q = requirePrecise();
        int n = re.length;
        String[] out = new String[2 * n];
        for (int i = 0; i < n; i++) {
            ApStieltjesPoint ap = q.stieltjesAp(QuarticLaw.exact(new Complex(re[i], im[i])));
            if (ap.certified()) {
                out[i] = Decimals.plain(ap.g().real(), digits);
                out[n + i] = Decimals.plain(ap.g().imag(), digits);
            }
        }
        return out;
    }

    /** ρ(x) = −Im G(x + i0)/π of the continuous part, NaN where not certified. */
    public double[] density(double[] x) {
        Inputs.requireFinite("x", x);
        return LimitLaws.densities(law, x);
    }

    /** ρ(x) at the law's digits, null where not certified. */
    public String[] densityDecimal(double[] x) {
        Inputs.requireFinite("x", x);
        QuarticLaw q = requirePrecise();
        Apfloat pi = ApfloatMath.pi(digits + 10L);
        String[] out = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            ApStieltjesPoint ap = q.stieltjesAp(QuarticLaw.exact(new Complex(x[i], 0)));
            if (ap.certified()) out[i] = Decimals.plain(ap.g().imag().negate().divide(pi), digits);
        }
        return out;
    }

    /** P(λ ≤ x): continuous part plus the atoms at or below x; NaN where not certified. */
    public double[] cdf(double[] x) {
        Inputs.requireFinite("x", x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            try {
                out[i] = law.cdf(x[i]);
            } catch (UncertifiedPointException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** The support of the continuous part, edges lo₀, hi₀, lo₁, hi₁, … in double. */
    public double[] support() {
        if (law instanceof QuarticLaw q) {
            List<Apfloat> edges = q.supportEdges(16);
            double[] out = new double[edges.size()];
            for (int i = 0; i < out.length; i++) out[i] = edges.get(i).doubleValue();
            return out;
        }
        List<Interval> s = law.support();
        double[] out = new double[2 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            out[2 * i] = s.get(i).lo();
            out[2 * i + 1] = s.get(i).hi();
        }
        return out;
    }

    /** The support edges at the law's digits, as decimal strings. */
    public String[] supportDecimal() {
        List<Apfloat> edges = requirePrecise().supportEdges(digits);
        String[] out = new String[edges.size()];
        for (int i = 0; i < out.length; i++) out[i] = Decimals.plain(edges.get(i), digits);
        return out;
    }

    /** The atoms: location₀, mass₀, location₁, mass₁, … */
    public double[] atoms() {
        List<Atom> atoms = law.atoms();
        double[] out = new double[2 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            out[2 * i] = atoms.get(i).location();
            out[2 * i + 1] = atoms.get(i).mass();
        }
        return out;
    }

    /**
     * m₁ … m_k, atoms included: exact from the quartic's series at ∞ (k ≤ 10000); with a bias by
     * the contour rule of the Gauss–Hermite bias law (k ≤ 12).
     */
    public double[] moments(int k) {
        requireMoments(k);
        double[] out = new double[k];
        if (model.biased()) {
            SpectralLaw ml = momentLaw;
            if (ml == null) momentLaw = ml = LimitLaws.lawForMoments(model, phi(), psi());
            for (int j = 1; j <= k; j++) out[j - 1] = ml.moment(j);
            return out;
        }
        Apfloat[] m = ((QuarticLaw) law).withDigits(16).moments(k);
        for (int j = 0; j < k; j++) out[j] = m[j].doubleValue();
        return out;
    }

    /** m₁ … m_k at the law's digits, as decimal strings. */
    public String[] momentsDecimal(int k) {
        requireMoments(k);
        Apfloat[] m = requirePrecise().withDigits(digits).moments(k);
        String[] out = new String[k];
        for (int j = 0; j < k; j++) out[j] = Decimals.plain(m[j], digits);
        return out;
    }

    private void requireMoments(int k) {
        int max = model.biased() ? 12 : 10_000;
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("k must be between 1 and " + max
                    + (model.biased() ? " with a bias (contour moments)" : "") + ", got " + k);
        }
    }

    private QuarticLaw requirePrecise() {
        if (precise == null) {
            throw new IllegalStateException("decimal answers are for laws above 16 digits, got digits " + digits);
        }
        return precise;
    }

    private static void requirePoints(double[] re, double[] im) {
        if (re.length != im.length) {
            throw new IllegalArgumentException(
                    "real and imaginary parts must have one length, got " + re.length + " and " + im.length);
        }
        Inputs.requireFinite("z", re);
        Inputs.requireFinite("z", im);
    }
}
