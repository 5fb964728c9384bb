#!/usr/bin/env bash
# Create .venv (once) and install exporter into it. Usage: scripts/setup.sh [extra]
# `extra` is "test" to also install the test tools and the system tools the tests use
# (poppler-utils for pdftotext/pdffonts, LibreOffice Writer for DOCX rendering checks,
# LibreOffice Calc for reading the review sheet back).
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
if [ "$extra" = "test" ]; then
  need=()
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  # Calc reads the review sheet back in the review tests (soffice --convert-to csv).
  dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$extra" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
