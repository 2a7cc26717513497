package org.nrmt.constants;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.activation.Activation;
import org.nrmt.activation.NonSmoothPoint;
import org.nrmt.quadrature.DoubleQuadratureResult;
import org.nrmt.quadrature.DoubleTanhSinhRule;
import org.nrmt.quadrature.DoubleTrapezoidRule;
import org.nrmt.quadrature.DoubleVectorIntegrand;
import org.nrmt.quadrature.Fixed;
import org.nrmt.quadrature.GridIntegrand;
import org.nrmt.quadrature.QuadratureNotConvergedException;
import org.nrmt.quadrature.QuadratureResult;
import org.nrmt.quadrature.TanhSinhRule;
import org.nrmt.quadrature.TrapezoidRule;
import org.nrmt.quadrature.VectorIntegrand;

/**
 * Gaussian expectations of an activation, Z ~ N(0, 1) (theory/gaussian-constants.md):
 * \[ E\,g(sZ+b) = \frac{1}{\sqrt{2\pi}}\int_{-L}^{L} g(sz+b)\,e^{-z^2/2}\,dz + O(10^{-(D+3)}) \]
 * for g = f, f², z f and f·He_k, all from one pass of f-values at the nodes.
 *
 * <p>Regimes, in one place [F3]:
 * <ul>
 * <li>L is the smallest of L_0·1.05^j, L_0 = (2(D+3) ln 10)^{1/2}, where |f|²φ·(1+|z|)^{2K+2} is
 *   below 10^{−(D+3)}·min(1, its largest value on [−2L_0, 2L_0]) at ±L and still decaying at ±2L,
 *   L at least as far out as that largest value (so a small f whose bulk sits far out keeps it);
 *   if there is none, or f overflows or is
 *   NaN there, the activation is refused ({@link NonIntegrableActivationException}).</li>
 * <li>No non-smooth point of f(s·+b) in [−L, L]: the trapezoidal rule on a uniform grid, with f
 *   and the Gaussian weight evaluated by multiplicative recurrences ({@link GridEvaluator}).</li>
 * <li>Otherwise: tanh-sinh on every piece between breakpoints. SINGULAR points are accepted only
 *   when f²·|x − p| decreases towards p (a heuristic test of square-integrability).</li>
 * <li>{@link #computeDouble}: the same split in double precision (trapezoid or double tanh-sinh),
 *   microseconds per call, error ~1e-15 relative to E f².</li>
 * </ul>
 */
public final class GaussianConstantsEngine {
    private static final double LN10 = Math.log(10);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    static final int TAIL_GUARD = 3;
    static final int GUARD_DIGITS = 10;

    private GaussianConstantsEngine() {}

    /** Shift 0, no Hermite coefficients; s is taken as the exact decimal it prints as. */
    public static GaussianConstants compute(Activation f, double s, long digits) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and > 0, got " + s);
        }
        return compute(f, new Apfloat(Double.toString(s), Apfloat.INFINITE), Apfloat.ZERO, digits, 0);
    }

    /**
     * mean, η, ζ, E f², E[Z f] and c_0 … c_K of f(sZ + shift) to {@code digits} significant digits.
     *
     * @throws NonIntegrableActivationException if E f² is infinite or f overflows
     * @throws QuadratureNotConvergedException if the rules run out of levels (with the numbers)
     */
    public static GaussianConstants compute(Activation f, Apfloat s, Apfloat shift, long digits, int hermiteOrder) {
        if (s.signum() <= 0) {
            throw new IllegalArgumentException("s must be > 0, got " + s);
        }
        if (digits < 1 || digits > 20000) {
            throw new IllegalArgumentException("digits must be in [1, 20000], got " + digits);
        }
        if (hermiteOrder < 0 || hermiteOrder > 200) {
            throw new IllegalArgumentException("hermite order must be in [0, 200], got " + hermiteOrder);
        }
        double sd = s.doubleValue();
        double bd = shift.doubleValue();
        DoubleUnaryOperator fd = f.toDoubleFunction();
        double lz = truncation(fd, f.text(), sd, bd, digits, hermiteOrder);
        DoubleConstants rough = computeDouble(f, sd, bd);
        double second = rough.eta() + rough.mean() * rough.mean();
        double u = Math.sqrt(second);
        if (!(u > 0)) {
            u = 1;
        }
        double etaFloor = Math.max(rough.eta(), u * u * 1e-10);
        int dim = 3 + Math.max(0, hermiteOrder - 1);
        double absMean = Math.abs(rough.mean());
        double[] ref = new double[dim];
        // absolute floors of 1e-3·U for mean and E[Zf]: a zero mean (odd f) is found to U·10^-(D+5)
        ref[0] = Math.min(Math.max(absMean, u * 1e-3), etaFloor / (4 * absMean + 1e-300));
        ref[1] = etaFloor / 2;
        ref[2] = Math.max(Math.abs(rough.linear()), u * 1e-3) / 2;
        for (int i = 3; i < dim; i++) {
            ref[i] = u;
        }
        // digits lost between the size of the integrand's terms (U, U², U) and the accuracy asked
        int extra = (int) Math.ceil(
                Math.max(Math.log10(u / ref[0]), Math.max(Math.log10(u * u / ref[1]), Math.log10(u / ref[2]))));
        extra = Math.max(0, extra);
        long precision = digits + GUARD_DIGITS + Math.min(extra, 20);
        double[] log10Ref = new double[dim];
        double[] log10Tol = new double[dim];
        // No tolerance below a tenth of the truncated tails' absolute bound, which the reported error
        // carries anyway: otherwise an f far below 1 everywhere (exp(−(x + 20)²)) asks the sums for
        // 30 digits of 1e-70 and runs out of levels.
        double log10Floor = -(digits + TAIL_GUARD + 1) + Math.log10(Math.max(second, 1)) + LOG_SQRT_2PI / LN10;
        for (int i = 0; i < dim; i++) {
            // integrals are over e^{-z²/2} dz: 1/√(2π) is applied at the end
            log10Ref[i] = Math.log10(ref[i]) + LOG_SQRT_2PI / LN10;
            log10Tol[i] = Math.max(log10Ref[i] - (digits + 2), log10Floor);
        }

        Apfloat sP = s.precision(precision);
        Apfloat shiftP = shift.precision(precision);
        List<Apfloat> breaks = breakpoints(f, fd, sP, shiftP, sd, bd, lz, precision);
        Apfloat lzA = new Apfloat(lz, precision);
        Apfloat[] sum = new Apfloat[dim];
        Apfloat[] err = new Apfloat[dim];
        int nodes = 0;
        if (breaks.isEmpty()) {
            GridIntegrand g = new GaussianGrid(f, sP, shiftP, dim, precision);
            int n0 = (int) Math.ceil(2 * lz / 0.5);
            QuadratureResult r =
                    TrapezoidRule.withDefaults().integrate(g, lzA.negate(), lzA, n0, precision, log10Tol, log10Ref);
            check(r, f, digits);
            nodes = r.evaluations();
            for (int i = 0; i < dim; i++) {
                sum[i] = r.values().get(i);
                err[i] = r.errors().get(i);
            }
        } else {
            List<Apfloat> ends = new ArrayList<>();
            ends.add(lzA.negate());
            ends.addAll(breaks);
            ends.add(lzA);
            double split = Math.log10(ends.size() - 1);
            double[] tol = new double[dim];
            for (int i = 0; i < dim; i++) {
                tol[i] = log10Tol[i] - split;
                sum[i] = Apfloat.ZERO;
                err[i] = Apfloat.ZERO;
            }
            VectorIntegrand g = new GaussianPoint(f, sP, shiftP, dim, precision);
            for (int p = 0; p + 1 < ends.size(); p++) {
                QuadratureResult r =
                        TanhSinhRule.withDefaults().integrate(g, ends.get(p), ends.get(p + 1), precision, tol, false);
                check(r, f, digits);
                nodes += r.evaluations();
                for (int i = 0; i < dim; i++) {
                    sum[i] = sum[i].add(r.values().get(i));
                    err[i] = err[i].add(r.errors().get(i));
                }
            }
        }
        Apfloat inv = ApfloatMath.sqrt(ApfloatMath.pi(precision).multiply(new Apfloat(2, precision)));
        Apfloat tail = pow10(-(digits + TAIL_GUARD) + Math.log10(Math.max(second, 1)));
        for (int i = 0; i < dim; i++) {
            sum[i] = sum[i].divide(inv);
            err[i] = err[i].divide(inv).add(tail);
        }
        Apfloat mean = sum[0];
        Apfloat secondMoment = sum[1];
        Apfloat linear = sum[2];
        Apfloat eta = secondMoment.subtract(mean.multiply(mean));
        Apfloat zeta = linear.multiply(linear);
        Apfloat errMean = err[0];
        Apfloat errEta = err[1].add(ApfloatMath.abs(mean).multiply(err[0]).multiply(new Apfloat(2)));
        Apfloat errZeta = ApfloatMath.abs(linear)
                .multiply(err[2])
                .multiply(new Apfloat(2))
                .add(err[2].multiply(err[2]));
        List<Apfloat> hermite = new ArrayList<>();
        if (hermiteOrder > 0) {
            hermite.add(round(mean, err[0], digits));
            hermite.add(round(linear, err[2], digits));
            Apfloat fact = new Apfloat(1, precision);
            for (int k = 2; k <= hermiteOrder; k++) {
                fact = fact.multiply(new Apfloat(k, precision));
                hermite.add(round(sum[k + 1].divide(fact), err[k + 1].divide(fact), digits));
            }
        }
        Apfloat error = max(max(errMean, errEta), errZeta);
        // rounding to `digits` digits is part of the reported numbers' error
        Apfloat big = max(max(ApfloatMath.abs(mean), ApfloatMath.abs(eta)), ApfloatMath.abs(zeta));
        error = error.add(big.multiply(pow10(1 - digits)).divide(new Apfloat(2)));
        return new GaussianConstants(
                f.text(),
                s,
                shift,
                digits,
                round(mean, errMean, digits),
                round(eta, errEta, digits),
                round(zeta, errZeta, digits),
                round(secondMoment, err[1], digits),
                round(linear, err[2], digits),
                hermite,
                ApfloatMath.roundToPrecision(error, 3, RoundingMode.UP),
                nodes);
    }

    private static void check(QuadratureResult r, Activation f, long digits) {
        if (!r.converged()) {
            throw new QuadratureNotConvergedException("Gaussian integrals of " + f.text() + " at " + digits
                    + " digits did not converge: error estimate "
                    + ApfloatMath.roundToPrecision(r.error(), 3, RoundingMode.UP)
                            .toString(false) + " after "
                    + r.levels() + " levels and " + r.evaluations() + " evaluations");
        }
    }

    private static Apfloat max(Apfloat a, Apfloat b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Apfloat pow10(double log10) {
        long ip = (long) Math.floor(log10);
        return ApfloatMath.scale(new Apfloat(Math.pow(10, log10 - ip), 17), ip);
    }

    /** The value to `digits` digits; a value not larger than its error is reported as 0. */
    private static Apfloat round(Apfloat v, Apfloat err, long digits) {
        if (ApfloatMath.abs(v).compareTo(err) <= 0) {
            return Apfloat.ZERO;
        }
        return ApfloatMath.roundToPrecision(v, digits, RoundingMode.HALF_EVEN);
    }

    /**
     * Breakpoints in z ∈ (−L, L): z = (x − shift)/s for the non-smooth points x of f.
     * Refuses SINGULAR points where f² is not integrable.
     */
    private static List<Apfloat> breakpoints(
            Activation f,
            DoubleUnaryOperator fd,
            Apfloat s,
            Apfloat shift,
            double sd,
            double bd,
            double lz,
            long precision) {
        List<NonSmoothPoint> pts = f.nonSmoothPoints(bd - sd * lz, bd + sd * lz, precision);
        List<Apfloat> z = new ArrayList<>();
        Apfloat lo = new Apfloat(-lz, precision);
        Apfloat hi = new Apfloat(lz, precision);
        for (NonSmoothPoint p : pts) {
            if (p.kind() == NonSmoothPoint.Kind.SINGULAR) {
                requireSquareIntegrable(fd, f.text(), p.x().doubleValue());
            }
            Apfloat zp = p.x().precision(precision).subtract(shift).divide(s);
            if (zp.compareTo(lo) > 0
                    && zp.compareTo(hi) < 0
                    && (z.isEmpty() || zp.compareTo(z.get(z.size() - 1)) > 0)) {
                z.add(zp);
            }
        }
        return z;
    }

    /**
     * Heuristic: f² is integrable near p when f(p ± ε)²·ε decreases as ε → 0 (it is constant for
     * |x|^{−1/2}, grows for 1/x, falls for log|x|).
     */
    static void requireSquareIntegrable(DoubleUnaryOperator f, String text, double p) {
        double scale = Math.max(1, Math.abs(p));
        for (int side = -1; side <= 1; side += 2) {
            double e1 = 1e-4 * scale;
            double e2 = 1e-8 * scale;
            double f1 = f.applyAsDouble(p + side * e1);
            double f2 = f.applyAsDouble(p + side * e2);
            if (Double.isNaN(f1) || Double.isNaN(f2)) {
                continue; // outside the domain on this side: the NaN scan of the tail check reports it
            }
            double g1 = f1 * f1 * e1;
            double g2 = f2 * f2 * e2;
            if (!Double.isFinite(g2) || (g2 > 0.5 * g1 && g2 > 1e-12)) {
                throw new NonIntegrableActivationException(
                        text,
                        "f² is not integrable at its singular point x = " + p + " (f² |x − p| = " + g1 + " at distance "
                                + e1 + ", " + g2 + " at " + e2 + ")");
            }
        }
    }

    /**
     * The truncation half-width L (in z). See the class comment; throws for non-integrable f.
     */
    static double truncation(DoubleUnaryOperator f, String text, double s, double shift, long digits, int order) {
        double l0 = Math.sqrt(2 * (digits + TAIL_GUARD) * LN10);
        // Relative to the integrand's own size when that is below 1, and never inside its peak: a small
        // f whose bulk sits far out (exp(−(x + 20)²), gelu far left) otherwise gets an L that cuts the
        // bulk off, or one inside it where the sums converge only like h².
        double[] peak = logPeak(f, text, s, shift, 2 * l0, order);
        double target = -(digits + TAIL_GUARD) * LN10 + Math.min(0, peak[0]);
        String worst = "";
        for (double l = Math.max(l0, Math.abs(peak[1])); l <= 4 * l0; l *= 1.05) {
            boolean ok = true;
            for (int side = -1; side <= 1 && ok; side += 2) {
                double g1 = logTail(f, text, s, shift, side * l, order);
                double g2 = logTail(f, text, s, shift, side * 2 * l, order);
                if (!(g1 <= target && g2 <= g1 + 1e-9)) {
                    ok = false;
                    worst = "log10(f²φ) = " + String.format("%.4g", Math.max(g1, g2) / LN10) + " at z = "
                            + String.format("%.4g", side * (g2 > g1 ? 2 * l : l)) + ", s = " + s;
                }
            }
            if (ok) {
                scanFinite(f, text, s, shift, l);
                return l;
            }
        }
        throw new NonIntegrableActivationException(
                text, "|f|²φ does not decay below 10^-" + (digits + TAIL_GUARD) + " (" + worst + ")");
    }

    /**
     * The largest log(|f|²φ·(1+|z|)^{2K+2}) on 801 points of [−l, l] and where it is: {log, z}
     * ({−∞, 0} where f vanishes on all of them).
     */
    private static double[] logPeak(DoubleUnaryOperator f, String text, double s, double shift, double l, int order) {
        double[] peak = {Double.NEGATIVE_INFINITY, 0};
        for (int k = 0; k <= 800; k++) {
            double z = -l + k * l / 400;
            double v = logTail(f, text, s, shift, z, order);
            if (v > peak[0]) {
                peak[0] = v;
                peak[1] = z;
            }
        }
        return peak;
    }

    private static double logTail(DoubleUnaryOperator f, String text, double s, double shift, double z, int order) {
        double x = s * z + shift;
        double v = f.applyAsDouble(x);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("activation is undefined at x = " + x + ", got NaN for " + text);
        }
        if (Double.isInfinite(v)) {
            throw new NonIntegrableActivationException(text, "f overflows at x = " + x);
        }
        double lf = v == 0 ? Double.NEGATIVE_INFINITY : Math.log(Math.abs(v));
        return 2 * lf - z * z / 2 - LOG_SQRT_2PI + 2 * (order + 1) * Math.log(Math.max(1, Math.abs(z)));
    }

    /** f must be finite on [−L, L] away from its singular points (grid offset so it misses them). */
    private static void scanFinite(DoubleUnaryOperator f, String text, double s, double shift, double l) {
        int n = 256;
        for (int k = 0; k < n; k++) {
            double z = -l + (k + 0.4142135623730951) * 2 * l / n;
            double x = s * z + shift;
            double v = f.applyAsDouble(x);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("activation is undefined at x = " + x + ", got NaN for " + text);
            }
            if (Double.isInfinite(v)) {
                throw new NonIntegrableActivationException(text, "f overflows at x = " + x);
            }
        }
    }

    /**
     * Double-precision mean, η, ζ of f(sZ + shift): microseconds. Same split as {@link #compute}.
     */
    public static DoubleConstants computeDouble(Activation f, double s, double shift) {
        if (!(s > 0) || !Double.isFinite(s) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException(
                    "s must be finite and > 0 and shift finite, got s = " + s + ", shift = " + shift);
        }
        DoubleUnaryOperator fd = f.toDoubleFunction();
        double lz = truncation(fd, f.text(), s, shift, 16, 0);
        List<NonSmoothPoint> pts = f.nonSmoothPoints(shift - s * lz, shift + s * lz, 17);
        DoubleVectorIntegrand g = new DoubleVectorIntegrand() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void at(double z, double[] out) {
                double v = fd.applyAsDouble(s * z + shift);
                double wv = Math.exp(-0.5 * z * z) * v;
                out[0] = wv;
                out[1] = wv * v;
                out[2] = wv * z;
            }
        };
        double[] sum = new double[3];
        double[] err = new double[3];
        int pieces = 1;
        if (pts.isEmpty()) {
            DoubleQuadratureResult r = DoubleTrapezoidRule.withDefaults()
                    .integrate(g, -lz, lz, (int) Math.ceil(2 * lz / 0.5), 1e-300, 1e-14);
            requireConverged(r, f);
            System.arraycopy(r.values(), 0, sum, 0, 3);
            System.arraycopy(r.errors(), 0, err, 0, 3);
        } else {
            double a = -lz;
            List<Double> ends = new ArrayList<>();
            for (NonSmoothPoint p : pts) {
                if (p.kind() == NonSmoothPoint.Kind.SINGULAR) {
                    requireSquareIntegrable(fd, f.text(), p.x().doubleValue());
                }
                double z = (p.x().doubleValue() - shift) / s;
                if (z > a && z < lz) {
                    ends.add(z);
                    a = z;
                }
            }
            ends.add(lz);
            pieces = ends.size();
            a = -lz;
            for (double b : ends) {
                DoubleQuadratureResult r = DoubleTanhSinhRule.withDefaults().integrate(g, a, b, 1e-300, 1e-14);
                requireConverged(r, f);
                for (int i = 0; i < 3; i++) {
                    sum[i] += r.values()[i];
                    err[i] += r.errors()[i];
                }
                a = b;
            }
        }
        double c = 1 / Math.sqrt(2 * Math.PI);
        double mean = sum[0] * c;
        double second = sum[1] * c;
        double linear = sum[2] * c;
        double eta = second - mean * mean;
        double error =
                c * Math.max(err[0], Math.max(err[1] + 2 * Math.abs(mean) * err[0], 2 * Math.abs(linear) * err[2]))
                        // rounding: every piece's sum carries a few ulps of E f² and mean², and
                        // E f² − mean² cancels (seen: 2e-15 was too small for relu(x + 1))
                        + 8 * Math.ulp(1.0) * (second + mean * mean) * (1 + pieces);
        return new DoubleConstants(mean, eta, linear * linear, linear, error);
    }

    private static void requireConverged(DoubleQuadratureResult r, Activation f) {
        if (!r.converged()) {
            throw new QuadratureNotConvergedException("double Gaussian integrals of " + f.text()
                    + " did not converge: error estimate " + r.error() + " after " + r.levels() + " levels and "
                    + r.evaluations() + " evaluations");
        }
    }

    /** Fixed-point grid sums of w·f, w·f², w·z·f, w·f·He_k, w = e^{−z²/2} (recurrences: §5). */
    private static final class GaussianGrid implements GridIntegrand {
        private final Activation f;
        private final Apfloat s;
        private final Apfloat shift;
        private final int dim;
        private final long precision;

        GaussianGrid(Activation f, Apfloat s, Apfloat shift, int dim, long precision) {
            this.f = f;
            this.s = s;
            this.shift = shift;
            this.dim = dim;
            this.precision = precision;
        }

        @Override
        public int dimension() {
            return dim;
        }

        @Override
        public Apfloat[] sums(Apfloat first, Apfloat step, int count, long prec) {
            // guard bits for the |k − k*|·2^−b growth of the recurrences (k < 2^24); one b for all
            // levels so the conversion caches hit
            int b = Fixed.bitsFor(precision) + 64;
            GridEvaluator ev = new GridEvaluator(f.expr(), precision, b);
            BigInteger[] fv = ev.values(s.multiply(first).add(shift), s.multiply(step), count);
            // w is held with extra bits when f is large, so w·f² keeps b bits (e.g. exp(0.09 z²))
            int fBits = 0;
            for (BigInteger v : fv) {
                fBits = Math.max(fBits, v.bitLength() - b);
            }
            int bw = b + 2 * ((fBits + 7) / 8) * 8 + 8;
            BigInteger z0w = Fixed.ofApfloat(first, bw);
            BigInteger hw = Fixed.ofApfloat(step, bw);
            BigInteger z0 = z0w.shiftRight(bw - b);
            BigInteger h = hw.shiftRight(bw - b);
            double k0 = -first.doubleValue() / step.doubleValue();
            int anchor = (int) Math.max(0, Math.min(count - 1, Math.round(k0)));
            BigInteger za = z0w.add(hw.multiply(BigInteger.valueOf(anchor)));
            BigInteger[] w = new BigInteger[count];
            w[anchor] = Fixed.exp(Fixed.mul(za, za, bw).shiftRight(1).negate(), bw);
            BigInteger h2half = Fixed.mul(hw, hw, bw).shiftRight(1);
            BigInteger rr = Fixed.exp(h2half.shiftLeft(1).negate(), bw); // e^{-h²}
            BigInteger zh = Fixed.mul(za, hw, bw);
            BigInteger q = Fixed.exp(zh.negate().subtract(h2half), bw); // e^{-z h - h²/2}
            for (int k = anchor + 1; k < count; k++) {
                w[k] = Fixed.mul(w[k - 1], q, bw);
                q = Fixed.mul(q, rr, bw);
            }
            BigInteger p = Fixed.exp(zh.subtract(h2half), bw); // e^{z h - h²/2}
            for (int k = anchor - 1; k >= 0; k--) {
                w[k] = Fixed.mul(w[k + 1], p, bw);
                p = Fixed.mul(p, rr, bw);
            }
            BigInteger[] acc = new BigInteger[dim];
            java.util.Arrays.fill(acc, BigInteger.ZERO);
            BigInteger one = Fixed.one(b);
            BigInteger z = z0;
            for (int k = 0; k < count; k++) {
                BigInteger wf = Fixed.mul(w[k], fv[k], bw);
                acc[0] = acc[0].add(wf);
                acc[1] = acc[1].add(Fixed.mul(wf, fv[k], b));
                acc[2] = acc[2].add(Fixed.mul(wf, z, b));
                if (dim > 3) {
                    BigInteger hm = one;
                    BigInteger hk = z;
                    for (int j = 2; j <= dim - 2; j++) {
                        BigInteger next = Fixed.mul(z, hk, b).subtract(hm.multiply(BigInteger.valueOf(j - 1)));
                        hm = hk;
                        hk = next;
                        acc[j + 1] = acc[j + 1].add(Fixed.mul(wf, hk, b));
                    }
                }
                z = z.add(h);
            }
            Apfloat[] out = new Apfloat[dim];
            for (int i = 0; i < dim; i++) {
                out[i] = Fixed.toApfloat(acc[i], b, prec);
            }
            return out;
        }
    }

    /** Node-by-node integrand for tanh-sinh pieces: f by apfloat, the weight by fixed-point exp. */
    private static final class GaussianPoint implements VectorIntegrand {
        private final Activation f;
        private final Apfloat s;
        private final Apfloat shift;
        private final int dim;
        private final long precision;
        private final int b;

        GaussianPoint(Activation f, Apfloat s, Apfloat shift, int dim, long precision) {
            this.f = f;
            this.s = s;
            this.shift = shift;
            this.dim = dim;
            this.precision = precision;
            this.b = Fixed.bitsFor(precision) + 16;
        }

        @Override
        public int dimension() {
            return dim;
        }

        @Override
        public Apfloat[] at(Apfloat z) {
            Apfloat v = f.value(s.multiply(z).add(shift), precision);
            // relative precision for the weight: e^{-z²/2} carried with z²/2·log2(e) extra bits
            double zd = z.doubleValue();
            int bw = b + ((int) Math.ceil(zd * zd * 0.7213475204444817) / 64 + 1) * 64;
            BigInteger zf = Fixed.ofApfloat(z, bw);
            Apfloat w = Fixed.toApfloat(
                    Fixed.exp(Fixed.mul(zf, zf, bw).shiftRight(1).negate(), bw), bw, precision);
            Apfloat wf = w.multiply(v);
            Apfloat[] out = new Apfloat[dim];
            out[0] = wf;
            out[1] = wf.multiply(v);
            out[2] = wf.multiply(z);
            if (dim > 3) {
                Apfloat hm = Apfloat.ONE;
                Apfloat hk = z;
                for (int j = 2; j <= dim - 2; j++) {
                    Apfloat next = z.multiply(hk).subtract(hm.multiply(new Apfloat(j - 1)));
                    hm = hk;
                    hk = next;
                    out[j + 1] = wf.multiply(hk);
                }
            }
            return out;
        }
    }
}
