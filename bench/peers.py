#!/usr/bin/env python3
"""The peers that typeset our `--format md` book: Typst (typst-py), pandoc (DOCX, xelatex PDF).

    python3 bench/peers.py typst BOOK.typ OUT.pdf FONT_DIR    # one timed typst.compile, JSON out

bench/run.py runs each peer as its own process (so its peak RSS is its own) through
`commands()`; Typst goes through this file so the compile call itself is timed apart from the
interpreter start-up and the `import typst`.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "fonts"
PEERS = ("typst", "pandoc", "xelatex")


def available(peer: str) -> str | None:
    """None when the peer can run here, else why not."""
    if peer == "typst":
        try:
            import typst  # noqa: F401
        except ImportError:
            return "typst-py not installed (pip install typst)"
        return None
    if peer == "pandoc":
        return None if shutil.which("pandoc") else "pandoc not installed (apt-get install pandoc)"
    if peer == "xelatex":
        if not shutil.which("pandoc"):
            return "pandoc not installed"
        return None if shutil.which("xelatex") else "xelatex not installed (texlive-xetex)"
    return f"unknown peer {peer}"


def command(peer: str, md: Path, typ: Path, out_dir: Path) -> tuple[list[str], Path]:
    """The process that typesets the book with `peer`, and the file it writes."""
    if peer == "typst":
        out = out_dir / "typst.pdf"
        return [
            sys.executable,
            str(HERE / "peers.py"),
            "typst",
            str(typ),
            str(out),
            str(FONTS),
        ], out
    if peer == "pandoc":
        out = out_dir / "pandoc.docx"
        return ["pandoc", "-f", "markdown-smart", "-t", "docx", "-o", str(out), str(md)], out
    if peer == "xelatex":
        out = out_dir / "xelatex.pdf"
        return [
            "pandoc",
            "-f",
            "markdown-smart",
            str(md),
            "-o",
            str(out),
            "--pdf-engine=xelatex",
            "-V",
            "CJKmainfont=Noto Serif SC",
            "-V",
            "mainfont=DejaVu Sans",
            "-V",
            "geometry:a4paper,top=25mm,bottom=22mm,inner=25mm,outer=20mm",
            "-V",
            "fontsize=10.5pt",
        ], out
    raise ValueError(peer)


def _typst_main(typ: str, out: str, fonts: str) -> int:
    import typst

    w0, c0 = time.perf_counter(), time.process_time()
    typst.compile(typ, output=out, font_paths=[fonts])
    report = {"compile_wall": time.perf_counter() - w0, "compile_cpu": time.process_time() - c0}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "typst":
        sys.exit(_typst_main(*sys.argv[2:]))
    sys.exit(__doc__)
