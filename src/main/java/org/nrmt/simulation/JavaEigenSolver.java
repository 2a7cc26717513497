package org.nrmt.simulation;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.R064Store;

/**
 * Pure-Java backend (ojAlgo 55): products by ojAlgo's dense multiply, eigenvalues by its
 * symmetric (Householder tridiagonalisation + implicit QL) decomposition, values only. Draws the
 * same Gaussians in the same order as {@link NativeEigenSolver}, so the two agree to rounding.
 * Used with {@code --backend java} and wherever the OpenBLAS natives do not load; 3–5× slower.
 */
public final class JavaEigenSolver implements EigenSolver {

    static {
        // ojAlgo's debug logger, which announces its hardware profile on first use, writes to the
        // System.out of the moment it is initialised: give it stderr, so that results printed on
        // stdout (CSV of `nrmt simulate --backend java`, or after the fallback) stay clean.
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            Class.forName("org.ojalgo.netio.BasicLogger", true, JavaEigenSolver.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        } finally {
            System.setOut(out);
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String memoryKind() {
        return "Java heap";
    }

    /** W + X + WX during the product, then WX + M + the decomposition's copy of M. */
    @Override
    public long bytesPerTrial(SimulationSpec spec) {
        long w = (long) spec.n1() * spec.n0();
        long x = (long) spec.n0() * spec.m();
        long y = (long) spec.n1() * spec.m();
        long mm = (long) spec.n1() * spec.n1();
        return 8L * (Math.max(w + x + y, y + 2 * mm) + 8L * spec.n1());
    }

    @Override
    public long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        EigenSolver.requireSquare(a, n);
        double[] full = a.clone();
        // Callers fill only the lower triangle (LAPACK's convention): mirror it.
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                full[i + j * n] = full[j + i * n];
            }
        }
        return eigenvalues(R064Store.wrap(full, n), n);
    }

    @Override
    public double[] sampleFeatures(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        return features(spec, activation, seed, trial, parallelism).data;
    }

    @Override
    public double[] sampleEigenvalues(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        int n1 = spec.n1();
        requireArray("M", (long) n1 * n1);
        R064Store z = features(spec, activation, seed, trial, parallelism);
        R064Store mm = R064Store.FACTORY.make(n1, n1);
        mm.fillByMultiplying(z, z.transpose());
        z = null;
        double[] md = mm.data;
        double inv = 1.0 / spec.m();
        for (int i = 0; i < md.length; i++) {
            md[i] *= inv;
        }
        return eigenvalues(mm, n1);
    }

    /** Y (n1×m) of the trial: G_W G_X by ojAlgo, then α and the activation column by column. */
    private static R064Store features(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        int n0 = spec.n0();
        int n1 = spec.n1();
        int m = spec.m();
        requireArray("W", (long) n1 * n0);
        requireArray("X", (long) n0 * m);
        requireArray("WX", (long) n1 * m);
        TrialSampler sampler = new TrialSampler(seed, trial, parallelism);
        double[] w = new double[n1 * n0];
        sampler.gaussianMatrix(n1, n0, TrialSampler.W_STREAM, () -> TrialSampler.heap(w));
        double[] x = new double[n0 * m];
        sampler.gaussianMatrix(n0, m, TrialSampler.X_STREAM, () -> TrialSampler.heap(x));
        double[] bias = sampler.bias(spec);
        R064Store z = R064Store.FACTORY.make(n1, m);
        z.fillByMultiplying(R064Store.wrap(w, n1), R064Store.wrap(x, n0));
        sampler.activate(n1, m, TrialSampler.alpha(spec), spec, bias, activation, () -> TrialSampler.heap(z.data));
        return z;
    }

    private static double[] eigenvalues(R064Store matrix, int n) {
        Eigenvalue<Double> evd = Eigenvalue.R064.make(matrix, true);
        if (!evd.computeValuesOnly(matrix)) {
            throw new ArithmeticException("ojAlgo's symmetric eigenvalue decomposition failed for n = " + n);
        }
        double[] re = new double[n];
        evd.getEigenvalues(re, Optional.empty());
        Arrays.sort(re);
        return re;
    }

    private static void requireArray(String name, long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new InsufficientMemoryException("the Java backend holds " + name + " in one array of at most "
                    + (Integer.MAX_VALUE - 8) + " doubles, got " + count + "; use --backend native");
        }
    }
}
