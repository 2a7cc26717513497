package org.nrmt.generalization;

import java.util.function.DoubleUnaryOperator;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.spectrum.ModelParams;

/**
 * The entry point with plain arguments (for the CLI and the Python API): the limiting test and
 * training error of random-feature ridge regression for an activation (through its Gaussian mean,
 * η and ζ at s = σw σx) or for given η, ζ, with the teacher y = √F xᵀβ/√n0 + ε, x ~ N(0, σx²),
 * ε ~ N(0, τ²) (theory/generalization.md).
 *
 * <p>{@code error} bounds |printed − exact| for the inputs given: the certified part of
 * {@link RidgeRisk} (rigorous for the doubles the inputs were rounded to) plus twice the
 * first-order effect of that rounding and of the constants engine's error on η and ζ (§5 of the
 * note says what is proven and what is first order).
 */
public final class Generalization {

    private Generalization() {}

    /**
     * The limit on a grid of λ.
     *
     * @param activation the activation's expression, or null when η and ζ are given
     * @param mean       E f(sZ), subtracted from the features (reported; the limit does not depend on it)
     * @param eta        η
     * @param zeta       ζ
     * @param signal     F, the teacher's signal strength (its output has variance F σx²)
     * @param noise      τ², the label noise variance (training and test labels)
     * @param lambda     the ridge parameters λ &gt; 0
     * @param eTest      E_test(λ), test noise included
     * @param eTrain     E_train(λ)
     * @param bias       the noiseless-teacher part of E_test − τ²
     * @param variance   the training-noise part of E_test − τ²
     * @param error      bound on |printed − exact| of eTest, eTrain, bias and variance
     * @param certified  whether the point is certified (else its numbers are NaN)
     */
    public record Result(
            String activation,
            double mean,
            double eta,
            double zeta,
            double phi,
            double psi,
            double signal,
            double noise,
            double sigmaW,
            double sigmaX,
            double[] lambda,
            double[] eTest,
            double[] eTrain,
            double[] bias,
            double[] variance,
            double[] error,
            boolean[] certified) {

        /** Whether every point is certified. */
        public boolean allCertified() {
            for (boolean b : certified) if (!b) return false;
            return true;
        }
    }

    /**
     * One call for both forms: {@code activation} non-null, or η and ζ (and optionally the mean,
     * default 0) non-null. σw enters only through s = σw σx of the activation's constants.
     */
    public static Result compute(
            String activation,
            Double eta,
            Double zeta,
            Double mean,
            double phi,
            double psi,
            double[] lambdas,
            double signal,
            double noise,
            double sigmaW,
            double sigmaX) {
        if (activation != null) {
            if (eta != null || zeta != null) {
                throw new IllegalArgumentException(
                        "give either an activation or eta and zeta, not both, got activation '" + activation + "'");
            }
            return ofActivation(activation, phi, psi, lambdas, signal, noise, sigmaW, sigmaX);
        }
        if (eta == null || zeta == null) {
            throw new IllegalArgumentException(
                    "an activation or both eta and zeta are required, got eta=" + eta + " zeta=" + zeta);
        }
        return ofConstants(eta, zeta, mean == null ? 0 : mean, phi, psi, lambdas, signal, noise, sigmaX);
    }

    /** For an activation expression f, applied to pre-activations of standard deviation s = σw σx. */
    public static Result ofActivation(
            String activation,
            double phi,
            double psi,
            double[] lambdas,
            double signal,
            double noise,
            double sigmaW,
            double sigmaX) {
        requirePositive("sigma_w", sigmaW);
        requirePositive("sigma_x", sigmaX);
        Activation f = parse(activation);
        double s = sigmaW * sigmaX;
        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, 0);
        if (!(c.eta() > 0)) {
            throw new IllegalArgumentException(
                    "the activation is constant under the Gaussian (eta = 0), got '" + activation + "'");
        }
        // s is the product of two rounded inputs: 2 ulps; η(s), ζ(s) move by their slope times that
        double h = 1e-6 * s;
        DoubleConstants up = GaussianConstantsEngine.computeDouble(f, s + h, 0);
        DoubleConstants down = GaussianConstantsEngine.computeDouble(f, s - h, 0);
        double ds = 2 * Math.ulp(s);
        double dEta = c.error() + Math.abs(up.eta() - down.eta()) / (2 * h) * ds + Math.ulp(c.eta()) / 2;
        double dZeta = c.error() + Math.abs(up.zeta() - down.zeta()) / (2 * h) * ds + Math.ulp(c.zeta()) / 2;
        return theory(
                activation, c.mean(), c.eta(), c.zeta(), dEta, dZeta, phi, psi, lambdas, signal, noise, sigmaW, sigmaX);
    }

    /** For given η &gt; 0, 0 ≤ ζ ≤ η (the decimals typed, rounded to double once). */
    public static Result ofConstants(
            double eta,
            double zeta,
            double mean,
            double phi,
            double psi,
            double[] lambdas,
            double signal,
            double noise,
            double sigmaX) {
        requirePositive("sigma_x", sigmaX);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean must be finite, got " + mean);
        return theory(
                null,
                mean,
                eta,
                zeta,
                Math.ulp(eta) / 2,
                zeta == 0 ? 0 : Math.ulp(zeta) / 2,
                phi,
                psi,
                lambdas,
                signal,
                noise,
                1,
                sigmaX);
    }

    private static Result theory(
            String activation,
            double mean,
            double eta,
            double zeta,
            double dEta,
            double dZeta,
            double phi,
            double psi,
            double[] lambdas,
            double signal,
            double noise,
            double sigmaW,
            double sigmaX) {
        if (!(signal >= 0) || !Double.isFinite(signal)) {
            throw new IllegalArgumentException("signal must be finite and >= 0, got " + signal);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        if (lambdas.length == 0) throw new IllegalArgumentException("at least one lambda is needed, got none");
        ModelParams p = new ModelParams(eta, zeta, phi, psi);
        double power = signal * sigmaX * sigmaX; // the teacher's output variance F σx²
        RidgeRisk risk = RidgeRisk.of(p, power, noise);
        RiskPoint[] base = risk.along(lambdas);
        RiskPoint[] baseDouble = risk.alongDouble(lambdas);
        int n = lambdas.length;
        double[] inputError = new double[n];
        // η, ζ, φ, ψ: one-sided where ζ = η or ζ = 0 would be crossed
        double[] values = {p.eta(), p.zeta(), phi, psi};
        double[] deltas = {dEta, dZeta, Math.ulp(phi) / 2, Math.ulp(psi) / 2};
        for (int k = 0; k < 4; k++) {
            if (deltas[k] == 0) continue;
            double h = 1e-6 * Math.max(values[k], 1e-300);
            boolean up = !(k == 1 && p.zeta() == p.eta());
            boolean down = !(k == 0 && p.zeta() == p.eta()) && !(k == 1 && p.zeta() - h < 0);
            RiskPoint[] plus = up ? perturbed(p, k, h, power, noise, lambdas) : baseDouble;
            RiskPoint[] minus = down ? perturbed(p, k, -h, power, noise, lambdas) : baseDouble;
            double span = (up ? h : 0) + (down ? h : 0);
            accumulate(inputError, plus, minus, span, deltas[k]);
        }
        // λ: every point by its own half ulp
        double[] lp = new double[n];
        double[] lm = new double[n];
        for (int i = 0; i < n; i++) {
            lp[i] = lambdas[i] * (1 + 1e-6);
            lm[i] = lambdas[i] * (1 - 1e-6);
        }
        RiskPoint[] plusL = RidgeRisk.of(p, power, noise).alongDouble(lp);
        RiskPoint[] minusL = RidgeRisk.of(p, power, noise).alongDouble(lm);
        for (int i = 0; i < n; i++) {
            double span = lp[i] - lm[i];
            inputError[i] += 2 * maxSlope(plusL[i], minusL[i], span) * Math.ulp(lambdas[i]) / 2;
        }
        // F σx² and τ²: the risk is linear in both, so the difference quotient is the slope
        RiskPoint[] plusF = RidgeRisk.of(p, power + 1, noise).alongDouble(lambdas);
        RiskPoint[] plusN = RidgeRisk.of(p, power, noise + 1).alongDouble(lambdas);
        double dPower = 4 * Math.ulp(power);
        double dNoise = Math.ulp(noise) / 2;
        for (int i = 0; i < n; i++) {
            inputError[i] += 2 * maxSlope(plusF[i], baseDouble[i], 1) * dPower
                    + 2 * maxSlope(plusN[i], baseDouble[i], 1) * dNoise;
        }
        double[] eTest = new double[n], eTrain = new double[n], bias = new double[n], variance = new double[n];
        double[] error = new double[n];
        boolean[] certified = new boolean[n];
        for (int i = 0; i < n; i++) {
            RiskPoint r = base[i];
            certified[i] = r.certified() && Double.isFinite(inputError[i]);
            eTest[i] = certified[i] ? r.eTest() : Double.NaN;
            eTrain[i] = certified[i] ? r.eTrain() : Double.NaN;
            bias[i] = certified[i] ? r.bias() : Double.NaN;
            variance[i] = certified[i] ? r.variance() : Double.NaN;
            // the printed decimal is the shortest one that reads back as the double: half an ulp more
            error[i] =
                    certified[i] ? r.error() + inputError[i] + Math.ulp(Math.max(r.eTest(), r.eTrain())) : Double.NaN;
        }
        return new Result(
                activation,
                mean,
                p.eta(),
                p.zeta(),
                phi,
                psi,
                signal,
                noise,
                sigmaW,
                sigmaX,
                lambdas.clone(),
                eTest,
                eTrain,
                bias,
                variance,
                error,
                certified);
    }

    private static RiskPoint[] perturbed(ModelParams p, int k, double h, double power, double noise, double[] lambdas) {
        double eta = p.eta(), zeta = p.zeta(), phi = p.phi(), psi = p.psi();
        switch (k) {
            case 0 -> eta += h;
            case 1 -> zeta += h;
            case 2 -> phi += h;
            default -> psi += h;
        }
        return RidgeRisk.of(new ModelParams(eta, Math.min(zeta, eta), phi, psi), power, noise)
                .along(lambdas);
    }

    private static void accumulate(double[] err, RiskPoint[] plus, RiskPoint[] minus, double span, double delta) {
        for (int i = 0; i < err.length; i++) {
            err[i] += 2 * maxSlope(plus[i], minus[i], span) * delta;
        }
    }

    /** The largest |difference quotient| over the four printed quantities. */
    private static double maxSlope(RiskPoint a, RiskPoint b, double span) {
        if (!a.certified() || !b.certified()) return Double.NaN;
        double m = Math.max(
                Math.max(Math.abs(a.eTest() - b.eTest()), Math.abs(a.eTrain() - b.eTrain())),
                Math.max(Math.abs(a.bias() - b.bias()), Math.abs(a.variance() - b.variance())));
        return m / span;
    }

    /** The parsed activation; a syntax error names the text. */
    public static Activation parse(String activation) {
        try {
            return Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot read activation: " + e.getMessage() + ", got '" + activation + "'", e);
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /**
     * The activation simulated for given (η, ζ) without an expression: h ↦ mean + √ζ·u +
     * √((η − ζ)/2)·(u² − 1) with u = h/s, which has exactly these constants on pre-activations of
     * standard deviation s (its first two Hermite components).
     */
    public static DoubleUnaryOperator hermiteSurrogate(double eta, double zeta, double mean, double s) {
        double a = Math.sqrt(zeta);
        double b = Math.sqrt((eta - zeta) / 2);
        return h -> {
            double u = h / s;
            return mean + a * u + b * (u * u - 1);
        };
    }
}
