package org.nrmt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nrmt moments}: m_1 … m_K exactly from the expansion of the quartic at z = ∞. */
@Command(
        name = "moments",
        mixinStandardHelpOptions = true,
        description = "Moments m_1 … m_K (atoms included), exact from the series of the quartic at infinity.")
final class MomentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(names = "--k", paramLabel = "K", description = "Number of moments (default: ${DEFAULT-VALUE}).")
    int k = 4;

    @Override
    public Integer call() {
        common.validate();
        if (k < 1 || k > 10_000) throw new UserInputException("--k must be in [1, 10000]", k);
        ModelParams p = model.params();
        SpectralLaw biased = Models.biasLaw(model, model.phi(), model.psi(), common.digits, true);
        if (biased != null) {
            if (k > 12) throw new UserInputException("with a bias --k must be in [1, 12] (contour moments)", k);
            List<Object> list = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                list.add(Output.number(biased.moment(j)));
            }
            SpectrumOutput.inputs(p, common.digits, model)
                    .field("moments", list)
                    .emit(common, spec.commandLine().getOut());
            return 0;
        }
        QuarticLaw law = Models.quarticLaw(model, common.digits).withDigits(Math.max(common.digits, 16));
        Apfloat[] m = law.moments(k);
        List<Object> list = new ArrayList<>();
        for (Apfloat v : m) {
            list.add(
                    common.digits <= 16
                            ? Output.number(v.doubleValue())
                            : Output.number(Numbers.plain(v, common.digits)));
        }
        Output out = SpectrumOutput.inputs(p, common.digits).field("moments", list);
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }
}
