package org.nrmt.bench;

import java.util.Locale;
import org.nrmt.layers.LayerPropagation;
import org.nrmt.layers.MarchenkoPasturLaw;

/**
 * Benchmark (not a test): 5 layers of −1 + √5 e^(−2x²) normalised, at n, m (default 1000, 2000),
 * seconds per layer including eigenvalues and both KS distances. Baseline: numpy (W @ X, exp,
 * eigvalsh). Usage: java -cp target/classes:target/test-classes:target/lib/* \
 * org.nrmt.bench.LayersBench [n] [m]
 */
public final class LayersBench {

    private LayersBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        MarchenkoPasturLaw mp = MarchenkoPasturLaw.of(1, (double) n / m);
        LayerPropagation p =
                new LayerPropagation(x -> -1 + Math.sqrt(5) * Math.exp(-2 * x * x), 0, 1 / Math.sqrt(2.0 / 3), mp::cdf);
        p.run(1, 200, 400, 1); // warm-up
        long t0 = System.nanoTime();
        var layers = p.run(5, n, m, 1);
        long t1 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "seconds_per_layer %.2f (n=%d, m=%d, last KS %.4f)%n",
                (t1 - t0) / 1e9 / 6,
                n,
                m,
                layers.get(5).ksToInputLaw());
    }
}
