"""Glyph coverage: characters of the cases that no font of the layout can draw.

Checked before writing so every such character is reported with its file, case and code
point (build log, JSON warnings), instead of silently printing as an empty box.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from exporter.cache import cache_dir, stamp, write_atomic
from exporter.layout.model import FontRole, Layout
from exporter.model import Case, Compendium, Warning_

# Roles whose fonts set case text: body, summary box, titles.
TEXT_STYLES = ("body", "summary", "heading-2", "heading-3")


@dataclass
class MissingChar:
    file: str
    case: str
    char: str
    codepoint: str
    role: str


def _case_texts(case: Case) -> list[str]:
    return [
        case.title or "",
        case.summary or "",
        *(p.text for p in case.paragraphs()),
        *(s.heading or "" for s in case.sections),
    ]


@cache
def codepoints(path: Path) -> frozenset[int]:
    """The code points a font maps, from its cmap only (cached on disk as a sorted array):
    this check runs in the main process, which should not hold whole parsed fonts."""
    cached = cache_dir() / f"cmap-{stamp(path)}.u32"
    try:
        return frozenset(array("I", cached.read_bytes()))
    except OSError:
        pass
    from fontTools.ttLib import TTFont

    points = sorted(TTFont(str(path), lazy=True).getBestCmap() or {})
    write_atomic(cached, array("I", points).tobytes())
    return frozenset(points)


def uncovered(role: FontRole, text: str) -> list[str]:
    """Characters of `text` that no font of the role's chain has."""
    from exporter.fonts import font_path, is_layout_neutral

    chars = {c for c in set(text) if not is_layout_neutral(c)}
    for name in role.files:
        cover = codepoints(font_path(name))
        chars = {c for c in chars if ord(c) not in cover}
        if not chars:
            break
    return sorted(chars)


def missing_glyphs(comp: Compendium, layout: Layout) -> list[MissingChar]:
    """Every (case, character) that no font of a text role covers. The font check runs once
    per role on the set of all characters; only the rare misses are traced back to cases."""
    roles = dict.fromkeys(layout.style(s).font for s in TEXT_STYLES if s in layout.styles)
    texts = {case.id: "".join(_case_texts(case)) for case in comp.cases}
    every_char = "".join(set("".join(texts.values())))
    out: list[MissingChar] = []
    for role in roles:
        missing = uncovered(layout.fonts[role], every_char)
        if not missing:
            continue
        for case in comp.cases:
            for char in sorted(set(texts[case.id]).intersection(missing)):
                out.append(MissingChar(case.source, case.id, char, f"U+{ord(char):04X}", role))
    return out


def record_missing(comp: Compendium, missing: list[MissingChar]) -> list[str]:
    """Add each missing glyph to its source's warnings; return log lines."""
    by_path = {s.path: s for s in comp.sources}
    lines = []
    for m in missing:
        msg = f"{m.char} ({m.codepoint}) in case {m.case}: no font of role '{m.role}' has it"
        if m.file in by_path:
            by_path[m.file].warnings.append(Warning_(None, "glyph_missing", msg))
        lines.append(f"{m.file}: glyph_missing: {msg}")
    return lines
