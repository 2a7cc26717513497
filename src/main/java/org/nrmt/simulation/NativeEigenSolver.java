package org.nrmt.simulation;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * OpenBLAS (bytedeco presets) backend: W X by dgemm, \(M = \frac1m YY^\top\) by dsyrk (lower
 * triangle), eigenvalues by LAPACK dsyevd with jobz = 'N' (divide and conquer; values only).
 * Every matrix lives off-heap and is freed as soon as the next step no longer needs it, so the
 * Java heap holds only one column and the n1 eigenvalues. OpenBLAS runs one thread per call:
 * parallelism comes from running trials concurrently ({@link Simulator}), which on shared
 * machines loses only its share instead of the 5–8× seen with competing OpenBLAS threads.
 *
 * <p>The natives (~99 MB) are unpacked once into JavaCPP's cache, by default under the user's
 * home; {@code NRMT_CACHE_DIR} or {@code -Dorg.bytedeco.javacpp.cachedir=DIR} moves it.
 * Arguments are validated before every native call: a native fault would kill the JVM.
 */
public final class NativeEigenSolver implements EigenSolver {
    private static boolean loaded;

    private NativeEigenSolver() {}

    /**
     * Loads OpenBLAS (unpacking it on first use, announced through {@code notices}) and returns
     * the solver.
     *
     * @throws UnsatisfiedLinkError or another {@link LinkageError} when the natives do not load
     */
    public static synchronized NativeEigenSolver load(Consumer<String> notices) {
        if (!loaded) {
            configureJavaCpp();
            File cache = cacheDirectory();
            if (!alreadyUnpacked(cache)) {
                notices.accept("unpacking the OpenBLAS natives (~99 MB, once) into " + cache
                        + " (set NRMT_CACHE_DIR or -Dorg.bytedeco.javacpp.cachedir to move it)");
            }
            Loader.load(openblas.class);
            openblas.blas_set_num_threads(1);
            loaded = true;
        }
        return new NativeEigenSolver();
    }

    private static void configureJavaCpp() {
        String env = System.getenv("NRMT_CACHE_DIR");
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null && env != null && !env.isBlank()) {
            System.setProperty("org.bytedeco.javacpp.cachedir", env);
        }
        // JavaCPP caps off-heap memory at -Xmx by default; our budget check replaces that cap.
        if (System.getProperty("org.bytedeco.javacpp.maxBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxBytes", "0");
        }
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        if (System.getProperty("org.bytedeco.openblas.nthreads") == null) {
            System.setProperty("org.bytedeco.openblas.nthreads", "1");
        }
    }

    private static File cacheDirectory() {
        String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
        return dir != null ? new File(dir) : new File(System.getProperty("user.home"), ".javacpp/cache");
    }

    private static boolean alreadyUnpacked(File cache) {
        String[] names = cache.list();
        if (names == null) {
            return false;
        }
        for (String n : names) {
            if (n.startsWith("openblas-")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String memoryKind() {
        return "native memory";
    }

    @Override
    public long bytesPerTrial(SimulationSpec spec) {
        return 8L * spec.peakDoubles();
    }

    /**
     * {@code -Dnrmt.native.memory=BYTES} if set, else physical memory minus the committed heap
     * and a 512 MB margin.
     */
    @Override
    public long availableBytes() {
        String limit = System.getProperty("nrmt.native.memory");
        if (limit != null) {
            return Long.parseLong(limit.trim());
        }
        long physical = 16L << 30;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return Math.max(0, physical - Runtime.getRuntime().totalMemory() - (512L << 20));
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        EigenSolver.requireSquare(a, n);
        double[] copy = a.clone();
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, copy, n, w);
        checkInfo(info, n);
        return w;
    }

    @Override
    public double[] sampleEigenvalues(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        int n0 = spec.n0();
        int n1 = spec.n1();
        int m = spec.m();
        List<Pointer> owned = new ArrayList<>(5);
        try {
            TrialSampler sampler = new TrialSampler(seed, trial, parallelism);
            Product p = product(owned, spec, sampler);
            // M takes over G_X's or G_W's buffer when it fits (dsyrk overwrites its lower triangle,
            // all dsyevd reads): fresh off-heap memory costs a page fault per 4 kB on first write,
            // ~8000 for n = 2000. The peak stays within peakDoubles().
            long nn = (long) n1 * n1;
            DoublePointer mm = null;
            if ((long) n0 * m >= nn) {
                free(owned, p.w());
                mm = p.x();
            } else if ((long) n1 * n0 >= nn) {
                free(owned, p.x());
                mm = p.w();
            } else {
                free(owned, p.w());
                free(owned, p.x());
            }
            activate(p, spec, activation, sampler);
            if (mm == null) {
                mm = allocate(owned, nn);
            }
            openblas.cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, n1, m, 1.0 / m, p.z(), n1, 0.0, mm, n1);
            free(owned, p.z());
            DoublePointer ev = allocate(owned, n1);
            int info = openblas.LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n1, mm, n1, ev);
            checkInfo(info, n1);
            double[] out = new double[n1];
            ev.get(out, 0, n1);
            return out;
        } finally {
            for (Pointer q : owned) {
                q.deallocate();
            }
        }
    }

    @Override
    public double[] sampleFeatures(
            SimulationSpec spec, CenteredActivation activation, long seed, int trial, int parallelism) {
        long size = (long) spec.n1() * spec.m();
        if (size > Integer.MAX_VALUE - 8) {
            throw new InsufficientMemoryException("Y is returned in one Java array of at most "
                    + (Integer.MAX_VALUE - 8) + " doubles, got n1·m = " + size);
        }
        List<Pointer> owned = new ArrayList<>(3);
        try {
            TrialSampler sampler = new TrialSampler(seed, trial, parallelism);
            Product p = product(owned, spec, sampler);
            free(owned, p.w());
            free(owned, p.x());
            activate(p, spec, activation, sampler);
            double[] y = new double[(int) size];
            p.z().get(y, 0, y.length);
            return y;
        } finally {
            for (Pointer q : owned) {
                q.deallocate();
            }
        }
    }

    /** G_W, G_X and Z = α G_W G_X off-heap (all three in {@code owned}), and the trial's bias. */
    private record Product(DoublePointer w, DoublePointer x, DoublePointer z, double[] bias) {}

    private static Product product(List<Pointer> owned, SimulationSpec spec, TrialSampler sampler) {
        int n0 = spec.n0();
        int n1 = spec.n1();
        int m = spec.m();
        DoublePointer w = allocate(owned, (long) n1 * n0);
        sampler.gaussianMatrix(n1, n0, TrialSampler.W_STREAM, () -> view(w));
        DoublePointer x = allocate(owned, (long) n0 * m);
        sampler.gaussianMatrix(n0, m, TrialSampler.X_STREAM, () -> view(x));
        double[] bias = sampler.bias(spec);
        DoublePointer z = allocate(owned, (long) n1 * m);
        openblas.cblas_dgemm(
                CblasColMajor,
                CblasNoTrans,
                CblasNoTrans,
                n1,
                m,
                n0,
                TrialSampler.alpha(spec),
                w,
                n1,
                x,
                n0,
                0.0,
                z,
                n1);
        return new Product(w, x, z, bias);
    }

    /** Y = f(Z + B) − mean in place (α is already in Z). */
    private static void activate(Product p, SimulationSpec spec, CenteredActivation f, TrialSampler sampler) {
        sampler.activate(spec.n1(), spec.m(), 1, spec, p.bias(), f, () -> view(p.z()));
    }

    private static void checkInfo(int info, int n) {
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed for n = " + n + " with info = " + info
                    + (info > 0 ? " (no convergence)" : " (illegal argument)"));
        }
    }

    private static DoublePointer allocate(List<Pointer> owned, long count) {
        DoublePointer p = new DoublePointer(count);
        if (p.isNull()) {
            throw new OutOfMemoryError(
                    "could not allocate " + InsufficientMemoryException.bytes(8 * count) + " of native memory");
        }
        owned.add(p);
        return p;
    }

    private static void free(List<Pointer> owned, Pointer p) {
        owned.remove(p);
        p.deallocate();
    }

    /** A task's own view of an off-heap matrix (a DoublePointer's position is per object). */
    private static TrialSampler.Columns view(DoublePointer p) {
        DoublePointer v = new DoublePointer(p);
        return new TrialSampler.Columns() {
            @Override
            public void get(long offset, double[] column, int length) {
                v.position(offset).get(column, 0, length);
            }

            @Override
            public void put(long offset, double[] column, int length) {
                v.position(offset).put(column, 0, length);
            }
        };
    }
}
