package org.nrmt.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.nrmt.simulation.BiasKind;

/**
 * The two bias systems against independent truth: the PW quartic (fixed point + quartic Newton,
 * {@link ReferenceQuartic}) when the conditional constants do not depend on b, and the dual
 * (Gram-side) deterministic equivalent of the per-neuron model (theory/bias.md §4.2).
 */
class BiasSystemsTest {

    private static ConditionalConstants constantInB(BiasMeasure m, double eta, double zeta) {
        int n = m.size();
        double[] mu = new double[n];
        double[] z = new double[n];
        double[] s = new double[n];
        java.util.Arrays.fill(z, zeta);
        java.util.Arrays.fill(s, eta - zeta);
        return ConditionalConstants.of(m, mu, z, s);
    }

    /** ζ(b), s²(b) constant in b: both systems are the PW quartic (random z, random model). */
    @Test
    void constantConstantsReproducePwQuartic() {
        SplittableRandom rng = new SplittableRandom(20261124L);
        for (int trial = 0; trial < 40; trial++) {
            double eta = 0.2 + 2 * rng.nextDouble();
            double zeta = eta * rng.nextDouble();
            double phi = 0.2 + 2 * rng.nextDouble();
            double psi = 0.2 + 2 * rng.nextDouble();
            ConditionalConstants c = constantInB(BiasMeasure.gaussian(0.7, 16), eta, zeta);
            Complex z = new Complex(-1 + 5 * eta * rng.nextDouble(), 0.02 + 2 * rng.nextDouble());
            Complex ref = ReferenceQuartic.g(eta, zeta, phi, psi, z);
            assertTrue(ReferenceQuartic.residual(eta, zeta, phi, psi, z, ref).abs() < 1e-12, "oracle is a root");
            for (BiasKind kind : new BiasKind[] {BiasKind.neuron, BiasKind.sample}) {
                Complex g = BiasLaws.of(kind, c, phi, psi).stieltjes(z);
                assertEquals(
                        0,
                        g.subtract(ref).abs(),
                        1e-10 * ref.abs(),
                        kind + " eta=" + eta + " zeta=" + zeta + " phi=" + phi + " psi=" + psi + " z=" + z);
            }
        }
    }

    /** σb → 0 with a real activation: the bias law tends to the PW law of f at b = 0 (error O(σb²)). */
    @Test
    void smallSigmaReproducesPwQuartic() {
        double sigma = 1e-6;
        double[] m0 = GaussianMoments.of(Math::tanh);
        double zeta = m0[1] * m0[1];
        double eta = m0[2] - m0[0] * m0[0];
        SplittableRandom rng = new SplittableRandom(7L);
        for (BiasKind kind : new BiasKind[] {BiasKind.neuron, BiasKind.sample}) {
            BiasLaw law = BiasLaws.biasLaw(kind, null, Math::tanh, 1.0, BiasMeasure.gaussian(sigma, 64), 0.8, 1.4);
            for (int k = 0; k < 10; k++) {
                Complex z = new Complex(-0.5 + 3 * rng.nextDouble(), 0.05 + rng.nextDouble());
                Complex ref = ReferenceQuartic.g(eta, zeta, 0.8, 1.4, z);
                assertEquals(0, law.stieltjes(z).subtract(ref).abs(), 1e-10 * ref.abs(), kind + " z=" + z);
            }
        }
    }

    /**
     * Per-neuron law against the dual deterministic equivalent on the Gram side: K = YᵀY/m has
     * Q̄ = (c1 C + c0 − z)⁻¹ with C ~ MP(1/φ), c1 = γE[ζ/(1+d)], c0 = γE[s²/(1+d)],
     * d(b) = ζ(b) g1 + s²(b) g0, g0 = m_{1/φ}(w)/c1, g1 = (1 + w m)/c1, w = (z − c0)/c1;
     * G = (−g0 − (1 − γ)/z)/γ. Solved here by damped fixed-point iteration at Im z ≥ 0.3.
     */
    @Test
    void perNeuronMatchesGramSideEquivalent() {
        BiasMeasure m = BiasMeasure.gaussian(1.2, 24);
        ConditionalConstants c = ConditionalConstants.compute(null, x -> Math.max(x, 0), 1.0, m);
        SplittableRandom rng = new SplittableRandom(99L);
        double[][] models = {{0.5, 1.5}, {1.5, 0.7}, {1.0, 1.0}};
        for (double[] pp : models) {
            double phi = pp[0];
            double psi = pp[1];
            BiasLaw law = BiasLaws.biasLaw(BiasKind.neuron, c, phi, psi);
            for (int k = 0; k < 5; k++) {
                Complex z = new Complex(-0.5 + 3 * rng.nextDouble(), 0.3 + rng.nextDouble());
                Complex dual = gramSide(c, phi, psi, z);
                assertEquals(
                        0,
                        law.stieltjes(z).subtract(dual).abs(),
                        1e-10 * dual.abs(),
                        "phi=" + phi + " psi=" + psi + " z=" + z);
            }
        }
    }

    static Complex gramSide(ConditionalConstants c, double phi, double psi, Complex z) {
        double gamma = phi / psi;
        double cc = 1 / phi;
        double[] w = c.measure().weights();
        double[] zeta = c.zeta();
        double[] s2 = c.s2();
        Complex g0 = z.reciprocal().negate();
        Complex g1 = g0;
        double[] mp = new double[4];
        for (int it = 0; it < 200000; it++) {
            Complex c1 = Complex.ZERO;
            Complex c0 = Complex.ZERO;
            for (int j = 0; j < w.length; j++) {
                Complex e = g1.multiply(zeta[j]).add(g0.multiply(s2[j])).add(1).reciprocal();
                c1 = c1.add(e.multiply(gamma * w[j] * zeta[j]));
                c0 = c0.add(e.multiply(gamma * w[j] * s2[j]));
            }
            Complex ww = z.subtract(c0).divide(c1);
            MarchenkoPastur.transform(cc, ww.getReal(), ww.getImaginary(), mp);
            Complex mm = new Complex(mp[0], mp[1]);
            Complex n0 = mm.divide(c1);
            Complex n1 = Complex.ONE.add(ww.multiply(mm)).divide(c1);
            double change = n0.subtract(g0).abs() + n1.subtract(g1).abs();
            g0 = g0.multiply(0.5).add(n0.multiply(0.5));
            g1 = g1.multiply(0.5).add(n1.multiply(0.5));
            if (change < 1e-16 * g0.abs()) {
                break;
            }
        }
        Complex gk = g0.negate();
        return gk.subtract(z.reciprocal().multiply(1 - gamma)).divide(gamma);
    }

    /** Marchenko–Pastur transform against its quadratic and against quadrature of the MP density. */
    @Test
    void marchenkoPasturTransform() {
        double c = 0.6;
        double lm = Math.pow(1 - Math.sqrt(c), 2);
        double lp = Math.pow(1 + Math.sqrt(c), 2);
        double[] out = new double[4];
        Complex w = new Complex(0.9, 0.4);
        MarchenkoPastur.transform(c, w.getReal(), w.getImaginary(), out);
        Complex m = new Complex(out[0], out[1]);
        Complex q = w.multiply(c)
                .multiply(m)
                .multiply(m)
                .add(w.add(c - 1).multiply(m))
                .add(1);
        assertEquals(0, q.abs(), 1e-14);
        // ∫ ρ(x)/(x − w), ρ = √((lp − x)(x − lm))/(2π c x), x = lm + (lp − lm)(1 − cos t)/2
        int n = 4000;
        Complex sum = Complex.ZERO;
        for (int i = 1; i < n; i++) {
            double t = Math.PI * i / n;
            double x = lm + (lp - lm) * (1 - Math.cos(t)) / 2;
            double rho = Math.sqrt((lp - x) * (x - lm)) / (2 * Math.PI * c * x);
            double jac = (lp - lm) * Math.sin(t) / 2 * Math.PI / n;
            sum = sum.add(new Complex(x).subtract(w).reciprocal().multiply(rho * jac));
        }
        assertEquals(0, sum.subtract(m).abs(), 1e-12);
        // derivative by central difference
        double h = 1e-5;
        double[] a = new double[4];
        double[] b = new double[4];
        MarchenkoPastur.transform(c, w.getReal() + h, w.getImaginary(), a);
        MarchenkoPastur.transform(c, w.getReal() - h, w.getImaginary(), b);
        assertEquals((a[0] - b[0]) / (2 * h), out[2], 1e-8);
        assertEquals((a[1] - b[1]) / (2 * h), out[3], 1e-8);
        // c > 1: pole at 0 with residue −(1 − 1/c)
        MarchenkoPastur.transform(2.0, 0, 1e-9, out);
        assertEquals(0.5, out[1] * 1e-9, 1e-8);
    }
}
