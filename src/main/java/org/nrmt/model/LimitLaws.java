package org.nrmt.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.bias.BiasLaw;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasPoint;
import org.nrmt.bias.ConditionalConstants;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.spectrum.MixtureLaw;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.StieltjesPoint;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The limit law of a {@link Model} at aspect ratios φ = n0/m, ψ = n0/n1 (theory/conventions.md):
 * without a bias the Pennington–Worah quartic law of (η, ζ) (theory/quartic.md); with a
 * per-neuron or per-sample bias the bias law over b ~ N(0, σb²), and with a scalar bias the
 * mixture over β (theory/bias.md). Every front end asks this class, so they all compare against
 * the same law. Errors are {@link IllegalArgumentException}s whose message ends in ", got
 * &lt;value&gt;".
 */
public final class LimitLaws {

    private LimitLaws() {}

    /** mean, η, ζ of f(sZ) in double precision (the model must name an activation). */
    public static DoubleConstants constants(Model m) {
        return GaussianConstantsEngine.computeDouble(m.parsedActivation(), m.s().doubleValue(), 0);
    }

    /**
     * ζ below this multiple of η is the double engine's rounding of an exact 0 (the engine returns
     * ζ ≈ 1e-33 for x² − 1), and is taken as 0, so that the law and the training loss take the
     * exact ζ = 0 forms (Marchenko–Pastur, theory/quartic.md §3). A true ζ that small moves the double
     * law by O(ζ/η), below its own rounding.
     */
    static final double ZETA_ROUNDING = 1e-14;

    /**
     * (η, ζ, φ, ψ) in double: from the model's η, ζ or from its activation's constants, with a ζ
     * below {@link #ZETA_ROUNDING}·η set to 0.
     */
    public static ModelParams params(Model m, double phi, double psi) {
        double eta;
        double zeta;
        if (m.activation() == null) {
            eta = m.eta().doubleValue();
            zeta = m.zeta().doubleValue();
        } else {
            DoubleConstants c = constants(m);
            eta = c.eta();
            zeta = c.zeta();
            if (!(eta > 0)) {
                throw new IllegalArgumentException(
                        "the activation is constant under the Gaussian (eta = 0), got '" + m.activation() + "'");
            }
            if (zeta <= ZETA_ROUNDING * eta) {
                zeta = 0;
            }
        }
        return new ModelParams(eta, zeta, phi, psi);
    }

    /**
     * The double-precision limit law: the quartic law without a bias, else the bias law with b
     * discretised by equal-weight quantile nodes ({@link BiasLaws#forCdf}), which resolve the CDF.
     */
    public static SpectralLaw law(Model m, double phi, double psi) {
        return law(m, phi, psi, false);
    }

    /**
     * The law for moments: as {@link #law} but with a bias discretised by the 64-node Gauss–Hermite
     * rule ({@link BiasLaws#of}), exact for the polynomial averages moments are made of (to about
     * 1e-10), where the quantile nodes of {@link #law} resolve the CDF instead (theory/bias.md §2).
     */
    public static SpectralLaw lawForMoments(Model m, double phi, double psi) {
        return law(m, phi, psi, true);
    }

    private static SpectralLaw law(Model m, double phi, double psi, boolean gaussHermite) {
        ModelParams p = params(m, phi, psi); // the same checks of φ, ψ and of the activation with a bias
        if (!m.biased()) return QuarticLaw.of(p);
        Activation f = m.parsedActivation();
        double s = m.s().doubleValue();
        double sb = m.biasSigma().doubleValue();
        return gaussHermite ? BiasLaws.of(m.bias(), f, s, sb, phi, psi) : BiasLaws.forCdf(m.bias(), f, s, sb, phi, psi);
    }

    /**
     * E_b μ and Var_b μ of the conditional means on the bias nodes (the mean and the strength of
     * the outlier a bias adds; theory/bias.md §2): {meanMu, varianceMu}.
     */
    public static double[] meanMuAndVariance(ConditionalConstants c) {
        double[] w = c.measure().weights();
        double[] mu = c.mu();
        double mean = 0;
        double second = 0;
        for (int j = 0; j < w.length; j++) {
            mean += w[j] * mu[j];
            second += w[j] * mu[j] * mu[j];
        }
        return new double[] {mean, Math.max(0, second - mean * mean)};
    }

    /**
     * ρ(x) at every x of a double-precision law, NaN where the law refuses to certify a point (a
     * certified density is never NaN): the quartic law continues laterally along the sorted points
     * ({@link QuarticLaw#stieltjesOnLine}); a per-neuron or per-sample bias law along the grid
     * ({@link BiasLaw#densities}), with its edge-zone rule where that fails; any other law point by
     * point.
     */
    public static double[] densities(SpectralLaw law, double[] xs) {
        double[] out = new double[xs.length];
        if (law instanceof QuarticLaw q) {
            List<StieltjesPoint> pts = q.stieltjesOnLine(xs, 0);
            for (int i = 0; i < xs.length; i++) {
                StieltjesPoint p = pts.get(i);
                out[i] = p.certified() ? p.density() + 0.0 : Double.NaN;
            }
            return out;
        }
        BiasPoint[] pts = law instanceof BiasLaw b ? b.densities(xs) : null;
        for (int i = 0; i < xs.length; i++) {
            if (pts != null && pts[i].certified() && xs[i] > 0) {
                out[i] = pts[i].density() + 0.0;
                continue;
            }
            try {
                out[i] = law.density(xs[i]) + 0.0;
            } catch (UncertifiedPointException e) {
                out[i] = Double.NaN; // refused, never guessed
            }
        }
        return out;
    }

    /**
     * The bias-free quartic law at {@code digits} significant digits. Above 16 digits the
     * activation's η and ζ come from the apfloat constants engine at digits + 10, and η, ζ, φ, ψ,
     * σw, σx are the exact decimals given; at 16 digits the law is built from their doubles.
     */
    public static QuarticLaw quarticLaw(Model m, BigDecimal phi, BigDecimal psi, int digits) {
        if (m.biased()) {
            throw new IllegalArgumentException("the quartic law is bias-free, got bias " + m.bias());
        }
        ModelParams p = params(m, phi.doubleValue(), psi.doubleValue());
        if (digits <= 16) return QuarticLaw.of(p);
        long wp = digits + 10L;
        Apfloat eta;
        Apfloat zeta;
        if (m.activation() != null) {
            GaussianConstants c = GaussianConstantsEngine.compute(
                    m.parsedActivation(), new Apfloat(m.s(), wp), new Apfloat(0, wp), wp, 0);
            eta = c.eta();
            zeta = c.zeta();
        } else {
            eta = new Apfloat(m.eta(), wp);
            zeta = new Apfloat(m.zeta(), wp);
        }
        return QuarticLaw.of(eta, zeta, new Apfloat(phi, wp), new Apfloat(psi, wp), digits)
                .withDigits(digits);
    }

    /**
     * The law a simulation of {@code spec} with activation {@code f} converges to, at the
     * simulation's own ratios φ = n0/m, ψ = n0/n1. With {@code sampledBias} (per-neuron or
     * per-sample bias only) it is the mixture, over the {@code trials} trials, of each trial's law
     * given the biases that trial drew ({@link #ofTrial}); pooled trials follow the mixture of their
     * own laws, because the law is not linear in the bias measure. A scalar bias takes the quartic
     * law of the conditional constants at the one β that the single trial drew.
     */
    public static SpectralLaw ofSimulation(String f, SimulationSpec spec, long seed, int trials, boolean sampledBias) {
        if (spec.bias() == BiasKind.scalar && trials != 1) {
            throw new IllegalArgumentException(
                    "a scalar bias is compared one trial at a time (each trial draws its own β), got trials " + trials);
        }
        if (!sampledBias || trials == 1) return ofTrial(f, spec, seed, 0, sampledBias);
        List<SpectralLaw> parts = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            parts.add(ofTrial(f, spec, seed, t, true));
        }
        return new MixtureLaw(parts);
    }

    /**
     * The law trial {@code trial} of a simulation of {@code spec} (seed {@code seed}) is compared
     * with: the quartic law without a bias; with a per-neuron or per-sample bias the law over
     * b ~ N(0, σb²), or with {@code sampledBias} the law of the biases this trial drew (seeded as
     * {@link Simulator#biasValues}); with a scalar bias the quartic law of the conditional constants
     * at this trial's β. Only the sampled and scalar laws depend on the trial.
     */
    public static SpectralLaw ofTrial(String f, SimulationSpec spec, long seed, int trial, boolean sampledBias) {
        Model m = Model.of(f)
                .withSigmas(decimal(spec.sigmaW()), decimal(spec.sigmaX()))
                .withBias(spec.bias(), decimal(spec.biasSigma()));
        double phi = spec.phi();
        double psi = spec.psi();
        if (sampledBias && spec.bias() != BiasKind.neuron && spec.bias() != BiasKind.sample) {
            throw new IllegalArgumentException(
                    "the sampled-bias theory needs a per-neuron or per-sample bias, got " + spec.bias());
        }
        switch (spec.bias()) {
            case none:
                return QuarticLaw.of(params(m, phi, psi));
            case neuron:
            case sample:
                if (!sampledBias) return law(m, phi, psi);
                params(m, phi, psi); // the same checks of φ, ψ and of the activation as without a bias
                return BiasLaws.ofSamples(
                        spec.bias(), m.parsedActivation(), spec.s(), Simulator.biasValues(spec, seed, trial), phi, psi);
            case scalar:
                params(m, phi, psi);
                double beta = Simulator.biasValues(spec, seed, trial)[0];
                DoubleConstants c = GaussianConstantsEngine.computeDouble(m.parsedActivation(), spec.s(), beta);
                return QuarticLaw.of(new ModelParams(c.eta(), c.zeta(), phi, psi));
            default:
                throw new IllegalStateException("unknown bias kind " + spec.bias());
        }
    }

    /** The shortest decimal that reads back as this double. */
    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v));
    }
}
