package org.nrmt.api;

import java.util.List;
import org.nrmt.simulation.SimulationResult;

/**
 * A finished simulation: the eigenvalues of every trial of M = YYᵀ/m in trial order (each trial
 * ascending), as {@code nrmt simulate} writes them, and how they were computed.
 */
public final class Simulation {

    private final SimulationResult result;
    private final List<String> notices;

    Simulation(SimulationResult result, List<String> notices) {
        this.result = result;
        this.notices = List.copyOf(notices);
    }

    /** All eigenvalues, trial after trial: trials × n1 values. */
    public double[] eigenvalues() {
        return result.pooled();
    }

    /** The number of trials. */
    public int trials() {
        return result.trials();
    }

    /** n1, the size of each M. */
    public int n1() {
        return result.spec().n1();
    }

    /** "native" (OpenBLAS/LAPACK) or "java" (ojAlgo). */
    public String backend() {
        return result.backend();
    }

    /** Wall-clock seconds of the simulation. */
    public double seconds() {
        return result.seconds();
    }

    /** What the backend announced (e.g. a fallback to Java), in order. */
    public String[] notices() {
        return notices.toArray(String[]::new);
    }

    SimulationResult result() {
        return result;
    }
}
