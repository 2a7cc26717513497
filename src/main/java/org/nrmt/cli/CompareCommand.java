package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt compare}: Theory against simulation: KS, Wasserstein-1, Stieltjes error, atoms, moments, figure. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Theory against simulation: KS, Wasserstein-1, Stieltjes error, atoms, moments, figure.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'compare' is not implemented yet");
        return 1;
    }
}
