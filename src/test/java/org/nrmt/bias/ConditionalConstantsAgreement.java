package org.nrmt.bias;

import org.nrmt.activation.Activation;

/**
 * Measurement main (not a test): conditional constants from the constants engine against the
 * Gauss–Legendre path, per node and in time, on 512 quantile and 64 Gauss–Hermite nodes of σb = 1.5 and 3
 * (theory/bias.md §2). Run: java -cp target/classes:target/test-classes:target/lib/* org.nrmt.bias.ConditionalConstantsAgreement
 */
public final class ConditionalConstantsAgreement {
    private ConditionalConstantsAgreement() {}

    public static void main(String[] a) {
        String[] fs = {
            "tanh",
            "relu",
            "x^2-1",
            "erf(x)",
            "abs(x)-sqrt(2/pi)",
            "x^3-3*x",
            "step(x)",
            "gelu",
            "exp(-x^2)",
            "log(1+exp(x))"
        };
        for (String sb : new String[] {"1.5", "3"}) {
            for (String name : fs) {
                Activation f = Activation.parse(name);
                for (int kind = 0; kind < 2; kind++) {
                    long tGL = Long.MAX_VALUE, tEN = Long.MAX_VALUE;
                    double maxd = 0;
                    for (int rep = 0; rep < 3; rep++) {
                        double sig = Double.parseDouble(sb) * (1 + 1e-9 * rep);
                        BiasMeasure m =
                                kind == 0 ? BiasMeasure.gaussianQuantiles(sig, 512) : BiasMeasure.gaussian(sig, 64);
                        long t0 = System.nanoTime();
                        ConditionalConstants gl = ConditionalConstants.compute(null, f.toDoubleFunction(), 1.0, m);
                        long t1 = System.nanoTime();
                        ConditionalConstants en = ConditionalConstants.compute(f, 1.0, m);
                        long t2 = System.nanoTime();
                        tGL = Math.min(tGL, t1 - t0);
                        tEN = Math.min(tEN, t2 - t1);
                        double glob = Math.sqrt(gl.average(gl.mu()) * gl.average(gl.mu()) + gl.meanVariance());
                        for (int j = 0; j < m.size(); j++) {
                            double sc = Math.max(
                                    1e-6 * glob, Math.sqrt(gl.mu()[j] * gl.mu()[j] + gl.zeta()[j] + gl.s2()[j]));
                            maxd = Math.max(maxd, Math.abs(gl.mu()[j] - en.mu()[j]) / sc);
                            maxd = Math.max(maxd, Math.abs(gl.zeta()[j] - en.zeta()[j]) / (sc * sc));
                            maxd = Math.max(maxd, Math.abs(gl.s2()[j] - en.s2()[j]) / (sc * sc));
                        }
                    }
                    System.out.printf(
                            "sb=%-3s %-18s %-9s maxdiff %.1e  GL %6.1f ms  engine %6.1f ms  ratio %.2f%n",
                            sb,
                            name,
                            kind == 0 ? "512 quant" : "64 GH",
                            maxd,
                            tGL / 1e6,
                            tEN / 1e6,
                            (double) tEN / tGL);
                }
            }
        }
    }
}
