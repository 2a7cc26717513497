package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt stieltjes}: The Stieltjes transform G(z) on the certified physical branch. */
@Command(name = "stieltjes", mixinStandardHelpOptions = true, description = "The Stieltjes transform G(z) on the certified physical branch.")
final class StieltjesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'stieltjes' is not implemented yet");
        return 1;
    }
}
