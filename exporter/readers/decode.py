"""Bytes -> text: detect the encoding, normalise newlines, strip control characters.

Detection order: byte-order marks (UTF-8, UTF-16, UTF-32), then strict UTF-8, then strict
GB18030. A file is rejected (InputError with the byte offset) when it holds NUL bytes without a
UTF-16 mark, or when neither UTF-8 nor GB18030 decodes it. A file that is clearly UTF-8 up to a
bad byte is reported at that byte instead of being misread as GB18030 mojibake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a mark: NULs only in the high byte of ASCII characters."""
    if len(raw) % 2:
        return None
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and not other:
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if re.search(r"[\u4e00-\u9fff]", text) and "\x00" not in text:
                return name, text
    return None


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


def decode(raw: bytes, path: str = "") -> Decoded:
    encoding, text = detect(raw, path)
    if "\r\n" in text:
        newline = "CRLF"
    elif "\r" in text:
        newline = "CR"
    else:
        newline = "LF"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return Decoded(text=text, encoding=encoding, newline=newline)
