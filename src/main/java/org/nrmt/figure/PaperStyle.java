package org.nrmt.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one figure style: plain (not bold) sans-serif text in points — title 11 (wrapped when wider
 * than the figure), axis titles 11, tick labels and legend 9.5 — on white, light grid, and the
 * Okabe–Ito colours (distinct, also for colour-blind readers) for every series that sets none. The font is
 * DejaVu Sans when installed (Debian's fonts-dejavu-core): the same glyph metrics in PNG, SVG and
 * PDF, and a TrueType file the PDF can embed; else Java's logical SansSerif.
 */
public final class PaperStyle {

    /** Okabe &amp; Ito (2008), "Color Universal Design": blue, vermillion, green, orange, … */
    public static final List<Color> PALETTE = List.of(
            new Color(0x0072B2),
            new Color(0xD55E00),
            new Color(0x009E73),
            new Color(0xE69F00),
            new Color(0xCC79A7),
            new Color(0x56B4E9),
            new Color(0x000000),
            new Color(0xF0E442));

    static final float TITLE_POINTS = 11f;
    static final float AXIS_TITLE_POINTS = 11f;
    static final float LABEL_POINTS = 9.5f;

    private static final String[] FONT_DIRS = {
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts"
    };

    /** The TrueType file of the plain font, or null when only the logical font is available. */
    static final Path FONT_FILE = findFont();

    private static final Font BASE = loadBase();

    /** True when the text font is the TrueType file {@link #FONT_FILE}, which a PDF can embed. */
    static final boolean EMBEDDABLE = FONT_FILE != null && !BASE.getFamily().equals(Font.SANS_SERIF);

    private PaperStyle() {}

    /** The i-th colour of the palette, cycling. */
    public static Color colour(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** The plain text font at {@code points}. */
    public static Font font(float points) {
        return BASE.deriveFont(Font.PLAIN, points);
    }

    private static Path findFont() {
        for (String dir : FONT_DIRS) {
            Path p = Path.of(dir, "DejaVuSans.ttf");
            if (Files.isReadable(p)) return p;
        }
        return null;
    }

    private static Font loadBase() {
        if (FONT_FILE != null) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, FONT_FILE.toFile());
            } catch (FontFormatException | IOException e) {
                // an unreadable font file: the logical font draws the same figure with other glyphs
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1);
    }
}
