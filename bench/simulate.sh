#!/usr/bin/env bash
# Side-by-side benchmark of nrmt's simulation against numpy (issue #4), in one run:
#  1. the whole `./nrmt simulate -f tanh --n0 N --n1 N --m N` process (JVM start, natives,
#     sampling, dgemm, tanh, dsyrk, dsyevd, CSV out) against the same pipeline as a whole
#     `python3 bench/simulate_numpy.py pipeline N` process; both with one OpenBLAS thread;
#  2. the same pipeline in-process on both sides (no JVM / interpreter start-up, no CSV);
#  2b. the same two whole processes at n = 20: their fixed costs (start-up, loading, output);
#  3. eigenvalues alone at n = NE: LAPACK dsyevd through bytedeco (in-process, best of REPS)
#     against numpy.linalg.eigvalsh (dsyevd in scipy-openblas), same measure.
# Wall and CPU (user+sys) seconds are reported; the machine is shared, so each side runs
# ROUNDS times, interleaved, and the minimum is kept. Ratios are nrmt / numpy.
# Usage: bench/simulate.sh [N=2000] [NE=4000] [ROUNDS=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
N="${1:-2000}"
NE="${2:-4000}"
ROUNDS="${3:-3}"
export OPENBLAS_NUM_THREADS=1
if [ ! -d target/test-classes/org/nrmt/bench ] || [ ! -d target/lib ]; then
  mvn -o -q -DskipTests package test-compile >&2
fi
./nrmt --version >/dev/null  # builds the jar and its start-up archive if needed
cp="target/classes:target/test-classes:target/lib/*"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# min over rounds of "wall cpu" for a command
measure() {
  local best_wall=1e9 best_cpu=1e9 out
  for _ in $(seq "$ROUNDS"); do
    /usr/bin/time -o "$tmp/time" -f "%e %U %S" "$@" >/dev/null 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
    read -r wall user sys < <(tail -n1 "$tmp/time")
    cpu=$(python3 -c "print($user + $sys)")
    best_wall=$(python3 -c "print(min($best_wall, $wall))")
    best_cpu=$(python3 -c "print(min($best_cpu, $cpu))")
  done
  echo "$best_wall $best_cpu"
}

echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# OPENBLAS_NUM_THREADS=1; N=$N (pipeline), NE=$NE (eigenvalues), best of $ROUNDS"
read -r jw jc < <(measure ./nrmt simulate -f tanh --n0 "$N" --n1 "$N" --m "$N" --threads 1 --quiet --format csv --out "$tmp/nrmt.csv")
read -r j2w j2c < <(measure ./nrmt simulate -f tanh --n0 "$N" --n1 "$N" --m "$N" --threads 2 --quiet --format csv --out "$tmp/nrmt2.csv")
read -r pw pc < <(measure python3 bench/simulate_numpy.py pipeline "$N" "$tmp/numpy.csv")
read -r jsw jsc < <(measure ./nrmt simulate -f tanh --n0 20 --n1 20 --m 20 --threads 1 --quiet --format csv --out "$tmp/nrmt20.csv")
read -r psw psc < <(measure python3 bench/simulate_numpy.py pipeline 20 "$tmp/numpy20.csv")
je=1e9; pe=1e9; ji=1e9; pi=1e9
for _ in $(seq "$ROUNDS"); do
  j=$(java -cp "$cp" org.nrmt.bench.SimulateBench pipeline "$N" 1 native 1 2>/dev/null | awk '/pipeline_seconds/{print $2}')
  p=$(python3 bench/simulate_numpy.py inproc "$N" 1 | awk '/pipeline_seconds/{print $2}')
  ji=$(python3 -c "print(min($ji, $j))"); pi=$(python3 -c "print(min($pi, $p))")
  j=$(java -cp "$cp" org.nrmt.bench.SimulateBench eig "$NE" 1 native 2>/dev/null | awk '/eig_seconds/{print $2}')
  p=$(python3 bench/simulate_numpy.py eig "$NE" 1 | awk '/eig_seconds/{print $2}')
  je=$(python3 -c "print(min($je, $j))"); pe=$(python3 -c "print(min($pe, $p))")
done
python3 - "$N" "$NE" "$jw" "$jc" "$j2w" "$j2c" "$pw" "$pc" "$je" "$pe" "$ji" "$pi" "$jsw" "$psw" <<'PY'
import sys
n, ne = sys.argv[1:3]
jw, jc, j2w, j2c, pw, pc, je, pe, ji, pi, jsw, psw = map(float, sys.argv[3:])
print(f"| measure | nrmt | numpy | ratio |")
print(f"|---|---|---|---|")
print(f"| simulate n={n}, whole process, wall s (--threads 1) | {jw:.2f} | {pw:.2f} | {jw/pw:.2f} |")
print(f"| simulate n={n}, whole process, CPU s (--threads 1) | {jc:.2f} | {pc:.2f} | {jc/pc:.2f} |")
print(f"| simulate n={n}, whole process, wall s (--threads 2) | {j2w:.2f} | {pw:.2f} | {j2w/pw:.2f} |")
print(f"| simulate n={n}, in-process pipeline (one thread), s | {ji:.2f} | {pi:.2f} | {ji/pi:.2f} |")
print(f"| simulate n=20, whole process (fixed costs), wall s | {jsw:.2f} | {psw:.2f} | {jsw/psw:.2f} |")
print(f"| eigenvalues n={ne} (dsyevd), s | {je:.2f} | {pe:.2f} | {je/pe:.2f} |")
PY
