package org.nrmt.simulation;

/**
 * A simulation refused before any allocation because its matrices cannot fit; the message names
 * the memory needed and the memory available.
 */
public class InsufficientMemoryException extends IllegalArgumentException {
    public InsufficientMemoryException(String message) {
        super(message);
    }

    /** "2.40 GB" style. */
    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.2f GB", b / (double) (1L << 30));
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", b / (double) (1L << 20));
    }
}
