"""Text to runs: lead phrases and per-character font fallback, with a record of which
face sets which characters (for subsetting) and which characters no face has."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from exporter.writers import MissingGlyph
from exporter.writers.docx import ooxml
from exporter.writers.docx.fontfaces import covers
from exporter.writers.docx.styles import StyleSheet

LEAD_STYLE = "LeadPhrase"


def _neutral(char: str) -> bool:
    return char.isspace() or ord(char) < 0x20


@dataclass
class TextSetter:
    sheet: StyleSheet
    used: dict[Path, set[str]] = field(default_factory=lambda: defaultdict(set))
    missing: dict[str, MissingGlyph] = field(default_factory=dict)
    where: str = ""

    def runs(self, text: str, style_id: str, *, lead: str | None = None) -> list[ooxml.Element]:
        text = ooxml.clean_text(text)
        if lead and text.startswith(lead) and lead.strip():
            return [
                *self._runs(lead, style_id, bold=True),
                *self._runs(text[len(lead) :], style_id, bold=False),
            ]
        return self._runs(text, style_id, bold=False)

    def _runs(self, text: str, style_id: str, *, bold: bool) -> list[ooxml.Element]:
        if not text:
            return []
        base_style = LEAD_STYLE if bold else None
        if not self.sheet.embed:
            return [ooxml.run(text, base_style)]
        sf = self.sheet.fonts.get(style_id) or self.sheet.fonts["Normal"]
        chain = sf.bold_chain if bold else sf.chain
        out: list[ooxml.Element] = []
        for segment, path in self._segments(text, chain):
            self.used[path].update(segment)
            char_style = base_style if path == chain[0] else self.sheet.fallback(path)
            out.append(ooxml.run(segment, char_style))
        return out

    def _segments(self, text: str, chain: list[Path]) -> list[tuple[str, Path]]:
        """Split text into maximal pieces set in one face of the chain."""
        pieces: list[tuple[str, Path]] = []
        for char in text:
            path = self._face_for(char, chain)
            if pieces and pieces[-1][1] == path:
                pieces[-1] = (pieces[-1][0] + char, path)
            else:
                pieces.append((char, path))
        return pieces

    def _face_for(self, char: str, chain: list[Path]) -> Path:
        if _neutral(char) or covers(chain[0], char):
            return chain[0]
        for path in chain[1:]:
            if covers(path, char):
                return path
        if char not in self.missing:
            self.missing[char] = MissingGlyph(char, f"U+{ord(char):04X}", self.where)
        return chain[0]
