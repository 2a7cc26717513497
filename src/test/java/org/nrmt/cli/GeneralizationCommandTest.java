package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nrmt generalization}: fields, identities across commands, seeds, bad input, the figure. */
class GeneralizationCommandTest {

    /** The pure-noise teacher's training error is τ² times what {@code nrmt memorization} prints. */
    @Test
    void pureNoiseTrainingErrorIsTheMemorizationLoss() throws Exception {
        String[] model = {"-f", "tanh", "--phi", "1.5", "--psi", "0.8", "--lambda", "0.01,0.1,1", "--format", "json"};
        JsonNode g = AppsCommandsTest.json(
                CliRun.of(CliRun.concat(new String[] {"generalization", "--signal", "0", "--noise", "2.5"}, model)));
        JsonNode m = AppsCommandsTest.json(CliRun.of(CliRun.concat(new String[] {"memorization"}, model)));
        for (int i = 0; i < 3; i++) {
            JsonNode p = g.get("points").get(i);
            assertEquals(
                    2.5 * m.get("points").get(i).get("e_train_theory").asDouble(),
                    p.get("e_train_theory").asDouble(),
                    1e-10);
            assertTrue(p.get("certified").asBoolean());
            assertTrue(p.get("error").asDouble() < 1e-12 && p.get("error").asDouble() > 0);
            assertEquals(
                    p.get("e_test_theory").asDouble(),
                    2.5 + p.get("bias").asDouble() + p.get("variance").asDouble(),
                    1e-12);
        }
        assertEquals(1.875, g.get("gamma").asDouble(), 1e-15);
    }

    @Test
    void simulationIsSeededAndReportsStandardErrors() throws Exception {
        String[] args = {
            "generalization",
            "--eta",
            "1",
            "--zeta",
            "0.6",
            "--mean",
            "0.3",
            "--phi",
            "0.5",
            "--psi",
            "1",
            "--lambda",
            "0.1",
            "--noise",
            "0.1",
            "--simulate",
            "--n0",
            "40",
            "--trials",
            "3",
            "--test-points",
            "300",
            "--seed",
            "4",
            "--format",
            "json"
        };
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(a.out(), b.out());
        JsonNode j = AppsCommandsTest.json(a);
        assertEquals(80, j.get("m").asInt());
        assertEquals(40, j.get("n1").asInt());
        JsonNode p = j.get("points").get(0);
        double th = p.get("e_test_theory").asDouble();
        double sim = p.get("e_test_simulated").asDouble();
        double se = p.get("e_test_simulated_se").asDouble();
        assertTrue(se > 0 && Math.abs(sim - th) < 0.15 * th, "sim " + sim + " theory " + th);
        assertTrue(p.has("e_train_simulated_se"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        List<String[]> bad = List.of(
                new String[] {"generalization", "-f", "tanh", "--phi", "1", "--psi", "1", "--lambda", "0"},
                new String[] {
                    "generalization", "-f", "tanh", "--phi", "1", "--psi", "1", "--lambda", "1", "--noise", "-1"
                },
                new String[] {"generalization", "-f", "tanh", "--phi", "1", "--psi", "1", "--lambda", "1", "--simulate"
                },
                new String[] {"generalization", "-f", "tanh", "--mean", "1", "--phi", "1", "--psi", "1", "--lambda", "1"
                },
                new String[] {
                    "generalization",
                    "-f",
                    "tanh",
                    "--eta",
                    "1",
                    "--zeta",
                    "0.5",
                    "--phi",
                    "1",
                    "--psi",
                    "1",
                    "--lambda",
                    "1"
                },
                new String[] {"generalization", "--eta", "1", "--zeta", "2", "--phi", "1", "--psi", "1", "--lambda", "1"
                },
                new String[] {"generalization", "-f", "tanh(", "--phi", "1", "--psi", "1", "--lambda", "1"});
        for (String[] args : bad) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith("nrmt: error: ") && lines[0].contains("got "), r.err());
        }
    }

    /** The figure and its CSV; for λ → 0 the theory peaks at n1/m = 1. */
    @Test
    void doubleDescentFigure(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("dd.png");
        CliRun r = CliRun.of(
                "generalization",
                "-f",
                "relu",
                "--phi",
                "0.5",
                "--psi",
                "0.5",
                "--lambda",
                "0.0001,0.1",
                "--noise",
                "0.2",
                "--plot",
                png.toString(),
                "--plot-points",
                "40",
                "--plot-max",
                "2",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        List<String> csv = Files.readAllLines(dir.resolve("dd.csv"));
        assertEquals(
                "lambda,n1_over_m,psi,e_test_theory,e_train_theory,error,e_test_simulated,"
                        + "e_test_simulated_se,n0,n1,m",
                csv.get(0));
        double best = -1, at = -1;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("0.0001") && Double.parseDouble(f[3]) > best) {
                best = Double.parseDouble(f[3]);
                at = Double.parseDouble(f[1]);
            }
        }
        assertEquals(1.0, at, 0);
        assertTrue(best > 5, "peak " + best);
    }
}
