package org.nrmt.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a sweep's results: a task's grid keys and trial, its sizes, and the comparison of its
 * eigenvalues with the certified limit law (the fields of {@code nrmt compare}; theory/sweeps.md
 * §3). No timing: the same task gives the same row on every engine and worker count.
 *
 * @param task              the task
 * @param ks                Kolmogorov–Smirnov distance to the limit law's CDF
 * @param w1                Wasserstein-1 distance
 * @param stieltjesMaxError max |G_N(z) − G(z)| over the comparison points
 * @param atomTheory        the law's mass at 0
 * @param atomEmpirical     share of eigenvalues within the zero tolerance of 0
 * @param momentsTheory     m_1 … m_3 of the law
 * @param momentsEmpirical  m_1 … m_3 of the eigenvalues
 * @param histogram         counts below, in each bin, above (SPEC {@code histogram}), or empty
 */
public record SweepRow(
        SweepTask task,
        double ks,
        double w1,
        double stieltjesMaxError,
        double atomTheory,
        double atomEmpirical,
        List<Double> momentsTheory,
        List<Double> momentsEmpirical,
        List<Long> histogram)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Moments per row. */
    public static final int MOMENTS = 3;

    public SweepRow {
        Objects.requireNonNull(task, "task");
        momentsTheory = List.copyOf(momentsTheory);
        momentsEmpirical = List.copyOf(momentsEmpirical);
        histogram = List.copyOf(histogram);
        if (momentsTheory.size() != MOMENTS || momentsEmpirical.size() != MOMENTS) {
            throw new IllegalArgumentException("a row has " + MOMENTS + " moments, got " + momentsTheory.size());
        }
    }

    /** The column names of results.csv and results.parquet, in order (histogram columns last, if any). */
    public static List<String> columns(boolean histogram) {
        List<String> c = new ArrayList<>(List.of(
                "activation",
                "n0",
                "phi",
                "psi",
                "bias",
                "bias_sigma",
                "sigma_w",
                "sampled_bias",
                "trial",
                "seed",
                "n1",
                "m",
                "ks",
                "w1",
                "stieltjes_max_error",
                "atom_theory",
                "atom_empirical"));
        for (String side : List.of("theory", "empirical")) {
            for (int k = 1; k <= MOMENTS; k++) {
                c.add("moment" + k + "_" + side);
            }
        }
        if (histogram) c.addAll(List.of("histogram_below", "histogram_above", "histogram"));
        return List.copyOf(c);
    }
}
