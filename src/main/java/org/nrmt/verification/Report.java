package org.nrmt.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nrmt.simulation.BiasKind;

/**
 * verification/REPORT.md and its figures, rendered from a {@link VerificationRun}. Everything
 * outside the section "Timings" is a function of the scenario file and the code only (fixed
 * seeds), so a rerun reproduces it byte for byte; timings are kept in their own section.
 *
 * @param markdown the report's text
 * @param figures  file name (relative to {@code figures/}) to PNG bytes, in report order
 */
public record Report(String markdown, Map<String, byte[]> figures) {

    /** Directory of the figures, relative to the report. */
    public static final String FIGURES = "figures";

    public Report {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Renders the report of a run. */
    public static Report of(VerificationRun run) {
        return new Renderer(run).render();
    }

    /**
     * Writes the figures, then REPORT.md, each atomically (temp file in the same directory,
     * then rename), so a reader never sees a half-written file.
     */
    public void write(Path outDir) {
        Path figDir = outDir.resolve(FIGURES);
        for (Map.Entry<String, byte[]> f : figures.entrySet()) {
            writeAtomically(figDir.resolve(f.getKey()), f.getValue());
        }
        writeAtomically(outDir.resolve("REPORT.md"), markdown.getBytes(StandardCharsets.UTF_8));
    }

    static void writeAtomically(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                readableByAll(tmp);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Temp files are created owner-only; a committed report must be readable by everyone. */
    private static void readableByAll(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default permissions apply.
        }
    }

    /**
     * v to {@code sig} significant digits: plain decimals for 1e-3 ≤ |v| &lt; 1e5, otherwise
     * scientific ({@code 1.2e-05}); locale-independent.
     */
    public static String fmt(double v, int sig) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v)
                    .round(new MathContext(sig))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%." + Math.max(0, sig - 1) + "e", v);
    }

    /** Builds the text section by section; figures are collected as they are referenced. */
    private static final class Renderer {
        private final VerificationRun run;
        private final StringBuilder md = new StringBuilder();
        private final Map<String, byte[]> figures = new LinkedHashMap<>();

        Renderer(VerificationRun run) {
            this.run = run;
        }

        Report render() {
            header();
            summary();
            spectra(false);
            spectra(true);
            scaling();
            memorization();
            layers();
            branches();
            strategies();
            timings();
            notes();
            return new Report(md.toString(), figures);
        }

        /** The results of a kind; when there are any, the section's heading is written. */
        private List<ScenarioResult> section(ScenarioKind kind, String title) {
            List<ScenarioResult> rs = ofKind(kind);
            if (!rs.isEmpty()) {
                md.append("## ").append(title).append("\n\n");
            }
            return rs;
        }

        /** Adds a figure and shows it in the text. */
        private void figure(String alt, String file, byte[] png) {
            figures.put(file, png);
            image(alt, file);
        }

        private List<ScenarioResult> ofKind(ScenarioKind kind) {
            return run.results().stream()
                    .filter(r -> r.scenario().kind() == kind)
                    .toList();
        }

        private void header() {
            md.append("# nrmt verification report\n\n");
            md.append("Generated by `")
                    .append(run.command())
                    .append("` from `verification/scenarios.json`: ")
                    .append(run.results().size())
                    .append(" scenario")
                    .append(run.results().size() == 1 ? "" : "s")
                    .append(run.fast() ? " (the fast CI subset)" : "")
                    .append(".\n");
            md.append("Every number outside the section *Timings* comes from fixed seeds and is reproduced exactly ")
                    .append("by rerunning the command; timings are wall-clock measurements of this machine and change ")
                    .append("from run to run. What each scenario checks, and where its threshold comes from, is in ")
                    .append("[theory/verification-harness.md](../theory/verification-harness.md).\n\n");
        }

        private void summary() {
            md.append("## Summary\n\n");
            List<ScenarioResult> misses = run.misses();
            int n = run.results().size();
            md.append("**")
                    .append(n - misses.size())
                    .append(" of ")
                    .append(n)
                    .append(" scenarios meet every threshold.**");
            if (misses.isEmpty()) {
                md.append(" No scenario misses its threshold.\n\n");
            } else {
                md.append(" Scenarios that miss a threshold:\n\n");
                for (ScenarioResult r : misses) {
                    md.append("- `")
                            .append(r.scenario().name())
                            .append("`: ")
                            .append(String.join("; ", r.misses()))
                            .append("\n");
                }
                md.append("\n");
            }
            tableHeader("scenario", "kind", "fast", "checks", "result");
            for (ScenarioResult r : run.results()) {
                List<String> checks = r.error() != null
                        ? List.of("did not run: " + oneLine(r.error()))
                        : r.checks().stream().map(Check::describe).toList();
                row(
                        code(r.scenario().name()),
                        r.scenario().kind().toString(),
                        r.scenario().fast() ? "yes" : "",
                        checks.isEmpty() ? "(reported, no threshold)" : oneLine(String.join("; ", checks)),
                        r.passed() ? "pass" : "**MISS**");
            }
            md.append("\n");
        }

        private void spectra(boolean withBias) {
            List<ScenarioResult> rs = ofKind(ScenarioKind.spectrum).stream()
                    .filter(r -> (r.scenario().bias() != BiasKind.none) == withBias)
                    .toList();
            if (rs.isEmpty()) {
                return;
            }
            if (withBias) {
                md.append("## Additive bias: theory against simulation\n\n");
                md.append("Y = f(WX + B) with the per-neuron, per-sample or scalar Gaussian bias of σb ")
                        .append(
                                "(theory/bias.md §1); theory from the bias laws, never from averaged constants. With a bias ")
                        .append(
                                "the entries keep a mean μ(b) that varies with b, which adds one outlier eigenvalue of ")
                        .append("order m·Var μ(b): it moves KS by at most 1/n1 but dominates W1 and the moments, so ")
                        .append("the moment error is shown for the record only. For the per-neuron and per-sample ")
                        .append("readings KS and W1 compare the CDFs at resolution 1e-3·m1 next to 0 (eigenvalues ")
                        .append("below count at 0, the theory's mass below is one jump): units whose bias switches f ")
                        .append("off (ReLU, b ≲ −3.5) have, at m = 2000, rows with few or no nonzero entries and ")
                        .append("eigenvalues at or just above 0 instead of the limit's tiny positive ones ")
                        .append(
                                "(theory/bias.md §9). Where that changes KS, the plain KS follows in brackets; the atom ")
                        .append("columns are always raw.\n\n");
            } else {
                md.append("## Theory against simulation\n\n");
                md.append("The pooled eigenvalues of M = YYᵀ/m against the certified limiting law. KS includes the ")
                        .append(
                                "atom at 0; the Stieltjes error is max |G_N(z) − G(z)| at Im z ≥ 0.1; the moment error ")
                        .append("is the largest relative error of m₁…m₃.\n\n");
            }
            List<String> head = new ArrayList<>(List.of("scenario", "activation"));
            if (withBias) {
                head.add("bias, σb");
            }
            head.addAll(List.of(
                    "n0/n1/m",
                    "trials",
                    "η",
                    "ζ",
                    "KS",
                    "KS limit",
                    "W1",
                    "Stieltjes err",
                    "atom theory",
                    "atom sim",
                    "moment err",
                    "result"));
            tableHeader(head.toArray(String[]::new));
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                List<String> cells = new ArrayList<>(List.of(code(sc.name()), code(sc.activation())));
                if (withBias) {
                    cells.add(sc.bias() + ", " + fmt(sc.biasSigma(), 3));
                }
                cells.add(sc.shapeLabel());
                cells.add(String.valueOf(sc.trials()));
                String ksLimit = limit(sc.thresholds().ks());
                if (r.outcome() instanceof Outcome.Spectrum s) {
                    cells.addAll(List.of(
                            fmt(s.eta(), 6),
                            fmt(s.zeta(), 6),
                            fmt(s.ks(), 3) + (s.ksRaw() != s.ks() ? " (" + fmt(s.ksRaw(), 3) + ")" : ""),
                            ksLimit,
                            fmt(s.w1(), 3),
                            fmt(s.stieltjes(), 3),
                            fmt(s.atomTheory(), 4),
                            fmt(s.atomEmpirical(), 4),
                            fmt(s.momentError(), 3)));
                } else {
                    cells.addAll(List.of("—", "—", "—", ksLimit, "—", "—", "—", "—", "—"));
                }
                cells.add(verdict(r));
                row(cells.toArray(String[]::new));
            }
            md.append("\n");
            for (ScenarioResult r : rs) {
                if (r.outcome() instanceof Outcome.Spectrum s) {
                    String file = r.scenario().name() + ".png";
                    figures.put(file, Figures.spectrum(r.scenario(), s));
                }
            }
            md.append("Figures (histogram of the simulation against the theory density): ");
            List<String> links = new ArrayList<>();
            for (ScenarioResult r : rs) {
                if (r.outcome() instanceof Outcome.Spectrum) {
                    links.add("[" + r.scenario().name() + "](" + FIGURES + "/"
                            + r.scenario().name() + ".png)");
                }
            }
            md.append(String.join(", ", links)).append(".\n\n");
            for (int i = 0; i < Math.min(2, rs.size()); i++) {
                if (rs.get(i).outcome() instanceof Outcome.Spectrum) {
                    image(rs.get(i).scenario().name(), rs.get(i).scenario().name() + ".png");
                }
            }
        }

        private void scaling() {
            List<ScenarioResult> rs = section(ScenarioKind.ks_scaling, "KS against n");
            if (rs.isEmpty()) {
                return;
            }
            md.append("Fixed ratios φ, ψ, growing n1, the same number of pooled trials at every size; the slope is ")
                    .append("the least-squares fit of log KS against log n1. For bounded activations KS ≈ c/n, so the ")
                    .append("slope should be within 0.2 of −1; unbounded activations are reported without a slope ")
                    .append("limit (their finite-n corrections decay more slowly).\n\n");
            tableHeader("scenario", "activation", "φ, ψ", "trials", "n1 → KS", "slope ± s.e.", "limit", "result");
            List<ScenarioResult> drawn = new ArrayList<>();
            List<String> slopeMisses = new ArrayList<>();
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                Double slopeLimit = sc.thresholds().slope();
                String limitText = slopeLimit == null ? "reported" : "−1 ± " + fmt(slopeLimit, 2);
                List<String> cells = new ArrayList<>(
                        List.of(code(sc.name()), code(sc.activation()), ratios(sc), String.valueOf(sc.trials())));
                if (r.outcome() instanceof Outcome.Scaling s) {
                    drawn.add(r);
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < s.n1().size(); i++) {
                        pairs.add(s.n1().get(i) + " → " + fmt(s.ks().get(i), 3));
                    }
                    cells.add(String.join(", ", pairs));
                    cells.add(fmt(s.fit().slope(), 3) + " ± " + fmt(s.fit().slopeError(), 2));
                    if (slopeLimit != null && Math.abs(s.fit().slope() + 1) > slopeLimit) {
                        slopeMisses.add(
                                "`" + sc.name() + "` (slope " + fmt(s.fit().slope(), 3) + ")");
                    }
                } else {
                    cells.add("—");
                    cells.add("—");
                }
                cells.add(limitText);
                cells.add(verdict(r));
                row(cells.toArray(String[]::new));
            }
            md.append("\n");
            md.append(
                    slopeMisses.isEmpty()
                            ? "Every bounded activation's slope is within its limit of −1.\n\n"
                            : "Slopes outside their limit: " + String.join(", ", slopeMisses) + ".\n\n");
            if (!drawn.isEmpty()) {
                figure("KS against n", "ks-scaling.png", Figures.ksScaling(drawn));
            }
        }

        private void memorization() {
            List<ScenarioResult> rs =
                    section(ScenarioKind.memorization, "Memorization: ridge training loss on random features");
            if (rs.isEmpty()) {
                return;
            }
            md.append(
                            "E_train(λ) = 1 − γ − γλ²G′(−λ) from the certified negative-axis G (theory/memorization.md §1) against ")
                    .append(
                            "(λ²/m) tr (K + λ)⁻² of simulated features (mean over the trials), or against the published ")
                    .append("values of PW §5. At γ > 1, E_train → 0 as λ → 0 and is carried by the smallest non-zero ")
                    .append("eigenvalues, whose finite-n bias is O(1/n) with a large constant; ")
                    .append(
                            "[memorization/scaling.md](memorization/scaling.md) (`verification/memorization/scaling.sh`) ")
                    .append("follows the relative error to n1 = 3000 and finds it falling like n1^(−1) to the theory; ")
                    .append(
                            "[memorization/floor.md](memorization/floor.md) (`verification/memorization/floor.sh`) splits it ")
                    .append(
                            "into a part that shrinks with n0 and a floor that i.i.d. matrices with the same limit law share ")
                    .append("at the same m (theory/memorization.md §5.2).\n\n");
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                md.append("**`")
                        .append(sc.name())
                        .append("`** (")
                        .append(
                                sc.activation() == null
                                        ? "η = " + fmt(sc.eta(), 4) + ", φ = " + fmt(sc.phi(), 3) + ", ψ = "
                                                + fmt(sc.psi(), 3)
                                        : "`" + sc.activation() + "`, n0/n1/m = " + sc.shapeLabel())
                        .append("): ")
                        .append(verdict(r))
                        .append("\n\n");
                if (!(r.outcome() instanceof Outcome.Memorization m)) {
                    continue;
                }
                boolean ref = sc.activation() == null;
                if (ref) {
                    tableHeader("ζ", "λ", "theory", "reference", "difference");
                } else {
                    tableHeader("λ", "theory", "simulation", "relative error");
                }
                for (int i = 0; i < m.labels().size(); i++) {
                    for (int j = 0; j < m.lambdas().size(); j++) {
                        double t = m.theory().get(i).get(j);
                        double c = m.compared().get(i).get(j);
                        String lambda = fmt(m.lambdas().get(j), 3);
                        if (ref) {
                            row(m.labels().get(i), lambda, fmt(t, 6), fmt(c, 6), fmt(Math.abs(t - c), 2));
                        } else {
                            row(lambda, fmt(t, 6), fmt(c, 6), fmt(Math.abs(c - t) / t, 2));
                        }
                    }
                }
                md.append("\n");
                if (!ref) {
                    String file = sc.name() + ".png";
                    figure(sc.name(), file, Figures.memorization(sc, m));
                }
            }
        }

        private void layers() {
            List<ScenarioResult> rs = section(ScenarioKind.layers, "Spectra through layers");
            if (rs.isEmpty()) {
                return;
            }
            md.append("Data X pushed through fresh random layers; per layer, the KS of the ESD of (1/m)YYᵀ to the ")
                    .append(
                            "input Marchenko–Pastur law and to the one-layer theory. ζ = 0 activations scaled to η = 1 ")
                    .append(
                            "keep the input law (isospectral, theory/layers.md §2); others drift, by the amount shown.\n\n");
            tableHeader(
                    "scenario",
                    "activation",
                    "n0/n1/m",
                    "KS to input law per layer",
                    "KS to one-layer theory per layer",
                    "result");
            List<ScenarioResult> drawn = new ArrayList<>();
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                if (r.outcome() instanceof Outcome.Layers l) {
                    drawn.add(r);
                    row(
                            code(sc.name()),
                            code(sc.activation()),
                            sc.shapeLabel(),
                            list(l.ksToInput(), 2),
                            list(l.ksToTheory(), 2),
                            verdict(r));
                } else {
                    row(code(sc.name()), code(sc.activation()), sc.shapeLabel(), "—", "—", verdict(r));
                }
            }
            md.append("\n");
            if (!drawn.isEmpty()) {
                figure("Spectra through layers", "layers.png", Figures.layers(drawn));
            }
        }

        private void branches() {
            List<ScenarioResult> rs = section(ScenarioKind.branches, "Branch precision near an edge");
            if (rs.isEmpty()) {
                return;
            }
            md.append(
                            "The density ρ(λ₊ − δ) = −Im G/π computed at 16 (double), 30 and 50 digits; relative error against a reference at 2·50 + 20 digits. ")
                    .append("Double precision loses accuracy like ε_mach/δ at distance δ from a square-root edge ")
                    .append("(theory/branch-selection.md §2); the apfloat tracker keeps its digits.\n\n");
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                md.append("**`")
                        .append(sc.name())
                        .append("`**: ")
                        .append(verdict(r))
                        .append("\n\n");
                if (!(r.outcome() instanceof Outcome.Branches b)) {
                    continue;
                }
                md.append("λ₊ = ").append(b.edge()).append("\n\n");
                List<String> head = new ArrayList<>(List.of("δ"));
                for (Integer d : b.digits()) {
                    head.add(d + " digits");
                }
                tableHeader(head.toArray(String[]::new));
                for (int j = 0; j < b.distances().size(); j++) {
                    List<String> cells =
                            new ArrayList<>(List.of(fmt(b.distances().get(j), 2)));
                    for (int i = 0; i < b.digits().size(); i++) {
                        cells.add(fmt(b.error().get(i).get(j), 2));
                    }
                    row(cells.toArray(String[]::new));
                }
                md.append("\n");
                String file = sc.name() + ".png";
                figure(sc.name(), file, Figures.branches(sc, b));
            }
        }

        private void strategies() {
            List<ScenarioResult> rs = section(ScenarioKind.strategies, "Root-selection strategies");
            if (rs.isEmpty()) {
                return;
            }
            md.append(
                            "Which root of the quartic is G? Phantom mass is the density a strategy puts outside the certified ")
                    .append(
                            "support; mass defect is |∫ρ + atoms − 1|. Largest |Im G| is what public scripts do; lateral ")
                    .append(
                            "tracking follows the nearest root along Re z at a small fixed Im z; nrmt descends vertically ")
                    .append("from large Im z with certified steps (theory/branch-selection.md §3).\n\n");
            tableHeader("scenario", "activation", "φ, ψ", "strategy", "phantom mass", "mass defect");
            for (ScenarioResult r : rs) {
                Scenario sc = r.scenario();
                if (!(r.outcome() instanceof Outcome.Strategies s)) {
                    row(code(sc.name()), code(sc.activation()), ratios(sc), "—", "—", verdict(r));
                    continue;
                }
                for (int i = 0; i < s.strategies().size(); i++) {
                    row(
                            code(sc.name()),
                            code(sc.activation()),
                            ratios(sc),
                            oneLine(s.strategies().get(i)),
                            fmt(s.phantomMass().get(i), 3),
                            fmt(s.massDefect().get(i), 3));
                }
            }
            md.append("\n");
            for (ScenarioResult r : rs) {
                if (r.outcome() instanceof Outcome.Strategies s) {
                    String file = r.scenario().name() + ".png";
                    figure(r.scenario().name(), file, Figures.strategies(r.scenario(), s));
                }
            }
        }

        private void timings() {
            List<ScenarioResult> rs = ofKind(ScenarioKind.timing);
            md.append("## Timings (not deterministic)\n\n");
            md.append("Wall-clock times of this run on this machine; they are the only numbers that change between ")
                    .append("runs. Baselines run as python3 snippets in the same run, best of several repeats, ")
                    .append("interpreter start-up excluded, one BLAS thread on both sides.\n\n");
            if (!rs.isEmpty()) {
                tableHeader("scenario", "what", "nrmt (s)", "baseline", "baseline (s)", "ratio baseline/nrmt", "note");
                for (ScenarioResult r : rs) {
                    if (r.outcome() instanceof Outcome.Timing t) {
                        Double b = t.baselineSeconds();
                        row(
                                code(r.scenario().name()),
                                t.what(),
                                fmt(t.nrmtSeconds(), 3),
                                t.baseline(),
                                b == null ? "—" : fmt(b, 3),
                                b == null ? "—" : fmt(b / t.nrmtSeconds(), 3),
                                oneLine(t.note()));
                    } else {
                        row(code(r.scenario().name()), "—", "—", "—", "—", "—", "did not run: " + oneLine(r.error()));
                    }
                }
                md.append("\n");
            }
            md.append("Wall time per scenario (all run in parallel, one OpenBLAS thread per task):\n\n");
            tableHeader("scenario", "seconds");
            for (ScenarioResult r : run.results()) {
                row(code(r.scenario().name()), fmt(r.seconds(), 3));
            }
            md.append("\nWhole run: ").append(fmt(run.seconds(), 3)).append(" s.\n\n");
        }

        private void notes() {
            if (run.selection().notes().isEmpty()) {
                return;
            }
            md.append("## Thresholds (from scenarios.json)\n\n");
            for (String n : run.selection().notes()) {
                md.append("- ").append(n).append("\n");
            }
            md.append("\n");
        }

        /** One table row: "| a | b | … |". */
        private void row(String... cells) {
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }

        /** A table's header row and its separator. */
        private void tableHeader(String... names) {
            row(names);
            md.append("|").append("---|".repeat(names.length)).append("\n");
        }

        private static String code(String s) {
            return "`" + s + "`";
        }

        private static String ratios(Scenario sc) {
            return fmt(sc.phi(), 3) + ", " + fmt(sc.psi(), 3);
        }

        private void image(String alt, String file) {
            md.append("![")
                    .append(alt)
                    .append("](")
                    .append(FIGURES)
                    .append("/")
                    .append(file)
                    .append(")\n\n");
        }

        private static String verdict(ScenarioResult r) {
            if (r.error() != null) {
                return "**MISS** (did not run: " + oneLine(r.error()) + ")";
            }
            if (r.checks().isEmpty()) {
                return "reported";
            }
            return r.passed() ? "pass" : "**MISS**: " + oneLine(String.join("; ", r.misses()));
        }

        private static String limit(Double v) {
            return v == null ? "—" : fmt(v, 3);
        }

        private static String list(List<Double> v, int sig) {
            List<String> s = new ArrayList<>();
            for (Double d : v) {
                s.add(fmt(d, sig));
            }
            return String.join(", ", s);
        }

        private static String oneLine(String s) {
            return s == null ? "" : s.replace('\n', ' ').replace("|", "\\|");
        }
    }
}
