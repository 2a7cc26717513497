package org.nrmt.spectrum;

/**
 * Thrown where the physical branch of G cannot be certified at the requested point: nrmt never
 * returns a guessed branch. The message names the point.
 */
public class UncertifiedPointException extends RuntimeException {
    public UncertifiedPointException(String message) {
        super(message);
    }
}
