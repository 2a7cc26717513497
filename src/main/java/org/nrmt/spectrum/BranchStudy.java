package org.nrmt.spectrum;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The experiments of {@code theory/branch-selection.md} §2 that show what fails, next to the
 * certified tracker: precision loss near a square-root edge, phantom density from the
 * largest-|Im G| heuristic, and branch jumps of nearest-root tracking at a fixed small Im z.
 * The heuristics here are deliberately the public-script ones; nothing else in nrmt uses them.
 */
public final class BranchStudy {
    private BranchStudy() {}

    /**
     * One point of the edge study at x = λ₊ − δ (rounded to double).
     *
     * @param relErr relative error of the density at each precision of {@code digits}, against
     *               the reference at refDigits (double engine first when 16 is listed)
     */
    public record EdgePoint(
            double delta,
            double x,
            double densityRef,
            int[] digits,
            double[] relErr,
            double separation,
            double certificateMargin,
            int digitsUsed,
            boolean agreesDouble,
            boolean agreesArgmaxIm) {}

    /** The largest support edge at {@code digits} digits. */
    public static Apfloat upperEdge(QuarticLaw law, int digits) {
        List<Apfloat> e = law.supportEdges(digits);
        if (e.isEmpty()) throw new IllegalStateException("no support edges found");
        return e.get(e.size() - 1);
    }

    /** Density error against distance to the upper edge, for each precision in {@code digits}. */
    public static List<EdgePoint> edgeStudy(QuarticLaw law, double[] deltas, int[] digits, int refDigits) {
        Apfloat edge = upperEdge(law, refDigits + 10);
        List<EdgePoint> out = new ArrayList<>();
        QuarticLaw ref = law.withDigits(refDigits);
        Apfloat pi = ApfloatMath.pi(refDigits + 20L);
        for (double delta : deltas) {
            double x = edge.subtract(new Apfloat(delta, refDigits + 10L)).doubleValue();
            Apcomplex zx = QuarticLaw.exact(new Complex(x, 0));
            ApStieltjesPoint r = ref.stieltjesAp(zx);
            if (!r.certified()) throw new UncertifiedPointException("reference not certified at x = " + x);
            Apfloat rhoRef = r.g().imag().negate().divide(pi);
            double rho = rhoRef.doubleValue();
            double[] err = new double[digits.length];
            StieltjesPoint dbl = law.stieltjesPoint(new Complex(x, 0));
            for (int i = 0; i < digits.length; i++) {
                if (digits[i] <= 16) {
                    err[i] = Math.abs(dbl.density() - rho) / rho;
                } else {
                    ApStieltjesPoint a = law.withDigits(digits[i]).stieltjesAp(zx);
                    Apfloat rhoA = a.g().imag().negate().divide(pi);
                    err[i] = ApfloatMath.abs(rhoA.subtract(rhoRef))
                            .divide(rhoRef)
                            .doubleValue();
                }
            }
            Complex gRef = new Complex(r.g().real().doubleValue(), r.g().imag().doubleValue());
            double radius = dbl.separation() / dbl.certificateMargin();
            boolean agreesDouble = dbl.certified() && dbl.g().subtract(gRef).abs() <= radius + 1e-15 * gRef.abs();
            Complex arg = argmaxImRoot(law.quartic(), new Complex(x, 0));
            boolean agreesArg = arg.subtract(new Complex(gRef.getReal(), -Math.abs(gRef.getImaginary())))
                                    .abs()
                            <= 1e-6 * gRef.abs()
                    || arg.subtract(gRef.conjugate()).abs() <= 1e-6 * gRef.abs();
            out.add(new EdgePoint(
                    delta,
                    x,
                    rho,
                    digits.clone(),
                    err,
                    dbl.separation(),
                    dbl.certificateMargin(),
                    dbl.digitsUsed(),
                    agreesDouble,
                    agreesArg));
        }
        return out;
    }

    /** All roots of the quartic at z (double, uncertified Aberth iteration). */
    public static Complex[] roots(Quartic q, Complex z) {
        double[][] c = q.coefficientsAt(z.getReal(), z.getImaginary());
        Complex[] a = new Complex[q.degree() + 1];
        for (int k = 0; k <= q.degree(); k++) a[k] = new Complex(c[0][k], c[1][k]);
        return Polynomials.roots(a);
    }

    /** The public-script heuristic: the root with the largest |Im G|. */
    public static Complex argmaxImRoot(Quartic q, Complex z) {
        Complex best = null;
        for (Complex r : roots(q, z))
            if (best == null || Math.abs(r.getImaginary()) > Math.abs(best.getImaginary())) best = r;
        return best;
    }

    /** ∫_a^b |Im G_argmax(x)|/π dx by the trapezoidal rule on {@code points} points. */
    public static double argmaxImMass(QuarticLaw law, double a, double b, int points) {
        double h = (b - a) / (points - 1), s = 0;
        for (int i = 0; i < points; i++) {
            double x = a + h * i;
            double rho = Math.abs(argmaxImRoot(law.quartic(), new Complex(x, 0)).getImaginary()) / Math.PI;
            s += (i == 0 || i == points - 1 ? 0.5 : 1) * rho;
        }
        return s * h;
    }

    /**
     * Nearest-root tracking along x + iε from {@code start} to {@code hi} (the root at start taken
     * from the certified tracker), returning ∫_lo^hi −Im G/π dx (trapezoid on the path's grid of
     * spacing (hi − start)/(points − 1)): the continuous mass the lateral heuristic reports.
     */
    public static double lateralTrackingMass(
            QuarticLaw law, double start, double lo, double hi, double eps, int points) {
        double h = (hi - start) / (points - 1), s = 0;
        Complex prev = law.stieltjes(new Complex(start, eps));
        double prevX = start, prevRho = 0;
        for (int i = 0; i < points; i++) {
            double x = start + h * i;
            Complex z = new Complex(x, eps);
            Complex best = null;
            for (Complex r : roots(law.quartic(), z)) {
                if (best == null || r.subtract(prev).abs() < best.subtract(prev).abs()) best = r;
            }
            prev = best;
            double rho = -best.getImaginary() / Math.PI;
            if (i > 0 && prevX >= lo) s += 0.5 * (rho + prevRho) * h;
            prevX = x;
            prevRho = rho;
        }
        return s;
    }

    /** ∫_a^b −Im G(x + iε)/π dx with the certified tracker (for the side-by-side). */
    public static double certifiedLineMass(QuarticLaw law, double a, double b, double eps, int points) {
        double[] xs = QuarticLaw.grid(a, b, points);
        List<StieltjesPoint> pts = law.stieltjesOnLine(xs, eps);
        double h = (b - a) / (points - 1), s = 0;
        for (int i = 0; i < points; i++) {
            if (!pts.get(i).certified()) throw new UncertifiedPointException("not certified at x = " + xs[i]);
            s += (i == 0 || i == points - 1 ? 0.5 : 1) * pts.get(i).density();
        }
        return s * h;
    }
}
