"""Word segmentation for keywords: offline word list, memoised runs, cache in the user folder."""

from pathlib import Path
from typing import Any

import pytest

from exporter.enrich import segment


def test_cache_goes_to_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.cache_dir.cache_clear()
    _clear(segment)
    try:
        table, median = segment.idf_table()
        assert table and median > 0
        written = list((tmp_path / "exporter").glob("jieba-idf-*.v3.marshal"))
        assert len(written) == 1
        _clear(segment)
        assert segment.idf_table() == (table, median)  # read back from the cache file
        assert segment.idf("党建") == table["党建"]
        assert segment.idf("某某某某") == median  # unknown words cost the median
    finally:
        segment.cache_dir.cache_clear()
        _clear(segment)


def _clear(module: Any) -> None:
    for memo in (module._idf_buckets, module.idf_bucket, module.lexicon_bucket):
        memo.cache_clear()


def test_lexicon_keeps_theme_terms_whole_at_no_more_than_the_median() -> None:
    costs = segment.lexicon()
    table, median = segment.idf_table()
    assert costs["乡村振兴"] == min(table.get("乡村振兴", median), median)
    assert {w: c for w, c in costs.items() if w in table and c != table[w]}.keys() <= {
        t for terms in segment._theme_terms().values() for t in terms
    }


def test_runs_are_cut_into_dictionary_words_and_numbers_are_left_out() -> None:
    words = segment.words("社区党委组建志愿服务队12支，推进乡村振兴。")
    assert "".join(words) == "社区党委组建志愿服务队推进乡村振兴"
    assert "乡村振兴" in words  # the theme vocabulary stays whole
    assert "组建" in words
    assert not any(ch.isdigit() for w in words for ch in w)
