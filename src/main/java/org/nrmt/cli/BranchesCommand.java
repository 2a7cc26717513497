package org.nrmt.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nrmt.spectrum.BranchStudy;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt branches}: the edge study of model.md §4 (density error against distance to λ₊ at
 * 16, 30, 50 digits), the phantom mass of the largest-|Im G| rule and the branch jump of
 * nearest-root tracking at a fixed small Im z; CSVs go to {@code --dir}.
 */
@Command(
        name = "branches",
        mixinStandardHelpOptions = true,
        description = "Branch-selection and precision study near the support edges (theory/branch-selection.md).")
final class BranchesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the study CSVs go (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("verification", "branches");

    @Option(
            names = "--deltas",
            paramLabel = "D",
            split = ",",
            description = "Distances below λ₊ (default: 1e-1 … 1e-14).")
    List<Double> deltas;

    @Option(names = "--phantom-phi", description = "φ of the phantom-mass experiment (default: ${DEFAULT-VALUE}).")
    double phantomPhi = 1;

    @Option(names = "--phantom-psi", description = "ψ of the phantom-mass experiment (default: ${DEFAULT-VALUE}).")
    double phantomPsi = 1;

    @Option(names = "--lateral-phi", description = "φ of the lateral-tracking experiment (default: ${DEFAULT-VALUE}).")
    double lateralPhi = 2;

    @Option(names = "--lateral-psi", description = "ψ of the lateral-tracking experiment (default: ${DEFAULT-VALUE}).")
    double lateralPsi = 0.5;

    @Override
    public Integer call() {
        common.validate();
        Models.requireNoBias(model, "branches");
        ModelParams p = model.params();
        double[] ds;
        if (deltas == null || deltas.isEmpty()) {
            ds = new double[14];
            for (int i = 0; i < ds.length; i++) ds[i] = Math.pow(10, -(i + 1));
        } else {
            ds = deltas.stream().mapToDouble(Double::doubleValue).toArray();
            for (double d : ds) if (!(d > 0) || d >= 1) throw new UserInputException("--deltas must be in (0, 1)", d);
        }
        int[] digits = {16, 30, 50};
        QuarticLaw law = Models.quarticLaw(model, common.digits);
        List<BranchStudy.EdgePoint> pts = BranchStudy.edgeStudy(law, ds, digits, 80);

        Output out = SpectrumOutput.inputs(p, common.digits).perPoint();
        StringBuilder csv = new StringBuilder(
                "delta,x,density_ref,rel_err_16,rel_err_30,rel_err_50,separation,certificate_margin,digits_used,agrees_double,agrees_argmax_im\n");
        for (BranchStudy.EdgePoint e : pts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", e.x());
            row.put("separation", e.separation());
            row.put("certificate_margin", e.certificateMargin());
            row.put("digits_used", e.digitsUsed());
            row.put("agrees_double", e.agreesDouble());
            row.put("agrees_argmax_im", e.agreesArgmaxIm());
            row.put("delta", e.delta());
            row.put("density_ref", e.densityRef());
            for (int i = 0; i < digits.length; i++) row.put("rel_err_" + digits[i], e.relErr()[i]);
            out.point(row);
            csv.append(Numbers.plain(e.delta()))
                    .append(',')
                    .append(Numbers.plain(e.x()))
                    .append(',')
                    .append(Numbers.plain(e.densityRef()));
            for (double r : e.relErr()) csv.append(',').append(Numbers.plain(r));
            csv.append(',')
                    .append(Numbers.plain(e.separation()))
                    .append(',')
                    .append(Numbers.plain(e.certificateMargin()))
                    .append(',')
                    .append(e.digitsUsed())
                    .append(',')
                    .append(e.agreesDouble())
                    .append(',')
                    .append(e.agreesArgmaxIm())
                    .append('\n');
        }
        Output.writeAtomically(dir.resolve("edge_study.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));

        // phantom mass of the largest-|Im G| rule on [−0.5, 0), where the true density is 0
        QuarticLaw ph = QuarticLaw.of(new ModelParams(p.eta(), p.zeta(), phantomPhi, phantomPsi));
        double phantom = BranchStudy.argmaxImMass(ph, -0.5, -1e-9, 20001);
        double certifiedOff = BranchStudy.certifiedLineMass(ph, -0.5, -1e-9, 0, 20001);
        String phantomCsv = "phi,psi,from,to,mass_argmax_im,mass_certified\n" + Numbers.plain(phantomPhi) + ","
                + Numbers.plain(phantomPsi) + ",-0.5,0," + Numbers.plain(phantom) + "," + Numbers.plain(certifiedOff)
                + "\n";
        Output.writeAtomically(dir.resolve("phantom_mass.csv"), phantomCsv.getBytes(StandardCharsets.UTF_8));

        // lateral nearest-root tracking at Im z = 1e-6 from x = −1 through the atom at 0
        QuarticLaw lat = QuarticLaw.of(new ModelParams(p.eta(), p.zeta(), lateralPhi, lateralPsi));
        List<Interval> sup = lat.support();
        double lo = sup.get(0).lo(), hi = sup.get(sup.size() - 1).hi();
        double lateral = BranchStudy.lateralTrackingMass(lat, -1, lo, hi, 1e-6, 40001);
        double exact = lat.continuousMass();
        String latCsv = "phi,psi,im_z,mass_lateral_nearest_root,mass_certified,atom\n" + Numbers.plain(lateralPhi) + ","
                + Numbers.plain(lateralPsi) + ",0.000001," + Numbers.plain(lateral) + "," + Numbers.plain(exact) + ","
                + Numbers.plain(lat.atomMass()) + "\n";
        Output.writeAtomically(dir.resolve("lateral_tracking.csv"), latCsv.getBytes(StandardCharsets.UTF_8));

        out.field("phantom_mass_argmax_im", phantom)
                .field("phantom_mass_certified", certifiedOff)
                .field("lateral_mass_nearest_root", lateral)
                .field("lateral_mass_certified", exact);
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }
}
