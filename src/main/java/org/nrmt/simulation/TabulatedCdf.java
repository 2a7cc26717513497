package org.nrmt.simulation;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The CDF of a {@link SpectralLaw}, tabulated once so that statistics over N ≈ 10³–10⁵ eigenvalues
 * cost N cheap evaluations. On each support interval [a, b], x(θ) = a + (b − a)(1 − cos θ)/2 maps
 * θ ∈ [0, π] onto it and C(θ) = ∫₀^θ ρ(x(t)) x′(t) dt is accumulated over K panels by
 * Gauss–Legendre (6 points; on the two edge panels 8 points after t = edge ± h u³, which makes
 * integrable edge singularities up to x^(−2/3) smooth). In θ a square-root edge is analytic and
 * an x^(−1/2) hard edge bounded, so this needs only ≈ 6K + 16 density evaluations per interval.
 * Between nodes C is interpolated by the monotone piecewise-cubic Hermite rule of Fritsch &amp;
 * Carlson (SIAM J. Numer. Anal. 17, 1980) with the exact slopes ρ x′ where finite, limited to keep
 * every piece monotone: KS and W1 never see spurious oscillations. Measured error against the
 * quadrature CDF of Marchenko–Pastur at K = 128: see TabulatedCdfTest (soft and hard edges).
 * Atoms are added exactly: F(x) = Σ_{atoms ≤ x} mass + Σ_i C_i(x), F(x−) the same with atoms &lt; x.
 */
public final class TabulatedCdf {
    /** Panels per support interval. */
    public static final int DEFAULT_NODES = 128;

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();
    private static final GaussIntegrator INTERIOR = GAUSS.legendre(6, 0, 1);
    private static final GaussIntegrator EDGE = GAUSS.legendre(8, 0, 1);

    private final List<Atom> atoms;
    private final double[] lo;
    private final double[] hi;
    private final double[][] values;
    private final double[][] slopes;

    private TabulatedCdf(List<Atom> atoms, double[] lo, double[] hi, double[][] values, double[][] slopes) {
        this.atoms = atoms;
        this.lo = lo;
        this.hi = hi;
        this.values = values;
        this.slopes = slopes;
    }

    /** Tabulates {@code law} with {@link #DEFAULT_NODES} nodes per interval. */
    public static TabulatedCdf of(SpectralLaw law) {
        return of(law, DEFAULT_NODES);
    }

    /** Tabulates {@code law} with {@code nodes} ≥ 2 panels per support interval. */
    public static TabulatedCdf of(SpectralLaw law, int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("need at least 2 panels per interval, got " + nodes);
        }
        List<Interval> support = law.support();
        int k = support.size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[][] values = new double[k][];
        double[][] slopes = new double[k][];
        for (int i = 0; i < k; i++) {
            Interval iv = support.get(i);
            lo[i] = iv.lo();
            hi[i] = iv.hi();
            double a = iv.lo();
            double b = iv.hi();
            double h = Math.PI / nodes;
            DoubleUnaryOperator g = t -> {
                double x = xOf(a, b, t);
                double rho;
                try {
                    rho = x > a && x < b ? law.density(x) : 0;
                } catch (UncertifiedPointException e) {
                    // Within 1e-9·(b − a) of an edge a law may not certify ρ (e.g. a hard edge at
                    // an atom). ρ x′ is bounded there in θ for square-root and x^(−1/2) edges, so
                    // its value at that distance stands in for the last sliver.
                    double tMin = 2 * Math.asin(Math.sqrt(1e-9));
                    double tc = Math.min(Math.max(t, tMin), Math.PI - tMin);
                    if (tc == t) {
                        throw e;
                    }
                    x = xOf(a, b, tc);
                    rho = law.density(x);
                    t = tc;
                }
                return Double.isFinite(rho) ? rho * 0.5 * (b - a) * Math.sin(t) : 0;
            };
            double[] v = new double[nodes + 1];
            for (int j = 0; j < nodes; j++) {
                double t0 = j * h;
                double panel;
                if (j == 0 || j == nodes - 1) {
                    double edge = j == 0 ? 0 : Math.PI;
                    double sign = j == 0 ? 1 : -1;
                    panel = EDGE.integrate(u -> g.applyAsDouble(edge + sign * h * u * u * u) * 3 * h * u * u);
                } else {
                    panel = h * INTERIOR.integrate(u -> g.applyAsDouble(t0 + h * u));
                }
                v[j + 1] = v[j] + Math.max(0, panel);
            }
            // Interior nodes only: at the edges ρ may be 0·∞ (hard edge), the secant serves there.
            double[] d = new double[nodes + 1];
            d[0] = Double.NaN;
            d[nodes] = Double.NaN;
            for (int j = 1; j < nodes; j++) {
                d[j] = g.applyAsDouble(j * h);
            }
            values[i] = v;
            slopes[i] = limit(v, d, h);
        }
        return new TabulatedCdf(List.copyOf(law.atoms()), lo, hi, values, slopes);
    }

    private static double xOf(double a, double b, double theta) {
        return a + (b - a) * 0.5 * (1 - Math.cos(theta));
    }

    /** F(x), right-continuous. */
    public double cdf(double x) {
        double f = 0;
        for (Atom a : atoms) {
            if (a.location() <= x) {
                f += a.mass();
            }
        }
        return f + continuous(x);
    }

    /** F(x−): atoms at x excluded. */
    public double cdfLeft(double x) {
        double f = 0;
        for (Atom a : atoms) {
            if (a.location() < x) {
                f += a.mass();
            }
        }
        return f + continuous(x);
    }

    private double continuous(double x) {
        double f = 0;
        for (int i = 0; i < lo.length; i++) {
            double[] v = values[i];
            if (x >= hi[i]) {
                f += v[v.length - 1];
            } else if (x > lo[i]) {
                f += interpolate(i, x);
            }
        }
        return f;
    }

    private double interpolate(int i, double x) {
        double[] v = values[i];
        double[] d = slopes[i];
        int n = v.length - 1;
        double c = 1 - 2 * (x - lo[i]) / (hi[i] - lo[i]);
        double theta = Math.acos(Math.max(-1, Math.min(1, c)));
        double h = Math.PI / n;
        int j = Math.min(n - 1, (int) (theta / h));
        double t = (theta - j * h) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * v[j]
                + (t3 - 2 * t2 + t) * h * d[j]
                + (-2 * t3 + 3 * t2) * v[j + 1]
                + (t3 - t2) * h * d[j + 1];
    }

    /**
     * Hermite slopes for values on a uniform grid of step h: the exact derivatives {@code exact}
     * (C′(θ) = ρ x′, O(h⁴) interpolation), replaced by the secant where not finite (hard edges),
     * then limited as Fritsch–Carlson do so that every cubic piece stays monotone.
     */
    static double[] limit(double[] v, double[] exact, double h) {
        int n = v.length - 1;
        double[] delta = new double[n];
        for (int j = 0; j < n; j++) {
            delta[j] = (v[j + 1] - v[j]) / h;
        }
        double[] d = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            double secant = j == 0 ? delta[0] : j == n ? delta[n - 1] : (delta[j - 1] + delta[j]) / 2;
            d[j] = Double.isFinite(exact[j]) && exact[j] >= 0 ? exact[j] : secant;
        }
        for (int j = 0; j < n; j++) {
            if (delta[j] == 0) {
                d[j] = 0;
                d[j + 1] = 0;
                continue;
            }
            double a = d[j] / delta[j];
            double b = d[j + 1] / delta[j];
            double s = a * a + b * b;
            if (s > 9) {
                double tau = 3 / Math.sqrt(s);
                d[j] = tau * a * delta[j];
                d[j + 1] = tau * b * delta[j];
            }
        }
        return d;
    }
}
