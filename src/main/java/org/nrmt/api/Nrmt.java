package org.nrmt.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.bias.ApConditionalConstants;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasMeasure;
import org.nrmt.bias.ConditionalConstants;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.model.Decimals;
import org.nrmt.model.LimitLaws;
import org.nrmt.model.Model;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The entry points of the facade: constants, laws, simulations, comparisons, the training loss.
 * Numbers a user types arrive as decimal strings (null: the default), so σw = "0.1" is the decimal
 * 0.1, not its double.
 */
public final class Nrmt {

    private Nrmt() {}

    /** nrmt's version, from the jar's manifest. */
    public static String version() {
        String v = Nrmt.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /**
     * mean, η, ζ of f(sZ), s = σw σx, and the error bound, as {@code nrmt constants} computes them:
     * up to 16 digits the double engine (a value not above its error is 0; rounded to the digits),
     * above the apfloat engine at the exact s. With a bias kind and σb &gt; 0 the conditional
     * constants μ(b), ζ(b), s²(b) on the bias nodes and their averages.
     */
    public static Constants constants(
            String activation, int digits, String sigmaW, String sigmaX, String bias, String biasSigma) {
        Inputs.requireDigits(digits);
        Model m = Inputs.model(activation, null, null, sigmaW, sigmaX, bias, biasSigma);
        if (activation == null) throw new IllegalArgumentException("an activation is required, got nothing");
        Activation f = m.parsedActivation();
        if (m.biased()) return biasConstants(m, f, digits);
        Constants out = new Constants()
                .field("activation", f.text())
                .field("s", m.s().stripTrailingZeros().toPlainString());
        if (digits <= 16) {
            DoubleConstants c = LimitLaws.constants(m);
            out.field("mean", Decimals.rounded(significant(c.mean(), c.error()), digits))
                    .field("eta", Decimals.rounded(significant(c.eta(), c.error()), digits))
                    .field("zeta", Decimals.rounded(significant(c.zeta(), c.error()), digits))
                    .field("error", Decimals.rounded(c.error(), 3));
        } else {
            GaussianConstants c =
                    GaussianConstantsEngine.compute(f, new Apfloat(m.s(), Apfloat.INFINITE), Apfloat.ZERO, digits, 0);
            out.field("mean", Decimals.plain(c.mean(), digits))
                    .field("eta", Decimals.plain(c.eta(), digits))
                    .field("zeta", Decimals.plain(c.zeta(), digits))
                    .field("error", Decimals.plain(c.error(), 3));
        }
        return out;
    }

    /** As the engine reports: a value not larger than its error is 0. */
    private static double significant(double v, double error) {
        return Math.abs(v) <= error ? 0 : v;
    }

    private static Constants biasConstants(Model m, Activation f, int digits) {
        Constants out = new Constants()
                .field("activation", f.text())
                .field("s", m.s().stripTrailingZeros().toPlainString())
                .field("bias", m.bias().name())
                .field("bias_sigma", m.biasSigma().toPlainString());
        if (digits > 16) {
            ApConditionalConstants c = ApConditionalConstants.compute(
                    f, new Apfloat(m.s(), Apfloat.INFINITE), new Apfloat(m.biasSigma(), Apfloat.INFINITE), digits);
            out.field("nodes", Integer.toString(c.size()))
                    .field("mean_mu", Decimals.plain(c.meanMu(), digits))
                    .field("variance_mu", Decimals.plain(c.varianceMu(), digits))
                    .field("mean_zeta", Decimals.plain(c.meanZeta(), digits))
                    .field("mean_s2", Decimals.plain(c.meanS2(), digits))
                    .field("mean_zeta_plus_s2", Decimals.plain(c.meanZetaPlusS2(), digits))
                    .field("error", Decimals.plain(c.error(), 3));
            List<String> b = new ArrayList<>();
            List<String> w = new ArrayList<>();
            List<String> mu = new ArrayList<>();
            List<String> zeta = new ArrayList<>();
            List<String> s2 = new ArrayList<>();
            for (int j = 0; j < c.size(); j++) {
                long dj = c.nodeDigits().get(j);
                b.add(Decimals.plain(c.nodes().get(j), digits));
                w.add(Decimals.plain(c.weights().get(j), digits));
                mu.add(Decimals.plain(c.mu().get(j), dj));
                zeta.add(Decimals.plain(c.zeta().get(j), dj));
                s2.add(Decimals.plain(c.s2().get(j), dj));
            }
            return out.column("b", b)
                    .column("weight", w)
                    .column("mu", mu)
                    .column("zeta", zeta)
                    .column("s2", s2);
        }
        BiasMeasure measure = BiasMeasure.gaussian(m.biasSigma().doubleValue(), BiasLaws.DEFAULT_NODES);
        ConditionalConstants c = BiasLaws.constants(f, m.s().doubleValue(), measure);
        double[] w = measure.weights();
        double[] mu = c.mu();
        double[] meanAndVariance = LimitLaws.meanMuAndVariance(c);
        return out.field("nodes", Integer.toString(w.length))
                .field("mean_mu", Decimals.rounded(meanAndVariance[0], digits))
                .field("variance_mu", Decimals.rounded(meanAndVariance[1], digits))
                .field("mean_zeta", Decimals.rounded(c.meanZeta(), digits))
                .field("mean_s2", Decimals.rounded(c.meanS2(), digits))
                .field("mean_zeta_plus_s2", Decimals.rounded(c.meanVariance(), digits))
                .column("b", rounded(measure.nodes(), digits))
                .column("weight", rounded(w, digits))
                .column("mu", rounded(mu, digits))
                .column("zeta", rounded(c.zeta(), digits))
                .column("s2", rounded(c.s2(), digits));
    }

    private static double[] rounded(double[] v, int digits) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Decimals.rounded(v[i], digits);
        return out;
    }

    /**
     * The limit law of the model (an activation, or η and ζ) at φ, ψ: the quartic law, or with a
     * bias kind and σb &gt; 0 the bias law; {@code digits} &gt; 16 for decimal answers.
     */
    public static Law law(
            String activation,
            String eta,
            String zeta,
            String phi,
            String psi,
            String sigmaW,
            String sigmaX,
            String bias,
            String biasSigma,
            int digits) {
        Model m = Inputs.model(activation, eta, zeta, sigmaW, sigmaX, bias, biasSigma);
        return new Law(m, Inputs.positive("phi", phi), Inputs.positive("psi", psi), digits);
    }

    /**
     * Simulates {@code trials} matrices M = YYᵀ/m, Y = f(WX + B) − mean, seeded as {@code nrmt
     * simulate --seed}: the same seed gives the same eigenvalues, bit for bit.
     *
     * @param backend "native" (OpenBLAS, falls back to Java if it does not load) or "java"
     * @param threads Java threads (trials in parallel); 0 for the number of processors
     */
    public static Simulation simulate(
            String activation,
            int n0,
            int n1,
            int m,
            long seed,
            int trials,
            String sigmaW,
            String sigmaX,
            String bias,
            String biasSigma,
            String backend,
            int threads) {
        return prepare(activation, n0, n1, m, seed, trials, sigmaW, sigmaX, bias, biasSigma, backend, threads)
                .run();
    }

    /**
     * Simulates as {@link #simulate} and compares the pooled eigenvalues with the limit law of the
     * simulation ({@link LimitLaws#ofSimulation}; with {@code sampledBias} the law given the biases
     * the trials drew): KS, W1, atoms, Stieltjes error, moments.
     */
    public static ComparisonResult compare(
            String activation,
            int n0,
            int n1,
            int m,
            long seed,
            int trials,
            String sigmaW,
            String sigmaX,
            String bias,
            String biasSigma,
            boolean sampledBias,
            String backend,
            int threads) {
        Prepared p = prepare(activation, n0, n1, m, seed, trials, sigmaW, sigmaX, bias, biasSigma, backend, threads);
        SpectralLaw law = LimitLaws.ofSimulation(activation, p.spec, seed, trials, sampledBias);
        Simulation s = p.run();
        Comparison c = TheoryComparison.compare(s.result(), law);
        return new ComparisonResult(s, c, law, activation);
    }

    /**
     * E_train(λ) = 1 − γ − γλ²G′(−λ) of ridge regression on the random features of the model at φ,
     * ψ, for every λ &gt; 0 (theory/memorization.md).
     */
    public static double[] memorization(
            String activation,
            String eta,
            String zeta,
            String phi,
            String psi,
            String sigmaW,
            String sigmaX,
            double[] lambdas) {
        Model model = Inputs.model(activation, eta, zeta, sigmaW, sigmaX, null, null);
        BigDecimal ph = Inputs.positive("phi", phi);
        BigDecimal ps = Inputs.positive("psi", psi);
        for (double l : lambdas) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda must be a finite number > 0, got " + l);
            }
        }
        try {
            return TrainingLoss.of(LimitLaws.params(model, ph.doubleValue(), ps.doubleValue()))
                    .along(lambdas);
        } catch (UncertifiedPointException e) {
            throw new IllegalArgumentException(
                    "G(-lambda) cannot be certified here (" + e.getMessage() + "), got " + Arrays.toString(lambdas));
        }
    }

    /** A validated simulation, ready to run. */
    private record Prepared(
            SimulationSpec spec,
            CenteredActivation activation,
            Simulator simulator,
            int trials,
            long seed,
            List<String> notices) {
        Simulation run() {
            SimulationResult r = simulator.run(spec, activation, trials, seed, k -> {});
            return new Simulation(r, notices);
        }
    }

    private static Prepared prepare(
            String activation,
            int n0,
            int n1,
            int m,
            long seed,
            int trials,
            String sigmaW,
            String sigmaX,
            String bias,
            String biasSigma,
            String backend,
            int threads) {
        if (activation == null) throw new IllegalArgumentException("a simulation needs an activation, got nothing");
        Model model = Inputs.model(activation, null, null, sigmaW, sigmaX, bias, biasSigma);
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0: all processors), got " + threads);
        Backend b;
        try {
            b = Backend.parse(backend == null ? "native" : backend);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backend must be native or java, got '" + backend + "'");
        }
        SimulationSpec spec = new SimulationSpec(
                n0,
                n1,
                m,
                model.sigmaW().doubleValue(),
                model.sigmaX().doubleValue(),
                model.bias(),
                model.biasSigma().doubleValue());
        CenteredActivation centred = model.centred();
        List<String> notices = new ArrayList<>();
        Simulator simulator = new Simulator(
                EigenSolvers.forBackend(b, notices::add),
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        simulator.checkMemory(spec, trials);
        return new Prepared(spec, centred, simulator, trials, seed, notices);
    }
}
