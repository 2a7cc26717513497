#!/usr/bin/env bash
# Benchmark of `nrmt constants` against mpmath's default quad, side by side in one run.
#   bench/constants.sh            (from the repository root; builds with mvn -o package first)
# SPECS="tanh:50 tanh:100" bench/constants.sh runs a subset (activation:digits pairs).
# Columns: whole-process wall and CPU (user+sys) time of ./nrmt constants (default JIT, and with
# JAVA_OPTS=-XX:TieredStopAtLevel=1, C1 only, as a launcher suggestion) and of
# bench/constants_mpmath.py (same three integrals, same dps), the CPU ratios nrmt/mpmath (default/C1), and the in-JVM time
# of the integration alone (thread CPU, cold first call and warm median) from ConstantsBench.
# The machine is shared: CPU time is the fairer measure; both are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q package -DskipTests >/dev/null
mvn -o -q test-compile >/dev/null
if [ -x ./nrmt ]; then NRMT=(./nrmt); else NRMT=(java -cp "target/classes:target/lib/*" org.nrmt.cli.Main); fi
CP="target/classes:target/test-classes:target/lib/*"
./nrmt constants -f tanh --digits 20 >/dev/null 2>&1 || true   # the launcher rebuilds its CDS archive when the jar is newer

measure() { # prints "wall cpu" in seconds for the command (cpu = user + sys, children included)
  local f
  f=$(mktemp)
  /usr/bin/time -o "$f" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
  awk 'END {printf "%.2f %.2f", $1, $2 + $3}' "$f"
  rm -f "$f"
}

printf "%-9s %6s | %-14s | %-13s | %-14s | %-9s | %-22s\n" activation digits "nrmt wall/cpu" "nrmt C1 cpu" "mpmath wall/cpu" "cpu ratio" "integration cold/warm ms"
SPECS=${SPECS:-"tanh:50 tanh:100 relu:100 hardtanh:100 tanh:1000"}
for spec in $SPECS; do
  spec=${spec/:/ }
  set -- $spec
  act=$1; d=$2
  read -r nw nc <<<"$(measure "${NRMT[@]}" constants -f "$act" --digits "$d")"
  read -r _ c1 <<<"$(JAVA_OPTS=-XX:TieredStopAtLevel=1 measure "${NRMT[@]}" constants -f "$act" --digits "$d")"
  read -r pw pc <<<"$(measure python3 bench/constants_mpmath.py "$act" "$d")"
  bench=$(java -XX:+UseSerialGC -cp "$CP" org.nrmt.bench.ConstantsBench "$act" "$d" 5 2>&1 | tail -n1)
  cold=$(sed -n 's/.*cold_ms=\([0-9.]*\).*/\1/p' <<<"$bench")
  warm=$(sed -n 's/.*warm_median_ms=\([0-9.]*\).*/\1/p' <<<"$bench")
  ratio=$(awk -v a="$nc" -v c="$c1" -v b="$pc" 'BEGIN{ if (b > 0) printf "%.2f/%.2f", a / b, c / b; else print "n/a" }')
  printf "%-9s %6s | %5s / %5s s | %9s s | %5s / %5s s | %-9s | %8s / %-8s\n" "$act" "$d" "$nw" "$nc" "$c1" "$pw" "$pc" "$ratio" "${cold:-fail}" "${warm:-fail}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
