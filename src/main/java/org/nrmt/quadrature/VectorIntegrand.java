package org.nrmt.quadrature;

import org.apfloat.Apfloat;

/** Several integrands evaluated together at one node (one pass of f-values serves them all). */
public interface VectorIntegrand {
    int dimension();

    /** The {@link #dimension()} integrand values at x. */
    Apfloat[] at(Apfloat x);
}
