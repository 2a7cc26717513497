package org.nrmt.verification;

import java.util.List;

/**
 * The outcome of one scenario: its checks, the kind-specific numbers for tables and figures, and
 * the failure when it could not run (which counts as a miss).
 *
 * @param scenario the scenario
 * @param checks   every threshold test, in a fixed order
 * @param outcome  kind-specific numbers; null when {@code error} is set
 * @param error    why the scenario could not run, or null
 * @param seconds  wall time (reported only in the timings section)
 */
public record ScenarioResult(Scenario scenario, List<Check> checks, Outcome outcome, String error, double seconds) {

    public ScenarioResult {
        checks = List.copyOf(checks);
    }

    public static ScenarioResult failed(Scenario scenario, Throwable t, double seconds) {
        String msg = t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        return new ScenarioResult(scenario, List.of(), null, msg, seconds);
    }

    /** Ran, and met every threshold. */
    public boolean passed() {
        return error == null && checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed, described. */
    public List<String> misses() {
        if (error != null) {
            return List.of("did not run: " + error);
        }
        return checks.stream().filter(c -> !c.passed()).map(Check::describe).toList();
    }
}
