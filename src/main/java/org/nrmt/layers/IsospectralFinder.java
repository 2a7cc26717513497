package org.nrmt.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;

/**
 * Finds an isospectral member of an activation family (PW §6): parameters with
 * \[ \text{mean} = E f(Z) = 0,\qquad \ell = E[Z f(Z)] = 0\ (\text{so } \zeta = \ell^2 = 0), \]
 * then the factor \(1/\sqrt{\eta_{\rm raw}}\) that makes η = 1. The signed ℓ is solved instead of ζ
 * because ζ = ℓ² has a double zero. Gauss–Newton in apfloat with a forward-difference Jacobian
 * (step 10^(−D/2−5), evaluations at D + 20 digits) and the minimum-norm step
 * \(\delta = -J^\top (J J^\top)^{-1} r\), so a family with more unknowns than equations converges to
 * a nearby member. An equation that holds identically (e.g. ℓ ≡ 0 for an even family: value and
 * gradient below 10^(−D−5)) is dropped. Stops when the residual is below 10^(−D−8) or the step
 * below 10^(−D−8); the Jacobian error O(h) only slows the quadratic rate to ~D/2 digits a step.
 * See {@code theory/layers.md} §4.
 */
public final class IsospectralFinder {

    /** mean, E f² and E[Z f] of one member at a precision. */
    @FunctionalInterface
    public interface FamilyConstants {
        /** {mean, E f², E[Z f]} of f(Z), Z ~ N(0,1), to {@code digits} digits. */
        Apfloat[] at(String memberText, long digits);
    }

    /**
     * The result: parameter values (fixed ones included), the raw constants at the solution, the
     * normalising factor 1/√η_raw, the normalised expression and the Newton iterations used.
     */
    public record Solution(
            Map<String, Apfloat> parameters,
            Apfloat mean,
            Apfloat linear,
            Apfloat etaRaw,
            Apfloat scale,
            String expression,
            int iterations) {}

    private IsospectralFinder() {}

    /** Constants from {@link GaussianConstantsEngine} at s = 1. */
    public static FamilyConstants engine() {
        return (text, digits) -> {
            GaussianConstants c =
                    GaussianConstantsEngine.compute(Activation.parse(text), Apfloat.ONE, Apfloat.ZERO, digits, 0);
            return new Apfloat[] {c.mean(), c.secondMoment(), c.linear()};
        };
    }

    /**
     * Solves for the {@code unknowns} (the other parameters stay at their {@code start} value).
     *
     * @throws IllegalArgumentException for bad input (names the value)
     * @throws IllegalStateException if Newton does not converge (with the residual)
     */
    public static Solution solve(
            ActivationFamily family,
            Map<String, Apfloat> start,
            List<String> unknowns,
            long digits,
            FamilyConstants constants) {
        if (digits < 5 || digits > 2000) {
            throw new IllegalArgumentException("digits must be in [5, 2000], got " + digits);
        }
        for (String p : family.parameters()) {
            if (!start.containsKey(p)) {
                throw new IllegalArgumentException("no start value for parameter " + p + ", got " + start.keySet());
            }
        }
        if (unknowns.isEmpty()) {
            throw new IllegalArgumentException("need at least one unknown parameter, got none");
        }
        for (String u : unknowns) {
            if (!family.parameters().contains(u)) {
                throw new IllegalArgumentException("unknown " + u + " is not a parameter of " + family.parameters());
            }
        }
        long wp = digits + 20;
        Apfloat tiny = new Apfloat("1e-" + (digits + 5), wp);
        Apfloat h = new Apfloat("1e-" + (digits / 2 + 5), wp);
        Map<String, Apfloat> values = new LinkedHashMap<>();
        start.forEach((k, v) -> values.put(k, v.precision(wp)));
        int k = unknowns.size();
        for (int it = 1; it <= 60; it++) {
            Apfloat[] r = residual(family, values, wp, constants);
            Apfloat[][] jac = new Apfloat[2][k];
            for (int j = 0; j < k; j++) {
                String name = unknowns.get(j);
                Map<String, Apfloat> moved = new LinkedHashMap<>(values);
                moved.put(name, values.get(name).add(h));
                Apfloat[] rj = residual(family, moved, wp, constants);
                for (int i = 0; i < 2; i++) {
                    jac[i][j] = rj[i].subtract(r[i]).divide(h);
                }
            }
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                boolean identically =
                        abs(r[i]).compareTo(tiny) < 0 && rowNorm(jac[i]).compareTo(tiny) < 0;
                if (!identically) {
                    active.add(i);
                }
            }
            if (active.isEmpty() || maxAbs(r, active).compareTo(new Apfloat("1e-" + (digits + 8), wp)) < 0) {
                return finish(family, values, digits, wp, constants, it);
            }
            Apfloat[] step = minimumNormStep(jac, r, active, k, wp);
            Apfloat size = Apfloat.ZERO;
            for (int j = 0; j < k; j++) {
                String name = unknowns.get(j);
                // The engine reports a near-zero residual to an absolute accuracy, so the step can carry
                // few significant digits; re-extend to wp so apfloat does not truncate the parameter.
                values.put(name, values.get(name).subtract(step[j]).precision(wp));
                size = size.add(abs(step[j]));
            }
            if (size.compareTo(new Apfloat("1e-" + (digits + 8), wp)) < 0) {
                return finish(family, values, digits, wp, constants, it);
            }
        }
        throw new IllegalStateException("isospectral Newton did not converge in 60 steps for " + family.template()
                + " from " + start + "; last values " + values);
    }

    private static Solution finish(
            ActivationFamily family,
            Map<String, Apfloat> values,
            long digits,
            long wp,
            FamilyConstants constants,
            int iterations) {
        Apfloat[] c = constants.at(family.member(values), wp);
        Apfloat etaRaw = c[1].subtract(c[0].multiply(c[0]));
        if (etaRaw.signum() <= 0) {
            throw new IllegalStateException("the solution has eta_raw = " + etaRaw + " (a constant activation)");
        }
        Apfloat scale = ApfloatMath.sqrt(new Apfloat(1, wp).divide(etaRaw.precision(wp)));
        Map<String, Apfloat> rounded = new LinkedHashMap<>();
        values.forEach((key, v) -> rounded.put(key, v.precision(digits)));
        String expression = ActivationFamily.plain(scale.precision(digits)) + "*(" + family.member(rounded) + ")";
        return new Solution(
                rounded,
                c[0].precision(digits),
                c[2].precision(digits),
                etaRaw.precision(digits),
                scale.precision(digits),
                expression,
                iterations);
    }

    /** {mean, E[Z f]} of the member. */
    private static Apfloat[] residual(
            ActivationFamily family, Map<String, Apfloat> values, long wp, FamilyConstants constants) {
        Apfloat[] c = constants.at(family.member(values), wp);
        return new Apfloat[] {c[0], c[2]};
    }

    /** δ = Jᵀ (J Jᵀ)⁻¹ r over the active rows (1 or 2), so that the update is x − δ. */
    private static Apfloat[] minimumNormStep(Apfloat[][] jac, Apfloat[] r, List<Integer> active, int k, long wp) {
        int a = active.size();
        Apfloat[][] g = new Apfloat[a][a];
        for (int p = 0; p < a; p++) {
            for (int q = 0; q < a; q++) {
                Apfloat s = Apfloat.ZERO;
                for (int j = 0; j < k; j++) {
                    s = s.add(jac[active.get(p)][j].multiply(jac[active.get(q)][j]));
                }
                g[p][q] = s;
            }
        }
        Apfloat[] y = new Apfloat[a];
        if (a == 1) {
            if (g[0][0].signum() == 0) {
                throw new IllegalStateException("singular Jacobian: the equation does not depend on the unknowns");
            }
            y[0] = r[active.get(0)].divide(g[0][0]);
        } else {
            Apfloat det = g[0][0].multiply(g[1][1]).subtract(g[0][1].multiply(g[1][0]));
            if (det.signum() == 0) {
                throw new IllegalStateException(
                        "singular Jacobian: mean and E[Z f] move together; fix or free " + "another parameter");
            }
            Apfloat r0 = r[active.get(0)];
            Apfloat r1 = r[active.get(1)];
            y[0] = g[1][1].multiply(r0).subtract(g[0][1].multiply(r1)).divide(det);
            y[1] = g[0][0].multiply(r1).subtract(g[1][0].multiply(r0)).divide(det);
        }
        Apfloat[] step = new Apfloat[k];
        for (int j = 0; j < k; j++) {
            Apfloat s = Apfloat.ZERO;
            for (int p = 0; p < a; p++) {
                s = s.add(jac[active.get(p)][j].multiply(y[p]));
            }
            step[j] = s;
        }
        return step;
    }

    private static Apfloat abs(Apfloat v) {
        return ApfloatMath.abs(v);
    }

    private static Apfloat rowNorm(Apfloat[] row) {
        Apfloat m = Apfloat.ZERO;
        for (Apfloat v : row) {
            if (abs(v).compareTo(m) > 0) {
                m = abs(v);
            }
        }
        return m;
    }

    private static Apfloat maxAbs(Apfloat[] r, List<Integer> active) {
        Apfloat m = Apfloat.ZERO;
        for (int i : active) {
            if (abs(r[i]).compareTo(m) > 0) {
                m = abs(r[i]);
            }
        }
        return m;
    }
}
