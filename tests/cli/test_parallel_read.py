"""Reading and enriching in parallel processes gives exactly the single-process result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exporter.model import to_dict
from exporter.stages import read, write

ROOT = Path(__file__).resolve().parents[2]


def test_parallel_read_and_enrich_equals_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        for seed in sorted((ROOT / "input").glob("*.txt")):
            shutil.copy(seed, tmp_path / f"{i}_{seed.name}")
    monkeypatch.setattr(read, "PARALLEL_READ_MIN_FILES", 4)
    one, _, t_one = read.read_and_enrich([tmp_path], jobs=1)
    two, _, t_two = read.read_and_enrich([tmp_path], jobs=2)
    assert "enrich" in t_one and "read+enrich" in t_two  # the parallel path really ran
    assert len(two.cases) == len(one.cases) > 15
    dump = lambda c: json.dumps(to_dict(c), ensure_ascii=False, sort_keys=True)  # noqa: E731
    assert dump(two) == dump(one)


def test_chunks_keep_order_and_balance_bytes(tmp_path: Path) -> None:
    sizes = [5000, 100, 100, 100, 4800, 100, 100, 100, 100, 4900]
    files = []
    for i, size in enumerate(sizes):
        f = tmp_path / f"{i:02}.txt"
        f.write_text("党" * (size // 3), encoding="utf-8")
        files.append(f)
    chunks = read.chunks(files, 3)
    assert [f for c in chunks for f in c] == files  # consecutive runs, nothing lost
    assert len(chunks) == 3 and all(chunks)
    totals = [sum(f.stat().st_size for f in c) for c in chunks]
    assert max(totals) < 2 * min(totals)  # one big file each, not 4 + 3 + 3 files
    assert read.chunks(files[:2], 8) == [[files[0]], [files[1]]]


def test_warming_the_writers_survives_a_broken_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exporter import fonts
    from exporter.errors import FontError
    from exporter.layout.load import load_layout
    from exporter.writers.pdf import faces

    tried: list[Path] = []

    def broken(path: Path) -> None:
        tried.append(path)
        raise FontError("unusable font: test", str(path))

    monkeypatch.setattr(fonts, "load_font", broken)
    monkeypatch.setattr(faces, "_CHAINS", {})  # no chain cached by earlier tests: fonts load
    write.warm_writers(["pdf", "docx"], load_layout("book"))  # reported later, by the writer
    assert tried  # the broken font really was reached
    assert "exporter.writers.docx" in __import__("sys").modules
