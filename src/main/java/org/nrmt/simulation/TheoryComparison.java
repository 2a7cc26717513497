package org.nrmt.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Theory against simulation: the one place a {@link Comparison} is built ({@code nrmt compare},
 * {@code nrmt verify}, sweeps and the API all call it). The statistics are those of {@link
 * SpectralStatistics} (theory/verification.md §2): KS and W1 after the eigenvalues within the zero
 * tolerance of an atom are set onto it, the Stieltjes error at the default points, m₁…m₃.
 *
 * <p>The theory CDF is a {@link Cdf}: tabulated from the law's density ({@link Cdf#tabulated}, the
 * default) or the law's own {@link SpectralLaw#cdf} ({@link Cdf#ofLaw}, for laws that certify their
 * CDF nodes but not every density point a table would ask for).
 *
 * <p>A resolution r &gt; 0 next to 0 (verify's per-neuron and per-sample bias scenarios) compares the
 * CDFs as seen by an instrument that cannot tell [0, r] from 0: eigenvalues in [0, r] are set to
 * 0 and the theory's mass in [0, r] becomes one jump at 0; above r nothing changes. Units that a
 * bias all but switches off leave, at finite m, exact or near-exact zero eigenvalues where the
 * limit law has tiny positive ones (theory/bias.md §9); the mass below r is still compared. The
 * atom columns are always raw.
 */
public final class TheoryComparison {
    /** Moments compared: m_1 … m_3. */
    public static final int MOMENTS = 3;

    private TheoryComparison() {}

    /**
     * A theory CDF: F(x), right-continuous, and its left limits F(x−) (equal wherever F is
     * continuous).
     *
     * @param right F(x)
     * @param left  F(x−)
     */
    public record Cdf(DoubleUnaryOperator right, DoubleUnaryOperator left) {

        /** The law's CDF tabulated once from its density ({@link TabulatedCdf}). */
        public static Cdf tabulated(SpectralLaw law) {
            TabulatedCdf t = TabulatedCdf.of(law);
            return new Cdf(t::cdf, t::cdfLeft);
        }

        /** The law's own CDF; F(x−) = F(x) minus the mass of an atom located exactly at x. */
        public static Cdf ofLaw(SpectralLaw law) {
            List<Atom> atoms = law.atoms();
            return new Cdf(law::cdf, x -> {
                double f = law.cdf(x);
                for (Atom a : atoms) {
                    if (a.location() == x) {
                        f -= a.mass();
                    }
                }
                return f;
            });
        }

        /** As seen at resolution r next to 0: F(r) on [0, r) and F(r) as left limit on (0, r]. */
        Cdf resolved(double r) {
            if (!(r > 0)) {
                return this;
            }
            double atR = right.applyAsDouble(r);
            return new Cdf(
                    x -> x >= 0 && x < r ? atR : right.applyAsDouble(x),
                    x -> x > 0 && x <= r ? atR : left.applyAsDouble(x));
        }
    }

    /** All statistics for the pooled trials of {@code result}, the law's CDF tabulated. */
    public static Comparison compare(SimulationResult result, SpectralLaw law) {
        return compare(result, law, Cdf.tabulated(law));
    }

    /**
     * As {@link #compare(SimulationResult, SpectralLaw)} with the CDF given (a {@link Cdf} built
     * once serves many samples of one law); {@code seconds} counts the simulation and the statistics.
     */
    public static Comparison compare(SimulationResult result, SpectralLaw law, Cdf cdf) {
        long start = System.nanoTime();
        Comparison c = compare(result.spectrum(), law, cdf, 0, 0);
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

    /** As {@link #compare(SimulationResult, SpectralLaw, Cdf)} with a table already built (a sweep's trials share it). */
    public static Comparison compare(SimulationResult result, SpectralLaw law, TabulatedCdf cdf) {
        return compare(result, law, new Cdf(cdf::cdf, cdf::cdfLeft));
    }

    /** The comparison of an empirical spectrum with a law, its CDF tabulated; {@code seconds} is passed through. */
    public static Comparison compare(EmpiricalSpectrum esd, SpectralLaw law, double seconds) {
        return compare(esd, law, Cdf.tabulated(law), 0, seconds);
    }

    /**
     * The comparison against {@code cdf} at resolution {@code resolution} ≥ 0 next to 0 (0: none);
     * {@code seconds} is passed through.
     */
    public static Comparison compare(
            EmpiricalSpectrum esd, SpectralLaw law, Cdf cdf, double resolution, double seconds) {
        List<Atom> atoms = law.atoms();
        double atomTheory = 0;
        for (Atom a : atoms) {
            if (a.location() == 0.0) {
                atomTheory += a.mass();
            }
        }
        double[] sorted = resolvedSample(esd, atoms, resolution);
        Cdf f = cdf.resolved(resolution);
        double ks = SpectralStatistics.ks(sorted, f.right(), f.left());
        double[] nodes = SpectralStatistics.w1Nodes(law);
        if (resolution > 0) {
            nodes = Arrays.copyOf(nodes, nodes.length + 2);
            nodes[nodes.length - 2] = 0.0;
            nodes[nodes.length - 1] = resolution;
        }
        double w1 = SpectralStatistics.w1(sorted, f.right(), f.left(), nodes);
        double stieltjes =
                SpectralStatistics.stieltjesMaxError(esd, law, SpectralStatistics.defaultStieltjesPoints(law));
        List<Double> mt = new ArrayList<>();
        List<Double> me = new ArrayList<>();
        for (int k = 1; k <= MOMENTS; k++) {
            mt.add(law.moment(k));
            me.add(esd.moment(k));
        }
        return new Comparison(
                ks, w1, atomTheory, esd.massNear(0.0), stieltjes, mt, me, esd.n1(), esd.trials(), seconds);
    }

    /** The KS distance alone, as in {@link #compare(EmpiricalSpectrum, SpectralLaw, Cdf, double, double)}. */
    public static double ks(EmpiricalSpectrum esd, SpectralLaw law, Cdf cdf, double resolution) {
        Cdf f = cdf.resolved(resolution);
        return SpectralStatistics.ks(resolvedSample(esd, law.atoms(), resolution), f.right(), f.left());
    }

    /** The sorted sample with atoms snapped and, at a resolution r &gt; 0, every value ≤ r set to 0. */
    private static double[] resolvedSample(EmpiricalSpectrum esd, List<Atom> atoms, double resolution) {
        double[] sorted = esd.snappedTo(atoms).sorted();
        if (resolution > 0) {
            for (int i = 0; i < sorted.length && sorted[i] <= resolution; i++) {
                sorted[i] = 0.0;
            }
        }
        return sorted;
    }
}
