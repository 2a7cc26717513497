/**
 * Limiting spectral laws of M = YYᵀ/m: the Pennington–Worah quartic ({@link org.nrmt.spectrum.Quartic}),
 * its certified physical branch ({@link org.nrmt.spectrum.QuarticLaw}), support, atoms, moments,
 * CDF and the negative axis for ridge quantities.
 *
 * <p>Theory: {@code theory/quartic.md} (P-equation → quartic, limits, discriminant, moments) and
 * {@code theory/branch-selection.md} (what fails, the Rouché step certificate, what it
 * guarantees). References: Pennington &amp; Worah, NIPS 2017 (Theorem 1); Piccolo &amp; Schröder,
 * arXiv:2105.05115.
 *
 * <pre>{@code
 * QuarticLaw law = QuarticLaw.of(new ModelParams(eta, zeta, phi, psi));
 * for (StieltjesPoint p : law.densityGrid(0, 2, 1000)) {
 *     if (p.certified()) System.out.println(p.z().getReal() + " " + p.density());
 * }
 * List<Interval> support = law.support();      // edges: physical real roots of the discriminant
 * List<Apfloat> edges50 = law.supportEdges(50);  // the same at 50 digits
 * }</pre>
 */
package org.nrmt.spectrum;
