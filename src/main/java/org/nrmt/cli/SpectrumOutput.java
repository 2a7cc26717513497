package org.nrmt.cli;

import org.nrmt.simulation.BiasKind;
import org.nrmt.spectrum.ModelParams;

/** The input fields every spectrum command echoes (eta, zeta, phi, psi, digits). */
final class SpectrumOutput {
    private SpectrumOutput() {}

    static Output inputs(ModelParams p, int digits) {
        return new Output()
                .field("eta", p.eta())
                .field("zeta", p.zeta())
                .field("phi", p.phi())
                .field("psi", p.psi())
                .field("digits", digits);
    }

    /** As {@link #inputs(ModelParams, int)}, plus the bias and σb when a bias law is in use. */
    static Output inputs(ModelParams p, int digits, ModelOptions o) {
        Output out = inputs(p, digits);
        if (o.bias != null && o.bias != BiasKind.none) {
            out.field("bias", o.bias.name()).field("bias_sigma", o.biasSigma);
        }
        return out;
    }
}
