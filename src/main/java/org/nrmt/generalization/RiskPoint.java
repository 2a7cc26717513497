package org.nrmt.generalization;

/**
 * The limiting risk of random-feature ridge regression at one λ (theory/generalization.md).
 *
 * @param lambda    the ridge λ &gt; 0
 * @param eTest     E_test(λ), test label noise included
 * @param eTrain    E_train(λ) = |y − Kα|²/m
 * @param bias      F·X·L/D², the error of the noiseless teacher (test noise excluded)
 * @param variance  τ²(L/D² − 1), what training-label noise adds
 * @param kappa     the effective ridge κ = λ/D, \(1/\kappa = \lim \frac1m \operatorname{tr}(K + \lambda)^{-1}\)
 * @param memorization L = E_train of random targets (theory/memorization.md)
 * @param error     bound on the distance of eTest, eTrain, bias, variance from their exact values
 *     for the double parameters (NaN when not certified)
 * @param certified whether G(−λ) is certified and every enclosure defined; if false, the values
 *     are NaN
 */
public record RiskPoint(
        double lambda,
        double eTest,
        double eTrain,
        double bias,
        double variance,
        double kappa,
        double memorization,
        double error,
        boolean certified) {}
