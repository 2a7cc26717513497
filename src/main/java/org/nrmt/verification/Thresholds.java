package org.nrmt.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The limits a scenario must meet; a {@code null} limit is not checked. All are upper bounds
 * except {@link #ksDriftMin}, a lower bound that shows a non-isospectral activation really drifts.
 * The derivation of every value is in theory/verification-harness.md, "Thresholds".
 *
 * @param ks            KS distance of the pooled ESD to the theory CDF
 * @param w1            Wasserstein-1 distance
 * @param stieltjes     max |G_N(z) − G(z)| at Im z ≥ 0.1
 * @param atom          |atom_theory − atom_empirical| at 0
 * @param moments       max relative error of m_1…m_3
 * @param slope         |fitted log–log slope of KS against n − (−1)|
 * @param eTrainRel     max over λ of |E_sim − E_theory| / E_theory
 * @param eTrainAbs     max over λ of |E_theory − reference| (theory-only memorization)
 * @param ksLayersMax   max over layers of the KS to the input law (isospectral activations)
 * @param ksDriftMin    lower bound on the last layer's KS to the input law (drifting activations)
 * @param phantomMass   mass of the certified density outside the computed support
 * @param massDefect    |continuous mass + atoms − 1| of the certified law
 * @param branchError   max relative error of G at the highest precision of the branch study
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Thresholds(
        Double ks,
        Double w1,
        Double stieltjes,
        Double atom,
        Double moments,
        Double slope,
        @JsonProperty("e_train_rel") Double eTrainRel,
        @JsonProperty("e_train_abs") Double eTrainAbs,
        @JsonProperty("ks_layers_max") Double ksLayersMax,
        @JsonProperty("ks_drift_min") Double ksDriftMin,
        @JsonProperty("phantom_mass") Double phantomMass,
        @JsonProperty("mass_defect") Double massDefect,
        @JsonProperty("branch_error") Double branchError) {

    /** No limits at all. */
    public static Thresholds none() {
        return new Thresholds(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Thresholds {
        positiveOrNull("ks", ks);
        positiveOrNull("w1", w1);
        positiveOrNull("stieltjes", stieltjes);
        positiveOrNull("atom", atom);
        positiveOrNull("moments", moments);
        positiveOrNull("slope", slope);
        positiveOrNull("e_train_rel", eTrainRel);
        positiveOrNull("e_train_abs", eTrainAbs);
        positiveOrNull("ks_layers_max", ksLayersMax);
        positiveOrNull("ks_drift_min", ksDriftMin);
        positiveOrNull("phantom_mass", phantomMass);
        positiveOrNull("mass_defect", massDefect);
        positiveOrNull("branch_error", branchError);
    }

    private static void positiveOrNull(String name, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("threshold " + name + " must be a finite number > 0, got " + v);
        }
    }
}
