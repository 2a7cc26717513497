package org.nrmt.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.nrmt.memorization.MarchenkoPasturResolvent;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.NegativeAxisPoint;

/** The limit formulas of {@link RidgeRisk} against independent truths (theory/generalization.md §7). */
class RidgeRiskTest {

    /**
     * Mei &amp; Montanari (2019), Theorem 1 / Definition 1 in their notation: ψ1 = N/d = 1/ψ,
     * ψ2 = n/d = 1/φ, μ1² = ζ, μ*² = η − ζ, their ridge λ_MM = ψ λ (penalty Nλ_MM/d ‖a‖²), ζ_MM =
     * μ1/μ*, λ̄ = λ_MM/μ*². ν1, ν2 solve the coupled system at ξ = i√(ψ1ψ2λ̄) (damped fixed point
     * in the upper half-plane), χ = ν1ν2, and R = F1² E1/E0 + τ² E2/E0; E_test = R + τ². An
     * independent formula from the literature: no Stieltjes transform of M, no quartic.
     */
    static double meiMontanari(double eta, double zeta, double phi, double psi, double lambda, double f, double tau2) {
        double psi1 = 1 / psi;
        double psi2 = 1 / phi;
        double z = Math.sqrt(zeta / (eta - zeta));
        double lb = psi * lambda / (eta - zeta);
        Complex xi = new Complex(0, Math.sqrt(psi1 * psi2 * lb));
        Complex n1 = Complex.I;
        Complex n2 = Complex.I;
        double z2 = z * z;
        for (int it = 0; it < 200_000; it++) {
            Complex d = Complex.ONE.subtract(n1.multiply(n2).multiply(z2));
            Complex a1 = xi.negate().subtract(n2).subtract(n2.multiply(z2).divide(d));
            Complex a2 = xi.negate().subtract(n1).subtract(n1.multiply(z2).divide(d));
            Complex m1 = new Complex(psi1).divide(a1);
            Complex m2 = new Complex(psi2).divide(a2);
            double change = m1.subtract(n1).abs() + m2.subtract(n2).abs();
            n1 = n1.add(m1).multiply(0.5);
            n2 = n2.add(m2).multiply(0.5);
            if (change < 1e-15 * (n1.abs() + n2.abs())) break;
        }
        double chi = n1.multiply(n2).getReal();
        double c = chi, c2 = c * c, c3 = c2 * c, c4 = c3 * c, c5 = c4 * c;
        double z4 = z2 * z2, z6 = z4 * z2;
        double e0 = -c5 * z6
                + 3 * c4 * z4
                + (psi1 * psi2 - psi2 - psi1 + 1) * c3 * z6
                - 2 * c3 * z4
                - 3 * c3 * z2
                + (psi1 + psi2 - 3 * psi1 * psi2 + 1) * c2 * z4
                + 2 * c2 * z2
                + c2
                + 3 * psi1 * psi2 * c * z2
                - psi1 * psi2;
        double e1 = psi2 * c3 * z4 - psi2 * c2 * z2 + psi1 * psi2 * c * z2 - psi1 * psi2;
        double e2 = c5 * z6
                - 3 * c4 * z4
                + (psi1 - 1) * c3 * z6
                + 2 * c3 * z4
                + 3 * c3 * z2
                + (-psi1 - 1) * c2 * z4
                - 2 * c2 * z2
                - c2;
        return f * e1 / e0 + tau2 * e2 / e0 + tau2;
    }

    @Property(tries = 40, seed = "20261124")
    void agreesWithMeiMontanari(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double zetaOverEta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -3, max = 1) double log10Lambda,
            @ForAll @DoubleRange(min = 0, max = 2) double f,
            @ForAll @DoubleRange(min = 0, max = 1) double tau2) {
        double lambda = Math.pow(10, log10Lambda);
        double zeta = eta * zetaOverEta;
        RiskPoint r =
                RidgeRisk.of(new ModelParams(eta, zeta, phi, psi), f, tau2).at(lambda);
        double mm = meiMontanari(eta, zeta, phi, psi, lambda, f, tau2);
        assertTrue(r.certified());
        assertEquals(mm, r.eTest(), 1e-9 * mm, "E_test");
    }

    /** Training error with the pure-noise teacher (F = 0) is τ² times the memorization loss, exactly. */
    @Property(tries = 60, seed = "20261124")
    void pureNoiseTrainingErrorIsNoiseTimesMemorization(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0, max = 1) double zetaOverEta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -4, max = 2) double log10Lambda,
            @ForAll @DoubleRange(min = 0.01, max = 3) double tau2) {
        ModelParams p = new ModelParams(eta, eta * zetaOverEta, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        RiskPoint r = RidgeRisk.of(p, 0, tau2).at(lambda);
        double mem = TrainingLoss.of(p).at(lambda);
        // absolute, on the scale τ² of the loss: memorization's double 1 − γ − γλ²G′ cancels for
        // γ > 1 and small λ (relative 2e-6 at E = 9.5e-8), the 40-digit enclosure does not
        assertEquals(tau2 * mem, r.eTrain(), 1e-10 * tau2);
        assertEquals(tau2 * r.memorization(), r.eTrain(), 1e-12 * r.eTrain());
        // and the test error is the GCV inflation of it: E_test = E_train / D², D = λ/κ
        double d = lambda / r.kappa();
        assertEquals(r.eTrain() / (d * d), r.eTest(), 1e-10 * r.eTest());
    }

    /** λ → ∞: the predictor vanishes, both errors tend to F + τ² (as O(1/λ)). */
    @Test
    void largeRidgeGivesSignalPlusNoise() {
        for (double[] q : new double[][] {{0.394, 0.367, 0.5, 2}, {1, 0.25, 2, 0.5}, {2, 2, 1, 3}, {1, 0, 1.5, 0.7}}) {
            ModelParams p = new ModelParams(q[0], q[1], q[2], q[3]);
            RiskPoint[] r = RidgeRisk.of(p, 1.3, 0.4).along(new double[] {1e12, 1e6});
            assertEquals(1.7, r[0].eTest(), 1e-10);
            assertEquals(1.7, r[0].eTrain(), 1e-10);
            assertTrue(Math.abs(r[1].eTest() - 1.7) < 1e-4, "O(1/lambda) at 1e6");
        }
    }

    /**
     * ζ = 0: the features carry no linear component, the teacher acts as extra noise:
     * E_test = (F + τ²)·L/D² with G from the Marchenko–Pastur closed form.
     */
    @Property(tries = 40, seed = "20261124")
    void zetaZeroIsPureVariance(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -3, max = 1) double log10Lambda) {
        ModelParams p = new ModelParams(eta, 0, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        double gamma = p.gamma();
        NegativeAxisPoint mp = new MarchenkoPasturResolvent(eta, gamma).at(lambda);
        double d = 1 - gamma - gamma * lambda * mp.g();
        double l = 1 - gamma - gamma * lambda * lambda * mp.dg();
        RiskPoint r = RidgeRisk.of(p, 0.8, 0.3).at(lambda);
        assertEquals(1.1 * l / (d * d), r.eTest(), 1e-10 * r.eTest());
    }

    /**
     * The linear activation (ζ = η): Y = √η·WX/s exactly, no Gaussian-equivalence step. The
     * feature covariance is Σ = η·S with S = ΩΩᵀ/n0 Marchenko–Pastur of ratio c = 1/ψ, whose
     * resolvent t(κ) = (1/n1) tr(Σ + κ)⁻¹ solves c η κ t² + (κ + (1 − c)η) t − 1 = 0 (closed form);
     * κ solves λ = κ(1 − γ + γκt) (bisection: increasing), and E_test = (τ² + F[1 − c + cκ²t₂])/λ′(κ)
     * with t₂ = −t′(κ), λ′(κ) = 1 − γ + 2γκt + γκ²t′ (quadratic formula and its derivative; no quartic).
     */
    @Property(tries = 40, seed = "20261124")
    void linearActivationClosedForm(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -3, max = 1) double log10Lambda) {
        double lambda = Math.pow(10, log10Lambda);
        double c = 1 / psi;
        double gamma = phi / psi;
        java.util.function.DoubleUnaryOperator t = k -> {
            double a = c * eta * k;
            double b = k + (1 - c) * eta;
            return 2 / (b + Math.sqrt(b * b + 4 * a)); // the positive root, without cancellation
        };
        java.util.function.DoubleUnaryOperator dt = k -> {
            double tk = t.applyAsDouble(k);
            // implicit: d/dκ [cηκt² + (κ + (1 − c)η)t − 1] = 0
            return -(c * eta * tk * tk + tk) / (2 * c * eta * k * tk + k + (1 - c) * eta);
        };
        double lo = 0, hi = lambda + 10 * (eta + 1) * (1 + gamma);
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double lm = mid * (1 - gamma + gamma * mid * t.applyAsDouble(mid));
            if (lm < lambda) lo = mid;
            else hi = mid;
        }
        double k = 0.5 * (lo + hi);
        double tk = t.applyAsDouble(k);
        double dtk = dt.applyAsDouble(k);
        double dl = 1 - gamma + 2 * gamma * k * tk + gamma * k * k * dtk;
        double expected = (0.2 + 1.5 * (1 - c - c * k * k * dtk)) / dl;
        RiskPoint r =
                RidgeRisk.of(new ModelParams(eta, eta, phi, psi), 1.5, 0.2).at(lambda);
        assertEquals(k, r.kappa(), 1e-9 * k, "effective ridge");
        assertEquals(expected, r.eTest(), 1e-9 * expected, "E_test");
    }

    /** E_test ≥ τ², linear and increasing in τ² with slope L/D² ≥ 1; E_train ≤ E_test. */
    @Property(tries = 60, seed = "20261124")
    void boundsAndMonotoneInNoise(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0, max = 1) double zetaOverEta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -4, max = 2) double log10Lambda,
            @ForAll @DoubleRange(min = 0, max = 2) double f,
            @ForAll @DoubleRange(min = 0, max = 2) double tau2) {
        ModelParams p = new ModelParams(eta, eta * zetaOverEta, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        RiskPoint a = RidgeRisk.of(p, f, tau2).at(lambda);
        RiskPoint b = RidgeRisk.of(p, f, tau2 + 0.5).at(lambda);
        assertTrue(a.eTest() >= tau2 * (1 - 1e-12), "E_test >= tau^2");
        assertTrue(b.eTest() - a.eTest() >= 0.5 * (1 - 1e-9), "slope in tau^2 >= 1");
        assertTrue(a.eTrain() <= a.eTest() * (1 + 1e-12), "E_train <= E_test");
        assertTrue(a.bias() >= -1e-12 && a.variance() >= -1e-12 * Math.max(1, tau2));
        assertEquals(a.eTest(), tau2 + a.bias() + a.variance(), 1e-12 * a.eTest());
    }

    /**
     * Continuity (and differentiability) in λ: the change over a relative step h shrinks in
     * proportion to h, so no branch jump hides between grid points.
     */
    @Property(tries = 40, seed = "20261124")
    void continuousInLambda(
            @ForAll @DoubleRange(min = 0.3, max = 3) double eta,
            @ForAll @DoubleRange(min = 0, max = 1) double zetaOverEta,
            @ForAll @DoubleRange(min = 0.2, max = 4) double phi,
            @ForAll @DoubleRange(min = 0.2, max = 4) double psi,
            @ForAll @DoubleRange(min = -4, max = 2) double log10Lambda) {
        ModelParams p = new ModelParams(eta, eta * zetaOverEta, phi, psi);
        double lambda = Math.pow(10, log10Lambda);
        RiskPoint[] r = RidgeRisk.of(p, 1, 0.3).along(new double[] {lambda, lambda * (1 + 1e-3), lambda * (1 + 1e-5)});
        double big = r[1].eTest() - r[0].eTest();
        double small = r[2].eTest() - r[0].eTest();
        // |dE/dlog λ| ≤ E·10⁴ at worst near the peak; the two differences are proportional to h
        assertTrue(Math.abs(big) <= 10 * r[0].eTest(), "jump " + big);
        assertEquals(big / 100, small, 0.02 * Math.abs(big / 100) + 1e-12 * r[0].eTest(), "not linear in h");
    }

    /**
     * λ → 0 through the sweep's apfloat leg (λ = 1e-8, where double cannot certify the root next
     * to the atom's pole): certified; at γ = 1.5 E_test has converged to its ridgeless limit; at the
     * interpolation point γ = 1 it diverges like λ^(−1/2): there λ = κ²t(κ) (§4 with γ = 1), so
     * κ ≈ (λ/t₀)^(1/2) and dλ/dκ ≈ 2(λt₀)^(1/2), and E_test = (τ² + F X)/(dλ/dκ).
     */
    @Test
    void interpolationPeakGrowsLikeInverseSquareRoot() {
        double eta = 0.394294490397841, zeta = 0.366879164362411;
        RiskPoint[] over =
                RidgeRisk.of(new ModelParams(eta, zeta, 1.5, 1), 1, 0.1).along(new double[] {1e-7, 1e-8});
        assertTrue(over[0].certified() && over[1].certified());
        assertEquals(over[0].eTest(), over[1].eTest(), 1e-4);
        RiskPoint[] peak =
                RidgeRisk.of(new ModelParams(eta, zeta, 1, 1), 1, 0.1).along(new double[] {1e-7, 1e-8});
        assertTrue(peak[1].certified() && peak[1].error() < 1e-12 * peak[1].eTest());
        assertEquals(Math.sqrt(10), peak[1].eTest() / peak[0].eTest(), 0.01 * Math.sqrt(10));
    }

    /** The error bound is small for ordinary points and widens near the interpolation peak. */
    @Test
    void errorIsTightAwayFromThePeak() {
        ModelParams p = new ModelParams(0.394294490397841, 0.366879164362411, 0.5, 2);
        RiskPoint r = RidgeRisk.of(p, 1, 0.1).at(0.1);
        assertTrue(r.certified());
        assertTrue(r.error() < 1e-13 * r.eTest(), "error " + r.error());
        assertTrue(r.error() > 0);
    }
}
