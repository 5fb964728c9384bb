"""Fast paths of the enrichers give exactly what the plain computations give."""

from pathlib import Path

import pytest

from exporter.cache import cache_dir
from exporter.enrich import ENRICHERS, EnrichOptions
from exporter.enrich import figures as fig
from exporter.enrich import summary as summ
from exporter.enrich import summary_clauses as clauses_mod
from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.summary_score import centroid_of, pool_score, pool_scorer, topic_grams

from . import goldcases

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.skipif(not goldcases.available(), reason="../shared/gold not present")
def test_bound_pool_scores_equal_the_plain_ones_bit_for_bit() -> None:
    comp = goldcases.compendium()
    for name, step in ENRICHERS:
        if name == "summary":
            break
        step(comp, EnrichOptions())
    checked = 0
    for case in comp.cases:
        topic, centre = topic_grams(case), centroid_of(case)
        score_of = pool_scorer(topic, centre)
        for i, (sentence, background) in enumerate(summ._sentence_list(case)):
            for text in summ._candidates(sentence):
                plain = pool_score(text, i, background, topic, centre)
                assert score_of(text, i, background) == plain
                checked += 1
    assert checked > 500


def test_figures_tried_at_their_possible_starts_match_finditer() -> None:
    texts = [
        "近日，该县发放补贴约1.5万元，惠及超过300户、两千余人次；第3批12个项目完成。",
        "一二三四五六七八九十百千零两万亿近约超过超个百分点1,200名50%三级联动",
        "",
    ]
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in fig._FIGURE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fig._figures(text)] == want
    assert fig.candidates(texts[0])  # and real figures are found


def test_gazetteer_restored_from_its_cache_is_the_built_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache_dir.cache_clear()
    gazetteer.cache_clear()
    try:
        built = gazetteer()  # derived from the data file, then written to the cache
        assert list((tmp_path / "exporter").glob("gazetteer-*.marshal"))
        gazetteer.cache_clear()
        restored = gazetteer()
        assert restored is not built
        assert restored.by_code == built.by_code and restored.aliases == built.aliases
        text = "贵州省黔东南州雷山县西江镇和吉林、海南的新城区"
        assert restored.scan(text) == built.scan(text)
        assert [m.text for m in restored.scan(text)][:3] == ["贵州省", "黔东南州", "雷山县"]
    finally:
        cache_dir.cache_clear()
        gazetteer.cache_clear()


def test_fragment_length_bound_is_the_patterns_longest_match() -> None:
    from re import _parser

    from exporter.enrich.summary_rules import FRAGMENT, FRAGMENT_MAX

    assert _parser.parse(FRAGMENT.pattern).getwidth()[1] == FRAGMENT_MAX
    unit = "中共某某县委组织部"
    assert clauses_mod._fragment(unit) and not clauses_mod._fragment(unit * 5)
