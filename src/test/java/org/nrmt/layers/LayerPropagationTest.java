package org.nrmt.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LayerPropagationTest {

    /** The three isospectral examples of theory/layers.md §3. */
    static final DoubleUnaryOperator GAUSSIAN_BUMP = x -> -1 + Math.sqrt(5) * Math.exp(-2 * x * x);

    static final DoubleUnaryOperator TRIGONOMETRIC =
            x -> Math.sin(2 * x) + Math.cos(1.5 * x) - 2 * Math.exp(-2) * x - Math.exp(-9.0 / 8);
    static final DoubleUnaryOperator ERF_PRODUCT = x -> (1 - 4 / Math.sqrt(3) * Math.exp(-x * x / 2)) * Erf.erf(x);

    static LayerPropagation normalised(DoubleUnaryOperator f, int n, int m) {
        double[] c = GaussianAverages.constants(f);
        MarchenkoPasturLaw mp = MarchenkoPasturLaw.of(1, (double) n / m);
        return new LayerPropagation(f, c[0], 1 / Math.sqrt(c[1]), mp::cdf);
    }

    @Test
    void examplesHaveZeroMeanAndZeta() {
        double[] etaRaw = {2.0 / 3, 0.8267, 0.1826};
        DoubleUnaryOperator[] fs = {GAUSSIAN_BUMP, TRIGONOMETRIC, ERF_PRODUCT};
        for (int i = 0; i < 3; i++) {
            double[] c = GaussianAverages.constants(fs[i]);
            assertEquals(0, c[0], 1e-14);
            assertEquals(0, c[2], 1e-14);
            assertEquals(etaRaw[i], c[1], 5e-5);
        }
        assertEquals(2.0 / 3, GaussianAverages.constants(GAUSSIAN_BUMP)[1], 1e-14);
    }

    /** Default-suite version: 3 layers at n = 300, m = 600; stated tolerance KS ≤ 0.03 (~3/√n·√… at this n). */
    @Test
    void isospectralExamplesKeepMarchenkoPasturSmall() {
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {GAUSSIAN_BUMP, TRIGONOMETRIC, ERF_PRODUCT}) {
            List<LayerSpectrum> layers = normalised(f, 300, 600).run(3, 300, 600, 11);
            assertEquals(4, layers.size());
            for (LayerSpectrum s : layers) {
                assertTrue(s.ksToInputLaw() <= 0.03, "layer " + s.layer() + " KS " + s.ksToInputLaw());
            }
        }
    }

    /** Issue #6: KS ≤ 0.006 against Marchenko–Pastur through 5 layers at n = 1000, m = 2000. */
    @Test
    @Tag("slow")
    void isospectralExamplesKeepMarchenkoPastur() {
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {GAUSSIAN_BUMP, TRIGONOMETRIC, ERF_PRODUCT}) {
            List<LayerSpectrum> layers = normalised(f, 1000, 2000).run(5, 1000, 2000, 7);
            for (LayerSpectrum s : layers) {
                System.out.printf("layers: layer %d KS to MP %.4f%n", s.layer(), s.ksToInputLaw());
                assertTrue(s.ksToInputLaw() <= 0.006, "layer " + s.layer() + " KS " + s.ksToInputLaw());
            }
        }
    }

    /** Normalised tanh is not isospectral: by layer 3 its spectrum is far from the input law. */
    @Test
    void tanhDrifts() {
        List<LayerSpectrum> layers = normalised(Math::tanh, 300, 600).run(3, 300, 600, 5);
        assertTrue(layers.get(0).ksToInputLaw() < 0.03);
        assertTrue(layers.get(1).ksToInputLaw() > 0.1, "KS " + layers.get(1).ksToInputLaw());
        assertTrue(layers.get(3).ksToInputLaw() > layers.get(1).ksToInputLaw());
    }

    @Test
    void sameSeedSameSpectra() {
        LayerPropagation p = normalised(GAUSSIAN_BUMP, 50, 80);
        List<LayerSpectrum> a = p.run(2, 50, 80, 3);
        List<LayerSpectrum> b = p.run(2, 50, 80, 3);
        assertArrayEquals(a.get(2).eigenvalues(), b.get(2).eigenvalues(), 0.0);
    }
}
