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
        for (String key :
                new String[] {"\"activation\"", "\"s\"", "\"digits\"", "\"mean\"", "\"eta\"", "\"zeta\"", "\"error\""
                }) {
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
            CliRun r = run(
                    "constants",
                    "-f",
                    f,
                    "--sigma-w",
                    "1.2",
                    "--bias",
                    "neuron",
                    "--bias-sigma",
                    "0.9",
                    "--format",
                    "json");
            assertEquals(0, r.code(), r.err());
            var j = json.readTree(r.out());
            assertEquals(64, j.get("points").size());
            double combined = Math.sqrt(1.2 * 1.2 + 0.9 * 0.9);
            var c = org.nrmt.constants.GaussianConstantsEngine.computeDouble(
                    org.nrmt.activation.Activation.parse(f), combined, 0);
            assertEquals(c.mean(), j.get("mean_mu").asDouble(), 1e-10, f);
            assertEquals(
                    c.eta(),
                    j.get("mean_zeta_plus_s2").asDouble() + j.get("variance_mu").asDouble(),
                    1e-10,
                    f);
        }
        CliRun unused = run("constants", "-f", "tanh", "--phi", "2");
        assertEquals(2, unused.code());
        assertTrue(unused.err().contains("phi=2.0"), unused.err());
    }

    /**
     * --digits 30 with a bias: the apfloat constants, json with the double output's fields plus error;
     * they match the double constants (--digits 16) to 1e-13 and the engine's mean and E f² at the
     * combined scale √(s² + σb²) to the reported error.
     */
    @Test
    void biasConstantsAt30Digits() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = decimalJson();
        String[] args = {"constants", "-f", "erf", "--bias", "sample", "--bias-sigma", "0.5", "--format", "json"};
        CliRun hi = run(concat(args, "--digits", "30"));
        CliRun lo = run(args);
        assertEquals(0, hi.code(), hi.err());
        assertEquals(0, lo.code(), lo.err());
        var h = json.readTree(hi.out());
        var l = json.readTree(lo.out());
        for (String key : new String[] {"mean_mu", "variance_mu", "mean_zeta", "mean_s2", "mean_zeta_plus_s2"}) {
            assertEquals(l.get(key).asDouble(), h.get(key).asDouble(), 1e-13, key);
        }
        double error = h.get("error").asDouble();
        assertTrue(error > 0 && error < 1e-28, "error " + error);
        assertEquals(h.get("nodes").asInt(), h.get("points").size());
        var row = h.get("points").get(h.get("nodes").asInt() / 2);
        for (String key : new String[] {"b", "weight", "mu", "zeta", "s2", "digits"}) {
            assertTrue(row.has(key), key + " missing in " + row);
        }
        // E_b[μ² + ζ + s²] = E erf(√1.25 W)² and E_b μ = 0 (odd f, symmetric nodes), as decimals
        java.math.BigDecimal second = h.get("variance_mu")
                .decimalValue()
                .add(h.get("mean_zeta_plus_s2").decimalValue())
                .add(h.get("mean_mu").decimalValue().pow(2));
        var ref = org.nrmt.constants.GaussianConstantsEngine.compute(
                org.nrmt.activation.Activation.parse("erf"),
                org.apfloat.ApfloatMath.sqrt(new org.apfloat.Apfloat("1.25", 50)),
                org.apfloat.Apfloat.ZERO,
                30,
                0);
        double diff = second.subtract(
                        new java.math.BigDecimal(ref.secondMoment().toString(true)))
                .abs()
                .doubleValue();
        assertTrue(diff <= 2 * error + ref.error().doubleValue(), "E f^2 differs by " + diff);
        assertEquals(
                0, h.get("mean_mu").decimalValue().signum(), h.get("mean_mu").toString());
    }

    /** σb = 0: the plain constants, digit for digit. */
    @Test
    void zeroBiasSigmaGivesThePlainConstants() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = decimalJson();
        var plain = json.readTree(run("constants", "-f", "tanh", "--digits", "30", "--format", "json")
                .out());
        CliRun r = run(
                "constants",
                "-f",
                "tanh",
                "--bias",
                "neuron",
                "--bias-sigma",
                "0",
                "--digits",
                "30",
                "--format",
                "json");
        assertEquals(0, r.code(), r.err());
        var b = json.readTree(r.out());
        assertEquals(plain.get("zeta").decimalValue(), b.get("mean_zeta").decimalValue());
        assertEquals(plain.get("eta").decimalValue(), b.get("mean_zeta_plus_s2").decimalValue());
        assertEquals(1, b.get("nodes").asInt());
    }

    @Test
    void badBiasInputExits2() {
        for (String digits : new String[] {"16", "30"}) {
            CliRun neg = run("constants", "-f", "tanh", "--bias", "neuron", "--bias-sigma", "-1", "--digits", digits);
            assertEquals(2, neg.code(), neg.err());
            assertTrue(neg.err().contains("got -1"), neg.err());
            CliRun nan = run("constants", "-f", "tanh", "--bias", "neuron", "--bias-sigma", "NaN", "--digits", digits);
            assertEquals(2, nan.code(), nan.err());
            CliRun bad =
                    run("constants", "-f", "exp(x^2)", "--bias", "neuron", "--bias-sigma", "1", "--digits", digits);
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().startsWith("nrmt: error: "), bad.err());
        }
    }

    /** Numbers as BigDecimal: doubles would drop the digits beyond 17. */
    private static com.fasterxml.jackson.databind.ObjectMapper decimalJson() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
