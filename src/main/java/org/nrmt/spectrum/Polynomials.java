package org.nrmt.spectrum;

import org.apache.commons.math3.complex.Complex;

/** Small helpers: all roots of a low-degree complex polynomial (Aberth–Ehrlich), no certificate. */
final class Polynomials {
    private Polynomials() {}

    /**
     * All roots of Σ a_k x^k (increasing order, leading coefficient non-zero) by Aberth–Ehrlich
     * iteration; approximations only (used for candidate edges and the heuristic baselines).
     */
    static Complex[] roots(Complex[] a) {
        int n = a.length - 1;
        while (n > 0 && a[n].abs() == 0) n--;
        if (n == 0) return new Complex[0];
        Complex[] r = new Complex[n];
        double rad = 0;
        for (int k = 0; k < n; k++) rad = Math.max(rad, Math.pow(a[k].abs() / a[n].abs(), 1.0 / (n - k)));
        rad = Math.max(rad, 1e-300);
        for (int k = 0; k < n; k++)
            r[k] = Complex.valueOf(
                    rad * Math.cos(2 * Math.PI * k / n + 0.4), rad * Math.sin(2 * Math.PI * k / n + 0.4));
        for (int it = 0; it < 500; it++) {
            double maxStep = 0;
            for (int i = 0; i < n; i++) {
                Complex p = a[n], d = Complex.ZERO;
                for (int k = n - 1; k >= 0; k--) {
                    d = d.multiply(r[i]).add(p);
                    p = p.multiply(r[i]).add(a[k]);
                }
                Complex ratio = p.divide(d);
                Complex s = Complex.ZERO;
                for (int j = 0; j < n; j++) if (j != i) s = s.add(Complex.ONE.divide(r[i].subtract(r[j])));
                Complex w = ratio.divide(Complex.ONE.subtract(ratio.multiply(s)));
                if (w.isNaN() || w.isInfinite()) continue;
                r[i] = r[i].subtract(w);
                maxStep = Math.max(maxStep, w.abs() / Math.max(r[i].abs(), 1e-300));
            }
            if (maxStep < 1e-15) break;
        }
        return r;
    }
}
