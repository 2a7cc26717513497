package org.nrmt.verification;

/**
 * What a {@link Scenario} checks (theory/verification-harness.md, "Scenario kinds"). Lower-case
 * names are the words used in {@code verification/scenarios.json}.
 */
public enum ScenarioKind {
    /** Theory law against one simulated shape: KS, W1, Stieltjes error, atom at 0, moments. */
    spectrum,
    /** KS at growing sizes with fixed ratios; the log–log slope (≈ −1 for bounded f). */
    ks_scaling,
    /** Ridge training loss E_train(λ): theory against simulated random features. */
    memorization,
    /** Spectra through L random layers: KS to the input law and to the one-layer theory. */
    layers,
    /** Error of G against distance to a square-root edge at 16/30/50 digits. */
    branches,
    /** Root-selection strategies compared by phantom mass and mass defect. */
    strategies,
    /** Wall time of nrmt against numpy/mpmath in the same run (not deterministic). */
    timing
}
