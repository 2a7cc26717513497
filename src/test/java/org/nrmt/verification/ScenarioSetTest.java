package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nrmt.simulation.BiasKind;

class ScenarioSetTest {

    private static ScenarioSet parse(String json) {
        return ScenarioSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /** The committed file parses and covers every kind, every bias reading and every activation class. */
    @Test
    void committedFileCoversEveryKindAndBias() {
        ScenarioSet set = ScenarioSet.load(Path.of("verification", "scenarios.json"));
        Set<ScenarioKind> kinds = EnumSet.noneOf(ScenarioKind.class);
        Set<BiasKind> biases = EnumSet.noneOf(BiasKind.class);
        Set<ScenarioKind> fastKinds = EnumSet.noneOf(ScenarioKind.class);
        for (Scenario s : set.scenarios()) {
            kinds.add(s.kind());
            biases.add(s.bias());
            if (s.fast()) {
                fastKinds.add(s.kind());
            }
        }
        assertEquals(EnumSet.allOf(ScenarioKind.class), kinds);
        assertEquals(EnumSet.allOf(BiasKind.class), biases);
        assertTrue(
                fastKinds.containsAll(EnumSet.of(
                        ScenarioKind.spectrum,
                        ScenarioKind.ks_scaling,
                        ScenarioKind.memorization,
                        ScenarioKind.layers)),
                "fast subset kinds: " + fastKinds);
        List<String> activations =
                set.scenarios().stream().map(Scenario::activation).toList();
        for (String a : List.of("tanh", "erf", "relu", "hardtanh", "linear", "x^2-1")) {
            assertTrue(activations.contains(a), "no scenario for " + a);
        }
        assertTrue(set.select(List.of(), true).scenarios().stream().allMatch(Scenario::fast));
    }

    @Test
    void unknownFieldIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> parse(
                        "{\"scenarios\":[{\"name\":\"a\",\"kind\":\"spectrum\",\"purpose\":\"p\",\"activation\":\"tanh\","
                                + "\"n0\":10,\"n1\":10,\"m\":10,\"thresholds\":{\"kss\":0.1}}]}"));
        assertTrue(e.getMessage().contains("kss"), e.getMessage());
    }

    @Test
    void missingFieldNamesScenarioAndField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> parse(
                        "{\"scenarios\":[{\"name\":\"a\",\"kind\":\"spectrum\",\"purpose\":\"p\",\"activation\":\"tanh\","
                                + "\"n0\":10,\"m\":10}]}"));
        assertTrue(e.getMessage().contains("scenario a: n1 is required"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        String one =
                "{\"name\":\"a\",\"kind\":\"timing\",\"task\":\"simulate\",\"purpose\":\"p\",\"activation\":\"tanh\","
                        + "\"n0\":10,\"n1\":10,\"m\":10}";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> parse("{\"scenarios\":[" + one + "," + one + "]}"));
        assertTrue(e.getMessage().contains("got a twice"), e.getMessage());
    }

    @Test
    void scalarBiasNeedsOneTrialAndThresholdsMustBePositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> parse(
                        "{\"scenarios\":[{\"name\":\"a\",\"kind\":\"spectrum\",\"purpose\":\"p\",\"activation\":\"tanh\","
                                + "\"n0\":10,\"n1\":10,\"m\":10,\"trials\":2,\"bias\":\"scalar\",\"bias_sigma\":1}]}"));
        assertTrue(e.getMessage().contains("trials = 1"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> parse(
                        "{\"scenarios\":[{\"name\":\"a\",\"kind\":\"spectrum\",\"purpose\":\"p\",\"activation\":\"tanh\","
                                + "\"n0\":10,\"n1\":10,\"m\":10,\"thresholds\":{\"ks\":-1}}]}"));
        assertTrue(e.getMessage().contains("ks must be a finite number > 0, got -1.0"), e.getMessage());
    }

    @Test
    void selectionKeepsFileOrderAndNamesUnknownScenarios() {
        ScenarioSet set = ScenarioSet.load(Path.of("verification", "scenarios.json"));
        List<String> names = set.names();
        ScenarioSet two = set.select(List.of(names.get(3), names.get(1)), false);
        assertEquals(List.of(names.get(1), names.get(3)), two.names());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> set.select(List.of("no-such"), false));
        assertTrue(e.getMessage().endsWith("got no-such"), e.getMessage());
    }
}
