"""The review workbook (openpyxl): write it, read it back, merge a fresh reading into it.

Sheet 1 (案例审核) is the editors' sheet: a frozen header, wrapped text, drop-downs for
收录/主题/采纳校对, read-only columns shaded. A hidden sheet (原值) keeps the tool's own
values of every row, so a cell is an edit exactly when it differs from its 原值 — and a
later `exporter review` can refresh the cells nobody touched while keeping those edited.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exporter.editorial.cells import cell_text
from exporter.editorial.columns import BY_HEADER, COLUMNS, ORIGINALS_TITLE, SHEET_TITLE, Column
from exporter.editorial.rows import Row

LAST_ROW = 1048576  # drop-downs cover rows an editor appends, too


@dataclass
class SheetData:
    """A workbook read back: each editor row (sheet row number, cells by column key) and
    the tool's original values by case id."""

    path: Path
    sheet: str
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    originals: dict[str, dict[str, str]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> letter


def write_sheet(path: Path, rows: Iterable[Row], originals: dict[str, Row]) -> int:
    """Write the workbook atomically (a temporary file renamed into place); the row count."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append([c.header for c in COLUMNS])
    n = 0
    for row in rows:
        ws.append([row.get(c.key) for c in COLUMNS])
        n += 1
    _format(ws, n)
    hidden = wb.create_sheet(ORIGINALS_TITLE)
    hidden.sheet_state = "hidden"
    hidden.append([c.header for c in COLUMNS])
    for row in originals.values():
        hidden.append([row.get(c.key) for c in COLUMNS])
    _save_atomic(wb, path)
    return n


def _format(ws: object, n: int) -> None:
    """Header, widths, wrapping, shading and drop-downs of the editors' sheet."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "B2"  # type: ignore[attr-defined]
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    grey = PatternFill("solid", fgColor="EEEEEE")
    for i, col in enumerate(COLUMNS, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width  # type: ignore[attr-defined]
        head = ws.cell(1, i)  # type: ignore[attr-defined]
        head.font, head.alignment = bold, wrap
        for (cell,) in ws.iter_rows(min_row=2, max_row=n + 1, min_col=i, max_col=i):  # type: ignore[attr-defined]
            cell.alignment = wrap
            if not col.editable:
                cell.fill = grey
        if col.choices:
            _drop_down(ws, col, letter)


def _drop_down(ws: object, col: Column, letter: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(col.choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=col.header,
        error="请从下拉列表中选择：" + "、".join(col.choices),
    )
    dv.add(f"{letter}2:{letter}{LAST_ROW}")
    ws.add_data_validation(dv)  # type: ignore[attr-defined]


def _save_atomic(wb: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)  # type: ignore[attr-defined]
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def read_sheet(path: Path) -> SheetData:
    """The first worksheet's rows by header name (columns may be reordered, unknown ones
    are ignored) and the hidden 原值 sheet. Raises OSError or ValueError for a file that is
    no workbook, KeyError when the first sheet has no 编号 column."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        data = SheetData(path, ws.title)
        keys = _header_keys(next(ws.iter_rows(max_row=1, values_only=True), ()))
        if "id" not in keys.values():
            raise KeyError(f"the first sheet ({ws.title}) has no 编号 column")
        data.headers = {key: _letter(i) for i, key in keys.items()}
        for n, values in enumerate(ws.iter_rows(min_row=2, values_only=True), 2):
            cells = {key: cell_text(values[i]) for i, key in keys.items() if i < len(values)}
            if any(cells.values()):
                data.rows.append((n, cells))
        if ORIGINALS_TITLE in wb.sheetnames:
            data.originals = _originals(wb[ORIGINALS_TITLE])
        return data
    finally:
        wb.close()


def _header_keys(header: Iterable[object]) -> dict[int, str]:
    return {
        i: BY_HEADER[cell_text(v)].key for i, v in enumerate(header) if cell_text(v) in BY_HEADER
    }


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _originals(ws: object) -> dict[str, dict[str, str]]:
    rows = ws.iter_rows(values_only=True)  # type: ignore[attr-defined]
    keys = _header_keys(next(rows, ()))
    out = {}
    for values in rows:
        cells = {key: cell_text(values[i]) for i, key in keys.items() if i < len(values)}
        if cells.get("id"):
            out[cells["id"]] = cells
    return out
