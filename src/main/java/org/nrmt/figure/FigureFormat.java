package org.nrmt.figure;

import java.util.Locale;

/** The file formats of a figure, named by the file's extension. */
public enum FigureFormat {
    /** Raster, at the DPI of the {@link FigureSize}, recorded in the file's pHYs chunk. */
    PNG,
    /** Vector, text as {@code <text>} elements (searchable, editable). */
    SVG,
    /** Vector, one page of the figure's size, text in an embedded font where one is installed. */
    PDF;

    /** The lower-case extension without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a file name asks for by its extension (case-insensitive).
     *
     * @throws IllegalArgumentException when the name ends in none of .png, .svg, .pdf
     */
    public static FigureFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (lower.endsWith("." + f.extension()) && lower.length() > 4) return f;
        }
        throw new IllegalArgumentException("a figure file must end in .png, .svg or .pdf, got '" + fileName + "'");
    }
}
