"""Time the review sheet against the JSON writer on the same compendium, same process.

Usage: python bench/review_bench.py CORPUS [--repeat 3] [--out /tmp/review_bench]
       (a corpus from `python3 bench/corpus.py 1000 /tmp/rvcorpus`)
Reads and enriches CORPUS once, then per round: assembly, the JSON writer, the review
sheet written new and merged into the existing one (`exporter review` run again).
Prints the median wall seconds of each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from exporter.assemble import assemble
from exporter.editorial.make import sheet_for
from exporter.layout.load import load_layout
from exporter.pipeline import read_and_enrich
from exporter.writers.json_writer import write_json


def _timed(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path("/tmp/review_bench"))
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    comp, _errors, _t = read_and_enrich([a.corpus], jobs=1)
    print(f"{len(comp.cases)} cases, read+enrich {time.perf_counter() - t0:.2f} s")
    layout = load_layout("book")
    sheet = a.out / "review.xlsx"
    rounds: dict[str, list[float]] = {"assemble": [], "json": [], "sheet": [], "update": []}
    book = assemble(comp, layout)
    for _ in range(a.repeat):
        rounds["assemble"].append(_timed(lambda: assemble(comp, layout)))
        rounds["json"].append(_timed(lambda: write_json(comp, book, layout, a.out / "c.json")))
        sheet.unlink(missing_ok=True)
        rounds["sheet"].append(_timed(lambda: sheet_for(comp, sheet, "theme")))
        rounds["update"].append(_timed(lambda: sheet_for(comp, sheet, "theme")))
    for name, times in rounds.items():
        spread = ", ".join(f"{t:.2f}" for t in times)
        print(f"{name:9} {statistics.median(times):.2f} s  ({spread})")
    ratio = statistics.median(rounds["sheet"]) / statistics.median(rounds["json"])
    print(f"sheet / json writer: {ratio:.1f}")


if __name__ == "__main__":
    main()
