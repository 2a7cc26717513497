package org.nrmt.cli;

/**
 * Bad input from the user: printed as one line {@code nrmt: error: <what>, got <value>} and exit
 * code 2 (the contract of {@code ../shared/cli.md}).
 */
public final class UserInputException extends RuntimeException {

    public UserInputException(String what, Object value) {
        super(what + ", got " + value);
    }

    /** A message that already names the value (e.g. from a library's IllegalArgumentException). */
    public UserInputException(String message) {
        super(message);
    }
}
