package org.nrmt.cli;

import org.nrmt.spectrum.ModelParams;

/** The input fields every spectrum command echoes (eta, zeta, phi, psi, digits). */
final class SpectrumOutput {
    private SpectrumOutput() {
    }

    static Output inputs(ModelParams p, int digits) {
        return new Output().field("eta", p.eta()).field("zeta", p.zeta()).field("phi", p.phi())
                .field("psi", p.psi()).field("digits", digits);
    }
}
