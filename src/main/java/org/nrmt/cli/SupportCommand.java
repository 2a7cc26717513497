package org.nrmt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.nrmt.bias.BiasLaws;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nrmt support}: support intervals (physical real roots of the discriminant) and atoms. */
@Command(
        name = "support",
        mixinStandardHelpOptions = true,
        description = "Support of the continuous part (edges at --digits digits) and the atoms.")
final class SupportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Override
    public Integer call() {
        common.validate();
        ModelParams p = model.params();
        SpectralLaw biased = Models.biasLaw(model, model.phi(), model.psi(), common.digits);
        if (biased != null) {
            List<Object> intervals = new ArrayList<>();
            for (Interval iv : biased.support()) {
                intervals.add(List.of(Output.number(iv.lo()), Output.number(iv.hi())));
            }
            Output out = SpectrumOutput.inputs(p, common.digits, model)
                    .field(
                            "bias_nodes",
                            BiasLaws.cdfMeasure(model.bias, model.biasSigma).size())
                    .field("intervals", intervals)
                    .field("atoms", atoms(biased.atoms()));
            out.emit(common, spec.commandLine().getOut());
            return 0;
        }
        QuarticLaw law = Models.quarticLaw(model, common.digits);
        int d = Math.max(common.digits, 16);
        List<Apfloat> edges = law.supportEdges(d);
        List<Object> intervals = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i += 2) {
            intervals.add(List.of(num(edges.get(i), d), num(edges.get(i + 1), d)));
        }
        Output out = SpectrumOutput.inputs(p, common.digits)
                .field("intervals", intervals)
                .field("atoms", atoms(law.atoms()));
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    private static List<Object> atoms(List<Atom> list) {
        List<Object> atoms = new ArrayList<>();
        for (Atom a : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("location", a.location());
            m.put("mass", a.mass());
            atoms.add(m);
        }
        return atoms;
    }

    private static Output.Num num(Apfloat v, int digits) {
        return digits <= 16 ? Output.number(v.doubleValue()) : Output.number(Numbers.plain(v, digits));
    }
}
