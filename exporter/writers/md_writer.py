"""The `md` output: the book as Markdown (pandoc- and Typst-friendly), one handler per block."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exporter.assemble.plan import (
    Block,
    Book,
    Box,
    Chart,
    Heading,
    Index,
    ListBlock,
    Para,
    Table,
)
from exporter.layout.model import Layout

# Characters Markdown would read as markup; escaped so news text prints as written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _heading(b: Heading) -> list[str]:
    # pandoc's header attribute keeps our anchors, so index links resolve.
    attr = f" {{#{b.anchor}}}" if b.anchor else ""
    return ["#" * min(b.level, 6) + " " + escape(b.text) + attr]


def _para(b: Para) -> list[str]:
    if b.role.startswith("cover"):
        return [f"**{escape(b.text)}**" if b.role == "cover-title" else escape(b.text)]
    if b.lead and b.text.startswith(b.lead):
        return [f"**{escape(b.lead)}**{escape(b.text[len(b.lead) :])}"]
    if b.role in ("source-line", "note", "card-label"):
        return [f"*{escape(b.text)}*"]
    return [escape(b.text)]


def _box(b: Box) -> list[str]:
    lines: list[str] = []
    for inner in b.blocks:
        lines.extend("> " + line for line in _render(inner))
    return lines


def _table(b: Table) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(escape(c).replace("\n", " ") for c in cells) + " |"

    return [row(b.header), "|" + "---|" * len(b.header), *(row(r) for r in b.rows)]


def _list(b: ListBlock) -> list[str]:
    return [
        f"{i}. {escape(t)}" if b.ordered else f"- {escape(t)}" for i, t in enumerate(b.items, 1)
    ]


def _chart(b: Chart) -> list[str]:
    return [
        f"**{escape(b.title)}**",
        "",
        "| 类别 | 案例数 |",
        "|---|---|",
        *(f"| {escape(label)} | {value} |" for label, value in b.bars),
    ]


def _index(b: Index) -> list[str]:
    out = []
    for e in b.entries:
        links = [f"[{escape(label or e.text)}](#{anchor})" for anchor, label in e.targets]
        if e.level >= 3 and len(links) == 1:
            text = links[0]
        else:
            text = " ".join([escape(e.text), "、".join(links)]).strip()
        out.append("  " * (e.level - 1) + "- " + text)
    return out


# One handler per block kind (plan.KINDS), as in the PDF and DOCX writers.
HANDLERS: dict[str, Callable[[Any], list[str]]] = {
    "heading": _heading,
    "para": _para,
    "box": _box,
    "table": _table,
    "figures": _table,  # a pipe table is how Markdown shows figures too
    "list": _list,
    "chart": _chart,
    "index": _index,
    "toc": lambda b: [],  # pandoc --toc / Typst #outline() build their own
    "pagebreak": lambda b: [],
}


def _render(block: Block) -> list[str]:
    return HANDLERS[block.kind](block)


def write_md(book: Book, layout: Layout, out: Path) -> None:
    # A JSON string is a valid YAML double-quoted scalar: quotes and newlines escaped.
    title = json.dumps(book.meta.title, ensure_ascii=False)
    lines = ["---", f"title: {title}", "lang: zh-CN", "---", ""]
    for part in book.parts:
        if part.kind == "cover":
            continue
        for block in part.blocks:
            rendered = _render(block)
            if rendered:
                lines.extend([*rendered, ""])
    out.write_text("\n".join(lines), encoding="utf-8")
