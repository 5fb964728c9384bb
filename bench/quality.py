"""Typesetting figures of a PDF with the project's shared checker (pdf_quality.py).

The checker judges the body lines of a PDF against the build's JSON output (the same text for
ours and for Typst, which typesets our Markdown), so both PDFs of a run are scored alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CHECKER = Path(os.environ.get("BENCH_PDF_QUALITY", "/work/shared/tools/pdf_quality.py"))
FIGURES = (
    "pages",
    "body_lines",
    "bad_line_starts",
    "bad_line_ends",
    "flush",
    "past_edge",
    "char_recall",
)


def check(pdf: Path, source_json: Path) -> dict[str, Any]:
    """The checker's figures for `pdf`, or {"error": why}."""
    if not CHECKER.exists():
        return {"error": f"checker not found: {CHECKER} (set BENCH_PDF_QUALITY)"}
    if not (pdf.exists() and source_json.exists()):
        return {"error": "no PDF or JSON output to check"}
    out = pdf.with_suffix(".quality.json")
    cmd = [sys.executable, str(CHECKER), str(pdf), "--source", str(source_json), "--json", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if not out.exists():
        return {"error": (r.stderr or r.stdout)[-500:]}
    data = json.loads(out.read_text(encoding="utf-8"))
    return {k: data.get(k) for k in FIGURES} if "error" not in data else {"error": data["error"]}
