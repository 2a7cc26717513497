package org.nrmt.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/**
 * Oracles: closed forms of model.md §3 (Marchenko–Pastur, the cubic, the P-equation, moments),
 * the fixed-point form at large Im z, and Stieltjes integrals of the computed density.
 * tanh constants (s = 1): mpmath quad at 40 digits, η = 0.39429449039784117441…, ζ = 0.36687916436241091726….
 */
class QuarticLawTest {
    static final double TANH_ETA = 0.39429449039784117, TANH_ZETA = 0.36687916436241092;

    /** Marchenko–Pastur density with ratio γ and scale η. */
    static double mp(double x, double eta, double gamma) {
        double lm = eta * Math.pow(1 - Math.sqrt(gamma), 2), lp = eta * Math.pow(1 + Math.sqrt(gamma), 2);
        if (x <= lm || x >= lp) return 0;
        return Math.sqrt((lp - x) * (x - lm)) / (2 * Math.PI * gamma * eta * x);
    }

    @Test
    void zetaZeroIsMarchenkoPastur() {
        for (double[] c : new double[][] {{1.3, 0.5, 1}, {0.7, 3, 1.5}, {2, 1, 1}}) {
            double eta = c[0], phi = c[1], psi = c[2], gamma = phi / psi;
            QuarticLaw law = QuarticLaw.of(new ModelParams(eta, 0, phi, psi));
            assertEquals(2, law.quartic().degree());
            double lp = eta * Math.pow(1 + Math.sqrt(gamma), 2), lm = eta * Math.pow(1 - Math.sqrt(gamma), 2);
            double[] xs = QuarticLaw.grid(-0.5, lp * 1.2, 2001);
            List<StieltjesPoint> pts = law.stieltjesOnLine(xs, 0);
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] == 0) continue;
                assertTrue(pts.get(i).certified(), "uncertified at " + xs[i]);
                assertEquals(mp(xs[i], eta, gamma), pts.get(i).density(), 1e-12, "x = " + xs[i]);
            }
            List<Interval> s = law.support();
            assertEquals(1, s.size());
            assertEquals(lm, s.get(0).lo(), 1e-12);
            assertEquals(lp, s.get(0).hi(), 1e-12);
            assertEquals(Math.max(0, 1 - 1 / gamma), law.atomMass(), 0);
            List<Apfloat> e50 = law.supportEdges(50);
            Apfloat lp50 = new Apfloat(new java.math.BigDecimal(eta), 60)
                    .multiply(pow2(new Apfloat(1, 60)
                            .add(org.apfloat.ApfloatMath.sqrt(new Apfloat(new java.math.BigDecimal(gamma), 60)))));
            assertTrue(
                    org.apfloat.ApfloatMath.abs(e50.get(1).subtract(lp50)).doubleValue() < 1e-45,
                    "50-digit edge " + e50.get(1));
        }
    }

    private static Apfloat pow2(Apfloat x) {
        return x.multiply(x);
    }

    @Test
    void zetaEqualsEtaSolvesTheCubic() {
        double eta = 0.8, phi = 0.6, psi = 1.7, gamma = phi / psi;
        QuarticLaw law = QuarticLaw.of(new ModelParams(eta, eta, phi, psi));
        assertEquals(3, law.quartic().degree());
        for (Complex z :
                new Complex[] {new Complex(0.3, 0.01), new Complex(1.1, 0), new Complex(-0.4, 0), new Complex(2, 3)}) {
            Complex g = law.stieltjes(z);
            Complex cubic = z.multiply(z)
                    .multiply(gamma * eta)
                    .multiply(g.pow(3))
                    .add(z.multiply(eta * (phi + 1 - 2 * gamma)).multiply(g.multiply(g)))
                    .subtract(z.multiply(psi)
                            .add(eta * (phi - psi) + eta * (1 - gamma))
                            .multiply(g))
                    .add(psi);
            assertEquals(0, cubic.abs(), 1e-12 * (1 + g.abs() * g.abs() * g.abs()), "cubic residual at " + z);
        }
    }

    @Test
    void rootsSatisfyTheOriginalPEquation() {
        for (double[] c : new double[][] {{TANH_ETA, TANH_ZETA, 0.5, 2}, {1, 0.3, 2, 0.5}, {2, 1.9, 1, 1}}) {
            ModelParams p = new ModelParams(c[0], c[1], c[2], c[3]);
            QuarticLaw law = QuarticLaw.of(p);
            for (Complex z : new Complex[] {new Complex(0.7, 0.2), new Complex(0.2, 1e-3), new Complex(-1, 0.5)}) {
                Complex g = law.stieltjes(z);
                Complex P = z.multiply(g).subtract(1).divide(p.psi()).add(1);
                Complex t = z.multiply(p.psi()).reciprocal();
                Complex pphi = P.subtract(1).multiply(p.phi()).add(1),
                        ppsi = P.subtract(1).multiply(p.psi()).add(1);
                Complex q = pphi.multiply(ppsi).multiply(t);
                Complex rhs = q.multiply(p.eta() - p.zeta())
                        .add(1)
                        .add(q.multiply(p.zeta()).divide(Complex.ONE.subtract(q.multiply(p.zeta()))));
                assertEquals(0, P.subtract(rhs).abs(), 1e-11 * (1 + P.abs()), "P-equation at " + z);
            }
        }
    }

    @Test
    void agreesWithTheFixedPointWhereItConverges() {
        ModelParams p = new ModelParams(1, 0.4, 1.5, 1);
        QuarticLaw law = QuarticLaw.of(p);
        double gamma = p.gamma();
        for (Complex z : new Complex[] {new Complex(1, 1), new Complex(3, 2), new Complex(-2, 1)}) {
            Complex g = z.reciprocal();
            for (int it = 0; it < 5000; it++) {
                Complex pphi = z.multiply(g).subtract(1).multiply(gamma).add(1);
                Complex den = z.subtract(pphi.multiply(p.eta() - p.zeta()))
                        .subtract(pphi.multiply(p.zeta())
                                .divide(Complex.ONE.subtract(
                                        pphi.multiply(p.zeta()).multiply(g).divide(p.psi()))));
                g = g.multiply(0.5).add(den.reciprocal().multiply(0.5));
            }
            assertEquals(0, law.stieltjes(z).subtract(g).abs(), 1e-12, "fixed point at " + z);
        }
    }

    @Test
    void symmetriesAndAsymptotics() {
        QuarticLaw law = QuarticLaw.of(new ModelParams(TANH_ETA, TANH_ZETA, 2, 0.5));
        Complex z = new Complex(0.8, 0.05);
        Complex g = law.stieltjes(z), gc = law.stieltjes(z.conjugate());
        assertEquals(g.getReal(), gc.getReal(), 0);
        assertEquals(g.getImaginary(), -gc.getImaginary(), 0);
        assertTrue(g.getImaginary() < 0);
        Complex far = new Complex(0, 1e7);
        assertEquals(0, law.stieltjes(far).multiply(far).subtract(1).abs(), 1e-6);
    }

    @Test
    void massIsOneWithAtomsAndHardEdges() {
        for (double[] c : new double[][] {
            {TANH_ETA, TANH_ZETA, 0.5, 2},
            {TANH_ETA, TANH_ZETA, 2, 0.5},
            {1, 1, 1, 1},
            {1, 1, 3, 0.5},
            {1, 0, 2, 1},
            {1, 0.5, 1, 1},
            {1, 1, 0.5, 3}
        }) {
            QuarticLaw law = QuarticLaw.of(new ModelParams(c[0], c[1], c[2], c[3]));
            double total = law.continuousMass() + law.atomMass();
            assertEquals(1, total, 1e-8, "mass for " + java.util.Arrays.toString(c) + " support " + law.support());
            assertEquals(1, law.cdf(1e9), 1e-8);
            assertEquals(law.atomMass(), law.cdf(0), 1e-12);
        }
    }

    @Test
    void exactMomentsMatchClosedFormsAndTheDensity() {
        double eta = 1.2, zeta = 0.7, phi = 1.5, psi = 0.8, gamma = phi / psi;
        QuarticLaw law = QuarticLaw.of(new ModelParams(eta, zeta, phi, psi));
        assertEquals(eta, law.moment(1), 1e-14);
        assertEquals(eta * eta * (1 + gamma) + zeta * zeta / psi, law.moment(2), 1e-13);
        double m3 = (Math.pow(eta, 3) * (phi * phi + psi * psi)
                        + 3 * eta * phi * zeta * zeta
                        + 3 * eta * psi * (eta * eta * phi + zeta * zeta)
                        + Math.pow(zeta, 3))
                / (psi * psi);
        assertEquals(m3, law.moment(3), 1e-12 * m3);
        for (int k = 1; k <= 4; k++) {
            final int kk = k;
            double integrated = 0;
            for (Interval iv : law.support())
                integrated += law.integrateWeighted(iv.lo(), iv.hi(), x -> Math.pow(x, kk));
            assertEquals(law.moment(k), integrated, 1e-9 * law.moment(k), "m" + k);
        }
    }

    @Test
    void doubleAgreesWithApfloatWhereCertified() {
        QuarticLaw law = QuarticLaw.of(new ModelParams(TANH_ETA, TANH_ZETA, 0.5, 2));
        QuarticLaw hp = law.withDigits(50);
        for (Complex z : new Complex[] {
            new Complex(0.5, 0),
            new Complex(1.42, 0),
            new Complex(-0.2, 0),
            new Complex(0.9, 0.3),
            new Complex(0.0345, 0)
        }) {
            StieltjesPoint d = law.stieltjesPoint(z);
            ApStieltjesPoint a = hp.stieltjesAp(QuarticLaw.exact(z));
            assertTrue(d.certified() && a.certified());
            assertTrue(a.radius() < 1e-45, "radius " + a.radius());
            double err = Math.hypot(
                    d.g().getReal() - a.g().real().doubleValue(),
                    d.g().getImaginary() - a.g().imag().doubleValue());
            assertTrue(
                    err <= 1e-14 * d.g().abs() + 2 * d.separation() / d.certificateMargin(),
                    "z = " + z + " err " + err);
        }
    }

    @Test
    void fiftyDigitEdgesAreWhereTheDensityVanishes() {
        QuarticLaw law =
                QuarticLaw.of(new ModelParams(TANH_ETA, TANH_ZETA, 0.5, 2)).withDigits(50);
        List<Apfloat> edges = law.supportEdges(50);
        assertEquals(2, edges.size());
        Apfloat d = new Apfloat("1e-30", 60);
        Apfloat lp = edges.get(1);
        ApStieltjesPoint in = law.stieltjesAp(new Apcomplex(lp.precision(60).subtract(d)));
        ApStieltjesPoint out = law.stieltjesAp(new Apcomplex(lp.precision(60).add(d)));
        assertTrue(in.certified() && out.certified());
        assertTrue(
                in.g().imag().doubleValue() < -1e-17,
                "inside the edge Im G = " + in.g().imag());
        assertEquals(0, out.g().imag().signum(), "outside the edge G is real");
        // the edge of model.md §4
        assertEquals(1.4220791238770936, lp.doubleValue(), 4e-16);
    }

    @Test
    void negativeAxisIsPhysicalAtGammaOnePointFive() {
        // γ = 1.5, λ = 1e-3: the physical value is the Stieltjes integral of the law itself
        for (double[] c : new double[][] {{TANH_ETA, TANH_ZETA, 1.5, 1}, {1, 0.5, 3, 2}}) {
            QuarticLaw law = QuarticLaw.of(new ModelParams(c[0], c[1], c[2], c[3]));
            double lambda = 1e-3;
            NegativeAxisPoint p = law.stieltjesNegativeAxis(lambda);
            assertTrue(p.certified());
            double integral = -law.atomMass() / lambda;
            for (Interval iv : law.support())
                integral -= law.integrateWeighted(iv.lo(), iv.hi(), x -> 1 / (x + lambda));
            assertEquals(integral, p.g(), 1e-9 * Math.abs(integral));
            double h = 1e-7;
            double fd = (law.stieltjesNegativeAxis(lambda - h).g()
                            - law.stieltjesNegativeAxis(lambda + h).g())
                    / (2 * h);
            assertEquals(fd, p.dg(), 1e-5 * Math.abs(fd));
        }
    }

    @Test
    void negativeAxisIsRealAndIncreasing() {
        for (double gamma : new double[] {0.21, 0.7, 1, 1.5, 4.9}) {
            QuarticLaw law = QuarticLaw.of(new ModelParams(1, 0.6, gamma, 1));
            double[] lambdas = new double[121];
            for (int i = 0; i < lambdas.length; i++) lambdas[i] = Math.pow(10, -6 + 12.0 * i / 120);
            List<NegativeAxisPoint> ps = law.stieltjesNegativeAxis(lambdas);
            for (int i = 0; i < ps.size(); i++) {
                assertTrue(ps.get(i).certified(), "gamma " + gamma + " lambda " + lambdas[i]);
                assertTrue(ps.get(i).g() < 0);
                if (i > 0) assertTrue(ps.get(i).g() > ps.get(i - 1).g(), "increasing at " + lambdas[i]);
            }
        }
    }

    @Test
    void nextToTheAtomsPoleGIsCertifiedInBothPrecisions() {
        // γ = 2: atom 1/2 at 0, support away from 0, so zG(z) = 1/2 + z·(−∫ρ/x) + O(z²)
        QuarticLaw law = QuarticLaw.of(new ModelParams(1, 0.5, 2, 1));
        for (double x : new double[] {1e-9, -1e-9, 1e-4}) {
            StieltjesPoint p = law.stieltjesPoint(new Complex(x, 0));
            assertTrue(p.certified(), "x = " + x);
            assertEquals(0, p.g().getImaginary(), 0);
            assertEquals(
                    0.5,
                    x * p.g().getReal(),
                    2 * Math.abs(x) * (1 + 1 / law.support().get(0).lo()));
            ApStieltjesPoint a = law.withDigits(40).stieltjesAp(QuarticLaw.exact(new Complex(x, 0)));
            assertTrue(a.certified());
            assertEquals(a.g().real().doubleValue(), p.g().getReal(), 1e-12 * Math.abs(p.g().getReal()));
        }
    }

    @Test
    void badInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelParams(1, 2, 1, 1));
        assertTrue(e.getMessage().contains("2"));
        QuarticLaw law = QuarticLaw.of(new ModelParams(1, 0.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> law.stieltjesNegativeAxis(-1));
        assertThrows(IllegalArgumentException.class, () -> law.withDigits(3));
        assertFalse(law.stieltjesPoint(new Complex(0.5, 0)).g().isNaN());
    }
}
