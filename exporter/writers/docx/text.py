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
TARGET_STYLE = "IndexTarget"


def _neutral(char: str) -> bool:
    return char.isspace() or ord(char) < 0x20


@dataclass
class TextSetter:
    sheet: StyleSheet
    used: dict[Path, set[str]] = field(default_factory=lambda: defaultdict(set))
    missing: dict[str, MissingGlyph] = field(default_factory=dict)
    where: str = ""

    def runs(
        self, text: str, style_id: str, *, lead: str | None = None, plain: bool = False
    ) -> list[ooxml.Element]:
        """Runs for `text` in paragraph style `style_id`: a bold `lead` prefix, or the whole
        text in regular weight (`plain`, for index targets)."""
        text = ooxml.clean_text(text)
        if plain:
            return self._runs(text, style_id, weight="regular")
        if lead and text.startswith(lead) and lead.strip():
            return [
                *self._runs(lead, style_id, weight="bold"),
                *self._runs(text[len(lead) :], style_id, weight="style"),
            ]
        return self._runs(text, style_id, weight="style")

    def _runs(self, text: str, style_id: str, *, weight: str) -> list[ooxml.Element]:
        if not text:
            return []
        base_style = {"bold": LEAD_STYLE, "regular": TARGET_STYLE}.get(weight)
        if not self.sheet.embed:
            return [ooxml.run(text, base_style)]
        sf = self.sheet.fonts.get(style_id) or self.sheet.fonts["Normal"]
        chain = {"bold": sf.bold_chain, "regular": sf.regular_chain}.get(weight, sf.chain)
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
