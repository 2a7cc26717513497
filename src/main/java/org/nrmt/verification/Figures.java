package org.nrmt.verification;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nrmt.figure.FigureFormat;
import org.nrmt.figure.FigureSize;
import org.nrmt.figure.FigureWriter;

/**
 * The report's figures as PNG bytes (described in XChart, drawn by {@link FigureWriter}). Pure functions of the outcomes, so the same numbers
 * give the same bytes. Figures of non-deterministic quantities (timings) are not drawn.
 */
final class Figures {
    static final int WIDTH = 800;
    static final int HEIGHT = 520;
    private static final BasicStroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    /** Fixed colours: a fitted line must share its points' colour, so none is left to XChart. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(44, 160, 44),
        new Color(214, 39, 40),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    private Figures() {}

    private static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** KS against n1 on log–log axes, points and fitted lines, one colour per scenario. */
    static byte[] ksScaling(List<ScenarioResult> results) {
        XYChart chart = chart("KS distance against n1 (log–log; dashed: least-squares fit)", "n1", "KS");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        for (int k = 0; k < results.size(); k++) {
            ScenarioResult r = results.get(k);
            Outcome.Scaling s = (Outcome.Scaling) r.outcome();
            String label = r.scenario().name() + " (slope " + Report.fmt(s.fit().slope(), 3) + ")";
            XYSeries pts = chart.addSeries(label, s.n1(), s.ks());
            pts.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(colour(k));
            List<Double> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (Integer n : List.of(s.n1().get(0), s.n1().get(s.n1().size() - 1))) {
                fx.add(n.doubleValue());
                fy.add(s.fit().at(n));
            }
            XYSeries line = chart.addSeries(r.scenario().name() + " fit", fx, fy);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(DASHED);
            line.setLineColor(colour(k));
            line.setShowInLegend(false);
        }
        return png(chart);
    }

    /** The ESD histogram against the theory density (atoms excluded from both). */
    static byte[] spectrum(Scenario sc, Outcome.Spectrum s) {
        XYChart chart = chart(
                sc.name() + ": " + sc.activation() + ", n0/n1/m = " + sc.shapeLabel() + ", KS = "
                        + Report.fmt(s.ks(), 2),
                "eigenvalue",
                "density");
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        XYSeries h = chart.addSeries(
                s.histogram().label() + ", " + sc.trials() + " trial" + (sc.trials() > 1 ? "s" : ""),
                s.histogram().x(),
                s.histogram().y());
        h.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
        h.setMarker(SeriesMarkers.NONE);
        h.setFillColor(new Color(160, 190, 230));
        h.setLineColor(new Color(90, 130, 190));
        XYSeries c = chart.addSeries("theory", s.curve().x(), s.curve().y());
        c.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        c.setMarker(SeriesMarkers.NONE);
        c.setLineColor(Color.BLACK);
        c.setLineWidth(1.6f);
        return png(chart);
    }

    /** E_train against λ (log x): theory lines and simulated (or reference) markers. */
    static byte[] memorization(Scenario sc, Outcome.Memorization m) {
        XYChart chart = chart(sc.name() + ": training loss of ridge regression on random features", "λ", "E_train");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        boolean reference = sc.activation() == null;
        for (int i = 0; i < m.labels().size(); i++) {
            XYSeries t = chart.addSeries(
                    m.labels().get(i) + " theory", m.lambdas(), m.theory().get(i));
            t.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(colour(i));
            XYSeries p = chart.addSeries(
                    m.labels().get(i) + (reference ? " reference" : " simulation"),
                    m.lambdas(),
                    m.compared().get(i));
            p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CIRCLE);
            p.setMarkerColor(colour(i));
        }
        return png(chart);
    }

    /** KS to the input law per layer (log y), one line per layers scenario. */
    static byte[] layers(List<ScenarioResult> results) {
        XYChart chart = chart(
                "Spectra through layers: KS of each layer's ESD to the input Marchenko–Pastur law",
                "layer",
                "KS to input law");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        for (int k = 0; k < results.size(); k++) {
            ScenarioResult r = results.get(k);
            Outcome.Layers l = (Outcome.Layers) r.outcome();
            List<Integer> layer = new ArrayList<>();
            for (int i = 1; i <= l.ksToInput().size(); i++) {
                layer.add(i);
            }
            XYSeries s =
                    chart.addSeries(r.scenario().name() + " (" + r.scenario().activation() + ")", layer, l.ksToInput());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colour(k));
            s.setLineColor(colour(k));
        }
        return png(chart);
    }

    /**
     * log₁₀ of the relative density error against distance to the edge (log x), one line per
     * precision. A linear axis in log₁₀ keeps 60 decades readable; an exact match is drawn at −60.
     */
    static byte[] branches(Scenario sc, Outcome.Branches b) {
        XYChart chart = chart(
                sc.name() + ": error of ρ at λ₊ − δ (" + sc.activation() + ", φ = " + Report.fmt(sc.phi(), 3) + ", ψ = "
                        + Report.fmt(sc.psi(), 3) + ")",
                "δ (distance to λ₊)",
                "log10 relative error of the density");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(-62.0).setYAxisMax(0.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        for (int i = 0; i < b.digits().size(); i++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int j = 0; j < b.distances().size(); j++) {
                double e = b.error().get(i).get(j);
                x.add(b.distances().get(j));
                y.add(Math.log10(Math.max(e, 1e-60)));
            }
            XYSeries s = chart.addSeries(b.digits().get(i) + " digits", x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colour(i));
            s.setLineColor(colour(i));
        }
        return png(chart);
    }

    /** Each strategy's density on a common grid: phantom density is visible off the support. */
    static byte[] strategies(Scenario sc, Outcome.Strategies s) {
        XYChart chart = chart(
                sc.name() + ": density by root-selection strategy (" + sc.activation() + ", φ = "
                        + Report.fmt(sc.phi(), 3) + ", ψ = " + Report.fmt(sc.psi(), 3) + ")",
                "x",
                "density");
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        for (int i = 0; i < s.densities().size(); i++) {
            Outcome.Series d = s.densities().get(i);
            XYSeries line = chart.addSeries(d.label(), d.x(), d.y());
            line.setLineColor(colour(i));
            line.setMarker(SeriesMarkers.NONE);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        }
        return png(chart);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(x)
                .yAxisTitle(y)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBorderColor(Color.LIGHT_GRAY);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    private static byte[] png(XYChart chart) {
        return FigureWriter.encode(chart, FigureFormat.PNG, FigureSize.DEFAULT);
    }
}
