"""`exporter inspect --explain FILE`: why the reader read a file the way it did.

Per line its role and the rule that gave it; per article the cue that opened it where it
starts; per case the cues that chose its kind. Plain text for a person, one line each.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from exporter.model import Case
from exporter.readers import Analysis, analyse_text
from exporter.readers.articles import Article
from exporter.readers.decode import decode
from exporter.readers.kinds import KindFacts, explain_kind

TEXT_WIDTH = 56  # characters of each line's text shown


def _article_start(art: Article) -> int | None:
    lines = [n for u in art.items for n in u.lines]
    if art.header is not None:
        b = art.header.block
        for u in [*b.title_units, b.rubric_unit, b.byline_unit]:
            if u is not None:
                lines.extend(u.lines)
    return min(lines) if lines else None


def _kind_line(case: Case) -> str:
    paras = [p.text for p in case.paragraphs()]
    submitted = any(c.role == "申报单位" for c in case.credits)
    photo = case.kind == "news" and any(c.role == "摄影" for c in case.credits)
    facts = KindFacts(
        paras,
        case.rubric,
        case.title,
        any(s.heading for s in case.sections),
        submitted,
        photo,
        case.parent is not None,
    )
    cues = ", ".join(f"{name}→{kind} {w:g}" for name, kind, w in explain_kind(facts))
    title = ("*" if case.title_generated else "") + (case.title or "（无标题）")
    return f"case {case.id} [{case.kind}] {title[:30]} — kind cues: {cues}"


def _markers(found: Analysis) -> dict[int, list[str]]:
    """Notes printed before a line: the articles (and their cases) that start there."""
    notes: dict[int, list[str]] = {}
    for n, (art, built) in enumerate(zip(found.articles, found.built, strict=True), 1):
        start = _article_start(art)
        if start is None:
            continue
        why = art.opened.describe() if art.opened else "opens an article"
        out = notes.setdefault(start, [])
        out.append(f"▸ article {n} {why}")
        out.extend(f"  → {_kind_line(c)}" for c in built.cases)
        if built.container is not None:
            out.append("  → container (editor's note or roundup furniture, not a case)")
    return notes


def explain_analysis(found: Analysis) -> Iterator[str]:
    src = found.source
    yield f"== {src.path} ({src.format}, {len(found.cases)} cases)"
    notes = _markers(found)
    for line in found.lines:
        for note in notes.get(line.no, []):
            yield f"        {note}"
        if line.text:
            text = line.text[:TEXT_WIDTH]
            yield f"{line.no:6} {line.role:7} {line.reason:24} {text}"
    for d in src.dropped:
        if d.reason in ("orphan_headline",) or d.reason.startswith("photo_caption_unlabelled"):
            yield f"        dropped later: line {d.line} ({d.reason})"


def explain_file(path: Path) -> Iterator[str]:
    """The explanation of one input file (raises InputError when it is not text)."""
    decoded = decode(path.read_bytes(), str(path))
    found = analyse_text(decoded.text, str(path))
    found.source.encoding = decoded.encoding
    yield from explain_analysis(found)
