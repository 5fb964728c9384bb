"""Builds running at once on threads of one process each get their own book in the writer
processes they fork (each pool hands its book to its processes: see exporter.stages.write)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pypdf import PdfReader

from exporter import pipeline
from exporter.pipeline import BuildOptions
from exporter.stages import write

ROOT = Path(__file__).resolve().parents[2]


def _build(src: list[Path], out: Path) -> bytes:
    opts = BuildOptions(output=out, formats=("pdf", "docx"), jobs=2)
    result = pipeline.build(src, opts)
    assert result.exit_code in (0, 1) and not result.errors
    return (out / "compendium.pdf").read_bytes()


def test_threaded_builds_keep_their_own_books(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "input").glob("*.txt"))
    jobs = {"one": seeds[:1], "all": seeds}
    alone = {name: _build(src, tmp_path / f"alone-{name}") for name, src in jobs.items()}
    with ThreadPoolExecutor(2) as threads:
        together = {
            name: threads.submit(_build, src, tmp_path / f"together-{name}")
            for name, src in jobs.items()
        }
        results = {name: fut.result() for name, fut in together.items()}
    assert results == alone  # each thread's writers set its own book, byte for byte
    pages = {
        name: len(PdfReader(tmp_path / f"together-{name}" / "compendium.pdf").pages)
        for name in jobs
    }
    assert pages["one"] < pages["all"]
    assert write._RECEIVED is None  # the book lives in the writer processes only
