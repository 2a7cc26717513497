package org.nrmt.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent random streams derived from the user's seed only: stream k of trial t of seed s is
 * a xoshiro256++ generator whose 256-bit state is four SplitMix64 outputs started at a mix of
 * (s, t, k). A trial draws each column of W and X from its own stream, so its numbers depend on
 * (seed, trial) only, bit for bit, whatever the number of trials, threads or chunks.
 */
public final class TrialSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private TrialSeeds() {}

    /** Stream 0 of {@code trial} (≥ 0) for {@code seed}. */
    public static UniformRandomProvider generator(long seed, int trial) {
        return generator(seed, trial, 0);
    }

    /** Stream {@code stream} of {@code trial} (≥ 0) for {@code seed}. */
    public static UniformRandomProvider generator(long seed, int trial, long stream) {
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        long x = mix64(mix64(mix64(seed ^ 0x6E726D74L) + trial * GOLDEN) + stream * 0xD1B54A32D192ED03L);
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            x += GOLDEN;
            state[i] = mix64(x);
        }
        // the generator RandomSource.XO_SHI_RO_256_PP.create(state) builds, without its reflective
        // factory: a trial makes n0 + m of them, ~2 µs each that way
        return new XoShiRo256PlusPlus(state);
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014), a bijection on 64-bit words. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
