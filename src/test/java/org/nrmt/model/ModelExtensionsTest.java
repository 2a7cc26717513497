package org.nrmt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasMeasure;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.spectrum.SpectralLaw;

/** Model.centred, LimitLaws.lawForMoments and densities, Decimals: against closed forms. */
class ModelExtensionsTest {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /** E relu(σZ) = σ/√(2π): the centring uses the total scale √(s² + σb²). */
    @Test
    void centringSubtractsTheMeanOverPreActivationAndBias() {
        CenteredActivation plain = Model.of("relu").centred();
        assertEquals(1 / SQRT_2PI, plain.mean(), 1e-15);
        assertEquals(2 - 1 / SQRT_2PI, plain.apply(2), 1e-15);
        Model biased = Model.of("relu")
                .withSigmas(new BigDecimal("1.5"), new BigDecimal("2"))
                .withBias(BiasKind.neuron, new BigDecimal("4"));
        assertEquals(5 / SQRT_2PI, biased.centred().mean(), 1e-14); // √(3² + 4²) = 5
    }

    /** Marchenko–Pastur at ζ = 0 (ratio c = φ/ψ, variance η), and NaN at its divergent hard edge. */
    @Test
    void densitiesOfTheQuarticLawAreMarchenkoPasturAtZetaZero() {
        double eta = 1.3;
        double c = 0.5;
        SpectralLaw law = LimitLaws.law(Model.ofConstants(new BigDecimal("1.3"), BigDecimal.ZERO), 1.0, 2.0);
        double lo = eta * Math.pow(1 - Math.sqrt(c), 2);
        double hi = eta * Math.pow(1 + Math.sqrt(c), 2);
        double[] x = {0.1, 0.5, 1.0, 2.0, 3.5, 5};
        double[] rho = LimitLaws.densities(law, x);
        for (int i = 0; i < x.length; i++) {
            double ref =
                    x[i] > lo && x[i] < hi ? Math.sqrt((hi - x[i]) * (x[i] - lo)) / (2 * Math.PI * eta * c * x[i]) : 0;
            assertEquals(ref, rho[i], 1e-13, "x = " + x[i]);
        }
        SpectralLaw square = LimitLaws.law(Model.ofConstants(BigDecimal.ONE, BigDecimal.ZERO), 1.0, 1.0);
        assertTrue(Double.isNaN(LimitLaws.densities(square, new double[] {0})[0]), "x^(-1/2) at 0: refused");
    }

    /** A bias law's densities along a grid are its point densities. */
    @Test
    void biasLawDensitiesAlongAGridAreThePointDensities() {
        Model m = Model.of("tanh").withBias(BiasKind.sample, new BigDecimal("0.7"));
        SpectralLaw law = LimitLaws.law(m, 0.5, 1.0);
        double[] x = {0.05, 0.3, 0.9, 1.6};
        double[] rho = LimitLaws.densities(law, x);
        for (int i = 0; i < x.length; i++) assertEquals(law.density(x[i]), rho[i], 1e-12 * Math.max(1, rho[i]));
    }

    /** The first moment of a per-neuron bias law is E_b[ζ(b) + s²(b)] (theory/bias.md). */
    @Test
    void momentLawHasTheFirstMomentOfTheConditionalConstants() {
        Model m = Model.of("relu").withBias(BiasKind.neuron, new BigDecimal("0.5"));
        double m1 = LimitLaws.lawForMoments(m, 0.5, 1.0).moment(1);
        double ref = BiasLaws.constants(m.parsedActivation(), 1.0, BiasMeasure.gaussian(0.5, BiasLaws.DEFAULT_NODES))
                .meanVariance();
        assertEquals(ref, m1, 1e-9);
        Model plain = Model.of("tanh");
        assertEquals(
                LimitLaws.law(plain, 0.5, 2).moment(3),
                LimitLaws.lawForMoments(plain, 0.5, 2).moment(3),
                0);
    }

    @Test
    void decimalsAreCutToTheDigitsAndPlain() {
        assertEquals("0.123", Decimals.plain(new Apfloat("0.1234567", 20), 3));
        assertEquals("1.5", Decimals.plain(new Apfloat("1.5000", 20), 10));
        assertEquals("0", Decimals.plain(new Apfloat(0), 10));
        assertEquals("0.0000000000000000000123", Decimals.plain(new Apfloat("1.23e-20", 20), 3));
        assertEquals(0.3943, Decimals.rounded(0.394294490397841, 4));
        assertEquals(0.125, Decimals.rounded(0.125, 16), "16 digits: the double itself");
        assertEquals(0.13, Decimals.rounded(0.125, 2), "half up");
    }
}
