package org.nrmt.quadrature;

/** A rule ran out of levels before its error estimate met the tolerance; the message has the numbers. */
public class QuadratureNotConvergedException extends ArithmeticException {
    public QuadratureNotConvergedException(String message) {
        super(message);
    }
}
