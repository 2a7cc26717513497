package org.nrmt.verification;

import java.util.List;

/** The kind-specific numbers of a {@link ScenarioResult}, used by the report's tables and figures. */
public sealed interface Outcome {

    /**
     * Theory against one simulation.
     *
     * @param mean             E f(sZ), subtracted before forming M
     * @param eta              η of the centred activation
     * @param zeta             ζ of the centred activation
     * @param ks               KS distance (bias scenarios: at resolution 1e-3·m1 next to 0, theory/bias.md §9)
     * @param ksRaw            KS distance without that resolution (equal to ks elsewhere)
     * @param w1               Wasserstein-1 distance
     * @param stieltjes        max |G_N − G| at Im z ≥ 0.1
     * @param atomTheory       theory mass at 0
     * @param atomEmpirical    empirical mass at 0
     * @param momentsTheory    m_1…m_3 of the law
     * @param momentsEmpirical m_1…m_3 of the pooled eigenvalues
     * @param histogram        the pooled ESD as a density histogram (nonzero eigenvalues)
     * @param curve            the theory density on a grid
     */
    record Spectrum(
            double mean,
            double eta,
            double zeta,
            double ks,
            double ksRaw,
            double w1,
            double stieltjes,
            double atomTheory,
            double atomEmpirical,
            List<Double> momentsTheory,
            List<Double> momentsEmpirical,
            Series histogram,
            Series curve)
            implements Outcome {

        /** max_k |m_k^emp − m_k| / |m_k| over k = 1…3. */
        public double momentError() {
            double worst = 0;
            for (int k = 0; k < momentsTheory.size(); k++) {
                double t = momentsTheory.get(k);
                worst = Math.max(worst, Math.abs(momentsEmpirical.get(k) - t) / Math.abs(t));
            }
            return worst;
        }
    }

    /**
     * KS against n with the least-squares fit log KS = a + slope · log n.
     *
     * @param n1        sizes
     * @param ks        KS at each size (pooled over the same number of trials)
     * @param fit       the fitted line
     */
    record Scaling(List<Integer> n1, List<Double> ks, LogLogFit fit) implements Outcome {}

    /**
     * Training loss against λ: theory next to simulation, or theory next to published references.
     *
     * @param lambdas    ridge parameters
     * @param labels     one label per curve (the activation, or η/ζ per reference)
     * @param theory     theory curves, one per label, over {@code lambdas}
     * @param compared   simulation or reference values, same shape as {@code theory}
     */
    record Memorization(
            List<Double> lambdas, List<String> labels, List<List<Double>> theory, List<List<Double>> compared)
            implements Outcome {}

    /**
     * Spectra through layers.
     *
     * @param ksToInput   per layer, KS of the layer's ESD to the input Marchenko–Pastur law
     * @param ksToTheory  per layer, KS to the one-layer theory applied to the previous layer's law
     */
    record Layers(List<Double> ksToInput, List<Double> ksToTheory) implements Outcome {}

    /**
     * Error of G near a square-root edge at several precisions.
     *
     * @param edge       the edge λ₊ (as computed at the highest precision)
     * @param distances  δ, evaluation at λ₊ − δ
     * @param digits     the precisions
     * @param error      error[i][j]: relative error of G at digits[i], distance[j] against a
     *                   reference at higher precision
     */
    record Branches(String edge, List<Double> distances, List<Integer> digits, List<List<Double>> error)
            implements Outcome {}

    /**
     * Root-selection strategies on one shape.
     *
     * @param strategies  names
     * @param phantomMass density mass outside the certified support, per strategy
     * @param massDefect  |∫ρ + atoms − 1|, per strategy
     * @param densities   each strategy's density on a common grid (for the figure)
     */
    record Strategies(
            List<String> strategies, List<Double> phantomMass, List<Double> massDefect, List<Series> densities)
            implements Outcome {}

    /**
     * nrmt against a python baseline, measured in the same run.
     *
     * @param what           what was timed
     * @param nrmtSeconds    best wall time of nrmt
     * @param baseline       the baseline's name (numpy, mpmath)
     * @param baselineSeconds best wall time of the baseline, or null when it could not run
     * @param note           how it was measured, or why the baseline is missing
     */
    record Timing(String what, double nrmtSeconds, String baseline, Double baselineSeconds, String note)
            implements Outcome {}

    /** x–y data for a figure. */
    record Series(String label, List<Double> x, List<Double> y) {
        public Series {
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(
                        "series " + label + " needs x and y of one length, got " + x.size() + " and " + y.size());
            }
        }
    }
}
