package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The start-up shortcuts of {@code nrmt simulate}: the command line built with only the invoked
 * subcommand, and the direct CSV writer, checked against the generic paths they replace.
 */
class SimulateStartupTest {

    /** Every listed name is a command whose @Command name matches; the full line has them all + help. */
    @Test
    void lazyCommandLineRegistersExactlyTheInvokedSubcommand() {
        Set<String> all = Main.commandLine().getSubcommands().keySet();
        List<String> expected = new ArrayList<>(Main.SUBCOMMANDS);
        expected.add("help");
        assertEquals(expected, new ArrayList<>(all));
        for (String name : Main.SUBCOMMANDS) {
            CommandLine one = Main.commandLine(name);
            assertEquals(Set.of(name), one.getSubcommands().keySet());
            assertEquals(name, one.getSubcommands().get(name).getCommandSpec().name());
        }
    }

    /** The same simulate run gives byte-identical CSV through the lazy and the full command line. */
    @Test
    void lazyAndFullCommandLinesPrintTheSameEigenvalues() {
        String[] args = {
            "simulate",
            "-f",
            "tanh",
            "--n0",
            "30",
            "--n1",
            "25",
            "--m",
            "40",
            "--seed",
            "3",
            "--quiet",
            "--format",
            "csv"
        };
        String lazy = run(Main.commandLine("simulate"), args);
        String full = run(Main.commandLine(), args);
        assertEquals(full, lazy);
        assertEquals(26, lazy.split("\n").length);
        // enum options stay case-insensitive on the lazily registered subcommand
        String upper = run(
                Main.commandLine("simulate"),
                "simulate",
                "-f",
                "tanh",
                "--n0",
                "30",
                "--n1",
                "25",
                "--m",
                "40",
                "--seed",
                "3",
                "--quiet",
                "--format",
                "CSV");
        assertEquals(lazy, upper);
    }

    /** Parse errors keep the contract's message and the command path in the hint. */
    @Test
    void lazyCommandLineReportsBadInputLikeTheFullOne() {
        CommandLine cl = Main.commandLine("simulate");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("simulate", "--n0", "-3", "--quiet"));
        assertTrue(err.toString().startsWith("nrmt: error: --n0 must be > 0, got -3"), err.toString());
        StringWriter err2 = new StringWriter();
        cl = Main.commandLine("simulate");
        cl.setErr(new PrintWriter(err2));
        assertEquals(2, cl.execute("simulate", "--no-such-option"));
        assertTrue(err2.toString().contains("Try 'nrmt simulate --help'"), err2.toString());
    }

    /**
     * The direct writer renders exactly what {@link Output} renders for the column, and every
     * line reads back as the same double (round trip), including 0, −0, tiny and huge values.
     */
    @Test
    void directCsvEqualsTheGenericWriterAndRoundTrips() {
        double[] values = {
            0.0,
            -0.0,
            1.0,
            -1.5e-16,
            3.0e-300,
            1.0 / 3,
            2.5e7,
            123456789.125,
            -4.9e-324,
            Math.nextUp(1.0),
            1e22,
            0.1 + 0.2,
            -7.25e-5
        };
        Output out = new Output().field("n1", values.length).perPoint();
        for (double v : values) {
            out.point(Map.of("eigenvalue", v));
        }
        String generic = out.render(OutputFormat.csv);
        String direct = new String(SimulateCommand.csv(values), StandardCharsets.US_ASCII);
        assertEquals(generic, direct);
        String[] lines = direct.split("\n");
        assertEquals("eigenvalue", lines[0]);
        double[] back = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            back[i] = Double.parseDouble(lines[i + 1]);
        }
        double[] expected = values.clone();
        expected[1] = 0.0; // −0 prints as 0, like every other number of the contract
        assertArrayEquals(expected, back);
    }

    /**
     * The string-moving formatter equals {@link Numbers#plain} (BigDecimal) on doubles of every
     * exponent: random bit patterns, powers of ten and their neighbours, integers, subnormals.
     */
    @Test
    void appendPlainEqualsNumbersPlain() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(20261124);
        List<Double> cases = new ArrayList<>(List.of(
                0.0,
                -0.0,
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.MIN_NORMAL,
                1e-3,
                1e7,
                9999999.999999998,
                0.001 - 1e-19,
                100.0,
                1.0,
                -10.0));
        for (int k = -330; k <= 308; k++) {
            double p = Double.parseDouble("1e" + k);
            cases.add(p);
            cases.add(Math.nextUp(p));
            cases.add(-Math.nextDown(p));
        }
        for (int i = 0; i < 20000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(v)) {
                cases.add(v);
            }
            cases.add((double) rng.nextLong(-1_000_000_000L, 1_000_000_000L));
            cases.add(rng.nextDouble() * Math.pow(10, rng.nextInt(-12, 12)));
        }
        for (double v : cases) {
            StringBuilder sb = new StringBuilder();
            SimulateCommand.appendPlain(sb, v);
            assertEquals(Numbers.plain(v), sb.toString(), "v = " + v);
        }
    }

    /**
     * In a fresh JVM (ojAlgo initialises once per JVM), {@code simulate --backend java} prints only
     * the CSV on stdout: ojAlgo's hardware-profile notice goes to stderr.
     */
    @Test
    void javaBackendCsvOnStdoutIsClean() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.nrmt.cli.Main",
                        "simulate",
                        "--backend",
                        "java",
                        "-f",
                        "tanh",
                        "--n0",
                        "12",
                        "--n1",
                        "10",
                        "--m",
                        "15",
                        "--quiet",
                        "--format",
                        "csv"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String[] lines = out.split("\n");
        assertEquals("eigenvalue", lines[0], out);
        assertEquals(11, lines.length, out);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(Double.isFinite(Double.parseDouble(lines[i])), lines[i]);
        }
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), err.toString());
        return out.toString();
    }
}
