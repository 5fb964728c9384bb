"""The `json` output: the book's cases (schema exporter.compendium/1, in book order), the
cases the book leaves out with the reason, and the book's structure.

Excluded cases keep their full data, so nothing read is lost: scripts can still see the
off-topic items and duplicates that the printed book omits.
"""

from __future__ import annotations

import json
from pathlib import Path

from exporter.assemble.plan import Book
from exporter.layout.model import Layout
from exporter.model import Case, Compendium, case_to_dict, to_dict


def exclusion_reason(case: Case) -> str:
    if not case.on_topic:
        return "off_topic"
    if not case.paragraphs():
        return "no_body"
    return "duplicate"


def write_json(comp: Compendium, book: Book, layout: Layout, out: Path) -> None:
    data = to_dict(Compendium(comp.sources, []))
    by_id = {c.id: c for c in comp.cases}
    data["cases"] = [case_to_dict(by_id[i]) for i in book.case_ids]
    printed = set(book.case_ids)
    data["excluded_cases"] = [
        {"reason": exclusion_reason(c), **case_to_dict(c)}
        for c in comp.cases
        if c.id not in printed
    ]
    data["book"] = {
        "title": book.meta.title,
        "layout": layout.name,
        "case_ids": list(book.case_ids),
        "chapters": [p.title for p in book.parts if p.kind == "chapter"],
    }
    # One dumps + one write: json.dump's many small writes cost several times more.
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
