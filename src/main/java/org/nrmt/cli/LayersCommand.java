package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt layers}: Spectra propagated through random layers. */
@Command(name = "layers", mixinStandardHelpOptions = true, description = "Spectra propagated through random layers.")
final class LayersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'layers' is not implemented yet");
        return 1;
    }
}
