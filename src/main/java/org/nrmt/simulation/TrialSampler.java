package org.nrmt.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The random numbers of one trial and how its column work is split. Column j of G_W (n1×n0,
 * column-major) comes from stream {@code W_STREAM + j}, column μ of G_X (n0×m) from
 * {@code X_STREAM + μ} and the bias values (n1, m or 1 of them, times σb) from {@code BIAS_STREAM}
 * ({@link TrialSeeds}); standard normals by the McFarland ziggurat. Column ranges run as
 * {@code parallelism} fork-join tasks; the numbers do not depend on the split.
 */
final class TrialSampler {
    static final long W_STREAM = 0L;
    static final long X_STREAM = 1L << 40;
    static final long BIAS_STREAM = 2L << 40;

    /** Work on columns [from, to). */
    interface ColumnRange {
        void run(int from, int to);
    }

    /**
     * One task's view of a column-major matrix (on the heap or off it): copies between a column
     * buffer and the matrix at an element offset. A view is used by one task only.
     */
    interface Columns {
        void get(long offset, double[] column, int length);

        void put(long offset, double[] column, int length);
    }

    /** A heap array as {@link Columns}; heap arrays need no per-task view, so it serves every task. */
    static Columns heap(double[] a) {
        return new Columns() {
            @Override
            public void get(long offset, double[] column, int length) {
                System.arraycopy(a, (int) offset, column, 0, length);
            }

            @Override
            public void put(long offset, double[] column, int length) {
                System.arraycopy(column, 0, a, (int) offset, length);
            }
        };
    }

    private final long seed;
    private final int trial;
    private final int parallelism;

    TrialSampler(long seed, int trial, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.seed = seed;
        this.trial = trial;
        this.parallelism = parallelism;
    }

    /** Fills {@code buf[0, rows)} with column {@code stream} of the trial's Gaussians. */
    void gaussianColumn(long stream, double[] buf, int rows) {
        ZigguratSampler.NormalizedGaussian g =
                ZigguratSampler.NormalizedGaussian.of(TrialSeeds.generator(seed, trial, stream));
        for (int i = 0; i < rows; i++) {
            buf[i] = g.sample();
        }
    }

    /**
     * Runs {@code work} over [0, columns) in up to {@code parallelism} contiguous ranges, in the
     * calling fork-join pool when there is one.
     */
    void forColumns(int columns, ColumnRange work) {
        int chunks = Math.min(parallelism, columns);
        if (chunks <= 1) {
            work.run(0, columns);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) columns * c / chunks);
            int to = (int) ((long) columns * (c + 1) / chunks);
            tasks.add(ForkJoinTask.adapt(() -> work.run(from, to)));
        }
        ForkJoinTask.invokeAll(tasks);
    }

    /**
     * Fills the rows×cols matrix behind {@code views} with the trial's standard Gaussians, column j
     * from stream {@code stream + j}; {@code views} gives each task its own view.
     */
    void gaussianMatrix(int rows, int cols, long stream, Supplier<Columns> views) {
        forColumns(cols, (from, to) -> {
            Columns view = views.get();
            double[] buf = new double[rows];
            for (int j = from; j < to; j++) {
                gaussianColumn(stream + j, buf, rows);
                view.put((long) j * rows, buf, rows);
            }
        });
    }

    /**
     * Y from the n1×m product behind {@code views} in place: y_iμ = f(scale·z_iμ + B_iμ) − mean,
     * B from {@link #bias} (scale = α when the product is G_W G_X, 1 when it already carries α).
     */
    void activate(
            int n1,
            int m,
            double scale,
            SimulationSpec spec,
            double[] bias,
            CenteredActivation f,
            Supplier<Columns> views) {
        forColumns(m, (from, to) -> {
            Columns view = views.get();
            double[] col = new double[n1];
            for (int mu = from; mu < to; mu++) {
                long off = (long) mu * n1;
                view.get(off, col, n1);
                if (scale != 1) {
                    for (int i = 0; i < n1; i++) {
                        col[i] *= scale;
                    }
                }
                activateColumn(col, n1, mu, spec, bias, f);
                view.put(off, col, n1);
            }
        });
    }

    /** The bias values of the trial, σb·N(0,1) each. */
    double[] bias(SimulationSpec spec) {
        int count = (int) spec.biasCount();
        double[] b = new double[count];
        if (count > 0) {
            gaussianColumn(BIAS_STREAM, b, count);
            for (int i = 0; i < count; i++) {
                b[i] *= spec.biasSigma();
            }
        }
        return b;
    }

    /** α = σw σx / √n0: W X = α G_W G_X with G standard normal. */
    static double alpha(SimulationSpec spec) {
        return spec.sigmaW() * spec.sigmaX() / Math.sqrt(spec.n0());
    }

    /**
     * Column μ of Y from column μ of WX in place: y_i = f(z_i + B_iμ) − mean, with B from
     * {@link #bias}.
     */
    private static void activateColumn(
            double[] col, int n1, int mu, SimulationSpec spec, double[] bias, CenteredActivation f) {
        switch (spec.bias()) {
            case none -> {
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i]);
                }
            }
            case neuron -> {
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + bias[i]);
                }
            }
            case sample -> {
                double beta = bias[mu];
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + beta);
                }
            }
            case scalar -> {
                double beta = bias[0];
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + beta);
                }
            }
            default -> throw new IllegalStateException("unknown bias kind " + spec.bias());
        }
    }
}
