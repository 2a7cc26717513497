package org.nrmt.constants;

/**
 * The activation is not square-integrable under the Gaussian at this s (exp(x^2), 1/x,
 * exp(exp(x)) at s = 1), or overflows: η would be infinite or garbage, so no number is returned.
 */
public class NonIntegrableActivationException extends IllegalArgumentException {
    public NonIntegrableActivationException(String activation, String reason) {
        super("activation is not square-integrable under the Gaussian: " + reason + ", got " + activation);
    }
}
