"""Merge a fresh reading into an existing review sheet: edited cells kept, untouched cells
refreshed, new cases appended (状态 新增), cases no longer in the inputs kept and marked."""

from __future__ import annotations

from dataclasses import dataclass

from exporter.editorial.columns import ADDED, EDITABLE, VANISHED
from exporter.editorial.rows import Row
from exporter.editorial.sheet import SheetData


@dataclass
class Merged:
    rows: list[Row]
    originals: dict[str, Row]
    added: int = 0
    vanished: int = 0
    kept_edits: int = 0


def _kept(cells: dict[str, str], original: dict[str, str] | None, fresh: Row) -> Row:
    """The fresh row with the editor's cells in place of the tool's where they differ
    from what the tool wrote last time (all filled cells of a row the tool never wrote)."""
    row = dict(fresh)
    for col in EDITABLE:
        text = cells.get(col.key)
        if text is None:
            continue
        edited = bool(text) if original is None else text != original.get(col.key, "")
        if edited:
            row[col.key] = text
    return row


def merge(old: SheetData, fresh: list[Row]) -> Merged:
    """The sheet's rows merged with the cases read now: an edited cell is kept, an untouched
    one takes the fresh value, new cases are appended and vanished ones marked."""
    by_id = {str(r["id"]): r for r in fresh}
    out = Merged([], {})
    seen: set[str] = set()
    for _n, cells in old.rows:
        case_id = cells.get("id", "")
        original = old.originals.get(case_id)
        new = by_id.get(case_id)
        if new is None:  # gone from the inputs, or a row without an id: kept as it was
            out.rows.append({**cells, "status": VANISHED if case_id else ""})
            if case_id and original is not None:
                out.originals[case_id] = dict(original)
            out.vanished += bool(case_id)
            continue
        row = _kept(cells, original, new)
        out.kept_edits += sum(row[c.key] != new.get(c.key) for c in EDITABLE)
        out.rows.append({**row, "status": ""})
        out.originals[case_id] = new
        seen.add(case_id)
    for row in fresh:
        if str(row["id"]) not in seen:
            out.rows.append({**row, "status": ADDED})
            out.originals[str(row["id"])] = row
            out.added += 1
    return out
