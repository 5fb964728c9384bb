"""The one list of output formats: each writer's name, file suffix, weight and function.

The build, the CLI (`--format` and its help) and the batch jobs check all read this
table, so a new format is one `register(Writer(...))` call. Writer modules are imported
only when a format is written (or warmed up), so listing the formats stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exporter.writers import WriteResult

if TYPE_CHECKING:
    from exporter.assemble.plan import Book
    from exporter.layout.model import Layout
    from exporter.model import Compendium

# Every writer is called the same way: (book, layout, comp, out, embed_fonts).
WriteFn = Callable[["Book", "Layout", "Compendium | None", Path, "bool | str | None"], WriteResult]
WarmFn = Callable[["Layout"], None]


@dataclass(frozen=True)
class Writer:
    name: str  # the `--format` value
    suffix: str  # file name suffix, without the dot
    write: WriteFn
    heavy: bool = False  # worth a process of its own (seconds, not milliseconds)
    typeset: bool = False  # draws glyphs from the layout's fonts: check their coverage first
    needs_compendium: bool = False  # needs the case model, not only the book plan
    warm: WarmFn | None = None  # preload in the main process before writer processes fork


_WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    """Add (or replace) a format; the order of registration is the order of listing."""
    _WRITERS[writer.name] = writer
    return writer


def unregister(name: str) -> None:
    _WRITERS.pop(name, None)


def formats() -> tuple[str, ...]:
    return tuple(_WRITERS)


def get(name: str) -> Writer:
    return _WRITERS[name]


def heavy(names: Sequence[str]) -> list[str]:
    return [n for n in names if _WRITERS[n].heavy]


def typeset(names: Sequence[str]) -> bool:
    return any(_WRITERS[n].typeset for n in names)


def unknown(names: Sequence[str]) -> list[str]:
    return [n for n in names if n not in _WRITERS]


def _write_pdf(
    book: Book, layout: Layout, comp: Compendium | None, out: Path, embed: bool | str | None
) -> WriteResult:
    from exporter.writers.pdf import write_pdf

    return write_pdf(book, layout, out)


def _warm_pdf(layout: Layout) -> None:
    from exporter.errors import ExporterError
    from exporter.writers.pdf.styles import StyleSheet

    sheet = StyleSheet(layout)
    try:
        for role in layout.styles:
            sheet[role]  # compiles the style: loads its font chain (cached per process)
    except (ExporterError, OSError):
        pass  # a broken font is the PDF writer's error to report, with the other formats


def _write_docx(
    book: Book, layout: Layout, comp: Compendium | None, out: Path, embed: bool | str | None
) -> WriteResult:
    from exporter.writers.docx import write_docx

    return write_docx(book, layout, out, embed_fonts=embed)


def _warm_docx(layout: Layout) -> None:
    import exporter.writers.docx  # noqa: F401


def _write_json(
    book: Book, layout: Layout, comp: Compendium | None, out: Path, embed: bool | str | None
) -> WriteResult:
    from exporter.writers.json_writer import write_json

    if comp is None:
        raise ValueError("the JSON writer needs the compendium")
    write_json(comp, book, layout, out)
    return WriteResult(out, "json")


def _write_md(
    book: Book, layout: Layout, comp: Compendium | None, out: Path, embed: bool | str | None
) -> WriteResult:
    from exporter.writers.md_writer import write_md

    write_md(book, layout, out)
    return WriteResult(out, "md")


register(Writer("pdf", "pdf", _write_pdf, heavy=True, typeset=True, warm=_warm_pdf))
register(Writer("docx", "docx", _write_docx, heavy=True, typeset=True, warm=_warm_docx))
register(Writer("json", "json", _write_json, needs_compendium=True))
register(Writer("md", "md", _write_md))
