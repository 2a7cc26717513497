package org.nrmt.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.memorization.RandomFeatures;
import org.nrmt.simulation.TrialSeeds;

/** The simulated test and training errors against a direct computation and against the limit. */
class GeneralizationSimulationTest {

    private static final DoubleUnaryOperator TANH = Math::tanh;

    /** The same draws as {@link GeneralizationSimulation#sample} (W, X, then the test inputs). */
    private record Draw(RealMatrix w, RealMatrix x, RealMatrix xt, RealMatrix y, RealMatrix phi) {}

    private static Draw draw(DoubleUnaryOperator f, int n0, int n1, int m, int mt, double sw, double sx, long seed) {
        UniformRandomProvider rng = TrialSeeds.generator(seed, 0);
        double[] w = RandomFeatures.weights(rng, n0, n1, sw);
        double[] x = RandomFeatures.inputs(rng, n0, m, sx);
        double[] xt = RandomFeatures.inputs(rng, n0, mt, sx);
        RealMatrix wm = matrix(w, n1, n0), xm = matrix(x, n0, m), xtm = matrix(xt, n0, mt);
        RealMatrix y = wm.multiply(xm), phi = wm.multiply(xtm);
        y.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int i, int j, double v) {
                return f.applyAsDouble(v);
            }
        });
        phi.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int i, int j, double v) {
                return f.applyAsDouble(v);
            }
        });
        return new Draw(wm, xm, xtm, y, phi);
    }

    private static RealMatrix matrix(double[] a, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(a, i * cols, out[i], 0, cols);
        return new Array2DRowRealMatrix(out, false);
    }

    private static double frob2(RealMatrix a) {
        double n = a.getFrobeniusNorm();
        return n * n;
    }

    /**
     * The SVD formulas against the textbook estimator on the same draws (commons-math LU, no BLAS):
     * α = (K + λ)⁻¹y, ŷ = Φ_tᵀYα/m, and the expectations over β ~ N(0, I), ε ~ N(0, τ²)
     * written with the smoother S = Φ_tᵀY(K + λ)⁻¹/m: E_test = (F/n0)‖X_tᵀ − SXᵀ‖²/m_t +
     * τ²‖S‖²/m_t + τ², E_train = (λ²/m)[(F/n0)‖(K + λ)⁻¹Xᵀ‖² + τ²‖(K + λ)⁻¹‖²]. Both shapes (n1 &lt; m
     * and n1 &gt; m), σx ≠ 1.
     */
    @Test
    void matchesTheDirectEstimator() {
        int n0 = 30, mt = 150;
        double sw = 1.3, sx = 0.7, f = 1.7, tau2 = 0.3;
        for (int[] shape : new int[][] {{40, 55}, {70, 45}}) {
            int n1 = shape[0], m = shape[1];
            GeneralizationSimulation sim = GeneralizationSimulation.sample(TANH, 0, n0, n1, m, mt, sw, sx, 9, 0);
            Draw d = draw(TANH, n0, n1, m, mt, sw, sx, 9);
            RealMatrix k = d.y().transpose().multiply(d.y()).scalarMultiply(1.0 / m);
            for (double lambda : new double[] {1e-3, 0.1, 2}) {
                RealMatrix inv = new LUDecomposition(
                                k.add(MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(lambda)))
                        .getSolver()
                        .getInverse();
                RealMatrix s = d.phi().transpose().multiply(d.y()).multiply(inv).scalarMultiply(1.0 / m);
                double test = f / n0 * frob2(d.xt().transpose().subtract(s.multiply(d.x().transpose()))) / mt
                        + tau2 * frob2(s) / mt
                        + tau2;
                double train =
                        lambda * lambda / m * (f / n0 * frob2(inv.multiply(d.x().transpose())) + tau2 * frob2(inv));
                assertEquals(test, sim.testError(lambda, f, tau2), 1e-10 * test, "test, shape " + n1 + "x" + m);
                assertEquals(train, sim.trainError(lambda, f, tau2), 1e-10 * train, "train, shape " + n1 + "x" + m);
            }
        }
    }

    /**
     * Explicit labels: drawing β and ε and fitting gives, on average over draws, the β/ε-averaged
     * value (so the teacher √F xᵀβ/√n0 + ε is the one the formulas average over). 400 draws;
     * the tolerance is 4 standard errors of their mean.
     */
    @Test
    void explicitLabelsAverageToTheFormula() {
        int n0 = 25, n1 = 35, m = 40, mt = 200;
        double f = 1.2, tau2 = 0.25, lambda = 0.05;
        Draw d = draw(TANH, n0, n1, m, mt, 1, 1, 5);
        GeneralizationSimulation sim = GeneralizationSimulation.sample(TANH, 0, n0, n1, m, mt, 1, 1, 5, 0);
        RealMatrix k = d.y().transpose().multiply(d.y()).scalarMultiply(1.0 / m);
        RealMatrix inv = new LUDecomposition(
                        k.add(MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(lambda)))
                .getSolver()
                .getInverse();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomFeatures.rng(77));
        int draws = 400;
        double sum = 0, sumSq = 0, sumTrain = 0, sumTrainSq = 0;
        for (int r = 0; r < draws; r++) {
            double[] beta = new double[n0];
            for (int i = 0; i < n0; i++) beta[i] = z.sample();
            RealMatrix b = MatrixUtils.createColumnRealMatrix(beta);
            RealMatrix y = d.x().transpose().multiply(b).scalarMultiply(Math.sqrt(f / n0));
            for (int i = 0; i < m; i++) y.addToEntry(i, 0, Math.sqrt(tau2) * z.sample());
            RealMatrix alpha = inv.multiply(y);
            RealMatrix pred =
                    d.phi().transpose().multiply(d.y()).multiply(alpha).scalarMultiply(1.0 / m);
            RealMatrix truth = d.xt().transpose().multiply(b).scalarMultiply(Math.sqrt(f / n0));
            double e = 0;
            for (int i = 0; i < mt; i++) {
                double res = truth.getEntry(i, 0) + Math.sqrt(tau2) * z.sample() - pred.getEntry(i, 0);
                e += res * res / mt;
            }
            double tr = frob2(y.subtract(k.multiply(alpha))) / m;
            sum += e;
            sumSq += e * e;
            sumTrain += tr;
            sumTrainSq += tr * tr;
        }
        double mean = sum / draws, se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        double meanTr = sumTrain / draws, seTr = Math.sqrt((sumTrainSq / draws - meanTr * meanTr) / draws);
        assertEquals(sim.testError(lambda, f, tau2), mean, 4 * se, "test");
        assertEquals(sim.trainError(lambda, f, tau2), meanTr, 4 * seTr, "train");
    }

    /**
     * Default-run size: tanh and relu at n0 = 200 (4 trials, 1000 test points each), λ ∈ {0.01,
     * 0.1, 1}, F = 1, τ² = 0.1. Measured at this size: |relative error| ≤ 0.4 % (tanh, φ = 0.5,
     * ψ = 0.75); the tolerance is 2 %, the finite-n bias at n0 = 200 plus 4 standard errors.
     */
    @Test
    void smallSimulationNearTheLimit() {
        double[] lambdas = {0.01, 0.1, 1};
        for (Object[] c : new Object[][] {{"tanh", 0.5, 0.75}, {"relu", 1.5, 2.0}}) {
            String act = (String) c[0];
            double phi = (Double) c[1], psi = (Double) c[2];
            int n0 = 200, m = (int) Math.round(n0 / phi), n1 = (int) Math.round(n0 / psi);
            DoubleConstants k = GaussianConstantsEngine.computeDouble(Activation.parse(act), 1, 0);
            DoubleUnaryOperator f = Activation.parse(act).toDoubleFunction();
            Generalization.Result th =
                    Generalization.ofActivation(act, n0 / (double) m, n0 / (double) n1, lambdas, 1, 0.1, 1, 1);
            double[] test = new double[3], train = new double[3];
            int trials = 4;
            for (int t = 0; t < trials; t++) {
                GeneralizationSimulation s = GeneralizationSimulation.sample(f, k.mean(), n0, n1, m, 1000, 1, 1, 3, t);
                for (int i = 0; i < 3; i++) {
                    test[i] += s.testError(lambdas[i], 1, 0.1) / trials;
                    train[i] += s.trainError(lambdas[i], 1, 0.1) / trials;
                }
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(th.eTest()[i], test[i], 0.02 * th.eTest()[i], act + " test, lambda " + lambdas[i]);
                assertEquals(th.eTrain()[i], train[i], 0.02 * th.eTrain()[i], act + " train, lambda " + lambdas[i]);
            }
        }
    }

    @Test
    void refusesBadSizes() {
        assertTrue(assertThrowsMessage(() -> GeneralizationSimulation.sample(TANH, 0, 0, 5, 5, 5, 1, 1, 1, 0))
                .contains("got 0"));
        GeneralizationSimulation s = GeneralizationSimulation.sample(TANH, 0, 5, 5, 5, 5, 1, 1, 1, 0);
        assertTrue(assertThrowsMessage(() -> s.testError(0, 1, 0)).contains("got 0"));
    }

    private static String assertThrowsMessage(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e)
                .getMessage();
    }
}
