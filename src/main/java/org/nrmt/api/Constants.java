package org.nrmt.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gaussian constants as named decimal strings (the fields {@code nrmt constants} prints), and
 * with a bias the conditional constants per bias node as columns. Up to 16 digits each string is
 * the shortest decimal of a double (so it reads back as that double); above, the decimal at the
 * digits asked.
 */
public final class Constants {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> columns = new LinkedHashMap<>();

    Constants field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Constants field(String name, double value) {
        return field(name, Double.toString(value + 0.0));
    }

    Constants column(String name, List<String> values) {
        columns.put(name, List.copyOf(values));
        return this;
    }

    Constants column(String name, double[] values) {
        List<String> l = new ArrayList<>();
        for (double v : values) l.add(Double.toString(v + 0.0));
        return column(name, l);
    }

    /** The field names, in output order. */
    public String[] names() {
        return fields.keySet().toArray(String[]::new);
    }

    /** The field values, in the order of {@link #names()}. */
    public String[] values() {
        return fields.values().toArray(String[]::new);
    }

    /** The per-node column names (empty without a bias). */
    public String[] columnNames() {
        return columns.keySet().toArray(String[]::new);
    }

    /** One per-node column. */
    public String[] column(String name) {
        List<String> c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("no column named " + name + ", got '" + name + "'");
        return c.toArray(String[]::new);
    }
}
