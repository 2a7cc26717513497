package org.nrmt.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.complex.Complex;
import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.nrmt.roots.ApRootSet;
import org.nrmt.roots.Discriminants;
import org.nrmt.roots.PolynomialRoots;
import org.nrmt.roots.RootSet;

/**
 * Benchmark of org.nrmt.roots: ns per certified quartic in double, ms per quartic at 50 digits,
 * ms for the exact PW discriminant plus its certified real roots at 50 digits. Run by bench/roots.sh
 * next to the numpy/mpmath baseline. Not a test.
 */
public final class RootsBench {

    private RootsBench() {}

    /** PW quartic coefficients at z for (η, ζ, φ, ψ), theory model.md §3. */
    static Complex[] pw(double eta, double zeta, double phi, double psi, Complex z) {
        double g = phi / psi;
        Complex z2 = z.multiply(z);
        return new Complex[] {
            new Complex(-psi),
            z.multiply(psi).add((g - 1) * (psi * eta - zeta)),
            z.multiply(-(eta * phi + zeta * (1 - 2 * g))).add(zeta * (eta - zeta) * (g - 1) * (g - 1)),
            z2.multiply(-g * zeta).add(z.multiply(-2 * g * zeta * (g - 1) * (eta - zeta))),
            z2.multiply(g * g * zeta * (eta - zeta))
        };
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        int n = 200_000;
        SplittableRandom rnd = new SplittableRandom(seed);
        Complex[][] random = new Complex[n][5];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                random[i][k] = new Complex(rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
            }
        }
        // ReLU at s = 1: η = 1/2 − 1/(2π), ζ = 1/4; φ = 0.5, ψ = 2; z on a grid at Im z = 1e-3
        double eta = 0.5 - 1 / (2 * Math.PI);
        Complex[][] pwq = new Complex[n][];
        for (int i = 0; i < n; i++) {
            pwq[i] = pw(eta, 0.25, 0.5, 2, new Complex(-0.5 + 3.0 * i / n, 1e-3));
        }
        for (int rep = 0; rep < 3; rep++) { // warm-up
            run(random, n / 4);
            run(pwq, n / 4);
            runWarm(pwq, n / 4);
        }
        long c0 = cpu();
        long t0 = System.nanoTime();
        int iso = run(random, n);
        long c1 = cpu();
        long t1 = System.nanoTime();
        int isoPw = run(pwq, n);
        long c2 = cpu();
        long t2 = System.nanoTime();
        System.out.printf(
                "double  random complex quartic : %8.1f ns/quartic CPU, %8.1f wall (%d quartics, %.4f of roots isolated)%n",
                (c1 - c0) / (double) n, (t1 - t0) / (double) n, n, iso / (4.0 * n));
        System.out.printf(
                "double  PW quartic, Im z = 1e-3: %8.1f ns/quartic CPU, %8.1f wall (%d quartics, %.4f of roots isolated)%n",
                (c2 - c1) / (double) n, (t2 - t1) / (double) n, n, isoPw / (4.0 * n));

        // continuation along the same grid: each quartic starts from its neighbour's roots
        long k0 = cpu();
        long wt0 = System.nanoTime();
        int isoWarm = runWarm(pwq, n);
        long k1 = cpu();
        long wt1 = System.nanoTime();
        System.out.printf(
                "double  PW quartic, warm start  : %8.1f ns/quartic CPU, %8.1f wall (%d quartics, %.4f of roots isolated)%n",
                (k1 - k0) / (double) n, (wt1 - wt0) / (double) n, n, isoWarm / (4.0 * n));

        int m = 200;
        Apcomplex[][] ap = new Apcomplex[m][5];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < 5; k++) {
                ap[i][k] = new Apcomplex(new Apfloat(random[i][k].getReal()), new Apfloat(random[i][k].getImaginary()));
            }
        }
        for (int i = 0; i < 50; i++) { // warm-up
            PolynomialRoots.of(ap[i], 50);
        }
        for (long digits : new long[] {50, 100}) {
            long a0 = cpu();
            long w0 = System.nanoTime();
            int apIso = 0;
            for (int i = 0; i < m; i++) {
                ApRootSet s = PolynomialRoots.of(ap[i], digits);
                apIso += s.isolatedCount();
            }
            long a1 = cpu();
            long w1 = System.nanoTime();
            System.out.printf(
                    "apfloat random complex quartic : %8.3f ms/quartic CPU, %8.3f wall at %d digits (%d quartics, %.4f isolated)%n",
                    (a1 - a0) / 1e6 / m, (w1 - w0) / 1e6 / m, digits, m, apIso / (4.0 * m));
        }

        // exact discriminant of the PW quartic in z and its certified real roots, 50 digits
        Apfloat[][] c = pwCoefficientRows(
                new Apfloat(eta, 60), new Apfloat("0.25", 60), new Apfloat("0.5", 60), new Apfloat(2, 60));
        for (int i = 0; i < 3; i++) {
            Discriminants.realRoots(Discriminants.inZ(c, 60), 50);
        }
        int reps = 10;
        long d0 = cpu();
        long e0 = System.nanoTime();
        List<Apfloat> edges = null;
        for (int i = 0; i < reps; i++) {
            edges = Discriminants.realRoots(Discriminants.inZ(c, 60), 50);
        }
        long d1 = cpu();
        long e1 = System.nanoTime();
        System.out.printf(
                "PW discriminant + real roots   : %8.3f ms CPU, %8.3f wall at 50 digits (%d real roots: %s)%n",
                (d1 - d0) / 1e6 / reps, (e1 - e0) / 1e6 / reps, edges.size(), edges);
    }

    static Apfloat[][] pwCoefficientRows(Apfloat eta, Apfloat zeta, Apfloat phi, Apfloat psi) {
        Apfloat g = phi.divide(psi);
        Apfloat one = Apfloat.ONE;
        Apfloat two = new Apfloat(2);
        Apfloat em = eta.subtract(zeta);
        Apfloat gm = g.subtract(one);
        return new Apfloat[][] {
            {psi.negate()},
            {gm.multiply(psi.multiply(eta).subtract(zeta)), psi},
            {
                zeta.multiply(em).multiply(gm).multiply(gm),
                eta.multiply(phi)
                        .add(zeta.multiply(one.subtract(two.multiply(g))))
                        .negate()
            },
            {
                Apfloat.ZERO,
                g.multiply(zeta).multiply(two).multiply(gm).multiply(em).negate(),
                g.multiply(zeta).negate()
            },
            {Apfloat.ZERO, Apfloat.ZERO, g.multiply(g).multiply(zeta).multiply(em)}
        };
    }

    /** CPU time of this thread: the machine is shared, so wall time alone overstates the cost. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static int runWarm(Complex[][] polys, int count) {
        RootSet prev = PolynomialRoots.of(polys[0]);
        Complex[] start = new Complex[4];
        int iso = 0;
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 4; k++) {
                start[k] = prev.get(k).value();
            }
            prev = PolynomialRoots.of(polys[i], start);
            iso += prev.isolatedCount();
        }
        return iso;
    }

    private static int run(Complex[][] polys, int count) {
        int iso = 0;
        for (int i = 0; i < count; i++) {
            RootSet s = PolynomialRoots.of(polys[i]);
            iso += s.isolatedCount();
        }
        return iso;
    }
}
