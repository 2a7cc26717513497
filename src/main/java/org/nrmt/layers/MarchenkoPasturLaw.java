package org.nrmt.layers;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Marchenko–Pastur law of ratio γ and scale η, the ζ = 0 case of the Pennington–Worah law and the
 * law of the input covariance XXᵀ/m (η = σx², γ = n0/m):
 * \[ \rho(x) = \frac{\sqrt{(b - x)(x - a)}}{2\pi\gamma\eta x},\quad a, b = \eta(1 \mp \sqrt\gamma)^2, \]
 * plus an atom \((1 - 1/\gamma)_+\) at 0. The CDF integrates ρ after \(x = a + (b - a)(1 - \cos\theta)/2\),
 * which removes both square-root edges and leaves a smooth integrand (48-point Gauss–Legendre).
 * See {@code theory/layers.md} §2.
 */
public final class MarchenkoPasturLaw implements SpectralLaw {

    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(48, 0, 1);

    private final double eta;
    private final double gamma;
    private final double a;
    private final double b;

    private MarchenkoPasturLaw(double eta, double gamma) {
        this.eta = eta;
        this.gamma = gamma;
        double r = Math.sqrt(gamma);
        this.a = eta * (1 - r) * (1 - r);
        this.b = eta * (1 + r) * (1 + r);
    }

    /** The law with scale η &gt; 0 and ratio γ &gt; 0. */
    public static MarchenkoPasturLaw of(double eta, double gamma) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
        return new MarchenkoPasturLaw(eta, gamma);
    }

    public double eta() {
        return eta;
    }

    public double gamma() {
        return gamma;
    }

    private double atomMass() {
        return Math.max(0, 1 - 1 / gamma);
    }

    /** G(z) = [z + η(γ − 1) − √(z − a)√(z − b)]/(2γηz); the product of principal roots gives G ~ 1/z. */
    @Override
    public Complex stieltjes(Complex z) {
        Complex root = z.subtract(a).sqrt().multiply(z.subtract(b).sqrt());
        return z.add(eta * (gamma - 1)).subtract(root).divide(z.multiply(2 * gamma * eta));
    }

    @Override
    public double density(double x) {
        if (x <= a || x >= b) {
            return 0;
        }
        return Math.sqrt((b - x) * (x - a)) / (2 * Math.PI * gamma * eta * x);
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        double atom = atomMass();
        if (x <= a) {
            return atom;
        }
        if (x >= b) {
            return 1;
        }
        double theta = Math.acos(1 - 2 * (x - a) / (b - a));
        double w = b - a;
        // With x = a + w(1 − cos t)/2 the density becomes w² sin²t / (8π γ η x(t)): smooth, except
        // for a peak of width ~√(a/w) at t = 0 when the lower edge a is near 0 (γ ≈ 1). Pieces
        // that grow geometrically from that width resolve it with the same fixed rule.
        double width = Math.max(Math.sqrt(a / w), 1e-8);
        double integral = 0;
        double lo = 0;
        for (double hi = Math.min(width, theta); lo < theta; hi = Math.min(4 * hi, theta)) {
            double l = lo;
            double len = hi - lo;
            integral += len
                    * RULE.integrate(u -> {
                        double t = l + u * len;
                        double s = Math.sin(t);
                        double h = Math.sin(t / 2);
                        double xt = a + w * h * h; // = a + w(1 − cos t)/2 without cancellation at small t
                        return w * w * s * s / 4 / (2 * Math.PI * gamma * eta * xt);
                    });
            lo = hi;
        }
        return Math.min(1, atom + integral);
    }

    @Override
    public List<Atom> atoms() {
        List<Atom> out = new ArrayList<>();
        if (atomMass() > 0) {
            out.add(new Atom(0, atomMass()));
        }
        return out;
    }

    @Override
    public List<Interval> support() {
        return List.of(new Interval(a, b));
    }

    /** Narayana: \(m_k = \eta^k\sum_{j=0}^{k-1}\frac{\gamma^j}{j+1}\binom{k}{j}\binom{k-1}{j}\). */
    @Override
    public double moment(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.pow(gamma, j) / (j + 1) * binomial(k, j) * binomial(k - 1, j);
        }
        return Math.pow(eta, k) * sum;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
