package org.nrmt.cli;

import org.nrmt.activation.Activation;
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

    /** The bias-free limiting law of the options (certified quartic solver). */
    public static SpectralLaw law(ModelOptions o, double phi, double psi) {
        return QuarticLaw.of(params(o, phi, psi));
    }
}
