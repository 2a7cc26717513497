package org.nrmt.memorization;

import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.NegativeAxisPoint;
import org.nrmt.spectrum.QuarticLaw;

/**
 * Training loss of ridge regression on random features with random targets (PW §5):
 * \[ E_{\rm train}(\lambda) = \frac{\lambda^2}{m}\operatorname{tr}(K + \lambda)^{-2}
 *    = 1 - \gamma - \gamma\lambda^2 G'(-\lambda), \]
 * K = YᵀY/m. Limits, returned exactly: \((1 - \gamma)_+\) at λ = 0 (the atom of K at 0) and 1 at
 * λ = ∞. Depends on the activation only through η and ζ. See {@code theory/memorization.md}.
 */
public final class TrainingLoss {

    private final double gamma;
    private final NegativeAxisResolvent resolvent;

    private TrainingLoss(double gamma, NegativeAxisResolvent resolvent) {
        this.gamma = gamma;
        this.resolvent = resolvent;
    }

    /** E_train for the law with parameters p, from the given negative-axis resolvent of that law. */
    public static TrainingLoss of(ModelParams p, NegativeAxisResolvent resolvent) {
        return new TrainingLoss(p.gamma(), resolvent);
    }

    /** E_train for p: the closed form when ζ = 0, else the certified quartic continuation. */
    public static TrainingLoss of(ModelParams p) {
        NegativeAxisResolvent r = p.zeta() == 0
                ? new MarchenkoPasturResolvent(p.eta(), p.gamma())
                : new QuarticLawResolvent(QuarticLaw.of(p));
        return of(p, r);
    }

    /** E_train(λ) for λ ∈ [0, ∞]; the endpoints are the exact limits. */
    public double at(double lambda) {
        if (!(lambda >= 0) || Double.isNaN(lambda)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        if (lambda == 0) {
            return Math.max(0, 1 - gamma);
        }
        if (lambda == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return fromPoint(resolvent.at(lambda));
    }

    /** E_train on a grid of λ &gt; 0 (one continuation when the resolvent supports it). */
    public double[] along(double[] lambdas) {
        for (double l : lambdas) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda must be finite and > 0, got " + l);
            }
        }
        NegativeAxisPoint[] pts = resolvent.along(lambdas);
        double[] out = new double[lambdas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fromPoint(pts[i]);
        }
        return out;
    }

    /** 1 − γ − γλ²G′(−λ). */
    private double fromPoint(NegativeAxisPoint pt) {
        double l = pt.lambda();
        return 1 - gamma - gamma * l * l * pt.dg();
    }
}
