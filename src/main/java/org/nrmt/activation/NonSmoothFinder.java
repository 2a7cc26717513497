package org.nrmt.activation;

import java.util.List;

final class NonSmoothFinder {
    private NonSmoothFinder() {
    }

    static List<NonSmoothPoint> find(Expr e, double lo, double hi, long precision) {
        throw new UnsupportedOperationException("nonSmoothPoints: not yet implemented");
    }
}
