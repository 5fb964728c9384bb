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
    r"sidebar|side-bar|copyright|toolbar|topbar|advert|banner|login|search|qrcode|ewm",
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


def _main(body: Any):
    """The element whose direct paragraphs hold the most text (outside page furniture)."""
    best, best_len = body, 0
    for el in body.iter():
        if not isinstance(el.tag, str) or _is_furniture(el):
            continue
        size = sum(len(_text(p)) for p in el if isinstance(p.tag, str) and p.tag == "p")
        if size > best_len:
            best, best_len = el, size
    return best


def _block_lines(main: Any) -> Iterator[tuple[str, str | None]]:
    """(Markdown line, None) for kept blocks, (text, reason) for captions, in order."""
    for el in main.iter(*_BLOCK_TAGS):
        if any(a.tag in _BLOCK_TAGS for a in el.iterancestors()) or _inside_furniture(el, main):
            continue
        text = _text(el)
        if not text:
            continue
        if el.tag == "figcaption":
            yield text, "photo_caption"
        elif el.tag[0] == "h" and el.tag[1:].isdigit():
            yield "#" * int(el.tag[1]) + " " + text, None
        else:
            yield ("- " + text if el.tag == "li" else text), None


def _inside_furniture(el: Any, stop: Any) -> bool:
    for a in el.iterancestors():
        if a is stop:
            return False
        if _is_furniture(a):
            return True
    return False


def _headline(doc: Any, main: Any) -> str | None:
    """The page's `<h1>` (outside the main block), else its `<title>`."""
    for h in doc.iter("h1"):
        if not _inside_furniture(h, None) and _text(h):
            return None if any(a is main for a in h.iterancestors()) else _text(h)
    title = doc.find(".//title")
    return _text(title) if title is not None and _text(title) else None


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


def _parse(path: Path):
    from lxml import html

    raw = path.read_bytes()
    try:
        doc = html.document_fromstring(raw)
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
