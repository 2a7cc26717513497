package org.nrmt.verification;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.complex.Complex;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.model.LimitLaws;
import org.nrmt.model.Model;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;

/**
 * Timing scenarios: nrmt and its python baseline on the same task in the same run, best of
 * {@link #REPEATS} after a warm-up on both sides. When python3 with numpy and mpmath is missing
 * the baseline is skipped with a note; the nrmt time is still reported.
 */
final class Timings {
    static final int REPEATS = 3;

    private Timings() {}

    static Outcome.Timing run(Scenario sc, Simulator simulator) {
        Model model = Model.of(sc.activation());
        Optional<String> python = PythonBaseline.versions();
        return switch (sc.task()) {
            case constants -> constants(sc, model.parsedActivation(), python);
            case simulate -> simulate(sc, model, simulator, python);
            case density -> density(sc, LimitLaws.params(model, sc.phi(), sc.psi()), python);
            case stieltjes50 -> stieltjes(sc, LimitLaws.params(model, sc.phi(), sc.psi()), python);
        };
    }

    private static Outcome.Timing constants(Scenario sc, Activation f, Optional<String> python) {
        int digits = sc.digits().get(0);
        double nrmt = best(() -> GaussianConstantsEngine.compute(f, 1.0, digits));
        String what = "η, ζ of `" + sc.activation() + "` at " + digits + " digits";
        if (!"tanh".equals(sc.activation())) {
            return new Outcome.Timing(what, nrmt, "mpmath", null, "baseline snippet is written for tanh only");
        }
        return baseline(
                what,
                nrmt,
                "mpmath.quad",
                python,
                () -> PythonBaseline.seconds(PythonBaseline.constantsScript(digits, REPEATS)),
                "mpmath.quad on (−∞,0] ∪ [0,∞), mp.dps = " + digits);
    }

    private static Outcome.Timing simulate(Scenario sc, Model model, Simulator simulator, Optional<String> python) {
        DoubleConstants c = LimitLaws.constants(model);
        Activation f = model.parsedActivation();
        SimulationSpec spec = SimulationSpec.of(sc.n0(), sc.n1(), sc.m());
        CenteredActivation ca = new CenteredActivation(f.toDoubleFunction(), c.mean(), f.text());
        simulator.run(spec, ca, 1, sc.seed());
        double nrmt = Double.POSITIVE_INFINITY;
        for (int r = 0; r < REPEATS; r++) {
            SimulationResult res = simulator.run(spec, ca, 1, sc.seed() + r + 1);
            nrmt = Math.min(nrmt, res.seconds());
        }
        String what = "sample W, X, Y = f(WX), M = YYᵀ/m, all eigenvalues, n0/n1/m = " + sc.shapeLabel();
        if (!"tanh".equals(sc.activation())
                || !sc.n0().equals(sc.n1())
                || !sc.n1().equals(sc.m())) {
            return new Outcome.Timing(what, nrmt, "numpy", null, "baseline snippet is written for tanh, n0 = n1 = m");
        }
        final double best = nrmt;
        return baseline(
                what,
                best,
                "numpy",
                python,
                () -> PythonBaseline.seconds(PythonBaseline.simulateScript(sc.n1(), REPEATS)),
                "numpy default_rng, W @ X, Y @ Y.T, eigvalsh; OPENBLAS_NUM_THREADS=1 on both sides");
    }

    private static Outcome.Timing density(Scenario sc, ModelParams p, Optional<String> python) {
        // the support widened by 5% on each side
        List<Interval> support = QuarticLaw.of(p).support();
        double pad =
                0.05 * (support.get(support.size() - 1).hi() - support.get(0).lo());
        double[] range = {
            support.get(0).lo() - pad, support.get(support.size() - 1).hi() + pad
        };
        int points = sc.points();
        double nrmt = best(() -> QuarticLaw.of(p).densityGrid(range[0], range[1], points));
        String what = points + " density points of `" + sc.activation() + "` (φ = " + Report.fmt(sc.phi(), 3) + ", ψ = "
                + Report.fmt(sc.psi(), 3) + "), double";
        return baseline(
                what,
                nrmt,
                "numpy",
                python,
                () -> PythonBaseline.seconds(PythonBaseline.densityScript(
                        p.eta(), p.zeta(), sc.phi(), sc.psi(), range[0], range[1], points, REPEATS)),
                "nrmt: certified tracker; numpy: batched companion eigvals + largest |Im G| (uncertified, "
                        + "phantom-prone)");
    }

    private static Outcome.Timing stieltjes(Scenario sc, ModelParams p, Optional<String> python) {
        int digits = sc.digits().get(0);
        double zRe = 0.7;
        double zIm = 1e-3;
        double nrmt =
                best(() -> QuarticLaw.of(p).withDigits(digits).stieltjesAp(QuarticLaw.exact(new Complex(zRe, zIm))));
        String what = "one G(" + zRe + " + " + zIm + "i) at " + digits + " digits, `" + sc.activation() + "`";
        return baseline(
                what,
                nrmt,
                "mpmath.polyroots",
                python,
                () -> PythonBaseline.seconds(PythonBaseline.stieltjesScript(
                        Double.toString(p.eta()),
                        Double.toString(p.zeta()),
                        Double.toString(sc.phi()),
                        Double.toString(sc.psi()),
                        zRe,
                        zIm,
                        digits,
                        REPEATS)),
                "nrmt: certified apfloat tracker; mpmath: polyroots + largest |Im G| (uncertified)");
    }

    interface Task {
        void run();
    }

    interface Measured {
        double seconds() throws IOException;
    }

    private static double best(Task task) {
        task.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < REPEATS; r++) {
            long t = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - t) * 1e-9);
        }
        return best;
    }

    private static Outcome.Timing baseline(
            String what, double nrmt, String name, Optional<String> python, Measured m, String note) {
        if (python.isEmpty()) {
            return new Outcome.Timing(what, nrmt, name, null, "skipped: python3 with numpy and mpmath not found");
        }
        try {
            return new Outcome.Timing(what, nrmt, name, m.seconds(), note + " (" + python.get() + ")");
        } catch (IOException e) {
            return new Outcome.Timing(what, nrmt, name, null, "baseline failed: " + e.getMessage());
        }
    }
}
