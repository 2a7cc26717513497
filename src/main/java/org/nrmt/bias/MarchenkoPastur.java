package org.nrmt.bias;

/**
 * The Marchenko–Pastur transform of ratio c in the S-convention,
 * \[ m_c(w) = \int \frac{d\mu_c(x)}{x - w} = \frac{1 - c - w + R(w)}{2cw},\qquad
 *    R(w) = \sqrt{w - \lambda_-}\,\sqrt{w - \lambda_+},\ \lambda_\pm = (1 \pm \sqrt c)^2, \]
 * with principal square roots, so that R ~ w at ∞ and R is analytic off [λ−, λ+]: m_c is then the
 * analytic Stieltjes transform on ℂ \ [λ−, λ+] (with its pole at 0 of residue −(1 − 1/c)₊), Im m > 0
 * for Im w > 0 and m(w̄) = conj m(w). It solves c w m² + (w + c − 1) m + 1 = 0, so m' = −(c m² + m)/R.
 */
final class MarchenkoPastur {

    private MarchenkoPastur() {}

    /** Writes (Re m, Im m, Re m', Im m') into out. */
    static void transform(double c, double wr, double wi, double[] out) {
        double sc = Math.sqrt(c);
        double lm = (1 - sc) * (1 - sc);
        double lp = (1 + sc) * (1 + sc);
        double[] a = sqrt(wr - lm, wi);
        double[] b = sqrt(wr - lp, wi);
        double rr = a[0] * b[0] - a[1] * b[1];
        double ri = a[0] * b[1] + a[1] * b[0];
        double br = 1 - c - wr, bi = -wi;
        double pr = br + rr, pi = bi + ri; // 1 − c − w + R
        double nr = br - rr, ni = bi - ri; // 1 − c − w − R
        double mr, mi;
        if (pr * pr + pi * pi <= nr * nr + ni * ni) {
            // the + form cancels: m = 2/(1 − c − w − R)
            double n = nr * nr + ni * ni;
            mr = 2 * nr / n;
            mi = -2 * ni / n;
        } else {
            double dr = 2 * c * wr, di = 2 * c * wi;
            double n = dr * dr + di * di;
            mr = (pr * dr + pi * di) / n;
            mi = (pi * dr - pr * di) / n;
        }
        // m' = −(c m² + m)/R
        double tr = c * (mr * mr - mi * mi) + mr;
        double ti = c * 2 * mr * mi + mi;
        double rn = rr * rr + ri * ri;
        out[0] = mr;
        out[1] = mi;
        out[2] = -(tr * rr + ti * ri) / rn;
        out[3] = -(ti * rr - tr * ri) / rn;
    }

    private static double[] sqrt(double re, double im) {
        double r = Math.hypot(re, im);
        if (r == 0) {
            return new double[] {0, 0};
        }
        double t = Math.sqrt(0.5 * (r + Math.abs(re)));
        if (re >= 0) {
            return new double[] {t, im / (2 * t)};
        }
        return new double[] {Math.abs(im) / (2 * t), Math.copySign(t, im)};
    }
}
