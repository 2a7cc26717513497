package org.nrmt.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;

/**
 * Properties over random (η, 0 ≤ ζ ≤ η, φ, ψ) in [0.05, 20] with the corners weighted in
 * (ζ = 0, ζ = η, ζ → 0, ζ → η; γ > 1 with an atom; ψ > 1). Oracles: the identities of a
 * Stieltjes transform, the P-equation, total mass 1, and the sign of Im G on either side of
 * each 50-digit edge.
 */
class QuarticLawProperties {

    @Provide
    Arbitrary<ModelParams> params() {
        Arbitrary<Double> eta = Arbitraries.doubles().between(0.05, 20).ofScale(4);
        Arbitrary<Double> ratio = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(0, 1).ofScale(4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, 1.0, 1e-6, 1 - 1e-6)));
        Arbitrary<Double> ratios = Arbitraries.doubles().between(0.05, 20).ofScale(3);
        return Combinators.combine(eta, ratio, ratios, ratios)
                .as((e, u, phi, psi) -> new ModelParams(e, u * e, phi, psi));
    }

    @Provide
    Arbitrary<double[]> unitPoint() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-0.2, 1.2).ofScale(5),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                                net.jqwik.api.Tuple.of(
                                        2, Arbitraries.doubles().between(-7, 1).ofScale(3))))
                .as((x, ly) -> new double[] {x, ly});
    }

    @Property(tries = 60, seed = "20261124")
    void everyPointIsCertifiedAndPhysical(@ForAll("params") ModelParams p, @ForAll("unitPoint") double[] u) {
        QuarticLaw law = QuarticLaw.of(p);
        double scale = law.supportBound() / 2;
        double y = u[1] == 0 ? 0 : Math.pow(10, u[1]) * scale;
        Complex z = new Complex(u[0] * scale, y);
        if (z.getReal() == 0 && y == 0) return; // the atom's pole
        StieltjesPoint sp = law.stieltjesPoint(z);
        assertTrue(sp.certified(), "uncertified at " + z + " for " + p);
        Complex g = sp.g();
        if (y > 0) assertTrue(g.getImaginary() < 0, "Im G = " + g.getImaginary());
        else assertTrue(g.getImaginary() <= 0);
        if (y > 0) { // G(z̄) = conj G(z); on the axis z̄ = z and the boundary value is from above
            StieltjesPoint conj = law.stieltjesPoint(z.conjugate());
            assertEquals(g.getReal(), conj.g().getReal(), 0);
            assertEquals(-g.getImaginary(), conj.g().getImaginary(), 0);
        }
        // the original P-equation (model.md §3), evaluated in apfloat (it is ill-conditioned in
        // double near an atom's pole) with the 40-digit G, which must also agree with the double G
        ApStieltjesPoint ap = law.withDigits(30).stieltjesAp(QuarticLaw.exact(z));
        assertTrue(ap.certified(), "apfloat uncertified at " + z + " for " + p + " double " + sp);
        Complex gAp = new Complex(ap.g().real().doubleValue(), ap.g().imag().doubleValue());
        assertTrue(
                gAp.subtract(g).abs() <= 1e-13 * g.abs() + 2 * sp.separation() / sp.certificateMargin(),
                "double " + g + " vs apfloat " + gAp);
        long prec = 45;
        Apcomplex zz = QuarticLaw.exact(z).precision(prec), gg = ap.g().precision(prec);
        Apfloat one = new Apfloat(1, prec),
                psi = QuarticLaw.exact(p.psi()).precision(prec),
                phi = QuarticLaw.exact(p.phi()).precision(prec);
        Apfloat eta = QuarticLaw.exact(p.eta()).precision(prec),
                zeta = QuarticLaw.exact(p.zeta()).precision(prec);
        Apcomplex pm1 = zz.multiply(gg).subtract(one).divide(psi);
        Apcomplex qq =
                pm1.multiply(phi).add(one).multiply(pm1.multiply(psi).add(one)).divide(zz.multiply(psi));
        Apcomplex zq = qq.multiply(zeta);
        Apcomplex rhs = qq.multiply(eta.subtract(zeta)).add(zq.divide(one.subtract(zq)));
        double size = 1
                + ApcomplexMath.abs(pm1).doubleValue()
                + ApcomplexMath.abs(qq).doubleValue() * p.eta()
                + ApcomplexMath.abs(zq).doubleValue()
                        / ApcomplexMath.abs(one.subtract(zq)).doubleValue();
        double res = ApcomplexMath.abs(pm1.subtract(rhs)).doubleValue();
        assertTrue(res <= 1e-24 * size * (1 + 1 / ap.separation()), "P residual " + res + " at " + z + " for " + p);
    }

    @Property(tries = 15, seed = "20261124")
    void noPhantomMassAndTotalMassOne(@ForAll("params") ModelParams p) {
        QuarticLaw law = QuarticLaw.of(p);
        List<Interval> support = law.support();
        double top = support.isEmpty() ? 1 : support.get(support.size() - 1).hi();
        double[] xs = QuarticLaw.grid(-0.3 * top, 1.3 * top, 3000);
        List<StieltjesPoint> pts = law.stieltjesOnLine(xs, 0);
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == 0) continue;
            assertTrue(pts.get(i).certified(), "uncertified at " + xs[i] + " for " + p);
            final double x = xs[i];
            boolean inside = support.stream().anyMatch(iv -> iv.contains(x));
            if (!inside)
                assertTrue(
                        pts.get(i).density() < 1e-12,
                        "phantom density " + pts.get(i).density() + " at " + x);
        }
        assertEquals(1, law.continuousMass() + law.atomMass(), 1e-8, "mass for " + p + " support " + support);
    }

    @Property(tries = 8, seed = "20261124")
    void fiftyDigitEdgesSitWhereTheDensityVanishes(@ForAll("params") ModelParams p) {
        QuarticLaw law = QuarticLaw.of(p).withDigits(50);
        List<Apfloat> edges = law.supportEdges(50);
        assertTrue(edges.size() % 2 == 0 && !edges.isEmpty(), "edges " + edges);
        for (int i = 0; i < edges.size(); i++) {
            Apfloat e = edges.get(i);
            if (e.signum() == 0) continue; // hard edge at 0
            Apfloat d = e.multiply(new Apfloat("1e-28", 60));
            boolean lower = i % 2 == 0; // support lies to the right of a lower edge
            ApStieltjesPoint in = law.stieltjesAp(new Apcomplex(
                    lower ? e.precision(60).add(d) : e.precision(60).subtract(d)));
            ApStieltjesPoint out = law.stieltjesAp(new Apcomplex(
                    lower ? e.precision(60).subtract(d) : e.precision(60).add(d)));
            assertTrue(in.certified() && out.certified(), "edge " + e + " for " + p);
            assertTrue(
                    in.g().imag().signum() < 0,
                    "inside edge " + e + ": Im G = " + in.g().imag());
            assertEquals(
                    0,
                    out.g().imag().signum(),
                    "outside edge " + e + ": Im G = " + out.g().imag());
        }
    }

    @Property(tries = 20, seed = "20261124")
    void negativeAxisIsRealIncreasingAndMatchesTheDerivative(@ForAll("params") ModelParams p) {
        QuarticLaw law = QuarticLaw.of(p);
        double[] lambdas = new double[49];
        for (int i = 0; i < lambdas.length; i++) lambdas[i] = Math.pow(10, -6 + 12.0 * i / 48);
        List<NegativeAxisPoint> ps = law.stieltjesNegativeAxis(lambdas);
        for (int i = 0; i < ps.size(); i++) {
            NegativeAxisPoint q = ps.get(i);
            assertTrue(q.certified(), "lambda " + lambdas[i] + " for " + p);
            assertTrue(q.g() < 0 && q.dg() < 0, "G " + q.g() + " G' " + q.dg());
            if (i > 0) assertTrue(q.g() > ps.get(i - 1).g(), "not increasing at " + lambdas[i] + " for " + p);
            // G(−λ) = −∫ dμ(x)/(x + λ) lies between −1/λ and 0 for a law on [0, ∞)
            assertTrue(q.g() >= -(1 + 1e-9) / lambdas[i], "G below -1/lambda at " + lambdas[i]);
        }
    }
}
