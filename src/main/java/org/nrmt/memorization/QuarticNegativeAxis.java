package org.nrmt.memorization;

import java.util.Arrays;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.NegativeAxisPoint;

/**
 * G(−λ) and G′(−λ) of the Pennington–Worah law by continuation along the negative real axis from
 * −∞, where \(G(-\lambda) = -1/\lambda - m_1/\lambda^2 - m_2/\lambda^3 + O(\lambda^{-4})\) names the
 * physical root of the quartic \(\sum_k c_k(z) G^k = 0\) (model.md §3).
 *
 * <p>Each step predicts G by Euler (with G′ from implicit differentiation,
 * \(G' = -\partial_z Q / \partial_G Q\)), computes all roots of the quartic and accepts the real
 * root nearest the prediction only if it is at most a tenth of the distance to every other root
 * and lies in the a-priori interval \([-1/\lambda, -1/(\lambda + \eta)]\) (Jensen); otherwise the
 * step is halved. This separation test is a heuristic guard against the branch jumps of a plain
 * fixed point (model.md §4), not a proof, so points are marked uncertified; it serves as an
 * independent cross-check of {@link QuarticLawResolvent}. {@code theory/memorization.md} §3.
 */
public final class QuarticNegativeAxis implements NegativeAxisResolvent {

    private static final double MIN_RATIO = 1 - 1e-9;

    private final ModelParams p;
    private final double gamma;

    private QuarticNegativeAxis(ModelParams p) {
        this.p = p;
        this.gamma = p.gamma();
    }

    /** The continuation for the law with parameters p. */
    public static QuarticNegativeAxis of(ModelParams p) {
        return new QuarticNegativeAxis(p);
    }

    @Override
    public NegativeAxisPoint at(double lambda) {
        return along(new double[] {lambda})[0];
    }

    private double separation;

    /**
     * G and G′ at every λ of the grid (any order), by one continuation from large λ downwards.
     *
     * @throws IllegalStateException if a step cannot separate the physical root (message names λ)
     */
    @Override
    public synchronized NegativeAxisPoint[] along(double[] lambdas) {
        for (double l : lambdas) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda must be finite and > 0, got " + l);
            }
        }
        Integer[] order = new Integer[lambdas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambdas[b], lambdas[a]));
        NegativeAxisPoint[] out = new NegativeAxisPoint[lambdas.length];
        double scale = p.eta() * (1 + gamma) + p.zeta() / p.psi() + 1;
        double lam = Math.max(1e4 * scale, lambdas[order[0]]);
        double g = start(lam);
        double dg = derivative(-lam, g);
        double ratio = 0.7;
        for (Integer idx : order) {
            double target = lambdas[idx];
            while (lam > target) {
                double next = Math.max(target, lam * ratio);
                double predicted = g + dg * (lam - next);
                Double root = separatedRoot(next, predicted);
                if (root == null) {
                    ratio = Math.sqrt(ratio);
                    if (ratio > MIN_RATIO) {
                        throw new IllegalStateException("cannot separate the physical root of the quartic at lambda = "
                                + next + " (eta=" + p.eta() + ", zeta=" + p.zeta() + ", phi=" + p.phi()
                                + ", psi=" + p.psi() + ")");
                    }
                    continue;
                }
                lam = next;
                g = root;
                dg = derivative(-lam, g);
                ratio = Math.max(0.5, ratio * ratio);
            }
            out[idx] = new NegativeAxisPoint(target, g, dg, false, 16 * Math.ulp(g), separation);
        }
        return out;
    }

    private double start(double lam) {
        double m1 = p.eta();
        double m2 = p.eta() * p.eta() * (1 + gamma) + p.zeta() * p.zeta() / p.psi();
        double series = -1 / lam - m1 / (lam * lam) - m2 / (lam * lam * lam);
        Double root = separatedRoot(lam, series);
        if (root == null) {
            throw new IllegalStateException("no root of the quartic near the large-lambda series at lambda = " + lam);
        }
        return root;
    }

    /** The real root nearest {@code predicted}, if well separated and inside the Jensen interval. */
    private Double separatedRoot(double lam, double predicted) {
        double[] c = coefficients(-lam);
        int deg = 4;
        while (deg > 0 && c[deg] == 0) {
            deg--;
        }
        Complex[] roots = aberth(c, deg, lam + p.eta());
        if (roots == null) {
            return null;
        }
        int best = -1;
        double d1 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < roots.length; i++) {
            double d = roots[i].subtract(new Complex(predicted)).abs();
            if (d < d1) {
                d1 = d;
                best = i;
            }
        }
        double d2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < roots.length; i++) {
            if (i != best) {
                d2 = Math.min(d2, roots[i].subtract(roots[best]).abs());
            }
        }
        Complex r = roots[best];
        if (Math.abs(r.getImaginary()) > 1e-9 * Math.abs(r.getReal()) || d1 > 0.1 * d2) {
            return null;
        }
        separation = d2;
        double g = polish(c, deg, r.getReal());
        double tol = 1e-9 / lam;
        if (g < -1 / lam - tol || g > -1 / (lam + p.eta()) + tol) {
            return null;
        }
        return g;
    }

    /**
     * All roots of Σ c_k G^k (degree deg) by the Aberth–Ehrlich iteration on the scaled variable
     * u = σG, σ = λ + η (the physical root has u ∈ [−σ/λ, −1]); null only on overflow.
     */
    static Complex[] aberth(double[] c, int deg, double lam) {
        if (deg == 0) {
            return null;
        }
        double[] a = new double[deg + 1];
        double pow = 1;
        for (int k = 0; k <= deg; k++) {
            a[k] = c[k] / pow;
            pow *= lam;
        }
        Complex[] u = newtonPolygonStart(a, deg);
        for (int sweep = 0; sweep < 500; sweep++) {
            double moved = 0;
            for (int i = 0; i < deg; i++) {
                Complex v = Complex.ZERO;
                Complex dv = Complex.ZERO;
                for (int k = deg; k >= 0; k--) {
                    dv = dv.multiply(u[i]).add(v);
                    v = v.multiply(u[i]).add(a[k]);
                }
                Complex ratio = v.divide(dv);
                Complex sum = Complex.ZERO;
                for (int j = 0; j < deg; j++) {
                    if (j != i) {
                        sum = sum.add(u[i].subtract(u[j]).reciprocal());
                    }
                }
                Complex step = ratio.divide(Complex.ONE.subtract(ratio.multiply(sum)));
                if (step.isNaN() || step.isInfinite()) {
                    return null;
                }
                u[i] = u[i].subtract(step);
                moved = Math.max(moved, step.abs() / Math.max(1e-300, u[i].abs()));
            }
            if (moved < 1e-13) {
                break;
            }
        }
        // Near-double roots far from the physical one may stall at ~1e-8 relative accuracy; that does
        // not matter for the separation test, and the chosen root is Newton-polished afterwards.
        Complex[] g = new Complex[deg];
        for (int i = 0; i < deg; i++) {
            g[i] = u[i].divide(lam);
        }
        return g;
    }

    /**
     * Aberth starting points from the Newton polygon of log|a_k| (as in MPSolve): each edge of the
     * upper convex hull from k = i to j gives j − i points on the circle of radius
     * (|a_i|/|a_j|)^(1/(j−i)), so roots of very different sizes start near their own modulus.
     */
    private static Complex[] newtonPolygonStart(double[] a, int deg) {
        double[] logA = new double[deg + 1];
        for (int k = 0; k <= deg; k++) {
            logA[k] = a[k] == 0 ? Double.NEGATIVE_INFINITY : Math.log(Math.abs(a[k]));
        }
        Complex[] u = new Complex[deg];
        int filled = 0;
        int i = 0;
        while (logA[i] == Double.NEGATIVE_INFINITY) {
            u[filled++] = new Complex(0, 0); // a zero root for each vanishing low coefficient
            i++;
        }
        while (i < deg) {
            int best = -1;
            double bestSlope = Double.NEGATIVE_INFINITY;
            for (int j = i + 1; j <= deg; j++) {
                if (logA[j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double slope = (logA[j] - logA[i]) / (j - i);
                if (slope >= bestSlope) {
                    bestSlope = slope;
                    best = j;
                }
            }
            double radius = Math.exp(-bestSlope);
            for (int k = 0; k < best - i; k++) {
                double t = 2 * Math.PI * k / (best - i) + 0.4 + 0.1 * filled;
                u[filled++] = new Complex(radius * Math.cos(t), radius * Math.sin(t));
            }
            i = best;
        }
        return u;
    }

    private static double polish(double[] c, int deg, double g) {
        for (int it = 0; it < 3; it++) {
            double v = 0;
            double dv = 0;
            for (int k = deg; k >= 0; k--) {
                dv = dv * g + v;
                v = v * g + c[k];
            }
            if (dv == 0) {
                break;
            }
            g -= v / dv;
        }
        return g;
    }

    /** c_0 … c_4 of model.md §3 at z. */
    double[] coefficients(double z) {
        double eta = p.eta();
        double zeta = p.zeta();
        double phi = p.phi();
        double psi = p.psi();
        double noise = eta - zeta;
        return new double[] {
            -psi,
            psi * z + (gamma - 1) * (psi * eta - zeta),
            zeta * noise * (gamma - 1) * (gamma - 1) - z * (eta * phi + zeta * (1 - 2 * gamma)),
            -gamma * zeta * z * (z + 2 * (gamma - 1) * noise),
            gamma * gamma * zeta * noise * z * z,
        };
    }

    /** dG/dz = −(∂_z Q)/(∂_G Q) at (z, G). */
    double derivative(double z, double g) {
        double eta = p.eta();
        double zeta = p.zeta();
        double noise = eta - zeta;
        double[] c = coefficients(z);
        double[] dc = {
            0,
            p.psi(),
            -(eta * p.phi() + zeta * (1 - 2 * gamma)),
            -2 * gamma * zeta * z - 2 * gamma * zeta * (gamma - 1) * noise,
            2 * gamma * gamma * zeta * noise * z,
        };
        double qz = 0;
        double qg = 0;
        for (int k = 4; k >= 0; k--) {
            qz = qz * g + dc[k];
        }
        for (int k = 4; k >= 1; k--) {
            qg = qg * g + k * c[k];
        }
        return -qz / qg;
    }
}
