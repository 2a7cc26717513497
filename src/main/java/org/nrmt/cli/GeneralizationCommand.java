package org.nrmt.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nrmt.generalization.Generalization;
import org.nrmt.generalization.GeneralizationSimulation;
import org.nrmt.simulation.BiasKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt generalization}: the limiting test and training error of random-feature ridge
 * regression with a linear teacher y = √F xᵀβ/√n0 + ε (theory/generalization.md), certified per λ,
 * optionally next to a simulation, and the double-descent figure (E_test against n1/m at fixed φ).
 */
@Command(
        name = "generalization",
        mixinStandardHelpOptions = true,
        description = "Test and training error of random-feature ridge regression (double descent), "
                + "theory and simulation.")
final class GeneralizationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(
            names = "--mean",
            paramLabel = "M",
            description = "With --eta/--zeta: the mean of the simulated surrogate activation (subtracted again: "
                    + "the limit does not depend on it; default 0).")
    Double mean;

    @Option(
            names = "--lambda",
            paramLabel = "L",
            split = ",",
            required = true,
            description = "Ridge parameters λ > 0 (comma-separated).")
    double[] lambdas;

    @Option(
            names = "--signal",
            paramLabel = "F",
            description = "F, the teacher's signal strength: y = √F·xᵀβ/√n0 + ε (default: ${DEFAULT-VALUE}).")
    double signal = 1;

    @Option(
            names = "--noise",
            paramLabel = "T",
            description = "τ², the variance of the label noise ε, training and test (default: ${DEFAULT-VALUE}).")
    double noise = 0;

    @Option(names = "--simulate", description = "Also simulate (needs --n0): n1 = n0/ψ, m = n0/φ.")
    boolean simulate;

    @Option(names = "--n0", paramLabel = "N", description = "Input dimension of the simulation.")
    Integer n0;

    @Option(
            names = "--trials",
            paramLabel = "T",
            description = "Independent networks and data sets averaged by --simulate; with T > 1 the standard "
                    + "errors are reported (default: ${DEFAULT-VALUE}).")
    int trials = 1;

    @Option(
            names = "--test-points",
            paramLabel = "MT",
            description = "Test inputs per trial (default: ${DEFAULT-VALUE}); β and ε are averaged exactly.")
    int testPoints = 2000;

    @Option(
            names = "--plot",
            paramLabel = "FILE",
            description = "Draw E_test against n1/m at the given φ for every λ (with --simulate, simulation points "
                    + "at --plot-ratios) into FILE.png, .svg or .pdf; a CSV of the numbers is written beside it.")
    Path plot;

    @Mixin
    FigureOptions figure;

    @Option(
            names = "--plot-ratios",
            paramLabel = "R",
            split = ",",
            description =
                    "n1/m of the simulated points of the figure (default: 0.2,0.4,0.6,0.8,0.9,1,1.1,1.25,1.5,2,3).")
    double[] plotRatios = {0.2, 0.4, 0.6, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3};

    @Option(
            names = "--plot-max",
            paramLabel = "R",
            description = "Largest n1/m of the theory curves (default: ${DEFAULT-VALUE}).")
    double plotMax = 3;

    @Option(
            names = "--plot-points",
            paramLabel = "N",
            description = "Points of n1/m on each theory curve (default: ${DEFAULT-VALUE}; n1/m = 1 is always added).")
    int plotPoints = 300;

    @Override
    public Integer call() {
        common.validate();
        if (common.digits != 16) {
            throw new UserInputException(
                    "generalization computes in double precision; --digits must be 16", common.digits);
        }
        if (model.bias != null && model.bias != BiasKind.none) {
            throw new UserInputException("generalization is bias-free; --bias is not supported", model.bias.name());
        }
        if (model.activation != null && mean != null) {
            throw new UserInputException("--mean goes with --eta/--zeta (an activation's mean is computed)", mean);
        }
        for (double l : lambdas) ModelOptions.requirePositive("--lambda", l);
        requireNonNegative("--signal", signal);
        requireNonNegative("--noise", noise);
        double phi = model.phi();
        double psi = model.psi();
        model.s();
        if (simulate && n0 == null) throw new UserInputException("--simulate needs --n0", "nothing");
        if (n0 != null && n0 < 2) throw new UserInputException("--n0 must be >= 2", n0);
        if (trials < 1) throw new UserInputException("--trials must be >= 1", trials);
        if (testPoints < 1) throw new UserInputException("--test-points must be >= 1", testPoints);
        if (plot != null) {
            FigureOptions.check(plot, figure);
            ModelOptions.requirePositive("--plot-max", plotMax);
            if (plotPoints < 2 || plotPoints > 100_000) {
                throw new UserInputException("--plot-points must be between 2 and 100000", plotPoints);
            }
            for (double r : plotRatios) ModelOptions.requirePositive("--plot-ratios", r);
        }
        if (simulate) {
            long n1 = Math.round(n0 / psi), m = Math.round(n0 / phi);
            long largest = Math.max(n1, m) * (long) Math.max(n0, Math.min(n1, m));
            if (n1 < 1 || m < 1 || largest > 400_000_000L) {
                throw new UserInputException(
                        "the simulation is too large or empty (n1 = n0/psi, m = n0/phi)", "n1=" + n1 + " m=" + m);
            }
        }
        Generalization.Result th = theory(phi, psi, lambdas);
        Output out = new Output()
                .field("activation", model.activation == null ? "" : model.activation)
                .field("mean", th.mean())
                .field("eta", th.eta())
                .field("zeta", th.zeta())
                .field("phi", phi)
                .field("psi", psi)
                .field("gamma", phi / psi)
                .field("signal", signal)
                .field("noise", noise)
                .field("sigma_w", model.sigmaW)
                .field("sigma_x", model.sigmaX);
        Simulated sim = null;
        if (simulate) {
            int n1 = (int) Math.round(n0 / psi), m = (int) Math.round(n0 / phi);
            sim = simulateAt(th, n0, n1, m, lambdas);
            out.field("n0", n0)
                    .field("n1", n1)
                    .field("m", m)
                    .field("trials", trials)
                    .field("test_points", testPoints)
                    .field("seed", common.seed);
        }
        out.perPoint();
        for (int i = 0; i < lambdas.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lambda", lambdas[i]);
            row.put("e_test_theory", th.eTest()[i]);
            row.put("e_train_theory", th.eTrain()[i]);
            row.put("bias", th.bias()[i]);
            row.put("variance", th.variance()[i]);
            row.put("error", Output.number(upward(th.error()[i])));
            row.put("certified", th.certified()[i]);
            if (sim != null) {
                row.put("e_test_simulated", sim.test[i]);
                if (trials > 1) row.put("e_test_simulated_se", sim.testSe[i]);
                row.put("e_train_simulated", sim.train[i]);
                if (trials > 1) row.put("e_train_simulated_se", sim.trainSe[i]);
            }
            out.point(row);
        }
        if (plot != null) writePlot(phi, th);
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /** An error bound rounded up to 3 significant digits (rounding it down would break the bound). */
    static String upward(double error) {
        if (error == 0) return "0";
        return new java.math.BigDecimal(error)
                .round(new java.math.MathContext(3, java.math.RoundingMode.UP))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new UserInputException(name + " must be a finite number >= 0", v);
    }

    /** The certified limit at (φ, ψ); an uncertified point is refused, never printed. */
    private Generalization.Result theory(double phi, double psi, double[] ls) {
        Generalization.Result r;
        try {
            r = Generalization.compute(
                    model.activation,
                    model.eta,
                    model.zeta,
                    mean,
                    phi,
                    psi,
                    ls,
                    signal,
                    noise,
                    model.sigmaW,
                    model.sigmaX);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        for (int i = 0; i < ls.length; i++) {
            if (!r.certified()[i]) {
                throw new UserInputException(
                        "the limit cannot be certified here (G(-lambda) or its enclosure failed) at phi = "
                                + Numbers.plain(phi) + ", psi = " + Numbers.plain(psi),
                        "lambda=" + Numbers.plain(ls[i]));
            }
        }
        return r;
    }

    private record Simulated(double[] test, double[] testSe, double[] train, double[] trainSe) {}

    /** The activation the simulation applies to pre-activations WX: f itself, or the Hermite surrogate. */
    private DoubleUnaryOperator simulatedActivation(Generalization.Result th) {
        if (model.activation != null)
            return Generalization.parse(model.activation).toDoubleFunction();
        return Generalization.hermiteSurrogate(th.eta(), th.zeta(), th.mean(), model.sigmaW * model.sigmaX);
    }

    private Simulated simulateAt(Generalization.Result th, int n0, int n1, int m, double[] ls) {
        DoubleUnaryOperator f = simulatedActivation(th);
        int k = ls.length;
        double[] test = new double[k], test2 = new double[k], train = new double[k], train2 = new double[k];
        for (int t = 0; t < trials; t++) {
            GeneralizationSimulation s = GeneralizationSimulation.sample(
                    f, th.mean(), n0, n1, m, testPoints, model.sigmaW, model.sigmaX, common.seed, t);
            for (int i = 0; i < k; i++) {
                double e = s.testError(ls[i], signal, noise), r = s.trainError(ls[i], signal, noise);
                test[i] += e;
                test2[i] += e * e;
                train[i] += r;
                train2[i] += r * r;
            }
        }
        double[] testSe = new double[k], trainSe = new double[k];
        for (int i = 0; i < k; i++) {
            test[i] /= trials;
            train[i] /= trials;
            if (trials > 1) {
                testSe[i] = Math.sqrt(Math.max(0, (test2[i] - trials * test[i] * test[i]) / (trials - 1)) / trials);
                trainSe[i] = Math.sqrt(Math.max(0, (train2[i] - trials * train[i] * train[i]) / (trials - 1)) / trials);
            }
        }
        return new Simulated(test, testSe, train, trainSe);
    }

    /**
     * The double-descent figure: E_test against γ = n1/m at fixed φ (ψ = φ/γ), one theory curve
     * per λ on a fine grid (γ = 1 included), simulation points at --plot-ratios with n1 = γ·m,
     * m = n0/φ.
     */
    private void writePlot(double phi, Generalization.Result th0) {
        System.setProperty("java.awt.headless", "true");
        int nGrid = plotPoints;
        double lo = Math.min(0.05, plotMax / 10);
        double[] grid = new double[nGrid + 1];
        for (int i = 0; i < nGrid; i++) grid[i] = lo + (plotMax - lo) * i / (nGrid - 1);
        grid[nGrid] = 1;
        Arrays.sort(grid);
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(620)
                .title(String.format(
                        Locale.ROOT,
                        "E_test against n1/m: %s, φ = %s, F = %s, τ² = %s",
                        model.activation == null
                                ? "η = " + Numbers.plain(th0.eta()) + ", ζ = " + Numbers.plain(th0.zeta())
                                : model.activation,
                        Numbers.plain(phi),
                        Numbers.plain(signal),
                        Numbers.plain(noise)))
                .xAxisTitle("n1/m")
                .yAxisTitle("E_test")
                .build();
        StringBuilder csv = new StringBuilder(
                "lambda,n1_over_m,psi,e_test_theory,e_train_theory,error,e_test_simulated,e_test_simulated_se,n0,n1,m\n");
        java.awt.Color[] palette = {
            new java.awt.Color(0x1f77b4),
            new java.awt.Color(0xff7f0e),
            new java.awt.Color(0x2ca02c),
            new java.awt.Color(0xd62728),
            new java.awt.Color(0x9467bd),
            new java.awt.Color(0x8c564b)
        };
        double[] sorted = lambdas.clone();
        Arrays.sort(sorted);
        double[][] curves = new double[sorted.length][grid.length];
        for (int i = 0; i < grid.length; i++) {
            Generalization.Result r = theory(phi, phi / grid[i], sorted);
            for (int li = 0; li < sorted.length; li++) {
                curves[li][i] = r.eTest()[li];
                csv.append(row(sorted[li], grid[i], phi / grid[i], r, li, null, 0, 0, 0));
            }
        }
        for (int li = 0; li < sorted.length; li++) {
            java.awt.Color colour = palette[li % palette.length];
            XYSeries s = chart.addSeries("λ = " + Numbers.plain(sorted[li]), grid, curves[li]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
        }
        if (simulate) {
            int mm = (int) Math.round(n0 / phi);
            double[][] simY = new double[sorted.length][plotRatios.length];
            double[] simX = new double[plotRatios.length];
            for (int i = 0; i < plotRatios.length; i++) {
                int n1 = Math.max(1, (int) Math.round(plotRatios[i] * mm));
                double gamma = n1 / (double) mm;
                Generalization.Result r = theory(phi, phi / gamma, sorted);
                Simulated sim = simulateAt(r, n0, n1, mm, sorted);
                simX[i] = gamma;
                for (int li = 0; li < sorted.length; li++) {
                    simY[li][i] = sim.test[li];
                    csv.append(row(sorted[li], gamma, phi / gamma, r, li, sim, n0, n1, mm));
                }
            }
            for (int li = 0; li < sorted.length; li++) {
                java.awt.Color colour = palette[li % palette.length];
                XYSeries p = chart.addSeries(
                        "simulation λ = " + Numbers.plain(sorted[li]) + " (n0 = " + n0 + ", " + trials + " trials)",
                        simX,
                        simY[li]);
                p.setLineStyle(SeriesLines.NONE);
                p.setMarker(SeriesMarkers.CIRCLE);
                p.setMarkerColor(colour);
                p.setLineColor(colour);
            }
        }
        figure.write(chart, plot);
        String name = plot.getFileName().toString();
        Path csvPath = plot.resolveSibling(name.substring(0, name.length() - 4) + ".csv");
        Output.writeAtomically(csvPath, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String row(
            double lambda,
            double gamma,
            double psi,
            Generalization.Result r,
            int i,
            Simulated sim,
            int n0,
            int n1,
            int m) {
        return String.join(
                        ",",
                        Numbers.plain(lambda),
                        Numbers.plain(gamma),
                        Numbers.plain(psi),
                        Numbers.plain(r.eTest()[i]),
                        Numbers.plain(r.eTrain()[i]),
                        upward(r.error()[i]),
                        sim == null ? "" : Numbers.plain(sim.test[i]),
                        sim == null || trials < 2 ? "" : Numbers.plain(sim.testSe[i]),
                        sim == null ? "" : Integer.toString(n0),
                        sim == null ? "" : Integer.toString(n1),
                        sim == null ? "" : Integer.toString(m))
                + "\n";
    }
}
