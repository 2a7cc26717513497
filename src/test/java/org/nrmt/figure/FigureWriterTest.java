package org.nrmt.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The writer against the formats' own readers: ImageIO for PNG (size, pHYs), an XML parser for SVG
 * (the text as {@code <text>} elements), PDFBox's text extraction for PDF (text as text).
 */
class FigureWriterTest {

    static final String TITLE = "ρ(λ) at φ = 0.5, ψ = 2";

    static XYChart chart() {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(600)
                .title(TITLE)
                .xAxisTitle("eigenvalue λ")
                .yAxisTitle("density")
                .build();
        double[] x = new double[50];
        double[] y = new double[50];
        double[] z = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i / 49.0;
            y[i] = Math.sin(Math.PI * x[i]);
            z[i] = x[i] * x[i];
        }
        XYSeries a = chart.addSeries("theory", x, y);
        a.setMarker(SeriesMarkers.NONE);
        XYSeries b = chart.addSeries("simulation", x, z);
        b.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    @Test
    void pngHasTheSizeInPixelsAndRecordsTheDpi() throws IOException {
        FigureSize size = new FigureSize(3.5, 2.5, 300);
        byte[] png = FigureWriter.encode(chart(), FigureFormat.PNG, size);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1050, img.getWidth());
        assertEquals(750, img.getHeight());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys =
                    (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            double dpi = Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
            assertEquals(300, dpi, 0.01);
        }
        // the two series are drawn in the palette's first two colours
        assertTrue(hasColour(img, PaperStyle.colour(0).getRGB()), "first series colour");
        assertTrue(hasColour(img, PaperStyle.colour(1).getRGB()), "second series colour");
    }

    private static boolean hasColour(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) return true;
            }
        }
        return false;
    }

    @Test
    void svgKeepsTextAsTextElementsAtTheSizeInPoints() throws Exception {
        byte[] svg = FigureWriter.encode(chart(), FigureFormat.SVG, new FigureSize(4, 3, 150));
        Document doc = parse(svg);
        assertEquals("288.0pt", doc.getDocumentElement().getAttribute("width"));
        assertEquals("216.0pt", doc.getDocumentElement().getAttribute("height"));
        List<String> strings = texts(svg);
        assertTrue(strings.contains(TITLE), "title as one <text>: " + strings);
        assertTrue(strings.contains("eigenvalue λ"), "x axis title: " + strings);
        assertTrue(strings.contains("density"), "y axis title: " + strings);
        assertTrue(strings.contains("simulation"), "legend: " + strings);
        String text = new String(svg, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("font-weight=\"bold\"") || text.contains("font-weight:bold"), "no bold text");
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // the SVG 1.1 DOCTYPE names a DTD on the web: not fetched
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    static List<String> texts(byte[] svg) throws Exception {
        NodeList texts = parse(svg).getElementsByTagName("text");
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) strings.add(texts.item(i).getTextContent());
        return strings;
    }

    @Test
    void pdfIsOnePageOfTheFigureSizeWithExtractableText() throws IOException {
        byte[] pdf = FigureWriter.encode(chart(), FigureFormat.PDF, new FigureSize(5, 3, 150));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDPage page = doc.getPage(0);
            assertEquals(360, page.getMediaBox().getWidth(), 1e-9);
            assertEquals(216, page.getMediaBox().getHeight(), 1e-9);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("eigenvalue λ"), "x axis title extracted: " + text);
            // the y axis title is rotated: the stripper returns it in pieces, one per line
            assertTrue(text.replace("\n", "").contains("density"), text);
            assertTrue(text.contains("simulation"), text);
            assertEquals(TITLE, doc.getDocumentInformation().getTitle());
            if (PaperStyle.EMBEDDABLE) {
                assertTrue(text.contains(TITLE), "the Greek title is text too with an embedded font: " + text);
                assertTrue(embeddedFonts(page).stream().allMatch(PDFont::isEmbedded), "fonts embedded");
            }
        }
    }

    private static List<PDFont> embeddedFonts(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (var name : page.getResources().getXObjectNames()) {
            PDXObject x = page.getResources().getXObject(name);
            if (x instanceof PDFormXObject form) {
                for (var f : form.getResources().getFontNames())
                    fonts.add(form.getResources().getFont(f));
            }
        }
        assertFalse(fonts.isEmpty(), "the form uses fonts");
        return fonts;
    }

    @Test
    void sameChartSameBytesInEveryFormat() {
        for (FigureFormat f : FigureFormat.values()) {
            assertArrayEquals(
                    FigureWriter.encode(chart(), f, FigureSize.DEFAULT),
                    FigureWriter.encode(chart(), f, FigureSize.DEFAULT),
                    f.name());
        }
    }

    @Test
    void formatFromTheFileName() {
        assertEquals(FigureFormat.PNG, FigureFormat.ofFileName("a/b/fig.PNG"));
        assertEquals(FigureFormat.SVG, FigureFormat.ofFileName("fig.svg"));
        assertEquals(FigureFormat.PDF, FigureFormat.ofFileName("fig.pdf"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FigureFormat.ofFileName("fig.jpg"));
        assertEquals("a figure file must end in .png, .svg or .pdf, got 'fig.jpg'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureFormat.ofFileName(".pdf"));
    }

    @Test
    void sizesOutsideTheRangesAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FigureSize(0.1, 3, 150));
        assertTrue(e.getMessage().endsWith(", got 0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FigureSize(3, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> new FigureSize(90, 90, 2400));
        assertThrows(IllegalArgumentException.class, () -> new FigureSize(Double.NaN, 3, 150));
    }

    @Test
    void conversionKeepsTheChartAndDrawsItInThePaperStyle() {
        XYChart c = chart();
        c.getStyler().setYAxisLogarithmic(true).setXAxisMin(0.0).setXAxisMax(2.0);
        c.getSeriesMap().get("simulation").setLineColor(java.awt.Color.MAGENTA);
        c.getSeriesMap().get("simulation").setShowInLegend(false);
        JFreeChart j = ChartConversion.of(c, FigureSize.DEFAULT);
        assertEquals(TITLE, j.getTitle().getText());
        assertFalse(j.getTitle().getFont().isBold());
        assertEquals(PaperStyle.TITLE_POINTS, j.getTitle().getFont().getSize2D());
        XYPlot plot = j.getXYPlot();
        assertEquals("eigenvalue λ", plot.getDomainAxis().getLabel());
        assertFalse(plot.getDomainAxis().getLabelFont().isBold());
        assertTrue(plot.getRangeAxis() instanceof LogAxis, "log y axis");
        assertEquals(0.0, plot.getDomainAxis().getLowerBound());
        assertEquals(2.0, plot.getDomainAxis().getUpperBound());
        assertEquals(2, plot.getDatasetCount());
        assertEquals(49, plot.getDataset(0).getItemCount(0), "sin(0) = 0 has no place on the log axis");
        assertEquals(PaperStyle.colour(0), plot.getRenderer(0).getSeriesPaint(0), "unset colour: the palette's");
        assertEquals(java.awt.Color.MAGENTA, plot.getRenderer(1).getSeriesPaint(0), "set colour kept");
        assertEquals(1, plot.getLegendItems().getItemCount(), "a series out of the legend stays out");
    }

    @Test
    void theLongestTitleWrapsInsteadOfLeavingTheFigure() throws Exception {
        XYChart c = chart();
        String title = "f = tanh: n0=1000, n1=1000, m=2000 (φ=0.5, ψ=1)  (KS 0.0012, W1 0.0003, 1000 eigenvalues)";
        c.setTitle(title);
        byte[] svg = FigureWriter.encode(c, FigureFormat.SVG, new FigureSize(3.4, 2.6, 150));
        List<String> texts = texts(svg);
        assertFalse(texts.contains(title), "too wide for 3.4 in: wrapped");
        assertTrue(String.join(" ", texts).contains("KS 0.0012"), texts.toString());
    }

    /** Writes the three files for a look by eye: {@code -Dfigure.dump=DIR}. */
    @Test
    void dumpForInspection() throws IOException {
        String dir = System.getProperty("figure.dump");
        if (dir == null) return;
        for (FigureFormat f : FigureFormat.values()) {
            Files.write(Path.of(dir, "figure." + f.extension()), FigureWriter.encode(chart(), f, FigureSize.DEFAULT));
        }
    }
}
