package org.nrmt.simulation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nrmt.spectrum.Atom;
import org.nrmt.spectrum.Interval;
import org.nrmt.spectrum.SpectralLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * The comparison figure (described in XChart; {@code org.nrmt.figure.FigureWriter} draws it as PNG,
 * SVG or PDF): a density-normalised
 * histogram of the eigenvalues off the atoms (its area is the empirical continuous mass), the
 * theory density ρ, each atom as a spike whose height is its mass times the plot's height with the
 * theory and empirical masses in the legend, and the support edges as marks on the axis.
 */
public final class SpectrumFigure {
    private static final Color HISTOGRAM = new Color(120, 160, 210, 150);
    private static final Color THEORY = new Color(200, 40, 30);
    private static final Color ATOM = new Color(30, 120, 40);

    private SpectrumFigure() {}

    /**
     * Number of histogram bins: 2√N between 40 and 200. Eigenvalues are rigid (their counting
     * function fluctuates O(log N), not O(√N)), so bins much finer than the iid rules stay smooth.
     */
    static int bins(int n) {
        return (int) Math.max(40, Math.min(200, Math.round(2 * Math.sqrt(n))));
    }

    /**
     * Builds the figure.
     *
     * @param title      e.g. "tanh: n0=1000, n1=1000, m=2000"
     * @param esd        the pooled eigenvalues
     * @param law        the theory
     * @param comparison its statistics (KS shown in the subtitle line of the title)
     */
    public static XYChart build(String title, EmpiricalSpectrum esd, SpectralLaw law, Comparison comparison) {
        List<Atom> atoms = law.atoms();
        double tol = esd.zeroTolerance();
        double[] all = esd.sorted();
        List<Double> off = new ArrayList<>();
        for (double v : all) {
            boolean atAtom = Math.abs(v) <= tol;
            for (Atom a : atoms) {
                atAtom |= Math.abs(v - a.location()) <= tol;
            }
            if (!atAtom) {
                off.add(v);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Interval iv : law.support()) {
            lo = Math.min(lo, iv.lo());
            hi = Math.max(hi, iv.hi());
        }
        for (Atom a : atoms) {
            lo = Math.min(lo, a.location());
            hi = Math.max(hi, a.location());
        }
        if (!off.isEmpty()) {
            lo = Math.min(lo, off.get(0));
            hi = Math.max(hi, off.get(off.size() - 1));
        }
        double pad = 0.04 * (hi - lo);
        double x0 = lo - pad;
        double x1 = hi + pad;

        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(620)
                .title(title
                        + String.format(
                                Locale.ROOT,
                                "  (KS %.4f, W1 %.4f, %d eigenvalues)",
                                comparison.ks(),
                                comparison.w1(),
                                esd.size()))
                .xAxisTitle("eigenvalue λ")
                .yAxisTitle("density")
                .build();
        XYStyler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(false);
        st.setMarkerSize(7);

        // Histogram as a filled outline: (e0,0),(e0,h0),(e1,h0),(e1,h1),…,(eK,0).
        double histMax = 0;
        if (!off.isEmpty()) {
            int k = bins(off.size());
            double a0 = off.get(0);
            double a1 = off.get(off.size() - 1);
            double width = Math.max(a1 - a0, 1e-12) / k;
            double[] counts = new double[k];
            for (double v : off) {
                counts[Math.min(k - 1, (int) ((v - a0) / width))]++;
            }
            double[] hx = new double[2 * k + 2];
            double[] hy = new double[2 * k + 2];
            hx[0] = a0;
            hy[0] = 0;
            for (int i = 0; i < k; i++) {
                double h = counts[i] / (all.length * width);
                histMax = Math.max(histMax, h);
                hx[2 * i + 1] = a0 + i * width;
                hy[2 * i + 1] = h;
                hx[2 * i + 2] = a0 + (i + 1) * width;
                hy[2 * i + 2] = h;
            }
            hx[2 * k + 1] = a1;
            hy[2 * k + 1] = 0;
            XYSeries hist = chart.addSeries("simulation (histogram)", hx, hy);
            hist.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            hist.setMarker(SeriesMarkers.NONE);
            hist.setFillColor(HISTOGRAM);
            hist.setLineColor(HISTOGRAM.darker());
        }

        int grid = 800;
        List<double[]> curve = new ArrayList<>();
        double densMax = 0;
        for (int i = 0; i < grid; i++) {
            double x = x0 + (x1 - x0) * i / (grid - 1);
            double rho;
            try {
                rho = law.density(x);
            } catch (UncertifiedPointException e) {
                continue; // a point the law cannot certify is left out of the curve, not guessed
            }
            if (Double.isFinite(rho)) {
                curve.add(new double[] {x, rho});
                densMax = Math.max(densMax, rho);
            }
        }
        int points = curve.size();
        double[] dx = new double[points];
        double[] dy = new double[points];
        for (int i = 0; i < points; i++) {
            dx[i] = curve.get(i)[0];
            dy[i] = curve.get(i)[1];
        }
        // A divergent density (x^(−1/2) at 0 for linear f at ψ = 1) must not flatten the plot.
        double top = 1.15 * Math.max(histMax > 0 ? Math.min(densMax, 2 * histMax) : densMax, 1e-12);
        for (int i = 0; i < points; i++) {
            dy[i] = Math.min(dy[i], top);
        }
        XYSeries theory = chart.addSeries("theory density ρ", dx, dy);
        theory.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        theory.setMarker(SeriesMarkers.NONE);
        theory.setLineColor(THEORY);
        theory.setLineStyle(new BasicStroke(2f));

        for (Atom a : atoms) {
            double empirical = esd.massNear(a.location());
            XYSeries spike = chart.addSeries(
                    String.format(
                            Locale.ROOT,
                            "atom at %.3g: theory %.4f, simulation %.4f",
                            a.location(),
                            a.mass(),
                            empirical),
                    new double[] {a.location(), a.location()},
                    new double[] {0, a.mass() * top});
            spike.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            spike.setMarker(SeriesMarkers.NONE);
            spike.setLineColor(ATOM);
            spike.setLineStyle(new BasicStroke(4f));
            XYSeries emp = chart.addSeries(
                    "simulated atom (marker height ∝ mass)", new double[] {a.location()}, new double[] {empirical * top
                    });
            emp.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            emp.setMarker(SeriesMarkers.CIRCLE);
            emp.setMarkerColor(Color.BLACK);
        }

        List<Double> edges = new ArrayList<>();
        for (Interval iv : law.support()) {
            edges.add(iv.lo());
            edges.add(iv.hi());
        }
        if (!edges.isEmpty()) {
            double[] ex = edges.stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries marks = chart.addSeries("support edges", ex, new double[ex.length]);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.TRIANGLE_UP);
            marks.setMarkerColor(Color.DARK_GRAY);
        }
        st.setXAxisMin(x0);
        st.setXAxisMax(x1);
        st.setYAxisMin(0.0);
        st.setYAxisMax(top);
        return chart;
    }
}
