package org.nrmt.layers;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apfloat.Apfloat;

/**
 * An activation expression with free parameters: single-letter names other than x and e (e.g.
 * {@code a + b*exp(-c*x^2)}). A member is made by substituting exact decimals for the names in the
 * text, so the member parses with the ordinary expression language at full precision.
 */
public record ActivationFamily(String template, List<String> parameters) {

    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z_0-9.])([A-Za-z])(?![A-Za-z_0-9(])");

    public ActivationFamily {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("need at least one parameter, got none for " + template);
        }
        for (String p : parameters) {
            if (!p.matches("[A-Za-z]") || p.equals("x") || p.equals("e")) {
                throw new IllegalArgumentException("parameters must be single letters other than x and e, got " + p);
            }
            if (!present(template, p)) {
                throw new IllegalArgumentException(
                        "parameter " + p + " does not occur in the expression, got " + template);
            }
        }
    }

    private static boolean present(String template, String p) {
        Matcher m = NAME.matcher(template);
        while (m.find()) {
            if (m.group(1).equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** The expression text with every parameter replaced by its value, parenthesised. */
    public String member(Map<String, Apfloat> values) {
        Matcher m = NAME.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String rep = name;
            if (parameters.contains(name)) {
                Apfloat v = values.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("no value for parameter " + name + ", got " + values.keySet());
                }
                rep = "(" + plain(v) + ")";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Plain decimal text of an apfloat (no exponent), all its digits. */
    static String plain(Apfloat v) {
        return new java.math.BigDecimal(v.toString(true)).toPlainString();
    }
}
