package org.nrmt.cli;

import java.io.PrintWriter;
import java.util.List;
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
@Command(
        name = "nrmt",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Nonlinear random-matrix theory of neural networks: Gaussian constants, "
                + "certified spectra of M = YYᵀ/m with Y = f(WX), simulation and comparison.")
public final class Main implements Runnable {

    /** The subcommands in help order ({@code help} is added last). */
    static final List<String> SUBCOMMANDS = List.of(
            "constants",
            "stieltjes",
            "density",
            "support",
            "moments",
            "branches",
            "simulate",
            "compare",
            "memorization",
            "generalization",
            "layers",
            "isospectral",
            "verify",
            "sweep");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line with every subcommand (also used by tests to capture output). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only subcommand {@code only} registered, or all of them when it is null.
     * picocli reflects over the annotations of every registered command when it is built, which
     * costs start-up time of every run (~0.1 s); a run of one subcommand only needs that one.
     */
    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new Main());
        if (only != null) {
            cl.addSubcommand(only, subcommand(only));
        } else {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(name, subcommand(name));
            }
            cl.addSubcommand(new CommandLine.HelpCommand());
        }
        // after the subcommands: picocli's setters reach only commands already registered
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::onParameterException);
        cl.setExecutionExceptionHandler(Main::onExecutionException);
        return cl;
    }

    public static void main(String[] args) {
        String first = args.length > 0 ? args[0] : null;
        String only = first != null && SUBCOMMANDS.contains(first) ? first : null;
        int code = commandLine(only).execute(args);
        System.exit(code);
    }

    /** A new instance of subcommand {@code name}; only its class is loaded. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "constants" -> new ConstantsCommand();
            case "stieltjes" -> new StieltjesCommand();
            case "density" -> new DensityCommand();
            case "support" -> new SupportCommand();
            case "moments" -> new MomentsCommand();
            case "branches" -> new BranchesCommand();
            case "simulate" -> new SimulateCommand();
            case "compare" -> new CompareCommand();
            case "memorization" -> new MemorizationCommand();
            case "generalization" -> new GeneralizationCommand();
            case "layers" -> new LayersCommand();
            case "isospectral" -> new IsospectralCommand();
            case "verify" -> new VerifyCommand();
            case "sweep" -> new SweepCommand();
            default -> throw new IllegalArgumentException("unknown subcommand, got " + name);
        };
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
