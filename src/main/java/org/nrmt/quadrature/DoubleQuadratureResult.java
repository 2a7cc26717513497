package org.nrmt.quadrature;

/** Result of a double quadrature: values, absolute error estimates, levels, evaluations, converged. */
public record DoubleQuadratureResult(double[] values, double[] errors, int levels, int evaluations, boolean converged) {
    public double value() {
        return values[0];
    }

    public double error() {
        double m = 0;
        for (double e : errors) {
            m = Math.max(m, e);
        }
        return m;
    }
}
