package org.nrmt.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure of verification/bias/dead-rows.sh: from its table dead-rows.csv (a sweep's rows
 * averaged over trials), the share of exact zero eigenvalues and the plain KS against m, with the
 * expected share E_b Φ(−b/s)^m − 1/n1 of switched-off neurons (theory/bias.md §9, theory/sweeps.md §6).
 * Usage: {@code DeadRowsFigure dead-rows.csv out.png}.
 */
public final class DeadRowsFigure {
    private DeadRowsFigure() {}

    public static void main(String[] args) throws IOException {
        List<Double> m = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        List<Double> atom = new ArrayList<>();
        List<Double> atomSe = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        List<Double> ksSe = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            for (CSVRecord c : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                m.add(Double.parseDouble(c.get("m")));
                expected.add(Double.parseDouble(c.get("atom_expected")));
                atom.add(Double.parseDouble(c.get("atom_simulated")));
                atomSe.add(Double.parseDouble(c.get("atom_simulated_se")));
                ks.add(Double.parseDouble(c.get("ks_plain")));
                ksSe.add(Double.parseDouble(c.get("ks_plain_se")));
            }
        }
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(520)
                .title("ReLU, per-neuron bias σb = 1.5, n0 = n1 = m/2 (4 trials: mean ± s.e.)")
                .xAxisTitle("m")
                .yAxisTitle("fraction of eigenvalues / KS")
                .build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        XYSeries e = chart.addSeries("expected exact zeros E_b Φ(−b)^m − 1/n1 (mpmath)", m, expected);
        e.setMarker(SeriesMarkers.NONE);
        e.setLineColor(Color.BLACK);
        XYSeries a = chart.addSeries("exact zeros, simulation", m, atom, atomSe);
        a.setMarker(SeriesMarkers.CIRCLE);
        a.setMarkerColor(new Color(31, 119, 180));
        a.setLineColor(new Color(31, 119, 180));
        XYSeries k = chart.addSeries("plain KS, Gaussian-b law", m, ks, ksSe);
        k.setMarker(SeriesMarkers.SQUARE);
        k.setMarkerColor(new Color(214, 39, 40));
        k.setLineColor(new Color(214, 39, 40));
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        Files.write(tmp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
