/**
 * Figures as bytes: one writer ({@link org.nrmt.figure.FigureWriter}) encodes any XChart chart
 * as PNG (with its DPI recorded), SVG (text as {@code <text>} elements) or PDF (text as text in
 * an embedded font), in one paper style ({@link org.nrmt.figure.PaperStyle}). Pure functions of
 * the chart: the same chart gives the same bytes; writing the bytes to a file is the caller's job
 * (the CLI's). Depends on nothing else in nrmt, so every layer that draws can use it.
 */
package org.nrmt.figure;
