package org.nrmt.simulation;

import java.util.function.Consumer;

/** Chooses the {@link EigenSolver} for a {@link Backend}, falling back to Java when natives fail. */
public final class EigenSolvers {
    private EigenSolvers() {}

    /**
     * The solver for {@code backend}. For {@link Backend#native_} a failure to load OpenBLAS is
     * announced through {@code notices} and answered with {@link JavaEigenSolver}.
     */
    public static EigenSolver forBackend(Backend backend, Consumer<String> notices) {
        if (backend == Backend.java) {
            return new JavaEigenSolver();
        }
        try {
            return NativeEigenSolver.load(notices);
        } catch (LinkageError | RuntimeException e) {
            notices.accept("OpenBLAS natives did not load (" + e + "); using the pure-Java backend");
            return new JavaEigenSolver();
        }
    }
}
