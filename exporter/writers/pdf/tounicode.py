"""ToUnicode CMaps that keep characters outside the BMP.

reportlab 5.1 writes each subset's ToUnicode entry as `<%04X>`, which truncates code points
above U+FFFF (𠮷 U+20BB7 is extracted as U+20BB, 😀 as U+1F60). PDF wants UTF-16BE there,
with a surrogate pair for such characters, and at most 100 entries per bfchar block. The
writer installs this function in place of reportlab's when it is imported.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

BLOCK = 100  # entries per beginbfchar block (PDF 32000-1 §9.10.3)


def utf16_hex(cp: int) -> str:
    if cp < 0x10000:
        return f"{cp:04X}"
    v = cp - 0x10000
    return f"{0xD800 + (v >> 10):04X}{0xDC00 + (v & 0x3FF):04X}"


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap stream for the code-to-text pairs, in bfchar blocks of at most 100."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(subset), BLOCK):
        chunk = subset[start : start + BLOCK]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{start + i:02X}> <{utf16_hex(cp)}>" for i, cp in enumerate(chunk)]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def install() -> None:
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
