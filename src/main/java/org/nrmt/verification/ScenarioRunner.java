package org.nrmt.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.nrmt.activation.Activation;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.Comparison;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EmpiricalSpectrum;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import org.nrmt.simulation.SpectralStatistics;
import org.nrmt.simulation.TheoryComparison;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.MixtureLaw;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * Runs one scenario: theory, simulation, comparison and the threshold checks. Simulations use
 * one trial at a time on one OpenBLAS thread, so scenarios can run in parallel without
 * oversubscribing the cores (issue #4: two-thread OpenBLAS slowed 5–8× under load).
 */
final class ScenarioRunner {
    /** Pre-activation scale s = σw σx of every scenario (the activation's own scale is in its text). */
    static final double S = 1.0;

    private static final int HISTOGRAM_BINS = 60;
    private static final int CURVE_POINTS = 400;
    private static final int W1_GRID = 400;
    /** Resolution next to 0, relative to m1, of the bias comparisons (see compare). */
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
                case strategies -> strategies(sc);
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
        Activation f = Activation.parse(sc.activation());
        Library.Constants c = Library.constants(f, S);
        SimulationSpec spec = new SimulationSpec(sc.n0(), sc.n1(), sc.m(), 1.0, 1.0, sc.bias(), sc.biasSigma());
        SpectralLaw law;
        if (sc.bias() == BiasKind.scalar) {
            // One β for the whole matrix: the PW quartic with the constants of f(· + β) (model.md §7).
            double beta = Library.drawnBias(spec, sc.seed(), 0)[0];
            Library.Constants cb = Library.constantsAtBias(f, S, beta);
            law = Library.quartic(new ModelParams(cb.eta(), cb.zeta(), sc.phiValue(), sc.psiValue()));
        } else if (sc.sampledBias()) {
            // T pooled trials follow the mixture of the T laws of each trial's own biases (the law
            // is not linear in the bias measure: pooling all biases into one law is a different law).
            List<SpectralLaw> parts = new ArrayList<>();
            for (int t = 0; t < sc.trials(); t++) {
                parts.add(Library.biasLawOfSamples(
                        sc.bias(), f, S, Library.drawnBias(spec, sc.seed(), t), sc.phiValue(), sc.psiValue()));
            }
            law = parts.size() == 1 ? parts.get(0) : new MixtureLaw(parts);
        } else {
            law = law(sc, f, c, sc.phiValue(), sc.psiValue());
        }
        law = tabulated(law);
        SimulationResult sim = simulator.run(spec, centred(f, c), sc.trials(), sc.seed());
        EmpiricalSpectrum esd = sim.spectrum();
        boolean zeroRows = sc.bias() == BiasKind.neuron || sc.bias() == BiasKind.sample;
        Comparison cmp = compare(esd, law, zeroRows);
        double ksRaw = zeroRows ? ks(esd, law, 0) : cmp.ks();
        return new Outcome.Spectrum(
                c.mean(),
                c.eta(),
                c.zeta(),
                cmp.ks(),
                ksRaw,
                cmp.w1(),
                cmp.stieltjesMaxError(),
                cmp.atomTheory(),
                cmp.atomEmpirical(),
                cmp.momentsTheory(),
                cmp.momentsEmpirical(),
                histogram(esd, cmp.atomTheory() > 0, window(law, esd)),
                curve(law, window(law, esd)));
    }

    private static SpectralLaw law(Scenario sc, Activation f, Library.Constants c, double phi, double psi) {
        if (sc.bias() == BiasKind.none) {
            return Library.quartic(new ModelParams(c.eta(), c.zeta(), phi, psi));
        }
        return Library.biasLaw(sc.bias(), f, S, sc.biasSigma(), phi, psi);
    }

    /** {@link #compare(EmpiricalSpectrum, SpectralLaw, boolean)} without the zero-row allowance. */
    static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law) {
        return compare(esd, law, false);
    }

    /**
     * The statistics of {@link TheoryComparison}, computed with the law's own CDF (the tabulated
     * quartic CDF, or the bias laws' CDF) rather than a table of densities: the bias
     * laws certify their CDF nodes, not every density point a generic table would ask for.
     *
     * <p>{@code zeroRows} (per-neuron and per-sample bias): KS and W1 compare the CDFs at
     * resolution r = {@link #ZERO_ROW_RESOLUTION}·m1 next to 0, i.e. eigenvalues in [0, r] count
     * at 0 and the theory's mass in [0, r] is one jump at 0; above r nothing changes. Units whose
     * bias all but switches f off (ReLU with b ≲ −3.5) have, at m = 2000, rows with a handful of
     * nonzero entries or none (then an exact zero eigenvalue), whose eigenvalues sit below the
     * limit law's (1 − γ)(s²(b) + ζ(b)/(1 + δ)) ≲ 1e-3·m1: a finite-m effect of the far tail of b.
     * The mass below r is still compared; the atom columns stay raw. theory/bias.md §9.
     */
    static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law, boolean zeroRows) {
        List<Atom> atoms = law.atoms();
        double atomTheory = 0;
        for (Atom a : atoms) {
            if (a.location() == 0.0) {
                atomTheory += a.mass();
            }
        }
        double resolution = zeroRows ? ZERO_ROW_RESOLUTION * law.moment(1) : 0;
        double[] sorted = resolvedSample(esd, atoms, resolution);
        DoubleUnaryOperator cdf = resolvedCdf(law, resolution);
        DoubleUnaryOperator left = resolvedLeft(law, atoms, resolution);
        double ks = SpectralStatistics.ks(sorted, cdf, left);
        List<Double> nodes = new ArrayList<>();
        for (Interval iv : law.support()) {
            for (int i = 0; i <= W1_GRID; i++) {
                nodes.add(iv.lo() + 0.5 * (1 - Math.cos(Math.PI * i / W1_GRID)) * iv.length());
            }
        }
        for (Atom a : atoms) {
            nodes.add(a.location());
        }
        if (resolution > 0) {
            nodes.add(0.0);
            nodes.add(resolution);
        }
        double w1 = SpectralStatistics.w1(
                sorted,
                cdf,
                left,
                nodes.stream().mapToDouble(Double::doubleValue).toArray());
        double stieltjes =
                SpectralStatistics.stieltjesMaxError(esd, law, SpectralStatistics.defaultStieltjesPoints(law));
        List<Double> mt = new ArrayList<>();
        List<Double> me = new ArrayList<>();
        for (int k = 1; k <= TheoryComparison.MOMENTS; k++) {
            mt.add(law.moment(k));
            me.add(esd.moment(k));
        }
        return new Comparison(ks, w1, atomTheory, esd.massNear(0.0), stieltjes, mt, me, esd.n1(), esd.trials(), 0.0);
    }

    /** KS of {@code esd} to {@code law} at the given resolution next to 0 (0: none), atoms snapped. */
    static double ks(EmpiricalSpectrum esd, SpectralLaw law, double resolution) {
        List<Atom> atoms = law.atoms();
        return SpectralStatistics.ks(
                resolvedSample(esd, atoms, resolution),
                resolvedCdf(law, resolution),
                resolvedLeft(law, atoms, resolution));
    }

    /** The sorted sample with atoms snapped and, at a resolution r > 0, every value ≤ r set to 0. */
    private static double[] resolvedSample(EmpiricalSpectrum esd, List<Atom> atoms, double resolution) {
        double[] sorted = esd.snappedTo(atoms).sorted();
        if (resolution > 0) {
            for (int i = 0; i < sorted.length && sorted[i] <= resolution; i++) {
                sorted[i] = 0.0;
            }
        }
        return sorted;
    }

    /** F, or at a resolution r > 0: F(r) on [0, r). */
    private static DoubleUnaryOperator resolvedCdf(SpectralLaw law, double resolution) {
        if (!(resolution > 0)) {
            return law::cdf;
        }
        double atR = law.cdf(resolution);
        return x -> x >= 0 && x < resolution ? atR : law.cdf(x);
    }

    /** Left limits: F(x−), or at a resolution r > 0: F(r) on (0, r]. */
    private static DoubleUnaryOperator resolvedLeft(SpectralLaw law, List<Atom> atoms, double resolution) {
        DoubleUnaryOperator raw = leftLimit(law, atoms);
        if (!(resolution > 0)) {
            return raw;
        }
        double atR = law.cdf(resolution);
        return x -> x > 0 && x <= resolution ? atR : raw.applyAsDouble(x);
    }

    /** KS distance with atoms snapped, on the law's own CDF. */
    static double ks(EmpiricalSpectrum esd, SpectralLaw law) {
        List<Atom> atoms = law.atoms();
        return SpectralStatistics.ks(esd.snappedTo(atoms).sorted(), law::cdf, leftLimit(law, atoms));
    }

    /** F(x−) = F(x) minus the mass of an atom exactly at x. */
    private static DoubleUnaryOperator leftLimit(SpectralLaw law, List<Atom> atoms) {
        return x -> {
            double f = law.cdf(x);
            for (Atom a : atoms) {
                if (a.location() == x) {
                    f -= a.mass();
                }
            }
            return f;
        };
    }

    /**
     * The quartic law's CDF is one quadrature per call: tabulate it once. The bias laws already
     * carry a cosine-series CDF, so they are used as they are.
     */
    private static SpectralLaw tabulated(SpectralLaw law) {
        return law instanceof QuarticLaw ? new TabulatedLaw(law) : law;
    }

    private static CenteredActivation centred(Activation f, Library.Constants c) {
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
        Activation f = Activation.parse(sc.activation());
        Library.Constants c = Library.constants(f, S);
        List<Integer> n1s = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        for (int n1 : sc.sizes()) {
            int n0 = (int) Math.round(sc.psi() * n1);
            int m = (int) Math.round(n0 / sc.phi());
            // The law is taken at the simulated shape's own ratios, so rounding n0 and m costs nothing.
            SpectralLaw law = tabulated(law(sc, f, c, (double) n0 / m, (double) n0 / n1));
            SimulationSpec spec = new SimulationSpec(n0, n1, m, 1.0, 1.0, sc.bias(), sc.biasSigma());
            SimulationResult sim = simulator.run(spec, centred(f, c), sc.trials(), sc.seed());
            n1s.add(n1);
            ks.add(ks(sim.spectrum(), law));
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
                theory.add(boxed(Library.trainingLoss(new ModelParams(sc.eta(), zeta, sc.phi(), sc.psi()), lambdas)));
                List<Double> ref = new ArrayList<>();
                for (int j = 0; j < lambdas.length; j++) {
                    ref.add(sc.reference().get(i));
                }
                reference.add(ref);
            }
            return new Outcome.Memorization(sc.lambdas(), labels, theory, reference);
        }
        Activation f = Activation.parse(sc.activation());
        Library.Constants c = Library.constants(f, S);
        double[] theory =
                Library.trainingLoss(new ModelParams(c.eta(), c.zeta(), sc.phiValue(), sc.psiValue()), lambdas);
        SimulationSpec spec = new SimulationSpec(sc.n0(), sc.n1(), sc.m(), 1.0, 1.0, sc.bias(), sc.biasSigma());
        SimulationResult sim = simulator.run(spec, centred(f, c), sc.trials(), sc.seed());
        double[] simulated = new double[lambdas.length];
        for (int t = 0; t < sim.trials(); t++) {
            double[] e = trainingLoss(sim.trial(t), sc.m(), lambdas);
            for (int j = 0; j < lambdas.length; j++) {
                simulated[j] += e[j] / sim.trials();
            }
        }
        return new Outcome.Memorization(
                sc.lambdas(), List.of(sc.activation()), List.of(boxed(theory)), List.of(boxed(simulated)));
    }

    /**
     * \( E = \frac{\lambda^2}{m} \operatorname{tr}(K + \lambda)^{-2} \) from the eigenvalues of
     * M = YYᵀ/m: K = YᵀY/m (m×m) has the min(n1, m) largest eigenvalues of M and m − n1 zeros when
     * n1 < m. Independent of the memorization package, which goes through G′(−λ).
     */
    static double[] trainingLoss(double[] eigenvaluesOfM, int m, double[] lambdas) {
        double[] ev = eigenvaluesOfM.clone();
        Arrays.sort(ev);
        int n1 = ev.length;
        int k = Math.min(n1, m);
        double[] out = new double[lambdas.length];
        for (int j = 0; j < lambdas.length; j++) {
            double lam = lambdas[j];
            double sum = 0;
            for (int i = n1 - k; i < n1; i++) {
                double d = Math.max(ev[i], 0) + lam;
                sum += 1 / (d * d);
            }
            sum += Math.max(0, m - n1) / (lam * lam);
            out[j] = lam * lam * sum / m;
        }
        return out;
    }

    private Outcome.Layers layers(Scenario sc) {
        Activation f = Activation.parse(sc.activation());
        if (!sc.n0().equals(sc.n1())) {
            throw new IllegalArgumentException(
                    "scenario " + sc.name() + ": layers need n0 = n1 (ψ = 1), got " + sc.n0() + " and " + sc.n1());
        }
        return Library.layers(f, sc.depth(), sc.n1(), sc.m(), sc.seed());
    }

    private Outcome.Branches branches(Scenario sc) {
        Activation f = Activation.parse(sc.activation());
        Library.Constants c = Library.constants(f, S);
        return Library.branchStudy(new ModelParams(c.eta(), c.zeta(), sc.phi(), sc.psi()), sc.digits(), sc.distances());
    }

    private Outcome.Strategies strategies(Scenario sc) {
        Activation f = Activation.parse(sc.activation());
        Library.Constants c = Library.constants(f, S);
        return Library.strategies(new ModelParams(c.eta(), c.zeta(), sc.phi(), sc.psi()));
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
