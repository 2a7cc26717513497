package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt branches}: Branch-selection and precision study near the support edges. */
@Command(name = "branches", mixinStandardHelpOptions = true, description = "Branch-selection and precision study near the support edges.")
final class BranchesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'branches' is not implemented yet");
        return 1;
    }
}
