package org.nrmt.simulation;

import java.util.List;

/**
 * Theory against simulation, the fields of the {@code nrmt compare} contract (JSON names are the
 * lower_snake_case of these).
 *
 * @param ks                 Kolmogorov–Smirnov distance of the pooled ESD to the theory CDF
 * @param w1                 Wasserstein-1 distance \(\int|F_N - F|\)
 * @param atomTheory         theory mass at 0
 * @param atomEmpirical      fraction of eigenvalues with |λ| ≤ 1e-10·max|λ|
 * @param stieltjesMaxError  max |G_N(z) − G(z)| over the comparison points (Im z ≥ 0.1)
 * @param momentsTheory      m_1, m_2, m_3 of the law
 * @param momentsEmpirical   m_1, m_2, m_3 of the pooled eigenvalues
 * @param n1                 matrix size
 * @param trials             pooled trials
 * @param seconds            wall-clock seconds of simulation plus statistics
 */
public record Comparison(
        double ks,
        double w1,
        double atomTheory,
        double atomEmpirical,
        double stieltjesMaxError,
        List<Double> momentsTheory,
        List<Double> momentsEmpirical,
        int n1,
        int trials,
        double seconds) {
    public Comparison {
        momentsTheory = List.copyOf(momentsTheory);
        momentsEmpirical = List.copyOf(momentsEmpirical);
    }
}
