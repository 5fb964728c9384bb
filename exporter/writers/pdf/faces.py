"""Font chains for the PDF: per-character face choice, cached advance widths, and the
per-document encoder that turns characters into reportlab subset codes.

A `Chain` is one role in one weight (main face + fallbacks). Every lookup is a dict hit
after the first time a character is seen, so the line breaker and the drawing code do no
per-character font searching.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

from exporter import fonts
from exporter.layout.model import FontRole
from exporter.writers.pdf.cidfont import CIDEmbed

MISSING = -1  # face index of a character no font of the chain has


class _FaceIndex(dict[str, int]):
    """char -> index of the first face in the chain that has it (MISSING if none).
    Fallback faces are parsed only when a character reaches them."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self._paths = paths

    def __missing__(self, char: str) -> int:
        cp = ord(char)
        idx = next((i for i, p in enumerate(self._paths) if cp in fonts.coverage(p)), MISSING)
        self[char] = idx
        return idx


class _Advance(dict[str, float]):
    """char -> advance in em (1.0 = the font size) in the face that sets it."""

    def __init__(self, chain: Chain) -> None:
        super().__init__()
        self._chain = chain

    def __missing__(self, char: str) -> float:
        idx = self._chain.face_of[char]
        if idx == MISSING:
            adv = 0.0 if fonts.is_layout_neutral(char) and char != " " else 1.0
            if char.isspace():
                adv = 0.25
        else:
            face = self._chain.font(idx).face
            adv = face.charWidths.get(ord(char), face.defaultWidth) / 1000.0
        self[char] = adv
        return adv


@dataclass(eq=False)
class Chain:
    """One font role in one weight: reportlab fonts, main face first."""

    paths: list[Path]
    face_of: _FaceIndex = field(init=False)
    advance: _Advance = field(init=False)

    def __post_init__(self) -> None:
        fonts.load_font(self.paths[0])  # a missing or broken main face fails early
        self.face_of = _FaceIndex(self.paths)
        self.advance = _Advance(self)

    def font(self, idx: int) -> TTFont:
        return fonts.load_font(self.paths[idx])


_CHAINS: dict[tuple[tuple[str, ...], bool], Chain] = {}
_CHAINS_LOCK = threading.Lock()


def chain_for(role: FontRole, bold: bool = False) -> Chain:
    """The cached chain of a role (shared by every style and build in the process)."""
    paths = fonts.role_chain(role, bold)
    key = (tuple(str(p) for p in paths), bold)
    with _CHAINS_LOCK:  # one Chain per key for the process: caches key on its identity
        if key not in _CHAINS:
            _CHAINS[key] = Chain(paths)
        return _CHAINS[key]


class Encoder:
    """Per-document text encoding: char -> (PDF font resource name, escaped 2-byte CID).

    Each face is one Type0 font of the document (see cidfont); CIDs are assigned in the
    order characters are first drawn, so this cache lives for one build.
    """

    def __init__(self, doc: Any, escape: Any) -> None:
        self._doc = doc
        self._escape = escape
        self._tables: dict[int, EncodeTable] = {}
        self._embeds: dict[int, CIDEmbed] = {}
        self._escaped: dict[tuple[int, str], str] = {}

    def table(self, chain: Chain) -> EncodeTable:
        tab = self._tables.get(id(chain))
        if tab is None:
            tab = self._tables[id(chain)] = EncodeTable(chain, self)
        return tab

    def encode(self, font: TTFont, char: str) -> tuple[str, str]:
        embed = self._embeds.get(id(font))
        if embed is None:
            embed = CIDEmbed(font, f"XC{len(self._embeds) + 1}")
            self._embeds[id(font)] = embed
            self._doc.delayedFonts.append(embed)
        key = (id(font), char)
        esc = self._escaped.get(key)
        if esc is None:
            cid = embed.cid(ord(char))
            esc = self._escaped[key] = self._escape(cid.to_bytes(2, "big"))
        return "/" + embed.resource, esc


class EncodeTable(dict[str, "tuple[str, str] | None"]):
    """char -> (font resource, escaped CID), None for a character no face has. Alongside:
    `esc` (char -> escaped CID) and `main`, the characters seen so far that the main face
    sets, so a line entirely in the main face (most lines) is checked with one set test
    and encoded with one map, without per-character tuples."""

    def __init__(self, chain: Chain, encoder: Encoder) -> None:
        super().__init__()
        self._chain = chain
        self._encoder = encoder
        self.esc: dict[str, str] = {}
        self.main: set[str] = set()
        self.main_name = ""

    def __missing__(self, char: str) -> tuple[str, str] | None:
        idx = self._chain.face_of[char]
        value: tuple[str, str] | None = None
        if idx != MISSING:
            name, esc = self._encoder.encode(self._chain.font(idx), char)
            value = (sys.intern(name), esc)
            self.esc[char] = esc
            if idx == 0:
                self.main.add(char)
                self.main_name = value[0]
        self[char] = value
        return value

    def in_main_face(self, text: str) -> bool:
        """Is every character of `text` set in the main face? Encodes characters not seen
        before, in text order (CIDs are numbered in first-drawn order)."""
        if self.main.issuperset(text):
            return True
        for char in text:
            self[char]
        return self.main.issuperset(text)
