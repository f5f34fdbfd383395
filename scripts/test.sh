#!/usr/bin/env bash
# Set up a virtual environment from the project's own files and run the whole test suite.
# Usage: bash scripts/test.sh [pytest args]
# KG_NO_SYSTEM_DEPS=1 skips installing system packages (headless Chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
# scripts/system-deps.sh installs quietly, so say here what it is about to do to the machine
if [ "${KG_NO_SYSTEM_DEPS:-}" = 1 ]; then
  echo "test.sh: KG_NO_SYSTEM_DEPS=1: not installing system packages; browser tests may be skipped" >&2
else
  missing=0
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    missing=1
    echo "test.sh: installing system packages with apt-get: chromium chromium-driver (for the browser tests; KG_NO_SYSTEM_DEPS=1 skips this)" >&2
  fi
  bash scripts/system-deps.sh
  if [ "$missing" = 1 ] && command -v chromium >/dev/null 2>&1; then
    echo "test.sh: installed $(chromium --version 2>/dev/null | head -1)" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
