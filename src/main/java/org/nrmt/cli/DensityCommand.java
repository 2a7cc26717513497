package org.nrmt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.bias.BiasLaw;
import org.nrmt.bias.BiasPoint;
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

/** {@code nrmt density}: ρ(x) = −Im G(x + i0)/π on a grid or at given points, each certified. */
@Command(
        name = "density",
        mixinStandardHelpOptions = true,
        description = "Density of the continuous part, ρ(x) = −Im G(x+i0)/π, certified per point.")
final class DensityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(names = "--from", paramLabel = "A", description = "Grid start.")
    Double from;

    @Option(names = "--to", paramLabel = "B", description = "Grid end.")
    Double to;

    @Option(names = "--points", paramLabel = "N", description = "Grid size (default: ${DEFAULT-VALUE}).")
    int points = 201;

    @Option(names = "--x", paramLabel = "X", split = ",", description = "Explicit points instead of a grid.")
    List<Double> xs;

    @Override
    public Integer call() {
        common.validate();
        ModelParams p = model.params();
        double[] x;
        if (xs != null && !xs.isEmpty()) {
            if (from != null || to != null)
                throw new UserInputException("give either --x or --from/--to, not both", xs);
            x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        } else {
            if (from == null || to == null)
                throw new UserInputException("--from and --to (or --x) are required", "nothing");
            if (points < 1 || points > 100_000_000)
                throw new UserInputException("--points must be in [1, 1e8]", points);
            if (!(from <= to)) throw new UserInputException("--from must not exceed --to", from + " > " + to);
            x = new double[points];
            for (int i = 0; i < points; i++) x[i] = points == 1 ? from : from + (to - from) * i / (points - 1);
        }
        for (double v : x) if (!Double.isFinite(v)) throw new UserInputException("x must be finite", v);
        SpectralLaw biased = Models.biasLaw(model, model.phi(), model.psi(), common.digits);
        if (biased != null) {
            return biasDensity(p, biased, x);
        }
        QuarticLaw law = Models.quarticLaw(model, common.digits);
        Output out = SpectrumOutput.inputs(p, common.digits).perPoint();
        if (common.digits > 16) {
            QuarticLaw hp = law.withDigits(common.digits);
            Apfloat pi = ApfloatMath.pi(common.digits + 10L);
            for (double xi : x) {
                ApStieltjesPoint ap =
                        hp.stieltjesAp(QuarticLaw.exact(new org.apache.commons.math3.complex.Complex(xi, 0)));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", xi);
                boolean c = ap.certified();
                row.put(
                        "density",
                        c ? Output.number(Numbers.plain(ap.g().imag().negate().divide(pi), common.digits)) : null);
                row.put("g_re", c ? Output.number(Numbers.plain(ap.g().real(), common.digits)) : null);
                row.put("g_im", c ? Output.number(Numbers.plain(ap.g().imag(), common.digits)) : null);
                row.put("certified", c);
                out.point(row);
            }
        } else {
            List<StieltjesPoint> pts = law.stieltjesOnLine(x, 0);
            for (int i = 0; i < x.length; i++) {
                StieltjesPoint sp = pts.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", x[i]);
                boolean c = sp.certified();
                row.put("density", c ? sp.density() + 0.0 : null);
                row.put("g_re", c ? sp.g().getReal() : null);
                row.put("g_im", c ? sp.g().getImaginary() + 0.0 : null);
                row.put("certified", c);
                out.point(row);
            }
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Density of a bias law: per-neuron and per-sample laws solve their systems along the grid
     * (BiasLaw#densities, each point certified or refused); the scalar-bias mixture of quartic laws
     * gives ρ(x) directly. A refused point is printed with certified = false and no value.
     */
    private Integer biasDensity(ModelParams p, SpectralLaw law, double[] x) {
        Output out = SpectrumOutput.inputs(p, common.digits, model).perPoint();
        BiasPoint[] pts = law instanceof BiasLaw b ? b.densities(x) : null;
        for (int i = 0; i < x.length; i++) {
            Double density = null;
            Double gRe = null;
            Double gIm = null;
            if (pts != null && pts[i].certified() && x[i] > 0) {
                density = pts[i].density() + 0.0;
                gRe = pts[i].g().getReal();
                gIm = pts[i].g().getImaginary() + 0.0;
            } else {
                try {
                    density = law.density(x[i]) + 0.0;
                } catch (UncertifiedPointException e) {
                    density = null; // refused, never guessed
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", x[i]);
            row.put("density", density);
            row.put("g_re", gRe);
            row.put("g_im", gIm);
            row.put("certified", density != null);
            out.point(row);
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }
}
