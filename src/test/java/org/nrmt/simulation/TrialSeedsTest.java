package org.nrmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The streams are those of commons-rng's RandomSource.XO_SHI_RO_256_PP on the same state. */
class TrialSeedsTest {

    /**
     * The directly built generator and RandomSource's factory give the same numbers on the same
     * four-word state (the factory only validates and copies a native long[4] seed).
     */
    @Test
    void directGeneratorEqualsRandomSourceFactory() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            for (int trial = 0; trial < 3; trial++) {
                for (long stream : new long[] {
                    0, 1, 1999, TrialSampler.X_STREAM, TrialSampler.X_STREAM + 5, TrialSampler.BIAS_STREAM
                }) {
                    UniformRandomProvider direct = TrialSeeds.generator(seed, trial, stream);
                    UniformRandomProvider factory = RandomSource.XO_SHI_RO_256_PP.create(state(seed, trial, stream));
                    for (int i = 0; i < 100; i++) {
                        assertEquals(
                                factory.nextLong(),
                                direct.nextLong(),
                                "seed " + seed + " trial " + trial + " stream " + stream + " draw " + i);
                    }
                }
            }
        }
        assertNotEquals(
                TrialSeeds.generator(1, 0, 0).nextLong(),
                TrialSeeds.generator(1, 0, 1).nextLong());
    }

    /** The state TrialSeeds derives, written out again from its Javadoc: SplitMix64 outputs. */
    private static long[] state(long seed, int trial, long stream) {
        long golden = 0x9E3779B97F4A7C15L;
        long x = TrialSeeds.mix64(
                TrialSeeds.mix64(TrialSeeds.mix64(seed ^ 0x6E726D74L) + trial * golden) + stream * 0xD1B54A32D192ED03L);
        long[] s = new long[4];
        for (int i = 0; i < 4; i++) {
            x += golden;
            s[i] = TrialSeeds.mix64(x);
        }
        return s;
    }
}
