package org.nrmt.verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nrmt.activation.Activation;
import org.nrmt.constants.DoubleConstants;
import org.nrmt.layers.LayerPropagation;
import org.nrmt.layers.LayerSpectrum;
import org.nrmt.memorization.MemorizationSimulation;
import org.nrmt.memorization.TrainingLoss;
import org.nrmt.model.LimitLaws;
import org.nrmt.model.Model;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EmpiricalSpectrum;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.BranchStudy;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * Runs one scenario: theory, simulation, comparison and the threshold checks. Every scenario is
 * its activation at s = σw σx = 1; its limit law is {@link LimitLaws#ofSimulation} of the simulated
 * shape (the one home of that question), its statistics {@link TheoryComparison}. Simulations use
 * one trial at a time on one OpenBLAS thread, so scenarios can run in parallel without
 * oversubscribing the cores (issue #4: two-thread OpenBLAS slowed 5–8× under load).
 */
final class ScenarioRunner {
    private static final int HISTOGRAM_BINS = 60;
    private static final int CURVE_POINTS = 400;
    /**
     * Resolution next to 0, relative to m1, of the per-neuron and per-sample bias comparisons
     * ({@link TheoryComparison}; theory/bias.md §9).
     */
    static final double ZERO_ROW_RESOLUTION = 1e-3;

    private final Simulator simulator;

    ScenarioRunner(EigenSolver solver) {
        this.simulator = new Simulator(Objects.requireNonNull(solver, "solver"), 1);
    }

    /** Runs the scenario; a failure becomes a result with its error (a miss), never an exception. */
    ScenarioResult run(Scenario sc) {
        long start = System.nanoTime();
        try {
            Outcome outcome = switch (sc.kind()) {
                case spectrum -> spectrum(sc);
                case ks_scaling -> scaling(sc);
                case memorization -> memorization(sc);
                case layers -> layers(sc);
                case branches -> branches(sc);
                case strategies -> Strategies.compare(quartic(sc));
                case timing -> Timings.run(sc, simulator);
            };
            return new ScenarioResult(sc, checks(sc, outcome), outcome, null, seconds(start));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            return ScenarioResult.failed(sc, e, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    private Outcome.Spectrum spectrum(Scenario sc) {
        SimulationSpec spec = spec(sc, sc.n0(), sc.n1(), sc.m());
        SpectralLaw law =
                tabulated(LimitLaws.ofSimulation(sc.activation(), spec, sc.seed(), sc.trials(), sc.sampledBias()));
        Model model = Model.of(sc.activation());
        DoubleConstants c = LimitLaws.constants(model);
        ModelParams p = LimitLaws.params(model, spec.phi(), spec.psi());
        SimulationResult sim = simulator.run(spec, centred(model, c), sc.trials(), sc.seed());
        EmpiricalSpectrum esd = sim.spectrum();
        boolean zeroRows = sc.bias() == BiasKind.neuron || sc.bias() == BiasKind.sample;
        double resolution = zeroRows ? ZERO_ROW_RESOLUTION * law.moment(1) : 0;
        TheoryComparison.Cdf cdf = TheoryComparison.Cdf.ofLaw(law);
        Comparison cmp = TheoryComparison.compare(esd, law, cdf, resolution, 0);
        double ksRaw = zeroRows ? TheoryComparison.ks(esd, law, cdf, 0) : cmp.ks();
        double[] window = window(law, esd);
        return new Outcome.Spectrum(
                c.mean(),
                p.eta(),
                p.zeta(),
                cmp.ks(),
                ksRaw,
                cmp.w1(),
                cmp.stieltjesMaxError(),
                cmp.atomTheory(),
                cmp.atomEmpirical(),
                cmp.momentsTheory(),
                cmp.momentsEmpirical(),
                histogram(esd, cmp.atomTheory() > 0, window),
                curve(law, window));
    }

    /** The simulated shape at unit scales with the scenario's bias. */
    private static SimulationSpec spec(Scenario sc, int n0, int n1, int m) {
        return new SimulationSpec(n0, n1, m, 1.0, 1.0, sc.bias(), sc.biasSigma());
    }

    /**
     * The quartic law's CDF is one quadrature per call: tabulate it once. The bias laws carry
     * their own CDF (theory/verification-harness.md §1), so they are used as they are.
     */
    private static SpectralLaw tabulated(SpectralLaw law) {
        return law instanceof QuarticLaw ? new TabulatedLaw(law) : law;
    }

    /**
     * f with its Gaussian mean E f(Z) subtracted, with a bias too (not {@link Model#centred}'s
     * E f(√(1 + σb²) Z)): the report's W1 and moments of the bias scenarios carry the outlier of this
     * centring; KS and the limit law do not depend on it (theory/verification.md §1).
     */
    private static CenteredActivation centred(Model model, DoubleConstants c) {
        Activation f = model.parsedActivation();
        return new CenteredActivation(f.toDoubleFunction(), c.mean(), f.text());
    }

    /**
     * The plotting window: the law's support widened by 10% of its span (and never cutting the
     * bulk of the eigenvalues), so that a rank-one outlier does not squeeze the bulk into one bin.
     */
    static double[] window(SpectralLaw law, EmpiricalSpectrum esd) {
        List<Interval> support = law.support();
        double lo = support.get(0).lo();
        double hi = support.get(support.size() - 1).hi();
        double pad = 0.1 * (hi - lo);
        return new double[] {Math.max(lo - pad, Math.min(0, esd.min())), hi + pad};
    }

    /**
     * The ESD as a density histogram over {@code window} of the eigenvalues off the atom (when the
     * law has one), normalised by all eigenvalues so that it integrates to the continuous mass;
     * eigenvalues outside the window (outliers) are counted in the label.
     */
    static Outcome.Series histogram(EmpiricalSpectrum esd, boolean dropAtom, double[] window) {
        double[] all = esd.sorted();
        double tol = esd.zeroTolerance();
        double lo = window[0];
        double hi = window[1];
        double w = (hi - lo) / HISTOGRAM_BINS;
        int[] counts = new int[HISTOGRAM_BINS];
        int outside = 0;
        for (double e : all) {
            if (dropAtom && Math.abs(e) <= tol) {
                continue;
            }
            if (e < lo || e > hi) {
                outside++;
                continue;
            }
            counts[Math.min(HISTOGRAM_BINS - 1, (int) ((e - lo) / w))]++;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            x.add(lo + b * w);
            y.add(counts[b] / (all.length * w));
        }
        // Step charts draw from point to point: close the last bin.
        x.add(hi);
        y.add(counts[HISTOGRAM_BINS - 1] / (all.length * w));
        return new Outcome.Series(
                outside == 0
                        ? "simulation"
                        : "simulation (" + outside + " outlier" + (outside == 1 ? "" : "s") + " beyond the window)",
                x,
                y);
    }

    /** The theory density on a grid over {@code window}; uncertified points are left out. */
    static Outcome.Series curve(SpectralLaw law, double[] window) {
        double lo = window[0];
        double hi = window[1];
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 1; i <= CURVE_POINTS; i++) {
            double xi = lo + (hi - lo) * i / CURVE_POINTS;
            try {
                double d = law.density(xi);
                if (Double.isFinite(d)) {
                    x.add(xi);
                    y.add(d);
                }
            } catch (UncertifiedPointException e) {
                // An uncertified point is not drawn: nrmt never plots a guessed branch.
            }
        }
        return new Outcome.Series("theory", x, y);
    }

    private Outcome.Scaling scaling(Scenario sc) {
        Model model = Model.of(sc.activation());
        CenteredActivation f = centred(model, LimitLaws.constants(model));
        List<Integer> n1s = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        for (int n1 : sc.sizes()) {
            int n0 = (int) Math.round(sc.psi() * n1);
            int m = (int) Math.round(n0 / sc.phi());
            // The law is taken at the simulated shape's own ratios, so rounding n0 and m costs nothing.
            SimulationSpec spec = spec(sc, n0, n1, m);
            SpectralLaw law = tabulated(LimitLaws.ofSimulation(sc.activation(), spec, sc.seed(), sc.trials(), false));
            SimulationResult sim = simulator.run(spec, f, sc.trials(), sc.seed());
            n1s.add(n1);
            ks.add(TheoryComparison.ks(sim.spectrum(), law, TheoryComparison.Cdf.ofLaw(law), 0));
        }
        return new Outcome.Scaling(n1s, ks, LogLogFit.of(n1s, ks));
    }

    private Outcome.Memorization memorization(Scenario sc) {
        double[] lambdas =
                sc.lambdas().stream().mapToDouble(Double::doubleValue).toArray();
        if (sc.activation() == null) {
            List<String> labels = new ArrayList<>();
            List<List<Double>> theory = new ArrayList<>();
            List<List<Double>> reference = new ArrayList<>();
            for (int i = 0; i < sc.zetas().size(); i++) {
                double zeta = sc.zetas().get(i);
                labels.add(Report.fmt(zeta, 4));
                Model model = Model.ofConstants(decimal(sc.eta()), decimal(zeta));
                theory.add(boxed(TrainingLoss.of(LimitLaws.params(model, sc.phi(), sc.psi()))
                        .along(lambdas)));
                List<Double> ref = new ArrayList<>();
                for (int j = 0; j < lambdas.length; j++) {
                    ref.add(sc.reference().get(i));
                }
                reference.add(ref);
            }
            return new Outcome.Memorization(sc.lambdas(), labels, theory, reference);
        }
        Model model = Model.of(sc.activation());
        double[] theory = TrainingLoss.of(LimitLaws.params(model, sc.phiValue(), sc.psiValue()))
                .along(lambdas);
        SimulationSpec spec = spec(sc, sc.n0(), sc.n1(), sc.m());
        SimulationResult sim = simulator.run(spec, centred(model, LimitLaws.constants(model)), sc.trials(), sc.seed());
        // The simulated side goes through the eigenvalues, independently of the theory's G′(−λ).
        double[] simulated = new double[lambdas.length];
        for (int t = 0; t < sim.trials(); t++) {
            double[] ev = sim.trial(t);
            for (int j = 0; j < lambdas.length; j++) {
                simulated[j] += MemorizationSimulation.spectralLoss(ev, sc.m(), lambdas[j]) / sim.trials();
            }
        }
        return new Outcome.Memorization(
                sc.lambdas(), List.of(sc.activation()), List.of(boxed(theory)), List.of(boxed(simulated)));
    }

    /**
     * Per layer, the KS of the data covariance to the input law and to the one-layer theory: the
     * quartic law of f scaled to η = 1 (ζ/η, φ = n/m, ψ = 1; theory/layers.md).
     */
    private static Outcome.Layers layers(Scenario sc) {
        if (!sc.n0().equals(sc.n1())) {
            throw new IllegalArgumentException(
                    "scenario " + sc.name() + ": layers need n0 = n1 (ψ = 1), got " + sc.n0() + " and " + sc.n1());
        }
        int n = sc.n1();
        int m = sc.m();
        Model model = Model.of(sc.activation());
        DoubleConstants raw = LimitLaws.constants(model);
        ModelParams p = LimitLaws.params(model, (double) n / m, 1.0);
        TabulatedLaw theory = new TabulatedLaw(QuarticLaw.of(new ModelParams(1.0, p.zeta() / p.eta(), p.phi(), 1.0)));
        LayerPropagation prop = new LayerPropagation(
                model.parsedActivation().toDoubleFunction(), raw.mean(), 1 / Math.sqrt(raw.eta()), theory::cdf);
        List<Double> toInput = new ArrayList<>();
        List<Double> toTheory = new ArrayList<>();
        for (LayerSpectrum l : prop.run(sc.depth(), n, m, sc.seed())) {
            if (l.layer() > 0) {
                toInput.add(l.ksToInputLaw());
                toTheory.add(l.ksToTheory());
            }
        }
        return new Outcome.Layers(toInput, toTheory);
    }

    /** The edge-precision study of theory/branch-selection.md §4 at the scenario's digits and distances. */
    private static Outcome.Branches branches(Scenario sc) {
        QuarticLaw law = quartic(sc);
        int[] d = sc.digits().stream().mapToInt(Integer::intValue).toArray();
        double[] deltas =
                sc.distances().stream().mapToDouble(Double::doubleValue).toArray();
        int ref = 2 * d[d.length - 1] + 20;
        List<BranchStudy.EdgePoint> pts = BranchStudy.edgeStudy(law, deltas, d, ref);
        List<List<Double>> error = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            List<Double> row = new ArrayList<>();
            for (BranchStudy.EdgePoint pt : pts) {
                row.add(pt.relErr()[i]);
            }
            error.add(row);
        }
        String edge = BranchStudy.upperEdge(law, d[d.length - 1]).toString(true);
        return new Outcome.Branches(edge, sc.distances(), sc.digits(), error);
    }

    /** The bias-free quartic law of the scenario's activation at its φ, ψ. */
    static QuarticLaw quartic(Scenario sc) {
        return QuarticLaw.of(LimitLaws.params(Model.of(sc.activation()), sc.phi(), sc.psi()));
    }

    /** The shortest decimal that reads back as this double (a scenario's number as written). */
    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v));
    }

    /** The threshold tests of a scenario, in the order of {@link Thresholds}' fields. */
    static List<Check> checks(Scenario sc, Outcome outcome) {
        Thresholds t = sc.thresholds();
        List<Check> out = new ArrayList<>();
        if (outcome instanceof Outcome.Spectrum s) {
            addMax(out, "ks", s.ks(), t.ks());
            addMax(out, "w1", s.w1(), t.w1());
            addMax(out, "stieltjes", s.stieltjes(), t.stieltjes());
            addMax(out, "atom", Math.abs(s.atomTheory() - s.atomEmpirical()), t.atom());
            addMax(out, "moments", s.momentError(), t.moments());
        } else if (outcome instanceof Outcome.Scaling s) {
            addMax(out, "|slope + 1|", Math.abs(s.fit().slope() + 1), t.slope());
            if (t.ks() != null) {
                addMax(out, "ks", s.ks().get(s.ks().size() - 1), t.ks());
            }
        } else if (outcome instanceof Outcome.Memorization m) {
            double rel = 0;
            double abs = 0;
            for (int i = 0; i < m.theory().size(); i++) {
                for (int j = 0; j < m.lambdas().size(); j++) {
                    double th = m.theory().get(i).get(j);
                    double cmp = m.compared().get(i).get(j);
                    rel = Math.max(rel, Math.abs(cmp - th) / Math.abs(th));
                    abs = Math.max(abs, Math.abs(cmp - th));
                    if (Double.isNaN(th) || Double.isNaN(cmp)) {
                        rel = Double.NaN;
                    }
                }
            }
            addMax(out, "e_train_rel", rel, t.eTrainRel());
            addMax(out, "e_train_abs", abs, t.eTrainAbs());
        } else if (outcome instanceof Outcome.Layers l) {
            addMax(
                    out,
                    "ks_layers_max",
                    l.ksToInput().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(Double.NaN),
                    t.ksLayersMax());
            if (t.ksDriftMin() != null) {
                out.add(Check.atLeast(
                        "ks_drift_min", l.ksToInput().get(l.ksToInput().size() - 1), t.ksDriftMin()));
            }
        } else if (outcome instanceof Outcome.Branches b) {
            List<Double> top = b.error().get(b.error().size() - 1);
            addMax(
                    out,
                    "branch_error",
                    top.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    t.branchError());
        } else if (outcome instanceof Outcome.Strategies s) {
            int certified = s.strategies().size() - 1;
            addMax(out, "phantom_mass", s.phantomMass().get(certified), t.phantomMass());
            addMax(out, "mass_defect", s.massDefect().get(certified), t.massDefect());
        }
        // Timings are reported, never thresholded: they depend on the machine's load.
        return out;
    }

    private static void addMax(List<Check> out, String metric, double value, Double limit) {
        if (limit != null) {
            out.add(Check.atMost(metric, value, limit));
        }
    }

    private static List<Double> boxed(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }
}
