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
        # 60–120 characters, less only when the body is too short to say more (EDITING.md)
        body = sum(len(p.text) for p in case.paragraphs())
        low = min(60, body // 2)
        assert case.summary and low <= len(case.summary) <= 120 and case.summary.endswith("。")
        assert len(case.key_figures) <= 6
    assert province == len(comp.cases)
    assert figures / figures_gold >= 0.6
    assert sum(c.on_topic == gold[c.id]["on_topic"] for c in comp.cases) >= 0.95 * len(gold)
    assert sum(c.theme == gold[c.id]["theme"] for c in comp.cases) >= 0.75 * len(gold)


_SCRIPT = """
import json
from exporter.enrich import enrich
from exporter.model import to_dict
from tests.enrich.helpers import comp_of, make_case
case = make_case(
    ["宁夏银川市金凤区黄河东路街道党工委为12个小区党支部授旗，为57位党员颁发纪念章。",
     "街道依托“阳光说吧”议事平台推动居民协商，解决停车难等问题36件，居民满意度达95%。"],
    title="“阳光说吧”激活小区治理",
)
print(json.dumps(to_dict(enrich(comp_of(case))), ensure_ascii=False, sort_keys=True))
"""


def test_same_output_under_another_hash_seed() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SCRIPT], cwd=root, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert "金凤区" in outs[0]
