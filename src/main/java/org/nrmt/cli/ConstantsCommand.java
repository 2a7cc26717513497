package org.nrmt.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
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
@Command(name = "constants", mixinStandardHelpOptions = true,
        description = "Gaussian constants mean, η, ζ of an activation, to any number of digits.")
final class ConstantsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(names = "--hermite", paramLabel = "K",
            description = "Also print the Hermite coefficients c_0 … c_K, c_k = E[f(sZ) He_k(Z)]/k! (default: none).")
    int hermite = 0;

    @Override
    public Integer call() {
        common.validate();
        if (model.activation == null) {
            throw new UserInputException("--activation is required", "nothing");
        }
        if (hermite < 0 || hermite > 200) {
            throw new UserInputException("--hermite must be between 0 and 200", hermite);
        }
        double s = model.s();
        Activation f = Models.activation(model.activation);
        int digits = common.digits;
        Output out = new Output().field("activation", f.text()).field("s", s).field("digits", digits);
        if (digits <= 16 && hermite == 0) {
            DoubleConstants c = GaussianConstantsEngine.computeDouble(f, s, 0);
            // as in the apfloat engine, a value not larger than its error is reported as 0
            out.field("mean", round(zeroBelow(c.mean(), c.error()), digits))
                    .field("eta", round(zeroBelow(c.eta(), c.error()), digits))
                    .field("zeta", round(zeroBelow(c.zeta(), c.error()), digits)).field("error", round(c.error(), 3));
        } else {
            GaussianConstants c = GaussianConstantsEngine.compute(f,
                    new Apfloat(Double.toString(s), Apfloat.INFINITE), Apfloat.ZERO, digits, hermite);
            out.field("mean", num(c.mean(), digits)).field("eta", num(c.eta(), digits))
                    .field("zeta", num(c.zeta(), digits)).field("error", num(c.error(), 3));
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
        return Output.number(new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString());
    }
}
