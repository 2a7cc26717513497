package org.nrmt.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.complex.Complex;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a complex point as the contract writes it: {@code 0.3+0.01i}, {@code -0.5}, {@code 2i}, {@code 1-1e-3i}. */
public final class ComplexConverter implements ITypeConverter<Complex> {

    private static final String NUM = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern FULL =
            Pattern.compile("(" + NUM + ")(?:([+-](?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)?i)?");
    private static final Pattern IMAG = Pattern.compile("(" + NUM + ")?i");

    @Override
    public Complex convert(String value) {
        return parse(value);
    }

    public static Complex parse(String value) {
        String v = value.replace(" ", "");
        Matcher m = FULL.matcher(v);
        Complex z = null;
        if (m.matches()) {
            double re = Double.parseDouble(m.group(1));
            double im = 0;
            if (m.group(2) != null) {
                im = Double.parseDouble(m.group(2));
            } else if (v.endsWith("i")) {
                z = null;
            }
            if (!v.endsWith("i") || m.group(2) != null) {
                z = new Complex(re, im);
            }
        }
        if (z == null) {
            Matcher mi = IMAG.matcher(v);
            if (mi.matches()) {
                String g = mi.group(1);
                double im = g == null || g.equals("+") ? 1 : g.equals("-") ? -1 : Double.parseDouble(g);
                z = new Complex(0, im);
            }
        }
        if (z == null || !Double.isFinite(z.getReal()) || !Double.isFinite(z.getImaginary())) {
            throw new TypeConversionException("not a complex number like 0.3+0.01i, got " + value);
        }
        return z;
    }
}
