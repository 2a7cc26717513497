package org.nrmt.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One independent random stream per trial, derived from the user's seed only: trial t of seed s
 * uses a xoshiro256++ generator whose 256-bit state is four SplitMix64 outputs started at
 * mix(s) + t·golden. The stream of a trial therefore does not depend on how many trials run or
 * on which thread runs it, so results are bit-identical across thread counts.
 */
public final class TrialSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private TrialSeeds() {
    }

    /** The generator of {@code trial} (≥ 0) for {@code seed}. */
    public static UniformRandomProvider generator(long seed, int trial) {
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        long[] state = new long[4];
        long x = mix64(seed ^ 0x6E726D74L) + (trial + 1L) * GOLDEN;
        for (int i = 0; i < 4; i++) {
            x += GOLDEN;
            state[i] = mix64(x);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014), a bijection on 64-bit words. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
