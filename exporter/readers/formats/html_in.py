"""Saved web pages of news and government sites: the page's headline, its date/source line
and the text of the main content; navigation, share bars, related links, footers and
captions are listed as dropped.

The main content is found by text density (our own rule; no extraction library fits these
pages and the reader's own chrome rules run afterwards): the element whose direct
paragraph children hold the most text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.readers.formats import Converted

_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "svg", "template", "button")
_FURNITURE_TAGS = ("nav", "header", "footer", "aside")
_FURNITURE_NAMES = re.compile(
    r"nav|menu|breadcrumb|crumb|footer|foot|header|share|social|comment|related|recommend|"
    r"sidebar|side-bar|copyright|toolbar|topbar|bottom|advert|banner|login|search|qrcode|ewm",
    re.I,
)
_META_NAMES = re.compile(r"info|meta|source|date|time|author|byline|attr|laiyuan|ly", re.I)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre")
_SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")


def _text(el: Any) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


def _names(el: Any) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_furniture(el: Any) -> bool:
    return el.tag in _FURNITURE_TAGS or bool(_FURNITURE_NAMES.search(_names(el)))


# Elements that hold blocks of their own: their loose text is split at `<br>` into lines.
_CONTAINER_TAGS = (
    "div", "td", "th", "tr", "tbody", "thead", "table", "section", "article", "main",
    "center", "body", "ul", "ol", "dl", "dd", "dt", "figure",
)  # fmt: skip
_LINK_TAGS = ("a",)


def _loose_text(el: Any) -> int:
    """Length of the text an element holds outside its blocks and links: its own text, the
    tails of its children and the text of inline children (a `<br>`-separated article)."""
    size = len((el.text or "").strip())
    for child in el:
        if not isinstance(child.tag, str):
            size += len((child.tail or "").strip())
            continue
        if child.tag not in _BLOCK_TAGS and child.tag not in _CONTAINER_TAGS:
            if child.tag not in _LINK_TAGS:
                size += len(_text(child))
        size += len((child.tail or "").strip())
    return size


def _main(body: Any):
    """The element whose direct paragraphs and loose text hold the most text (outside page
    furniture)."""
    best, best_len = body, 0
    for el in body.iter():
        if not isinstance(el.tag, str) or _is_furniture(el):
            continue
        size = sum(len(_text(p)) for p in el if isinstance(p.tag, str) and p.tag == "p")
        if el.tag in _CONTAINER_TAGS or el.tag == "p":
            size += _loose_text(el) if el.tag != "p" else 0
        if size > best_len:
            best, best_len = el, size
    return best


def _block_line(el: Any) -> Iterator[tuple[str, str | None]]:
    """A block's line; a paragraph broken with `<br>` is one line per part."""
    text = _text(el)
    if not text:
        return
    if el.tag == "figcaption":
        yield text, "photo_caption"
    elif el.tag[0] == "h" and el.tag[1:].isdigit():
        yield "#" * int(el.tag[1]) + " " + text, None
    elif el.tag == "li":
        yield "- " + text, None
    elif el.find(".//br") is not None:
        for br in el.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for part in el.text_content().split("\n"):
            part = _SPACE.sub(" ", part).strip()
            if part:
                yield part, None
    else:
        yield text, None


def _has_blocks(el: Any) -> bool:
    return any(
        isinstance(d.tag, str)
        and (d.tag in _BLOCK_TAGS or d.tag in _CONTAINER_TAGS or d.tag == "br")
        for d in el.iterdescendants()
    )


def _block_lines(main: Any) -> Iterator[tuple[str, str | None]]:
    """(Markdown line, None) for kept blocks and `<br>`-separated lines, (text, reason) for
    captions, in document order."""
    loose: list[str] = [main.text or ""]

    def flush() -> Iterator[tuple[str, str | None]]:
        for part in "".join(loose).split("\n"):
            text = _SPACE.sub(" ", part).strip()
            if text:
                yield text, None
        loose.clear()

    for child in main:
        if not isinstance(child.tag, str):  # a comment
            loose.append(child.tail or "")
            continue
        if child.tag == "br":
            loose.append("\n")
        elif _is_furniture(child):
            yield from flush()
            loose.append("\n")
        elif child.tag in _BLOCK_TAGS:
            yield from flush()
            yield from _block_line(child)
            loose.append("\n")
        elif child.tag in _CONTAINER_TAGS or _has_blocks(child):
            yield from flush()
            yield from _block_lines(child)
            loose.append("\n")
        else:  # inline: strong, span, font, a, img
            loose.append(_SPACE.sub(" ", child.text_content()))
        loose.append(child.tail or "")
    yield from flush()


def _inside_furniture(el: Any, stop: Any) -> bool:
    for a in el.iterancestors():
        if a is stop:
            return False
        if _is_furniture(a):
            return True
    return False


_HEADLINE_TAGS = ("h1", "h2", "h3", "b", "strong", "font", "td", "div", "span", "p")
HEADLINE_MIN = 4  # characters: a shorter part of the <title> is no headline


def _headline(doc: Any, main: Any) -> str | None:
    """The page's `<h1>` (outside the main block); else the longest text outside it that
    prints the <title> or a part of it (a table-layout page's bold headline); else the
    <title>."""
    for h in doc.iter("h1"):
        if not _inside_furniture(h, None) and _text(h):
            return None if any(a is main for a in h.iterancestors()) else _text(h)
    title_el = doc.find(".//title")
    title = _text(title_el) if title_el is not None else ""
    best = ""
    if title:
        for el in doc.iter(*_HEADLINE_TAGS):
            text = _text(el)
            if len(text) < max(HEADLINE_MIN, len(best) + 1) or text not in title or el is main:
                continue
            if any(a is main for a in el.iterancestors()) or _inside_furniture(el, None):
                continue
            best = text  # the longest part of the title that the page prints
    return best or title or None


def _meta_lines(doc: Any, main: Any) -> list[str]:
    """Short date/source/author lines printed between the headline and the text."""
    out: list[str] = []
    for el in doc.iter("div", "p", "span"):
        if any(a is main for a in el.iterancestors()) or el is main:
            continue
        if _META_NAMES.search(_names(el)) and not _is_furniture(el):
            text = _text(el)
            if 0 < len(text) <= 80 and text not in out and not any(text in o for o in out):
                out.append(text)
    return out[:3]


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Pages that say GB2312 or GBK are written in their superset more often than not.
_GB_NAMES = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "gb18030"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")


def _decode(raw: bytes, path: Path) -> str:
    """The page's text: by its byte-order mark, else its meta charset (GB2312 and GBK read
    as GB18030), else as the reader decodes plain text (UTF-8, else GB18030)."""
    from exporter.readers.decode import decode

    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, "replace")
    m = _CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            return raw.decode("gb18030" if name in _GB_NAMES else name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: look at the bytes instead
    return decode(raw, str(path)).text


def _parse(path: Path):
    from lxml import html

    text = _XML_DECL.sub("", _decode(path.read_bytes(), path))
    try:
        doc = html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError or ValueError on empty/broken input
        raise InputError(f"not a readable HTML page ({type(exc).__name__})", str(path)) from exc
    for el in list(doc.iter(*_DROP_TAGS)):
        el.drop_tree()
    return doc


def _furniture(doc: Any, main: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for el in doc.iter():
        if isinstance(el.tag, str) and _is_furniture(el) and not _inside_furniture(el, None):
            text = _text(el)
            if text and not any(a is main for a in el.iterancestors()):
                out.append((text[:200], "page_navigation"))
    return out


def convert(path: Path) -> Converted:
    """A saved web page as Markdown: `# headline`, meta lines, then the main text."""
    doc = _parse(path)
    body = doc.find("body") if doc.find("body") is not None else doc
    main = _main(body)
    lines: list[str] = []
    dropped = _furniture(doc, main)
    title = _headline(doc, main)
    if title:
        lines.append(f"# {title}")
    lines += _meta_lines(doc, main)
    for text, reason in _block_lines(main):
        if reason:
            dropped.append((text, reason))
        else:
            lines.append(text)
    if not any(not line.startswith("#") for line in lines):
        raise InputError("the web page holds no article text", str(path))
    return Converted("\n\n".join(lines) + "\n", "html", dropped)
