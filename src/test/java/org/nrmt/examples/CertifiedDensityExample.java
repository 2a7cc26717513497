package org.nrmt.examples;

import java.util.List;
import org.nrmt.activation.Activation;
import org.nrmt.constants.GaussianConstants;
import org.nrmt.constants.GaussianConstantsEngine;
import org.nrmt.spectrum.ModelParams;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.StieltjesPoint;

/**
 * The Java API in a few lines (shown in README.md): from an activation string to a certified
 * density curve. Run: {@code java -cp target/classes:target/test-classes:target/lib/*
 * org.nrmt.examples.CertifiedDensityExample}.
 */
public final class CertifiedDensityExample {

    private CertifiedDensityExample() {}

    /** Density of the tanh network at φ = 0.5, ψ = 2 on 200 points, every one certified. */
    public static List<StieltjesPoint> tanhDensity() {
        Activation f = Activation.parse("tanh");
        GaussianConstants c = GaussianConstantsEngine.compute(f, 1.0, 30); // η, ζ to 30 digits
        ModelParams p = new ModelParams(c.etaDouble(), c.zetaDouble(), 0.5, 2.0);
        return QuarticLaw.of(p).densityGrid(0.0, 1.6, 200); // certified per point
    }

    public static void main(String[] args) {
        for (StieltjesPoint pt : tanhDensity()) {
            System.out.printf("%.4f %.10f %s%n", pt.z().getReal(), pt.density(), pt.certified());
        }
    }
}
