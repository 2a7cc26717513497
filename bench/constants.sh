#!/usr/bin/env bash
# Benchmark of `nrmt constants` against mpmath's default quad, side by side in one run.
#   bench/constants.sh            (from the repository root; builds with mvn -o package first)
# Columns: whole-process wall and CPU (user+sys) time of ./nrmt constants and of
# bench/constants_mpmath.py (same three integrals, same dps), their ratio, and the in-JVM time
# of the integration alone (thread CPU, cold first call and warm median) from ConstantsBench.
# The machine is shared: CPU time is the fairer measure; both are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q package -DskipTests >/dev/null
mvn -o -q test-compile >/dev/null
if [ -x ./nrmt ]; then NRMT=(./nrmt); else NRMT=(java -cp "target/classes:target/lib/*" org.nrmt.cli.Main); fi
CP="target/classes:target/test-classes:target/lib/*"
./nrmt constants -f tanh --digits 20 >/dev/null 2>&1 || true   # builds the jar/CDS archive if stale

measure() { # prints "wall cpu" in seconds for the command
  local t0 t1 out
  out=$( { /usr/bin/time -f "%e %U %S" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -n1)
  awk '{printf "%.2f %.2f", $1, $2 + $3}' <<<"$out"
}

printf "%-9s %6s | %-14s | %-14s | %-11s | %-22s\n" activation digits "nrmt wall/cpu" "mpmath wall/cpu" "cpu ratio" "integration cold/warm ms"
for spec in "tanh 50" "tanh 100" "tanh 1000" "relu 100" "hardtanh 100"; do
  set -- $spec
  act=$1; d=$2
  read -r nw nc <<<"$(measure "${NRMT[@]}" constants -f "$act" --digits "$d")"
  read -r pw pc <<<"$(measure python3 bench/constants_mpmath.py "$act" "$d")"
  bench=$(java -XX:+UseSerialGC -cp "$CP" org.nrmt.bench.ConstantsBench "$act" "$d" 5 2>&1 | tail -n1)
  cold=$(sed -n 's/.*cold_ms=\([0-9.]*\).*/\1/p' <<<"$bench")
  warm=$(sed -n 's/.*warm_median_ms=\([0-9.]*\).*/\1/p' <<<"$bench")
  ratio=$(awk -v a="$nc" -v b="$pc" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }')
  printf "%-9s %6s | %5s / %5s s | %5s / %5s s | %-11s | %8s / %-8s\n" "$act" "$d" "$nw" "$nc" "$pw" "$pc" "$ratio" "${cold:-fail}" "${warm:-fail}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
