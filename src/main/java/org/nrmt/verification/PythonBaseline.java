package org.nrmt.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs python3 snippets (numpy, mpmath) as the timing baselines, in the same run as nrmt. Each
 * snippet times itself with {@code time.perf_counter} (best of its repeats, interpreter start-up
 * excluded) and prints the seconds as its last line. BLAS is pinned to one thread, as for nrmt.
 */
final class PythonBaseline {
    private static final long TIMEOUT_SECONDS = 600;

    private PythonBaseline() {}

    /** "numpy X, mpmath Y, Python Z" when python3 with numpy and mpmath runs, else empty. */
    static Optional<String> versions() {
        try {
            String out = run("import sys, numpy, mpmath\n"
                    + "print('numpy %s, mpmath %s, Python %s' % (numpy.__version__, mpmath.__version__, "
                    + "sys.version.split()[0]))\n");
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs a snippet and returns its last output line as seconds. */
    static double seconds(String script) throws IOException {
        String last = run(script);
        try {
            return Double.parseDouble(last);
        } catch (NumberFormatException e) {
            throw new IOException("python baseline printed no time, got " + last, e);
        }
    }

    /** Runs a snippet; returns the last non-empty line of stdout. */
    static String run(String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("MKL_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python3 baseline timed out after " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for python3", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("python3 exited with " + p.exitValue() + ": " + lastLines(text, 3));
        }
        return lastLines(text, 1);
    }

    private static String lastLines(String text, int k) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - k), lines.size()));
    }

    /** η and ζ of tanh at {@code digits} digits with mpmath.quad on (−∞, 0] ∪ [0, ∞). */
    static String constantsScript(int digits, int repeats) {
        return """
                import time
                from mpmath import mp, quad, tanh, exp, sqrt, pi, inf
                mp.dps = %d
                def run():
                    w = lambda z: exp(-z*z/2)/sqrt(2*pi)
                    mean = quad(lambda z: tanh(z)*w(z), [-inf, 0, inf])
                    eta = quad(lambda z: tanh(z)**2*w(z), [-inf, 0, inf]) - mean**2
                    zeta = quad(lambda z: z*tanh(z)*w(z), [-inf, 0, inf])**2
                    return eta, zeta
                best = float('inf')
                for _ in range(%d):
                    t = time.perf_counter(); run(); best = min(best, time.perf_counter() - t)
                print(best)
                """.formatted(digits, repeats);
    }

    /** W, X, Y = tanh(WX), M = YYᵀ/m and all eigenvalues, n0 = n1 = m = n, in numpy. */
    static String simulateScript(int n, int repeats) {
        return """
                import time, numpy as np
                n = %d
                def run(seed):
                    rng = np.random.default_rng(seed)
                    W = rng.standard_normal((n, n)) / np.sqrt(n)
                    X = rng.standard_normal((n, n))
                    Y = np.tanh(W @ X)
                    M = (Y @ Y.T) / n
                    return np.linalg.eigvalsh(M)
                run(0)
                best = float('inf')
                for s in range(%d):
                    t = time.perf_counter(); run(s + 1); best = min(best, time.perf_counter() - t)
                print(best)
                """.formatted(n, repeats);
    }

    /**
     * ρ(x) on a grid of {@code points} by the public-script method, vectorised: all roots of the
     * quartic (theory/quartic.md §2) at z = x + 1e-9 i by batched companion-matrix eigenvalues, then the
     * root of largest |Im G|.
     */
    static String densityScript(
            double eta, double zeta, double phi, double psi, double from, double to, int points, int repeats) {
        return """
                import time, numpy as np
                eta, zeta, phi, psi = %s, %s, %s, %s
                g = phi / psi
                x = np.linspace(%s, %s, %d)
                def run():
                    z = x + 1e-9j
                    c4 = g*g*zeta*(eta - zeta)*z*z
                    c3 = -g*zeta*z*(z + 2*(g - 1)*(eta - zeta))
                    c2 = zeta*(eta - zeta)*(g - 1)**2 - z*(eta*phi + zeta*(1 - 2*g))
                    c1 = psi*z + (g - 1)*(psi*eta - zeta)
                    c0 = -psi*np.ones_like(z)
                    C = np.zeros((len(z), 4, 4), dtype=complex)
                    C[:, 0, :] = -np.stack([c3, c2, c1, c0], axis=1) / c4[:, None]
                    C[:, 1, 0] = 1; C[:, 2, 1] = 1; C[:, 3, 2] = 1
                    r = np.linalg.eigvals(C)
                    G = r[np.arange(len(z)), np.argmax(np.abs(r.imag), axis=1)]
                    return -G.imag / np.pi
                run()
                best = float('inf')
                for _ in range(%d):
                    t = time.perf_counter(); run(); best = min(best, time.perf_counter() - t)
                print(best)
                """.formatted(eta, zeta, phi, psi, from, to, points, repeats);
    }

    /** One G(z) at {@code digits} digits: mpmath.polyroots of the quartic, root of largest |Im G|. */
    static String stieltjesScript(
            String eta, String zeta, String phi, String psi, double zRe, double zIm, int digits, int repeats) {
        return """
                import time
                from mpmath import mp, mpf, mpc, polyroots
                mp.dps = %d
                eta, zeta, phi, psi = mpf('%s'), mpf('%s'), mpf('%s'), mpf('%s')
                g = phi / psi
                z = mpc(mpf('%s'), mpf('%s'))
                def run():
                    c4 = g*g*zeta*(eta - zeta)*z*z
                    c3 = -g*zeta*z*(z + 2*(g - 1)*(eta - zeta))
                    c2 = zeta*(eta - zeta)*(g - 1)**2 - z*(eta*phi + zeta*(1 - 2*g))
                    c1 = psi*z + (g - 1)*(psi*eta - zeta)
                    c0 = -psi
                    r = polyroots([c4, c3, c2, c1, c0], maxsteps=200, extraprec=60)
                    return max(r, key=lambda w: abs(w.imag))
                run()
                best = float('inf')
                for _ in range(%d):
                    t = time.perf_counter(); run(); best = min(best, time.perf_counter() - t)
                print(best)
                """.formatted(digits, eta, zeta, phi, psi, zRe, zIm, repeats);
    }
}
