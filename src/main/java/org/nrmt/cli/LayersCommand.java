package org.nrmt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.layers.LayerPropagation;
import org.nrmt.layers.LayerSpectrum;
import org.nrmt.layers.MarchenkoPasturLaw;
import org.nrmt.simulation.TabulatedCdf;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt layers}: data through L random layers of width n (ψ = 1), the spectrum of
 * X_l X_lᵀ/m after each, and its KS distance to the input's Marchenko–Pastur law and to the
 * one-layer Pennington–Worah law (theory/layers.md).
 */
@Command(
        name = "layers",
        mixinStandardHelpOptions = true,
        description = "Spectra through L random layers: KS to the input law and to the one-layer theory.")
final class LayersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = {"-f", "--activation"},
            paramLabel = "EXPR",
            required = true,
            description = "Activation, an expression in x; centred automatically.")
    String activation;

    @Option(names = "--depth", paramLabel = "L", description = "Number of layers (default: ${DEFAULT-VALUE}).")
    int depth = 5;

    @Option(names = "--n", paramLabel = "N", description = "Width = input dimension (default: ${DEFAULT-VALUE}).")
    int n = 1000;

    @Option(names = "--m", paramLabel = "M", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int m = 2000;

    @Option(
            names = "--normalize",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Divide the centred activation by √η so that η = 1 (default: on; --no-normalize to keep f).")
    boolean normalize;

    @Option(
            names = "--plot",
            paramLabel = "FILE",
            description = "Draw the eigenvalue density per layer into FILE.png, .svg or .pdf.")
    Path plot;

    @Mixin
    FigureOptions figure;

    @Override
    public Integer call() {
        common.validate();
        if (depth < 1 || depth > 100) {
            throw new UserInputException("--depth must be between 1 and 100", depth);
        }
        if (n < 2) {
            throw new UserInputException("--n must be >= 2", n);
        }
        if (m < 2) {
            throw new UserInputException("--m must be >= 2", m);
        }
        FigureOptions.check(plot, figure);
        Activation f = Models.activation(activation);
        DoubleConstants c;
        try {
            c = GaussianConstantsEngine.computeDouble(f, 1, 0);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (!(c.eta() > 0)) {
            throw new UserInputException("the activation is constant under the Gaussian (eta = 0)", activation);
        }
        double scale = normalize ? 1 / Math.sqrt(c.eta()) : 1;
        double eta = c.eta() * scale * scale;
        double zeta = c.zeta() * scale * scale;
        double phi = (double) n / m;
        ModelParams params = new ModelParams(eta, Math.min(zeta, eta), phi, 1);
        // ζ below 1e-12 η is quadrature noise of an exactly isospectral f (the engine returns ~1e-33):
        // the law is Marchenko–Pastur to that accuracy, and the quartic's degree drop is avoided.
        DoubleUnaryOperator theory = params.zeta() <= 1e-12 * eta
                ? MarchenkoPasturLaw.of(eta, phi)::cdf
                : TabulatedCdf.of(QuarticLaw.of(params))::cdf;
        LayerPropagation prop = new LayerPropagation(f.toDoubleFunction(), c.mean(), scale, theory);
        List<LayerSpectrum> layers = prop.run(depth, n, m, common.seed);

        Output out = new Output()
                .field("activation", activation)
                .field("mean", c.mean())
                .field("eta_raw", c.eta())
                .field("scale", scale)
                .field("eta", eta)
                .field("zeta", params.zeta())
                .field("n", n)
                .field("m", m)
                .field("depth", depth)
                .field("seed", common.seed);
        for (LayerSpectrum s : layers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", s.layer());
            row.put("ks_to_input_law", s.ksToInputLaw());
            row.put("ks_to_theory", s.ksToTheory());
            out.point(row);
        }
        if (plot != null) {
            writePlot(layers, MarchenkoPasturLaw.of(1, phi));
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /** Histogram densities per layer (lines) over the input's Marchenko–Pastur density. */
    private void writePlot(List<LayerSpectrum> layers, MarchenkoPasturLaw input) {
        System.setProperty("java.awt.headless", "true");
        double max = input.support().get(0).hi();
        for (LayerSpectrum s : layers) {
            double[] e = s.eigenvalues();
            max = Math.max(max, e[(int) (0.99 * (e.length - 1))]); // 99th percentile: outliers off the axis
        }
        max *= 1.1;
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(620)
                .title(String.format(Locale.ROOT, "Spectra through layers: f = %s (n = %d, m = %d)", activation, n, m))
                .xAxisTitle("eigenvalue of X_l X_lᵀ/m")
                .yAxisTitle("density")
                .build();
        int grid = 400;
        double[] xs = new double[grid];
        double[] ys = new double[grid];
        for (int i = 0; i < grid; i++) {
            xs[i] = max * (i + 0.5) / grid;
            ys[i] = input.density(xs[i]);
        }
        XYSeries mp = chart.addSeries("Marchenko–Pastur (input law)", xs, ys);
        mp.setMarker(SeriesMarkers.NONE);
        mp.setLineWidth(3f);
        int bins = Math.max(10, Math.min(60, (int) Math.sqrt(n)));
        for (LayerSpectrum s : layers) {
            double[] e = s.eigenvalues();
            double[] hx = new double[bins];
            double[] hy = new double[bins];
            double w = max / bins;
            for (double v : e) {
                if (v < max) {
                    hy[Math.min(bins - 1, (int) (v / w))] += 1.0 / (e.length * w);
                }
            }
            for (int i = 0; i < bins; i++) {
                hx[i] = (i + 0.5) * w;
            }
            XYSeries h = chart.addSeries(
                    String.format(Locale.ROOT, "layer %d (KS %.3f)", s.layer(), s.ksToInputLaw()), hx, hy);
            h.setMarker(SeriesMarkers.NONE);
        }
        figure.write(chart, plot);
    }
}
