from exporter.enrich.keywords import STOP, keywords_of
from exporter.enrich.region import region_of

from .helpers import make_case


def test_keywords_are_terms_not_places_numbers_or_stop_words() -> None:
    case = make_case(
        [
            "贵阳市观山湖区宇虹社区党支部推行“铁三角”机制，组建网格党支部12个，配备网格员12名。",
            "“铁三角”机制让网格员、楼栋长和党员志愿者联动，丹寨县也推广了网格化管理。",
        ],
        title="“铁三角”机制激活基层治理",
    )
    case.region = region_of(case)
    words = keywords_of(case)
    assert 3 <= len(words) <= 8
    assert words[0] == "铁三角"  # a named measure from the title comes first
    assert not any(ch.isdigit() for w in words for ch in w)
    assert not set(words) & STOP
    assert not any(p in w for w in words for p in ("观山", "丹寨", "宇虹", "贵阳"))
