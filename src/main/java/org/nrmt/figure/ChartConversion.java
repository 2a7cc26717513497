package org.nrmt.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;

/**
 * An XChart {@link XYChart} (how nrmt's figures are described: series, render styles, colours,
 * axes) drawn by JFreeChart in the {@link PaperStyle}. XChart paints every string as glyph
 * outlines ({@code TextLayout.getOutline} then {@code fill}), so its SVG and PDF have no text;
 * JFreeChart draws strings with {@code drawString}, which the SVG and PDF back ends keep as text.
 *
 * <p>What is carried over: title, axis titles, log axes, axis limits, tick-label decimal
 * patterns, grid visibility, legend position and visibility per series, and per series its data,
 * render style (line, scatter, area, step, step area), line colour and stroke, fill colour,
 * marker and marker colour. Fonts and the colours of series that set none come from the style.
 * Strokes and markers keep their share of the figure's width: sizes set for a chart of XChart
 * width W pixels are scaled by (figure width in points)/W.
 */
final class ChartConversion {

    private ChartConversion() {}

    static JFreeChart of(XYChart source, FigureSize size) {
        XYStyler st = source.getStyler();
        double scale = Math.min(1.0, Math.max(0.35, (double) size.widthPoints() / Math.max(1, source.getWidth())));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(source.getXAxisTitle(), st.isXAxisLogarithmic(), st.getXAxisDecimalPattern()));
        plot.setRangeAxis(axis(source.getYAxisTitle(), st.isYAxisLogarithmic(), st.getYAxisDecimalPattern()));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // first series at the bottom, as XChart
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        boolean grid = st.isPlotGridLinesVisible();
        plot.setDomainGridlinesVisible(grid && st.isPlotGridVerticalLinesVisible());
        plot.setRangeGridlinesVisible(grid && st.isPlotGridHorizontalLinesVisible());
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));

        int index = 0;
        double markerPoints = Math.max(2.5, st.getMarkerSize() * scale);
        for (XYSeries s : source.getSeriesMap().values()) {
            if (!s.isEnabled()) continue;
            org.jfree.data.xy.XYSeries data = new org.jfree.data.xy.XYSeries(s.getName(), false, true);
            double[] x = s.getXData();
            double[] y = s.getYData();
            for (int i = 0; i < x.length; i++) {
                // a log axis cannot place non-positive values: leave them out rather than fail
                if ((st.isXAxisLogarithmic() && !(x[i] > 0)) || (st.isYAxisLogarithmic() && !(y[i] > 0))) continue;
                data.add(x[i], y[i]);
            }
            Color colour = PaperStyle.colour(index);
            Color line = s.getLineColor() != null ? s.getLineColor() : colour;
            Color fill = s.getFillColor() != null ? s.getFillColor() : translucent(line);
            Color markerColour = s.getMarkerColor() != null ? s.getMarkerColor() : line;
            BasicStroke stroke = stroke(s.getLineStyle(), scale);
            XYSeriesRenderStyle style =
                    s.getXYSeriesRenderStyle() != null ? s.getXYSeriesRenderStyle() : st.getDefaultSeriesRenderStyle();
            if (style == XYSeriesRenderStyle.Line && s.getLineStyle() == SeriesLines.NONE) {
                style = XYSeriesRenderStyle.Scatter; // XChart's "no line": markers only
            }
            Shape marker = marker(s.getMarker(), markerPoints);
            AbstractXYItemRenderer r = switch (style) {
                case Area -> {
                    XYAreaRenderer a = new XYAreaRenderer(XYAreaRenderer.AREA);
                    a.setOutline(true);
                    a.setSeriesPaint(0, fill);
                    a.setSeriesOutlinePaint(0, line);
                    a.setSeriesOutlineStroke(0, stroke);
                    a.setLegendArea(new Rectangle2D.Double(-6, -4, 12, 8));
                    yield a;
                }
                case StepArea -> {
                    XYStepAreaRenderer a = new XYStepAreaRenderer(XYStepAreaRenderer.AREA);
                    a.setOutline(true);
                    a.setSeriesPaint(0, fill);
                    a.setSeriesOutlinePaint(0, line);
                    a.setSeriesOutlineStroke(0, stroke);
                    yield a;
                }
                case Step -> {
                    XYStepRenderer a = new XYStepRenderer();
                    a.setSeriesPaint(0, line);
                    a.setSeriesStroke(0, stroke);
                    a.setSeriesShapesVisible(0, marker != null);
                    yield a;
                }
                default -> {
                    boolean scatter = style == XYSeriesRenderStyle.Scatter;
                    XYLineAndShapeRenderer a = new XYLineAndShapeRenderer(!scatter, marker != null || scatter);
                    a.setSeriesPaint(0, scatter ? markerColour : line);
                    a.setSeriesStroke(0, stroke);
                    a.setUseFillPaint(true);
                    a.setSeriesFillPaint(0, markerColour);
                    a.setDrawOutlines(false);
                    a.setSeriesShape(0, marker != null ? marker : marker(null, markerPoints));
                    a.setLegendLine(new Line2D.Double(-9, 0, 9, 0));
                    yield a;
                }
            };
            r.setSeriesVisibleInLegend(0, s.isShowInLegend());
            plot.setDataset(index, new XYSeriesCollection(data));
            plot.setRenderer(index, r);
            index++;
        }
        limits(plot.getDomainAxis(), st.getXAxisMin(), st.getXAxisMax(), plot);
        limits(plot.getRangeAxis(), st.getYAxisMin(), st.getYAxisMax(), plot);

        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        if (source.getTitle() != null && !source.getTitle().isEmpty() && st.isChartTitleVisible()) {
            TextTitle title = new TextTitle(source.getTitle(), PaperStyle.font(PaperStyle.TITLE_POINTS));
            title.setPaint(Color.BLACK);
            title.setMargin(0, 0, 6, 0);
            chart.setTitle(title);
        }
        if (st.isLegendVisible() && plot.getLegendItems().getItemCount() > 0) legend(chart, plot, st);
        return chart;
    }

    private static ValueAxis axis(String title, boolean log, String pattern) {
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(title);
            a.setSmallestValue(1e-300);
            // integer steps of log10: ticks at decades only, as XChart draws them
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (pattern != null) a.setNumberFormatOverride(format(pattern));
            a.setMinorTickMarksVisible(true);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(title);
            a.setAutoRangeIncludesZero(false);
            if (pattern != null) a.setNumberFormatOverride(format(pattern));
            axis = a;
        }
        axis.setLabelFont(PaperStyle.font(PaperStyle.AXIS_TITLE_POINTS));
        axis.setTickLabelFont(PaperStyle.font(PaperStyle.LABEL_POINTS));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.DARK_GRAY);
        axis.setTickMarkPaint(Color.DARK_GRAY);
        axis.setTickMarkOutsideLength(3f);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        return axis;
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Fixed limits as the chart set them; a missing one from the data (JFreeChart's auto range). */
    private static void limits(ValueAxis axis, Double min, Double max, XYPlot plot) {
        if (min == null && max == null) return;
        org.jfree.data.Range auto = plot.getDataRange(axis);
        double lo = min != null ? min : auto != null ? auto.getLowerBound() : 0;
        double hi = max != null ? max : auto != null ? auto.getUpperBound() : 1;
        if (!(hi > lo)) hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        axis.setRange(lo, hi);
    }

    private static void legend(JFreeChart chart, XYPlot plot, XYStyler st) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(PaperStyle.font(PaperStyle.LABEL_POINTS));
        legend.setItemPaint(Color.BLACK);
        legend.setBackgroundPaint(new Color(255, 255, 255, 225));
        legend.setFrame(new BlockBorder(0.6, 0.6, 0.6, 0.6, new Color(190, 190, 190)));
        legend.setItemLabelPadding(new RectangleInsets(1, 3, 1, 3));
        legend.setMargin(new RectangleInsets(2, 2, 2, 2));
        LegendPosition p = st.getLegendPosition();
        switch (p) {
            case OutsideE -> {
                legend.setPosition(RectangleEdge.RIGHT);
                chart.addSubtitle(legend);
            }
            case OutsideS -> {
                legend.setPosition(RectangleEdge.BOTTOM);
                chart.addSubtitle(legend);
            }
            default -> {
                legend.setPosition(RectangleEdge.RIGHT); // items stacked in one column
                double[] at = inside(p);
                plot.addAnnotation(new XYTitleAnnotation(at[0], at[1], legend, anchor(p)));
            }
        }
    }

    private static double[] inside(LegendPosition p) {
        return switch (p) {
            case InsideNW -> new double[] {0.015, 0.985};
            case InsideSW -> new double[] {0.015, 0.015};
            case InsideSE -> new double[] {0.985, 0.015};
            case InsideN -> new double[] {0.5, 0.985};
            case InsideS -> new double[] {0.5, 0.015};
            default -> new double[] {0.985, 0.985};
        };
    }

    private static RectangleAnchor anchor(LegendPosition p) {
        return switch (p) {
            case InsideNW -> RectangleAnchor.TOP_LEFT;
            case InsideSW -> RectangleAnchor.BOTTOM_LEFT;
            case InsideSE -> RectangleAnchor.BOTTOM_RIGHT;
            case InsideN -> RectangleAnchor.TOP;
            case InsideS -> RectangleAnchor.BOTTOM;
            default -> RectangleAnchor.TOP_RIGHT;
        };
    }

    private static BasicStroke stroke(BasicStroke s, double scale) {
        if (s == null) return new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        float w = (float) Math.max(0.6, s.getLineWidth() * scale);
        float[] dash = s.getDashArray();
        if (dash != null) {
            float[] scaled = new float[dash.length];
            for (int i = 0; i < dash.length; i++) scaled[i] = (float) (dash[i] * scale);
            dash = scaled;
        }
        return new BasicStroke(w, s.getEndCap(), s.getLineJoin(), Math.max(1f, s.getMiterLimit()), dash, 0f);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    /** The marker's shape centred at 0 with diameter {@code d}; null for none. */
    static Shape marker(Marker m, double d) {
        String kind = m == null ? "Circle" : m.getClass().getSimpleName();
        double r = d / 2;
        return switch (kind) {
            case "None" -> null;
            case "Square", "Rectangle" -> new Rectangle2D.Double(-r, -r, d, d);
            case "Diamond" -> polygon(new double[] {0, r, 0, -r}, new double[] {-r, 0, r, 0});
            case "TriangleUp" -> polygon(new double[] {-r, r, 0}, new double[] {r, r, -r});
            case "TriangleDown" -> polygon(new double[] {-r, r, 0}, new double[] {-r, -r, r});
            default -> new Ellipse2D.Double(-r, -r, d, d);
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
        p.closePath();
        return p;
    }
}
