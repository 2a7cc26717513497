package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt simulate}: Eigenvalues of simulated M = YYᵀ/m. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Eigenvalues of simulated M = YYᵀ/m.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'simulate' is not implemented yet");
        return 1;
    }
}
