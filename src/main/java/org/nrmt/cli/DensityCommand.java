package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt density}: The limiting eigenvalue density ρ(x) = −Im G(x+i0)/π. */
@Command(name = "density", mixinStandardHelpOptions = true, description = "The limiting eigenvalue density ρ(x) = −Im G(x+i0)/π.")
final class DensityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'density' is not implemented yet");
        return 1;
    }
}
