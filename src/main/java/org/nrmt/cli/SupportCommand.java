package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt support}: Support intervals and atoms of the limiting law. */
@Command(name = "support", mixinStandardHelpOptions = true, description = "Support intervals and atoms of the limiting law.")
final class SupportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'support' is not implemented yet");
        return 1;
    }
}
