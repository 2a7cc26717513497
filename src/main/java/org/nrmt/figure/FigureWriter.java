package org.nrmt.figure;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.knowm.xchart.XYChart;

/**
 * The one figure writer: a chart described with XChart, drawn by JFreeChart in the {@link
 * PaperStyle} ({@link ChartConversion}) at a {@link FigureSize} and encoded as PNG, SVG or PDF.
 * The chart is drawn in points in every format (the PNG scales the points by dpi/72), so the three
 * files of one chart show the same layout. Deterministic: the same
 * chart and size give the same bytes (no time stamps, fixed SVG ids).
 */
public final class FigureWriter {

    static {
        // no display is ever needed: figures are drawn off screen, also on machines without X
        System.setProperty("java.awt.headless", "true");
        // JFreeChart's work-around for an old JDK bug draws rotated labels (the y axis title) as a
        // TextLayout, i.e. as outlines; drawString keeps them text in SVG and PDF
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private FigureWriter() {}

    /** The figure for a file name, its format from the extension ({@link FigureFormat#ofFileName}). */
    public static byte[] encode(XYChart chart, String fileName, FigureSize size) {
        return encode(chart, FigureFormat.ofFileName(fileName), size);
    }

    /** The figure in {@code format} at {@code size}, drawn in the paper style. */
    public static byte[] encode(XYChart source, FigureFormat format, FigureSize size) {
        JFreeChart chart = ChartConversion.of(source, size);
        try {
            return switch (format) {
                case PNG -> png(chart, size);
                case SVG -> svg(chart, size);
                case PDF -> pdf(chart, size);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the figure as " + format, e);
        }
    }

    private static byte[] png(JFreeChart chart, FigureSize size) throws IOException {
        int w = size.widthPixels();
        int h = size.heightPixels();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale((double) w / size.widthPoints(), (double) h / size.heightPoints());
            chart.draw(g, new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints()));
        } finally {
            g.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            // pHYs: pixels per metre, so viewers and LaTeX place the PNG at its size in inches
            String perMetre = Long.toString(Math.round(size.dpi() / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static byte[] svg(JFreeChart chart, FigureSize size) {
        SVGGraphics2D g = new SVGGraphics2D(size.widthPoints(), size.heightPoints(), SVGUnits.PT);
        g.setDefsKeyPrefix("nrmt"); // the default prefix is a time stamp: same chart, same bytes
        chart.draw(g, new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints()));
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(JFreeChart chart, FigureSize size) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(size.widthPoints(), size.heightPoints()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, size.widthPoints(), size.heightPoints());
            try (EmbeddedFontDrawer fonts = new EmbeddedFontDrawer()) {
                g.setFontTextDrawer(fonts);
                chart.draw(g, new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints()));
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            // PDFBox would make the file identifier from the clock; the drawing's own hash keeps the
            // bytes a function of the chart
            byte[] id;
            try (InputStream content = form.getContents()) {
                id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(content.readAllBytes()), 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            PDDocumentInformation info = doc.getDocumentInformation();
            if (chart.getTitle() != null) info.setTitle(chart.getTitle().getText());
            info.setProducer("nrmt");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * Text as text: the style's font is embedded (a subset) from its TrueType file, so Greek letters
     * and sub/superscripts stay selectable; any other font falls back to pdfbox-graphics2d's
     * defaults (the standard 14 fonts, else glyph outlines).
     */
    private static final class EmbeddedFontDrawer extends PdfBoxGraphics2DFontTextDrawer {
        private PDFont embedded;

        @Override
        protected boolean hasDynamicFontMapping() {
            return true;
        }

        @Override
        protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException, java.awt.FontFormatException {
            if (PaperStyle.EMBEDDABLE
                    && font.getFamily().equals(PaperStyle.font(1).getFamily())
                    && !font.isBold()) {
                if (embedded == null) embedded = PDType0Font.load(env.getDocument(), PaperStyle.FONT_FILE.toFile());
                return embedded;
            }
            return super.mapFont(font, env);
        }
    }
}
