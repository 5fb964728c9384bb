"""TrueType faces embedded as Type0 / CIDFontType2 fonts with Identity-H encoding.

reportlab embeds a TrueType font as simple fonts of 256 glyphs each, so Chinese text jumps
between seven or more font resources within a line. With a CID font every glyph of a face
has a 2-byte code in one resource: one text-show operation per line and font, and one
subset font program per face. CIDs are glyph ids of the subset (CIDToGIDMap /Identity), in
the order the characters are first drawn; reportlab's own subsetter builds the program with
the same numbering. The font is written when the document is saved (a delayed font).
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont

from exporter import fonts
from exporter.writers.pdf.tounicode import BLOCK, utf16_hex

_SUBSET_LOCK = threading.Lock()


class CIDEmbed:
    """One face in one document: assigns CIDs, then writes the PDF objects at save time."""

    def __init__(self, font: TTFont, resource: str) -> None:
        self.font = font
        self.resource = resource  # name in the page resources, without the slash
        self.codes: list[int] = []  # code points in first-use order
        self.cids: list[int] = []
        self._glyph_cid: dict[int, int] = {0: 0}  # original glyph id -> CID (= subset gid)

    def cid(self, cp: int) -> int:
        """The CID of a code point the face covers (call once per code point)."""
        glyph = self.font.face.charToGlyph[cp]
        cid = self._glyph_cid.get(glyph)
        if cid is None:
            cid = self._glyph_cid[glyph] = len(self._glyph_cid)
        self.codes.append(cp)
        self.cids.append(cid)
        return cid

    def _base_name(self) -> str:
        face_name = self.font.face.name
        name = face_name.decode("latin-1") if isinstance(face_name, bytes) else str(face_name)
        digest = hashlib.md5(",".join(map(str, self.codes)).encode(), usedforsecurity=False)
        tag = "".join(chr(ord("A") + b % 26) for b in digest.digest()[:6])
        return f"{tag}+{name}"

    def _widths(self) -> pdfdoc.PDFArray:
        """W array: runs of consecutive CIDs whose width is not the default 1000."""
        face = self.font.face
        width = {
            cid: round(face.charWidths.get(cp, face.defaultWidth))
            for cp, cid in zip(self.codes, self.cids, strict=True)
        }
        out: list[Any] = []
        run: list[int] = []
        start = -2
        for cid in sorted(width):
            w = width[cid]
            if w == 1000:
                continue
            if cid != start + len(run):
                if run:
                    out += [start, pdfdoc.PDFArray(run)]
                start, run = cid, []
            run.append(w)
        if run:
            out += [start, pdfdoc.PDFArray(run)]
        return pdfdoc.PDFArray(out)

    def _to_unicode(self, base: str) -> pdfdoc.PDFStream:
        """The ToUnicode CMap of the subset: each code to its characters, supplementary-plane
        characters as UTF-16 surrogate pairs so they extract."""
        pairs = sorted(dict(zip(self.cids, self.codes, strict=True)).items())
        lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{base.split('+')[0]}-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        for i in range(0, len(pairs), BLOCK):
            chunk = pairs[i : i + BLOCK]
            lines.append(f"{len(chunk)} beginbfchar")
            lines += [f"<{cid:04X}> <{utf16_hex(cp)}>" for cid, cp in chunk]
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        stream = pdfdoc.PDFStream()
        stream.content = "\n".join(lines)
        stream.filters = [pdfdoc.PDFZCompress]
        return stream

    def addObjects(self, doc: Any) -> None:
        """Write the subset font objects (Type0, CIDFontType2, descriptor, widths, ToUnicode)
        for the codes this document used."""
        if not self.codes:
            return
        base = self._base_name()
        with _SUBSET_LOCK:  # the parsed face reads its data through a shared file position
            descriptor = self.font.face.addSubsetObjects(doc, base, self.codes)
            fonts.release_pages()  # one face's glyph pages at a time, not all five at once
        cid_font = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("CIDFontType2"),
                "BaseFont": pdfdoc.PDFName(base),
                "CIDSystemInfo": pdfdoc.PDFDictionary(
                    {
                        "Registry": pdfdoc.PDFString("Adobe"),
                        "Ordering": pdfdoc.PDFString("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": descriptor,
                "DW": 1000,
                "W": self._widths(),
                "CIDToGIDMap": pdfdoc.PDFName("Identity"),
            }
        )
        type0 = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("Type0"),
                "BaseFont": pdfdoc.PDFName(base),
                "Encoding": pdfdoc.PDFName("Identity-H"),
                "DescendantFonts": pdfdoc.PDFArray(
                    [doc.Reference(cid_font, f"cidFont:{self.resource}")]
                ),
                "ToUnicode": doc.Reference(self._to_unicode(base), f"toUnicode:{self.resource}"),
            }
        )
        ref = doc.Reference(type0, f"type0:{self.resource}")
        doc.idToObject["BasicFonts"].dict[self.resource] = ref
