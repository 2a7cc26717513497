package org.nrmt.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.simulation.Backend;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.CenteredActivation;
import org.nrmt.simulation.EigenSolver;
import org.nrmt.simulation.EigenSolvers;
import org.nrmt.simulation.SimulationResult;
import org.nrmt.simulation.SimulationSpec;
import org.nrmt.simulation.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nrmt simulate}: all eigenvalues of sampled M = YYᵀ/m, Y = f(WX + B) − mean, pooled over
 * trials in trial order; CSV column {@code eigenvalue}, or {@code --format npy}.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Eigenvalues of simulated M = YYᵀ/m, Y = f(WX + B) − E f (centred).")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Mixin
    SimulationOptions sim;

    @Override
    public Integer call() {
        common.validate();
        Prepared p = sim.prepare(model, common, spec.commandLine().getErr());
        SimulationResult r = p.run();
        if (common.format == OutputFormat.csv) {
            byte[] csv = csv(r.pooled());
            if (common.out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(new String(csv, StandardCharsets.US_ASCII));
                stdout.flush();
            } else {
                Output.writeAtomically(common.out, csv);
            }
            return 0;
        }
        if ("npy".equals(common.format.name())) {
            byte[] npy = npy(r);
            if (common.out == null) {
                throw new UserInputException("--format npy needs --out FILE", "stdout");
            }
            Output.writeAtomically(common.out, npy);
            return 0;
        }
        Output out = new Output()
                .field("activation", p.activationText())
                .field("mean", p.activation().mean())
                .field("n0", r.spec().n0())
                .field("n1", r.spec().n1())
                .field("m", r.spec().m())
                .field("trials", r.trials())
                .field("seed", r.seed())
                .field("backend", r.backend())
                .field("seconds", r.seconds())
                .perPoint();
        for (double v : r.pooled()) {
            out.point(Map.of("eigenvalue", v));
        }
        out.emit(common, spec.commandLine().getOut());
        return 0;
    }

    /**
     * The CSV {@link Output} renders for the column {@code eigenvalue} (header, then one plain
     * round-trip decimal per line), written directly: for 10⁴ values building the generic
     * per-point maps and the CSV printer costs more than the formatting.
     */
    static byte[] csv(double[] values) {
        StringBuilder sb = new StringBuilder(11 + 24 * values.length);
        sb.append("eigenvalue\n");
        for (double v : values) {
            appendPlain(sb, v);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Appends {@link Numbers#plain}(v) — the digits of {@link Double#toString} without trailing
     * zeros, in plain notation — by moving the decimal point in the string instead of through
     * BigDecimal (a few times faster, which shows at 10⁴ values per run).
     */
    static void appendPlain(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("non-finite number in output: " + v);
        }
        if (v == 0) {
            sb.append('0');
            return;
        }
        String s = Double.toString(Math.abs(v)); // d…d.d…d, then E±x when |v| < 1e-3 or ≥ 1e7
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exp = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = s.indexOf('.');
        char[] digits = new char[end - 1];
        s.getChars(0, dot, digits, 0);
        s.getChars(dot + 1, end, digits, dot);
        int point = dot + exp; // digits before the decimal point
        int from = 0;
        while (digits[from] == '0') {
            from++;
            point--;
        }
        int to = digits.length;
        while (digits[to - 1] == '0') {
            to--;
        }
        if (v < 0) {
            sb.append('-');
        }
        int len = to - from;
        if (point <= 0) {
            sb.append("0.");
            zeros(sb, -point);
            sb.append(digits, from, len);
        } else if (point >= len) {
            sb.append(digits, from, len);
            zeros(sb, point - len);
        } else {
            sb.append(digits, from, point).append('.').append(digits, from + point, len - point);
        }
    }

    private static void zeros(StringBuilder sb, int count) {
        for (int i = 0; i < count; i++) {
            sb.append('0');
        }
    }

    /** NumPy .npy v1.0: shape (n1,) for one trial, (trials, n1) otherwise; little-endian float64. */
    static byte[] npy(SimulationResult r) {
        String shape = r.trials() == 1
                ? "(" + r.spec().n1() + ",)"
                : "(" + r.trials() + ", " + r.spec().n1() + ")";
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        double[] values = r.pooled();
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93)
                .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 0);
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A simulation ready to run, with what the user should see about it. */
    record Prepared(
            SimulationSpec spec,
            CenteredActivation activation,
            Activation parsed,
            String activationText,
            Simulator simulator,
            int trials,
            long seed,
            IntConsumer progress,
            Runnable finish) {
        SimulationResult run() {
            try {
                return simulator.run(spec, activation, trials, seed, progress);
            } finally {
                finish.run();
            }
        }
    }

    /** Options shared by {@code simulate} and {@code compare}. */
    static final class SimulationOptions {
        @Option(names = "--n0", paramLabel = "N0", description = "Input dimension (default: ${DEFAULT-VALUE}).")
        int n0 = 1000;

        @Option(names = "--n1", paramLabel = "N1", description = "Width, the size of M (default: ${DEFAULT-VALUE}).")
        int n1 = 1000;

        @Option(names = "--m", paramLabel = "M", description = "Number of samples (default: ${DEFAULT-VALUE}).")
        int m = 2000;

        @Option(
                names = "--trials",
                paramLabel = "T",
                description = "Independent matrices, pooled (default: ${DEFAULT-VALUE}).")
        int trials = 1;

        @Option(
                names = "--threads",
                paramLabel = "N",
                description = "Java threads: trials in parallel, spare threads share a trial's sampling "
                        + "(default: the number of processors). OpenBLAS runs one thread per call.")
        Integer threads;

        @Option(
                names = "--backend",
                paramLabel = "B",
                description = "native (OpenBLAS/LAPACK, falls back to java if it does not load) or java (ojAlgo) "
                        + "(default: ${DEFAULT-VALUE}).")
        String backend = "native";

        /** Validates the options, resolves and centres the activation, and loads the backend. */
        Prepared prepare(ModelOptions model, CommonOptions common, PrintWriter err) {
            if (model.eta != null || model.zeta != null) {
                throw new UserInputException(
                        "simulation needs an activation (-f), not --eta/--zeta",
                        "eta=" + model.eta + " zeta=" + model.zeta);
            }
            if (model.phi != null || model.psi != null) {
                throw new UserInputException(
                        "simulation takes --n0 --n1 --m, not --phi/--psi", "phi=" + model.phi + " psi=" + model.psi);
            }
            requirePositive("--n0", n0);
            requirePositive("--n1", n1);
            requirePositive("--m", m);
            requirePositive("--trials", trials);
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            requirePositive("--threads", t);
            Backend b;
            try {
                b = Backend.parse(backend);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--backend must be native or java", backend);
            }
            double s = model.s();
            if (!(model.biasSigma >= 0) || !Double.isFinite(model.biasSigma)) {
                throw new UserInputException("--bias-sigma must be a finite number >= 0", model.biasSigma);
            }
            if (model.bias != BiasKind.none && model.biasSigma == 0) {
                throw new UserInputException("--bias " + model.bias + " needs --bias-sigma > 0", model.biasSigma);
            }
            SimulationSpec simSpec;
            try {
                simSpec = new SimulationSpec(n0, n1, m, model.sigmaW, model.sigmaX, model.bias, model.biasSigma);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            if (model.activation == null) {
                model.activation = "tanh";
            }
            String text = model.activation;
            Activation f = Models.activation(text);
            // Centre with the mean over pre-activation and bias, E f(√(s² + σb²) Z): a residual
            // row or column mean (e.g. μ(b_i) − mean with a bias) only adds one outlier eigenvalue.
            double sTotal = Math.sqrt(s * s + model.biasSigma * model.biasSigma);
            DoubleUnaryOperator fd = f.toDoubleFunction();
            double mean;
            try {
                mean = GaussianConstantsEngine.computeDouble(f, sTotal, 0).mean();
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            CenteredActivation centred = new CenteredActivation(fd, mean, text);
            EigenSolver solver = EigenSolvers.forBackend(b, msg -> {
                err.println("nrmt: " + msg);
                err.flush();
            });
            Simulator simulator = new Simulator(solver, t);
            simulator.checkMemory(simSpec, trials);
            IntConsumer progress = k -> {};
            Runnable finish = () -> {};
            if (common.progress()) {
                ProgressBar bar = new ProgressBar(err, trials, simSpec.shapeLabel());
                progress = bar::update;
                finish = bar::finish;
                bar.update(0);
            }
            return new Prepared(simSpec, centred, f, text, simulator, trials, common.seed, progress, finish);
        }
    }

    static void requirePositive(String name, int v) {
        if (v <= 0) {
            throw new UserInputException(name + " must be > 0", v);
        }
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    static final class ProgressBar {
        private final PrintWriter err;
        private final int total;
        private final String label;
        private final long start = System.nanoTime();

        ProgressBar(PrintWriter err, int total, String label) {
            this.err = err;
            this.total = total;
            this.label = label;
        }

        synchronized void update(int done) {
            int width = 30;
            int filled = (int) ((long) width * done / total);
            err.print(String.format(
                    Locale.ROOT,
                    "\r%s [%s%s] %d/%d trials  %.1f s",
                    label,
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    done,
                    total,
                    (System.nanoTime() - start) * 1e-9));
            err.flush();
        }

        synchronized void finish() {
            err.print("\r" + " ".repeat(label.length() + 60) + "\r");
            err.flush();
        }
    }
}
