#!/usr/bin/env bash
# Quick start 2: install what is needed (Python packages, poppler, LibreOffice) and run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest -q "$@"
