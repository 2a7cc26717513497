package org.nrmt.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogLogFitTest {

    /** KS = 5/n exactly: slope −1, intercept log 5, no residual. */
    @Test
    void exactPowerLawIsRecovered() {
        List<Integer> n = List.of(100, 200, 400, 800);
        List<Double> ks = n.stream().map(k -> 5.0 / k).toList();
        LogLogFit fit = LogLogFit.of(n, ks);
        assertEquals(-1.0, fit.slope(), 1e-12);
        assertEquals(Math.log(5), fit.intercept(), 1e-12);
        assertEquals(0.0, fit.slopeError(), 1e-12);
        assertEquals(5.0 / 300, fit.at(300), 1e-14);
    }

    /** Residuals (±log 1.1 alternating) give the textbook standard error of the slope. */
    @Test
    void standardErrorMatchesTheFormula() {
        List<Integer> n = List.of(1, 10, 100, 1000);
        double e = Math.log(1.1);
        List<Double> y = List.of(Math.exp(e), 0.1 * Math.exp(-e), 0.01 * Math.exp(e), 0.001 * Math.exp(-e));
        LogLogFit fit = LogLogFit.of(n, y);
        double l10 = Math.log(10);
        double sxx = l10 * l10 * 5; // x = 0, 1, 2, 3 (×ln10) about their mean 1.5: 2.25+0.25+0.25+2.25
        double b = fit.slope();
        double a = fit.intercept();
        double rss = 0;
        for (int i = 0; i < 4; i++) {
            double r = Math.log(y.get(i)) - a - b * Math.log(n.get(i));
            rss += r * r;
        }
        assertEquals(Math.sqrt(rss / 2 / sxx), fit.slopeError(), 1e-14);
        // Σ (x − x̄) r = e ln10 (−1.5 + 0.5 + 0.5 − 1.5) = −2 e ln10 and Sxx = 5 ln²10.
        assertEquals(-1 - 0.4 * e / l10, b, 1e-12);
    }

    @Test
    void rejectsNonPositiveValues() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LogLogFit.of(List.of(1, 2), List.of(1.0, 0.0)));
        assertEquals(true, e.getMessage().contains("got (2.0, 0.0)"));
    }
}
