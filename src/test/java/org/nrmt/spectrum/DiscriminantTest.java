package org.nrmt.spectrum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * The fast edge candidates (apfloat discriminant, Aberth + Newton) against an independent oracle:
 * the exact BigDecimal discriminant of ψ²·(quartic) and its certified real roots from
 * org.nrmt.roots (square-free part, isolated disks).
 */
class DiscriminantTest {

    @Test
    void fastCandidatesContainEveryCertifiedRealRoot() {
        // quartic (tanh), quadratic (MP with atom), cubic with a hard edge
        double[][] cases = {{0.39429449039784117, 0.36687916436241092, 0.5, 2}, {1, 0, 2, 1}, {1, 1, 1, 1}};
        for (double[] c : cases) {
            ModelParams p = new ModelParams(c[0], c[1], c[2], c[3]);
            QuarticLaw law = QuarticLaw.of(p);
            Quartic q = Quartic.of(p, 80);
            List<Apfloat> exact = Discriminant.exactRealRoots(p, q.degree(), 40);
            List<Apfloat> fast = Discriminant.realRoots(
                    Discriminant.reduced(q, 120), -1e-12 * law.supportBound(), law.supportBound(), 45);
            for (Apfloat e : exact) {
                if (e.signum() == 0 || e.doubleValue() < 0 || e.doubleValue() > law.supportBound()) continue;
                boolean found = fast.stream()
                        .anyMatch(f -> ApfloatMath.abs(f.subtract(e)).doubleValue()
                                <= 1e-35 * Math.max(1, Math.abs(e.doubleValue())));
                assertTrue(found, "certified root " + e + " missing from " + fast + " for " + p);
            }
        }
    }
}
