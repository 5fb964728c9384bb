"""Metadata blocks written by crawlers and clippers around the text: YAML front matter and
note-taking callouts. They describe a page; none of their lines is article text.

    ---                          <- opens: a `---` line whose next line is `key: value`
    title: "某某街道的议事会"
    tags: [社区, 议事]
      - an indented list item    <- YAML continuation lines
    ---                          <- closes

Every line of a block becomes a noise line (`front_matter`), so it is listed as dropped.
"""

from __future__ import annotations

import re

from exporter.readers.lines import NOISE, Line

_FENCE = re.compile(r"^-{3}\s*$")
# A YAML key: an identifier (or a short Han word, as clippers write `网址:`) and a colon.
_KEY = re.compile(r"^[A-Za-z_][\w-]{0,30}\s*:(?:\s|$)|^[\u4e00-\u9fff]{1,6}\s*[:：]\s")
_CONTINUATION = re.compile(r"^(?:\s+\S|-\s)")
BLOCK_MAX = 60  # lines a front-matter block may span (a longer one is not metadata)


def _block_end(lines: list[Line], start: int) -> int | None:
    """Index of the closing fence of a block opened at `start`, else None."""
    first = lines[start + 1].raw if start + 1 < len(lines) else ""
    if not _KEY.match(first):
        return None
    for k in range(start + 1, min(len(lines), start + BLOCK_MAX)):
        raw = lines[k].raw
        if _FENCE.match(raw):
            return k
        if raw.strip() and not (_KEY.match(raw) or _CONTINUATION.match(raw)):
            return None
    return None


def mark_front_matter(lines: list[Line]) -> None:
    """Mark every line of each front-matter block as noise, in place.

    >>> from exporter.readers.lines import Line
    >>> texts = ["---", "date: 2024-05-01", "---", "正文。"]
    >>> ls = [Line(n, t, t.strip()) for n, t in enumerate(texts, 1)]
    >>> mark_front_matter(ls)
    >>> [(line.role, line.reason) for line in ls]
    [('noise', 'front_matter'), ('noise', 'front_matter'), ('noise', 'front_matter'), ('', '')]
    """
    i = 0
    while i < len(lines):
        end = _block_end(lines, i) if _FENCE.match(lines[i].raw) else None
        if end is None:
            i += 1
            continue
        for line in lines[i : end + 1]:
            if line.text or line.raw.strip():
                line.text = line.text or line.raw.strip()
                line.role, line.reason = NOISE, "front_matter"
        i = end + 1


_CALLOUT = re.compile(r"^\s{0,3}>\s*\[![A-Za-z]+\]")
_QUOTED = re.compile(r"^\s{0,3}>")


def mark_callouts(lines: list[Line]) -> None:
    """`> [!NOTE]` and the quoted lines under it: a note the clipper's user added.

    >>> from exporter.readers.lines import Line
    >>> texts = ["> [!NOTE]", "> 自己的备注", "正文。"]
    >>> ls = [Line(n, t, t.strip()) for n, t in enumerate(texts, 1)]
    >>> mark_callouts(ls)
    >>> [line.reason for line in ls]
    ['clipper_note', 'clipper_note', '']
    """
    inside = False
    for line in lines:
        if _CALLOUT.match(line.raw):
            inside = True
        elif not _QUOTED.match(line.raw):
            inside = False
        if inside:
            line.role, line.reason = NOISE, "clipper_note"


def mark_comments(lines: list[Line]) -> None:
    """`<!-- … -->` lines: an HTML comment (an editor's or a CMS's note), never text, even
    when it spans lines.

    >>> from exporter.readers.lines import Line
    >>> texts = ["<!-- 备注", "仍是备注 -->", "正文。"]
    >>> ls = [Line(n, t, t.strip()) for n, t in enumerate(texts, 1)]
    >>> mark_comments(ls)
    >>> [line.reason for line in ls]
    ['html_comment', 'html_comment', '']
    """
    inside = False
    for line in lines:
        raw = line.raw.strip()
        if not inside and not raw.startswith("<!--"):
            continue
        inside = True
        if raw:
            line.text = line.text or raw
            line.role, line.reason = NOISE, "html_comment"
        if raw.endswith("-->"):
            inside = False


def mark_metadata(text: str, lines: list[Line]) -> None:
    """Front matter, callouts and HTML comments, each looked for only where its marker
    (`---`, `[!`, `<!--`) is in the text at all: most texts have none, and the line scans
    cost more than the three substring tests.

    >>> from exporter.readers.lines import Line
    >>> texts = ["<!-- 备注 -->", "正文。"]
    >>> ls = [Line(n, t, t.strip()) for n, t in enumerate(texts, 1)]
    >>> mark_metadata("\\n".join(texts), ls)
    >>> [line.reason for line in ls]
    ['html_comment', '']
    """
    if "---" in text:
        mark_front_matter(lines)
    if "[!" in text:
        mark_callouts(lines)
    if "<!--" in text:
        mark_comments(lines)
