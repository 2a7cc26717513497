package org.nrmt.activation;

/**
 * Double-precision special functions used by the compiled activations, each stable over the
 * whole real line (theory/activations.md, "Double evaluation").
 */
final class DoubleSpecial {
    private static final double SQRT1_2 = 0.7071067811865476;

    private DoubleSpecial() {}

    /*
     * erf and erfc from two Chebyshev expansions (coefficients from mpmath at 40 digits):
     *   |x| < 1/2:  erf(x)/x           in t = 8x² − 1,
     *   x ≥ 1/2:    x e^{x²} erfc(x)   in t with x = 1/2 + 3(1 + t)/(1 − t),
     * the second bounded between 0.38 and 1/√π on [1/2, ∞), so erfc keeps full relative accuracy
     * into the tail. Regenerate: for g in the two functions,
     *   c_j = (2/N) Σ_k g(cos θ_k) cos(j θ_k), θ_k = π(k + 1/2)/N, N = 48, c_0 halved
     * (python3 with mpmath, mp.dps = 40; truncated where |c_j| < 1e-19).
     */
    private static final double[] ERF_SMALL = {
        1.083882205490613, -4.3677791087375254e-2, 8.0711182941332136e-4, -1.1913179519270461e-5,
        1.440278733630302e-7, -1.4677155823169011e-9, 1.290243960448493e-11, -9.9638571801588918e-14,
        6.8575058505018388e-16, -4.2553704380444375e-18,
    };
    private static final double[] ERFC_LARGE = {
        4.9317343181881492e-1,
        1.1129003592572086e-1,
        -5.3751729887883136e-2,
        1.6478490113218727e-2,
        -3.4016362573934495e-3,
        4.1131326203004375e-4,
        -3.4504491180384805e-6,
        -7.7690566317856007e-6,
        7.8974960996921447e-7,
        1.3857751622946168e-7,
        -2.8037403627879269e-8,
        -3.1991390184831982e-9,
        9.1464096479710189e-10,
        1.0751469464294501e-10,
        -3.0081898766093531e-11,
        -4.8135226471120182e-12,
        9.4740412805380712e-13,
        2.420333549987807e-13,
        -2.3569452405055587e-14,
        -1.2117233929876216e-14,
        1.8500315811318808e-17,
        5.5449491596433089e-16,
        5.6128629267622568e-17,
        -2.0519876216533588e-17,
        -5.2338136024956743e-18,
        3.7550435095159897e-19,
        3.2282745069239206e-19,
    };
    /** erfc(x) underflows to 0 beyond this. */
    private static final double ERFC_ZERO = 27.3;

    /** Σ c_j T_j(t) by Clenshaw's recurrence. */
    private static double chebyshev(double[] c, double t) {
        double b1 = 0;
        double b2 = 0;
        double t2 = 2 * t;
        for (int j = c.length - 1; j >= 1; j--) {
            double b0 = t2 * b1 - b2 + c[j];
            b2 = b1;
            b1 = b0;
        }
        return t * b1 - b2 + c[0];
    }

    /** e^{−x²} without the error of rounding x²: x = xh + xl with xh² exact. */
    private static double expMinusSquare(double x) {
        double xh = (float) x;
        double xl = x - xh;
        return Math.exp(-xh * xh) * Math.exp(-xl * (x + xh));
    }

    /** x e^{x²} erfc(x) for x ≥ 1/2. */
    private static double scaledErfc(double x) {
        double y = x - 0.5;
        return chebyshev(ERFC_LARGE, (y - 3) / (y + 3));
    }

    /** erfc(x) for x ≥ 1/2, relative accuracy (the split e^{−x²}). */
    private static double erfcLarge(double x) {
        if (x > ERFC_ZERO) {
            return 0.0;
        }
        return expMinusSquare(x) * scaledErfc(x) / x;
    }

    /**
     * erfc(x) for x ≥ 1/2 where only absolute accuracy is needed (it is subtracted from 1 or 2):
     * one exp of the rounded −x².
     */
    private static double erfcLargeAbsolute(double x) {
        if (x > ERFC_ZERO) {
            return 0.0;
        }
        return Math.exp(-x * x) * scaledErfc(x) / x;
    }

    /** erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt, relative error a few ulp. */
    static double erf(double x) {
        double a = Math.abs(x);
        if (a < 0.5) {
            return x * chebyshev(ERF_SMALL, 8 * x * x - 1);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double r = 1 - erfcLargeAbsolute(a);
        return x > 0 ? r : -r;
    }

    /** erfc(x) = 1 − erf(x), with full relative accuracy in the right tail. */
    static double erfc(double x) {
        if (Math.abs(x) < 0.5) {
            return 1 - x * chebyshev(ERF_SMALL, 8 * x * x - 1);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        return x > 0 ? erfcLarge(x) : 2 - erfcLargeAbsolute(-x);
    }

    /** 1/(1+e^{-x}), without overflow for either sign. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(1+e^x) = max(x,0) + log1p(e^{-|x|}). */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** x Φ(x): relative accuracy kept in the left tail. */
    static double gelu(double x) {
        return x * normalCdf(x);
    }

    /**
     * Φ(x) = erfc(−x/√2)/2. In the left tail e^{−x²/2} is formed from x itself, so the rounding
     * of x/√2 (amplified by the condition number x² of erfc there) does not enter.
     */
    static double normalCdf(double x) {
        double z = -x * SQRT1_2;
        if (z < 0.5) {
            return 0.5 * erfc(z);
        }
        if (z > ERFC_ZERO) {
            return 0.0;
        }
        double xh = (float) x;
        double xl = x - xh;
        double gauss = Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * xl * (x + xh));
        return 0.5 * gauss * scaledErfc(z) / z;
    }

    static double silu(double x) {
        return x * sigmoid(x);
    }

    static double sign(double x) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : Double.NaN;
    }

    static double step(double x) {
        return x > 0 ? 1.0 : x <= 0 ? 0.0 : Double.NaN;
    }

    static double relu(double x) {
        return x > 0 ? x : x <= 0 ? 0.0 : Double.NaN;
    }

    static double leakyRelu(double x, double slope) {
        return x >= 0 ? x : slope * x;
    }

    /** min(max(x, lo), hi), NaN-propagating. */
    static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
