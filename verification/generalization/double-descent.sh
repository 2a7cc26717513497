#!/usr/bin/env bash
# The double-descent figure (issue #17): E_test against n1/m at φ = n0/m = 0.5 for relu, F = 1,
# τ² = 0.2, λ ∈ {1e-4, 1e-3, 1e-2, 1e-1}; theory on 300 points of n1/m ∈ [0.05, 3] plus n1/m = 1,
# simulation points at n0 = 400 (m = 800), 4 trials of 2000 test points, seed 1. Writes
# double-descent.png and double-descent.csv beside this script, and peak.md (where each theory
# curve peaks, from the CSV).
# Usage: verification/generalization/double-descent.sh   (about 5 minutes on 2 shared cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=verification/generalization
./nrmt generalization -f relu --phi 0.5 --psi 0.5 --lambda 0.0001,0.001,0.01,0.1 --signal 1 --noise 0.2 \
  --simulate --n0 400 --trials 4 --seed 1 --plot "$out/double-descent.png" --quiet > /dev/null
python3 - "$out" <<'PY'
import csv, os, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(out, "double-descent.csv"))))
md = ["# Double descent: where E_test peaks", "",
      "From `verification/generalization/double-descent.csv` (relu, φ = 0.5, F = 1, τ² = 0.2), written by",
      "`verification/generalization/double-descent.sh`. Theory: the grid point of largest E_test per λ;",
      "simulation: n0 = 400, m = 800, 4 trials (± standard error).", "",
      "| λ | peak n1/m (theory) | E_test there | E_test at n1/m = 1 (theory) | simulated at n1/m = 1 |",
      "|---|---|---|---|---|"]
for lam in sorted({r["lambda"] for r in rows}, key=float):
    th = [r for r in rows if r["lambda"] == lam and not r["e_test_simulated"]]
    best = max(th, key=lambda r: float(r["e_test_theory"]))
    one = [r for r in th if float(r["n1_over_m"]) == 1.0][0]
    sim = [r for r in rows if r["lambda"] == lam and r["e_test_simulated"] and float(r["n1_over_m"]) == 1.0]
    s = f"{float(sim[0]['e_test_simulated']):.4f} ± {float(sim[0]['e_test_simulated_se']):.4f}" if sim else ""
    md.append(f"| {lam} | {float(best['n1_over_m']):.4f} | {float(best['e_test_theory']):.6f} | "
              f"{float(one['e_test_theory']):.6f} | {s} |")
with open(os.path.join(out, "peak.md.tmp"), "w") as f:
    f.write("\n".join(md) + "\n")
os.replace(os.path.join(out, "peak.md.tmp"), os.path.join(out, "peak.md"))
print("\n".join(md))
PY
