package org.nrmt.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.nrmt.activation.Activation;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;

/** Properties of the bias laws over random models, points and paths (theory/bias.md §7). */
class BiasLawProperties {

    record Model(String f, BiasKind kind, double sigmaB, double phi, double psi) {
        BiasLaw law() {
            return BiasLaws.biasLaw(
                    kind, BiasLaws.constants(Activation.parse(f), 1.0, BiasMeasure.gaussian(sigmaB, 24)), phi, psi);
        }
    }

    @Provide
    Arbitrary<Model> models() {
        return Combinators.combine(
                        Arbitraries.of("tanh", "relu", "x^2 - 1", "sin(2*x) + x"),
                        Arbitraries.of(BiasKind.neuron, BiasKind.sample),
                        Arbitraries.doubles().between(0.1, 1.5).ofScale(3),
                        Arbitraries.doubles().between(0.2, 2.0).ofScale(3),
                        Arbitraries.doubles().between(0.2, 2.0).ofScale(3))
                .as(Model::new);
    }

    /** Im G < 0 for Im z > 0 (S convention: Im S > 0), and G ~ 1/z far away. */
    @Property(tries = 40, seed = "20261124")
    void imaginaryPartHasTheStieltjesSign(@ForAll("models") Model m, @ForAll("re") double re, @ForAll("im") double im) {
        BiasLaw law = m.law();
        double scale = law.constants().meanVariance();
        Complex z = new Complex(re * scale, im * scale);
        Complex g;
        try {
            g = law.stieltjes(z);
        } catch (org.nrmt.spectrum.UncertifiedPointException e) {
            // An explicit refusal is allowed, never a wrong sign: next to the atom at 0 double
            // Newton can stop contracting (seen at z = 0.0207i, theory/bias.md §7). Counted.
            net.jqwik.api.statistics.Statistics.collect("refused");
            Assume.that(false);
            return;
        }
        net.jqwik.api.statistics.Statistics.collect("answered");
        assertTrue(g.getImaginary() < 0, m + " z=" + z + " G=" + g);
        Complex far = new Complex(re * scale, 1e4 * law.supportBound());
        assertEquals(1, law.stieltjes(far).multiply(far).getReal(), 1e-3, m.toString());
    }

    @Provide
    Arbitrary<Double> re() {
        return Arbitraries.doubles().between(-1, 6).ofScale(4);
    }

    @Provide
    Arbitrary<Double> im() {
        // Im z ≥ 0.01·E v: right at the atom (z → 0) double Newton loses contraction below that (report)
        return Arbitraries.doubles().between(0.01, 3).ofScale(4);
    }

    /**
     * Continuity along a random path in the upper half plane: G at consecutive points of a
     * 200-point segment moves by at most |Δz|/Im(z)² (the Lipschitz bound of a Stieltjes transform
     * of a probability measure), so no branch jump occurs.
     */
    @Property(tries = 15, seed = "20261124")
    void continuousAlongRandomPaths(
            @ForAll("models") Model m,
            @ForAll("re") double a,
            @ForAll("re") double b,
            @ForAll("im") double ya,
            @ForAll("im") double yb) {
        BiasLaw law = m.law();
        double scale = law.constants().meanVariance();
        Complex za = new Complex(a * scale, (ya + 0.05) * scale);
        Complex zb = new Complex(b * scale, (yb + 0.05) * scale);
        Complex prev = null;
        Complex zPrev = null;
        for (int k = 0; k <= 200; k++) {
            Complex z = za.add(zb.subtract(za).multiply(k / 200.0));
            Complex g = law.stieltjes(z);
            if (prev != null) {
                double y = Math.min(z.getImaginary(), zPrev.getImaginary());
                assertTrue(g.subtract(prev).abs() <= 1.0001 * z.subtract(zPrev).abs() / (y * y), m + " jump at " + z);
            }
            prev = g;
            zPrev = z;
        }
    }

    /** Mass one: continuous part plus atom (tolerance: clumps next to 0, theory/bias.md §7). */
    @Property(tries = 6, seed = "20261124")
    void massOne(@ForAll("models") Model m) {
        BiasLaw law = m.law();
        double missing;
        try {
            missing = law.missingMass();
        } catch (org.nrmt.spectrum.UncertifiedPointException e) {
            // An explicit refusal is allowed (never a wrong number): the edge scan next to the
            // atom at 0 can fail to certify (seen at x = 2.1e-12, theory/bias.md §7). Counted.
            net.jqwik.api.statistics.Statistics.collect("refused next to 0");
            Assume.that(false);
            return;
        }
        net.jqwik.api.statistics.Statistics.collect("answered");
        assertEquals(0, missing, 5e-3, m.toString());
    }

    /**
     * Agreement with a small simulation at Im z ≥ 0.5, with the budget of the bias-free property
     * (SimulationProperties.stieltjesAtHalfTheScaleIsWithinCOverN), S·|G_N(z) − G(z)| ≤ 10/n + (κ/2)/n′,
     * at z = S(x + 0.5i), x ∈ {0.2, 1, 2}: S = E_b[ζ + s²] the first moment, n = min(n0, n1, m),
     * κ the kurtosis of the noise part, E_b E(f(ξ + b) − μ(b))⁴ / (E_b η(b))² over the drawn biases,
     * and n′ = min(n, n0²/m). The heavy-tail term runs on n′ because the sample covariance of
     * nonlinear features carries the Hadamard powers of XᵀX/n0, whose off-diagonal fluctuations add
     * O(m/n0²) = O(1/(φ n0)) (theory/memorization.md §5.2); the bias-free property, at n0 ≥ 200,
     * keeps n′ = n and passes on its cases. n1 = 300, Y = f(WX + B) with the biases drawn here, the theory averaged over
     * exactly those biases (ofSamples); the rank-one mean part is left in (it moves G_N by
     * O(1/(n1 Im z))). Counterexamples of the earlier fixed budget 0.03|G| (then tagged slow, so never
     * run by default): x² − 1 (κ ≈ 15), per-neuron σb = 0.1, φ = 0.2, n0 = 150…341.
     */
    @Property(tries = 8, seed = "20261124")
    void agreesWithSmallSimulation(@ForAll("models") Model m, @ForAll("seeds") long seed) {
        // n ≥ 150 and a short run: the sizes are clamped and the theory takes the realised ratios
        int n0 = (int) Math.min(600, Math.max(150, Math.round(300 * m.psi())));
        int m0 = (int) Math.min(1500, Math.max(150, Math.round(n0 / m.phi())));
        Simulated s = simulate(m, 300, n0, m0, seed);
        Activation f = Activation.parse(m.f());
        BiasLaw law = BiasLaws.biasLaw(
                m.kind(),
                BiasLaws.constants(f, 1.0, BiasMeasure.empirical(s.bias)),
                (double) n0 / m0,
                (double) n0 / 300);
        double scale = law.constants().meanVariance();
        int n = Math.min(Math.min(n0, m0), 300);
        double budget = 10.0 / n + noiseKurtosis(f.toDoubleFunction(), s.bias) / 2 / Math.min(n, (double) n0 * n0 / m0);
        for (double x : new double[] {0.2, 1.0, 2.0}) {
            Complex z = new Complex(x * scale, 0.5 * scale);
            Complex g = law.stieltjes(z);
            Complex e = Complex.ZERO;
            for (double l : s.eig) {
                e = e.add(z.subtract(l).reciprocal());
            }
            e = e.divide(s.eig.length);
            double err = scale * e.subtract(g).abs();
            if (!(err <= budget)) {
                throw new AssertionError("S·|G_N − G| = " + err + " > (10 + κ/2)/n = " + budget + " for " + m
                        + " at z = " + z + ", n0 = " + n0 + ", m = " + m0);
            }
        }
    }

    /**
     * E_b E_ξ(f(ξ + b) − μ(b))⁴ / (E_b Var f(ξ + b))² over the given biases, ξ ~ N(0, 1), by the
     * trapezoid rule on [−12, 12] with h = 0.01 (ample for the polynomial-tailed f generated here).
     */
    static double noiseKurtosis(java.util.function.DoubleUnaryOperator f, double[] biases) {
        double h = 0.01;
        int k = (int) Math.round(12 / h);
        double fourth = 0;
        double variance = 0;
        for (double b : biases) {
            double m0 = 0;
            double m1 = 0;
            double[] values = new double[2 * k + 1];
            double[] weights = new double[2 * k + 1];
            for (int i = -k; i <= k; i++) {
                double xi = i * h;
                weights[i + k] = h * Math.exp(-xi * xi / 2) / Math.sqrt(2 * Math.PI);
                values[i + k] = f.applyAsDouble(xi + b);
                m0 += weights[i + k];
                m1 += weights[i + k] * values[i + k];
            }
            double mu = m1 / m0;
            double c2 = 0;
            double c4 = 0;
            for (int i = 0; i < values.length; i++) {
                double d = values[i] - mu;
                c2 += weights[i] * d * d;
                c4 += weights[i] * d * d * d * d;
            }
            variance += c2 / biases.length;
            fourth += c4 / biases.length;
        }
        return fourth / (variance * variance);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(1, 1_000_000);
    }

    record Simulated(double[] eig, double[] bias) {}

    /** One draw of M = YYᵀ/m, Y = f(WX + B) centred by the row or column means' rank-one part ignored. */
    static Simulated simulate(Model md, int n1, int n0, int m, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] w = new double[n1 * n0];
        for (int i = 0; i < w.length; i++) {
            w[i] = g.sample() / Math.sqrt(n0);
        }
        double[] x = new double[n0 * m];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.sample();
        }
        int nb = md.kind() == BiasKind.neuron ? n1 : m;
        double[] b = new double[nb];
        for (int i = 0; i < nb; i++) {
            b[i] = md.sigmaB() * g.sample();
        }
        java.util.function.DoubleUnaryOperator f = Activation.parse(md.f()).toDoubleFunction();
        double[] y = new double[n1 * m];
        for (int i = 0; i < n1; i++) {
            for (int mu = 0; mu < m; mu++) {
                double h = 0;
                for (int k = 0; k < n0; k++) {
                    h += w[i * n0 + k] * x[k * m + mu];
                }
                double bias = md.kind() == BiasKind.neuron ? b[i] : b[mu];
                y[i * m + mu] = f.applyAsDouble(h + bias);
            }
        }
        double[] a = new double[n1 * n1];
        for (int i = 0; i < n1; i++) {
            for (int j = i; j < n1; j++) {
                double sum = 0;
                for (int mu = 0; mu < m; mu++) {
                    sum += y[i * m + mu] * y[j * m + mu];
                }
                a[i + j * n1] = sum / m; // column-major lower triangle: (j, i) with j ≥ i
                a[j + i * n1] = sum / m;
            }
        }
        EigenSolver solver = EigenSolvers.forBackend(Backend.java, s -> {});
        return new Simulated(solver.symmetricEigenvalues(a, n1), b);
    }
}
