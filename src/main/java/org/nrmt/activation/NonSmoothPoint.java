package org.nrmt.activation;

import java.util.Objects;
import org.apfloat.Apfloat;

/**
 * A point where an activation stops being analytic: a quadrature breakpoint
 * (theory/activations.md, "Non-smooth points").
 *
 * @param x    the location, to the precision it was asked for
 * @param kind what happens there
 */
public record NonSmoothPoint(Apfloat x, Kind kind) {

    /** Severity increases in declaration order. */
    public enum Kind {
        /** f is continuous, a derivative jumps (relu, abs, max, clamp, ...). */
        KINK,
        /** f itself jumps (sign, step). */
        JUMP,
        /** a pole or the edge of the domain (1/g, log g, sqrt g at g = 0, tan at its poles). */
        SINGULAR
    }

    public NonSmoothPoint {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(kind, "kind");
    }
}
