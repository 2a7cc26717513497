package org.nrmt.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The fixed order in which one trial consumes its random stream: the n1·n0 standard Gaussians of
 * W (column-major), then the n0·m of X (column-major), then the bias values (n1, m or 1 of them,
 * already multiplied by σb). Standard normals come from the McFarland ziggurat
 * ({@link ZigguratSampler.NormalizedGaussian}). Not thread-safe: one per trial.
 */
final class TrialSampler {
    private final ZigguratSampler.NormalizedGaussian gaussian;

    TrialSampler(UniformRandomProvider rng) {
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** Fills {@code buf[off, off+len)} with standard normals. */
    void fill(double[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] = gaussian.sample();
        }
    }

    /** The bias values of the trial (drawn after W and X), σb·N(0,1) each. */
    double[] bias(SimulationSpec spec) {
        double[] b = new double[(int) spec.biasCount()];
        fill(b, 0, b.length);
        for (int i = 0; i < b.length; i++) {
            b[i] *= spec.biasSigma();
        }
        return b;
    }

    /** α = σw σx / √n0: W X = α G_W G_X with G standard normal. */
    static double alpha(SimulationSpec spec) {
        return spec.sigmaW() * spec.sigmaX() / Math.sqrt(spec.n0());
    }

    /**
     * Column μ of Y from column μ of WX in place: y_i = f(z_i + B_iμ) − mean, with B from
     * {@link #bias}.
     */
    static void activateColumn(double[] col, int n1, int mu, SimulationSpec spec, double[] bias,
                               CenteredActivation f) {
        switch (spec.bias()) {
            case none -> {
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i]);
                }
            }
            case neuron -> {
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + bias[i]);
                }
            }
            case sample -> {
                double beta = bias[mu];
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + beta);
                }
            }
            case scalar -> {
                double beta = bias[0];
                for (int i = 0; i < n1; i++) {
                    col[i] = f.apply(col[i] + beta);
                }
            }
            default -> throw new IllegalStateException("unknown bias kind " + spec.bias());
        }
    }
}
