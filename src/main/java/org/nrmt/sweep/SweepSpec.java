package org.nrmt.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.nrmt.model.LimitLaws;
import org.nrmt.simulation.BiasKind;

/**
 * A sweep's SPEC (theory/sweeps.md §1): a grid of lists (a scalar is a list of one) over
 * {@code activation}, {@code n0}, {@code phi}, {@code psi}, {@code bias}, {@code bias_sigma},
 * {@code sigma_w} and {@code sampled_bias}, with {@code trials} trials per point from one
 * {@code seed}, an optional eigenvalue {@code histogram} {bins, from, to} per row and a free
 * {@code description}. Numbers are kept as the exact decimals written.
 *
 * <p>The grid is the Cartesian product in that key order, trials innermost; a point with bias
 * {@code none} takes σb = 0, {@code sampled_bias} applies only to per-neuron and per-sample biases
 * with σb &gt; 0, and points equal after these rules are run once. Every refusal is an
 * {@link IllegalArgumentException} whose message ends in ", got &lt;value&gt;".
 *
 * @param activation  activations f (expressions in x)
 * @param n0          input dimensions
 * @param phi         ratios φ = n0/m
 * @param psi         ratios ψ = n0/n1
 * @param bias        bias kinds
 * @param biasSigma   bias standard deviations σb
 * @param sigmaW      weight scales σw
 * @param sampledBias theory over the drawn biases (true) or over N(0, σb²) (false)
 * @param trials      trials per grid point, ≥ 1
 * @param seed        the seed of every task
 * @param histogram   the per-row eigenvalue histogram, or null
 * @param description free text, or null
 */
public record SweepSpec(
        List<String> activation,
        List<Integer> n0,
        List<BigDecimal> phi,
        List<BigDecimal> psi,
        List<BiasKind> bias,
        List<BigDecimal> biasSigma,
        List<BigDecimal> sigmaW,
        List<Boolean> sampledBias,
        int trials,
        long seed,
        Histogram histogram,
        String description) {

    /** The keys a SPEC may have, in canonical order. */
    public static final List<String> KEYS = List.of(
            "description",
            "activation",
            "n0",
            "phi",
            "psi",
            "bias",
            "bias_sigma",
            "sigma_w",
            "sampled_bias",
            "trials",
            "seed",
            "histogram");

    /** Most tasks one sweep may have (the task list lives in memory). */
    public static final int MAX_TASKS = 1_000_000;

    private static final JsonNode ONE = DecimalNode.valueOf(BigDecimal.ONE);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * An eigenvalue histogram of every row: {@code bins} equal bins on [from, to), values below
     * and above counted apart.
     *
     * @param bins 1 ≤ bins ≤ 10⁴
     * @param from left end
     * @param to   right end, &gt; from
     */
    public record Histogram(int bins, BigDecimal from, BigDecimal to) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public Histogram {
            if (bins < 1 || bins > 10_000) {
                throw new IllegalArgumentException("histogram bins must be between 1 and 10000, got " + bins);
            }
            from = from.stripTrailingZeros();
            to = to.stripTrailingZeros();
            if (to.compareTo(from) <= 0) {
                throw new IllegalArgumentException(
                        "histogram needs from < to, got from " + from.toPlainString() + " to " + to.toPlainString());
            }
        }
    }

    public SweepSpec {
        activation = nonEmpty("activation", activation);
        n0 = nonEmpty("n0", n0);
        phi = nonEmpty("phi", phi);
        psi = nonEmpty("psi", psi);
        bias = nonEmpty("bias", bias);
        biasSigma = nonEmpty("bias_sigma", biasSigma);
        sigmaW = nonEmpty("sigma_w", sigmaW);
        sampledBias = nonEmpty("sampled_bias", sampledBias);
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
    }

    private static <T> List<T> nonEmpty(String key, List<T> values) {
        Objects.requireNonNull(values, key);
        if (values.isEmpty()) throw new IllegalArgumentException(key + " must not be an empty list, got []");
        return List.copyOf(values);
    }

    /** Reads and validates a SPEC document (JSON, comments allowed). */
    public static SweepSpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("SPEC is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "), got "
                    + abbreviate(json));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("SPEC must be a JSON object, got " + abbreviate(json));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(
                        "unknown SPEC key (known: " + String.join(", ", KEYS) + "), got " + k);
            }
        }
        for (String k : List.of("activation", "n0", "phi")) {
            if (!root.has(k)) throw new IllegalArgumentException("SPEC needs the key " + k + ", got none");
        }
        List<String> activation = list(root, "activation", NullNode.instance, SweepSpec::activation);
        List<Integer> n0 = list(root, "n0", NullNode.instance, n -> (int) integer("n0", n, 1, Integer.MAX_VALUE));
        List<BigDecimal> phi = list(root, "phi", NullNode.instance, n -> decimal("phi", n));
        List<BigDecimal> psi = list(root, "psi", ONE, n -> decimal("psi", n));
        List<BiasKind> bias = list(root, "bias", TextNode.valueOf("none"), SweepSpec::biasKind);
        List<BigDecimal> biasSigma =
                list(root, "bias_sigma", DecimalNode.valueOf(BigDecimal.ZERO), n -> decimal("bias_sigma", n));
        List<BigDecimal> sigmaW = list(root, "sigma_w", ONE, n -> decimal("sigma_w", n));
        List<Boolean> sampled = list(root, "sampled_bias", BooleanNode.FALSE, SweepSpec::bool);
        int trials = root.has("trials") ? (int) integer("trials", root.get("trials"), 1, 1_000_000) : 1;
        long seed = root.has("seed") ? integer("seed", root.get("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        Histogram histogram = root.has("histogram") ? histogram(root.get("histogram")) : null;
        String description = null;
        if (root.has("description")) {
            if (!root.get("description").isTextual()) {
                throw new IllegalArgumentException("description must be a string, got " + root.get("description"));
            }
            description = root.get("description").textValue();
        }
        SweepSpec spec = new SweepSpec(
                activation, n0, phi, psi, bias, biasSigma, sigmaW, sampled, trials, seed, histogram, description);
        spec.validate();
        return spec;
    }

    /**
     * Checks every grid point (sizes that round below 1 or past the LAPACK limit, parse errors and
     * constant activations) before any work; the task count must not exceed {@link #MAX_TASKS}.
     */
    private void validate() {
        long count = (long) trials;
        for (int size : new int[] {
            activation.size(), n0.size(), phi.size(), psi.size(), bias.size(), biasSigma.size(), sigmaW.size()
        }) {
            count *= size;
            if (count > MAX_TASKS) {
                throw new IllegalArgumentException("a sweep may have at most " + MAX_TASKS
                        + " tasks (grid points × trials), got more than " + MAX_TASKS);
            }
        }
        Map<String, Boolean> checked = new LinkedHashMap<>();
        for (GridPoint p : points()) {
            // η > 0 depends on f and s = σw only: one constants evaluation per pair
            String key = p.activation() + "\u0000" + p.sigmaW();
            if (checked.putIfAbsent(key, Boolean.TRUE) == null) {
                LimitLaws.params(p.model(), 1, 1);
            }
        }
    }

    /** The distinct grid points in canonical order (see the class comment for the rules). */
    public List<GridPoint> points() {
        Map<String, GridPoint> out = new LinkedHashMap<>();
        for (String f : activation) {
            for (int n : n0) {
                for (BigDecimal ph : phi) {
                    for (BigDecimal ps : psi) {
                        for (BiasKind b : bias) {
                            for (BigDecimal sb : biasSigma) {
                                for (BigDecimal sw : sigmaW) {
                                    for (boolean sampled : sampledBias) {
                                        BigDecimal sigma = b == BiasKind.none ? BigDecimal.ZERO : sb;
                                        boolean s = sampled
                                                && sigma.signum() > 0
                                                && (b == BiasKind.neuron || b == BiasKind.sample);
                                        GridPoint p = new GridPoint(f, n, ph, ps, b, sigma, sw, s);
                                        out.putIfAbsent(p.key(), p);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Every task: each point's trials 0 … trials − 1, in order. */
    public List<SweepTask> tasks() {
        List<SweepTask> out = new ArrayList<>();
        for (GridPoint p : points()) {
            for (int t = 0; t < trials; t++) {
                out.add(new SweepTask(out.size(), p, t, seed));
            }
        }
        return out;
    }

    /**
     * The canonical JSON of this SPEC (every key, lists always, decimals without trailing zeros):
     * two SPECs are the same sweep exactly when their canonical texts are equal.
     */
    public String canonicalJson() {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        ObjectNode o = f.objectNode();
        if (description != null) o.put("description", description);
        ArrayNode a = o.putArray("activation");
        activation.forEach(a::add);
        ArrayNode n = o.putArray("n0");
        n0.forEach(n::add);
        decimals(o.putArray("phi"), phi);
        decimals(o.putArray("psi"), psi);
        ArrayNode b = o.putArray("bias");
        bias.forEach(k -> b.add(k.name()));
        decimals(o.putArray("bias_sigma"), biasSigma);
        decimals(o.putArray("sigma_w"), sigmaW);
        ArrayNode s = o.putArray("sampled_bias");
        sampledBias.forEach(s::add);
        o.put("trials", trials);
        o.put("seed", seed);
        if (histogram != null) {
            ObjectNode h = o.putObject("histogram");
            h.put("bins", histogram.bins());
            h.put("from", plain(histogram.from()));
            h.put("to", plain(histogram.to()));
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the canonical SPEC", e);
        }
    }

    private static void decimals(ArrayNode a, List<BigDecimal> values) {
        values.forEach(v -> a.add(plain(v)));
    }

    /** A decimal without trailing zeros and never in exponent form (Jackson writes it plain). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static <T> List<T> list(JsonNode root, String key, JsonNode dflt, Function<JsonNode, T> one) {
        JsonNode node = root.get(key);
        if (node == null) return List.of(one.apply(dflt));
        if (!node.isArray()) return List.of(one.apply(node));
        if (node.isEmpty()) throw new IllegalArgumentException(key + " must not be an empty list, got []");
        List<T> out = new ArrayList<>();
        for (JsonNode v : node) {
            out.add(one.apply(v));
        }
        return out;
    }

    private static String activation(JsonNode n) {
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw new IllegalArgumentException("activation must be an expression in x (a string), got " + n);
        }
        return n.textValue().strip();
    }

    private static long integer(String key, JsonNode n, long min, long max) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + n);
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + n);
        }
        return v;
    }

    private static BigDecimal decimal(String key, JsonNode n) {
        if (!n.isNumber()) throw new IllegalArgumentException(key + " must be a number, got " + n);
        return n.decimalValue();
    }

    private static BiasKind biasKind(JsonNode n) {
        String text = n.isTextual() ? n.textValue().toLowerCase(Locale.ROOT) : "";
        for (BiasKind k : BiasKind.values()) {
            if (k.name().equals(text)) return k;
        }
        throw new IllegalArgumentException("bias must be none, neuron, sample or scalar, got " + n);
    }

    private static boolean bool(JsonNode n) {
        if (!n.isBoolean()) throw new IllegalArgumentException("sampled_bias must be true or false, got " + n);
        return n.booleanValue();
    }

    private static Histogram histogram(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("histogram must be an object {bins, from, to}, got " + n);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("bins", "from", "to").contains(k)) {
                throw new IllegalArgumentException("unknown histogram key (known: bins, from, to), got " + k);
            }
        }
        for (String k : List.of("bins", "from", "to")) {
            if (!n.has(k)) throw new IllegalArgumentException("histogram needs the key " + k + ", got " + n);
        }
        return new Histogram(
                (int) integer("histogram bins", n.get("bins"), 1, 10_000),
                decimal("histogram from", n.get("from")),
                decimal("histogram to", n.get("to")));
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? "'" + one + "'" : "'" + one.substring(0, 57) + "...'";
    }
}
