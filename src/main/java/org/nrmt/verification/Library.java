package org.nrmt.verification;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.activation.Activation;
import org.nrmt.bias.BiasLaws;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.layers.LayerPropagation;
import org.nrmt.layers.LayerSpectrum;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.spectrum.BranchStudy;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * The one place where the harness calls the theory packages; everything else in this package
 * only sees {@link SpectralLaw}, numbers and records. Keeping the wiring here means an API change
 * in a library package is fixed in one file.
 */
final class Library {
    private Library() {}

    /** Gaussian constants of f at scale s: mean E f(sZ), η = Var f(sZ), ζ = (E[Z f(sZ)])². */
    record Constants(double mean, double eta, double zeta) {}

    static Constants constants(Activation f, double s) {
        return constantsAtBias(f, s, 0.0);
    }

    /** The constants of f(sZ + b) (model.md §7: μ(b), η(b) = Var f(sZ + b), ζ(b)), in double. */
    static Constants constantsAtBias(Activation f, double s, double b) {
        DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, b);
        // ζ below the engine's rounding is a ζ = 0 activation: the law must take the degree drop.
        double zeta = c.zeta() <= 1e-14 * c.eta() ? 0.0 : Math.min(c.zeta(), c.eta());
        return new Constants(c.mean(), c.eta(), zeta);
    }

    static QuarticLaw quartic(ModelParams p) {
        return QuarticLaw.of(p);
    }

    /** The per-neuron or per-sample law for b ~ N(0, σb²), discretised for CDF comparison (equal weights). */
    static SpectralLaw biasLaw(BiasKind kind, Activation f, double s, double sigmaB, double phi, double psi) {
        return BiasLaws.forCdf(kind, f, s, sigmaB, phi, psi);
    }

    /** The per-neuron or per-sample law averaged over the given bias values (equal weights). */
    static SpectralLaw biasLawOfSamples(
            BiasKind kind, Activation f, double s, double[] values, double phi, double psi) {
        return BiasLaws.ofSamples(kind, f, s, values, phi, psi);
    }

    /** The bias values trial {@code t} of a simulation drew (the simulation package's own draw). */
    static double[] drawnBias(SimulationSpec spec, long seed, int trial) {
        return Simulator.biasValues(spec, seed, trial);
    }

    /** E_train(λ) = 1 − γ − γλ²G′(−λ) (model.md §5) at each λ, from the memorization package. */
    static double[] trainingLoss(ModelParams p, double[] lambdas) {
        return TrainingLoss.of(p).along(lambdas);
    }

    /** Per-layer KS to the input law and to the one-layer theory. */
    static Outcome.Layers layers(Activation f, int depth, int n, int m, long seed) {
        Constants raw = constants(f, 1.0);
        // The layers package normalises f to η = 1; the one-layer theory is the PW law of that f.
        ModelParams p = new ModelParams(1.0, raw.zeta() / raw.eta(), (double) n / m, 1.0);
        TabulatedLaw theory = new TabulatedLaw(QuarticLaw.of(p));
        LayerPropagation prop =
                new LayerPropagation(f.toDoubleFunction(), raw.mean(), 1 / Math.sqrt(raw.eta()), theory::cdf);
        List<LayerSpectrum> spectra = prop.run(depth, n, m, seed);
        List<Double> toInput = new java.util.ArrayList<>();
        List<Double> toTheory = new java.util.ArrayList<>();
        for (LayerSpectrum l : spectra) {
            if (l.layer() > 0) {
                toInput.add(l.ksToInputLaw());
                toTheory.add(l.ksToTheory());
            }
        }
        return new Outcome.Layers(toInput, toTheory);
    }

    /** The edge-precision study of model.md §4. */
    static Outcome.Branches branchStudy(ModelParams p, List<Integer> digits, List<Double> distances) {
        QuarticLaw law = QuarticLaw.of(p);
        int[] d = digits.stream().mapToInt(Integer::intValue).toArray();
        double[] deltas = distances.stream().mapToDouble(Double::doubleValue).toArray();
        int ref = 2 * d[d.length - 1] + 20;
        List<BranchStudy.EdgePoint> pts = BranchStudy.edgeStudy(law, deltas, d, ref);
        List<List<Double>> error = new java.util.ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            List<Double> row = new java.util.ArrayList<>();
            for (BranchStudy.EdgePoint pt : pts) {
                row.add(pt.relErr()[i]);
            }
            error.add(row);
        }
        String edge = BranchStudy.upperEdge(law, d[d.length - 1]).toString(true);
        return new Outcome.Branches(edge, distances, digits, error);
    }

    /** Root-selection strategies compared by phantom mass and mass defect. */
    static Outcome.Strategies strategies(ModelParams p) {
        return Strategies.compare(QuarticLaw.of(p));
    }

    /** Computes η and ζ of f at {@code digits} digits (timed; the values are not used). */
    static void constantsAtDigits(Activation f, double s, int digits) {
        GaussianConstantsEngine.compute(f, s, digits);
    }

    /** [lo, hi] of the support of the law, widened by 5% (for density grids). */
    static double[] supportRange(ModelParams p) {
        List<Interval> support = QuarticLaw.of(p).support();
        double lo = support.get(0).lo();
        double hi = support.get(support.size() - 1).hi();
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** A certified density grid (timed). */
    static void densityGrid(ModelParams p, double from, double to, int points) {
        QuarticLaw.of(p).densityGrid(from, to, points);
    }

    /** One certified G(z) at {@code digits} digits (timed). */
    static void stieltjesAtDigits(ModelParams p, double zRe, double zIm, int digits) {
        QuarticLaw.of(p).withDigits(digits).stieltjesAp(QuarticLaw.exact(new Complex(zRe, zIm)));
    }
}
