#!/usr/bin/env python3
"""Benchmark `exporter build` per stage and against Typst and pandoc on the same book.

    python3 bench/run.py                         # quick: N=100, 1 round (about a minute)
    python3 bench/run.py -n 1000 --repeat 3      # the issue-8 figures
    python3 bench/run.py -n 1000 10000 --stages pdf --peers typst
    python3 bench/run.py -n 1000 --profile pdf,docx   # + cProfile of stages, top functions

Per N: a deterministic corpus of N distinct cases (bench/corpus.py, cached in bench/out/corpus),
then R rounds, each run in this order so ours and the peers see the same machine load:
  1. ours in-process: bench/inproc.py in a fresh process times read, enrich, coverage,
     assemble and each writer (wall, CPU, peak RSS after the stage, pages, bytes);
  2. the peers on our `--format md` output of round 1: Typst (md -> Typst markup by
     bench/md2typ.py, then typst.compile in its own process), pandoc md -> docx,
     pandoc + xelatex when installed;
  3. ours as a whole process: `exporter build CORPUS --format pdf,docx,json --json`
     (wall, CPU and peak RSS from wait4 of that process tree).
Ratios ours/peer are taken per round, then the median over rounds. Results: a table on
stdout and JSON in bench/out/ (results-<time>.json and latest.json).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import pstats
import shutil
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import md2typ  # noqa: E402
import peers  # noqa: E402
import proc  # noqa: E402
import quality  # noqa: E402
from report import profile_table, quality_table, table, verdict  # noqa: E402

OUT = HERE / "out"
STAGES = ("read", "enrich", "coverage", "assemble", "pdf", "docx", "json")
WRITERS = ("pdf", "docx", "json", "md")


def median(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


def ensure_corpus(n: int, seed: int) -> Path:
    """The corpus folder for (n, seed), regenerated when the generator or pool changed."""
    folder = OUT / "corpus" / f"n{n}-s{seed}"
    digest = hashlib.sha1()
    for f in (HERE / "corpus.py", corpus.POOL):
        digest.update(f.read_bytes())
    stamp = f"{n}:{seed}:{digest.hexdigest()}"
    stamp_file = folder / ".stamp"
    if not (stamp_file.exists() and stamp_file.read_text() == stamp):
        corpus.write_corpus(n, folder, seed)
        stamp_file.write_text(stamp)
    return folder


def run_inproc(
    folder: Path,
    out: Path,
    formats: list[str],
    layout: str | None,
    profile: tuple[list[str], Path] | None = None,
) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)  # peers must never typeset an older run's book
    cmd = [sys.executable, str(HERE / "inproc.py"), str(folder), str(out)]
    cmd += ["--formats", ",".join(formats)]
    if layout:
        cmd += ["--layout", layout]
    if profile:
        cmd += ["--profile", ",".join(profile[0]), "--profile-dir", str(profile[1])]
    r = proc.run(cmd)
    try:
        report: dict[str, Any] = json.loads(r.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": f"in-process run failed (rc {r.rc}): {r.stderr[-1500:]}"}
    report["process"] = {"wall": r.wall, "cpu": r.cpu, "peak_mib": r.peak_mib}
    return report


def run_peer(peer: str, md: Path, typ: Path, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    cmd, target = peers.command(peer, md, typ, out)
    target.unlink(missing_ok=True)
    r = proc.run(cmd)
    res: dict[str, Any] = {"wall": r.wall, "cpu": r.cpu, "peak_mib": r.peak_mib, "rc": r.rc}
    if r.rc != 0 or not target.exists():
        res["error"] = r.stderr[-1500:] or f"exit code {r.rc}"
        return res
    res["bytes"] = target.stat().st_size
    if target.suffix == ".pdf":
        res["pages"] = proc.pdf_pages(target)
    if peer == "typst":
        res.update(json.loads(r.stdout.strip().splitlines()[-1]))
    return res


def exporter_cmd() -> str:
    """The `exporter` script of the interpreter running the bench (its venv's bin/), else PATH's."""
    beside = Path(sys.executable).with_name("exporter")
    return str(beside) if beside.exists() else "exporter"


def run_build(folder: Path, out: Path, formats: list[str], jobs: int) -> dict[str, Any]:
    cmd = [exporter_cmd(), "build", str(folder), "-o", str(out), "--format", ",".join(formats)]
    cmd += ["--json", "-q", "--jobs", str(jobs)]
    r = proc.run(cmd)
    res: dict[str, Any] = {"wall": r.wall, "cpu": r.cpu, "peak_mib": r.peak_mib, "rc": r.rc}
    res["tree_mib"] = r.tree_mib
    try:
        report = json.loads(r.stdout)
    except json.JSONDecodeError:
        res["error"] = r.stderr[-1500:]
        return res
    res["timings"] = report.get("timings", {})
    res["cases"] = report.get("cases")
    res["outputs"] = {
        o["format"]: {"bytes": o["bytes"], "pages": o["pages"]} for o in report["outputs"]
    }
    res["errors"] = report.get("errors", [])[:5]
    return res


def startup(runs: int = 5) -> dict[str, Any]:
    done = [proc.run([exporter_cmd(), "--help"]) for _ in range(runs)]
    walls = [r.wall for r in done]
    return {
        "median": median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu_median": median(r.cpu for r in done),
        "peak_mib": max(r.peak_mib for r in done),
        "runs": runs,
    }


def one_n(n: int, a: argparse.Namespace) -> dict[str, Any]:
    folder = ensure_corpus(n, a.seed)
    work = OUT / "work" / f"n{n}"
    writers = [s for s in a.stages if s in WRITERS]
    want_peers = [p for p in a.peers if not peers.available(p) and n <= a.peer_max_n]
    extra = (["md"] if want_peers else []) + (["json"] if a.quality else [])
    formats = writers + [f for f in dict.fromkeys(extra) if f not in writers]
    rounds: list[dict[str, Any]] = []
    typ = work / "book.typ"
    for i in range(a.repeat):
        rnd: dict[str, Any] = {"ours": run_inproc(folder, work / "inproc", formats, a.layout)}
        md = work / "inproc" / "compendium.md"
        if i == 0 and md.exists():
            w0 = time.perf_counter()
            typ.write_text(md2typ.convert(md.read_text(encoding="utf-8")), encoding="utf-8")
            rnd["md2typ_s"] = time.perf_counter() - w0
        if md.exists():
            rnd["peers"] = {p: run_peer(p, md, typ, work / "peers") for p in want_peers}
        if a.process and n <= a.process_max_n:
            rnd["build"] = run_build(folder, work / "build", a.process_formats, a.jobs)
        rounds.append(rnd)
        print(f"  N={n} round {i + 1}/{a.repeat} done", file=sys.stderr)
    result = {
        "n": n,
        "corpus": str(folder),
        "rounds": rounds,
        "peers_unavailable": _unavailable(a.peers, n, a.peer_max_n),
    }
    result["summary"] = summarise(rounds)
    if a.quality:
        source = work / "inproc" / "compendium.json"
        chapters = json.loads(source.read_text(encoding="utf-8"))["book"]["chapters"]
        result["quality"] = {
            "ours": quality.check(work / "inproc" / "compendium.pdf", source),
            "ours, chapter pages": quality.check_case_pages(
                work / "inproc" / "compendium.pdf", source, chapters
            ),
            "typst": quality.check(work / "peers" / "typst.pdf", source),
        }
    if a.profile:
        result["profile"] = profile(folder, work, formats, a.layout, a.profile, a.profile_top)
    return result


def _unavailable(names: list[str], n: int, max_n: int) -> dict[str, str]:
    why = {p: peers.available(p) or "" for p in names}
    if n > max_n:
        why = {p: w or f"skipped above N={max_n} (--peer-max-n)" for p, w in why.items()}
    return {p: w for p, w in why.items() if w}


def _stage(rnd: dict[str, Any], stage: str, key: str) -> float | None:
    entry = rnd.get("ours", {}).get("stages", {}).get(stage, {})
    return entry.get(key) if entry.get("status") == "ok" else None


def _peer(rnd: dict[str, Any], peer: str, key: str) -> float | None:
    entry = rnd.get("peers", {}).get(peer, {})
    return None if "error" in entry else entry.get(key)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    s: dict[str, Any] = {"stages": {}, "peers": {}, "ratios": {}}
    first = rounds[0].get("ours", {}).get("stages", {})
    for stage in (*STAGES, "md"):
        entry = first.get(stage)
        if entry is None:
            continue
        if entry["status"] != "ok":
            s["stages"][stage] = {"status": entry["status"], "error": entry.get("error")}
            continue
        s["stages"][stage] = {
            "status": "ok",
            "wall": median(_stage(r, stage, "wall") for r in rounds),
            "cpu": median(_stage(r, stage, "cpu") for r in rounds),
            "rss_mib": median(_stage(r, stage, "rss_mib") for r in rounds),
            "pages": entry.get("pages"),
            "bytes": entry.get("bytes"),
        }
    s["inproc_peak_mib"] = median(r.get("ours", {}).get("peak_rss_mib") for r in rounds)
    s["cases"] = rounds[0].get("ours", {}).get("cases")
    for peer in peers.PEERS:
        walls = [_peer(r, peer, "wall") for r in rounds]
        if not any(w is not None for w in walls):
            errs = [r.get("peers", {}).get(peer, {}).get("error") for r in rounds]
            if any(errs):
                s["peers"][peer] = {"status": "failed", "error": next(e for e in errs if e)}
            continue
        s["peers"][peer] = {
            "status": "ok",
            "wall": median(walls),
            "cpu": median(_peer(r, peer, "cpu") for r in rounds),
            "peak_mib": median(_peer(r, peer, "peak_mib") for r in rounds),
            "compile_wall": median(_peer(r, peer, "compile_wall") for r in rounds),
            "compile_cpu": median(_peer(r, peer, "compile_cpu") for r in rounds),
            "pages": rounds[0]["peers"][peer].get("pages"),
            "bytes": rounds[0]["peers"][peer].get("bytes"),
        }
    pairs = {
        "pdf/typst_compile": ("pdf", "typst", "compile_wall", "wall"),
        "pdf/typst_compile_cpu": ("pdf", "typst", "compile_cpu", "cpu"),
        "pdf/typst_process": ("pdf", "typst", "wall", "wall"),
        "pdf/xelatex_process": ("pdf", "xelatex", "wall", "wall"),
        "docx/pandoc_process": ("docx", "pandoc", "wall", "wall"),
        "docx/pandoc_process_cpu": ("docx", "pandoc", "cpu", "cpu"),
    }
    for name, (stage, peer, pkey, okey) in pairs.items():
        ratios = [_ratio(_stage(r, stage, okey), _peer(r, peer, pkey)) for r in rounds]
        vals = [x for x in ratios if x is not None]
        if vals:
            s["ratios"][name] = {"median": median(vals), "min": min(vals), "max": max(vals)}
    builds = [r["build"] for r in rounds if "build" in r and "error" not in r["build"]]
    if builds:
        s["build"] = {
            "wall": median(b["wall"] for b in builds),
            "cpu": median(b["cpu"] for b in builds),
            "peak_mib": median(b["peak_mib"] for b in builds),
            "tree_mib": median(b.get("tree_mib", 0.0) for b in builds),
            "rc": builds[0]["rc"],
            "cases": builds[0]["cases"],
            "outputs": builds[0]["outputs"],
            "errors": builds[0]["errors"],
            "timings": {
                k: median(b["timings"].get(k) for b in builds) for k in builds[0]["timings"]
            },
        }
    elif any("build" in r for r in rounds):
        s["build"] = {"error": next(r["build"]["error"] for r in rounds if "build" in r)}
    return s


def profile(
    folder: Path, work: Path, formats: list[str], layout: str | None, stages: list[str], top: int
) -> list[dict[str, Any]]:
    """One extra in-process run with cProfile around each of `stages`; top functions by
    cumulative and by own time (the profiler slows stages down: read shares, not seconds)."""
    pdir = work / "profile"
    pdir.mkdir(parents=True, exist_ok=True)
    for old in pdir.glob("*.prof"):
        old.unlink()
    report = run_inproc(folder, pdir / "out", formats, layout, profile=(stages, pdir))
    return [_top(pdir / f"{stage}.prof", stage, report, top) for stage in stages]


def _top(prof: Path, stage: str, report: dict[str, Any], top: int) -> dict[str, Any]:
    if not prof.exists():
        return {"stage": stage, "error": report.get("stages", {}).get(stage, report)}
    stats = pstats.Stats(str(prof))
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        name = f"{Path(func[0]).parent.name}/{Path(func[0]).name}:{func[1]}({func[2]})"
        rows.append({"func": name, "calls": nc, "tottime": tt, "cumtime": ct})
    return {
        "stage": stage,
        "file": str(prof),
        "stage_wall_profiled": report["stages"][stage].get("wall"),
        "by_cumulative": sorted(rows, key=lambda r: -r["cumtime"])[:top],
        "by_own": sorted(rows, key=lambda r: -r["tottime"])[:top],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-n", "--cases", type=int, nargs="+", default=[100])
    ap.add_argument(
        "--stages",
        default=",".join(STAGES[4:]),
        help="writers to time: any of pdf,docx,json,md (read, enrich, coverage "
        "and assemble always run)",
    )
    ap.add_argument("--peers", default="typst,pandoc,xelatex", help="typst,pandoc,xelatex or ''")
    ap.add_argument(
        "--peer-max-n",
        type=int,
        default=1000,
        help="peers only up to this N (Typst needs ~1.5 GiB at N=1000)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="rounds per N (median reported)")
    ap.add_argument(
        "--no-process",
        dest="process",
        action="store_false",
        help="skip the whole-process `exporter build` runs",
    )
    ap.add_argument(
        "--process-max-n", type=int, default=10**9, help="whole-process builds only up to this N"
    )
    ap.add_argument("--process-formats", default="pdf,docx,json")
    ap.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="passed to exporter build --jobs (0 = its default, one per core)",
    )
    ap.add_argument("--layout", default=None)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--profile", default="", help="stages to profile, e.g. pdf,docx,enrich")
    ap.add_argument("--profile-top", type=int, default=25)
    ap.add_argument("--quality", action="store_true", help="score our and Typst's PDF lines")
    ap.add_argument("--json-out", type=Path, default=None)
    a = ap.parse_args(argv)
    a.stages = [s for s in a.stages.split(",") if s]
    a.peers = [p for p in a.peers.split(",") if p]
    a.process_formats = [f for f in a.process_formats.split(",") if f]
    a.profile = [p for p in a.profile.split(",") if p]
    OUT.mkdir(exist_ok=True)
    start = startup()
    results = [one_n(n, a) for n in a.cases]
    doc: dict[str, Any] = {
        "schema": "exporter.bench/1",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": _load()},
        "argv": sys.argv[1:],
        "startup": start,
        "results": results,
    }
    doc["verdict"] = verdict(results, start)
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    path = a.json_out or OUT / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(text, encoding="utf-8")
    (OUT / "latest.json").write_text(text, encoding="utf-8")
    machine = doc["machine"]
    print(f"# exporter benchmark {doc['date']} ({machine['cpus']} cpus, load {machine['load']})\n")
    for res in results:
        print(table(res) + "\n")
        if "quality" in res:
            print(quality_table(res["quality"]) + "\n")
        for prof in res.get("profile", []):
            print(profile_table(prof) + "\n")
    print("\n".join(doc["verdict"]))
    print(f"\nJSON: {path}")
    return 0


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
