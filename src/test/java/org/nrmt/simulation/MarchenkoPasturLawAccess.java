package org.nrmt.simulation;

import org.nrmt.spectrum.SpectralLaw;

/** Gives benchmark mains in other test packages the Marchenko–Pastur test oracle. */
public final class MarchenkoPasturLawAccess {
    private MarchenkoPasturLawAccess() {}

    public static SpectralLaw of(double eta, double gamma) {
        return new MarchenkoPasturLaw(eta, gamma);
    }
}
