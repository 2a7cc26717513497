/**
 * The model a user names and its limit law: one home for "which law is the limit of this
 * specification", used by every front end (the CLI's theory commands and {@code compare}, {@code
 * verify}, sweeps, the in-process API). Inputs are exact decimals ({@link java.math.BigDecimal});
 * only double-precision laws round them. See {@code theory/conventions.md}.
 */
package org.nrmt.model;
