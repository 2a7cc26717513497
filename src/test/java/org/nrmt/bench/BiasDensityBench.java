package org.nrmt.bench;

import org.nrmt.bias.BiasLaw;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasMeasure;
import org.nrmt.bias.BiasPoint;
import org.nrmt.simulation.BiasKind;

/**
 * Density points per second of the per-neuron (and per-sample) bias law with 64 Gauss–Hermite
 * bias nodes, tanh, s = 1, σb = 1, φ = 0.5, ψ = 0.5, on an N-point grid across the support [lo, hi]
 * (grid mode: neighbours reuse solutions) and for isolated points (each a full vertical descent).
 * Usage: BiasDensityBench [points] [repeats]. Run by bench/bias.sh.
 */
public final class BiasDensityBench {

    private BiasDensityBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (BiasKind kind : new BiasKind[] {BiasKind.neuron, BiasKind.sample}) {
            BiasLaw law = BiasLaws.biasLaw(kind, "tanh", Math::tanh, 1.0, BiasMeasure.gaussian(1.0, 64), 0.5, 0.5);
            double lo = law.support().get(0).lo();
            double hi = law.support().get(law.support().size() - 1).hi();
            double b = law.supportBound();
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = lo + (hi - lo) * (i + 0.5) / n;
            }
            law.densities(xs); // warm-up
            double best = Double.POSITIVE_INFINITY;
            int uncert = 0;
            long evals = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                BiasPoint[] ps = law.densities(xs);
                double dt = (System.nanoTime() - t0) * 1e-9;
                best = Math.min(best, dt);
                uncert = 0;
                evals = 0;
                for (BiasPoint p : ps) {
                    uncert += p.certified() ? 0 : 1;
                    evals += p.evaluations();
                }
            }
            int iso = Math.max(200, n / 50);
            double[] xi = new double[iso];
            for (int i = 0; i < iso; i++) {
                xi[i] = lo + (hi - lo) * (i + 0.5) / iso;
            }
            long t0 = System.nanoTime();
            long isoEvals = 0;
            for (double x : xi) {
                isoEvals += law.densities(new double[] {x})[0].evaluations();
            }
            double isoDt = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("java %s support=[%.6f, %.6f] bound=%.4f%n", kind, lo, hi, b);
            System.out.printf(
                    "java %s nodes=64 grid points=%d best=%.4f s rate=%.0f points/s evals/point=%.1f uncertified=%d%n",
                    kind, n, best, n / best, (double) evals / n, uncert);
            System.out.printf(
                    "java %s nodes=64 isolated points=%d time=%.4f s rate=%.0f points/s evals/point=%.1f%n",
                    kind, iso, isoDt, iso / isoDt, (double) isoEvals / iso);
        }
    }
}
