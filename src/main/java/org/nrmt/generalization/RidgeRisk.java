package org.nrmt.generalization;

import java.math.BigDecimal;
import java.util.List;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.roots.ApRoot;
import org.nrmt.roots.ApRootSet;
import org.nrmt.roots.PolynomialRoots;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.NegativeAxisPoint;
import org.nrmt.spectrum.Quartic;
import org.nrmt.spectrum.QuarticLaw;

/**
 * The limiting test and training error of random-feature ridge regression with a linear teacher
 * (theory/generalization.md). With G = G(−λ), G′ = G′(−λ) of the Pennington–Worah law, γ = φ/ψ,
 * c = 1/ψ and b² = η − ζ:
 * \[
 * D = 1 - \gamma - \gamma\lambda G,\quad L = 1 - \gamma - \gamma\lambda^2 G',\quad
 * \kappa = \lambda/D,\quad t = -DG,\quad
 * t_2 = -\frac{D^2}{L}\bigl(\gamma G^2 - \gamma\lambda G G' + D G'\bigr),
 * \]
 * \[
 * X = 1 - c + c\,b^2 t + c\,(b^2 + \kappa)\,\kappa\, t_2,\qquad
 * E_{\rm test} = (\tau^2 + F X)\,\frac{L}{D^2},\qquad E_{\rm train} = (\tau^2 + F X)\,L,
 * \]
 * F the signal power (F·σx² for the teacher √F xᵀβ/√n0 with x ~ N(0, σx²)), τ² the label noise.
 * κ is the effective ridge, L the memorization loss (so F = 0 gives E_train = τ² L exactly), and
 * E_test = τ² + bias + variance with bias = F X L/D² and variance = τ²(L/D² − 1).
 *
 * <p>G comes from the certified negative-axis sweep {@link QuarticLaw#stieltjesNegativeAxis}, which
 * names the physical root; {@code org.nrmt.roots.PolynomialRoots} then encloses it to 40 digits and
 * the formulas run in 40-digit interval arithmetic ({@link Enclosure}; G′ enclosed from the quartic by
 * implicit differentiation), so {@link RiskPoint#error()} bounds the distance of every printed
 * number of the point from the exact value for the double parameters (η, ζ, φ, ψ, λ, F, τ²) given
 * (theory/generalization.md §6). The rounding of inputs to those doubles is added by
 * {@link Generalization}.
 */
public final class RidgeRisk {

    private final ModelParams params;
    private final double signal;
    private final double noise;
    private final QuarticLaw law;

    private RidgeRisk(ModelParams params, double signal, double noise) {
        this.params = params;
        this.signal = signal;
        this.noise = noise;
        this.law = QuarticLaw.of(params);
    }

    /**
     * The risk for the law p with signal power F ≥ 0 (the variance of the teacher's output,
     * F·σx² in the model's terms) and noise τ² ≥ 0.
     */
    public static RidgeRisk of(ModelParams p, double signal, double noise) {
        if (!(signal >= 0) || !Double.isFinite(signal)) {
            throw new IllegalArgumentException("signal must be finite and >= 0, got " + signal);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        return new RidgeRisk(p, signal, noise);
    }

    public ModelParams params() {
        return params;
    }

    public double signal() {
        return signal;
    }

    public double noise() {
        return noise;
    }

    /** The risk at one λ &gt; 0. */
    public RiskPoint at(double lambda) {
        return along(new double[] {lambda})[0];
    }

    /** The risk on a grid of λ &gt; 0 (one certified sweep from −∞, then 40-digit enclosures). */
    public RiskPoint[] along(double[] lambdas) {
        List<NegativeAxisPoint> pts = sweep(lambdas);
        RiskPoint[] out = new RiskPoint[lambdas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = certified(pts.get(i));
        }
        return out;
    }

    /**
     * The same in double arithmetic from the sweep's G, G′, without enclosures ({@code error} NaN):
     * for difference quotients, where a relative 1e-10 does not matter.
     */
    RiskPoint[] alongDouble(double[] lambdas) {
        List<NegativeAxisPoint> pts = sweep(lambdas);
        RiskPoint[] out = new RiskPoint[lambdas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pointValues(pts.get(i));
        }
        return out;
    }

    private List<NegativeAxisPoint> sweep(double[] lambdas) {
        for (double l : lambdas) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda must be finite and > 0, got " + l);
            }
        }
        return law.stieltjesNegativeAxis(lambdas);
    }

    private static RiskPoint uncertified(double lambda) {
        double n = Double.NaN;
        return new RiskPoint(lambda, n, n, n, n, n, n, n, false);
    }

    private RiskPoint pointValues(NegativeAxisPoint pt) {
        if (!pt.certified()) return uncertified(pt.lambda());
        double lambda = pt.lambda(), g = pt.g(), dg = pt.dg();
        double gamma = params.gamma();
        double c = 1 / params.psi();
        double b2 = params.eta() - params.zeta();
        double d = 1 - gamma - gamma * lambda * g;
        double l = 1 - gamma - gamma * lambda * lambda * dg;
        double kappa = lambda / d;
        double t = -d * g;
        double t2 = -(d * d / l) * (gamma * g * g - gamma * lambda * g * dg + d * dg);
        double x = 1 - c + c * b2 * t + c * (b2 + kappa) * kappa * t2;
        double ratio = l / (d * d);
        double e = (noise + signal * x) * ratio;
        if (!Double.isFinite(e)) return uncertified(lambda);
        return new RiskPoint(
                lambda,
                e,
                (noise + signal * x) * l,
                signal * x * ratio,
                noise * (ratio - 1),
                kappa,
                l,
                Double.NaN,
                true);
    }

    /**
     * The certified point: the sweep names the physical root (its disk B(g, r)); the roots package
     * encloses all roots of the quartic at z = −λ to 40 digits, and the one disk that meets B(g, r)
     * holds the physical root (isolated disks hold one root each). The formulas then run in
     * {@link Enclosure} arithmetic and the printed doubles are the enclosures' midpoints.
     */
    private RiskPoint certified(NegativeAxisPoint pt) {
        double lambda = pt.lambda();
        if (!pt.certified()) return uncertified(lambda);
        Apfloat z = new Apfloat(new BigDecimal(-lambda), Enclosure.WORKING);
        Apcomplex[] coeffs = law.quartic().coefficientsAt(new Apcomplex(z), Enclosure.WORKING);
        ApRootSet roots = PolynomialRoots.of(coeffs, Enclosure.DIGITS);
        Apfloat g = new Apfloat(new BigDecimal(pt.g()), Enclosure.WORKING);
        // the sweep's radius is that of its own (H or apfloat) root; g is that root rounded to a
        // double, which the apfloat path's radius (e.g. 7e-20 at |g| = 3e7) does not cover
        Apfloat r = new Apfloat(new BigDecimal(pt.radius() + 4 * Math.ulp(pt.g())), Enclosure.WORKING);
        ApRoot hit = null;
        int hits = 0;
        for (ApRoot root : roots.roots()) {
            Apfloat dist = ApcomplexMath.abs(root.value().subtract(g));
            if (dist.compareTo(root.radius().add(r)) <= 0) {
                hit = root;
                hits++;
            }
        }
        if (hits != 1 || !hit.isolated()) return uncertified(lambda);
        // G is real (the sweep proves it), so |G − Re c| ≤ |G − c| ≤ radius; the pad covers the
        // 70-digit rounding of the coefficients, which the roots package takes as exact
        Apfloat centre = hit.value().real();
        Apfloat pad =
                ApfloatMath.abs(centre).add(new Apfloat(1, Enclosure.WORKING)).multiply(new Apfloat("1e-35"));
        Enclosure ge = Enclosure.around(centre, hit.radius().add(pad));
        Enclosure dge = derivative(coeffs, ge, z);
        if (dge == null) return uncertified(lambda);
        Enclosure gm = Enclosure.of(params.phi()).divide(Enclosure.of(params.psi()));
        Enclosure ce = Enclosure.of(1).divide(Enclosure.of(params.psi()));
        Enclosure b2e = Enclosure.of(params.eta()).subtract(Enclosure.of(params.zeta()));
        Enclosure le = Enclosure.of(lambda);
        Enclosure one = Enclosure.of(1);
        Enclosure oneMinusGamma = one.subtract(gm);
        Enclosure de = oneMinusGamma.subtract(gm.multiply(le).multiply(ge));
        Enclosure lle = oneMinusGamma.subtract(gm.multiply(le.square()).multiply(dge));
        Enclosure ke = le.divide(de);
        Enclosure ratioE = lle.divide(de.square());
        Enclosure inverseL = one.divide(lle);
        if (ke == null || ratioE == null || inverseL == null) return uncertified(lambda);
        Enclosure te = de.multiply(ge).negate();
        Enclosure dt = gm.multiply(ge.square())
                .subtract(gm.multiply(le).multiply(ge).multiply(dge))
                .add(de.multiply(dge));
        Enclosure t2e = de.square().multiply(inverseL).multiply(dt).negate();
        Enclosure xe = one.subtract(ce)
                .add(ce.multiply(b2e).multiply(te))
                .add(ce.multiply(b2e.add(ke)).multiply(ke).multiply(t2e));
        Enclosure se = Enclosure.of(signal);
        Enclosure ne = Enclosure.of(noise);
        Enclosure numer = ne.add(se.multiply(xe));
        Enclosure testE = numer.multiply(ratioE);
        Enclosure trainE = numer.multiply(lle);
        Enclosure biasE = se.multiply(xe).multiply(ratioE);
        Enclosure varE = ne.multiply(ratioE.subtract(one));
        double eTest = testE.mid(), eTrain = trainE.mid(), bias = biasE.mid(), variance = varE.mid();
        double err = Math.max(
                Math.max(testE.distanceFrom(eTest), trainE.distanceFrom(eTrain)),
                Math.max(biasE.distanceFrom(bias), varE.distanceFrom(variance)));
        return new RiskPoint(lambda, eTest, eTrain, bias, variance, ke.mid(), lle.mid(), err, true);
    }

    /**
     * G′(−λ) = −∂_zQ/∂_GQ at z = −λ over every G in {@code ge}, from the quartic's coefficients
     * \(Q = \sum_{k,j} c_{kj} z^j G^k\): ∂_zQ = Σ_k (c_k1 + 2c_k2 z) G^k, ∂_GQ = Σ_k k c_k(z) G^{k−1}.
     * Null if ∂_GQ cannot be bounded away from 0.
     */
    private Enclosure derivative(Apcomplex[] atZ, Enclosure ge, Apfloat z) {
        Quartic q = law.quartic();
        Enclosure ze = Enclosure.around(z, new Apfloat(0));
        Enclosure zero = Enclosure.of(0);
        Enclosure qg = zero;
        Enclosure qz = zero;
        Enclosure power = Enclosure.of(1); // G^k
        Enclosure previous = zero; // G^(k−1)
        for (int k = 0; k <= 4; k++) {
            Enclosure c1 = Enclosure.around(q.apCoefficient(k, 1), new Apfloat(0));
            Enclosure c2 = Enclosure.around(q.apCoefficient(k, 2), new Apfloat(0));
            Enclosure ck = Enclosure.around(atZ[k].real(), new Apfloat(0));
            qz = qz.add(c1.add(c2.multiply(ze).multiply(2)).multiply(power));
            if (k > 0) qg = qg.add(ck.multiply(k).multiply(previous));
            previous = power;
            power = power.multiply(ge);
        }
        Enclosure ratio = qz.divide(qg);
        return ratio == null ? null : ratio.negate();
    }
}
