package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI subset of verification/scenarios.json, run through the library: every fast scenario must
 * meet every threshold of the file (theory against simulation at n1 ≈ 250 with KS limits scaled
 * like 1/n from the issues' full-size limits; see theory/verification-harness.md). The full run
 * is {@code ./nrmt verify}.
 */
class FastSubsetTest {

    @Test
    @Timeout(300)
    void everyFastScenarioMeetsItsThresholds(@TempDir Path out) throws Exception {
        ScenarioSet set =
                ScenarioSet.load(Path.of("verification", "scenarios.json")).select(List.of(), true);
        assertTrue(set.scenarios().size() >= 10, "the fast subset should cover every kind, got " + set.names());
        VerificationRun run = Verification.withDefaults().withParallelism(2).run(set, "nrmt verify --fast", true);

        String misses = run.misses().stream()
                .map(r -> r.scenario().name() + ": " + String.join("; ", r.misses()))
                .collect(Collectors.joining("\n"));
        assertTrue(run.passed(), "fast scenarios missing their thresholds:\n" + misses);
        for (ScenarioResult r : run.results()) {
            if (r.scenario().kind() != ScenarioKind.timing) {
                assertTrue(!r.checks().isEmpty(), r.scenario().name() + " has no threshold to check");
            }
        }

        Report report = Report.of(run);
        report.write(out);
        String md = Files.readString(out.resolve("REPORT.md"));
        for (Scenario s : set.scenarios()) {
            assertTrue(md.contains("`" + s.name() + "`"), "report should name " + s.name());
        }
        for (String fig : report.figures().keySet()) {
            assertTrue(Files.size(out.resolve(Report.FIGURES).resolve(fig)) > 1000, "figure " + fig + " is empty");
        }
        assertTrue(report.figures().containsKey("ks-scaling.png"), "the KS-against-n figure is drawn");
        assertEquals(0, run.misses().size());
    }
}
