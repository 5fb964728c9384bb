"""Time the PDF writer on a large book: the seed chapters repeated until ~N pages.

Usage: python bench/pdf_bench.py [--pages 700] [--layout book] [--repeat 3] [--profile]
       python bench/pdf_bench.py --corpus bench/out/corpus/n1000-s8   # a bench/corpus.py book
Prints pages, seconds and pages per second of `write_pdf` alone (reading, enrichment and
assembly are not timed) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import pstats
import resource
import time
from pathlib import Path

from exporter import inspect
from exporter.assemble import assemble
from exporter.assemble.plan import Book, Heading, Para
from exporter.layout.load import load_layout
from exporter.layout.model import Layout
from exporter.writers.pdf import write_pdf


def repeated(book: Book, times: int) -> Book:
    """The book with its chapter parts repeated `times` times (anchors made unique)."""
    chapters = [p for p in book.parts if p.kind == "chapter"]
    last = max(i for i, p in enumerate(book.parts) if p.kind == "chapter")
    extra = []
    for n in range(1, times):
        for part in chapters:
            clone = copy.deepcopy(part)
            for b in clone.blocks:
                if isinstance(b, (Heading, Para)) and b.anchor:
                    b.anchor = f"{b.anchor}-r{n}"
            extra.append(clone)
    parts = book.parts[: last + 1] + extra + book.parts[last + 1 :]
    return Book(book.meta, parts, book.case_ids)


def corpus_book(folder: Path, layout: Layout) -> Book:
    """The book `exporter build` makes of a corpus folder (read, enrich, assemble)."""
    from exporter.assemble import AssembleOptions
    from exporter.enrich import enrich
    from exporter.pipeline import input_files
    from exporter.readers import read_paths

    comp = read_paths(input_files([folder], None)[0])
    enrich(comp)
    return assemble(comp, layout, AssembleOptions())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=700)
    ap.add_argument("--layout", default="book")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--out", default="/tmp/pdf_bench.pdf")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sort", default="tottime", help="profile order: tottime or cumulative")
    ap.add_argument("--corpus", type=Path, help="a corpus folder: its book instead of --pages")
    a = ap.parse_args()
    layout = load_layout(a.layout)
    if a.corpus:
        big = corpus_book(a.corpus, layout)
    else:
        book = assemble(inspect(["input"]), layout)
        probe = write_pdf(book, layout, Path(a.out))  # also warms the font caches
        chapter_pages = max(1, (probe.pages or 1) - 12)
        times = max(1, round(a.pages / chapter_pages))
        big = repeated(book, times)
    prof = cProfile.Profile() if a.profile else None
    walls, cpus = [], []
    pages = 0
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        result = write_pdf(big, layout, Path(a.out))
        if prof:
            prof.disable()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        pages = result.pages or 0
    dt, cpu = min(walls), min(cpus)
    print(
        f"{a.layout}: {pages} pages, best of {a.repeat}: {dt:.2f} s wall = {pages / dt:.0f} "
        f"pages/s; {cpu:.2f} s CPU = {pages / cpu:.0f} pages/s; "
        f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    if prof:
        pstats.Stats(prof).sort_stats(a.sort).print_stats(30)


if __name__ == "__main__":
    main()
