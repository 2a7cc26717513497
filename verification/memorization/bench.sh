#!/usr/bin/env bash
# Runs the memorization/layers benchmarks and their numpy baselines side by side (one thread each).
# Needs: mvn -o -q package -DskipTests && mvn -o -q test-compile
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
cp="target/classes:target/test-classes:target/lib/*"
java -cp "$cp" org.nrmt.bench.MemorizationBench "${1:-1000}" 5
java -cp "$cp" org.nrmt.bench.LayersBench "${1:-1000}" "${2:-2000}"
python3 verification/memorization/bench_baseline.py "${1:-1000}" "${2:-2000}"
