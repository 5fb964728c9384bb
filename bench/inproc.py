#!/usr/bin/env python3
"""In-process stage timer, run as a fresh child process per measurement by bench/run.py.

    python3 bench/inproc.py CORPUS_DIR OUT_DIR [--formats pdf,docx,json,md] [--layout book]
                            [--profile STAGE,STAGE --profile-dir DIR]

Runs the build pipeline's own functions one stage at a time (exporter.pipeline.read_and_enrich,
the glyph-coverage check, assemble, pipeline.write_one per format) and prints one JSON object:
per stage wall and CPU seconds, the process's peak RSS after the stage, pages and output bytes.
A writer that cannot be imported is reported as "unavailable", one that raises as "failed";
the other stages still run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

T = Any


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Stages:
    def __init__(self, profile: list[str], profile_dir: Path | None) -> None:
        self.results: dict[str, dict[str, Any]] = {}
        self.profile = profile
        self.profile_dir = profile_dir

    def run(self, name: str, call: Callable[[], T]) -> T | None:
        prof = cProfile.Profile() if name in self.profile else None
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            value = prof.runcall(call) if prof else call()
        except ImportError as exc:
            self.results[name] = {"status": "unavailable", "error": f"not importable: {exc}"}
            return None
        except Exception as exc:  # a broken stage is a result, not the end of the run
            tb = traceback.format_exc(limit=-3)
            self.results[name] = {"status": "failed", "error": f"{exc!r}", "traceback": tb}
            return None
        entry = {
            "status": "ok",
            "wall": time.perf_counter() - w0,
            "cpu": time.process_time() - c0,
            "rss_mib": _rss_mib(),
        }
        if prof and self.profile_dir:
            prof.dump_stats(str(self.profile_dir / f"{name}.prof"))
        self.results[name] = entry
        return value


def _writer(write_one: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    return lambda: write_one(*args, None)


def run_stages(
    corpus: Path, out: Path, formats: list[str], layout_name: str | None, stages: Stages
) -> dict[str, Any]:
    from exporter.assemble import AssembleOptions, assemble
    from exporter.coverage import missing_glyphs
    from exporter.layout.load import load_layout
    from exporter.pipeline import input_files, write_one
    from exporter.readers import read_paths

    out.mkdir(parents=True, exist_ok=True)
    layout = stages.run("layout", lambda: load_layout(layout_name))
    comp = stages.run("read", lambda: read_paths(input_files([corpus], out)[0]))
    if comp is None or layout is None:
        return {}
    from exporter.enrich import enrich

    stages.run("enrich", lambda: enrich(comp))
    stages.run("coverage", lambda: missing_glyphs(comp, layout))
    book = stages.run("assemble", lambda: assemble(comp, layout, AssembleOptions()))
    info: dict[str, Any] = {"cases_read": len(comp.cases)}
    if book is None:
        return info
    info["cases"] = len(book.case_ids)
    for fmt in formats:
        path = out / f"compendium.{fmt}"
        written = stages.run(fmt, _writer(write_one, fmt, book, layout, comp, path))
        entry = stages.results[fmt]
        if entry["status"] == "ok":
            # write_one returned the page count, now a WriteResult with .pages
            entry["pages"] = getattr(written, "pages", written)
            entry["bytes"] = path.stat().st_size
            entry["path"] = str(path)
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--formats", default="pdf,docx,json,md")
    ap.add_argument("--layout", default=None)
    ap.add_argument("--profile", default="", help="stages to run under cProfile (comma list)")
    ap.add_argument("--profile-dir", type=Path, default=None, help="where STAGE.prof goes")
    a = ap.parse_args(argv)
    start_rss = _rss_mib()
    stages = Stages([p for p in a.profile.split(",") if p], a.profile_dir)
    w0 = time.perf_counter()
    info = run_stages(a.corpus, a.out, [f for f in a.formats.split(",") if f], a.layout, stages)
    report = {
        "start_rss_mib": start_rss,
        "total_wall": time.perf_counter() - w0,
        "peak_rss_mib": _rss_mib(),
        "stages": stages.results,
        **info,
    }
    json.dump(report, sys.stdout, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
