package org.nrmt.cli;

/** The result formats of the contract; lower-case names are the CLI's words. */
public enum OutputFormat {
    table, csv, json
}
