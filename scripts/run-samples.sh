#!/usr/bin/env bash
# Set up a virtual environment and build the knowledge graph of the bundled sample articles.
# Usage: bash scripts/run-samples.sh [OUT_DIR]   (default: out/)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-out}
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v '^WARNING: Location' || true
mkdir -p "$OUT"
.venv/bin/kg build samples --out "$OUT/samples.trig"
.venv/bin/kg build samples --out "$OUT/samples.ttl"
.venv/bin/kg validate "$OUT/samples.ttl" | head -2
echo "graph: $OUT/samples.trig (named graph per article) and $OUT/samples.ttl"
