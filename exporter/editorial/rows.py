"""The tool's row for each case, in book order: what the review sheet shows before an
editor has touched it (and what its hidden 原值 sheet keeps to tell edits apart)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from exporter.assemble.grouping import body_fingerprint, group_cases, select_cases
from exporter.editorial.cells import tool_cells
from exporter.editorial.columns import NO, YES
from exporter.editorial.proof import suggestions
from exporter.model import Case, Compendium

Row = dict[str, str | int | None]


@dataclass
class Placement:
    chapter: str
    order: int | None  # position in the book; None = not in the book


def placements(comp: Compendium, group_by: str) -> dict[str, Placement]:
    """Where the assembler puts each case: chapter title and book position; a case left
    out gets the chapter it would join if the editor took it in."""
    sources = [s.path for s in comp.sources]
    kept, _dupes = select_cases(comp.cases, include_off_topic=False)
    out: dict[str, Placement] = {}
    for chapter in group_cases(kept, group_by, sources):
        for case in chapter.cases:
            out[case.id] = Placement(chapter.title, len(out) + 1)
    for case in comp.cases:
        if case.id not in out:
            out[case.id] = Placement(group_cases([case], group_by, sources)[0].title, None)
    return out


def _notes(case: Case, twins: dict[str, str]) -> list[str]:
    """Read-only hints: why a case is left out, and what the reader flagged in it."""
    notes = []
    if not case.on_topic:
        notes.append("非党建内容，默认不收录")
    if not case.paragraphs():
        notes.append("无正文")
    twin = twins.get(case.id)
    if twin:
        notes.append(f"与 {twin} 重复，只收录一次")
    if case.truncated:
        notes.append(f"原文不完整（{case.truncation}）")
    if case.on_topic and not case.summary:
        notes.append("无摘要")
    return notes


def _twins(comp: Compendium) -> dict[str, str]:
    """Each duplicate's id -> the id of the first case with the same body."""
    first: dict[str, str] = {}
    out = {}
    for case in comp.cases:
        if not case.paragraphs():
            continue
        fp = body_fingerprint(case)
        if fp in first:
            out[case.id] = first[fp]
        else:
            first[fp] = case.id
    return out


def tool_rows(comp: Compendium, group_by: str) -> Iterator[Row]:
    """One row per case: the book's cases in book order, then the ones it leaves out."""
    where = placements(comp, group_by)
    twins = _twins(comp)
    by_id = {c.id: c for c in comp.cases}
    in_book = sorted((i for i, p in where.items() if p.order), key=lambda i: where[i].order or 0)
    rest = [c.id for c in comp.cases if where[c.id].order is None]
    for case_id in in_book + rest:
        case, place = by_id[case_id], where[case_id]
        span = case.span
        row: Row = {"id": case.id, "include": YES if place.order else NO}
        row.update(tool_cells(case))
        row.update(
            chapter=place.chapter,
            order=place.order,
            proof="\n".join(suggestions(case)),
            proof_ok=NO,
            source=case.source,
            lines=f"{span.first_line}–{span.last_line}" if span else "",
            warnings="\n".join(_notes(case, twins)),
            status="",
        )
        yield row
