package org.nrmt.cli;

import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.nrmt.figure.FigureFormat;
import org.nrmt.figure.FigureSize;
import org.nrmt.figure.FigureWriter;
import picocli.CommandLine.Option;

/**
 * The size of a {@code --plot} figure, shared by every command that draws one: width and height
 * in inches, PNG resolution in dots per inch (vector formats ignore it). The format comes from the
 * file's extension: .png, .svg (text as text) or .pdf.
 */
public final class FigureOptions {

    @Option(
            names = "--plot-width",
            paramLabel = "IN",
            description = "Figure width in inches (default: ${DEFAULT-VALUE}; a paper column is about 3.3).")
    double width = FigureSize.DEFAULT.widthInches();

    @Option(
            names = "--plot-height",
            paramLabel = "IN",
            description = "Figure height in inches (default: ${DEFAULT-VALUE}).")
    double height = FigureSize.DEFAULT.heightInches();

    @Option(
            names = "--plot-dpi",
            paramLabel = "DPI",
            description = "PNG resolution in dots per inch (default: ${DEFAULT-VALUE}).")
    int dpi = FigureSize.DEFAULT.dpi();

    /** The figure's size; out-of-range values are one-line user errors. */
    FigureSize size() {
        try {
            return new FigureSize(width, height, dpi);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Refuses, before any work, a file name whose extension is not a figure format, and a bad size. */
    static void check(Path plot, FigureOptions options) {
        if (plot == null) return;
        try {
            FigureFormat.ofFileName(plot.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--plot file must end in .png, .svg or .pdf", plot);
        }
        options.size();
    }

    /** Draws {@code chart} into {@code plot} (whole or not at all). */
    void write(XYChart chart, Path plot) {
        Output.writeAtomically(
                plot, FigureWriter.encode(chart, plot.getFileName().toString(), size()));
    }
}
