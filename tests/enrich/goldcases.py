"""Build model Cases from the hand annotations in ../shared/gold (dev and test helper).

The reader builds the same structure from raw text; this lets every enricher be developed and
scored against gold fields without depending on the reader's accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from exporter.model import Case, Compendium, Credit, Paragraph, Parent, Section, SourceFile, Span

SHARED = Path(__file__).resolve().parents[3] / "shared"
if not SHARED.is_dir():  # a checkout next to shared/
    SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD_DIR = SHARED / "gold"
SEED_DIR = SHARED / "seeds"


def _goldlib() -> Any:
    sys.path.insert(0, str(GOLD_DIR / "tools"))
    import goldlib  # type: ignore[import-not-found,unused-ignore]

    return goldlib


def available() -> bool:
    return (GOLD_DIR / "tools" / "goldlib.py").is_file() and SEED_DIR.is_dir()


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.json"))


def _strip_byline(texts: list[str], gc: dict[str, Any]) -> None:
    raw = gc.get("byline_raw") or ""
    if gc.get("byline_position") == "inline_prefix" and texts and texts[0].startswith(raw):
        texts[0] = texts[0][len(raw) :]
    if gc.get("byline_position") == "inline_suffix" and texts and texts[-1].endswith(raw):
        texts[-1] = texts[-1][: -len(raw)].rstrip()


def _lead(text: str, leads: list[str]) -> str | None:
    return next((lp for lp in leads if text.startswith(lp)), None)


def build_case(g: dict[str, Any], gc: dict[str, Any], lines: list[str], source: str) -> Case:
    gl = _goldlib()
    joins = {j["line"] for j in g["broken_joins"]}
    body_lines = gc.get("reading_order") or gc["lines"]["body"]
    paras = gl.build_paragraphs(lines, body_lines, joins, g.get("markdown", False))
    texts = [t.strip() for t, _ in paras]
    _strip_byline(texts, gc)
    heads = dict(zip(gc["lines"]["headings"], gc["section_heading_levels"], strict=True))
    leads = gc.get("lead_phrases") or []
    sections: list[Section] = []
    cur = Section(None, 1, [], Span(source, 0, 0))
    for ln, level in sorted(heads.items()):
        before = [i for i, (_, ls) in enumerate(paras) if ls[0] < ln]
        if not sections and not before:
            cur = Section(gl.strip_md_heading(lines[ln - 1]), level, [], Span(source, ln, ln), ln)
            continue
        sections.append(cur)
        cur = Section(gl.strip_md_heading(lines[ln - 1]), level, [], Span(source, ln, ln), ln)
    sections.append(cur)
    starts = [s.heading_line or 0 for s in sections]
    for text, (_, ls) in zip(texts, paras, strict=True):
        idx = max(i for i, st in enumerate(starts) if st <= ls[0]) if starts else 0
        para = Paragraph(text, Span(source, ls[0], ls[-1]), _lead(text, leads))
        sections[idx].paragraphs.append(para)
    c = Case(id=gc["id"], source=source, kind=gc["kind"])
    c.title = gc["title"] or gc.get("suggested_title")
    c.title_generated = gc["title"] is None
    c.subtitle = gc.get("subtitle")
    c.rubric = gc.get("rubric")
    p = gc.get("parent")
    c.parent = Parent(p["title"], p.get("section"), p.get("subtitle")) if p else None
    c.authors = list(gc.get("authors") or [])
    c.credits = [Credit(x["name"], x["role"]) for x in gc.get("credits") or []]
    c.byline = gc.get("byline_raw")
    c.truncated = gc["truncated"]
    c.sections = [s for s in sections if s.paragraphs or s.heading]
    return c


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def compendium(gold_dir: Path = GOLD_DIR, seed_dir: Path = SEED_DIR) -> Compendium:
    """All gold cases as one Compendium (no enrichment fields set)."""
    gl = _goldlib()
    comp = Compendium()
    for path in gold_files(gold_dir):
        g = load_gold(path)
        src = seed_dir / g["file"]
        if not src.is_file():
            continue
        text, _ = gl.read_text(str(src), g.get("encoding", "utf-8"))
        lines = gl.split_lines(text)
        cases = [build_case(g, gc, lines, str(src)) for gc in g["cases"]]
        comp.sources.append(SourceFile(path=str(src), cases=[c.id for c in cases]))
        comp.cases.extend(cases)
    return comp


def gold_by_id(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, Any]]:
    return {gc["id"]: gc for p in gold_files(gold_dir) for gc in load_gold(p)["cases"]}
