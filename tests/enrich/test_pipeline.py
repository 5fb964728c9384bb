"""The whole enrichment on real input: gold-annotated seeds when ../shared is present."""

import json

import pytest

from exporter.enrich import ENRICHERS, enrich
from exporter.model import THEMES, to_dict

from . import goldcases
from .helpers import comp_of, make_case

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_registry_order_and_metadata_only() -> None:
    names = [n for n, _ in ENRICHERS]
    assert names.index("region") < names.index("organization") < names.index("summary")
    case = make_case(
        ["托克托县聚焦“三化三力”，储备村党组织书记后备力量278名，开展培训1200余人次。"]
    )
    before = [p.text for p in case.paragraphs()]
    comp = enrich(comp_of(case))
    assert [p.text for p in comp.cases[0].paragraphs()] == before
    first = json.dumps(to_dict(comp), ensure_ascii=False)
    assert json.dumps(to_dict(enrich(comp)), ensure_ascii=False) == first  # deterministic


@pytest.mark.skipif(not goldcases.available(), reason="../shared/gold not present")
def test_gold_cases_meet_targets() -> None:
    comp = enrich(goldcases.compendium())
    gold = goldcases.gold_by_id()
    assert len(comp.cases) == len(gold)
    province = figures = figures_gold = 0
    for case in comp.cases:
        gc = gold[case.id]
        want = gc["region"]["province"] or gc["region_inferred"].get("province")
        province += (
            case.region.province in (want, None)
            if not gc["region"]["province"]
            else (case.region.province == want)
        )
        values = {f.value for f in case.key_figures}
        figures += sum(f["value"] in values for f in gc["key_figures"])
        figures_gold += len(gc["key_figures"])
        assert case.theme in THEMES
        assert 3 <= len(case.keywords) <= 8
        assert not any(ch.isdigit() for k in case.keywords for ch in k)
        assert case.summary and 60 <= len(case.summary) <= 150 and case.summary.endswith("。")
        assert len(case.key_figures) <= 6
    assert province == len(comp.cases)
    assert figures / figures_gold >= 0.6
    assert sum(c.on_topic == gold[c.id]["on_topic"] for c in comp.cases) >= 0.95 * len(gold)
    assert sum(c.theme == gold[c.id]["theme"] for c in comp.cases) >= 0.75 * len(gold)
