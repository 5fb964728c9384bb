#!/usr/bin/env python3
"""Reading Word, HTML and PDF inputs against plain text: the same N bench articles written
in each format (python-docx, plain HTML, reportlab), read with `read_paths`, CPU seconds.

    python3 bench/formats.py            # N = 100, results in bench/out/formats.json
    python3 bench/formats.py -n 300

Target (issue 18): each format within 3 x the plain-text reading time.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

FONT = HERE.parent / "fonts" / "NotoSerifSC-Regular.ttf"


def _paras(path: Path) -> list[str]:
    return [x.strip() for x in path.read_text("utf-8").split("\n") if x.strip()]


def _docx(paras: list[str], out: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading(paras[0], 1)
    for x in paras[1:]:
        d.add_paragraph(x)
    d.save(str(out))


def _html(paras: list[str], out: Path) -> None:
    body = "".join(f"<p>{html.escape(x)}</p>" for x in paras[1:])
    head = html.escape(paras[0])
    out.write_text(
        f"<html><head><meta charset='utf-8'><title>{head}</title></head><body>"
        f"<div class='nav'>首页 | 新闻</div><h1>{head}</h1><div class='content'>{body}</div>"
        "</body></html>",
        "utf-8",
    )


def _pdf(paras: list[str], out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=A4)
    y = A4[1] - 80
    c.setFont("Serif", 20)
    c.drawString(50, y, paras[0][:24])
    y -= 40
    for x in paras[1:]:
        c.setFont("Serif", 10.5)
        for k in range(0, len(x), 44):
            if y < 60:
                c.showPage()
                c.setFont("Serif", 10.5)
                y = A4[1] - 60
            c.drawString(50 + (21 if k == 0 else 0), y, x[k : k + 44])
            y -= 15
        y -= 6
    c.showPage()
    c.save()


def write_inputs(n: int, root: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Serif", str(FONT)))
    txt = root / "txt"
    corpus.main([str(n), str(txt)])
    for kind, write in (("docx", _docx), ("html", _html), ("pdf", _pdf)):
        (root / kind).mkdir(parents=True, exist_ok=True)
        for p in sorted(txt.glob("*.txt")):
            write(_paras(p), root / kind / f"{p.stem}.{kind}")


def read_times(root: Path) -> dict[str, float]:
    from exporter.readers import read_paths

    out = {}
    for kind in ("txt", "docx", "html", "pdf"):
        files = sorted((root / kind).iterdir())
        read_paths(files[:3])  # imports and caches outside the timing
        t = time.process_time()
        comp = read_paths(files)
        out[kind] = time.process_time() - t
        assert not any(s.error for s in comp.sources), kind
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-n", type=int, default=100)
    args = ap.parse_args()
    root = HERE / "out" / "formats" / f"n{args.n}"
    write_inputs(args.n, root)
    times = read_times(root)
    ratios = {k: round(v / times["txt"], 1) for k, v in times.items() if k != "txt"}
    report = {"n": args.n, "cpu_seconds": times, "ratio_to_plain": ratios}
    (HERE / "out" / "formats.json").write_text(json.dumps(report, indent=1), "utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
