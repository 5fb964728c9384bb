"""Font faces for the DOCX writer: family names, glyph coverage, subsetting, obfuscation.

Word finds an embedded font by the family name in fontTable.xml, and picks the regular or
bold file by the run's weight, so a face is (family, bold). Embedded data is subset to the
characters the document sets in it and obfuscated as ECMA-376 Part 1 §17.8.1 requires.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from exporter.cache import cache_dir, stamp, write_atomic
from exporter.coverage import codepoints

# Part of the on-disk subset cache key: change it when the subset options change.
SUBSET_RECIPE = "docx-subset-1"

# Always kept in a subset: what an editor types first (ASCII, common Chinese punctuation)
# and what fields produce later (page numbers, TOC leaders).
BASE_CHARS = frozenset(
    [chr(c) for c in range(0x20, 0x7F)] + list("，。、；：？！“”‘’（）《》【】—…·　●")
)


@dataclass(frozen=True)
class Face:
    path: Path
    family: str
    bold: bool


@cache
def face(path: Path) -> Face:
    """Family name and weight, remembered on disk by the file's stamp (reading a font's
    name table costs more than the rest of a small book's font work)."""
    cached = cache_dir() / f"face-{stamp(path)}.json"
    try:
        known = json.loads(cached.read_text(encoding="utf-8"))
        return Face(path, str(known["family"]), bool(known["bold"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from fontTools.ttLib import TTFont  # only when the cache misses

    font = TTFont(path, lazy=True)
    name = font["name"]
    family = str(name.getBestFamilyName() or path.stem)
    bold = bool(font["OS/2"].fsSelection & 0x20) or font["OS/2"].usWeightClass >= 700
    font.close()
    write_atomic(cached, json.dumps({"family": family, "bold": bold}).encode("utf-8"))
    return Face(path, family, bold)


@cache
def panose(path: Path) -> str:
    """The face's PANOSE class (OS/2), as fontTable.xml writes it (20 hex digits): what
    Word matches a substitute on where the family is missing. Cached on disk."""
    cached = cache_dir() / f"panose-{stamp(path)}.txt"
    try:
        known = cached.read_text(encoding="ascii")
        if len(known) == 20:
            return known
    except (OSError, UnicodeDecodeError):
        pass
    from fontTools.ttLib import TTFont  # only when the cache misses

    font = TTFont(path, lazy=True)
    p = font["OS/2"].panose
    font.close()
    digits = [
        p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast,
        p.bStrokeVariation, p.bArmStyle, p.bLetterForm, p.bMidline, p.bXHeight,
    ]  # fmt: skip
    value = "".join(f"{d:02X}" for d in digits)
    write_atomic(cached, value.encode("ascii"))
    return value


def coverage(path: Path) -> frozenset[int]:
    """Code points the font maps (cached on disk, shared with the coverage check)."""
    return codepoints(Path(path))


def font_key(data: bytes) -> str:
    """A GUID derived from the font data, so the same input gives the same bytes."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes taken in reverse string order
    (§17.8.1); the same operation de-obfuscates."""
    hex_digits = key.strip("{}").replace("-", "")
    key_bytes = bytes.fromhex(hex_digits)[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@cache
def _file_digest(path: Path) -> str:
    """SHA-256 of a font file, remembered on disk by the file's stamp (hashing a large
    CJK face on every build costs more than the rest of the font work)."""
    cached = cache_dir() / f"sha256-{stamp(path)}.txt"
    try:
        known = cached.read_text(encoding="ascii")
        if len(known) == 64:
            return known
    except (OSError, UnicodeDecodeError):
        pass
    with open(path, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    write_atomic(cached, digest.encode("ascii"))
    return digest


@cache
def _subset_cached(path: Path, chars: frozenset[int]) -> bytes:
    """Subsets are cached on disk by font content and code points: rebuilding a book
    (the usual edit loop) then costs no font work at all."""
    key = hashlib.sha256(
        f"{SUBSET_RECIPE}:{_file_digest(path)}:{','.join(map(str, sorted(chars)))}".encode()
    ).hexdigest()
    cached = cache_dir() / f"subset-{key[:40]}.ttf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = _make_subset(path, chars)
    write_atomic(cached, data)
    return data


def _make_subset(path: Path, chars: frozenset[int]) -> bytes:
    """The font reduced to the given characters (with fontTools), glyph programs and bounds
    kept as they are, ready to embed."""
    from fontTools import subset  # a large import, needed only when the cache misses
    from fontTools.ttLib import TTFont

    options = subset.Options()
    # Keep glyph programs as they are and the font's bounding box: no glyph is recompiled,
    # which halves the time (a CJK face subsets in under a second).
    options.hinting = True
    options.recalc_bounds = False
    options.recalc_timestamp = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables = [*options.drop_tables, "FFTM"]
    # lazy: only the glyphs kept are decompiled (a 30 MB font subsets in under a second)
    font = TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    if font["post"].formatType == 3.0:
        # The file stores no glyph names: numbered ones spare fontTools deriving a name
        # for every glyph from the cmap (a third of the time); the saved bytes are the same.
        count = font["maxp"].numGlyphs
        font.setGlyphOrder([".notdef", *(f"g{i}" for i in range(1, count))])
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def subset_font(path: Path, chars: set[str]) -> bytes:
    """The font reduced to `chars` plus BASE_CHARS (only those it has)."""
    wanted = {ord(c) for c in chars | BASE_CHARS} & coverage(path)
    return _subset_cached(path, frozenset(wanted))


def covers(path: Path, char: str) -> bool:
    return ord(char) in coverage(path)
