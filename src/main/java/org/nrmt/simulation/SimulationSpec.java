package org.nrmt.simulation;

import java.util.Objects;

/**
 * The sizes and scales of one random matrix M = YYᵀ/m, Y = f(WX + B) − mean (n1 × m), with
 * W (n1×n0) iid N(0, σw²/n0), X (n0×m) iid N(0, σx²) and the bias B of {@link BiasKind} with
 * entries N(0, σb²). See {@code theory/conventions.md} and, for the three bias readings,
 * {@code theory/bias.md} §1.
 */
public record SimulationSpec(int n0, int n1, int m, double sigmaW, double sigmaX, BiasKind bias, double biasSigma) {

    /** Largest n1 with n1² ≤ 2³¹ − 1. */
    public static final int MAX_N1 = 46340;

    public SimulationSpec {
        requirePositive("n0", n0);
        requirePositive("n1", n1);
        requirePositive("m", m);
        requireFinitePositive("sigma_w", sigmaW);
        requireFinitePositive("sigma_x", sigmaX);
        Objects.requireNonNull(bias, "bias");
        if (!Double.isFinite(biasSigma) || biasSigma < 0) {
            throw new IllegalArgumentException("bias sigma must be finite and >= 0, got " + biasSigma);
        }
        if (bias != BiasKind.none && biasSigma == 0) {
            bias = BiasKind.none;
        }
        // LAPACK in OpenBLAS uses 32-bit integers: n1² entries must stay addressable by them.
        if (n1 > MAX_N1) {
            throw new IllegalArgumentException(
                    "n1 must be <= " + MAX_N1 + " (n1² must fit LAPACK's 32-bit indices), got " + n1);
        }
    }

    /** Unit scales, no bias. */
    public static SimulationSpec of(int n0, int n1, int m) {
        return new SimulationSpec(n0, n1, m, 1.0, 1.0, BiasKind.none, 0.0);
    }

    public SimulationSpec withSigmas(double sigmaW, double sigmaX) {
        return new SimulationSpec(n0, n1, m, sigmaW, sigmaX, bias, biasSigma);
    }

    public SimulationSpec withBias(BiasKind kind, double sigma) {
        return new SimulationSpec(n0, n1, m, sigmaW, sigmaX, kind, sigma);
    }

    /** φ = n0/m. */
    public double phi() {
        return (double) n0 / m;
    }

    /** ψ = n0/n1. */
    public double psi() {
        return (double) n0 / n1;
    }

    /** γ = n1/m. */
    public double gamma() {
        return (double) n1 / m;
    }

    /** s = σw σx, the standard deviation of every pre-activation (without bias). */
    public double s() {
        return sigmaW * sigmaX;
    }

    /** Number of bias values one trial draws (after W and X): n1, m, 1 or 0. */
    long biasCount() {
        return switch (bias) {
            case none -> 0;
            case neuron -> n1;
            case sample -> m;
            case scalar -> 1;
        };
    }

    /** Doubles alive at once in one trial of the native pipeline: max(W + X + WX, WX + M). */
    public long peakDoubles() {
        long w = (long) n1 * n0;
        long x = (long) n0 * m;
        long y = (long) n1 * m;
        long mm = (long) n1 * n1;
        return Math.max(w + x + y, y + mm) + 4L * n1 + biasCount();
    }

    /** "n0=…, n1=…, m=…" for titles and messages. */
    public String shapeLabel() {
        return "n0=" + n0 + ", n1=" + n1 + ", m=" + m;
    }

    private static void requirePositive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + v);
        }
    }

    private static void requireFinitePositive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
