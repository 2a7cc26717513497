package org.nrmt.activation;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of random activation texts for everybody's properties. Every generated
 * activation parses, is square-integrable under N(0,1) (bounded, or growing at most like |x|³,
 * or like e^{|x|} for exp(a·x) with |a| ≤ 1), is not constant, and has moderate scale: coefficients
 * in [−2, 2] with two decimals, inner slopes |a| ∈ [0.25, 2], offsets in [−1, 1]. No division, no
 * log, no exp of anything growing faster than linearly.
 *
 * <ul>
 * <li>{@link #smooth()}: analytic activations (tanh, sin, erf, sigmoid, softplus, gelu, ..., x² − 1),
 *     their sums and products;</li>
 * <li>{@link #kinked()}: continuous but with kinks (relu, abs, clamp, leaky_relu, max, min), alone
 *     or combined with a smooth part;</li>
 * <li>{@link #jumps()}: with jumps (step, sign);</li>
 * <li>{@link #any()}: all three, mostly smooth and kinked.</li>
 * </ul>
 */
public final class ActivationArbitraries {
    private ActivationArbitraries() {}

    /** A coefficient in [−2, 2] with two decimals, as text. */
    static Arbitrary<String> coefficient() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-2), BigDecimal.valueOf(2))
                .ofScale(2)
                .filter(c -> c.abs().compareTo(new BigDecimal("0.1")) >= 0)
                .map(BigDecimal::toPlainString);
    }

    /** A slope with |a| ∈ [0.25, 2], as text. */
    static Arbitrary<String> slope() {
        Arbitrary<BigDecimal> mag = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.25"), BigDecimal.valueOf(2))
                .ofScale(2);
        return Combinators.combine(mag, Arbitraries.of(1, -1)).as((m, s) -> (s < 0 ? m.negate() : m).toPlainString());
    }

    /** An offset in [−1, 1], as text. */
    static Arbitrary<String> offset() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-1), BigDecimal.ONE)
                .ofScale(2)
                .map(BigDecimal::toPlainString);
    }

    /** {@code a*x + b} with the generator's ranges. */
    static Arbitrary<String> affine() {
        return Combinators.combine(slope(), offset()).as((a, b) -> a + "*x + " + b);
    }

    private static Arbitrary<String> boundedAtom() {
        return Combinators.combine(Arbitraries.of("tanh", "sin", "cos", "erf", "sigmoid", "atan", "erfc"), affine())
                .as((f, u) -> f + "(" + u + ")");
    }

    private static Arbitrary<String> smoothAtom() {
        Arbitrary<String> bounded = boundedAtom();
        Arbitrary<String> growing = Combinators.combine(Arbitraries.of("softplus", "gelu", "silu"), affine())
                .as((f, u) -> f + "(" + u + ")");
        Arbitrary<String> expLinear = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1"), BigDecimal.ONE)
                .ofScale(2)
                .filter(a -> a.abs().compareTo(new BigDecimal("0.25")) >= 0)
                .map(a -> "exp(" + a.toPlainString() + "*x)");
        Arbitrary<String> polynomial = Arbitraries.of("x", "x^2 - 1", "x^3 - 3*x", "x^2", "-x^2/2 + x");
        Arbitrary<String> bare = Arbitraries.of("tanh", "erf", "sigmoid", "gelu", "silu", "softplus", "sin", "atan");
        return Arbitraries.frequencyOf(
                Tuple.of(5, bounded),
                Tuple.of(2, growing),
                Tuple.of(1, expLinear),
                Tuple.of(2, polynomial),
                Tuple.of(2, bare));
    }

    private static Arbitrary<String> kinkedAtom() {
        Arbitrary<String> relu = offset().map(c -> "relu(x - " + c + ")");
        Arbitrary<String> abs = affine().map(u -> "abs(" + u + ")");
        Arbitrary<String> clamp = Combinators.combine(
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("-2"), new BigDecimal("-0.1"))
                                .ofScale(2),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.1"), new BigDecimal("2"))
                                .ofScale(2),
                        slope())
                .as((lo, hi, a) -> "clamp(" + a + "*x, " + lo.toPlainString() + ", " + hi.toPlainString() + ")");
        Arbitrary<String> leaky = Combinators.combine(
                        affine(),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("0.5"))
                                .ofScale(2))
                .as((u, s) -> "leaky_relu(" + u + ", " + s.toPlainString() + ")");
        Arbitrary<String> maxMin = Combinators.combine(
                        Arbitraries.of("max", "min"), Arbitraries.of("tanh", "sin", "erf"), affine(), offset())
                .as((m, f, u, c) -> m + "(" + f + "(" + u + "), " + c + ")");
        Arbitrary<String> bare = Arbitraries.of("relu", "hardtanh", "abs");
        return Arbitraries.oneOf(relu, abs, clamp, leaky, maxMin, bare);
    }

    private static Arbitrary<String> jumpAtom() {
        return Combinators.combine(Arbitraries.of("step", "sign"), offset()).as((f, c) -> f + "(x - " + c + ")");
    }

    /** a1, c1·a1, c1·a1 + c2·a2, or (with products) b·a1 for a bounded smooth atom b. */
    private static Arbitrary<String> compose(Arbitrary<String> first, Arbitrary<String> second, boolean products) {
        Arbitrary<String> single = first;
        Arbitrary<String> scaled = Combinators.combine(coefficient(), first).as((c, a) -> c + "*" + a);
        Arbitrary<String> sum = Combinators.combine(coefficient(), first, coefficient(), second)
                .as((c1, a1, c2, a2) -> c1 + "*" + a1 + " + " + c2 + "*" + a2);
        Arbitrary<String> product = Combinators.combine(boundedAtom(), first).as((b, a1) -> b + "*" + a1);
        Arbitrary<String> all = products
                ? Arbitraries.frequencyOf(
                        Tuple.of(3, single), Tuple.of(2, scaled), Tuple.of(3, sum), Tuple.of(1, product))
                : Arbitraries.frequencyOf(Tuple.of(3, single), Tuple.of(2, scaled), Tuple.of(3, sum));
        return all.filter(ActivationArbitraries::nonConstant);
    }

    /** Not constant: the values at five points differ. */
    static boolean nonConstant(String text) {
        Activation f = Activation.parse(text);
        double f0 = f.value(-1.7);
        for (double x : new double[] {-0.6, 0.15, 0.9, 2.3}) {
            if (Math.abs(f.value(x) - f0) > 1e-6) {
                return true;
            }
        }
        return false;
    }

    /** Analytic activations. */
    public static Arbitrary<String> smooth() {
        return compose(smoothAtom(), smoothAtom(), true);
    }

    /** Continuous activations with kinks, possibly plus a smooth part. */
    public static Arbitrary<String> kinked() {
        return compose(kinkedAtom(), Arbitraries.oneOf(kinkedAtom(), smoothAtom()), true);
    }

    /** Activations with jumps (step, sign), possibly plus a smooth or kinked part. */
    public static Arbitrary<String> jumps() {
        // no products: a factor vanishing at the jump could make it continuous
        return compose(jumpAtom(), Arbitraries.oneOf(smoothAtom(), kinkedAtom()), false);
    }

    /** Any of the above: smooth 45 %, kinked 45 %, with jumps 10 %. */
    public static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(Tuple.of(9, smooth()), Tuple.of(9, kinked()), Tuple.of(2, jumps()));
    }
}
