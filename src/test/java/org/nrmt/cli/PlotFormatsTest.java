package org.nrmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --plot} writes PNG, SVG and PDF, at {@code --plot-width/--plot-height/--plot-dpi},
 * read back by ImageIO, as XML text and by PDFBox's text extraction; a bad extension or size is
 * refused before any work.
 */
class PlotFormatsTest {

    @TempDir
    Path dir;

    private static final String[] COMPARE = {"compare", "--n0", "60", "--n1", "60", "--m", "120", "--quiet"};
    private static final String[] LAYERS = {"layers", "-f", "tanh", "--depth", "2", "--n", "40", "--m", "80"};
    private static final String[] GENERALIZATION = {
        "generalization", "-f", "tanh", "--phi", "1", "--psi", "1", "--lambda", "0.1", "--plot-points", "40"
    };
    private static final String[] MEMORIZATION = {
        "memorization", "--eta", "1", "--zeta", "0.5", "--phi", "1", "--psi", "1", "--lambda", "0.1,1"
    };

    private CliRun plot(String[] command, Path file, String... extra) {
        String[] args = CliRun.concat(CliRun.concat(command, new String[] {"--plot", file.toString()}), extra);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void compareDrawsAllThreeFormats() throws Exception {
        Path png = dir.resolve("c.png");
        plot(COMPARE, png, "--plot-width", "3.3", "--plot-height", "2.5", "--plot-dpi", "200");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(660, img.getWidth());
        assertEquals(500, img.getHeight());

        Path svg = dir.resolve("c.svg");
        plot(COMPARE, svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("width='504.0pt'"), "7 in wide by default");
        assertTrue(text.contains(">eigenvalue λ</text>"), "axis title as a <text> element");
        assertTrue(text.contains(">theory density ρ</text>"), "legend as text");

        Path pdf = dir.resolve("c.pdf");
        plot(COMPARE, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("theory density"));
        }
    }

    @Test
    void layersMemorizationAndGeneralizationDrawSvgAndPdfToo() throws Exception {
        Path svg = dir.resolve("l.svg");
        plot(LAYERS, svg);
        assertTrue(Files.readString(svg).contains(">Marchenko–Pastur (input law)</text>"));
        Path pdf = dir.resolve("m.pdf");
        plot(MEMORIZATION, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("η/ζ = 2 theory"));
        }
        assertTrue(Files.exists(dir.resolve("m.csv")), "the CSV beside the figure");
        Path gen = dir.resolve("g.svg");
        plot(GENERALIZATION, gen);
        assertTrue(Files.readString(gen).contains("</text>"), "generalization: text as text");
        Path png = dir.resolve("m.png");
        plot(MEMORIZATION, png);
        assertTrue(
                ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png))).getWidth() == 1050);
    }

    @Test
    void badExtensionOrSizeIsOneLineBeforeAnyWork() {
        for (String[] command : new String[][] {COMPARE, LAYERS, MEMORIZATION, GENERALIZATION}) {
            Path jpg = dir.resolve("x.jpg");
            CliRun r = CliRun.of(CliRun.concat(command, new String[] {"--plot", jpg.toString()}));
            assertEquals(2, r.code());
            assertEquals("nrmt: error: --plot file must end in .png, .svg or .pdf, got " + jpg + "\n", r.err());
            assertFalse(Files.exists(jpg));
            CliRun s = CliRun.of(CliRun.concat(
                    command, new String[] {"--plot", dir.resolve("x.png").toString(), "--plot-dpi", "5"}));
            assertEquals(2, s.code());
            assertEquals("nrmt: error: figure dpi must be between 10 and 2400, got 5\n", s.err());
            assertTrue(r.out().isEmpty() && s.out().isEmpty(), "no result printed");
        }
    }
}
