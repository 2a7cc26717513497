#!/usr/bin/env bash
# Bias benchmark and isospectrality study (issue #5), run from the repository root:
#   bash bench/bias.sh            # density benchmark (Java vs numpy) + study into verification/bias/
#   bash bench/bias.sh bench      # benchmark only
#   bash bench/bias.sh study      # study only
# Study budget (env): BIAS_STUDY_EVALS (Nelder–Mead evaluations per run, default 70), BIAS_STUDY_STARTS
# (starts, default 5), BIAS_STUDY_TRIALS (pooled simulation trials per case, default 2), BIAS_STUDY_CAPS
# (frequency caps of the family, default 1,2,inf).
# Requires `mvn -o -q package -DskipTests` (or test-compile + dependency copy) beforehand; builds if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d target/test-classes/org/nrmt/bench ] || [ ! -d target/lib ]; then
  mvn -o -q package -DskipTests
fi
CP="target/classes:target/test-classes:target/lib/*"
# one BLAS thread: the study's simulations and wall time are stated for one core
export OPENBLAS_NUM_THREADS=1
MODE=${1:-all}
if [ "$MODE" != "study" ]; then
  N=${BIAS_BENCH_POINTS:-20000}
  echo "== density benchmark: per-neuron/per-sample, tanh, 64 bias nodes, sigma_b = 1, phi = psi = 0.5"
  java -cp "$CP" org.nrmt.bench.BiasDensityBench "$N" 3 | tee /tmp/bias_bench_java.txt
  read -r LO HI < <(awk '/java neuron support=/{gsub(/[\[\],]/," "); print $4, $5; exit}' /tmp/bias_bench_java.txt)
  python3 bench/bias_baseline.py 2000 "$LO" "$HI" | tee /tmp/bias_bench_py.txt
  JR=$(awk '/java neuron nodes=64 grid/{for(i=1;i<=NF;i++) if($i ~ /^rate=/){sub("rate=","",$i); print $i}}' /tmp/bias_bench_java.txt)
  PR=$(awk '/python neuron/{for(i=1;i<=NF;i++) if($i ~ /^rate=/){sub("rate=","",$i); print $i}}' /tmp/bias_bench_py.txt)
  echo "ratio java/python (per-neuron grid density, points/s): $(python3 -c "print(round($JR/$PR, 1))")"
fi
if [ "$MODE" = "bench" ]; then exit 0; fi
echo "== isospectrality study -> verification/bias/"
java -XX:+UseSerialGC -cp "$CP" org.nrmt.bench.BiasIsospectralStudy verification/bias \
  "${BIAS_STUDY_EVALS:-70}" "${BIAS_STUDY_STARTS:-5}" "${BIAS_STUDY_TRIALS:-2}" "${BIAS_STUDY_CAPS:-1,2,inf}"
