"""Typesetting figures of a PDF with the project's shared checker (pdf_quality.py).

The checker judges the body lines of a PDF against the build's JSON output (the same text for
ours and for Typst, which typesets our Markdown), so both PDFs of a run are scored alike.

It finds body lines by matching 6-character runs of the case text. In the benchmark book many
titles are generated from a case's first sentence, so the index entries and the sources table
in the back matter match too and are judged as if they were running text: a two-column index
line ends at its column, not at the page's edge, and counts as ragged or past the edge.
`check_case_pages` therefore also scores the pages from the first chapter to the last page
before the back matter (from the PDF outline), which hold all the running text.
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


def check_case_pages(pdf: Path, source_json: Path, chapters: list[str]) -> dict[str, Any]:
    """The checker's figures on the chapters' pages only (see the module note)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(pdf)
    starts = [
        (reader.get_destination_page_number(item), str(item.title))
        for item in reader.outline
        if not isinstance(item, list)
    ]
    first = next((p for p, title in starts if title in chapters), None)
    if first is None:
        return {"error": "no chapter found in the PDF outline"}
    last_chapter = max(p for p, title in starts if title in chapters)
    end = min((p for p, _ in starts if p > last_chapter), default=len(reader.pages))
    writer = PdfWriter()
    for page in reader.pages[first:end]:
        writer.add_page(page)
    part = pdf.with_suffix(".cases.pdf")
    with part.open("wb") as f:
        writer.write(f)
    figures = check(part, source_json)
    figures["page_range"] = f"{first + 1}-{end}"
    return figures


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
