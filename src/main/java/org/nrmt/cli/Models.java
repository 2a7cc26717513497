package org.nrmt.cli;

import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Turns the model options into the library's parameter records and laws: the one place that
 * wires activation → Gaussian constants → law, so every command resolves them the same way.
 */
public final class Models {

    private Models() {
    }

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
                throw new UserInputException("--activation or both --eta and --zeta are required",
                        "eta=" + o.eta + " zeta=" + o.zeta);
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
                c = GaussianConstantsEngine.compute(activation(o.activation), new Apfloat(decimal(o.sigmaW), wp)
                        .multiply(new Apfloat(decimal(o.sigmaX), wp)), new Apfloat(0, wp), wp, 0);
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

    /** The bias-free limiting law of the options (certified quartic solver). */
    public static SpectralLaw law(ModelOptions o, double phi, double psi) {
        return QuarticLaw.of(params(o, phi, psi));
    }
}
