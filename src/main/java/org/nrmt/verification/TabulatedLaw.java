package org.nrmt.verification;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;

/**
 * A law whose CDF is tabulated once, so that a KS distance over 10⁴ eigenvalues costs 10⁴ table
 * look-ups instead of 10⁴ quadratures. Everything else is delegated.
 *
 * <p>On each support interval [a, b] the substitution \(x = a + (b-a)(1-\cos\theta)/2\) turns
 * square-root edges into analytic ends and an \(x^{-1/2}\) hard edge into a bounded integrand
 * \(g(\theta) = \rho(x(\theta))\,x'(\theta)\). The cumulative integral is accumulated on
 * {@link #PANELS} equal θ-panels with 8-point Gauss–Legendre, and between panel ends F is the
 * cubic Hermite interpolant of the values and of g. Error: the Hermite term is
 * \(O(h^4 \max|g^{(4)}|)\), h = π/{@value #PANELS} ≈ 3e-3, far below the KS resolution 1/n.
 * The table's total mass is reported by {@link #tableMass()} (a mass-defect check for free).
 */
final class TabulatedLaw implements SpectralLaw {
    static final int PANELS = 1024;
    private static final double[] GL_X;
    private static final double[] GL_W;

    static {
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(8, 0, 1);
        GL_X = new double[gl.getNumberOfPoints()];
        GL_W = new double[gl.getNumberOfPoints()];
        for (int i = 0; i < GL_X.length; i++) {
            GL_X[i] = gl.getPoint(i);
            GL_W[i] = gl.getWeight(i);
        }
    }

    private final SpectralLaw law;
    private final List<Interval> support;
    private final List<Atom> atoms;
    /** cum[i][k]: continuous mass of interval i below θ_k = kπ/PANELS. */
    private final double[][] cum;
    /** g[i][k] = ρ(x(θ_k)) x'(θ_k). */
    private final double[][] g;

    TabulatedLaw(SpectralLaw law) {
        this.law = Objects.requireNonNull(law, "law");
        this.support = List.copyOf(law.support());
        this.atoms = List.copyOf(law.atoms());
        this.cum = new double[support.size()][];
        this.g = new double[support.size()][];
        for (int i = 0; i < support.size(); i++) {
            tabulate(i, support.get(i));
        }
    }

    private void tabulate(int i, Interval iv) {
        double a = iv.lo();
        double b = iv.hi();
        double h = Math.PI / PANELS;
        int q = GL_X.length;
        double[] thetas = new double[PANELS * q + PANELS + 1];
        int k = 0;
        for (int p = 0; p < PANELS; p++) {
            for (int j = 0; j < q; j++) {
                thetas[k++] = (p + GL_X[j]) * h;
            }
        }
        for (int p = 0; p <= PANELS; p++) {
            thetas[k++] = p * h;
        }
        // At the interval's ends ρ·x' is 0·∞ for a hard edge: take g a hair inside instead.
        thetas[PANELS * q] = 1e-6 * h;
        thetas[thetas.length - 1] = Math.PI - 1e-6 * h;
        double[] xs = new double[thetas.length];
        for (int t = 0; t < thetas.length; t++) {
            xs[t] = x(a, b, thetas[t]);
        }
        double[] rho = densities(xs);
        double[] c = new double[PANELS + 1];
        for (int p = 0; p < PANELS; p++) {
            double s = 0;
            for (int j = 0; j < q; j++) {
                int t = p * q + j;
                s += GL_W[j] * rho[t] * dx(a, b, thetas[t]);
            }
            c[p + 1] = c[p] + s * h;
        }
        double[] gg = new double[PANELS + 1];
        for (int p = 0; p <= PANELS; p++) {
            int t = PANELS * q + p;
            gg[p] = rho[t] * dx(a, b, thetas[t]);
        }
        cum[i] = c;
        g[i] = gg;
    }

    private double[] densities(double[] xs) {
        if (law instanceof QuarticLaw ql) {
            return ql.density(xs);
        }
        double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = law.density(xs[t]);
        }
        return out;
    }

    /** x(θ) = a + (b − a) sin²(θ/2), written without cancellation at both ends. */
    private static double x(double a, double b, double theta) {
        if (theta < Math.PI / 2) {
            double s = Math.sin(theta / 2);
            return a + (b - a) * s * s;
        }
        double c = Math.cos(theta / 2);
        return b - (b - a) * c * c;
    }

    private static double dx(double a, double b, double theta) {
        return (b - a) / 2 * Math.sin(theta);
    }

    /** θ(x) on [a, b], the inverse of {@link #x}. */
    private static double theta(double a, double b, double x) {
        double u = (x - a) / (b - a);
        return 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, u))));
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN, got " + x);
        }
        double f = 0;
        for (Atom at : atoms) {
            if (at.location() <= x) {
                f += at.mass();
            }
        }
        for (int i = 0; i < support.size(); i++) {
            Interval iv = support.get(i);
            double[] c = cum[i];
            if (x >= iv.hi()) {
                f += c[PANELS];
            } else if (x > iv.lo()) {
                f += interpolate(i, theta(iv.lo(), iv.hi(), x));
            }
        }
        return f;
    }

    private double interpolate(int i, double theta) {
        double h = Math.PI / PANELS;
        int p = Math.min(PANELS - 1, (int) (theta / h));
        double t = (theta - p * h) / h;
        double[] c = cum[i];
        double[] d = g[i];
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * c[p]
                + (t3 - 2 * t2 + t) * h * d[p]
                + (-2 * t3 + 3 * t2) * c[p + 1]
                + (t3 - t2) * h * d[p + 1];
    }

    /** Continuous mass of the table plus the atoms: 1 up to the table's error. */
    double tableMass() {
        double m = 0;
        for (double[] c : cum) {
            m += c[PANELS];
        }
        for (Atom a : atoms) {
            m += a.mass();
        }
        return m;
    }

    @Override
    public Complex stieltjes(Complex z) {
        return law.stieltjes(z);
    }

    @Override
    public double density(double x) {
        return law.density(x);
    }

    @Override
    public List<Atom> atoms() {
        return atoms;
    }

    @Override
    public List<Interval> support() {
        return support;
    }

    @Override
    public double moment(int k) {
        return law.moment(k);
    }
}
