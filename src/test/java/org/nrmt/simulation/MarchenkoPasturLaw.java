package org.nrmt.simulation;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Test oracle: the ζ = 0 law, Marchenko–Pastur with ratio γ = n1/m and scale η
 * ({@code theory/quartic.md} §3): γηzG² − (z + η(γ − 1))G + 1 = 0, edges η(1 ± √γ)², atom
 * (1 − 1/γ)₊ at 0, density √((b − x)(x − a))/(2πγηx). Written from the closed forms, independent of
 * the spectrum package.
 */
final class MarchenkoPasturLaw implements SpectralLaw {
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();
    private final double eta;
    private final double gamma;
    private final double a;
    private final double b;

    MarchenkoPasturLaw(double eta, double gamma) {
        this.eta = eta;
        this.gamma = gamma;
        double r = Math.sqrt(gamma);
        this.a = eta * (1 - r) * (1 - r);
        this.b = eta * (1 + r) * (1 + r);
    }

    @Override
    public Complex stieltjes(Complex z) {
        Complex p = z.add(eta * (gamma - 1));
        Complex disc = p.multiply(p).subtract(z.multiply(4 * gamma * eta)).sqrt();
        Complex den = z.multiply(2 * gamma * eta);
        Complex g1 = p.subtract(disc).divide(den);
        Complex g2 = p.add(disc).divide(den);
        // The physical root has Im G < 0 for Im z > 0 (the other lies in the upper half-plane).
        return g1.getImaginary() <= g2.getImaginary() ? g1 : g2;
    }

    @Override
    public double density(double x) {
        if (x <= a || x >= b || x <= 0) {
            return 0;
        }
        return Math.sqrt((b - x) * (x - a)) / (2 * Math.PI * gamma * eta * x);
    }

    double atomMass() {
        return Math.max(0, 1 - 1 / gamma);
    }

    @Override
    public double cdf(double x) {
        double atom = x >= 0 ? atomMass() : 0;
        if (x <= a) {
            return atom;
        }
        if (x >= b) {
            return 1;
        }
        // x = a + (b − a)(1 − cos θ)/2 turns the square-root edges into smooth integrands.
        double theta = Math.acos(1 - 2 * (x - a) / (b - a));
        double h = (b - a) / 2;
        double cont = GAUSS.legendre(64, 0, theta).integrate(t -> {
            double xt = a + h * (1 - Math.cos(t));
            double s = Math.sin(t);
            return h * h * s * s / (2 * Math.PI * gamma * eta * xt);
        });
        return atom + cont;
    }

    @Override
    public List<Atom> atoms() {
        return gamma > 1 ? List.of(new Atom(0.0, atomMass())) : List.of();
    }

    @Override
    public List<Interval> support() {
        return List.of(new Interval(a, b));
    }

    @Override
    public double moment(int k) {
        return switch (k) {
            case 1 -> eta;
            case 2 -> eta * eta * (1 + gamma);
            case 3 -> eta * eta * eta * (1 + 3 * gamma + gamma * gamma);
            default -> throw new IllegalArgumentException("moment order 1..3 only, got " + k);
        };
    }
}
