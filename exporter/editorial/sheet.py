"""The review workbook (openpyxl): write it, read it back, merge a fresh reading into it.

Sheet 1 (案例审核) is the editors' sheet: a frozen header, wrapped text, drop-downs for
收录/主题/采纳校对, read-only columns shaded. A hidden sheet (原值) keeps the tool's own
values of every row, so a cell is an edit exactly when it differs from its 原值 — and a
later `exporter review` can refresh the cells nobody touched while keeping those edited.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.editorial.cells import cell_text
from exporter.editorial.columns import (
    BY_HEADER,
    COLUMNS,
    EDITABLE,
    ORIGINALS_TITLE,
    READ_ONLY,
    SHEET_TITLE,
    Column,
)
from exporter.editorial.rows import Row

# What reading a file that is no workbook (or a damaged one) can raise.
SHEET_ERRORS: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, zipfile.BadZipFile)
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
    tmp = _temporary(path)  # first: an unwritable folder fails before any work
    try:
        wb, n = _workbook(rows, originals)
        _save_atomic(wb, tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _workbook(rows: Iterable[Row], originals: dict[str, Row]) -> tuple[Any, int]:
    """openpyxl's write-only mode streams rows to the file: about half the time of building
    the sheet in memory at 1,000 cases."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_TITLE)
    _layout(ws)
    header, body, shaded = _styles(ws)
    ws.append(header)
    n = 0
    for row in rows:
        ws.append([_cell(body if c.editable else shaded, row.get(c.key)) for c in COLUMNS])
        n += 1
    hidden = wb.create_sheet(ORIGINALS_TITLE)
    hidden.sheet_state = "hidden"
    # One cell of JSON per case rather than a cell per column: half the sheet's cells, and
    # writing cells is nearly all of the time.
    hidden.append([COLUMNS[0].header, ORIGINALS_TITLE])
    for case_id, row in originals.items():
        values = {c.key: cell_text(row.get(c.key)) for c in (*EDITABLE, *READ_ONLY)}
        hidden.append([case_id, json.dumps(values, ensure_ascii=False)])
    return wb, n


def _layout(ws: Any) -> None:
    """Frozen header and 编号 column, column widths, drop-downs (before any row is written)."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "B2"
    for i, col in enumerate(COLUMNS, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        if col.choices:
            _drop_down(ws, col, letter)


def _styles(ws: Any) -> tuple[list[Any], Any, Any]:
    """The header cells, and a prototype body cell for editable and for read-only columns
    (wrapped, top-aligned; read-only ones shaded)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for col in COLUMNS:
        cell = WriteOnlyCell(ws, col.header)
        cell.font, cell.alignment = Font(bold=True), wrap
        header.append(cell)
    body = WriteOnlyCell(ws)
    body.alignment = wrap
    shaded = WriteOnlyCell(ws)
    shaded.alignment, shaded.fill = wrap, PatternFill("solid", fgColor="EEEEEE")
    return header, body, shaded


def _cell(proto: Any, value: object) -> Any:
    """A cell with `proto`'s style (styles are shared by id, so the copy is cheap)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(proto.parent, value)
    cell._style = proto._style
    return cell


def _drop_down(ws: Any, col: Column, letter: str) -> None:
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
    ws.data_validations.append(dv)  # write-only sheets have no add_data_validation


def _temporary(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(tmp)


def _save_atomic(wb: Any, tmp: Path, path: Path) -> None:
    """Save to the temporary file beside `path`, then rename it into place."""
    wb.save(tmp)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def read_sheet(path: Path) -> SheetData:
    """The first worksheet's rows by header name (columns may be reordered, unknown ones
    are ignored) and the hidden 原值 sheet. Raises OSError or ValueError for a file that is
    no workbook, KeyError when the first sheet has no 编号 column (see SHEET_ERRORS)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as exc:
        raise ValueError(str(exc)) from None
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


def _originals(ws: Any) -> dict[str, dict[str, str]]:
    out = {}
    for n, values in enumerate(ws.iter_rows(min_row=2, max_col=2, values_only=True), 2):
        case_id, blob = (cell_text(v) for v in (*values, None, None)[:2])
        try:
            cells = json.loads(blob) if case_id else None
        except ValueError:
            raise ValueError(f"hidden sheet {ORIGINALS_TITLE} row {n} is damaged") from None
        if isinstance(cells, dict):
            out[case_id] = {k: cell_text(v) for k, v in cells.items()}
    return out
