package org.nrmt.verification;

import java.util.List;

/**
 * Everything one {@code nrmt verify} run produced.
 *
 * @param command   the command line that regenerates it (quoted in the report)
 * @param selection the scenarios run, in file order
 * @param fast      whether the run was the CI subset
 * @param results   one per scenario, in {@code selection} order
 * @param seconds   wall time of the whole run
 */
public record VerificationRun(
        String command, ScenarioSet selection, boolean fast, List<ScenarioResult> results, double seconds) {
    public VerificationRun {
        results = List.copyOf(results);
    }

    /** The results that miss a threshold or did not run. */
    public List<ScenarioResult> misses() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Whether every scenario met every threshold. */
    public boolean passed() {
        return misses().isEmpty();
    }
}
