package org.nrmt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares (style.md §7): format, output file, seed, digits, quiet, debug. */
public final class CommonOptions {

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public OutputFormat format = OutputFormat.table;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the result to FILE atomically (temp file + rename) instead of stdout.")
    public Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    public long seed = 1;

    @Option(
            names = "--digits",
            paramLabel = "D",
            description = "Significant digits; 16 (default) means double precision, more switches to apfloat.")
    public int digits = 16;

    @Option(names = "--quiet", description = "No progress bars (they are also off when stderr is not a terminal).")
    public boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    public boolean debug;

    /** Validates the shared options; the message names the bad value. */
    public void validate() {
        if (digits < 1 || digits > 100_000) {
            throw new UserInputException("--digits must be between 1 and 100000", digits);
        }
    }

    /** Whether a progress bar may be drawn on stderr. */
    public boolean progress() {
        return !quiet && System.console() != null;
    }
}
