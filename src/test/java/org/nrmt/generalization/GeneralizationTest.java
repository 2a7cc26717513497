package org.nrmt.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;

/** The plain-argument entry point (for the CLI and Python). */
class GeneralizationTest {

    private static final double[] LAMBDAS = {1e-3, 0.1, 10};

    /** An activation and its own constants give the same numbers; the error covers both. */
    @Test
    void activationAndConstantsAgree() {
        DoubleConstants c = GaussianConstantsEngine.computeDouble(Activation.parse("gelu"), 1, 0);
        Generalization.Result a = Generalization.ofActivation("gelu", 0.7, 1.3, LAMBDAS, 1, 0.2, 1, 1);
        Generalization.Result b = Generalization.ofConstants(c.eta(), c.zeta(), c.mean(), 0.7, 1.3, LAMBDAS, 1, 0.2, 1);
        Generalization.Result d =
                Generalization.compute(null, c.eta(), c.zeta(), null, 0.7, 1.3, LAMBDAS, 1, 0.2, 1, 1);
        assertTrue(a.allCertified() && b.allCertified());
        for (int i = 0; i < LAMBDAS.length; i++) {
            assertEquals(a.eTest()[i], b.eTest()[i], a.error()[i] + b.error()[i]);
            assertEquals(b.eTest()[i], d.eTest()[i], 0);
            assertTrue(a.error()[i] >= b.error()[i] * 0.5 && a.error()[i] < 1e-11, "error " + a.error()[i]);
        }
        assertEquals(c.mean(), a.mean(), 1e-15);
    }

    /**
     * σx enters twice: through s = σwσx in η, ζ and through the teacher's output variance Fσx².
     * σw = 0.5, σx = 2 has s = 1 (the constants of σw = σx = 1) and signal F gives the limit of 4F.
     */
    @Test
    void inputScaleMultipliesTheSignal() {
        Generalization.Result a = Generalization.ofActivation("tanh", 0.5, 2, LAMBDAS, 0.75, 0.1, 0.5, 2);
        Generalization.Result b = Generalization.ofActivation("tanh", 0.5, 2, LAMBDAS, 3, 0.1, 1, 1);
        for (int i = 0; i < LAMBDAS.length; i++) {
            assertEquals(b.eTest()[i], a.eTest()[i], 1e-13);
            assertEquals(b.eTrain()[i], a.eTrain()[i], 1e-13);
        }
        Generalization.Result far = Generalization.ofActivation("tanh", 0.5, 2, new double[] {1e12}, 0.75, 0.1, 0.5, 2);
        assertEquals(4 * 0.75 + 0.1, far.eTest()[0], 1e-10);
    }

    @Test
    void badArgumentsNameTheValue() {
        String m1 = assertThrows(
                        IllegalArgumentException.class,
                        () -> Generalization.compute("tanh", 1.0, 0.5, null, 1, 1, LAMBDAS, 1, 0, 1, 1))
                .getMessage();
        assertTrue(m1.contains("got"), m1);
        String m2 = assertThrows(
                        IllegalArgumentException.class,
                        () -> Generalization.ofActivation("tanh", 1, 1, new double[] {-1}, 1, 0, 1, 1))
                .getMessage();
        assertTrue(m2.contains("got -1"), m2);
        String m3 = assertThrows(
                        IllegalArgumentException.class,
                        () -> Generalization.ofActivation("foo(x)", 1, 1, LAMBDAS, 1, 0, 1, 1))
                .getMessage();
        assertTrue(m3.contains("got 'foo(x)'"), m3);
        assertThrows(
                IllegalArgumentException.class, () -> Generalization.ofConstants(1, 0.5, 0, 1, 1, LAMBDAS, -1, 0, 1));
    }
}
