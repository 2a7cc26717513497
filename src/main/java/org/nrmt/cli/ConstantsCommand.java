package org.nrmt.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.bias.ApConditionalConstants;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasMeasure;
import org.nrmt.bias.ConditionalConstants;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.BiasKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt constants}: mean, η = Var f(sZ), ζ = (E[Z f(sZ)])² of an activation, to any number of
 * digits (theory/gaussian-constants.md). Up to 16 digits without Hermite coefficients the double
 * engine answers; otherwise the apfloat engine, with the error estimate it reports.
 */
@Command(
        name = "constants",
        mixinStandardHelpOptions = true,
        description = "Gaussian constants mean, η, ζ of an activation, to any number of digits.")
final class ConstantsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(
            names = "--hermite",
            paramLabel = "K",
            description = "Also print the Hermite coefficients c_0 … c_K, c_k = E[f(sZ) He_k(Z)]/k! (default: none).")
    int hermite = 0;

    @Override
    public Integer call() {
        common.validate();
        if (model.activation == null) {
            throw new UserInputException("--activation is required", "nothing");
        }
        if (model.phi != null || model.psi != null || model.eta != null || model.zeta != null) {
            throw new UserInputException(
                    "constants takes only the activation and its scales; --phi, --psi, --eta and --zeta "
                            + "belong to the spectrum commands",
                    "phi=" + model.phi + " psi=" + model.psi + " eta=" + model.eta + " zeta=" + model.zeta);
        }
        if (hermite < 0 || hermite > 200) {
            throw new UserInputException("--hermite must be between 0 and 200", hermite);
        }
        double s = model.s();
        Activation f = Models.activation(model.activation);
        int digits = common.digits;
        if (model.bias != BiasKind.none) {
            return biasConstants(f, s);
        }
        Output out = new Output().field("activation", f.text()).field("s", s).field("digits", digits);
        if (digits <= 16 && hermite == 0) {
            DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, 0);
            // as in the apfloat engine, a value not larger than its error is reported as 0
            out.field("mean", round(zeroBelow(c.mean(), c.error()), digits))
                    .field("eta", round(zeroBelow(c.eta(), c.error()), digits))
                    .field("zeta", round(zeroBelow(c.zeta(), c.error()), digits))
                    .field("error", round(c.error(), 3));
        } else {
            GaussianConstants c = GaussianConstantsEngine.compute(
                    f, new Apfloat(Double.toString(s), Apfloat.INFINITE), Apfloat.ZERO, digits, hermite);
            out.field("mean", num(c.mean(), digits))
                    .field("eta", num(c.eta(), digits))
                    .field("zeta", num(c.zeta(), digits))
                    .field("error", num(c.error(), 3));
            if (hermite > 0) {
                List<Object> h = new ArrayList<>();
                for (Apfloat v : c.hermite()) {
                    h.add(num(v, digits));
                }
                out.field("hermite", h);
            }
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /**
     * The conditional constants μ(b), ζ(b), s²(b) of model.md §7 on the Gauss–Hermite nodes of
     * b ~ N(0, σb²) (theory/bias.md §2), with their averages: E_b μ, Var_b μ (the outlier's strength),
     * E_b ζ, E_b s² and E_b[ζ + s²], the first moment of the per-neuron and per-sample laws. Up to 16
     * digits the double constants on {@value BiasLaws#DEFAULT_NODES} nodes; more digits: the apfloat
     * constants ({@link ApConditionalConstants}) with their error estimate.
     */
    private Integer biasConstants(Activation f, double s) {
        if (!(model.biasSigma >= 0) || !Double.isFinite(model.biasSigma)) {
            throw new UserInputException("--bias-sigma must be finite and >= 0", model.biasSigma);
        }
        if (hermite != 0) {
            throw new UserInputException("--hermite is not available with --bias", hermite);
        }
        if (common.digits > 16) {
            return apBiasConstants(f, s);
        }
        BiasMeasure measure = BiasMeasure.gaussian(model.biasSigma, BiasLaws.DEFAULT_NODES);
        ConditionalConstants c = BiasLaws.constants(f, s, measure);
        double[] b = measure.nodes();
        double[] w = measure.weights();
        double[] mu = c.mu();
        double[] zeta = c.zeta();
        double[] s2 = c.s2();
        double meanMu = 0;
        double meanMu2 = 0;
        for (int j = 0; j < b.length; j++) {
            meanMu += w[j] * mu[j];
            meanMu2 += w[j] * mu[j] * mu[j];
        }
        Output out = new Output()
                .field("activation", f.text())
                .field("s", s)
                .field("digits", common.digits)
                .field("bias", model.bias.name())
                .field("bias_sigma", model.biasSigma)
                .field("nodes", b.length)
                .field("mean_mu", dbl(meanMu))
                .field("variance_mu", dbl(Math.max(0, meanMu2 - meanMu * meanMu)))
                .field("mean_zeta", dbl(c.meanZeta()))
                .field("mean_s2", dbl(c.meanS2()))
                .field("mean_zeta_plus_s2", dbl(c.meanVariance()));
        if (common.format != OutputFormat.table) {
            for (int j = 0; j < b.length; j++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("b", dbl(b[j]));
                row.put("weight", dbl(w[j]));
                row.put("mu", dbl(mu[j]));
                row.put("zeta", dbl(zeta[j]));
                row.put("s2", dbl(s2[j]));
                out.point(row);
            }
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /** Doubles as they were (16 digits) or rounded to fewer. */
    private Object dbl(double v) {
        return common.digits >= 16 ? (Object) v : round(v, common.digits);
    }

    private Integer apBiasConstants(Activation f, double s) {
        int digits = common.digits;
        ApConditionalConstants c = ApConditionalConstants.compute(
                f,
                new Apfloat(Double.toString(s), Apfloat.INFINITE),
                new Apfloat(Double.toString(model.biasSigma), Apfloat.INFINITE),
                digits);
        Output out = new Output()
                .field("activation", f.text())
                .field("s", s)
                .field("digits", digits)
                .field("bias", model.bias.name())
                .field("bias_sigma", model.biasSigma)
                .field("nodes", c.size())
                .field("check_nodes", c.checkNodes())
                .field("mean_mu", num(c.meanMu(), digits))
                .field("variance_mu", num(c.varianceMu(), digits))
                .field("mean_zeta", num(c.meanZeta(), digits))
                .field("mean_s2", num(c.meanS2(), digits))
                .field("mean_zeta_plus_s2", num(c.meanZetaPlusS2(), digits))
                .field("error", num(c.error(), 3));
        if (common.format != OutputFormat.table) {
            for (int j = 0; j < c.size(); j++) {
                long dj = c.nodeDigits().get(j);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("b", num(c.nodes().get(j), digits));
                row.put("weight", num(c.weights().get(j), digits));
                row.put("mu", num(c.mu().get(j), dj));
                row.put("zeta", num(c.zeta().get(j), dj));
                row.put("s2", num(c.s2().get(j), dj));
                row.put("digits", dj);
                out.point(row);
            }
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    private static double zeroBelow(double v, double error) {
        return Math.abs(v) <= error ? 0 : v;
    }

    private static Output.Num num(Apfloat v, long digits) {
        return Output.number(Numbers.plain(v, digits));
    }

    private static Output.Num round(double v, int digits) {
        if (v == 0) {
            return Output.number("0");
        }
        return Output.number(new BigDecimal(v)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString());
    }
}
