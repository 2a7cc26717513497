package org.nrmt.simulation;

import java.util.ArrayList;
import java.util.List;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.SpectralLaw;

/** Builds a {@link Comparison} of a simulation with a {@link SpectralLaw}. */
public final class TheoryComparison {
    /** Moments compared: m_1 … m_3. */
    public static final int MOMENTS = 3;

    private TheoryComparison() {}

    /** All statistics of {@link SpectralStatistics} for the pooled trials of {@code result}. */
    public static Comparison compare(SimulationResult result, SpectralLaw law) {
        return compare(result, law, null);
    }

    /**
     * As {@link #compare(SimulationResult, SpectralLaw)} with the law's CDF already tabulated
     * ({@code cdf} = {@link TabulatedCdf#of}(law), or null to tabulate here): many samples of one
     * law (a sweep's trials) share one table.
     */
    public static Comparison compare(SimulationResult result, SpectralLaw law, TabulatedCdf cdf) {
        long start = System.nanoTime();
        EmpiricalSpectrum esd = result.spectrum();
        Comparison c = compare(esd, law, cdf == null ? TabulatedCdf.of(law) : cdf, 0.0);
        double seconds = result.seconds() + (System.nanoTime() - start) * 1e-9;
        return new Comparison(
                c.ks(),
                c.w1(),
                c.atomTheory(),
                c.atomEmpirical(),
                c.stieltjesMaxError(),
                c.momentsTheory(),
                c.momentsEmpirical(),
                c.n1(),
                c.trials(),
                seconds);
    }

    /** The comparison of an empirical spectrum with a law; {@code seconds} is passed through. */
    public static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law, double seconds) {
        return compare(esd, law, TabulatedCdf.of(law), seconds);
    }

    private static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law, TabulatedCdf cdf, double seconds) {
        double ks = SpectralStatistics.ks(esd, law, cdf);
        double w1 = SpectralStatistics.w1(esd, law, cdf);
        double atomTheory = 0;
        for (Atom a : law.atoms()) {
            if (a.location() == 0.0) {
                atomTheory += a.mass();
            }
        }
        double atomEmpirical = esd.massNear(0.0);
        double stieltjes =
                SpectralStatistics.stieltjesMaxError(esd, law, SpectralStatistics.defaultStieltjesPoints(law));
        List<Double> mt = new ArrayList<>();
        List<Double> me = new ArrayList<>();
        for (int k = 1; k <= MOMENTS; k++) {
            mt.add(law.moment(k));
            me.add(esd.moment(k));
        }
        return new Comparison(ks, w1, atomTheory, atomEmpirical, stieltjes, mt, me, esd.n1(), esd.trials(), seconds);
    }
}
