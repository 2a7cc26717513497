package org.nrmt.cli;

import org.nrmt.simulation.BiasKind;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.SpectralLaw;
import picocli.CommandLine.Option;

/**
 * The model's options (../shared/cli.md): the activation or (η, ζ), the aspect ratios, the
 * pre-activation scale and the bias. Resolution to η, ζ goes through the constants engine.
 */
public final class ModelOptions {

    @Option(
            names = {"-f", "--activation"},
            paramLabel = "EXPR",
            description = "Activation, an expression in x (e.g. tanh, relu, 'x^2-1'); centred automatically.")
    public String activation;

    @Option(names = "--eta", paramLabel = "E", description = "η, the variance of f(sZ); replaces --activation.")
    public Double eta;

    @Option(names = "--zeta", paramLabel = "Z", description = "ζ = (E[Z f(sZ)])²; replaces --activation.")
    public Double zeta;

    @Option(names = "--phi", paramLabel = "PHI", description = "φ = n0/m.")
    public Double phi;

    @Option(names = "--psi", paramLabel = "PSI", description = "ψ = n0/n1 (input dimension over width).")
    public Double psi;

    @Option(
            names = "--sigma-w",
            paramLabel = "SW",
            description = "σw, weights have variance σw²/n0 (default: ${DEFAULT-VALUE}).")
    public double sigmaW = 1;

    @Option(
            names = "--sigma-x",
            paramLabel = "SX",
            description = "σx, data entries have variance σx² (default: ${DEFAULT-VALUE}).")
    public double sigmaX = 1;

    @Option(
            names = "--bias",
            paramLabel = "KIND",
            description = "Additive rank-one Gaussian bias: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public BiasKind bias = BiasKind.none;

    @Option(
            names = "--bias-sigma",
            paramLabel = "SB",
            description = "σb, standard deviation of the bias (default: ${DEFAULT-VALUE}).")
    public double biasSigma = 0;

    /** s = σw σx, the standard deviation of every pre-activation. */
    public double s() {
        requirePositive("--sigma-w", sigmaW);
        requirePositive("--sigma-x", sigmaX);
        return sigmaW * sigmaX;
    }

    /** φ, required and positive. */
    public double phi() {
        if (phi == null) {
            throw new UserInputException("--phi is required", "nothing");
        }
        requirePositive("--phi", phi);
        return phi;
    }

    /** ψ, required and positive. */
    public double psi() {
        if (psi == null) {
            throw new UserInputException("--psi is required", "nothing");
        }
        requirePositive("--psi", psi);
        return psi;
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new UserInputException(name + " must be a finite number > 0", v);
        }
    }

    /** (η, ζ, φ, ψ) for the bias-free law: from --eta/--zeta or the activation's constants. */
    public ModelParams params() {
        return Models.params(this, phi(), psi());
    }

    /** The limiting law for --phi/--psi (bias included when asked). */
    public SpectralLaw law() {
        return Models.law(this, phi(), psi());
    }

    /** The limiting law for given ratios, e.g. those of a simulation's n0, n1, m. */
    public SpectralLaw law(double phi, double psi) {
        return Models.law(this, phi, psi);
    }
}
