package org.nrmt.roots;

import java.util.List;

/**
 * All roots of a polynomial as apfloat inclusion disks, one per root counted with multiplicity.
 * {@code degree} is the degree after dropping exactly-zero leading coefficients (an upper bound for
 * perturbed inputs; theory/roots.md §4). {@code precision} is the requested number of digits.
 *
 * @param roots the inclusion disks (an unmodifiable copy)
 * @param degree the degree after exact degree drop
 */
public record ApRootSet(List<ApRoot> roots, int degree) {

  public ApRootSet {
    roots = List.copyOf(roots);
    if (roots.size() != degree) {
      throw new IllegalArgumentException(
          "root count must equal degree " + degree + ", got " + roots.size());
    }
  }

  /** Number of disks certified to hold exactly one root. */
  public int isolatedCount() {
    int k = 0;
    for (ApRoot r : roots) {
      if (r.isolated()) {
        k++;
      }
    }
    return k;
  }

  /** Whether every root is certified simple and isolated. */
  public boolean allIsolated() {
    return isolatedCount() == degree;
  }

  /** The root at index {@code i}. */
  public ApRoot get(int i) {
    return roots.get(i);
  }
}
