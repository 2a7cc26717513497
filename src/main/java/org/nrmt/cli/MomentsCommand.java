package org.nrmt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt moments}: Moments m_1..m_K of the limiting law. */
@Command(name = "moments", mixinStandardHelpOptions = true, description = "Moments m_1..m_K of the limiting law.")
final class MomentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nrmt: internal error: 'moments' is not implemented yet");
        return 1;
    }
}
