package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt isospectral}: Find isospectral (ζ = 0, centred, η = 1) members of a parametrised activation family. */
@Command(name = "isospectral", mixinStandardHelpOptions = true, description = "Find isospectral (ζ = 0, centred, η = 1) members of a parametrised activation family.")
final class IsospectralCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'isospectral' is not implemented yet");
        return 1;
    }
}
