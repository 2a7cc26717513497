package org.nrmt.verification;

import java.util.List;
import org.nrmt.activation.Activation;
import org.nrmt.bias.BiasKind;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.SpectralLaw;

/**
 * The one place where the harness calls the theory packages; everything else in this package
 * only sees {@link SpectralLaw}, numbers and records. Keeping the wiring here means an API change
 * in a library package is fixed in one file.
 */
final class Library {
    private Library() {
    }

    /** Gaussian constants of f at scale s. */
    record Constants(double mean, double eta, double zeta) {
    }

    static Constants constants(Activation f, double s) {
        throw new UnsupportedOperationException("the constants engine is not on main yet");
    }

    static SpectralLaw quartic(ModelParams p) {
        throw new UnsupportedOperationException("QuarticLaw is not on main yet");
    }

    static SpectralLaw biasLaw(BiasKind kind, Activation f, double s, double sigmaB, double phi, double psi) {
        throw new UnsupportedOperationException("the bias laws are not on main yet");
    }

    /** E_train(λ) of PW §5 at each λ. */
    static double[] trainingLoss(ModelParams p, double[] lambdas) {
        throw new UnsupportedOperationException("the memorization package is not on main yet");
    }

    /** Per-layer KS to the input law and to the one-layer theory. */
    static Outcome.Layers layers(Activation f, int depth, int n0, int n1, int m, int trials, long seed) {
        throw new UnsupportedOperationException("the layers package is not on main yet");
    }

    /** The edge-precision study of model.md §4. */
    static Outcome.Branches branchStudy(ModelParams p, List<Integer> digits, List<Double> distances) {
        throw new UnsupportedOperationException("the branch study is not on main yet");
    }

    /** Root-selection strategies compared by phantom mass and mass defect. */
    static Outcome.Strategies strategies(ModelParams p) {
        throw new UnsupportedOperationException("the root-selection strategies are not on main yet");
    }

    /** Computes η and ζ of f at {@code digits} digits (timed; the values are not used). */
    static void constantsAtDigits(Activation f, double s, int digits) {
        throw new UnsupportedOperationException("the constants engine is not on main yet");
    }

    /** [lo, hi] just around the support of the law (for density grids). */
    static double[] supportRange(ModelParams p) {
        throw new UnsupportedOperationException("QuarticLaw is not on main yet");
    }

    /** A certified density grid (timed). */
    static void densityGrid(ModelParams p, double from, double to, int points) {
        throw new UnsupportedOperationException("QuarticLaw is not on main yet");
    }

    /** One certified G(z) at {@code digits} digits (timed). */
    static void stieltjesAtDigits(ModelParams p, double zRe, double zIm, int digits) {
        throw new UnsupportedOperationException("QuarticLaw is not on main yet");
    }
}
