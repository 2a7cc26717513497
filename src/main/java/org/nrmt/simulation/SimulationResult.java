package org.nrmt.simulation;

import java.util.Arrays;

/**
 * The eigenvalues of every trial (each ascending, in trial order) and how they were obtained.
 *
 * @param spec    what was simulated
 * @param seed    the seed the trials were derived from
 * @param backend "native" or "java"
 * @param seconds wall-clock time of the sampling and eigenvalue computations
 */
public record SimulationResult(SimulationSpec spec, long seed, String backend, double seconds, double[][] perTrial) {

    public SimulationResult {
        perTrial = deepCopy(perTrial);
    }

    @Override
    public double[][] perTrial() {
        return deepCopy(perTrial);
    }

    public int trials() {
        return perTrial.length;
    }

    /** The eigenvalues of trial t (ascending), a copy. */
    public double[] trial(int t) {
        return perTrial[t].clone();
    }

    /** All trials pooled, in trial order (not sorted). */
    public double[] pooled() {
        int n = 0;
        for (double[] t : perTrial) {
            n += t.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] t : perTrial) {
            System.arraycopy(t, 0, out, k, t.length);
            k += t.length;
        }
        return out;
    }

    /** The pooled empirical spectral distribution. */
    public EmpiricalSpectrum spectrum() {
        return EmpiricalSpectrum.of(pooled(), spec.n1(), trials());
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = Arrays.copyOf(a[i], a[i].length);
        }
        return c;
    }
}
