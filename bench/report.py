"""Markdown tables and the issue-8 verdict from bench/run.py results."""

from __future__ import annotations

from typing import Any

TARGETS = {"startup_s": 0.3, "build_wall_1000": 8.0, "rss_1000": 300, "rss_10000": 1024}
STAGE_HEAD = ("stage", "wall s", "cpu s", "peak RSS MiB", "pages", "pages/s", "output")
PROFILE_HEAD = ("function", "calls", "own s", "cumulative s")


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _head(names: tuple[str, ...]) -> list[str]:
    return [_row(list(names)), "|---|" + "---:|" * (len(names) - 1)]


def _one_line(text: Any, keep: int = 80) -> str:
    flat = " ".join(str(text).split()).replace("|", "/")
    return flat if len(flat) <= keep else "…" + flat[-keep:]


def _f(v: Any, fmt: str = "{:.2f}") -> str:
    return "-" if v is None else fmt.format(v)


def _mib(v: Any) -> str:
    return _f(v, "{:.0f}")


def _size(b: int | None) -> str:
    if b is None:
        return "-"
    return f"{b / 1024 / 1024:.1f} MiB" if b >= 1024 * 1024 else f"{b / 1024:.0f} KiB"


def _rate(pages: int | None, seconds: float | None) -> str:
    return _f(pages / seconds if pages and seconds else None, "{:.0f}")


def _failed(label: str, status: str, error: Any) -> str:
    return _row([label, f"{status}: {_one_line(error)}", "", "", "", "", ""])


def _stage_rows(s: dict[str, Any]) -> list[str]:
    rows = []
    for stage, e in s["stages"].items():
        if e["status"] != "ok":
            rows.append(_failed(stage, e["status"], e["error"]))
            continue
        pages = e.get("pages")
        rows.append(
            _row(
                [
                    stage,
                    _f(e["wall"]),
                    _f(e["cpu"]),
                    _mib(e["rss_mib"]),
                    _f(pages, "{}"),
                    _rate(pages, e["wall"]),
                    _size(e.get("bytes")),
                ]
            )
        )
    return rows


def _peer_rows(s: dict[str, Any], unavailable: dict[str, str]) -> list[str]:
    rows = []
    for peer, e in s["peers"].items():
        if e["status"] != "ok":
            rows.append(_failed(f"peer {peer}", "failed", e["error"]))
            continue
        compiled = e.get("compile_wall") is not None
        t = e["compile_wall"] if compiled else e["wall"]
        cpu = e["compile_cpu"] if compiled else e["cpu"]
        label = f"peer {peer} " + (
            f"(compile; process {e['wall']:.2f} s)" if compiled else "(process)"
        )
        rows.append(
            _row(
                [
                    label,
                    _f(t),
                    _f(cpu),
                    _mib(e["peak_mib"]),
                    _f(e.get("pages"), "{}"),
                    _rate(e.get("pages"), t),
                    _size(e.get("bytes")),
                ]
            )
        )
    rows += [_failed(f"peer {p}", "unavailable", why) for p, why in unavailable.items()]
    return rows


def _build_row(b: dict[str, Any] | None) -> list[str]:
    if not b:
        return []
    if "error" in b:
        return [_failed("exporter build", "failed", b["error"])]
    pages = (b["outputs"].get("pdf") or {}).get("pages")
    sizes = ", ".join(f"{k} {_size(v['bytes'])}" for k, v in b["outputs"].items())
    label = f"**exporter build** {','.join(b['outputs'])} (process, rc {b['rc']})"
    return [
        _row(
            [
                label,
                _f(b["wall"]),
                _f(b["cpu"]),
                f"{_mib(b['peak_mib'])} (all processes: {_mib(b.get('tree_mib'))})",
                _f(pages, "{}"),
                _rate(pages, b["wall"]),
                sizes,
            ]
        )
    ]


def table(res: dict[str, Any]) -> str:
    """One N: stages, peers, the whole build, then the ratios."""
    s = res["summary"]
    title = f"## N = {res['n']} ({s.get('cases')} cases in the book, {len(res['rounds'])} rounds)"
    lines = [title, "", *_head(STAGE_HEAD), *_stage_rows(s)]
    errors = {r["ours"]["error"] for r in res["rounds"] if "error" in r.get("ours", {})}
    lines += [_failed("ours in-process", "failed", e) for e in sorted(errors)]
    lines += _peer_rows(s, res.get("peers_unavailable", {}))
    lines += _build_row(s.get("build"))
    lines.append(
        f"\nin-process peak RSS (all stages, one process): {_mib(s.get('inproc_peak_mib'))} MiB"
    )
    if s["ratios"]:
        lines += ["", *_head(("ratio ours / peer, same run", "median", "min", "max"))]
        for name, r in s["ratios"].items():
            lines.append(_row([name, *(f"{r[k]:.2f}" for k in ("median", "min", "max"))]))
    build = s.get("build") or {}
    if build.get("errors"):
        lines.append("\nbuild errors: " + _one_line("; ".join(build["errors"]), 300))
    return "\n".join(lines)


def quality_table(q: dict[str, dict[str, Any]]) -> str:
    """Line-breaking figures of our PDF and Typst's (pdf_quality.py; flush = share of
    non-final body lines that reach the right edge)."""
    names = ("pages", "body_lines", "bad_line_starts", "bad_line_ends", "flush", "past_edge")
    lines = [*_head(("PDF quality", *names))]
    for who, figs in q.items():
        if "error" in figs:
            lines.append(_row([who, _one_line(figs["error"]), *[""] * (len(names) - 1)]))
        else:
            lines.append(_row([who, *(_f(figs.get(k), "{}") for k in names)]))
    return "\n".join(lines)


def profile_table(p: dict[str, Any]) -> str:
    if "error" in p:
        return f"profile of {p['stage']}: {_one_line(p['error'], 300)}"
    lines = [
        f"### cProfile of stage {p['stage']} (wall under the profiler "
        f"{_f(p['stage_wall_profiled'])} s)",
        "",
    ]
    for title, key in (("by cumulative time", "by_cumulative"), ("by own time", "by_own")):
        lines += [title, "", *_head(PROFILE_HEAD)]
        lines += [
            _row([r["func"], r["calls"], f"{r['tottime']:.3f}", f"{r['cumtime']:.3f}"])
            for r in p[key]
        ]
        lines.append("")
    return "\n".join(lines)


def _pdf_seconds_per_page(s: dict[str, Any], clock: str = "wall") -> float | None:
    e = s["stages"].get("pdf", {})
    return e[clock] / e["pages"] if e.get("status") == "ok" and e.get("pages") else None


def verdict(results: list[dict[str, Any]], start: dict[str, Any]) -> list[str]:
    """Issue-8 targets, checked against what this run measured."""
    limit = TARGETS["startup_s"]
    out = [
        f"- start-up `exporter --help`: {start['median']:.3f} s wall, "
        f"{start.get('cpu_median', 0):.3f} s CPU (median of {start['runs']}; target < {limit} s)"
    ]
    by_n = {r["n"]: r["summary"] for r in results}
    if 1000 in by_n:
        s = by_n[1000]
        for name in ("pdf/typst_compile", "docx/pandoc_process"):
            r = s["ratios"].get(name)
            out.append(f"- N=1000 {name}: {_f(r and r['median'])} (target <= 1.00)")
        b = s.get("build") or {}
        made = ",".join(b.get("outputs", {})) or "nothing"
        failed = f", rc {b['rc']}: {_one_line(b['errors'], 120)}" if b.get("errors") else ""
        out.append(
            f"- N=1000 exporter build ({made} written{failed}) wall {_f(b.get('wall'))} s "
            f"(target <= 8 s), peak RSS {_mib(b.get('peak_mib'))} MiB (target <= 300; "
            f"largest process), all processes together {_mib(b.get('tree_mib'))} MiB (PSS)"
        )
    if 10000 in by_n:
        s = by_n[10000]
        b = s.get("build") or {}
        peak, where = b.get("peak_mib"), "exporter build, largest process"
        if peak is None:
            peak, where = s.get("inproc_peak_mib"), "in-process run, all stages"
        tree = f", all processes {_mib(b['tree_mib'])} MiB PSS" if b.get("tree_mib") else ""
        out.append(f"- N=10000 peak RSS {_mib(peak)} MiB ({where}{tree}; target < 1024)")
    if 1000 in by_n and 10000 in by_n:
        # CPU seconds measure the work; wall seconds also carry whatever else the shared
        # machine ran in the minutes between the two measurements.
        for clock in ("cpu", "wall"):
            a = _pdf_seconds_per_page(by_n[1000], clock)
            b2 = _pdf_seconds_per_page(by_n[10000], clock)
            if a and b2:
                out.append(
                    f"- PDF {clock} s/page N=1000 -> 10000: {a:.4f} -> {b2:.4f} "
                    f"({100 * (b2 / a - 1):+.0f} %, target < +20 %)"
                )
    return out
