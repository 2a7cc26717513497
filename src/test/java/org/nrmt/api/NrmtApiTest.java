package org.nrmt.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.nrmt.model.Model;
import org.nrmt.simulation.JavaEigenSolver;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;

/** The facade against closed forms and against the library it wires (same law, same simulation). */
class NrmtApiTest {

    private static String field(Constants c, String name) {
        List<String> names = Arrays.asList(c.names());
        return c.values()[names.indexOf(name)];
    }

    /** ReLU: mean 1/√(2π), η = 1/2 − 1/(2π), ζ = 1/4; at 40 digits against apfloat's π. */
    @Test
    void constantsAreTheClosedFormsInDoubleAndAtFortyDigits() {
        Constants d = Nrmt.constants("relu", 16, null, null, null, null);
        assertEquals(1 / Math.sqrt(2 * Math.PI), Double.parseDouble(field(d, "mean")), 1e-16);
        assertEquals(0.25, Double.parseDouble(field(d, "zeta")), 1e-16);
        Constants p = Nrmt.constants("relu", 40, null, null, null, null);
        BigDecimal pi = new BigDecimal(ApfloatMath.pi(60).toString(true));
        BigDecimal eta = new BigDecimal("0.5")
                .subtract(BigDecimal.ONE.divide(pi.multiply(BigDecimal.valueOf(2)), new MathContext(60)));
        BigDecimal got = new BigDecimal(field(p, "eta"));
        assertTrue(got.subtract(eta).abs().compareTo(new BigDecimal("1e-40")) < 0, got + " vs " + eta);
        assertEquals("0.25", field(p, "zeta"));
    }

    @Test
    void lawArraysAreTheLibrarysAndKeepTheirLayout() {
        Law law = Nrmt.law(null, "1.7", "0", "2", "0.8", null, null, null, null, 16);
        double c = 2 / 0.8; // Marchenko–Pastur of ratio φ/ψ with an atom 1 − 1/c at 0
        double[] atoms = law.atoms();
        assertEquals(2, atoms.length);
        assertEquals(0, atoms[0]);
        assertEquals(1 - 1 / c, atoms[1], 1e-13);
        double[] edges = law.support();
        assertEquals(1.7 * Math.pow(1 - Math.sqrt(c), 2), edges[0], 1e-12);
        assertEquals(1.7 * Math.pow(1 + Math.sqrt(c), 2), edges[1], 1e-12);
        double[] m = law.moments(2);
        assertEquals(1.7, m[0], 1e-13);
        assertEquals(1.7 * 1.7 * (1 + c), m[1], 1e-12);
        // one height: the lateral continuation gives the per-point G
        double[] re = {0.5, 1.5, 4.0};
        double[] line = law.stieltjes(re, new double[] {0.1, 0.1, 0.1});
        for (int i = 0; i < re.length; i++) {
            double[] one = law.stieltjes(new double[] {re[i]}, new double[] {0.1});
            assertEquals(one[0], line[i], 1e-14);
            assertEquals(one[1], line[re.length + i], 1e-14);
            assertTrue(line[re.length + i] < 0, "Im G < 0 above the axis");
        }
        double[] rho = law.density(new double[] {1.0, 1e3});
        assertEquals(-law.stieltjes(new double[] {1.0}, new double[] {0})[1] / Math.PI, rho[0], 1e-15);
        assertEquals(0, rho[1]);
    }

    @Test
    void thirtyDigitLawsAnswerInDecimals() {
        Law law = Nrmt.law("tanh", null, null, "0.5", "2", null, null, null, null, 30);
        String[] edges = law.supportDecimal();
        assertEquals(2, edges.length);
        int precision = new BigDecimal(edges[0]).precision();
        assertTrue(precision > 25 && precision <= 30, "30 significant digits, trailing zeros dropped: " + edges[0]);
        // the double law is built from double η, ζ (error ~1e-15): agreement to that, not to 1e-30
        assertEquals(law.support()[0], Double.parseDouble(edges[0]), 1e-14 * law.support()[0]);
        String[] g = law.stieltjesDecimal(new double[] {0.3}, new double[] {0.01});
        double[] d = law.stieltjes(new double[] {0.3}, new double[] {0.01});
        assertEquals(d[0], Double.parseDouble(g[0]), 1e-13);
        assertEquals(d[1], Double.parseDouble(g[1]), 1e-13);
        String[] rho = law.densityDecimal(new double[] {-1});
        assertEquals("0", rho[0]);
    }

    /** The facade's simulation is the library's: same spec, same centring, same seed, same bits. */
    @Test
    void simulationIsTheSimulatorsBitForBit() {
        Simulation s = Nrmt.simulate("gelu", 30, 20, 50, 9, 2, "1.2", null, null, null, "java", 1);
        SimulationSpec spec = new SimulationSpec(30, 20, 50, 1.2, 1.0, org.nrmt.simulation.BiasKind.none, 0);
        Model m = Model.of("gelu").withSigmas(new BigDecimal("1.2"), BigDecimal.ONE);
        double[] direct = new Simulator(new JavaEigenSolver(), 1)
                .run(spec, m.centred(), 2, 9)
                .pooled();
        assertArrayEquals(direct, s.eigenvalues());
        assertEquals(2, s.trials());
        assertEquals("java", s.backend());
    }

    @Test
    void comparisonStatisticsAndFigure() {
        ComparisonResult c = Nrmt.compare("tanh", 80, 80, 160, 1, 1, null, null, null, null, false, "java", 1);
        assertTrue(c.ks() > 0 && c.ks() < 0.1, "KS " + c.ks());
        Law law = Nrmt.law("tanh", null, null, "0.5", "1", null, null, null, null, 16);
        assertArrayEquals(law.moments(3), c.momentsTheory(), 1e-12);
        byte[] pdf = c.figure("c.pdf", 3.3, 2.5, 150);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void trainingLossGoesFromOneMinusGammaToOne() {
        double[] e = Nrmt.memorization(null, "1", "0.5", "0.5", "1", null, null, new double[] {1e-8, 1e8});
        assertEquals(0.5, e[0], 1e-6);
        assertEquals(1.0, e[1], 1e-6);
    }

    @Test
    void badInputIsOneLineNamingTheValue() {
        assertEquals(
                "phi must be > 0, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Nrmt.law("tanh", null, null, "-1", "1", null, null, null, null, 16))
                        .getMessage());
        assertEquals(
                "sigma_w must be a decimal number, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> Nrmt.constants("tanh", 16, "x", null, null, null))
                        .getMessage());
        assertEquals(
                "backend must be native or java, got 'gpu'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Nrmt.simulate("tanh", 5, 5, 5, 1, 1, null, null, null, null, "gpu", 1))
                        .getMessage());
        assertEquals(
                "real and imaginary parts must have one length, got 2 and 1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Nrmt.law("tanh", null, null, "1", "1", null, null, null, null, 16)
                                        .stieltjes(new double[2], new double[1]))
                        .getMessage());
        assertNull(
                Nrmt.law("tanh", null, null, "1", "1", null, null, null, null, 30)
                        .stieltjesDecimal(new double[] {0.0}, new double[] {0.0})[0],
                "G at 0 for ψ = φ: the hard edge, refused");
    }
}
