package org.nrmt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.spectrum.ApStieltjesPoint;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.StieltjesPoint;
import org.nrmt.spectrum.UncertifiedPointException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nrmt stieltjes}: The Stieltjes transform G(z) on the certified physical branch. */
@Command(
        name = "stieltjes",
        mixinStandardHelpOptions = true,
        description = "The Stieltjes transform G(z) on the certified physical branch (theory/branch-selection.md).")
final class StieltjesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(
            names = "--z",
            paramLabel = "Z",
            required = true,
            converter = ComplexConverter.class,
            description = "Point z, like 0.3+0.01i or -0.5 (repeatable). Real z means z + i0.")
    List<Complex> zs;

    @Override
    public Integer call() {
        common.validate();
        ModelParams p = model.params();
        SpectralLaw biased = Models.biasLaw(model, model.phi(), model.psi(), common.digits);
        if (biased != null) {
            Output out = SpectrumOutput.inputs(p, common.digits, model).perPoint();
            for (Complex z : zs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("z_re", z.getReal());
                row.put("z_im", z.getImaginary());
                Complex g = null;
                try {
                    g = biased.stieltjes(z);
                } catch (UncertifiedPointException e) {
                    // reported as certified = false with no value, never a guessed branch
                }
                row.put("g_re", g == null ? null : g.getReal());
                row.put("g_im", g == null ? null : g.getImaginary());
                row.put("certified", g != null);
                out.point(row);
            }
            out.emit(common, spec.commandLine().getOut());
            return 0;
        }
        QuarticLaw law = Models.quarticLaw(model, common.digits);
        Output out = SpectrumOutput.inputs(p, common.digits).perPoint();
        for (Complex z : zs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("z_re", z.getReal());
            row.put("z_im", z.getImaginary());
            if (common.digits > 16) {
                ApStieltjesPoint ap = law.withDigits(common.digits).stieltjesAp(QuarticLaw.exact(z));
                row.put(
                        "g_re",
                        ap.certified() ? Output.number(Numbers.plain(ap.g().real(), common.digits)) : null);
                row.put(
                        "g_im",
                        ap.certified() ? Output.number(Numbers.plain(ap.g().imag(), common.digits)) : null);
                row.put("certified", ap.certified());
            } else {
                StieltjesPoint sp = law.stieltjesPoint(z);
                row.put("g_re", sp.certified() ? sp.g().getReal() : null);
                row.put("g_im", sp.certified() ? sp.g().getImaginary() : null);
                row.put("certified", sp.certified());
            }
            out.point(row);
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }
}
