package org.nrmt.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A command's result: named scalar fields (the inputs and summary values) and, for per-point
 * commands, a list of points with the same fields each. Rendered as an aligned table, CSV (one
 * row per point, or one row of fields) or one JSON object with a {@code points} array.
 *
 * <p>Values are {@link String} (already plain decimals, written to JSON as numbers when
 * {@link #number} wrapped them), {@link Boolean}, {@link List} or nested {@link Map}.
 */
public final class Output {

    /** A number already formatted as a plain decimal string. */
    public record Num(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> points = new ArrayList<>();
    private boolean perPoint;

    public static Num number(double v) {
        return new Num(Numbers.plain(v));
    }

    public static Num number(String plainDecimal) {
        return new Num(plainDecimal);
    }

    /** Adds a scalar or list field (insertion order is output order). */
    public Output field(String name, Object value) {
        fields.put(name, normalise(value));
        return this;
    }

    /** Marks this result as per-point (JSON gets a {@code points} array even when empty). */
    public Output perPoint() {
        perPoint = true;
        return this;
    }

    /** Adds one point; keys are the contract's field names. */
    public Output point(Map<String, Object> values) {
        perPoint = true;
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((k, v) -> row.put(k, normalise(v)));
        points.add(row);
        return this;
    }

    private static Object normalise(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Integer || v instanceof Long) {
            return new Num(v.toString());
        }
        if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double x : a) {
                l.add(number(x));
            }
            return l;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(normalise(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
            return out;
        }
        return v;
    }

    /** Renders in the given format. */
    public String render(OutputFormat format) {
        try {
            return switch (format) {
                case json -> json();
                case csv -> csv();
                case table -> table();
                case npy ->
                    throw new UserInputException(
                            "--format npy is for eigenvalue arrays (nrmt simulate); use table, csv or json here",
                            "npy");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the rendering to {@code common.out} atomically (temp file in the same directory, then
     * rename) or to {@code stdout}.
     */
    public void emit(CommonOptions common, PrintWriter stdout) {
        String text = render(common.format);
        if (common.out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            writeAtomically(common.out, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes bytes to a temp file beside {@code target}, then renames it over the target. */
    public static void writeAtomically(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write output file " + target + " (" + e.getMessage() + ")", target);
        }
    }

    private String json() throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                g.writeFieldName(e.getKey());
                writeJson(g, e.getValue());
            }
            if (perPoint) {
                g.writeArrayFieldStart("points");
                for (Map<String, Object> p : points) {
                    writeJson(g, p);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return sw + "\n";
    }

    private static void writeJson(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Num n) {
            g.writeNumber(n.text());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeJson(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeJson(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    /** CSV: one row per point (point columns), or one row of the scalar fields. */
    private String csv() throws IOException {
        StringWriter sw = new StringWriter();
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        if (perPoint) {
            LinkedHashSet<String> cols = new LinkedHashSet<>();
            points.forEach(p -> cols.addAll(p.keySet()));
            columns.addAll(cols);
            for (Map<String, Object> p : points) {
                List<Object> r = new ArrayList<>();
                for (String c : columns) {
                    r.add(cell(p.get(c)));
                }
                rows.add(r);
            }
        } else {
            columns.addAll(fields.keySet());
            List<Object> r = new ArrayList<>();
            for (String c : columns) {
                r.add(cell(fields.get(c)));
            }
            rows.add(r);
        }
        try (CSVPrinter printer = new CSVPrinter(
                sw,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .setRecordSeparator("\n")
                        .get())) {
            for (List<Object> r : rows) {
                printer.printRecord(r);
            }
        }
        return sw.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
                writeJson(g, v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w.toString();
        }
        return String.valueOf(v);
    }

    private String table() {
        StringBuilder sb = new StringBuilder();
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            sb.append(String.format("%-" + width + "s  %s%n", e.getKey(), cell(e.getValue())));
        }
        if (perPoint && !points.isEmpty()) {
            if (!fields.isEmpty()) {
                sb.append('\n');
            }
            LinkedHashSet<String> cols = new LinkedHashSet<>();
            points.forEach(p -> cols.addAll(p.keySet()));
            List<String> columns = new ArrayList<>(cols);
            int[] w = new int[columns.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = columns.get(i).length();
                for (Map<String, Object> p : points) {
                    w[i] = Math.max(w[i], cell(p.get(columns.get(i))).length());
                }
            }
            appendRow(sb, columns, w);
            for (Map<String, Object> p : points) {
                List<String> vals = new ArrayList<>();
                for (String c : columns) {
                    vals.add(cell(p.get(c)));
                }
                appendRow(sb, vals, w);
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> vals, int[] w) {
        for (int i = 0; i < vals.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(String.format("%" + w[i] + "s", vals.get(i)));
        }
        sb.append('\n');
    }

    /** Utility for commands that write raw bytes (e.g. npy, png) through the same atomic path. */
    public static void writeText(Writer w, String s) {
        try {
            w.write(s);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
