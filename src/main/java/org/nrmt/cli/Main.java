package org.nrmt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code nrmt} command line (../shared/cli.md). Exit codes: 0 success, 2 bad input (one line
 * {@code nrmt: error: <what>, got <value>} on stderr), 1 internal failure; stack traces only with
 * {@code --debug}.
 */
@Command(name = "nrmt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Nonlinear random-matrix theory of neural networks: Gaussian constants, "
                + "certified spectra of M = YYᵀ/m with Y = f(WX), simulation and comparison.",
        subcommands = {
            ConstantsCommand.class,
            StieltjesCommand.class,
            DensityCommand.class,
            SupportCommand.class,
            MomentsCommand.class,
            BranchesCommand.class,
            SimulateCommand.class,
            CompareCommand.class,
            MemorizationCommand.class,
            LayersCommand.class,
            IsospectralCommand.class,
            VerifyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line (also used by tests to capture output). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::onParameterException);
        cl.setExecutionExceptionHandler(Main::onExecutionException);
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    private static int onParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("nrmt: error: " + ex.getMessage());
        if (debug(args)) {
            ex.printStackTrace(err);
        }
        err.println("Try 'nrmt " + commandPath(cl) + "--help' for usage.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int onExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = debug(parsed.originalArgs().toArray(String[]::new));
        int code;
        if (ex instanceof UserInputException || ex instanceof IllegalArgumentException) {
            String msg = ex.getMessage();
            err.println("nrmt: error: " + (msg == null ? ex.getClass().getSimpleName() : msg));
            code = 2;
        } else {
            err.println("nrmt: internal error: " + ex);
            code = 1;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean debug(String[] args) {
        for (String a : args) {
            if ("--debug".equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** Version from the jar manifest, or the development marker. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nrmt " + (v == null ? "0.1.0-dev" : v)};
        }
    }
}
