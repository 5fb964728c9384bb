"""Fast paths of the enrichers give exactly what the plain computations give."""

import pytest

from exporter.enrich import ENRICHERS, EnrichOptions
from exporter.enrich import figures as fig
from exporter.enrich import summary as summ
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
