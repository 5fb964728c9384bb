"""Issue 18: the seeds written out as DOCX by our own writer and read back give the same
cases — titles, authors and every paragraph — and the book's furniture is listed as dropped."""

from __future__ import annotations

from pathlib import Path

from exporter import build
from exporter.model import Case
from exporter.readers import read_file


def _facts(cases: list[Case]) -> list[tuple[str | None, list[str], list[str]]]:
    rows = [(c.title, c.authors, [p.text for p in c.paragraphs()]) for c in cases]
    return sorted(rows, key=lambda r: r[2])


def test_our_own_docx_reads_back_into_the_same_cases(seed_compendium, tmp_path: Path) -> None:
    result = build(["input"], output=str(tmp_path), formats=("docx",))
    assert result.exit_code == 0, result.errors
    src, cases = read_file(tmp_path / "compendium.docx")
    assert src.format == "docx"
    printed = [c for c in seed_compendium.cases if c.on_topic]
    assert len(cases) == len(printed) >= 30
    assert _facts(cases) == _facts(printed)
    furniture = {d.text for d in src.dropped if d.reason == "compendium_furniture"}
    assert any(t.startswith("内容摘要：") for t in furniture)  # summaries are the tool's, not text
    assert "关键数据" in furniture
