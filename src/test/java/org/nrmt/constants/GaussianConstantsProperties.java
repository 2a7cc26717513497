package org.nrmt.constants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.nrmt.activation.Activation;
import org.nrmt.activation.ActivationArbitraries;

/**
 * Identities of the constants at 20–30 digits over random activations: the activation package's
 * generators ({@link ActivationArbitraries#any()}: smooth, kinked and with jumps), and for the
 * Hermite bound a milder smooth family a·g(b·x + c) + d·x with |b| ≤ 1.5.
 */
class GaussianConstantsProperties {
    private static final long D = 30;

    @Provide
    Arbitrary<String> smooth() {
        Arbitrary<String> g = Arbitraries.of("tanh", "erf", "sin", "cos", "sigmoid", "gelu", "silu", "exp");
        Arbitrary<Double> a = Arbitraries.doubles().between(0.2, 3).ofScale(3);
        Arbitrary<Double> b = Arbitraries.doubles().between(0.3, 1.5).ofScale(3);
        Arbitrary<Double> c = Arbitraries.doubles().between(-1, 1).ofScale(3);
        Arbitrary<Double> d = Arbitraries.doubles().between(-1, 1).ofScale(3);
        return Combinators.combine(g, a, b, c, d)
                .as((gn, av, bv, cv, dv) -> av + "*" + gn + "(" + bv + "*x + " + cv + ") + " + dv + "*x");
    }

    @Provide
    Arbitrary<String> any() {
        return ActivationArbitraries.any();
    }

    @Provide
    Arbitrary<Double> scale() {
        return Arbitraries.doubles().between(0.25, 2).ofScale(2);
    }

    private static Apfloat tiny(long digits) {
        return ApfloatMath.scale(Apfloat.ONE, -digits);
    }

    @Property(tries = 8, seed = "20261124")
    void zetaBetweenZeroAndEta(@ForAll("any") String f, @ForAll("scale") double s) {
        GaussianConstants c = GaussianConstantsEngine.compute(Activation.parse(f), s, 20);
        assertTrue(c.zeta().signum() >= 0, f);
        assertTrue(
                c.zeta().subtract(c.eta()).compareTo(c.error().multiply(new Apfloat(2))) <= 0,
                f + ": zeta " + c.zeta() + " > eta " + c.eta());
    }

    @Property(tries = 8, seed = "20261124")
    void parsevalHermiteSumConvergesToEta(@ForAll("smooth") String f) {
        // η = Σ_{k≥1} k! c_k²: partial sums are below η and the gap shrinks with K
        GaussianConstants c = GaussianConstantsEngine.compute(Activation.parse(f), Apfloat.ONE, Apfloat.ZERO, D, 24);
        Apfloat sum = Apfloat.ZERO;
        Apfloat fact = Apfloat.ONE;
        Apfloat gap8 = null;
        for (int k = 1; k <= 24; k++) {
            fact = fact.multiply(new Apfloat(k));
            Apfloat ck = c.hermite().get(k);
            sum = sum.add(fact.multiply(ck).multiply(ck));
            if (k == 8) {
                gap8 = c.eta().subtract(sum);
            }
        }
        Apfloat gap = c.eta().subtract(sum);
        Apfloat slack = c.error().multiply(new Apfloat(10)).add(tiny(D - 5));
        assertTrue(gap.compareTo(slack.negate()) >= 0, f + ": partial sum exceeds eta by " + gap.negate());
        assertTrue(gap.compareTo(gap8.add(slack)) <= 0, f + ": gap grew from " + gap8 + " to " + gap);
        // b ≤ 1.5, s = 1: the Hermite tail past k = 24 is below 1% of η for these analytic f
        assertTrue(gap.compareTo(c.eta().divide(new Apfloat(100)).add(slack)) <= 0, f + ": gap " + gap);
    }

    @Property(tries = 12, seed = "20261124")
    void doubleAgreesWithApfloat(@ForAll("any") String f, @ForAll("scale") double s) {
        Activation a = Activation.parse(f);
        DoubleConstants d = GaussianConstantsEngine.computeDouble(a, s, 0);
        GaussianConstants c = GaussianConstantsEngine.compute(a, s, 20);
        double scale = Math.max(1e-300, c.etaDouble() + c.meanDouble() * c.meanDouble());
        assertTrue(Math.abs(d.eta() - c.etaDouble()) <= 1e-13 * scale, f + ": eta " + d.eta() + " vs " + c.eta());
        assertTrue(Math.abs(d.zeta() - c.zetaDouble()) <= 1e-13 * scale, f + ": zeta " + d.zeta() + " vs " + c.zeta());
        assertTrue(Math.abs(d.mean() - c.meanDouble()) <= 1e-13 * Math.sqrt(scale), f + ": mean");
        assertTrue(Math.abs(d.eta() - c.etaDouble()) <= d.error() + 1e-16 * scale, f + ": double error " + d.error());
    }

    @Property(tries = 5, seed = "20261124")
    void answerDoesNotMoveOnceConverged(@ForAll("any") String f, @ForAll("scale") double s) {
        Activation a = Activation.parse(f);
        GaussianConstants lo = GaussianConstantsEngine.compute(a, s, 20);
        GaussianConstants hi = GaussianConstantsEngine.compute(a, s, 30);
        for (Apfloat[] p : new Apfloat[][] {{lo.eta(), hi.eta()}, {lo.zeta(), hi.zeta()}, {lo.mean(), hi.mean()}}) {
            Apfloat diff = ApfloatMath.abs(p[0].subtract(p[1]));
            assertTrue(diff.compareTo(lo.error()) <= 0, f + ": moved by " + diff + " > error " + lo.error());
        }
    }
}
