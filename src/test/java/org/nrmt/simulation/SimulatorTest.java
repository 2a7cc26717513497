package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {
    static EigenSolver nativeSolver;
    static final CenteredActivation TANH = new CenteredActivation(Math::tanh, 0, "tanh");

    @BeforeAll
    static void load() {
        nativeSolver = NativeEigenSolver.load(msg -> {});
    }

    /** Same seed, same bits: across runs and across thread counts (1 and 3 trials at once). */
    @Test
    void sameSeedGivesBitIdenticalEigenvaluesAcrossThreadCounts() {
        SimulationSpec spec = SimulationSpec.of(150, 120, 200).withBias(BiasKind.neuron, 0.5);
        SimulationResult one = new Simulator(nativeSolver, 1).run(spec, TANH, 4, 42);
        SimulationResult three = new Simulator(nativeSolver, 3).run(spec, TANH, 4, 42);
        SimulationResult again = new Simulator(nativeSolver, 3).run(spec, TANH, 4, 42);
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(one.trial(t), three.trial(t), "trial " + t);
            assertArrayEquals(one.trial(t), again.trial(t), "trial " + t);
        }
        // Trial t is the same matrix whatever the number of trials.
        assertArrayEquals(
                one.trial(2),
                new Simulator(nativeSolver, 2).run(spec, TANH, 3, 42).trial(2));
        assertFalse(java.util.Arrays.equals(one.trial(0), one.trial(1)));
        assertFalse(java.util.Arrays.equals(
                one.trial(0),
                new Simulator(nativeSolver, 1).run(spec, TANH, 1, 43).trial(0)));
    }

    /**
     * {@link Simulator#biasValues} returns the biases trial t actually used (the sampled-bias theory
     * of {@code compare --sampled-bias} and the verification harness rests on it). With σw tiny and
     * f(x) = x, Y = WX + B is B up to 1e-6, so M = YYᵀ/m is rank one with λ_max = Σ_i b_i² (per
     * neuron, B = b1ᵀ) or n1·Σ_μ β_μ²/m (per sample, B = 1βᵀ).
     */
    @ParameterizedTest
    @EnumSource(
            value = BiasKind.class,
            names = {"neuron", "sample"})
    void biasValuesAreTheBiasesEachTrialDrew(BiasKind bias) {
        SimulationSpec spec =
                SimulationSpec.of(60, 80, 100).withSigmas(1e-6, 1.0).withBias(bias, 1.3);
        CenteredActivation identity = new CenteredActivation(x -> x, 0.0, "x");
        SimulationResult r = new Simulator(nativeSolver, 1).run(spec, identity, 3, 17);
        for (int t = 0; t < 3; t++) {
            double[] b = Simulator.biasValues(spec, 17, t);
            assertEquals(bias == BiasKind.neuron ? spec.n1() : spec.m(), b.length);
            double sumSquares = 0;
            for (double v : b) {
                sumSquares += v * v;
            }
            double expected = bias == BiasKind.neuron ? sumSquares : spec.n1() * sumSquares / spec.m();
            double[] eig = r.trial(t);
            assertEquals(expected, eig[eig.length - 1], 1e-4 * expected, "trial " + t);
            assertTrue(eig[eig.length - 2] < 1e-6 * expected, "rank one, trial " + t);
        }
    }

    /** Native (dgemm, dsyrk, dsyevd) and ojAlgo agree on the same draws to 1e-10 of λ_max. */
    @ParameterizedTest
    @EnumSource(BiasKind.class)
    void nativeAndJavaBackendsAgree(BiasKind bias) {
        SimulationSpec spec =
                SimulationSpec.of(90, 130, 110).withSigmas(1.3, 0.8).withBias(bias, 0.7);
        CenteredActivation f = new CenteredActivation(x -> Math.max(x, 0), 0.3, "relu");
        double[] a = new Simulator(nativeSolver, 1).run(spec, f, 1, 5).trial(0);
        double[] b = new Simulator(new JavaEigenSolver(), 1).run(spec, f, 1, 5).trial(0);
        double scale = a[a.length - 1];
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-10 * scale, "eigenvalue " + i);
        }
    }

    /**
     * The feature matrix Y of both backends is the one whose spectrum they report: Y from
     * sampleFeatures agrees between native and ojAlgo to 1e-12 of max|y| for every bias kind, and
     * the eigenvalues of YYᵀ/m (formed here by plain loops) are sampleEigenvalues' to 1e-10 of λ_max.
     */
    @ParameterizedTest
    @EnumSource(BiasKind.class)
    void featuresAreTheMatrixWhoseSpectrumIsReported(BiasKind bias) {
        int n1 = 40;
        int m = 55;
        SimulationSpec spec = SimulationSpec.of(30, n1, m).withSigmas(1.3, 0.8).withBias(bias, 0.7);
        CenteredActivation f = new CenteredActivation(x -> Math.max(x, 0), 0.3, "relu");
        double[] y = nativeSolver.sampleFeatures(spec, f, 5, 2, 1);
        double[] yJava = new JavaEigenSolver().sampleFeatures(spec, f, 5, 2, 3);
        double top = Arrays.stream(y).map(Math::abs).max().orElseThrow();
        for (int k = 0; k < y.length; k++) {
            assertEquals(y[k], yJava[k], 1e-12 * top, "entry " + k);
        }
        double[] mm = new double[n1 * n1];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n1; j++) {
                double sum = 0;
                for (int mu = 0; mu < m; mu++) {
                    sum += y[mu * n1 + i] * y[mu * n1 + j];
                }
                mm[i + j * n1] = sum / m;
            }
        }
        double[] expected = new JavaEigenSolver().symmetricEigenvalues(mm, n1);
        double[] reported = nativeSolver.sampleEigenvalues(spec, f, 5, 2, 1);
        double scale = expected[n1 - 1];
        for (int i = 0; i < n1; i++) {
            assertEquals(expected[i], reported[i], 1e-10 * scale, "eigenvalue " + i);
        }
    }

    /**
     * M takes over G_X's buffer (n0·m ≥ n1²), G_W's (n1·n0 ≥ n1² > n0·m) or a fresh one: on the
     * same draws all three agree with ojAlgo, which shares no buffer, to 1e-10 of λ_max.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"120, 100, 110", "150, 100, 50", "60, 100, 80"})
    void nativeAgreesWithJavaWhicheverBufferMReuses(int n0, int n1, int m) {
        SimulationSpec spec = SimulationSpec.of(n0, n1, m);
        double[] a = new Simulator(nativeSolver, 1).run(spec, TANH, 1, 9).trial(0);
        double[] b =
                new Simulator(new JavaEigenSolver(), 1).run(spec, TANH, 1, 9).trial(0);
        double scale = a[a.length - 1];
        assertTrue(scale > 0.1, "λ_max " + scale);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-10 * scale, "eigenvalue " + i);
        }
    }

    /** The path graph Laplacian tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n+1)). */
    @Test
    void bothSolversReproduceTheLaplacianSpectrum() {
        int n = 300;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i + i * n] = 2;
            if (i + 1 < n) {
                a[i + 1 + i * n] = -1; // lower triangle only, as LAPACK reads it
            }
        }
        for (EigenSolver s : List.of(nativeSolver, new JavaEigenSolver())) {
            double[] ev = s.symmetricEigenvalues(a, n);
            for (int k = 1; k <= n; k++) {
                assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), ev[k - 1], 1e-12, s.name() + " k=" + k);
            }
        }
    }

    @Test
    void progressCountsEveryTrial() {
        List<Integer> seen = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        new Simulator(nativeSolver, 2).run(SimulationSpec.of(20, 30, 40), TANH, 5, 1, k -> {
            synchronized (seen) {
                seen.add(k);
            }
            calls.incrementAndGet();
        });
        assertEquals(5, calls.get());
        assertTrue(seen.contains(5));
    }

    /** n0 = n1 = m = 40000 would need 36 GB per trial: refused before any allocation, naming it. */
    @Test
    void oversizedRunIsRefusedUpFrontWithTheMemoryNeeded() {
        SimulationSpec spec = SimulationSpec.of(40000, 40000, 40000);
        InsufficientMemoryException e = assertThrows(
                InsufficientMemoryException.class, () -> new Simulator(nativeSolver, 1).run(spec, TANH, 1, 1));
        assertTrue(e.getMessage().contains("35.76 GB"), e.getMessage());
        InsufficientMemoryException j = assertThrows(
                InsufficientMemoryException.class,
                () -> new Simulator(new JavaEigenSolver(), 1).run(SimulationSpec.of(20000, 20000, 20000), TANH, 1, 1));
        assertTrue(j.getMessage().contains("Java heap"), j.getMessage());
    }

    @Test
    void invalidInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSpec.of(10, -3, 5));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulationSpec.of(10, 50000, 5));
        assertThrows(IllegalArgumentException.class, () -> new Simulator(nativeSolver, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Simulator(nativeSolver, 1).run(SimulationSpec.of(3, 3, 3), TANH, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> nativeSolver.symmetricEigenvalues(new double[3], 2));
    }
}
