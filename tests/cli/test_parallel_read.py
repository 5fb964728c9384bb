"""Reading and enriching in parallel processes gives exactly the single-process result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exporter import pipeline
from exporter.model import to_dict

ROOT = Path(__file__).resolve().parents[2]


def test_parallel_read_and_enrich_equals_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        for seed in sorted((ROOT / "input").glob("*.txt")):
            shutil.copy(seed, tmp_path / f"{i}_{seed.name}")
    monkeypatch.setattr(pipeline, "PARALLEL_READ_MIN_FILES", 4)
    one, _, t_one = pipeline.read_and_enrich([tmp_path], jobs=1)
    two, _, t_two = pipeline.read_and_enrich([tmp_path], jobs=2)
    assert "enrich" in t_one and "read+enrich" in t_two  # the parallel path really ran
    assert len(two.cases) == len(one.cases) > 15
    dump = lambda c: json.dumps(to_dict(c), ensure_ascii=False, sort_keys=True)  # noqa: E731
    assert dump(two) == dump(one)
