"""The `json` output: the case model (schema exporter.compendium/1) plus the book's order."""

from __future__ import annotations

import json
from pathlib import Path

from exporter.assemble.plan import Book
from exporter.layout.model import Layout
from exporter.model import Compendium, to_dict


def write_json(comp: Compendium, book: Book, layout: Layout, out: Path) -> None:
    data = to_dict(comp)
    data["book"] = {
        "title": book.meta.title,
        "layout": layout.name,
        "case_ids": list(book.case_ids),
        "chapters": [p.title for p in book.parts if p.kind == "chapter"],
    }
    with out.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
