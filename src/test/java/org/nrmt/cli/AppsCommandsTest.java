package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memorization, layers and isospectral commands: exit codes and the contract's fields. */
class AppsCommandsTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** ζ = 0, γ = 1, η = 1, λ = 0.05: E_train = 1/9 exactly (theory/memorization.md §2). */
    @Test
    void memorizationTheoryFields() throws Exception {
        JsonNode j = json(run(
                "memorization",
                "--eta",
                "1",
                "--zeta",
                "0",
                "--phi",
                "1",
                "--psi",
                "1",
                "--lambda",
                "0.05,1",
                "--format",
                "json"));
        JsonNode p = j.get("points").get(0);
        assertEquals(0.05, p.get("lambda").asDouble(), 0);
        assertEquals(1.0 / 9, p.get("e_train_theory").asDouble(), 1e-15);
        assertEquals(2, j.get("points").size());
    }

    @Test
    void memorizationSimulatesWithTheSameSeed(@TempDir Path dir) throws Exception {
        String[] args = {
            "memorization",
            "-f",
            "tanh",
            "--phi",
            "1",
            "--psi",
            "1.5",
            "--lambda",
            "0.1",
            "--simulate",
            "--n1",
            "120",
            "--seed",
            "4",
            "--format",
            "json"
        };
        JsonNode a = json(run(args));
        JsonNode b = json(run(args));
        JsonNode p = a.get("points").get(0);
        assertEquals(
                p.get("e_train_simulated").asDouble(),
                b.get("points").get(0).get("e_train_simulated").asDouble(),
                0);
        assertEquals(
                p.get("e_train_theory").asDouble(),
                p.get("e_train_simulated").asDouble(),
                0.05 * p.get("e_train_theory").asDouble());
        Path png = dir.resolve("e.png");
        CliRun r = run(
                "memorization",
                "--eta",
                "1",
                "--zeta",
                "0.5",
                "--phi",
                "1",
                "--psi",
                "1",
                "--lambda",
                "0.01,0.1,1",
                "--plot",
                png.toString(),
                "--ratios",
                "1,2,inf");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        assertEquals(1 + 3 * 3, Files.readAllLines(dir.resolve("e.csv")).size());
    }

    /**
     * --trials T averages T independent feature matrices: the standard error is reported, lies below
     * the spread of single trials, and the mean stays within 4 se plus the finite-n bias budget
     * (3 %, measured ≤ 1 % at n1 = 120, γ = 2/3) of the theory.
     */
    @Test
    void memorizationAveragesTrialsWithStandardError() throws Exception {
        String[] base = {
            "memorization",
            "-f",
            "tanh",
            "--phi",
            "1",
            "--psi",
            "1.5",
            "--lambda",
            "0.01,0.1",
            "--simulate",
            "--n1",
            "120",
            "--n2",
            "1",
            "--seed",
            "4",
            "--format",
            "json"
        };
        String[] withTrials = java.util.Arrays.copyOf(base, base.length + 2);
        withTrials[base.length] = "--trials";
        withTrials[base.length + 1] = "6";
        JsonNode j = json(run(withTrials));
        assertEquals(6, j.get("trials").asInt());
        for (JsonNode p : j.get("points")) {
            double theory = p.get("e_train_theory").asDouble();
            double mean = p.get("e_train_simulated").asDouble();
            double se = p.get("e_train_simulated_se").asDouble();
            assertTrue(se > 0 && se < 0.05 * theory, "se " + se);
            assertEquals(theory, mean, 4 * se + 0.03 * theory);
        }
        assertTrue(json(run(base)).get("points").get(0).get("e_train_simulated_se") == null);
        assertEquals(
                2,
                run(
                                "memorization",
                                "-f",
                                "tanh",
                                "--phi",
                                "1",
                                "--psi",
                                "1",
                                "--lambda",
                                "0.1",
                                "--simulate",
                                "--n1",
                                "50",
                                "--trials",
                                "0")
                        .code());
    }

    /**
     * The figure's simulation points are the command's own estimate for that (η, ζ): with --trials 3
     * the η/ζ = 2 point equals e_train_simulated of `--eta 1 --zeta 0.5 --trials 3` (same surrogate
     * activation, seeds and shape), so the plot averages the same trials.
     */
    @Test
    void memorizationPlotPointsAverageTheTrials(@TempDir Path dir) throws Exception {
        String[] common = {
            "--phi",
            "1",
            "--psi",
            "1",
            "--lambda",
            "0.1,1",
            "--simulate",
            "--n1",
            "60",
            "--n2",
            "1",
            "--trials",
            "3",
            "--seed",
            "2",
            "--quiet"
        };
        Path png = dir.resolve("t.png");
        String[] plotArgs = CliRun.concat(
                new String[] {"memorization", "--eta", "1", "--zeta", "1", "--plot", png.toString(), "--ratios", "2"},
                common);
        assertEquals(0, run(plotArgs).code());
        List<String> rows = Files.readAllLines(dir.resolve("t.csv"));
        JsonNode direct = json(run(CliRun.concat(
                new String[] {"memorization", "--eta", "1", "--zeta", "0.5", "--format", "json"}, common)));
        for (int i = 0; i < 2; i++) {
            String[] cells = rows.get(1 + i).split(",");
            assertEquals(
                    direct.get("points").get(i).get("e_train_simulated").asDouble(),
                    Double.parseDouble(cells[3]),
                    1e-12,
                    rows.get(1 + i));
        }
    }

    @Test
    void memorizationBadInput() {
        CliRun r = run("memorization", "--eta", "1", "--zeta", "0", "--phi", "1", "--psi", "1", "--lambda", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nrmt: error: --lambda"), r.err());
        assertEquals(
                2,
                run(
                                "memorization",
                                "--eta",
                                "1",
                                "--zeta",
                                "0",
                                "--phi",
                                "1",
                                "--psi",
                                "1",
                                "--lambda",
                                "1",
                                "--simulate")
                        .code());
    }

    @Test
    void layersFieldsAndSmallDrift() throws Exception {
        JsonNode j = json(run(
                "layers",
                "-f",
                "-1 + sqrt(5)*exp(-2*x^2)",
                "--depth",
                "2",
                "--n",
                "150",
                "--m",
                "300",
                "--format",
                "json"));
        assertEquals(3, j.get("points").size());
        assertEquals(1.0, j.get("eta").asDouble(), 1e-12);
        for (JsonNode p : j.get("points")) {
            assertTrue(p.get("ks_to_input_law").asDouble() < 0.05, p.toString());
            assertTrue(p.has("ks_to_theory") && p.has("layer"));
        }
        assertEquals(2, run("layers", "-f", "tanh", "--depth", "0").code());
    }

    @Test
    void isospectralFindsTheBump() throws Exception {
        JsonNode j = json(run(
                "isospectral",
                "-f",
                "a + b*exp(-c*x^2)",
                "--params",
                "a=-0.3,b=1,c=2",
                "--solve",
                "a",
                "--digits",
                "20",
                "--format",
                "json"));
        assertEquals(-1 / Math.sqrt(5), j.get("parameters").get("a").asDouble(), 1e-15);
        assertEquals(2.0 / 15, j.get("eta_raw").asDouble(), 1e-15);
        assertEquals(1.0, j.get("eta").asDouble(), 1e-15);
        assertEquals(2, run("isospectral", "-f", "a*x", "--params", "x").code());
    }
}
