package org.nrmt.quadrature;

import org.apfloat.Apfloat;

/**
 * Integrands summed over a uniform grid: returns, for each component i,
 * \( \sum_{k=0}^{count-1} g_i(first + k\,step) \). Implementations may use recurrences along the
 * grid (theory/gaussian-constants.md §5) instead of evaluating node by node.
 */
public interface GridIntegrand {
    int dimension();

    Apfloat[] sums(Apfloat first, Apfloat step, int count, long precision);
}
