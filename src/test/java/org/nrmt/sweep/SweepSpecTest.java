package org.nrmt.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrmt.simulation.BiasKind;
import org.nrmt.simulation.SimulationSpec;

/** The SPEC: grid order, sizes, normalisation, canonical identity and every refusal. */
class SweepSpecTest {

    private static final String GRID8 =
            "{\"activation\": [\"tanh\", \"relu\"], \"n0\": 300, \"phi\": [0.5, 1]," + " \"trials\": 2, \"seed\": 7}";

    @Test
    void eightTaskGridInProductOrderWithTrialsInnermost() {
        SweepSpec s = SweepSpec.parse(GRID8);
        List<SweepTask> tasks = s.tasks();
        assertEquals(8, tasks.size());
        assertEquals(4, s.points().size());
        SweepTask t5 = tasks.get(5);
        assertEquals(5, t5.index());
        assertEquals("relu", t5.point().activation());
        assertEquals(0, t5.point().phi().compareTo(new BigDecimal("0.5")));
        assertEquals(1, t5.trial());
        assertEquals(7, t5.seed());
        // defaults: ψ = 1, no bias, σw = 1; n1 = n0/ψ, m = n0/φ
        assertEquals(300, t5.point().n1());
        assertEquals(600, t5.point().m());
        assertEquals(BiasKind.none, t5.point().bias());
        assertEquals(
                "activation=\"relu\",n0=300,phi=0.5,psi=1,bias=none,bias_sigma=0,sigma_w=1,sampled_bias=false,trial=1,seed=7",
                t5.id());
    }

    /** n1 = round(n0/ψ), m = round(n0/φ), halves rounded up, from the exact decimals. */
    @ParameterizedTest
    @CsvSource({"5, 2, 2, 3, 3", "300, 0.7, 1.3, 429, 231", "10, 4, 4, 3, 3", "1, 0.3, 0.3, 3, 3", "7, 2, 14, 4, 1"})
    void sizesAreTheRoundedRatios(int n0, String psi, String phi, int n1, int m) {
        SweepSpec s = SweepSpec.parse(
                "{\"activation\": \"tanh\", \"n0\": " + n0 + ", \"psi\": " + psi + ", \"phi\": " + phi + "}");
        GridPoint p = s.points().get(0);
        assertEquals(n1, p.n1());
        assertEquals(m, p.m());
        SimulationSpec sim = p.simulationSpec();
        assertEquals(n0, sim.n0());
        assertEquals(n1, sim.n1());
        assertEquals(m, sim.m());
    }

    /** Spelling does not change the sweep: scalars or lists, 0.50 or 0.5, key order, comments. */
    @Test
    void canonicalFormIgnoresSpelling() {
        String a = SweepSpec.parse("{\"activation\":\"tanh\",\"n0\":300,\"phi\":0.50,\"sigma_w\":1.0}")
                .canonicalJson();
        String b = SweepSpec.parse("{ /* same */ \"phi\":[5e-1],\"n0\":[300],\"activation\":[\"tanh\"],\"psi\":1}")
                .canonicalJson();
        assertEquals(a, b);
        assertFalse(a.equals(SweepSpec.parse("{\"activation\":\"tanh\",\"n0\":300,\"phi\":0.25}")
                .canonicalJson()));
        assertTrue(a.contains("\"phi\" : [ 0.5 ]"), a);
        // decimals stay exact and plain: 1000 is not 1E+3, 0.1 is not 0.1000000000000000055
        String c = SweepSpec.parse("{\"activation\":\"tanh\",\"n0\":3000,\"phi\":0.1,\"psi\":1000}")
                .canonicalJson();
        assertTrue(c.contains("[ 0.1 ]") && c.contains("[ 1000 ]"), c);
    }

    /** bias none takes σb = 0, sampled_bias only where it means something; equal points run once. */
    @Test
    void inapplicableCombinationsCollapse() {
        SweepSpec s = SweepSpec.parse(
                "{\"activation\":\"relu\",\"n0\":100,\"phi\":1,\"bias\":[\"none\",\"neuron\",\"scalar\"],"
                        + "\"bias_sigma\":[0,1.5],\"sampled_bias\":[false,true]}");
        List<String> keys = s.points().stream().map(GridPoint::key).toList();
        assertEquals(
                List.of(
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=none,bias_sigma=0,sigma_w=1,sampled_bias=false",
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=neuron,bias_sigma=0,sigma_w=1,sampled_bias=false",
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=neuron,bias_sigma=1.5,sigma_w=1,sampled_bias=false",
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=neuron,bias_sigma=1.5,sigma_w=1,sampled_bias=true",
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=scalar,bias_sigma=0,sigma_w=1,sampled_bias=false",
                        "activation=\"relu\",n0=100,phi=1,psi=1,bias=scalar,bias_sigma=1.5,sigma_w=1,sampled_bias=false"),
                keys);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"activation\":\"tanh\",\"n0\":300,\"phy\":1}|unknown SPEC key (known: description, activation, n0, phi,"
                        + " psi, bias, bias_sigma, sigma_w, sampled_bias, trials, seed, histogram), got phy",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":[]}|phi must not be an empty list, got []",
                "{\"activation\":[],\"n0\":300,\"phi\":1}|activation must not be an empty list, got []",
                "{\"activation\":\"tanh\",\"n0\":300}|SPEC needs the key phi, got none",
                "{\"activation\":\"tanh\",\"n0\":1,\"phi\":3}|m = n0/phi must round to >= 1 at n0 = 1, phi = 3, got 0",
                "{\"activation\":\"tanh\",\"n0\":2,\"phi\":1,\"psi\":5}|n1 = n0/psi must round to >= 1 at n0 = 2, psi = 5, got 0",
                "{\"activation\":\"tanh\",\"n0\":50000,\"phi\":1}|n1 = n0/psi must be <= 46340 (n1² must fit LAPACK's 32-bit"
                        + " indices) at n0 = 50000, psi = 1, got 50000",
                "{\"activation\":\"tanh\",\"n0\":300.5,\"phi\":1}|n0 must be an integer, got 300.5",
                "{\"activation\":\"tanh\",\"n0\":\"300\",\"phi\":1}|n0 must be an integer, got \"300\"",
                "{\"activation\":\"tanh\",\"n0\":0,\"phi\":1}|n0 must be between 1 and 2147483647, got 0",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":-1}|phi must be > 0, got -1",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"bias\":\"row\"}|bias must be none, neuron, sample or scalar,"
                        + " got \"row\"",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"bias_sigma\":-0.5,\"bias\":\"neuron\"}|bias_sigma must be >= 0,"
                        + " got -0.5",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"trials\":0}|trials must be between 1 and 1000000, got 0",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"sampled_bias\":1}|sampled_bias must be true or false, got 1",
                "{\"activation\":\"1\",\"n0\":300,\"phi\":1}|the activation is constant under the Gaussian (eta = 0), got '1'",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"phi\":2}|SPEC is not valid JSON (Duplicate field 'phi' at line 1),"
                        + " got '{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"phi\":2}'",
                "[1]|SPEC must be a JSON object, got '[1]'",
                "{\"activation\":\"tanh\",\"n0\":300,\"phi\":1,\"histogram\":{\"bins\":10,\"from\":2,\"to\":1}}|histogram needs"
                        + " from < to, got from 2 to 1",
                "{\"activation\":\"tanh\",\"n0\":[1,2,3,4,5,6,7,8,9,10],\"phi\":[1,2,3,4,5,6,7,8,9,10],\"psi\":[1,2,3,4,5,6,7,8,9,10],"
                        + "\"trials\":1001}|a sweep may have at most 1000000 tasks (grid points × trials), got more than 1000000"
            })
    void badSpecsAreRefusedWithTheValue(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void unparsableActivationNamesTheText() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SweepSpec.parse("{\"activation\":\"tanh(\",\"n0\":300,\"phi\":1}"));
        assertTrue(e.getMessage().startsWith("cannot read activation: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", got 'tanh('"), e.getMessage());
    }
}
