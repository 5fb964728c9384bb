"""Corrections as data: read from the review sheet (.xlsx) or, for scripts, TOML/JSON.

    [[edits]]                       # edits.toml; JSON: {"edits": [{...}, ...]} or [{...}]
    id = "d2vbre"
    title = "双江县：建设绿美城市"
    include = false                 # 收录
    practices = ["…", "…"]          # lists, or one item per line
    proof = ["二等獎→二等奖"]       # proofreading fixes to apply (accepted)

Keys are the sheet's column keys (see columns.py) or its Chinese headers. Nothing is
skipped silently: every cell or key that cannot be used is a Problem naming the file,
the sheet, the row and the column.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.editorial.cells import CellError, cell_text, parse, parse_order
from exporter.editorial.columns import BY_HEADER, BY_KEY, EDITABLE, READ_ONLY
from exporter.editorial.sheet import SHEET_ERRORS, SheetData, read_sheet
from exporter.errors import ExporterError

SHEET_SUFFIXES = {".xlsx", ".xlsm"}


class EditsError(ExporterError):
    """The edits file itself cannot be read (missing, not a workbook, bad TOML/JSON)."""

    exit_code = 2


@dataclass
class Edit:
    case_id: str
    key: str  # a column key: title, summary, include …
    value: Any
    where: str  # file, sheet, row and column, for messages


@dataclass
class EditSet:
    path: str
    edits: list[Edit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)  # case id -> where its row is
    # The sheet's 顺序 of the rows nobody renumbered: the book keeps the order the sheet
    # lists, whatever order the input files are read in.
    order: dict[str, float] = field(default_factory=dict)

    def add(self, case_id: str, key: str, text: str, where: str) -> None:
        """Parse one cell into an Edit, or record why it cannot be one."""
        try:
            self.edits.append(Edit(case_id, key, parse(key, text), where))
        except CellError as exc:
            self.problems.append(f"{where}: {exc}")


def load_edits(path: Path) -> EditSet:
    """Edits from a review sheet or a TOML/JSON file (by suffix); raises EditsError."""
    if not path.is_file():
        raise EditsError("edits file not found", str(path))
    if path.suffix.lower() in SHEET_SUFFIXES:
        try:
            data = read_sheet(path)
        except SHEET_ERRORS as exc:
            raise EditsError(f"not a review sheet: {exc}", str(path)) from None
        return sheet_edits(data)
    return record_edits(path, _load_records(path))


def _load_records(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".json":
            data: Any = json.loads(text)
        else:
            data = _toml(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EditsError(f"cannot read edits: {exc}", str(path)) from None
    records = data.get("edits") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise EditsError("expected a list of edits ([[edits]] tables)", str(path))
    return records


def _toml(text: str) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def record_edits(path: Path, records: list[Any]) -> EditSet:
    """TOML/JSON edit records: `id` plus one key per corrected field."""
    out = EditSet(str(path))
    for n, record in enumerate(records, 1):
        where = f"{path} edit {n}"
        if not isinstance(record, dict) or not cell_text(record.get("id", record.get("编号"))):
            out.problems.append(f"{where}: no id")
            continue
        case_id = cell_text(record.get("id", record.get("编号")))
        out.rows[case_id] = where
        for name, value in record.items():
            col = BY_KEY.get(name) or BY_HEADER.get(name)
            if col is None or not col.editable:
                if col is None or col.key != "id":
                    out.problems.append(f"{where}, key {name}: not an editable field")
                continue
            if col.key == "proof_ok":
                continue  # `proof = [...]` in a file is accepted unless proof_ok = false
            if col.key == "proof" and record.get("proof_ok", True) is False:
                continue
            out.add(case_id, col.key, cell_text(value), f"{where}, key {name}")
    return out


def sheet_edits(data: SheetData) -> EditSet:
    """The cells an editor changed: those differing from the hidden 原值 sheet (all filled
    cells where a row has no 原值, such as a row the editor added)."""
    out = EditSet(str(data.path))
    label = f"{data.path} [{data.sheet}]"
    seen: dict[str, str] = {}
    for n, cells in data.rows:
        case_id, where = cells.get("id", ""), f"{label} row {n}"
        if not case_id:
            out.problems.append(f"{where}, column 编号: empty, the row is not applied")
            continue
        if case_id in seen:
            out.problems.append(
                f"{where}, column 编号: {case_id!r} again (also {seen[case_id]}), not applied"
            )
            continue
        seen[case_id] = where
        before = len(out.edits) + len(out.problems)
        _row_edits(out, cells, data.originals.get(case_id), where)
        # Only rows with changes are checked against the inputs: an untouched row of a case
        # no longer read is no edit (`review` marks it 已不在输入中).
        if len(out.edits) + len(out.problems) > before or case_id not in data.originals:
            out.rows[case_id] = where
    return out


def _row_edits(
    out: EditSet, cells: dict[str, str], original: dict[str, str] | None, where: str
) -> None:
    case_id = cells["id"]
    for col in EDITABLE:
        if col.key not in cells or col.key in ("proof", "proof_ok"):
            continue
        text = cells[col.key]
        if original is None and not text:
            continue
        if original is None or text != original.get(col.key, ""):
            out.add(case_id, col.key, text, f"{where}, column {col.header}")
        elif col.key == "order" and text:
            out.order[case_id] = parse_order(text)
    _accepted_fixes(out, cells, where)
    _read_only_changes(out, cells, original, where)


def _read_only_changes(
    out: EditSet, cells: dict[str, str], original: dict[str, str] | None, where: str
) -> None:
    """A changed 来源文件/行号/提示 cell is not applied: say so rather than ignore it."""
    if original is None:
        return
    for col in READ_ONLY:
        if col.key in cells and col.key in original and cells[col.key] != original[col.key]:
            out.problems.append(f"{where}, column {col.header}: read-only, the change is ignored")


def _accepted_fixes(out: EditSet, cells: dict[str, str], where: str) -> None:
    """The 校对 cell's fixes, as the editor left them, where 采纳校对 says 是."""
    answer = cells.get("proof_ok", "")
    if not answer:
        return
    try:
        accepted = parse("proof_ok", answer)
    except CellError as exc:
        out.problems.append(f"{where}, column {BY_KEY['proof_ok'].header}: {exc}")
        return
    if accepted and cells.get("proof"):
        out.add(cells["id"], "proof", cells["proof"], f"{where}, column {BY_KEY['proof'].header}")
