"""Text to runs: lead phrases and per-character font fallback, with a record of which
face sets which characters (for subsetting) and which characters no face has."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from exporter.writers import MissingGlyph
from exporter.writers.docx import ooxml
from exporter.writers.docx.fontfaces import coverage
from exporter.writers.docx.styles import StyleSheet

LEAD_STYLE = "LeadPhrase"
TARGET_STYLE = "IndexTarget"


def _neutral(char: str) -> bool:
    """Characters any face sets: spaces, controls, the zero-width word joiner."""
    return char.isspace() or ord(char) < 0x20 or char == "\u2060"


class _Chain:
    """A face chain's coverage as sets of characters, so a run the main face covers
    entirely is recognised with one set operation instead of a lookup per character."""

    def __init__(self, chain: list[Path], main: frozenset[str]) -> None:
        self.paths = chain
        self.main = main
        self.rest = [coverage(p) for p in chain[1:]]
        self.memo: dict[str, int] = {}  # character -> index in the chain, -1 = no face

    def index(self, char: str) -> int:
        found = self.memo.get(char)
        if found is None:
            found = 0 if (char in self.main or _neutral(char)) else -1
            for n, code_points in enumerate(self.rest, start=1):
                if found == -1 and ord(char) in code_points:
                    found = n
            self.memo[char] = found
        return found


class _Seen:
    """Characters already set in a main face, with a pattern that finds any other one:
    a text made only of them (most text, once a book is under way) needs no work per
    character. The pattern is rebuilt after 1, 2, 4 … new texts, a dozen times a book."""

    def __init__(self) -> None:
        self.chars: set[str] = set()  # all covered by the main face
        self.other: re.Pattern[str] | None = None
        self.added = 0

    def has_all(self, text: str) -> bool:
        return self.other is not None and self.other.search(text) is None

    def add(self, chars: set[str]) -> None:
        self.chars |= chars
        self.added += 1
        if self.added & (self.added - 1) == 0:  # a power of two
            bmp = sorted(c for c in self.chars if ord(c) < 0x10000)
            self.other = re.compile(f"[^{''.join(map(re.escape, bmp))}]")


@dataclass
class _Plan:
    """A paragraph style's text in one weight: its character style, face chain, coverage
    (None when fonts are not embedded) and what its main face has set so far."""

    base_style: str | None
    chain: list[Path]
    faces: _Chain | None
    seen: _Seen | None
    used_main: set[str] | None = None


@dataclass
class TextSetter:
    sheet: StyleSheet
    used: dict[Path, set[str]] = field(default_factory=lambda: defaultdict(set))
    missing: dict[str, MissingGlyph] = field(default_factory=dict)
    where: str = ""
    _chains: dict[tuple[str, ...], _Chain] = field(default_factory=dict)
    _mains: dict[str, frozenset[str]] = field(default_factory=dict)  # file -> its characters
    _plans: dict[tuple[str, str], _Plan] = field(default_factory=dict)
    _seen: dict[str, _Seen] = field(default_factory=dict)  # main face file -> its _Seen

    def runs(
        self, text: str, style_id: str, *, lead: str | None = None, plain: bool = False
    ) -> list[ooxml.Run]:
        """Runs for `text` in paragraph style `style_id`: a bold `lead` prefix, or the whole
        text in regular weight (`plain`, for index targets)."""
        text = ooxml.clean_text(text)
        if plain:
            return self._runs(text, style_id, weight="regular")
        if lead and text.startswith(lead) and lead.strip() and self._has_bold(style_id):
            return [
                *self._runs(lead, style_id, weight="bold"),
                *self._runs(text[len(lead) :], style_id, weight="style"),
            ]
        return self._runs(text, style_id, weight="style")

    def _has_bold(self, style_id: str) -> bool:
        """A lead phrase is bold only where the face has a bold weight: the PDF sets it
        in the regular face then (a 楷体 summary), and Word would synthesise a bold."""
        sf = self.sheet.fonts.get(style_id) or self.sheet.fonts["Normal"]
        return sf.has_bold

    def _runs(self, text: str, style_id: str, *, weight: str) -> list[ooxml.Run]:
        """Text as runs: one run where the main face covers it, else runs per fallback face so a
        character the embedded subset lacks is set in a face that has it."""
        if not text:
            return []
        plan = self._plans.get((style_id, weight)) or self._plan(style_id, weight)
        if plan.faces is None or plan.seen is None:  # fonts named, not embedded
            return [ooxml.clean_run(text, plan.base_style)]
        if plan.seen.has_all(text):  # only characters the main face has set before
            return [ooxml.clean_run(text, plan.base_style)]
        chars = set(text)
        if chars <= plan.faces.main:  # the common case: one piece in the main face
            if plan.used_main is None:  # (self.used keeps first-use order)
                plan.used_main = self.used[plan.chain[0]]
            plan.used_main |= chars
            plan.seen.add(chars)
            return [ooxml.clean_run(text, plan.base_style)]
        out: list[ooxml.Run] = []
        for segment, n in self._segments(text, plan.faces):
            path = plan.chain[n]
            self.used[path].update(segment)
            char_style = plan.base_style if n == 0 else self.sheet.fallback(path)
            out.append(ooxml.clean_run(segment, char_style))
        return out

    def _plan(self, style_id: str, weight: str) -> _Plan:
        """How `style_id` sets text in `weight` (looked up once per style and weight)."""
        base_style = {"bold": LEAD_STYLE, "regular": TARGET_STYLE}.get(weight)
        if not self.sheet.embed:
            plan = _Plan(base_style, [], None, None)
        else:
            sf = self.sheet.fonts.get(style_id) or self.sheet.fonts["Normal"]
            chain = {"bold": sf.bold_chain, "regular": sf.regular_chain}.get(weight, sf.chain)
            seen = self._seen.setdefault(str(chain[0]), _Seen())
            plan = _Plan(base_style, chain, self._chain(chain), seen)
        self._plans[(style_id, weight)] = plan
        return plan

    def _chain(self, chain: list[Path]) -> _Chain:
        key = tuple(map(str, chain))
        faces = self._chains.get(key)
        if faces is None:
            main = self._mains.get(key[0])
            if main is None:
                main = self._mains[key[0]] = frozenset(map(chr, coverage(chain[0])))
            faces = self._chains[key] = _Chain(chain, main)
        return faces

    def release(self) -> None:
        """Drop the coverage sets once all text is set (they are large for CJK faces)."""
        self._plans.clear()
        self._seen.clear()
        self._chains.clear()
        self._mains.clear()

    def _segments(self, text: str, faces: _Chain) -> list[tuple[str, int]]:
        """Split text into maximal pieces set in one face of the chain (by index)."""
        pieces: list[tuple[str, int]] = []
        start, current = 0, -2
        for i, char in enumerate(text):
            n = faces.index(char)
            if n == -1:
                if char not in self.missing:
                    self.missing[char] = MissingGlyph(char, f"U+{ord(char):04X}", self.where)
                n = 0
            if n != current:
                if i:
                    pieces.append((text[start:i], current))
                start, current = i, n
        pieces.append((text[start:], current))
        return pieces
