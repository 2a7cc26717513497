#!/usr/bin/env bash
# Roots benchmark: nrmt (certified) next to numpy/mpmath (uncertified) in one run.
# Usage: bench/roots.sh [seed]   (from the repository root; builds first)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-42}"
mvn -o -q package -DskipTests
java -cp 'target/classes:target/test-classes:target/lib/*' org.nrmt.bench.RootsBench "$seed"
python3 bench/roots_baseline.py "$seed"
