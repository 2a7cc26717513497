package org.nrmt.quadrature;

/** Several double integrands evaluated together at one node; writes into {@code out}. */
public interface DoubleVectorIntegrand {
    int dimension();

    void at(double x, double[] out);
}
