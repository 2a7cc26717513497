package org.nrmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nrmt.bias.BiasLaws;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.SpectrumFigure;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.MixtureLaw;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt compare}: simulates M and compares its pooled eigenvalues with the limiting law of
 * (η, ζ, φ = n0/m, ψ = n0/n1): KS, Wasserstein-1, atom at 0, Stieltjes error at Im z ≥ 0.1 and
 * moments (theory/verification.md); {@code --plot} draws the figure. Defaults: tanh,
 * n0 = n1 = 1000, m = 2000.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Theory against simulation: KS, Wasserstein-1, Stieltjes error, atoms, moments, figure.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Mixin
    SimulateCommand.SimulationOptions sim;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the figure to FILE.png, FILE.svg or FILE.pdf.")
    Path plot;

    @Mixin
    FigureOptions figure;

    @Option(
            names = "--sampled-bias",
            description = "With --bias neuron|sample: compare with the theory averaged over "
                    + "the bias values each trial drew (the mixture of the trials' laws) instead of over N(0, σb²); this "
                    + "removes the fluctuation of the bias sample (theory/bias.md §9).")
    boolean sampledBias;

    @Override
    public Integer call() {
        common.validate();
        FigureOptions.check(plot, figure);
        SimulateCommand.Prepared p =
                sim.prepare(model, common, spec.commandLine().getErr());
        Theory theory = theory(p);
        ModelParams params = theory.params();
        SpectralLaw law = theory.law();
        SimulationResult r = p.run();
        Comparison c = TheoryComparison.compare(r, law);

        Output out = new Output()
                .field("activation", p.activationText())
                .field("mean", p.activation().mean());
        if (params != null) {
            out.field("eta", params.eta()).field("zeta", params.zeta());
        }
        out.field("phi", p.spec().phi())
                .field("psi", p.spec().psi())
                .field("n0", p.spec().n0())
                .field("m", p.spec().m())
                .field("bias", p.spec().bias().name())
                .field("sampled_bias", sampledBias)
                .field("seed", p.seed())
                .field("backend", r.backend())
                .field("ks", c.ks())
                .field("w1", c.w1())
                .field("atom_theory", c.atomTheory())
                .field("atom_empirical", c.atomEmpirical())
                .field("stieltjes_max_error", c.stieltjesMaxError())
                .field("moments_theory", c.momentsTheory())
                .field("moments_empirical", c.momentsEmpirical())
                .field("n1", c.n1())
                .field("trials", c.trials())
                .field("seconds", c.seconds());
        if (plot != null) {
            writePlot(p, r, law, c);
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    private void writePlot(SimulateCommand.Prepared p, SimulationResult r, SpectralLaw law, Comparison c) {
        System.setProperty("java.awt.headless", "true");
        String title = String.format(
                Locale.ROOT,
                "f = %s: %s (φ=%.3g, ψ=%.3g)%s",
                p.activationText(),
                p.spec().shapeLabel(),
                p.spec().phi(),
                p.spec().psi(),
                p.trials() > 1 ? ", " + p.trials() + " trials" : "");
        figure.write(SpectrumFigure.build(title, r.spectrum(), law, c), plot);
    }

    /** The law compared with, and (η, ζ, φ, ψ) when it is a Pennington–Worah quartic law. */
    record Theory(SpectralLaw law, ModelParams params) {}

    /**
     * The limiting law of the simulated model: the quartic law of (η, ζ) at s = σw σx without
     * bias; with {@code --bias neuron|sample} the bias law over b ~ N(0, σb²) (theory/bias.md); with
     * {@code --bias scalar} the quartic law of the conditional constants at the one β the trial drew.
     */
    private Theory theory(SimulateCommand.Prepared p) {
        double phi = p.spec().phi();
        double psi = p.spec().psi();
        if (sampledBias && p.spec().bias() != BiasKind.neuron && p.spec().bias() != BiasKind.sample) {
            throw new UserInputException(
                    "--sampled-bias needs --bias neuron or sample",
                    p.spec().bias().name());
        }
        try {
            switch (p.spec().bias()) {
                case none -> {
                    ModelParams params = Models.params(model, phi, psi);
                    return new Theory(QuarticLaw.of(params), params);
                }
                case neuron, sample -> {
                    if (sampledBias) {
                        // T pooled trials follow the mixture of their own laws: the law is not linear
                        // in the bias measure, so pooling all drawn values into one law would be wrong.
                        List<SpectralLaw> parts = new ArrayList<>();
                        for (int t = 0; t < p.trials(); t++) {
                            parts.add(BiasLaws.ofSamples(
                                    p.spec().bias(),
                                    p.activationText(),
                                    p.activation().f(),
                                    p.spec().s(),
                                    Simulator.biasValues(p.spec(), p.seed(), t),
                                    phi,
                                    psi));
                        }
                        return new Theory(parts.size() == 1 ? parts.get(0) : new MixtureLaw(parts), null);
                    }
                    // equal-weight bias nodes: KS compares CDFs (theory/bias.md §2)
                    return new Theory(
                            BiasLaws.forCdf(
                                    p.spec().bias(),
                                    p.parsed(),
                                    p.spec().s(),
                                    p.spec().biasSigma(),
                                    phi,
                                    psi),
                            null);
                }
                case scalar -> {
                    if (p.trials() != 1) {
                        throw new UserInputException(
                                "compare --bias scalar needs --trials 1 (each trial draws its own β)", p.trials());
                    }
                    double beta = Simulator.biasValues(p.spec(), p.seed(), 0)[0];
                    DoubleConstants c = GaussianConstantsEngine.computeDouble(
                            p.parsed(), p.spec().s(), beta);
                    ModelParams params = new ModelParams(c.eta(), c.zeta(), phi, psi);
                    return new Theory(QuarticLaw.of(params), params);
                }
                default ->
                    throw new IllegalStateException("unknown bias " + p.spec().bias());
            }
        } catch (UserInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
