"""The `json` output: the book's cases (schema exporter.compendium/1, in book order), the
cases the book leaves out with the reason, and the book's structure.

Excluded cases keep their full data, so nothing read is lost: scripts can still see the
off-topic items and duplicates that the printed book omits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from exporter.assemble.plan import Book
from exporter.layout.model import Layout
from exporter.model import Case, Compendium, case_to_dict, to_dict


def exclusion_reason(case: Case) -> str:
    if not case.on_topic and "include" in case.edited:
        return "excluded_by_editor"
    if not case.on_topic:
        return "off_topic"
    if not case.paragraphs():
        return "no_body"
    return "duplicate"


def write_json(comp: Compendium, book: Book, layout: Layout, out: Path) -> None:
    """The case model as JSON (schema exporter.compendium/1) with the book's order and the
    excluded cases, written case by case into a temporary file."""
    data: dict[str, Any] = to_dict(Compendium(comp.sources, []))
    by_id = {c.id: c for c in comp.cases}
    printed = set(book.case_ids)
    # The case lists are written one case at a time: the whole document as dicts and then
    # as one string was several times the size of the compendium at 10,000 cases.
    data["cases"] = (case_to_dict(by_id[i]) for i in book.case_ids)
    data["excluded_cases"] = (
        {"reason": exclusion_reason(c), **case_to_dict(c)}
        for c in comp.cases
        if c.id not in printed
    )
    data["book"] = {
        "title": book.meta.title,
        "layout": layout.name,
        "case_ids": list(book.case_ids),
        "chapters": [p.title for p in book.parts if p.kind == "chapter"],
    }
    # An undecodable file name (surrogate escapes) is written as JSON's \udcXX escapes:
    # valid JSON, and json.loads gives back the name that opens the file.
    with out.open("w", encoding="utf-8", errors="backslashreplace") as f:
        _write_object(f, data)


def _dumps(value: Any, indent: str) -> str:
    """`value` as json.dumps(indent=1) sets it when nested `indent` deep."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + indent)


def _write_object(f: TextIO, data: dict[str, Any]) -> None:
    """The same text as json.dumps(data, indent=1, ensure_ascii=False) + newline, with
    generator values written as lists item by item."""
    f.write("{")
    for n, (key, value) in enumerate(data.items()):
        f.write(",\n " if n else "\n ")
        f.write(json.dumps(key, ensure_ascii=False) + ": ")
        if isinstance(value, Iterator):
            _write_list(f, value)
        else:
            f.write(_dumps(value, " "))
    f.write("\n}\n" if data else "}\n")


def _write_list(f: TextIO, items: Iterator[Any]) -> None:
    f.write("[")
    empty = True
    for item in items:
        f.write("\n  " if empty else ",\n  ")
        f.write(_dumps(item, "  "))
        empty = False
    f.write("]" if empty else "\n ]")
