package org.nrmt.cli;

import org.nrmt.spectrum.ModelParams;

/** Turns the model options into the library's parameter records and laws; the one place that wires them. */
final class Models {

    private Models() {
    }

    static ModelParams params(ModelOptions o, double phi, double psi) {
        if (o.activation != null && (o.eta != null || o.zeta != null)) {
            throw new UserInputException("give either --activation or --eta/--zeta, not both", o.activation);
        }
        if (o.activation == null) {
            if (o.eta == null || o.zeta == null) {
                throw new UserInputException("--activation or both --eta and --zeta are required",
                        "eta=" + o.eta + " zeta=" + o.zeta);
            }
            try {
                return new ModelParams(o.eta, o.zeta, phi, psi);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        throw new UserInputException("--activation is not wired yet; use --eta/--zeta", o.activation);
    }
}
