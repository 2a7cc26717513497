package org.nrmt.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.memorization.MemorizationSimulation;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.UncertifiedPointException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt memorization}: the training loss of ridge regression on random features with random
 * targets, E_train(λ) = 1 − γ − γλ²G′(−λ) (theory/memorization.md), optionally next to a
 * simulation (spectral estimate and explicit fit) and as a figure against λ for several η/ζ.
 */
@Command(
        name = "memorization",
        mixinStandardHelpOptions = true,
        description = "Training loss of random-feature ridge regression, E_train(λ), theory and simulation.")
final class MemorizationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(
            names = "--lambda",
            paramLabel = "L",
            split = ",",
            required = true,
            description = "Ridge parameters λ > 0 (comma-separated).")
    double[] lambdas;

    @Option(names = "--simulate", description = "Also simulate (needs --n1): spectral and explicit-fit estimates.")
    boolean simulate;

    @Option(names = "--n1", paramLabel = "N", description = "Width of the simulation; n0 = ψ·n1, m = n1/γ.")
    Integer n1;

    @Option(
            names = "--n2",
            paramLabel = "N2",
            description = "Number of random targets of the explicit fit (default: n1).")
    Integer n2;

    @Option(
            names = "--trials",
            paramLabel = "T",
            description = "Independent feature matrices averaged by --simulate; with T > 1 the standard error "
                    + "of the mean is reported too (default: 1).")
    int trials = 1;

    @Option(
            names = "--plot",
            paramLabel = "FILE",
            description = "Draw E_train against λ (log axis) for several η/ζ at the given η into FILE.png, .svg or "
                    + ".pdf; a CSV is written beside it.")
    Path plot;

    @Mixin
    FigureOptions figure;

    @Option(
            names = "--ratios",
            paramLabel = "R",
            split = ",",
            description = "η/ζ of the plotted curves, 'inf' for ζ = 0 (default: 1,1.5,2,4,inf).")
    String[] ratios = {"1", "1.5", "2", "4", "inf"};

    @Override
    public Integer call() {
        common.validate();
        Models.requireNoBias(model, "memorization");
        if (common.digits != 16) {
            throw new UserInputException(
                    "memorization computes in double precision; --digits must be 16", common.digits);
        }
        for (double l : lambdas) {
            ModelOptions.requirePositive("--lambda", l);
        }
        if (simulate && n1 == null) {
            throw new UserInputException("--simulate needs --n1", "nothing");
        }
        if (n1 != null && n1 < 2) {
            throw new UserInputException("--n1 must be >= 2", n1);
        }
        if (trials < 1) {
            throw new UserInputException("--trials must be >= 1", trials);
        }
        if (n2 != null && n2 < 1) {
            throw new UserInputException("--n2 must be >= 1", n2);
        }
        FigureOptions.check(plot, figure);
        ModelParams p = model.params();
        double mean = 0;
        DoubleUnaryOperator f;
        String simulated;
        if (model.activation != null) {
            DoubleConstants c = Models.constants(model);
            mean = c.mean();
            double s = model.s();
            DoubleUnaryOperator raw = Models.activation(model.activation).toDoubleFunction();
            f = x -> raw.applyAsDouble(s * x); // σw, σx fold into s; the sampler uses unit scales
            simulated = model.activation;
        } else {
            f = hermiteSurrogate(p.eta(), p.zeta());
            simulated = surrogateText(p.eta(), p.zeta());
        }
        double[] theory = theory(p, lambdas);
        Output out = new Output()
                .field("activation", model.activation == null ? "" : model.activation)
                .field("eta", p.eta())
                .field("zeta", p.zeta())
                .field("phi", p.phi())
                .field("psi", p.psi())
                .field("gamma", p.gamma());
        double[] simulatedLoss = null;
        double[] simulatedError = null;
        double[] explicitLoss = null;
        if (simulate) {
            int[] shape = shape(p, n1);
            int targets = n2 == null ? n1 : n2;
            simulatedLoss = new double[lambdas.length];
            double[] sumSq = new double[lambdas.length];
            explicitLoss = new double[lambdas.length];
            for (int t = 0; t < trials; t++) {
                MemorizationSimulation sim = sample(f, mean, shape, t);
                for (int i = 0; i < lambdas.length; i++) {
                    double e = sim.spectralLoss(lambdas[i]);
                    simulatedLoss[i] += e / trials;
                    sumSq[i] += e * e;
                    explicitLoss[i] += sim.explicitLoss(lambdas[i], targets, common.seed + 1 + t) / trials;
                }
            }
            if (trials > 1) {
                simulatedError = new double[lambdas.length];
                for (int i = 0; i < lambdas.length; i++) {
                    double var = Math.max(0, (sumSq[i] - trials * simulatedLoss[i] * simulatedLoss[i]) / (trials - 1));
                    simulatedError[i] = Math.sqrt(var / trials);
                }
            }
            out.field("simulated_activation", simulated)
                    .field("n0", shape[0])
                    .field("n1", shape[1])
                    .field("m", shape[2])
                    .field("n2", targets)
                    .field("trials", trials)
                    .field("seed", common.seed);
        }
        out.perPoint();
        for (int i = 0; i < lambdas.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lambda", lambdas[i]);
            row.put("e_train_theory", theory[i]);
            if (simulate) {
                row.put("e_train_simulated", simulatedLoss[i]);
                if (simulatedError != null) {
                    row.put("e_train_simulated_se", simulatedError[i]);
                }
                row.put("e_train_explicit", explicitLoss[i]);
            }
            out.point(row);
        }
        if (plot != null) {
            writePlot(p);
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    private static double[] theory(ModelParams p, double[] lambdas) {
        try {
            return TrainingLoss.of(p).along(lambdas);
        } catch (UncertifiedPointException e) {
            throw new UserInputException(
                    "G(-lambda) cannot be certified here (" + e.getMessage() + ")", java.util.Arrays.toString(lambdas));
        }
    }

    /** Trial t of the simulation (one trial: the plain seed, so single runs keep their numbers). */
    private MemorizationSimulation sample(DoubleUnaryOperator f, double mean, int[] shape, int t) {
        return trials == 1
                ? MemorizationSimulation.sample(f, mean, shape[0], shape[1], shape[2], common.seed)
                : MemorizationSimulation.sample(f, mean, shape[0], shape[1], shape[2], common.seed, t);
    }

    /** The spectral estimate of E_train at every λ, averaged over the trials. */
    private double[] spectralLoss(DoubleUnaryOperator f, double mean, int[] shape) {
        double[] loss = new double[lambdas.length];
        for (int t = 0; t < trials; t++) {
            MemorizationSimulation sim = sample(f, mean, shape, t);
            for (int i = 0; i < lambdas.length; i++) {
                loss[i] += sim.spectralLoss(lambdas[i]) / trials;
            }
        }
        return loss;
    }

    /** n0 = ψ n1, m = n1/γ, rounded. */
    private static int[] shape(ModelParams p, int n1) {
        int n0 = (int) Math.max(1, Math.round(p.psi() * n1));
        int m = (int) Math.max(1, Math.round(n1 / p.gamma()));
        return new int[] {n0, n1, m};
    }

    /**
     * √ζ·x + √((η − ζ)/2)·(x² − 1): mean 0 and exactly these η, ζ (first two Hermite components),
     * the activation simulated when only --eta/--zeta are given.
     */
    static DoubleUnaryOperator hermiteSurrogate(double eta, double zeta) {
        double a = Math.sqrt(zeta);
        double b = Math.sqrt((eta - zeta) / 2);
        return x -> a * x + b * (x * x - 1);
    }

    static String surrogateText(double eta, double zeta) {
        return Numbers.plain(Math.sqrt(zeta)) + "*x + " + Numbers.plain(Math.sqrt((eta - zeta) / 2)) + "*(x^2-1)";
    }

    private static double parseRatio(String r) {
        if (r.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(r);
            if (!(v >= 1)) {
                throw new UserInputException("--ratios must be >= 1 (eta/zeta) or inf", r);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserInputException("--ratios must be numbers >= 1 or inf", r);
        }
    }

    /** Theory lines on a fine log grid, simulation points at the requested λ (when --simulate). */
    private void writePlot(ModelParams p) {
        System.setProperty("java.awt.headless", "true");
        double lo = Math.log10(java.util.Arrays.stream(lambdas).min().getAsDouble());
        double hi = Math.log10(java.util.Arrays.stream(lambdas).max().getAsDouble());
        if (hi - lo < 1) {
            lo -= 0.5;
            hi += 0.5;
        }
        int nGrid = 120;
        double[] grid = new double[nGrid];
        for (int i = 0; i < nGrid; i++) {
            grid[i] = Math.pow(10, lo + (hi - lo) * i / (nGrid - 1));
        }
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(620)
                .title(String.format(
                        Locale.ROOT,
                        "E_train(λ), η = %s, φ = %s, ψ = %s",
                        Numbers.plain(p.eta()),
                        Numbers.plain(p.phi()),
                        Numbers.plain(p.psi())))
                .xAxisTitle("λ")
                .yAxisTitle("E_train")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.###E0");
        StringBuilder csv = new StringBuilder("eta_over_zeta,lambda,e_train_theory,e_train_simulated\n");
        java.awt.Color[] palette = {
            new java.awt.Color(0x1f77b4),
            new java.awt.Color(0xff7f0e),
            new java.awt.Color(0x2ca02c),
            new java.awt.Color(0xd62728),
            new java.awt.Color(0x9467bd),
            new java.awt.Color(0x8c564b),
            new java.awt.Color(0xe377c2),
            new java.awt.Color(0x7f7f7f)
        };
        int k = 0;
        for (String r : ratios) {
            java.awt.Color colour = palette[k++ % palette.length];
            double ratio = parseRatio(r);
            double zeta = Double.isInfinite(ratio) ? 0 : p.eta() / ratio;
            ModelParams q = new ModelParams(p.eta(), zeta, p.phi(), p.psi());
            double[] line = theory(q, grid);
            String label = "η/ζ = " + (Double.isInfinite(ratio) ? "∞" : r);
            XYSeries s = chart.addSeries(label + " theory", grid, line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            double[] sim = null;
            double[] th = theory(q, lambdas);
            if (simulate) {
                sim = spectralLoss(hermiteSurrogate(q.eta(), q.zeta()), 0, shape(q, n1));
                XYSeries pts = chart.addSeries(
                        label + " simulation (n1 = " + n1 + (trials > 1 ? ", " + trials + " trials" : "") + ")",
                        lambdas,
                        sim);
                pts.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
                pts.setMarker(SeriesMarkers.CIRCLE);
                pts.setLineColor(colour);
                pts.setMarkerColor(colour);
            }
            for (int i = 0; i < lambdas.length; i++) {
                csv.append(Double.isInfinite(ratio) ? "inf" : r)
                        .append(',')
                        .append(Numbers.plain(lambdas[i]))
                        .append(',')
                        .append(Numbers.plain(th[i]))
                        .append(',')
                        .append(sim == null ? "" : Numbers.plain(sim[i]))
                        .append('\n');
            }
        }
        figure.write(chart, plot);
        String name = plot.getFileName().toString();
        Path csvPath = plot.resolveSibling(name.substring(0, name.length() - 4) + ".csv");
        Output.writeAtomically(csvPath, csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
