package org.nrmt.cli;

/**
 * The result formats of the contract; lower-case names are the CLI's words. {@code npy} (NumPy
 * binary) is for eigenvalue arrays and only {@code simulate} accepts it.
 */
public enum OutputFormat {
    table,
    csv,
    json,
    npy
}
