"""Readers: input files -> case model.

Public entry points (the rest of the program uses only these):
    read_paths(paths) -> Compendium   files or folders; a bad file is recorded, never raised
    read_file(path)   -> tuple[SourceFile, list[Case]]

Pipeline of `read_file`, one module per step:
    decode (encoding, newlines, control characters) -> sentences.unfold_long_lines (a file
    saved without line breaks) -> lines (+ markdown markup; frontmatter: YAML blocks,
    callouts, HTML comments) -> rules (ordered, named line-role rules; rules/chrome for page
    furniture) -> repair (rejoin split paragraphs, hard-wrapped text) -> articles (where
    articles start: openers) -> build (sections, bylines, roundups, bulletin items, kinds)
    -> truncation, punctuation and digits (punct), warnings (checks).
    `explain` prints what each step decided (`exporter inspect --explain`).
Items printed without a headline (roundup blocks, column items, bulletin entries) get a
generated `<place>：<practice>` title from `titles`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from exporter.errors import InputError
from exporter.model import Case, Compendium, Credit, Dropped, SourceFile, Warning_
from exporter.readers import markdown
from exporter.readers.articles import Article, segment
from exporter.readers.build import Built, build_article
from exporter.readers.bylines import photo_credit_line
from exporter.readers.checks import check_line
from exporter.readers.decode import decode
from exporter.readers.formats import CONVERTERS, Converter
from exporter.readers.frontmatter import mark_metadata
from exporter.readers.ids import assign_ids, unique_ids
from exporter.readers.lines import BODY, BYLINE, NOISE, Line
from exporter.readers.repair import Unit, build_units
from exporter.readers.rules import Context, classify
from exporter.readers.rules.chrome import plain_text
from exporter.readers.rules.noise import strip_jump_tail, tail_reason
from exporter.readers.sentences import unfold_long_lines
from exporter.readers.truncation import FileFacts, has_closing, mark_truncation, top_headings

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", *CONVERTERS}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
_FORWARD_JUMP = re.compile(r"下转|转第|^[(（]?转|待续")


def expand_paths(paths: Sequence[str | Path], exclude: Path | None = None) -> Iterable[Path]:
    """Files as given; folders as their text files, sorted, skipping anything under
    `exclude` (a build's own output folder inside an input folder)."""
    skip = exclude.resolve() if exclude else None
    under: dict[Path, bool] = {}
    for p in map(_as_path, paths):
        if not p.is_dir():
            yield p
            continue
        for q in sorted(p.rglob("*")):
            if q.suffix.lower() in TEXT_SUFFIXES and q.is_file():
                if not (skip and _under(q, skip, under)):
                    yield q


def _as_path(path: str | Path) -> Path:
    """A Path as given (parsing it again into an equal Path costs time per file)."""
    return path if isinstance(path, Path) else Path(path)


def _under(path: Path, folder: Path, under: dict[Path, bool]) -> bool:
    """Whether `folder` is one of `path.resolve().parents`, each parent folder resolved once
    (a file that is no symbolic link resolves to its resolved folder plus its name)."""
    if path.is_symlink():
        return folder in path.resolve().parents
    parent = path.parent
    if parent not in under:
        real = parent.resolve()
        under[parent] = real == folder or folder in real.parents
    return under[parent]


_MD_HEADING = re.compile(r"^#{1,6}\s")


def _looks_like_markdown(path: Path, lines: list[Line]) -> bool:
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    heads = sum(1 for line in lines if _MD_HEADING.match(line.raw))
    return heads >= 2


def split_lines(text: str, markdown_file: bool) -> list[Line]:
    lines = [Line(no, raw, raw.strip()) for no, raw in enumerate(text.split("\n"), 1)]
    for line in lines:
        if "<" in line.text:
            line.text = plain_text(line, line.text)
    if markdown_file:
        for line in lines:
            if line.text:
                markdown.parse_line(line)
    return lines


@dataclass
class Analysis:
    """Everything the reader decided about one text: line roles, articles and their cases."""

    source: SourceFile
    lines: list[Line]
    articles: list[Article]
    built: list[Built]
    cases: list[Case]


def analyse_text(text: str, path: str, markdown_file: bool | None = None) -> Analysis:
    """Read already-decoded text into line roles, articles and cases (read_text's core,
    also used by `inspect --explain`)."""
    p = Path(path)
    text = unfold_long_lines(text)
    lines = split_lines(text, False)
    is_md = _looks_like_markdown(p, lines) if markdown_file is None else markdown_file
    if is_md:
        lines = split_lines(text, True)
    src = SourceFile(path=path, format="markdown" if is_md else "text")
    mark_metadata(text, lines)
    classify(Context(lines, is_md))
    tails = [
        (line.no, tail) for line in lines if line.role == BODY and (tail := strip_jump_tail(line))
    ]
    units = build_units(lines)
    noise = [line for line in lines if line.role == NOISE]
    articles, orphans = segment(units, {line.no: line.reason for line in noise})
    facts = FileFacts(path, page_jumps=sorted(_forward_jumps(noise, tails)))
    built: list[Built] = [build_article(a, facts) for a in articles]
    cases = [c for b in built for c in b.cases]
    facts.max_top_headings = max((top_headings(c) for c in cases), default=0)
    facts.closing_cases = sum(1 for c in cases if has_closing(c))
    _number_and_truncate(cases, facts)
    noise = _credit_photo_news(cases, noise)
    for b in built:
        if b.container is not None:
            b.container.cases = [c.id for c in b.cases]
            src.containers.append(b.container)
    src.dropped = _dropped(lines, noise, tails, orphans, built)
    src.warnings = [
        w
        for line in lines
        if line.text and line.role not in (NOISE, BYLINE)
        for w in check_line(line.no, line.text)
    ]
    src.cases = [c.id for c in cases]
    return Analysis(src, lines, articles, built, cases)


def read_text(
    text: str, path: str, markdown_file: bool | None = None
) -> tuple[SourceFile, list[Case]]:
    """Read already-decoded text (the testable core of `read_file`)."""
    found = analyse_text(text, path, markdown_file)
    return found.source, found.cases


def _forward_jumps(noise: list[Line], tails: list[tuple[int, str]]) -> list[int]:
    """Lines of `（下转…）`/`未完待续` markers: the text goes on elsewhere after them."""
    jumps = [
        n.no
        for n in noise
        if n.reason in ("page_jump", "end_marker") and _FORWARD_JUMP.search(n.text)
    ]
    return jumps + [no for no, tail in tails if _FORWARD_JUMP.search(tail)]


def _dropped(
    lines: list[Line],
    noise: list[Line],
    tails: list[tuple[int, str]],
    orphans: list[list[Unit]],
    built: list[Built],
) -> list[Dropped]:
    """Every line (or glued tail) left out of the model, with the reason, in file order."""
    by_no = {line.no: line for line in lines}
    dropped = [Dropped(n.no, n.raw.strip(), n.reason) for n in noise]
    # Link addresses cut from kept lines (an image line keeps its address in its own text).
    dropped += [
        Dropped(line.no, text, reason)
        for line in lines
        if line.cut and line.role != NOISE
        for text, reason in line.cut
    ]
    dropped += [Dropped(no, tail, tail_reason(tail)) for no, tail in tails]
    for run in orphans:
        for u in run:
            dropped.extend(Dropped(no, by_no[no].raw.strip(), "orphan_headline") for no in u.lines)
    for b in built:
        for u, reason in b.dropped:
            dropped.extend(Dropped(no, by_no[no].raw.strip(), reason) for no in u.lines)
    return sorted(dropped, key=lambda d: d.line)


PHOTO_NEWS_MAX_PARAGRAPHS = 3


def _credit_photo_news(cases: list[Case], noise: list[Line]) -> list[Line]:
    """A photographer's line printed under a short headlined item without a byline is that
    photo-news item's credit: move it from the dropped lines to the case."""
    credits = {n.no: n for n in noise if n.reason == "photo_credit"}
    credit_lines = sorted(credits)
    starts = sorted(c.span.first_line for c in cases if c.span)
    used: set[int] = set()
    for case in cases:
        if case.authors or case.span is None or case.title is None:
            continue  # a source-only byline (`《某报》（…）`) still leaves the author open
        if len(case.paragraphs()) > PHOTO_NEWS_MAX_PARAGRAPHS:
            continue
        last = case.span.last_line
        k = bisect.bisect_right(starts, last)
        nxt = starts[k] if k < len(starts) else 10**9
        c = bisect.bisect_right(credit_lines, last)
        line = credits[credit_lines[c]] if c < len(credit_lines) and credit_lines[c] < nxt else None
        if line is None or line.no in used:
            continue
        names = photo_credit_line(line.text) or []
        case.byline = f"{case.byline} {line.raw.strip()}" if case.byline else line.raw.strip()
        case.credits = [Credit(name, "摄影") for name in names]
        case.authors = list(names)
        case.kind = "news"
        case.span.last_line = line.no
        used.add(line.no)
    return [n for n in noise if n.no not in used]


def _number_and_truncate(cases: list[Case], facts: FileFacts) -> None:
    assign_ids(cases)  # from the text, not the file name: see readers/ids.py
    starts = sorted(c.span.first_line for c in cases if c.span)
    for case in cases:
        if case.span is None:
            continue
        k = bisect.bisect_right(starts, case.span.last_line)
        mark_truncation(case, facts, starts[k] if k < len(starts) else 10**9)


def read_file(path: Path | str) -> tuple[SourceFile, list[Case]]:
    """Read one file; raises InputError (with the byte offset) when it is not text."""
    p = _as_path(path)
    converter = CONVERTERS.get(p.suffix.lower())
    if converter is not None:
        return _read_converted(p, converter)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(p)) from exc
    decoded = decode(raw, str(p))
    src, cases = read_text(decoded.text, str(p))
    src.encoding, src.newline = decoded.encoding, decoded.newline
    src.warnings[:0] = [Warning_(None, "mixed_encoding", note) for note in decoded.notes]
    return src, cases


def _read_converted(path: Path, converter: Converter) -> tuple[SourceFile, list[Case]]:
    """A Word file, web page or PDF: its converter's Markdown through the same rules, and
    the furniture the converter left out listed as dropped (line 0: outside the text)."""
    try:
        converted = converter(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from exc
    src, cases = read_text(converted.text, str(path), markdown_file=True)
    src.format, src.encoding = converted.format, converted.format
    src.dropped[:0] = [Dropped(0, text, reason) for text, reason in converted.dropped]
    return src, cases


def read_paths(paths: Sequence[str | Path]) -> Compendium:
    comp = Compendium()
    for path in expand_paths(paths):
        try:
            src, cases = read_file(path)
        except InputError as exc:
            comp.sources.append(SourceFile(path=str(path), error=exc.reason))
            continue
        comp.sources.append(src)
        comp.cases.extend(cases)
    unique_ids(comp)
    return comp
