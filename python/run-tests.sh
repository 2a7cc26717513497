#!/usr/bin/env bash
# The Python tests against the packaged jar (target/nrmt-*.jar and target/lib/): run by
# `mvn -B verify` in the integration-test phase, or by hand after `mvn -B -DskipTests package`.
# The interpreter is Debian's /usr/bin/python3 (or NRMT_PYTHON); JPype, numpy, pytest,
# matplotlib (for the example) and poppler-utils (pdfinfo/pdftotext, to open the PDFs) come from
# Debian and are installed here when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
py="${NRMT_PYTHON:-}"
if [ -z "$py" ]; then
  if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py="$(command -v python3)"; fi
fi

need=()
for pair in jpype:python3-jpype numpy:python3-numpy pytest:python3-pytest matplotlib:python3-matplotlib; do
  "$py" -c "import ${pair%%:*}" 2>/dev/null || need+=("${pair##*:}")
done
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${#need[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "python tests: missing ${need[*]} and no apt-get; install them, or set NRMT_PYTHON to a python with JPype1, numpy, pytest" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "python tests: installing ${need[*]} from Debian" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export NRMT_HOME="$repo"
export PYTHONPATH="$here/src${PYTHONPATH:+:$PYTHONPATH}"
export MPLBACKEND=Agg
cd "$here"
exec "$py" -m pytest -q -p no:cacheprovider tests
