package org.nrmt.verification;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.BranchStudy;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * Three ways to pick G among the quartic's roots, compared on one grid (theory/branch-selection.md §2,
 * theory/verification-harness.md "Root-selection strategies"):
 * <ol>
 *   <li><b>largest |Im G|</b> at z = x (the public-script rule, {@link BranchStudy#argmaxImRoot});</li>
 *   <li><b>lateral tracking</b>: the root nearest to the previous one along x + iε, ε = {@value #EPS},
 *   started from the certified G at the left end of the grid;</li>
 *   <li><b>nrmt certified</b>: the certified tracker's density ({@link QuarticLaw#density(double[])}).</li>
 * </ol>
 * Phantom mass: ∫ρ over grid points outside the certified support (trapezoid). Mass defect:
 * |∫ρ + atoms − 1|, with ∫ρ by the trapezoid on the grid for the heuristics (its discretisation
 * error, ~1e-4, is far below their defects) and by the law's own edge-resolving quadrature for
 * the certified tracker (so that its defect measures the tracker, not the trapezoid).
 */
final class Strategies {
    static final double EPS = 1e-8;
    static final int POINTS = 2001;

    private Strategies() {}

    static Outcome.Strategies compare(QuarticLaw law) {
        List<Interval> support = law.support();
        double top = support.get(support.size() - 1).hi();
        double lo = -0.5;
        double hi = top + 0.5;
        // An odd offset keeps x = 0 (the atom) off the grid, where a Lorentzian of width ε would spike.
        double h = (hi - lo) / (POINTS - 1);
        double[] xs = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = lo + h * (i + 0.5 * Math.sqrt(2) - 0.7);
        }
        double atoms = law.atomMass();

        double[] argmax = new double[POINTS];
        double[] lateral = new double[POINTS];
        Complex prev = law.stieltjes(new Complex(xs[0], EPS));
        for (int i = 0; i < POINTS; i++) {
            Complex z0 = new Complex(xs[i], 0);
            argmax[i] = Math.abs(BranchStudy.argmaxImRoot(law.quartic(), z0).getImaginary()) / Math.PI;
            Complex best = null;
            for (Complex r : BranchStudy.roots(law.quartic(), new Complex(xs[i], EPS))) {
                if (best == null || r.subtract(prev).abs() < best.subtract(prev).abs()) {
                    best = r;
                }
            }
            prev = best;
            lateral[i] = -best.getImaginary() / Math.PI;
        }
        double[] certified;
        try {
            certified = law.density(xs);
        } catch (UncertifiedPointException e) {
            certified = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                try {
                    certified[i] = law.density(xs[i]);
                } catch (UncertifiedPointException u) {
                    certified[i] = Double.NaN;
                }
            }
        }
        List<String> names = List.of("largest |Im G|", "lateral tracking (Im z = 1e-8)", "nrmt certified");
        List<double[]> curves = List.of(argmax, lateral, certified);
        List<Double> phantom = new ArrayList<>();
        List<Double> defect = new ArrayList<>();
        List<Outcome.Series> series = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] rho = curves.get(s);
            double off = 0;
            double all = 0;
            for (int i = 0; i < POINTS; i++) {
                double w = (i == 0 || i == POINTS - 1 ? 0.5 : 1) * h;
                all += w * rho[i];
                if (!inside(support, xs[i])) {
                    off += w * Math.abs(rho[i]);
                }
            }
            phantom.add(off);
            defect.add(Math.abs((s == 2 ? law.continuousMass() : all) + atoms - 1));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < POINTS; i += 2) {
                if (Double.isFinite(rho[i])) {
                    x.add(xs[i]);
                    y.add(rho[i]);
                }
            }
            series.add(new Outcome.Series(names.get(s), x, y));
        }
        return new Outcome.Strategies(names, phantom, defect, series);
    }

    private static boolean inside(List<Interval> support, double x) {
        for (Interval iv : support) {
            if (iv.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
