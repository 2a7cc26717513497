package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nrmt.simulation.BiasKind;

class ReportTest {

    private static Scenario scaling(String name, Double slopeLimit) {
        return new Scenario(
                name,
                ScenarioKind.ks_scaling,
                false,
                "p",
                "tanh",
                null,
                null,
                null,
                0.5,
                1.0,
                List.of(100, 200, 400),
                2,
                1L,
                BiasKind.none,
                0.0,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new Thresholds(null, null, null, null, null, slopeLimit, null, null, null, null, null, null, null));
    }

    private static ScenarioResult result(Scenario sc, double c, double p) {
        List<Integer> n = sc.sizes();
        List<Double> ks = n.stream().map(k -> c * Math.pow(k, p)).toList();
        Outcome.Scaling o = new Outcome.Scaling(n, ks, LogLogFit.of(n, ks));
        return new ScenarioResult(sc, ScenarioRunner.checks(sc, o), o, null, 1.0);
    }

    private static VerificationRun run() {
        Scenario good = scaling("good", 0.2);
        Scenario bad = scaling("bad", 0.2);
        Scenario free = scaling("free", null);
        List<ScenarioResult> rs = List.of(result(good, 3, -1.05), result(bad, 3, -0.5), result(free, 3, -0.7));
        return new VerificationRun(
                "./nrmt verify", new ScenarioSet(List.of("note"), List.of(good, bad, free)), false, rs, 3.0);
    }

    /** Same results, same bytes: the report and its figures are deterministic. */
    @Test
    void renderingIsDeterministic() {
        Report a = Report.of(run());
        Report b = Report.of(run());
        assertEquals(a.markdown(), b.markdown());
        assertEquals(a.figures().keySet(), b.figures().keySet());
        for (Map.Entry<String, byte[]> e : a.figures().entrySet()) {
            assertArrayEquals(e.getValue(), b.figures().get(e.getKey()), e.getKey());
        }
    }

    /** A slope of −0.5 against a limit of −1 ± 0.2 is a miss, named in the summary and under the figure. */
    @Test
    void missesAreNamed(@TempDir Path dir) throws Exception {
        VerificationRun run = run();
        assertEquals(
                List.of("bad"),
                run.misses().stream().map(r -> r.scenario().name()).toList());
        Report r = Report.of(run);
        assertTrue(r.markdown().contains("**2 of 3 scenarios meet every threshold.**"), r.markdown());
        assertTrue(r.markdown().contains("- `bad`: |slope + 1| = 0.5 ≤ 0.2"), r.markdown());
        assertTrue(r.markdown().contains("Slopes outside their limit: `bad` (slope -0.5)"), r.markdown());
        r.write(dir);
        assertEquals(r.markdown(), Files.readString(dir.resolve("REPORT.md")));
        assertTrue(Files.size(dir.resolve("figures/ks-scaling.png")) > 1000);
    }

    @Test
    void numbersAreFormattedWithoutLocale() {
        assertEquals("0.00412", Report.fmt(0.0041234, 3));
        assertEquals("1.23e-05", Report.fmt(1.2345e-5, 3));
        assertEquals("-1", Report.fmt(-1.0, 3));
        assertEquals("0", Report.fmt(0.0, 3));
        assertEquals("NaN", Report.fmt(Double.NaN, 3));
    }
}
