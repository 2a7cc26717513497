package org.nrmt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.spectrum.ApStieltjesPoint;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/** The one home of "the limit law of this model": against closed-form constants and identities. */
class LimitLawsTest {

    /** ReLU at s = 1: η = 1/2 − 1/(2π), ζ = 1/4 (theory/gaussian-constants.md). */
    @Test
    void reluLawIsTheQuarticLawOfItsClosedFormConstants() {
        double eta = 0.5 - 1 / (2 * Math.PI);
        QuarticLaw exact = QuarticLaw.of(new ModelParams(eta, 0.25, 0.5, 2));
        SpectralLaw law = LimitLaws.law(Model.of("relu"), 0.5, 2);
        Complex z = new Complex(0.3, 0.05);
        Complex a = law.stieltjes(z);
        Complex b = exact.stieltjes(z);
        assertEquals(0, a.subtract(b).abs(), 1e-12 * b.abs());
    }

    /** The same law whether named by its sizes or by its ratios. */
    @Test
    void simulationLawUsesTheSimulationsRatios() {
        SimulationSpec spec = SimulationSpec.of(300, 600, 1200);
        SpectralLaw a = LimitLaws.ofSimulation("tanh", spec, 1, 1, false);
        SpectralLaw b = LimitLaws.law(Model.of("tanh"), 0.25, 0.5);
        Complex z = new Complex(0.7, 0.01);
        assertEquals(0, a.stieltjes(z).subtract(b.stieltjes(z)).abs(), 1e-15);
    }

    /** At 30 digits, exact decimal η, ζ, φ, ψ: the double law agrees to double's inclusion radius. */
    @Test
    void highPrecisionLawTakesTheDecimalsTyped() {
        Model m = Model.ofConstants(new BigDecimal("0.3"), new BigDecimal("0.1"));
        QuarticLaw hp = LimitLaws.quarticLaw(m, new BigDecimal("0.5"), new BigDecimal("2"), 30);
        ApStieltjesPoint p = hp.stieltjesAp(new Apcomplex(new Apfloat("0.4", 40), new Apfloat("0.01", 40)));
        assertTrue(p.certified());
        Complex d = QuarticLaw.of(new ModelParams(0.3, 0.1, 0.5, 2)).stieltjes(new Complex(0.4, 0.01));
        assertEquals(d.getReal(), p.g().real().doubleValue(), 1e-12 * d.abs());
        assertEquals(d.getImaginary(), p.g().imag().doubleValue(), 1e-12 * d.abs());
    }

    /**
     * x² − 1 has ζ = (E[Z(Z² − 1)])² = 0 exactly: the double engine's ~1e-33 is its rounding and
     * becomes 0, η = E(Z² − 1)² = 2. A small true ζ is kept: x² − 1 + 1e-5·x has ζ = 1e-10.
     */
    @Test
    void aZetaAtTheEnginesRoundingIsZero() {
        ModelParams p = LimitLaws.params(Model.of("x^2-1"), 0.5, 1);
        assertEquals(0, p.zeta(), 0);
        assertEquals(2, p.eta(), 1e-14);
        ModelParams q = LimitLaws.params(Model.of("x^2-1+0.00001*x"), 0.5, 1);
        assertEquals(1e-10, q.zeta(), 1e-18); // the engine's double error in E[Z f], times 2E[Z f]
    }

    @Test
    void badModelsAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Model.ofConstants(new BigDecimal("0.1"), new BigDecimal("0.2")));
        assertTrue(e.getMessage().endsWith("got 0.2"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Model.ofConstants(new BigDecimal("1"), new BigDecimal("0.5"))
                        .withBias(BiasKind.neuron, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> LimitLaws.law(Model.of("1"), 0.5, 2));
    }
}
