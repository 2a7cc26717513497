package org.nrmt.simulation;

/** Which {@link EigenSolver} runs the linear algebra; lower-case names are the CLI's words. */
public enum Backend {
    /** OpenBLAS + LAPACK through bytedeco's presets, falling back to {@link #java} if they do not load. */
    native_,
    /** ojAlgo, pure Java. */
    java;

    /** Parses "native" or "java". */
    public static Backend parse(String word) {
        return switch (word) {
            case "native" -> native_;
            case "java" -> java;
            default -> throw new IllegalArgumentException("backend must be native or java, got " + word);
        };
    }
}
