package org.nrmt.api;

import java.util.List;
import org.nrmt.figure.FigureSize;
import org.nrmt.figure.FigureWriter;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.SpectrumFigure;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Theory against simulation, the statistics {@code nrmt compare} prints ({@link Comparison}), the
 * simulated eigenvalues and the figure.
 */
public final class ComparisonResult {

    private final Simulation simulation;
    private final Comparison comparison;
    private final SpectralLaw law;
    private final String activation;

    ComparisonResult(Simulation simulation, Comparison comparison, SpectralLaw law, String activation) {
        this.simulation = simulation;
        this.comparison = comparison;
        this.law = law;
        this.activation = activation;
    }

    public Simulation simulation() {
        return simulation;
    }

    public double ks() {
        return comparison.ks();
    }

    public double w1() {
        return comparison.w1();
    }

    public double atomTheory() {
        return comparison.atomTheory();
    }

    public double atomEmpirical() {
        return comparison.atomEmpirical();
    }

    public double stieltjesMaxError() {
        return comparison.stieltjesMaxError();
    }

    public double[] momentsTheory() {
        return array(comparison.momentsTheory());
    }

    public double[] momentsEmpirical() {
        return array(comparison.momentsEmpirical());
    }

    public double seconds() {
        return comparison.seconds();
    }

    private static double[] array(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The comparison figure (histogram, theory density, atoms, support edges) as the bytes of a
     * file named {@code fileName} (.png, .svg or .pdf) of the given size.
     */
    public byte[] figure(String fileName, double widthInches, double heightInches, int dpi) {
        FigureSize size = new FigureSize(widthInches, heightInches, dpi);
        SimulationSpec spec = simulation.result().spec();
        String title = "f = " + activation + ": " + spec.shapeLabel()
                + (simulation.trials() > 1 ? ", " + simulation.trials() + " trials" : "");
        return FigureWriter.encode(
                SpectrumFigure.build(title, simulation.result().spectrum(), law, comparison), fileName, size);
    }
}
