package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt constants}: Gaussian constants mean, η, ζ of an activation, to any number of digits. */
@Command(name = "constants", mixinStandardHelpOptions = true, description = "Gaussian constants mean, η, ζ of an activation, to any number of digits.")
final class ConstantsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'constants' is not implemented yet");
        return 1;
    }
}
