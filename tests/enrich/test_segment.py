"""Word segmentation for keywords: offline word list, memoised runs, cache in the user folder."""

from pathlib import Path

import pytest

from exporter.enrich import segment


def test_cache_goes_to_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.cache_dir.cache_clear()
    segment.idf_table.cache_clear()
    try:
        table, median = segment.idf_table()
        assert table and median > 0
        written = list((tmp_path / "exporter").glob("jieba-idf-*.v2.marshal"))
        assert len(written) == 1
        segment.idf_table.cache_clear()
        assert segment.idf_table() == (table, median)  # read back from the cache file
    finally:
        segment.cache_dir.cache_clear()
        segment.idf_table.cache_clear()


def test_runs_are_cut_into_dictionary_words_and_numbers_are_left_out() -> None:
    words = segment.words("社区党委组建志愿服务队12支，推进乡村振兴。")
    assert "".join(words) == "社区党委组建志愿服务队推进乡村振兴"
    assert "乡村振兴" in words  # the theme vocabulary stays whole
    assert "组建" in words
    assert not any(ch.isdigit() for w in words for ch in w)
