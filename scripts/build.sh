#!/usr/bin/env bash
# Quick start 1: install what is needed and build the compendium from input/ into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/exporter build "$@"
