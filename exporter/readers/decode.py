"""Bytes -> text: detect the encoding, normalise newlines, strip control characters.

Detection order: byte-order marks (UTF-8, UTF-16, UTF-32), then strict UTF-8, then strict
GB18030. A file is rejected (InputError with the byte offset) when it holds NUL bytes without a
UTF-16 mark, or when neither UTF-8 nor GB18030 decodes it. A file that is clearly UTF-8 up to a
bad byte is reported at that byte instead of being misread as GB18030 mojibake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0/C1 controls except \t and \n (\r is handled as a newline first), plus invisible format
# characters that break writers (zero-width space, stray BOMs, line/paragraph separators).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
# Multi-byte UTF-8 sequences needed before a failure counts as "UTF-8 with a bad byte".
_UTF8_EVIDENCE = 8


@dataclass
class Decoded:
    text: str
    encoding: str
    newline: str  # LF | CRLF | CR
    notes: list[str] = field(default_factory=list)  # what decoding had to assume, with offsets


MIXED = "utf-8+gb18030"


_READABLE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\x20-\x7e\n\r\t“”‘’—…·]")
UTF16_READABLE = 0.9  # share of characters that must be Chinese text, ASCII or punctuation


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a mark: of the two byte orders, the one that reads as Chinese
    text. (Zero bytes alone do not tell: `一` is 00 4E in UTF-16-LE, so both halves of the
    code units can hold zeros.)"""
    if len(raw) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or not re.search(r"[\u4e00-\u9fff]", text):
            continue
        share = len(_READABLE.findall(text)) / max(1, len(text))
        if share >= UTF16_READABLE and (best is None or share > best[0]):
            best = (share, name, text)
    return (best[1], best[2]) if best else None


def _plausible_simplified(text: str) -> bool:
    """Simplified Chinese decoded as GB18030 is almost all GB2312; Big5 bytes read as GB18030
    give many characters outside it."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"][:2000]
    if len(han) < 20:
        return True
    outside = 0
    for ch in han:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            outside += 1
    return outside / len(han) < 0.2


def _utf8_evidence(raw: bytes, end: int) -> int:
    return sum(1 for b in raw[:end] if 0xC2 <= b <= 0xF4)


def detect(raw: bytes, path: str = "") -> tuple[str, str]:
    """Return (encoding name, decoded text) or raise InputError naming the failing offset."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {name} text at byte offset {exc.start + len(bom)}", path
                ) from exc
            return name, text
    nul = raw.find(b"\x00")
    if nul >= 0:
        guessed = _utf16_without_bom(raw)
        if guessed:
            return guessed
        raise InputError(f"binary file (NUL byte at byte offset {nul})", path)
    try:
        return "utf-8", raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    mixed = _mixed_lines(raw)
    if mixed is not None:
        return MIXED, mixed
    if _utf8_evidence(raw, utf8_error.start) >= _UTF8_EVIDENCE:
        raise InputError(
            f"invalid UTF-8 at byte offset {utf8_error.start} (the text before it is UTF-8)", path
        )
    try:
        text = raw.decode("gb18030")
        if not _plausible_simplified(text):
            try:
                return "big5", raw.decode("big5")
            except UnicodeDecodeError:
                pass
        return "gb18030", text
    except UnicodeDecodeError as exc:
        offset = max(exc.start, utf8_error.start)
        raise InputError(
            f"undecodable text (neither UTF-8 nor GB18030) at byte offset {offset}", path
        ) from exc


def _mixed_lines(raw: bytes) -> str | None:
    """Lines pasted together from UTF-8 and GBK sources: each line decoded on its own, when
    some lines are UTF-8 with Chinese in them and the others all decode as GB18030."""
    out: list[str] = []
    utf8_han = gbk = 0
    for chunk in raw.split(b"\n"):
        try:
            line = chunk.decode("utf-8")
            utf8_han += not chunk.isascii()
        except UnicodeDecodeError:
            try:
                line = chunk.decode("gb18030")
            except UnicodeDecodeError:
                return None
            gbk += 1
        out.append(line)
    if not (utf8_han and gbk):
        return None
    text = "\n".join(out)
    return text if _plausible_simplified(text) else None


def _first_gbk_offset(raw: bytes) -> int:
    """Byte offset of the first line that is not UTF-8 (where the encoding changes)."""
    pos = 0
    for chunk in raw.split(b"\n"):
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            return pos
        pos += len(chunk) + 1
    return pos


def decode(raw: bytes, path: str = "") -> Decoded:
    encoding, text = detect(raw, path)
    notes: list[str] = []
    if encoding == MIXED:
        notes.append(
            f"mixed encodings: UTF-8 lines and GB18030 lines (the first GB18030 line starts at "
            f"byte offset {_first_gbk_offset(raw)}); each line was decoded on its own"
        )
    if "\r\n" in text:
        newline = "CRLF"
    elif "\r" in text:
        newline = "CR"
    else:
        newline = "LF"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return Decoded(text=text, encoding=encoding, newline=newline, notes=notes)
