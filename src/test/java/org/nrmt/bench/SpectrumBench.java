package org.nrmt.bench;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apfloat;
import org.nrmt.spectrum.ApStieltjesPoint;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.StieltjesPoint;

/**
 * Benchmarks of the certified spectrum engine (run by bench/spectrum.sh, never as a test):
 * 10^5 certified density points in double, one 50-digit G, support edges at 50 digits.
 * tanh (s = 1), φ = 0.5, ψ = 2; best of several runs after warm-up, one thread.
 */
public final class SpectrumBench {
    private SpectrumBench() {}

    public static void main(String[] args) {
        ModelParams p = new ModelParams(0.39429449039784117, 0.36687916436241092, 0.5, 2);
        QuarticLaw law = QuarticLaw.of(p);
        int n = 100_000;
        double best = Double.MAX_VALUE;
        int certified = 0;
        for (int r = 0; r < 7; r++) {
            long t0 = System.nanoTime();
            List<StieltjesPoint> pts = law.densityGrid(-0.5, 2, n);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            certified = 0;
            for (StieltjesPoint s : pts) if (s.certified()) certified++;
        }
        System.out.printf("density_1e5_points_seconds %.4f%n", best);
        System.out.printf("density_1e5_points_certified %d%n", certified);
        System.out.printf("density_per_point_microseconds %.3f%n", best / n * 1e6);

        // a law with an atom (γ = 2, H = zG tracking), grid across the pole at 0
        QuarticLaw atomLaw = QuarticLaw.of(new ModelParams(1, 0.5, 2, 1));
        double bestAtom = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            atomLaw.densityGrid(-1.1, 6.9, n);
            bestAtom = Math.min(bestAtom, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("density_1e5_points_with_atom_seconds %.4f%n", bestAtom);

        QuarticLaw hp = law.withDigits(50);
        double bestAp = Double.MAX_VALUE;
        ApStieltjesPoint ap = null;
        for (int r = 0; r < 10; r++) {
            long t0 = System.nanoTime();
            ap = hp.stieltjesAp(QuarticLaw.exact(new Complex(0.9, 0.3)));
            bestAp = Math.min(bestAp, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("g50_seconds %.4f certified %b radius %.3g%n", bestAp, ap.certified(), ap.radius());
        double bestApReal = Double.MAX_VALUE;
        for (int r = 0; r < 10; r++) {
            long t0 = System.nanoTime();
            ap = hp.stieltjesAp(QuarticLaw.exact(new Complex(1.4220791238, 0)));
            bestApReal = Math.min(bestApReal, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(
                "g50_near_edge_seconds %.4f certified %b radius %.3g%n", bestApReal, ap.certified(), ap.radius());

        double bestEdges = Double.MAX_VALUE;
        List<Apfloat> edges = null;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            edges = law.supportEdges(50);
            bestEdges = Math.min(bestEdges, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("edges50_seconds %.4f%n", bestEdges);
        for (Apfloat e : edges) System.out.println("edge50 " + e.toString(true));
    }
}
