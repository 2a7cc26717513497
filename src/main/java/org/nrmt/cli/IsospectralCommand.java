package org.nrmt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.layers.ActivationFamily;
import org.nrmt.layers.IsospectralFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt isospectral}: a member of an activation family with mean 0 and ζ = 0, scaled to
 * η = 1 (PW §6; theory/layers.md §4). The result is re-checked by the constants engine.
 */
@Command(
        name = "isospectral",
        mixinStandardHelpOptions = true,
        description = "Find isospectral (ζ = 0, centred, η = 1) members of a parametrised activation family.")
final class IsospectralCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = {"-f", "--activation"},
            paramLabel = "EXPR",
            required = true,
            description = "Expression in x with single-letter parameters, e.g. 'a + b*exp(-c*x^2)'.")
    String template;

    @Option(
            names = "--params",
            paramLabel = "P[=V]",
            split = ",",
            required = true,
            description = "The parameters, each with an optional start value (default 1), e.g. a=-0.3,b=1,c=2.")
    List<String> params;

    @Option(
            names = "--solve",
            paramLabel = "P",
            split = ",",
            description = "Parameters to solve for (default: the first two, or the only one); the rest stay fixed.")
    List<String> solve;

    @Override
    public Integer call() {
        common.validate();
        if (common.digits < 5 || common.digits > 2000) {
            throw new UserInputException("--digits must be between 5 and 2000 for isospectral", common.digits);
        }
        Map<String, Apfloat> start = new LinkedHashMap<>();
        long wp = common.digits + 20L;
        for (String p : params) {
            String[] kv = p.split("=", 2);
            String name = kv[0].trim();
            try {
                start.put(name, kv.length == 2 ? new Apfloat(kv[1].trim(), wp) : new Apfloat(1, wp));
            } catch (NumberFormatException e) {
                throw new UserInputException("--params start value must be a number", p);
            }
        }
        List<String> names = new ArrayList<>(start.keySet());
        List<String> unknowns = solve != null ? solve : names.subList(0, Math.min(2, names.size()));
        ActivationFamily family;
        try {
            family = new ActivationFamily(template, names);
            Models.activation(family.member(start)); // syntax check with the start values
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        IsospectralFinder.Solution s;
        try {
            s = IsospectralFinder.solve(family, start, unknowns, common.digits, IsospectralFinder.engine());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        GaussianConstants check = GaussianConstantsEngine.compute(
                Models.activation(s.expression()), Apfloat.ONE, Apfloat.ZERO, common.digits, 0);
        Map<String, Object> values = new LinkedHashMap<>();
        s.parameters().forEach((k, v) -> values.put(k, Output.number(Numbers.plain(v, common.digits))));
        new Output()
                .field("activation", template)
                .field("digits", common.digits)
                .field("solved", String.join(",", unknowns))
                .field("parameters", values)
                .field("eta_raw", Output.number(Numbers.plain(s.etaRaw(), common.digits)))
                .field("scale", Output.number(Numbers.plain(s.scale(), common.digits)))
                .field("expression", s.expression())
                .field("mean", Output.number(Numbers.plain(check.mean(), common.digits)))
                .field("eta", Output.number(Numbers.plain(check.eta(), common.digits)))
                .field("zeta", Output.number(Numbers.plain(check.zeta(), common.digits)))
                .field("error", Output.number(Numbers.plain(check.error(), 3)))
                .field("iterations", s.iterations())
                .emit(common, spec.commandLine().getOut());
        return 0;
    }
}
