package org.nrmt.bench;

import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;

/**
 * In-JVM timing of the Gaussian-constants integration alone (bench/constants.sh runs it):
 * the first (cold) call, then the median of warm calls; thread CPU time.
 * Usage: ConstantsBench ACTIVATION DIGITS [REPEATS]
 */
public final class ConstantsBench {
    private ConstantsBench() {}

    /** Thread CPU time: the machine is shared, so wall time mostly measures the neighbours. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) {
        Activation f = Activation.parse(args[0]);
        long digits = Long.parseLong(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        long t0 = cpu();
        GaussianConstants c = GaussianConstantsEngine.compute(f, Apfloat.ONE, Apfloat.ZERO, digits, 0);
        double cold = (cpu() - t0) / 1e6;
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = cpu();
            c = GaussianConstantsEngine.compute(f, Apfloat.ONE, Apfloat.ZERO, digits, 0);
            t[i] = (cpu() - s) / 1e6;
        }
        java.util.Arrays.sort(t);
        long d0 = cpu();
        int reps = 2000;
        double sink = 0;
        for (int i = 0; i < reps; i++) {
            sink += GaussianConstantsEngine.computeDouble(f, 1, 0).eta();
        }
        double dbl = (cpu() - d0) / 1e3 / reps;
        System.out.printf(
                "%s digits=%d nodes=%d cold_ms=%.1f warm_median_ms=%.1f double_us=%.1f eta=%s error=%s%n",
                args[0],
                digits,
                c.nodes(),
                cold,
                t[repeats / 2],
                dbl,
                c.eta().toString(true).substring(0, 20),
                c.error().toString(false),
                sink);
    }
}
