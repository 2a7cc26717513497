package org.nrmt.quadrature;

import java.util.List;
import org.apfloat.Apfloat;

/**
 * Result of an apfloat quadrature: one value per integrand component, its absolute error
 * estimate (from level doubling, see {@link LevelErrorEstimator}), the number of levels used,
 * the number of integrand evaluations (vector evaluations count once) and whether every
 * component met its tolerance.
 */
public record QuadratureResult(
        List<Apfloat> values, List<Apfloat> errors, int levels, int evaluations, boolean converged) {
    public QuadratureResult {
        values = List.copyOf(values);
        errors = List.copyOf(errors);
    }

    public Apfloat value() {
        return values.get(0);
    }

    /** The largest component error estimate. */
    public Apfloat error() {
        Apfloat m = Apfloat.ZERO;
        for (Apfloat e : errors) {
            if (e.compareTo(m) > 0) {
                m = e;
            }
        }
        return m;
    }

    /** Throws {@link QuadratureNotConvergedException} when not converged; returns this otherwise. */
    public QuadratureResult requireConverged(String what) {
        if (!converged) {
            throw new QuadratureNotConvergedException(what + " did not converge: error estimate "
                    + error().toString(true)
                            .substring(0, Math.min(12, error().toString(true).length()))
                    + " after " + levels + " levels and " + evaluations + " evaluations");
        }
        return this;
    }
}
