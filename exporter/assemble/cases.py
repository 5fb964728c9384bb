"""The blocks of one case: title, source line, summary box, figures, practices, body, lessons."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from exporter.assemble.plan import Block, Box, Heading, ListBlock, Para, Table
from exporter.layout.model import Layout
from exporter.layout.templates import render
from exporter.model import Case, Region
from exporter.textsafe import shown

TRUNCATION_NOTES = {
    "mid_sentence": "原文在此中断，以下内容缺失。",
    "continued_elsewhere": "原文转至他版，本书所据材料未收录续文。",
    "missing_sections": "原文所列部分未全部刊出。",
}
# Longest figure set on the right of a leader line; a case with a longer one gets a grid.
FIGURE_MAX = 16
SENTENCE_END = ("。", "！", "？", "…", "”", "’", "）")
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def case_anchor(case: Case) -> str:
    return "case-" + _SAFE.sub("_", case.id)


def region_text(region: Region) -> str:
    parts: list[str] = []
    for level in ("province", "city", "county", "township", "village"):
        value = getattr(region, level)
        if value and not any(value in p for p in parts):
            parts.append(value)
    return "".join(parts)


def case_title(case: Case) -> str:
    """The printed title, or a generated one; never empty."""
    if case.title:
        return case.title
    first = case.paragraphs()[0].text if case.paragraphs() else case.id
    clause = re.split(r"[，。；：！？,;:!?]", first)[0][:24]
    who = case.organization or case.region.deepest()
    return f"{who}：{clause}" if who and who not in clause else clause


def template_view(case: Case) -> dict[str, Any]:
    """What templates may use of a case: plain values only."""
    original = None
    if case.parent:
        original = case.parent.title + (f"·{case.parent.section}" if case.parent.section else "")
    return {
        "title": case_title(case),
        "title_generated": case.title_generated or not case.title,
        "original_title": original,
        "authors": list(case.authors),
        "byline": case.byline or "",
        "region": region_text(case.region),
        "theme": case.theme or "",
        "kind": case.kind,
        "source_name": shown(Path(case.source).name),
        "organization": case.organization or "",
    }


def case_blocks(case: Case, layout: Layout) -> list[Block]:
    view = template_view(case)
    title = view["title"] + (layout.labels.generated if view["title_generated"] else "")
    blocks: list[Block] = [
        Heading(2, title, "heading-2", anchor=case_anchor(case), generated=view["title_generated"])
    ]
    if case.subtitle:
        blocks.append(Para(case.subtitle, "subtitle"))
    for part in layout.case_parts:
        blocks.extend(_PARTS[part](case, layout, view))
    return blocks


def _source_line(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    text = render(layout, "source_line", case=view)
    return [Para(text, "source-line")] if text else []


def _summary(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    if not case.summary:
        return []
    lead = layout.labels.summary
    return [Box([Para(lead + case.summary, "summary", lead=lead)], "summary-box")]


def _figures(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    if not case.key_figures:
        return []
    rows = [list(figure_row(f.text, f.value, f.unit)) for f in case.key_figures]
    kind = "figures" if all(len(figure) <= FIGURE_MAX for figure, _ in rows) else "table"
    labels = layout.labels
    header = [labels.figure, labels.figure_label]
    return [Para(labels.figures, "card-label"), Table(header, rows, widths=[1, 4], kind=kind)]


def figure_row(text: str, value: str, unit: str) -> tuple[str, str]:
    """(figure as printed, label): a label that ends with its own figure (`快递员 3065名`,
    `治理问题 700余个`) is printed once, the figure keeping its 余/多 as written.

    >>> figure_row("治理问题 700余个", "700", "个")
    ('700余个', '治理问题')
    >>> figure_row("全县新建驿站", "12", "个")
    ('12个', '全县新建驿站')
    """
    at = text.rfind(value) if value else -1
    label = text[:at].rstrip() if at > 0 else ""
    if label and text.endswith(unit) and len(text) - at <= len(value) + len(unit) + 3:
        return text[at:], label
    return f"{value}{unit}", text


def _practices(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    if not case.practices:
        return []
    return [
        Para(layout.labels.practices, "card-label"),
        ListBlock(list(case.practices), True, "list-item"),
    ]


def _body(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    blocks: list[Block] = []
    if "body" in layout.case_parts and len(layout.case_parts) > 1:
        blocks.append(Para(layout.labels.body, "card-label"))
    for section in case.sections:
        if section.heading:
            level = 3 if section.level <= 1 else 4
            blocks.append(
                Heading(level, section.heading, f"heading-{level}", toc=False, outline=False)
            )
        blocks.extend(Para(p.text, "body", lead=p.lead) for p in section.paragraphs)
    if case.truncated:
        note = TRUNCATION_NOTES.get(case.truncation or "", "原文不完整。")
        blocks.append(Para(layout.labels.note + note, "note"))
    return blocks


def _lessons(case: Case, layout: Layout, view: dict[str, Any]) -> list[Block]:
    printed = any(s.heading and "启示" in s.heading for s in case.sections)
    if not case.lessons or ("body" in layout.case_parts and printed):
        return []
    items = [_as_sentence(t) for t in case.lessons]
    return [Para(layout.labels.lessons, "card-label"), ListBlock(items, True, "lesson")]


def _as_sentence(text: str) -> str:
    """Lessons are sentences: end them with 。 when the source clause stops without a mark."""
    return text if text.endswith(SENTENCE_END) else text + "。"


_PARTS = {
    "source_line": _source_line,
    "summary": _summary,
    "figures": _figures,
    "practices": _practices,
    "body": _body,
    "lessons": _lessons,
}
