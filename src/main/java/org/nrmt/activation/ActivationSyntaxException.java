package org.nrmt.activation;

/**
 * An activation text that does not parse. The message names the offending token and its
 * 1-based column (counted in Unicode code points of the text given to {@link Activation#parse}),
 * e.g. {@code unknown function 'tanhh' at column 1}.
 */
public class ActivationSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String token;

    public ActivationSyntaxException(String message, int column, String token) {
        super(message);
        this.column = column;
        this.token = token;
    }

    /** 1-based column of the offending token (one past the end for a missing token). */
    public int column() {
        return column;
    }

    /** The offending token, or the empty string at end of input. */
    public String token() {
        return token;
    }
}
