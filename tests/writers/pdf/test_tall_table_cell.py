"""Issue 17 item 9: a table cell taller than a page (a roundup's byline in the list of
sources, from a file holding 20 copies of one roundup) is split between pages instead of
failing the whole PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

ROOT = Path(__file__).resolve().parents[3]
ROUNDUP = ROOT / "input" / "000_1d95dd54681f5119.txt"


def test_twenty_copies_of_a_roundup_build_a_pdf_with_every_figure(tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = ROUNDUP.read_text(encoding="utf-8")
    (tmp_path / "twenty.txt").write_text((text + "\n") * 20, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(
        main, ["build", str(tmp_path / "twenty.txt"), "-o", str(out), "--format", "pdf,json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads((out / "compendium.json").read_text(encoding="utf-8"))
    bylines = [c["byline"] for c in data["cases"] if len(c["byline"] or "") > 1000]
    assert bylines  # its cell in the list of sources is taller than a page
    pdf = subprocess.run(
        ["pdftotext", str(out / "compendium.pdf"), "-"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    flat = re.sub(r"\s+", "", pdf)
    byline = re.sub(r"\s+", "", bylines[0])
    for piece in (byline[:40], byline[len(byline) // 2 :][:40], byline[-40:]):
        assert piece in flat, piece  # every part of the split cell is printed
