package org.nrmt.figure;

/**
 * A figure's physical size and raster resolution: width and height in inches (as in a paper's
 * layout: a single column is about 3.3 in, a full text width about 6.5 in) and the dots per inch
 * of the PNG. Vector formats use the size in points (72 per inch) and ignore the DPI. Fonts are
 * set in points ({@link PaperStyle}), so a figure drawn at its printed size has text of the sizes
 * named there in every format.
 *
 * @param widthInches  width, in (0.5, 100]
 * @param heightInches height, in (0.5, 100]
 * @param dpi          PNG dots per inch, in [10, 2400]
 */
public record FigureSize(double widthInches, double heightInches, int dpi) {

    /** 7 × 4.5 in at 150 dpi (a 1050 × 675 pixel PNG). */
    public static final FigureSize DEFAULT = new FigureSize(7.0, 4.5, 150);

    /** Validates; messages follow "&lt;what&gt;, got &lt;value&gt;". */
    public FigureSize {
        requireInches("figure width", widthInches);
        requireInches("figure height", heightInches);
        if (dpi < 10 || dpi > 2400) {
            throw new IllegalArgumentException("figure dpi must be between 10 and 2400, got " + dpi);
        }
        long pixels = Math.round(widthInches * dpi) * Math.round(heightInches * dpi);
        if (pixels > 100_000_000L) {
            throw new IllegalArgumentException(
                    "a figure of at most 1e8 pixels (width × height × dpi²), got " + pixels + " pixels");
        }
    }

    private static void requireInches(String what, double v) {
        if (!(v > 0.5 && v <= 100)) {
            throw new IllegalArgumentException(what + " must be in inches, between 0.5 and 100, got " + v);
        }
    }

    /** This size with another width and height (inches). */
    public FigureSize withInches(double width, double height) {
        return new FigureSize(width, height, dpi);
    }

    /** This size at another DPI. */
    public FigureSize withDpi(int newDpi) {
        return new FigureSize(widthInches, heightInches, newDpi);
    }

    /** Width in points, the drawing units of every format. */
    int widthPoints() {
        return (int) Math.round(widthInches * 72);
    }

    /** Height in points. */
    int heightPoints() {
        return (int) Math.round(heightInches * 72);
    }

    /** PNG width in pixels. */
    public int widthPixels() {
        return (int) Math.round(widthInches * dpi);
    }

    /** PNG height in pixels. */
    public int heightPixels() {
        return (int) Math.round(heightInches * dpi);
    }
}
