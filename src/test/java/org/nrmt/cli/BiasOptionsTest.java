package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * --bias on the theory commands (issue #5): stieltjes, density, support and moments use the bias
 * law; the commands whose theory is bias-free refuse it instead of ignoring it.
 */
class BiasOptionsTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** σb → 0: the per-neuron and per-sample laws reduce to the PW quartic (model.md §7). */
    @Test
    void vanishingBiasGivesTheQuarticLaw() throws Exception {
        JsonNode free = json(
                        "stieltjes", "-f", "tanh", "--phi", "0.5", "--psi", "2", "--z", "0.7+0.2i", "--format", "json")
                .get("points")
                .get(0);
        for (String kind : new String[] {"neuron", "sample"}) {
            JsonNode biased = json(
                    "stieltjes",
                    "-f",
                    "tanh",
                    "--phi",
                    "0.5",
                    "--psi",
                    "2",
                    "--z",
                    "0.7+0.2i",
                    "--bias",
                    kind,
                    "--bias-sigma",
                    "1e-9",
                    "--format",
                    "json");
            assertEquals(kind, biased.get("bias").asText());
            JsonNode p = biased.get("points").get(0);
            assertTrue(p.get("certified").asBoolean());
            assertEquals(free.get("g_re").asDouble(), p.get("g_re").asDouble(), 1e-10, kind);
            assertEquals(free.get("g_im").asDouble(), p.get("g_im").asDouble(), 1e-10, kind);
        }
    }

    /**
     * With σb = 1 the law moves away from the bias-free one; its first moment (contour integral
     * of G) equals E_b[ζ(b) + s²(b)] from the conditional constants (quadrature in b), and each
     * density row is −Im G/π of its own G.
     */
    @Test
    void biasLawOnEveryTheoryCommand() throws Exception {
        String[] model = {
            "-f", "relu", "--phi", "0.5", "--psi", "1", "--bias", "neuron", "--bias-sigma", "1", "--format", "json"
        };
        JsonNode constants =
                json("constants", "-f", "relu", "--bias", "neuron", "--bias-sigma", "1", "--format", "json");
        JsonNode moments = json(CliRun.concat(new String[] {"moments", "--k", "2"}, model));
        assertEquals(
                constants.get("mean_zeta_plus_s2").asDouble(),
                moments.get("moments").get(0).asDouble(),
                1e-8);
        JsonNode freeMoments =
                json("moments", "-f", "relu", "--phi", "0.5", "--psi", "1", "--k", "1", "--format", "json");
        assertTrue(Math.abs(freeMoments.get("moments").get(0).asDouble()
                        - moments.get("moments").get(0).asDouble())
                > 0.01);
        JsonNode density =
                json(CliRun.concat(new String[] {"density", "--from", "0.05", "--to", "1", "--points", "5"}, model));
        for (JsonNode p : density.get("points")) {
            assertTrue(p.get("certified").asBoolean(), p.toString());
            assertEquals(-p.get("g_im").asDouble() / Math.PI, p.get("density").asDouble(), 1e-12);
        }
        JsonNode support = json(CliRun.concat(new String[] {"support"}, model));
        JsonNode last = support.get("intervals").get(support.get("intervals").size() - 1);
        assertTrue(last.get(1).asDouble() > last.get(0).asDouble());
    }

    /**
     * compare --sampled-bias: the theory is the mixture of the laws of each trial's drawn biases
     * (that they are the drawn ones is SimulatorTest.biasValuesAreTheBiasesEachTrialDrew); it needs
     * a per-neuron or per-sample bias.
     */
    @Test
    void compareWithTheSampledBiasTheory() throws Exception {
        JsonNode r = json(
                "compare",
                "-f",
                "tanh",
                "--n0",
                "100",
                "--n1",
                "100",
                "--m",
                "200",
                "--bias",
                "neuron",
                "--bias-sigma",
                "1.5",
                "--trials",
                "2",
                "--seed",
                "3",
                "--sampled-bias",
                "--threads",
                "1",
                "--quiet",
                "--format",
                "json");
        assertTrue(r.get("sampled_bias").asBoolean());
        assertEquals(2, r.get("trials").asInt());
        // 2 × 100 eigenvalues against their own law: 0.022 measured, budget 6/n1.
        assertTrue(r.get("ks").asDouble() < 0.06, r.toString());
        for (String bias : new String[] {"none", "scalar"}) {
            CliRun bad = run(
                    "compare",
                    "-f",
                    "tanh",
                    "--n0",
                    "50",
                    "--n1",
                    "50",
                    "--m",
                    "100",
                    "--bias",
                    bias,
                    "--bias-sigma",
                    "0.5",
                    "--sampled-bias");
            assertEquals(2, bad.code(), bias);
            assertTrue(
                    bad.err().startsWith("nrmt: error: --sampled-bias needs --bias neuron or sample, got " + bias),
                    bad.err());
        }
    }

    @Test
    void biasIsRefusedWhereItCannotBeHonoured() {
        String[] bias = {"--bias", "sample", "--bias-sigma", "0.5"};
        CliRun r = run(CliRun.concat(
                new String[] {"memorization", "-f", "tanh", "--phi", "1", "--psi", "1", "--lambda", "0.1"}, bias));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nrmt: error: memorization is bias-free"), r.err());
        assertEquals(
                2,
                run(CliRun.concat(new String[] {"branches", "-f", "tanh", "--phi", "1", "--psi", "1"}, bias))
                        .code());
        r = run(CliRun.concat(
                new String[] {"stieltjes", "--eta", "1", "--zeta", "0.5", "--phi", "1", "--psi", "1", "--z", "1+1i"},
                bias));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bias needs --activation"), r.err());
        r = run(CliRun.concat(
                new String[] {"density", "-f", "tanh", "--phi", "1", "--psi", "1", "--x", "0.5", "--digits", "30"},
                bias));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("double precision"), r.err());
    }
}
