package org.nrmt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.nrmt.activation.Activation;
import org.nrmt.bias.BiasKind;
import org.nrmt.bias.BiasLaw;
import org.nrmt.bias.BiasLaws;
import org.nrmt.bias.BiasMeasure;
import org.nrmt.bias.ConditionalConstants;
import org.nrmt.spectrum.SpectralLaw;

/**
 * Isospectrality study of issue #5 (theory/bias.md §8), one command (bench/bias.sh):
 * <ol>
 *   <li>without bias, the best member of the family f_θ(x) = e^{−θ0 x²} + θ1 x e^{−θ2 x²} + θ3 x²
 *       + θ4 sin(θ5 x) (centred implicitly, scaled to E v = 1) reaches the input MP law (KS → 0);
 *   <li>with a per-neuron or per-sample bias, Nelder–Mead over the same family (several starts)
 *       stays at a positive KS distance from the input law;
 *   <li>the averaged-constant shortcut (PW quartic with E_b-averaged constants) against the exact
 *       bias law, for tanh, ReLU and x² − 1 at σb ∈ {0.5, 1, 1.5}.
 * </ol>
 * Layer with ψ = 1, φ = γ = 0.5: input law MP(ratio 0.5, scale 1). Writes
 * verification/bias/isospectral.md, isospectral.csv and shortcut.csv. Usage: [outDir] [maxEval].
 */
public final class BiasIsospectralStudy {

    private static final double PHI = 0.5;
    private static final double PSI = 1.0;
    private static final int NODES = 24;

    private BiasIsospectralStudy() {
    }

    static DoubleUnaryOperator family(double[] t) {
        return x -> Math.exp(-Math.abs(t[0]) * x * x) + t[1] * x * Math.exp(-Math.abs(t[2]) * x * x)
                + t[3] * x * x + t[4] * Math.sin(t[5] * x);
    }

    /** MP CDF of ratio c ≤ 1, scale 1, by the θ substitution (exact closed form is messy). */
    static double mpCdf(double c, double x) {
        double lm = Math.pow(1 - Math.sqrt(c), 2);
        double lp = Math.pow(1 + Math.sqrt(c), 2);
        if (x <= lm) {
            return 0;
        }
        if (x >= lp) {
            return 1;
        }
        double th = Math.acos(1 - 2 * (x - lm) / (lp - lm));
        int n = 400;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = th * (i + 0.5) / n;
            double y = lm + (lp - lm) * (1 - Math.cos(t)) / 2;
            double rho = Math.sqrt(Math.max(0, (lp - y) * (y - lm))) / (2 * Math.PI * c * y);
            sum += rho * (lp - lm) * Math.sin(t) / 2 * th / n;
        }
        return sum;
    }

    static double ksToMp(SpectralLaw law, double c) {
        double lp = Math.pow(1 + Math.sqrt(c), 2);
        double ks = 0;
        int n = 300;
        for (int i = 0; i <= n; i++) {
            double x = 1.6 * lp * i / n;
            ks = Math.max(ks, Math.abs(law.cdf(x) - mpCdf(c, x)));
        }
        return ks;
    }

    static double ks(SpectralLaw a, SpectralLaw b, double hi) {
        double ks = 0;
        int n = 400;
        for (int i = 0; i <= n; i++) {
            double x = hi * i / n;
            ks = Math.max(ks, Math.abs(a.cdf(x) - b.cdf(x)));
        }
        return ks;
    }

    /** The law of the family member, scaled so that E_b[s² + ζ] = 1; null kind = no bias. */
    static SpectralLaw law(BiasKind kind, double sigmaB, double[] t) {
        BiasMeasure m = kind == null ? BiasMeasure.point(0) : BiasMeasure.gaussian(sigmaB, NODES);
        ConditionalConstants c = ConditionalConstants.compute(null, family(t), 1.0, m);
        double v = c.meanVariance();
        if (!(v > 1e-8)) {
            return null;
        }
        c = c.scaled(1 / Math.sqrt(v));
        if (kind == null) {
            // the one-node bias system is the PW quartic law (BiasLawTest: to 1e-10), and its CDF is fast
            return BiasLaws.biasLaw(BiasKind.neuron, c, PHI, PSI);
        }
        return BiasLaws.biasLaw(kind, c, PHI, PSI);
    }

    record Best(double ks, double[] theta, int evals) {
    }

    static Best optimise(BiasKind kind, double sigmaB, int maxEval) {
        double[][] starts = {{2, 0, 1, 0, 0, 1}, {1, 0.5, 0.5, 0.1, 0.3, 2}, {0.5, -0.3, 2, -0.1, 0.5, 1.5}};
        Best best = null;
        for (double[] s : starts) {
            int[] count = {0};
            double[] bestVal = {Double.POSITIVE_INFINITY};
            double[][] bestPt = {s};
            ObjectiveFunction obj = new ObjectiveFunction(t -> {
                count[0]++;
                double v;
                try {
                    SpectralLaw l = law(kind, sigmaB, t);
                    v = l == null ? 1 : ksToMp(l, PHI / PSI);
                } catch (RuntimeException e) {
                    v = 1; // uncertified or degenerate member: worst value, never a guess
                }
                if (v < bestVal[0]) {
                    bestVal[0] = v;
                    bestPt[0] = t.clone();
                }
                return v;
            });
            SimplexOptimizer opt = new SimplexOptimizer(1e-6, 1e-8);
            try {
                opt.optimize(new MaxEval(maxEval), obj, GoalType.MINIMIZE, new InitialGuess(s),
                        new NelderMeadSimplex(new double[] {0.5, 0.5, 0.5, 0.2, 0.3, 0.5}));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                // budget spent: the best member evaluated so far stands
            }
            if (best == null || bestVal[0] < best.ks) {
                best = new Best(bestVal[0], bestPt[0], count[0]);
            }
        }
        return best;
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path out = Path.of(args.length > 0 ? args[0] : "verification/bias");
        int maxEval = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        StringBuilder csv = new StringBuilder("bias,sigma_b,best_ks_to_input_law,theta0,theta1,theta2,theta3,theta4,theta5,evaluations\n");
        List<String> rows = new ArrayList<>();
        Object[][] cases = {{null, 0.0}, {BiasKind.neuron, 0.5}, {BiasKind.neuron, 1.0}, {BiasKind.sample, 0.5},
            {BiasKind.sample, 1.0}};
        for (Object[] cs : cases) {
            BiasKind kind = (BiasKind) cs[0];
            double sb = (Double) cs[1];
            Best b = optimise(kind, sb, maxEval);
            String name = kind == null ? "none" : kind.name();
            csv.append(String.format("%s,%.2f,%.6f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%d%n", name, sb, b.ks, b.theta[0],
                    b.theta[1], b.theta[2], b.theta[3], b.theta[4], b.theta[5], b.evals));
            rows.add(String.format("| %s | %.1f | %.4f | %s |", name, sb, b.ks, fmt(b.theta)));
            System.out.println("isospectral " + name + " sigma_b=" + sb + " best KS=" + b.ks);
        }
        // ζ = 0 law is MP: the PW law with ζ = 0, η = 1 against the MP CDF
        double ksZeta0 = ksToMp(BiasLaws.biasLaw(BiasKind.neuron, ConditionalConstants.of(BiasMeasure.point(0),
                new double[] {0}, new double[] {0}, new double[] {1}), PHI, PSI), PHI / PSI);
        System.out.println("zeta=0 PW law vs MP: KS=" + ksZeta0);
        StringBuilder sc = new StringBuilder("activation,bias,sigma_b,ks_shortcut_vs_exact\n");
        List<String> srows = new ArrayList<>();
        for (String f : new String[] {"tanh", "relu", "x^2 - 1"}) {
            for (BiasKind kind : new BiasKind[] {BiasKind.neuron, BiasKind.sample}) {
                for (double sb : new double[] {0.5, 1.0, 1.5}) {
                    ConditionalConstants c = BiasLaws.constants(Activation.parse(f), 1.0, BiasMeasure.gaussian(sb, 64));
                    BiasLaw exact = BiasLaws.biasLaw(kind, c, 0.5, 0.5);
                    // PW law with E_b-averaged constants, as the one-node system (= BiasLaws.averagedShortcut)
                    BiasLaw shortcut = BiasLaws.biasLaw(BiasKind.neuron, ConditionalConstants.of(BiasMeasure.point(0),
                            new double[] {0}, new double[] {c.meanZeta()}, new double[] {c.meanS2()}), 0.5, 0.5);
                    double hi = 1.2 * Math.max(exact.support().get(exact.support().size() - 1).hi(),
                            shortcut.support().get(shortcut.support().size() - 1).hi());
                    double k = ks(exact, shortcut, hi);
                    sc.append(String.format("%s,%s,%.1f,%.5f%n", f, kind, sb, k));
                    srows.add(String.format("| %s | %s | %.1f | %.4f |", f, kind, sb, k));
                    System.out.println("shortcut " + f + " " + kind + " sigma_b=" + sb + " KS=" + k);
                }
            }
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        Files.writeString(out.resolve("isospectral.csv"), csv.toString());
        Files.writeString(out.resolve("shortcut.csv"), sc.toString());
        StringBuilder md = new StringBuilder();
        md.append("# Isospectrality with a bias (issue #5)\n\n");
        md.append("Generated by `bench/bias.sh` (main `org.nrmt.bench.BiasIsospectralStudy`, maxEval ")
                .append(maxEval).append(" per Nelder–Mead start, 3 starts) in ")
                .append(String.format("%.0f", secs)).append(" s. Theory only; see theory/bias.md §8.\n\n");
        md.append("Layer with ψ = 1, φ = γ = 0.5: the input law is Marchenko–Pastur (ratio 0.5, scale 1). ")
                .append("Family f_θ(x) = e^{−θ0 x²} + θ1 x e^{−θ2 x²} + θ3 x² + θ4 sin(θ5 x), centred (μ(b) only ")
                .append("moves an outlier) and scaled to E_b[s² + ζ] = 1; bias measure ").append(NODES)
                .append(" Gauss–Hermite nodes. KS = sup_x |F_θ(x) − F_MP(x)| on 301 points of [0, 1.6 λ+].\n\n");
        md.append(String.format("Check: the law with ζ = 0, η = 1 (one-node system = PW quartic) against the MP CDF: "
                + "KS = %.2e.%n%n", ksZeta0));
        md.append("| bias | σb | best KS to input law | θ |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\nWithout bias the optimiser finds a ζ = 0 member (KS ~ 0); with a per-neuron or per-sample bias ")
                .append("it stays at a positive distance, as theory/bias.md §8 proves (m2 − (1 + γ) ≥ ")
                .append("Var v + (Eζ)²/ψ > 0).\n\n");
        md.append("## Averaged-constant shortcut vs exact bias law\n\nPW quartic with η̄ = E_b[s² + ζ], ζ̄ = E_b[ζ] ")
                .append("against the exact law (64 nodes), φ = ψ = 0.5; KS on 401 points.\n\n");
        md.append("| activation | bias | σb | KS(shortcut, exact) |\n|---|---|---|---|\n");
        srows.forEach(r -> md.append(r).append('\n'));
        Files.writeString(out.resolve("isospectral.md"), md.toString());
    }

    private static String fmt(double[] t) {
        StringBuilder b = new StringBuilder();
        for (double v : t) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.3f", v));
        }
        return b.toString();
    }
}
