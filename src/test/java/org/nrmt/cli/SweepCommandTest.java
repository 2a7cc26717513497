package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nrmt sweep} end to end: bad input is one line and exit 2 before any file is made; a run
 * killed with SIGKILL resumes to the rows of an uninterrupted run; the Spark engine (embedded,
 * local[2], in the JVM the command starts) gives the same rows as the local engine; the plain
 * command line runs without Spark or Hadoop on its classpath.
 */
class SweepCommandTest {
    static final String GRID8 =
            "{\"activation\": [\"tanh\", \"relu\"], \"n0\": 300, \"phi\": [0.5, 1]," + " \"trials\": 2, \"seed\": 7}";

    @TempDir
    Path tmp;

    private Path spec(String json) throws IOException {
        return Files.writeString(tmp.resolve("spec-" + Integer.toHexString(json.hashCode()) + ".json"), json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"sigma\":1}|nrmt: error: unknown SPEC key (known:"
                        + " description, activation, n0, phi, psi, bias, bias_sigma, sigma_w, sampled_bias, trials, seed,"
                        + " histogram), got sigma",
                "{\"activation\":\"tanh\",\"n0\":[],\"phi\":1}|nrmt: error: n0 must not be an empty list, got []",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":[1,1000]}|nrmt: error: m = n0/phi must round to >= 1 at"
                        + " n0 = 300, phi = 1000, got 0",
                "{\"activation\":\"tanh\",\"n0\":[10,300],\"phi\":1,\"psi\":400}|nrmt: error: n1 = n0/psi must round to"
                        + " >= 1 at n0 = 10, psi = 400, got 0",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"bias\":\"none\",\"bias_sigma\":\"big\"}|nrmt: error:"
                        + " bias_sigma must be a number, got \"big\"",
                "not json|nrmt: error: SPEC is not valid JSON (Unrecognized token 'not': was expecting (JSON String,"
                        + " Number, Array, Object or token 'null', 'true' or 'false') at line 1), got 'not json'"
            })
    void badSpecsAreOneLineAndExitTwoBeforeAnyFile(String json, String line) throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("sweep", spec(json).toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals(line + "\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws IOException {
        Path s = spec(GRID8);
        String out = tmp.resolve("out").toString();
        assertEquals(
                new CliRun(2, "", "nrmt: error: --workers must be >= 1, got 0\n"),
                CliRun.of("sweep", s.toString(), "--out", out, "--workers", "0"));
        assertEquals(
                new CliRun(2, "", "nrmt: error: --master needs --engine spark, got local[2]\n"),
                CliRun.of("sweep", s.toString(), "--out", out, "--master", "local[2]"));
        Path missing = tmp.resolve("nope.json");
        assertEquals(
                new CliRun(2, "", "nrmt: error: SPEC file does not exist, got " + missing + "\n"),
                CliRun.of("sweep", missing.toString(), "--out", out));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** The plain CLI's runtime classpath has no Spark, Scala or Hadoop jar. */
    @Test
    void sparkStaysOffThePlainClasspath() throws IOException {
        String cp = Files.readString(Path.of("target", "runtime.classpath"));
        for (String jar : cp.split(java.io.File.pathSeparator)) {
            String name = Path.of(jar.strip()).getFileName().toString();
            assertFalse(name.startsWith("spark-") || name.startsWith("scala-") || name.startsWith("hadoop-"), name);
        }
        String spark = Files.readString(Path.of("target", "spark.classpath"));
        assertTrue(spark.contains("spark-core_2.13"), "target/spark.classpath lists Spark");
    }

    /** The plain command line as a separate JVM: target/classes and the runtime classpath only. */
    static ProcessBuilder plainCli(String... args) throws IOException {
        String cp = "target/classes" + java.io.File.pathSeparator
                + Files.readString(Path.of("target", "runtime.classpath")).strip();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss8m",
                "-cp",
                cp,
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        return pb;
    }

    /**
     * SIGKILL while the 8-task sweep runs (as soon as its first row is in the manifest, at most 3 s
     * in), then a rerun: 8 rows, none doubled, the same bytes as an uninterrupted run; a third run
     * runs nothing and rewrites the same bytes (its time is measured in theory/sweeps.md, not here).
     */
    @Test
    void killedRunResumesToTheSameRows() throws Exception {
        Path s = spec(GRID8);
        Path ref = tmp.resolve("ref");
        Process p = plainCli("sweep", s.toString(), "--out", ref.toString(), "--workers", "2")
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        byte[] csv = Files.readAllBytes(ref.resolve("results.csv"));

        Path dir = tmp.resolve("killed");
        Process victim = plainCli("sweep", s.toString(), "--out", dir.toString(), "--workers", "1")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("victim.log").toFile())
                .start();
        Path manifest = dir.resolve("manifest.jsonl");
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L && lines(manifest) < 1 && victim.isAlive()) {
            Thread.sleep(5);
        }
        assertTrue(victim.isAlive(), "the run ended before the kill: " + Files.readString(tmp.resolve("victim.log")));
        victim.destroyForcibly(); // SIGKILL
        assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, victim.exitValue());
        int kept = lines(manifest);
        assertTrue(kept < 8, "killed after " + kept + " rows");

        Process rerun = plainCli("sweep", s.toString(), "--out", dir.toString(), "--workers", "2")
                .redirectErrorStream(true)
                .start();
        String out = new String(rerun.getInputStream().readAllBytes());
        assertEquals(0, rerun.waitFor(), out);
        assertTrue(out.contains("skipped    " + kept + "\n"), out);
        assertArrayEquals(csv, Files.readAllBytes(dir.resolve("results.csv")));
        assertEquals(8, lines(manifest));

        Process skip = plainCli("sweep", s.toString(), "--out", dir.toString())
                .redirectErrorStream(true)
                .start();
        String skipOut = new String(skip.getInputStream().readAllBytes());
        assertEquals(0, skip.waitFor(), skipOut);
        assertTrue(skipOut.contains("skipped    8\ncompleted  0\n"), skipOut);
        assertArrayEquals(csv, Files.readAllBytes(dir.resolve("results.csv")));
    }

    private static int lines(Path p) throws IOException {
        if (!Files.exists(p)) return 0;
        String text = Files.readString(p);
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /**
     * {@code --engine spark --master local[2]}: the command starts Spark's JVM (this test JVM lacks
     * Spark's module options) and the rows, ks column included, are the local engine's, byte for byte.
     */
    @Test
    void sparkEngineGivesTheLocalRows() throws IOException {
        Path s = spec(GRID8);
        Path local = tmp.resolve("local");
        CliRun l = CliRun.of("sweep", s.toString(), "--out", local.toString(), "--quiet");
        assertEquals(0, l.code(), l.err());
        Path spark = tmp.resolve("spark");
        CliRun r = CliRun.of(
                "sweep",
                s.toString(),
                "--out",
                spark.toString(),
                "--engine",
                "spark",
                "--master",
                "local[2]",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(
                Files.readAllBytes(local.resolve("results.csv")), Files.readAllBytes(spark.resolve("results.csv")));
        assertArrayEquals(
                Files.readAllBytes(local.resolve("results.parquet")),
                Files.readAllBytes(spark.resolve("results.parquet")));
        List<String> timings = Files.readAllLines(spark.resolve("timings.csv"));
        assertEquals(9, timings.size());
        assertTrue(timings.get(1).contains(",spark,executor-driver/task-"), timings.get(1));
    }
}
