package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt memorization}: Training loss of random-feature ridge regression, E_train(λ). */
@Command(name = "memorization", mixinStandardHelpOptions = true, description = "Training loss of random-feature ridge regression, E_train(λ).")
final class MemorizationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'memorization' is not implemented yet");
        return 1;
    }
}
