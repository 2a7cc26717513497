package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt verify}: Run the verification scenarios and regenerate verification/REPORT.md. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Run the verification scenarios and regenerate verification/REPORT.md.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'verify' is not implemented yet");
        return 1;
    }
}
