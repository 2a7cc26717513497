package org.nrmt.spectrum;

import org.apfloat.Apfloat;

/**
 * Exact moments from the expansion at z = ∞ (see {@code theory/quartic.md} §5). With
 * u = zG = Σ m_k w^k, w = 1/z, the quartic becomes A(u) + w B(u) + w² C(u) = 0 with
 * A(u) = ψ(u − 1), B(u) = c_{10}u + c_{21}u² + c_{32}u³, C(u) = c_{20}u² + c_{31}u³ + c_{42}u⁴
 * (c_{kj}: coefficient of G^k z^j), so ψ m_n = −[w^{n−1}]B(u) − [w^{n−2}]C(u): a triangular
 * recursion, exact up to rounding (equivalent to the series of P in t = 1/(zψ)).
 */
public final class Moments {
    private Moments() {}

    /** m_0 … m_K (m_0 = 1) at {@code precision} digits. */
    public static Apfloat[] of(Quartic q, int kMax, long precision) {
        if (kMax < 0) throw new IllegalArgumentException("k must be >= 0, got " + kMax);
        long p = precision + 10;
        Apfloat zero = new Apfloat(0, p);
        Apfloat[] m = new Apfloat[kMax + 1];
        m[0] = new Apfloat(1, p);
        // pw[e][i] = [w^i] u^e for e = 1..4, updated as m grows
        Apfloat[][] pw = new Apfloat[5][kMax + 1];
        for (Apfloat[] row : pw) java.util.Arrays.fill(row, zero);
        Apfloat[] b = {
            q.apCoefficient(1, 0).precision(p),
            q.apCoefficient(2, 1).precision(p),
            q.apCoefficient(3, 2).precision(p)
        };
        Apfloat[] cc = {
            q.apCoefficient(2, 0).precision(p),
            q.apCoefficient(3, 1).precision(p),
            q.apCoefficient(4, 2).precision(p)
        };
        Apfloat psi = q.apCoefficient(1, 1).precision(p);
        for (int nn = 0; nn <= kMax; nn++) {
            if (nn > 0) {
                Apfloat s = zero;
                // [w^{n-1}] B(u) = Σ_e b_e [w^{n-1}] u^{e+1}
                for (int e = 0; e < 3; e++) s = s.add(b[e].multiply(pw[e + 1][nn - 1]));
                if (nn >= 2) for (int e = 0; e < 3; e++) s = s.add(cc[e].multiply(pw[e + 2][nn - 2]));
                m[nn] = s.negate().divide(psi);
            }
            // update coefficient nn of u^e = u·u^{e-1}
            pw[1][nn] = m[nn];
            for (int e = 2; e <= 4; e++) {
                Apfloat s = zero;
                for (int i = 0; i <= nn; i++) s = s.add(m[i].multiply(pw[e - 1][nn - i]));
                pw[e][nn] = s;
            }
        }
        for (int i = 0; i <= kMax; i++) m[i] = m[i].precision(precision);
        return m;
    }
}
