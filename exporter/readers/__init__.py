"""Readers: input files -> case model.

Public entry points (the rest of the program uses only these):
    read_paths(paths) -> Compendium   files or folders; a bad file is recorded, never raised
    read_file(path)   -> tuple[SourceFile, list[Case]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from exporter.model import Case, Compendium, Paragraph, Section, SourceFile, Span

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def expand_paths(paths: Sequence[str | Path]) -> Iterable[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield p


def read_file(path: Path) -> tuple[SourceFile, list[Case]]:
    # Thin first slice: one case per file, one paragraph per non-blank line.
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    src = SourceFile(path=str(path), encoding="utf-8")
    paras = [
        Paragraph(line.strip(), Span(str(path), i, i))
        for i, line in enumerate(text.splitlines(), 1)
        if line.strip()
    ]
    case = Case(id=f"{path.stem}-01", source=str(path), title=paras[0].text if paras else None)
    case.sections = [Section(None, 1, paras[1:], Span(str(path), 1, len(paras)))]
    src.cases = [case.id]
    return src, [case]


def read_paths(paths: Sequence[str | Path]) -> Compendium:
    comp = Compendium()
    for path in expand_paths(paths):
        try:
            src, cases = read_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            comp.sources.append(SourceFile(path=str(path), error=str(exc)))
            continue
        comp.sources.append(src)
        comp.cases.extend(cases)
    return comp
