package org.nrmt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nrmt.simulation.Backend;
import org.nrmt.verification.Report;
import org.nrmt.verification.ScenarioResult;
import org.nrmt.verification.ScenarioSet;
import org.nrmt.verification.Verification;
import org.nrmt.verification.VerificationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt verify [SCENARIOS…] [--fast] [--out-dir DIR]}: runs the verification scenarios of
 * {@code verification/scenarios.json} and writes {@code DIR/REPORT.md} and {@code DIR/figures/}
 * (theory/verification-harness.md). Prints a summary (scenarios, passed, misses).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Run the verification scenarios and regenerate verification/REPORT.md and its figures.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(
            paramLabel = "SCENARIO",
            arity = "0..*",
            description = "Scenario names from the scenario file (default: all of them).")
    List<String> names = new ArrayList<>();

    @Option(names = "--fast", description = "Only the fast CI subset (small sizes, thresholds scaled like 1/n).")
    boolean fast;

    @Option(
            names = "--out-dir",
            paramLabel = "DIR",
            description = "Where REPORT.md and figures/ are written (default: ${DEFAULT-VALUE}).")
    Path outDir = Path.of("verification");

    @Option(names = "--scenarios", paramLabel = "FILE", description = "The scenario file (default: ${DEFAULT-VALUE}).")
    Path scenarios = Path.of("verification", "scenarios.json");

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Scenarios run at once, each on one OpenBLAS thread (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--backend",
            paramLabel = "B",
            description = "Linear algebra: native (OpenBLAS) or java (ojAlgo) (default: ${DEFAULT-VALUE}).")
    String backend = "native";

    @Option(names = "--check", description = "Exit with code 1 when a scenario misses its threshold.")
    boolean check;

    @Override
    public Integer call() {
        common.validate();
        if (!Files.isRegularFile(scenarios)) {
            throw new UserInputException(
                    "scenario file not found (run from the repository root or give --scenarios)", scenarios);
        }
        int parallelism = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (parallelism < 1) {
            throw new UserInputException("--threads must be >= 1", parallelism);
        }
        Backend b;
        try {
            b = Backend.parse(backend);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        ScenarioSet set;
        try {
            set = ScenarioSet.load(scenarios).select(names, fast);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Verification v = Verification.withDefaults()
                .withParallelism(parallelism)
                .withBackend(b)
                .withProgress(line -> {
                    if (!common.quiet) {
                        err.println("nrmt verify: " + line);
                        err.flush();
                    }
                });
        VerificationRun run = v.run(set, commandLine(), fast);
        Report.of(run).write(outDir);
        Output out = new Output()
                .field("report", outDir.resolve("REPORT.md").toString())
                .field("scenarios", run.results().size())
                .field("passed", run.results().size() - run.misses().size())
                .field(
                        "misses",
                        run.misses().stream()
                                .map(ScenarioResult::scenario)
                                .map(s -> s.name())
                                .toList())
                .field("seconds", run.seconds());
        out.emit(common, spec.commandLine().getOut());
        return check && !run.passed() ? 1 : 0;
    }

    /** The command that regenerates this report, as quoted in it. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("./nrmt verify");
        for (String n : names) {
            sb.append(' ').append(n);
        }
        if (fast) {
            sb.append(" --fast");
        }
        if (!outDir.equals(Path.of("verification"))) {
            sb.append(" --out-dir ").append(outDir);
        }
        if (!scenarios.equals(Path.of("verification", "scenarios.json"))) {
            sb.append(" --scenarios ").append(scenarios);
        }
        return sb.toString();
    }
}
