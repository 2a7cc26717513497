package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code nrmt constants} through picocli: fields, digits, exit codes (../shared/cli.md). */
class ConstantsCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void jsonHasTheContractFieldsWithRequestedDigits() {
        CliRun r = run("constants", "-f", "erf", "--digits", "40", "--format", "json");
        assertEquals(0, r.code(), r.err());
        for (String key : new String[] {"\"activation\"", "\"s\"", "\"digits\"", "\"mean\"", "\"eta\"", "\"zeta\"", "\"error\""}) {
            assertTrue(r.out().contains(key), key + " missing in " + r.out());
        }
        // η of erf = (2/π) asin(2/3) = 0.46455905439753997850953240811753621701127 (40 digits)
        assertTrue(r.out().contains("0.4645590543975399785095324081175362170113"), r.out());
    }

    @Test
    void hermiteListWhenAsked() {
        CliRun r = run("constants", "-f", "x^3", "--digits", "20", "--hermite", "3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().replaceAll("\\s", "").contains("\"hermite\":[0,3,0,1]"), r.out());
    }

    @Test
    void sigmaScalesThePreActivation() {
        // f = x at s = σw σx = 1.5·2: η = ζ = 9
        CliRun r = run("constants", "-f", "x", "--sigma-w", "1.5", "--sigma-x", "2", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("9"), r.out());
    }

    @Test
    void nonIntegrableIsBadInput() {
        CliRun r = run("constants", "-f", "exp(x^2)");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nrmt: error: "), r.err());
        assertTrue(r.err().contains("got exp(x^2)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badDigitsAreRefused() {
        CliRun r = run("constants", "-f", "tanh", "--digits", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("got 0"), r.err());
    }

    /**
     * With a Gaussian bias b ~ N(0, σb²), sξ + b is N(0, s² + σb²): the averages of the conditional
     * constants must rebuild the bias-free constants at scale √(s² + σb²), E_b μ = mean and
     * E_b[ζ + s²] + Var_b μ = η (law of total variance), computed independently by the engine.
     */
    @Test
    void biasConstantsRebuildTheConstantsAtTheCombinedScale() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String f : new String[] {"tanh", "relu", "x^2 - 1"}) {
            CliRun r = run("constants", "-f", f, "--sigma-w", "1.2", "--bias", "neuron", "--bias-sigma", "0.9",
                    "--format", "json");
            assertEquals(0, r.code(), r.err());
            var j = json.readTree(r.out());
            assertEquals(64, j.get("points").size());
            double combined = Math.sqrt(1.2 * 1.2 + 0.9 * 0.9);
            var c = org.nrmt.constants.GaussianConstantsEngine.computeDouble(
                    org.nrmt.activation.Activation.parse(f), combined, 0);
            assertEquals(c.mean(), j.get("mean_mu").asDouble(), 1e-10, f);
            assertEquals(c.eta(), j.get("mean_zeta_plus_s2").asDouble() + j.get("variance_mu").asDouble(), 1e-10, f);
        }
        CliRun unused = run("constants", "-f", "tanh", "--phi", "2");
        assertEquals(2, unused.code());
        assertTrue(unused.err().contains("phi=2.0"), unused.err());
        CliRun r = run("constants", "-f", "tanh", "--bias", "sample", "--bias-sigma", "1", "--digits", "30");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nrmt: error: bias constants"), r.err());
    }
}
