/**
 * Finite-size simulation of \(M = \frac1m YY^\top\), \(Y = f(WX + B) - \text{mean}\), and its
 * comparison with a limiting {@link org.nrmt.spectrum.SpectralLaw}: sampling from a seed (one
 * independent stream per trial), eigenvalues by LAPACK {@code dsyevd} through OpenBLAS or by
 * ojAlgo in pure Java ({@link org.nrmt.simulation.EigenSolver}), and the statistics of
 * {@code theory/verification.md} (Kolmogorov–Smirnov with atoms, Wasserstein-1, Stieltjes
 * transform at Im z ≥ 0.1, moments, atom mass).
 *
 * <p>References: Pennington &amp; Worah, NIPS 2017 (the model and its conventions); LAPACK Users'
 * Guide §2.4.4 (dsyevd, divide and conquer).
 */
package org.nrmt.simulation;
