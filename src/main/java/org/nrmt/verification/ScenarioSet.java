package org.nrmt.verification;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of {@code verification/scenarios.json}: free-text notes (the threshold
 * derivation, stated next to the numbers) and the scenarios in report order. Unknown fields are
 * errors, so a misspelt threshold cannot silently go unchecked.
 *
 * @param notes      lines explaining the thresholds and the fast subset
 * @param scenarios  the scenarios, names unique
 */
public record ScenarioSet(List<String> notes, List<Scenario> scenarios) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    public ScenarioSet(@JsonProperty("notes") List<String> notes, @JsonProperty("scenarios") List<Scenario> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("a scenario file needs at least one scenario, got " + scenarios);
        }
        Set<String> seen = new HashSet<>();
        for (Scenario s : scenarios) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("scenario names must be unique, got " + s.name() + " twice");
            }
        }
        this.notes = notes == null ? List.of() : List.copyOf(notes);
        this.scenarios = List.copyOf(scenarios);
    }

    /** Reads a scenario file; bad content throws IllegalArgumentException naming the problem. */
    public static ScenarioSet load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
    }

    /** Reads a scenario file from a stream; {@code origin} names it in messages. */
    public static ScenarioSet read(InputStream in, String origin) {
        try {
            return MAPPER.readValue(in, ScenarioSet.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(origin + ": " + iae.getMessage(), e);
            }
            throw new IllegalArgumentException(
                    origin + ": invalid scenario file (" + e.getOriginalMessage() + "), got "
                            + e.getClass().getSimpleName(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + origin, e);
        }
    }

    /** The scenario called {@code name}. */
    public Scenario get(String name) {
        for (Scenario s : scenarios) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario named " + name + " (known: " + names() + "), got " + name);
    }

    /** The scenarios named, in file order; all of them when {@code names} is empty. */
    public ScenarioSet select(List<String> names, boolean fastOnly) {
        Map<String, Scenario> chosen = new LinkedHashMap<>();
        if (names.isEmpty()) {
            for (Scenario s : scenarios) {
                chosen.put(s.name(), s);
            }
        } else {
            for (String n : names) {
                chosen.put(n, get(n));
            }
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (chosen.containsKey(s.name()) && (!fastOnly || s.fast())) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "no scenario selected (names " + names + ", fast " + fastOnly + "), got none");
        }
        return new ScenarioSet(notes, out);
    }

    /** All names, in order. */
    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }
}
