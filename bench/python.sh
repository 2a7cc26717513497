#!/usr/bin/env bash
# The in-process Python API: Law.density of 1e5 points warm (target ≤ 0.5 s) next to a numpy
# baseline, in one run. Usage: bench/python.sh (from the repository root; Debian's python3 with
# python3-jpype and python3-numpy, as python/run-tests.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B package -DskipTests
uptime
NRMT_HOME="$PWD" PYTHONPATH="$PWD/python/src" "${NRMT_PYTHON:-/usr/bin/python3}" bench/python_density.py
