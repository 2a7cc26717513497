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

    /** The simulation compared. */
    public Simulation simulation() {
        return simulation;
    }

    /** Kolmogorov–Smirnov distance of the pooled eigenvalues to the law's CDF. */
    public double ks() {
        return comparison.ks();
    }

    /** Wasserstein-1 distance, the integral of |F_N − F|. */
    public double w1() {
        return comparison.w1();
    }

    /** The law's mass at 0. */
    public double atomTheory() {
        return comparison.atomTheory();
    }

    /** The fraction of eigenvalues at 0 (|λ| ≤ 1e-10 max|λ|). */
    public double atomEmpirical() {
        return comparison.atomEmpirical();
    }

    /** max |G_N(z) − G(z)| over the comparison points (Im z ≥ 0.1). */
    public double stieltjesMaxError() {
        return comparison.stieltjesMaxError();
    }

    /** m₁, m₂, m₃ of the law. */
    public double[] momentsTheory() {
        return array(comparison.momentsTheory());
    }

    /** m₁, m₂, m₃ of the pooled eigenvalues. */
    public double[] momentsEmpirical() {
        return array(comparison.momentsEmpirical());
    }

    /** Wall-clock seconds of simulation and statistics. */
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
