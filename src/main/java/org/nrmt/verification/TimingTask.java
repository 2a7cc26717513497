package org.nrmt.verification;

/** What a {@link ScenarioKind#timing} scenario measures, nrmt against its python baseline. */
public enum TimingTask {
    /** η and ζ of tanh at 50 digits: nrmt's constants engine against mpmath.quad. */
    constants,
    /** One M = YYᵀ/m and its eigenvalues: nrmt (OpenBLAS, one thread) against numpy (one thread). */
    simulate,
    /** 10⁴ density points in double: nrmt's certified tracker against numpy roots + argmax |Im G|. */
    density,
    /** One G(z) at 50 digits: nrmt's apfloat tracker against mpmath.polyroots + argmax |Im G|. */
    stieltjes50
}
