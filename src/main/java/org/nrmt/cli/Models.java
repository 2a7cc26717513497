package org.nrmt.cli;

import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.bias.BiasLaws;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.BiasKind;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Turns the model options into the library's parameter records and laws: the one place that
 * wires activation → Gaussian constants → law, so every command resolves them the same way.
 */
public final class Models {

    private Models() {}

    /** The parsed activation; a syntax error becomes a one-line user error naming the text. */
    public static Activation activation(String text) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("--activation needs an expression in x", "'" + text + "'");
        }
        try {
            return Activation.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot read activation: " + e.getMessage(), "'" + text + "'");
        }
    }

    /** mean, η, ζ of f(sZ) in double precision (refusing non-integrable activations). */
    public static DoubleConstants constants(ModelOptions o) {
        Activation f = activation(o.activation);
        double s = o.s();
        try {
            return GaussianConstantsEngine.computeDouble(f, s, 0);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    static ModelParams params(ModelOptions o, double phi, double psi) {
        if (o.activation != null && (o.eta != null || o.zeta != null)) {
            throw new UserInputException("give either --activation or --eta/--zeta, not both", o.activation);
        }
        double eta;
        double zeta;
        if (o.activation == null) {
            if (o.eta == null || o.zeta == null) {
                throw new UserInputException(
                        "--activation or both --eta and --zeta are required", "eta=" + o.eta + " zeta=" + o.zeta);
            }
            eta = o.eta;
            zeta = o.zeta;
        } else {
            DoubleConstants c = constants(o);
            eta = c.eta();
            zeta = c.zeta();
            if (!(eta > 0)) {
                throw new UserInputException("the activation is constant under the Gaussian (eta = 0)", o.activation);
            }
        }
        try {
            return new ModelParams(eta, zeta, phi, psi);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * The certified quartic law at {@code digits} digits. Above double precision, an activation's
     * η and ζ come from the apfloat constants engine at digits + 10 (so the law is not limited by
     * double constants) and --phi/--psi/--eta/--zeta are taken as the exact decimals typed.
     */
    public static QuarticLaw quarticLaw(ModelOptions o, int digits) {
        ModelParams p = params(o, o.phi(), o.psi());
        if (digits <= 16) {
            return QuarticLaw.of(p);
        }
        Apfloat eta;
        Apfloat zeta;
        long wp = digits + 10L;
        if (o.activation != null) {
            GaussianConstants c;
            try {
                c = GaussianConstantsEngine.compute(
                        activation(o.activation),
                        new Apfloat(decimal(o.sigmaW), wp).multiply(new Apfloat(decimal(o.sigmaX), wp)),
                        new Apfloat(0, wp),
                        wp,
                        0);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            eta = c.eta();
            zeta = c.zeta();
        } else {
            eta = new Apfloat(decimal(o.eta), wp);
            zeta = new Apfloat(decimal(o.zeta), wp);
        }
        return QuarticLaw.of(eta, zeta, new Apfloat(decimal(o.phi()), wp), new Apfloat(decimal(o.psi()), wp), digits)
                .withDigits(digits);
    }

    /** The decimal the user typed (the shortest one that reads back as this double). */
    private static String decimal(double v) {
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }

    /**
     * The limiting law of the options: the certified quartic law without a bias, the bias law of
     * --bias neuron|sample|scalar otherwise (theory/bias.md).
     */
    public static SpectralLaw law(ModelOptions o, double phi, double psi) {
        SpectralLaw biased = biasLaw(o, phi, psi, 16);
        return biased != null ? biased : QuarticLaw.of(params(o, phi, psi));
    }

    /**
     * The bias law (model.md §7) for --bias neuron|sample|scalar with --bias-sigma, in double
     * precision, with b discretised by {@link BiasLaws#cdfMeasure} (512 equal-weight quantile
     * nodes: G, density, CDF and support resolve the clumps of switched-off neurons; theory/bias.md
     * §9); null for --bias none. It needs the activation itself: with a bias the law depends on the
     * conditional constants μ(b), ζ(b), s²(b), not on η and ζ alone.
     */
    public static SpectralLaw biasLaw(ModelOptions o, double phi, double psi, int digits) {
        return biasLaw(o, phi, psi, digits, false);
    }

    /**
     * As {@link #biasLaw(ModelOptions, double, double, int)}; with {@code gaussHermite} the bias is
     * discretised by the 64-node Gauss–Hermite rule instead, exact for the polynomial averages that
     * moments are made of (to ~1e-10) but a staircase for the CDF.
     */
    public static SpectralLaw biasLaw(ModelOptions o, double phi, double psi, int digits, boolean gaussHermite) {
        if (o.bias == null || o.bias == BiasKind.none) {
            return null;
        }
        if (o.activation == null) {
            throw new UserInputException(
                    "--bias needs --activation (the bias laws depend on f, not only on eta and zeta)", o.bias.name());
        }
        if (digits > 16) {
            throw new UserInputException(
                    "the bias laws are computed in double precision; --digits must be at most 16", digits);
        }
        if (!(o.biasSigma >= 0) || !Double.isFinite(o.biasSigma)) {
            throw new UserInputException("--bias-sigma must be finite and >= 0", o.biasSigma);
        }
        params(o, phi, psi); // the same checks of φ, ψ and of the activation as without a bias
        try {
            Activation f = activation(o.activation);
            return gaussHermite
                    ? BiasLaws.of(o.bias, f, o.s(), o.biasSigma, phi, psi)
                    : BiasLaws.forCdf(o.bias, f, o.s(), o.biasSigma, phi, psi);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** For the commands whose theory is bias-free: a --bias other than none is refused, not ignored. */
    public static void requireNoBias(ModelOptions o, String command) {
        if (o.bias != null && o.bias != BiasKind.none) {
            throw new UserInputException(
                    command + " is bias-free (its theory has no bias term); --bias is not supported", o.bias.name());
        }
    }
}
