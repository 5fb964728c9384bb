"""Cell text <-> field values: one parser for the sheet's cells and for TOML/JSON edits.

Every parse either returns a value or raises CellError with a reason an editor can act on;
the caller adds where the cell is (file, sheet, row, column).
"""

from __future__ import annotations

import re
from typing import Any

from exporter.editorial.columns import FIGURE_SEP, NO, NO_WORDS, YES, YES_WORDS
from exporter.editorial.proof import parse_fix
from exporter.model import THEMES, Case, KeyFigure

_FIGURE = re.compile(r"^\s*([0-9][0-9.,，]*(?:\.[0-9]+)?)\s*(.*?)\s*$")


class CellError(ValueError):
    """A cell whose text cannot be the field's value."""


def cell_text(value: Any) -> str:
    """A cell's value as the text an editor sees (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "\n".join(cell_text(v) for v in value)
    if isinstance(value, dict) and {"value", "text"} <= set(value):  # a key figure in JSON
        return figure_text(
            KeyFigure(str(value["value"]), str(value.get("unit", "")), value["text"])
        )
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def figure_text(f: KeyFigure) -> str:
    return f"{f.value}{f.unit}{FIGURE_SEP}{f.text}"


def parse_yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise CellError(f"{text!r} is not {YES} or {NO}")


def parse_theme(text: str) -> str:
    if text not in THEMES:
        raise CellError(f"unknown theme {text!r} (choose from {'、'.join(THEMES)})")
    return text


def parse_figure(line: str) -> KeyFigure:
    head, sep, note = line.replace("|", FIGURE_SEP).partition(FIGURE_SEP)
    m = _FIGURE.match(head)
    if not sep or not m:
        raise CellError(
            f"key figure {line!r} is not 数值单位{FIGURE_SEP}说明 (e.g. 50个｜建成示范点50个)"
        )
    return KeyFigure(m.group(1).replace("，", ","), m.group(2), note.strip())


def parse_order(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise CellError(f"order {text!r} is not a number") from None


def parse_fixes(text: str) -> list[tuple[str, str]]:
    fixes = []
    for line in lines_of(text):
        fix = parse_fix(line)
        if fix is None:
            raise CellError(f"proofreading line {line!r} is not 原文→改为")
        fixes.append(fix)
    return fixes


def parse_title(text: str) -> str:
    if not text:
        raise CellError("a title cannot be empty")
    return text


def parse(key: str, text: str) -> Any:
    """The field value of one cell's text (raises CellError)."""
    if key in ("include", "proof_ok"):
        return parse_yes_no(text)
    if key == "theme":
        return parse_theme(text)
    if key == "title":
        return parse_title(text)
    if key == "order":
        return parse_order(text) if text else None
    if key == "key_figures":
        return [parse_figure(line) for line in lines_of(text)]
    if key in ("practices", "lessons"):
        return lines_of(text)
    if key == "proof":
        return parse_fixes(text)
    return text or None


def tool_cells(case: Case) -> dict[str, str]:
    """The editable text fields of a case as the sheet shows them."""
    from exporter.assemble.cases import case_title

    return {
        "title": case_title(case),
        "summary": case.summary or "",
        "theme": case.theme or "",
        "province": case.region.province or "",
        "city": case.region.city or "",
        "county": case.region.county or "",
        "organization": case.organization or "",
        "practices": "\n".join(case.practices),
        "key_figures": "\n".join(figure_text(f) for f in case.key_figures),
        "lessons": "\n".join(case.lessons),
    }
