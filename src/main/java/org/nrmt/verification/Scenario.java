package org.nrmt.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nrmt.simulation.BiasKind;

/**
 * One entry of {@code verification/scenarios.json}: what to compute, at which sizes and seed,
 * and the {@link Thresholds} it must meet. Which fields a scenario needs depends on its
 * {@link ScenarioKind}; the constructor checks them and names the scenario and the field that is
 * missing or wrong. See theory/verification-harness.md for what each scenario checks and why.
 *
 * @param name        unique, lower-case words joined by '-' (the CLI's SCENARIO argument)
 * @param kind        what is checked
 * @param fast        part of the CI subset (small sizes, thresholds scaled like 1/n)
 * @param purpose     one sentence: what the scenario shows
 * @param activation  expression in x (the CLI's language); null for (η, ζ)-only theory scenarios
 * @param n0          input dimension (simulation kinds)
 * @param n1          width (simulation kinds)
 * @param m           samples (simulation kinds)
 * @param phi         n0/m (theory-only kinds and ks_scaling)
 * @param psi         n0/n1 (theory-only kinds and ks_scaling)
 * @param sizes       n1 values of a ks_scaling scenario; n0 = ψ n1, m = n0/φ
 * @param trials      independent matrices pooled per size
 * @param seed        seed of every random stream of the scenario
 * @param bias        additive bias reading (none by default)
 * @param biasSigma   σb of the bias
 * @param sampledBias theory averaged over the bias values the simulation drew, not over N(0, σb²)
 * @param lambdas     ridge parameters (memorization)
 * @param eta         η of theory-only memorization
 * @param zetas       ζ values of theory-only memorization (at fixed η)
 * @param reference   reference values matching {@code zetas} (PW §5's four digits, theory/memorization.md §3)
 * @param depth       number of layers (layers)
 * @param digits      precisions of the branch study
 * @param distances   distances to the edge of the branch study
 * @param points      grid points (density timing)
 * @param task        what a timing scenario measures
 * @param thresholds  limits to meet; absent means none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(
        String name,
        ScenarioKind kind,
        boolean fast,
        String purpose,
        String activation,
        Integer n0,
        Integer n1,
        Integer m,
        Double phi,
        Double psi,
        List<Integer> sizes,
        Integer trials,
        Long seed,
        BiasKind bias,
        @JsonProperty("bias_sigma") Double biasSigma,
        @JsonProperty("sampled_bias") boolean sampledBias,
        List<Double> lambdas,
        Double eta,
        List<Double> zetas,
        List<Double> reference,
        Integer depth,
        List<Integer> digits,
        List<Double> distances,
        Integer points,
        TimingTask task,
        Thresholds thresholds) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Scenario {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("scenario name must be lower-case words joined by '-', got " + name);
        }
        Objects.requireNonNull(kind, () -> "scenario " + name + ": kind is required");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("scenario " + name + ": purpose is required, got " + purpose);
        }
        bias = bias == null ? BiasKind.none : bias;
        biasSigma = biasSigma == null ? 0.0 : biasSigma;
        trials = trials == null ? 1 : trials;
        seed = seed == null ? 1L : seed;
        thresholds = thresholds == null ? Thresholds.none() : thresholds;
        sizes = sizes == null ? null : List.copyOf(sizes);
        lambdas = lambdas == null ? null : List.copyOf(lambdas);
        zetas = zetas == null ? null : List.copyOf(zetas);
        reference = reference == null ? null : List.copyOf(reference);
        digits = digits == null ? null : List.copyOf(digits);
        distances = distances == null ? null : List.copyOf(distances);
        if (trials < 1) {
            throw new IllegalArgumentException("scenario " + name + ": trials must be >= 1, got " + trials);
        }
        if (!(biasSigma >= 0) || (bias != BiasKind.none && biasSigma == 0)) {
            throw new IllegalArgumentException(
                    "scenario " + name + ": bias_sigma must be > 0 with bias " + bias + ", got " + biasSigma);
        }
        if (bias == BiasKind.scalar && trials != 1) {
            throw new IllegalArgumentException("scenario " + name
                    + ": a scalar bias needs trials = 1 (each trial draws its own β), got " + trials);
        }
        if (sampledBias && (bias == BiasKind.none || bias == BiasKind.scalar)) {
            throw new IllegalArgumentException(
                    "scenario " + name + ": sampled_bias needs a neuron or sample bias, got " + bias);
        }
        if (kind != ScenarioKind.memorization) {
            require(name, "activation", activation); // only memorization has an (η, ζ)-only form
        }
        switch (kind) {
            case spectrum -> requireShape(name, n0, n1, m);
            case ks_scaling -> {
                requireRatios(name, phi, psi);
                require(name, "sizes", sizes);
                if (sizes.size() < 3) {
                    throw new IllegalArgumentException(
                            "scenario " + name + ": a slope needs at least 3 sizes, got " + sizes);
                }
            }
            case memorization -> {
                require(name, "lambdas", lambdas);
                if (activation == null) {
                    require(name, "eta", eta);
                    require(name, "zetas", zetas);
                    require(name, "reference", reference);
                    requireRatios(name, phi, psi);
                    if (zetas.size() != reference.size()) {
                        throw new IllegalArgumentException("scenario " + name
                                + ": zetas and reference need the same length, got " + zetas.size()
                                + " and " + reference.size());
                    }
                } else {
                    requireShape(name, n0, n1, m);
                }
            }
            case layers -> {
                require(name, "depth", depth);
                requireShape(name, n0, n1, m);
            }
            case branches -> {
                requireRatios(name, phi, psi);
                require(name, "digits", digits);
                require(name, "distances", distances);
            }
            case strategies -> requireRatios(name, phi, psi);
            case timing -> {
                require(name, "task", task);
                switch (task) {
                    case constants -> require(name, "digits", digits);
                    case stieltjes50 -> {
                        require(name, "digits", digits);
                        requireRatios(name, phi, psi);
                    }
                    case simulate -> requireShape(name, n0, n1, m);
                    case density -> {
                        requireRatios(name, phi, psi);
                        require(name, "points", points);
                    }
                    default -> throw new IllegalStateException("unknown task " + task);
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /** The theory's φ: given, or n0/m. */
    public double phiValue() {
        return phi != null ? phi : (double) n0 / m;
    }

    /** The theory's ψ: given, or n0/n1. */
    public double psiValue() {
        return psi != null ? psi : (double) n0 / n1;
    }

    /** "n0/n1/m" or "φ=…, ψ=…" for tables. */
    public String shapeLabel() {
        if (n0 != null && n1 != null && m != null) {
            return n0 + "/" + n1 + "/" + m;
        }
        if (phi != null && psi != null) {
            return "φ=" + Report.fmt(phi, 3) + ", ψ=" + Report.fmt(psi, 3);
        }
        return "";
    }

    private static void require(String name, String field, Object v) {
        if (v == null || (v instanceof List<?> l && l.isEmpty())) {
            throw new IllegalArgumentException("scenario " + name + ": " + field + " is required, got " + v);
        }
    }

    private static void requireShape(String name, Integer n0, Integer n1, Integer m) {
        for (var e : new Object[][] {{"n0", n0}, {"n1", n1}, {"m", m}}) {
            require(name, (String) e[0], e[1]);
            if ((Integer) e[1] < 2) {
                throw new IllegalArgumentException("scenario " + name + ": " + e[0] + " must be >= 2, got " + e[1]);
            }
        }
    }

    private static void requireRatios(String name, Double phi, Double psi) {
        require(name, "phi", phi);
        require(name, "psi", psi);
        if (!(phi > 0) || !(psi > 0)) {
            throw new IllegalArgumentException(
                    "scenario " + name + ": phi and psi must be > 0, got phi=" + phi + ", psi=" + psi);
        }
    }
}
