"""Segmentation cues for pages whose articles are separated only by their headlines."""

from __future__ import annotations

from exporter.readers import read_text

CLOSED_THEN_QUOTED = """“小积分”兑出乡村新风尚

在白沙县东岭村，村民们把“积分超市”当成了常去的地方。村党支部制定积分管理办法。

积分制推行两年来，全村参与率达到95%以上。“积分不多，面子不小。”村党支部书记陈国强说。

“青苗计划”让年轻人回到村里

大学毕业后，李小雨放弃了在城市工作的机会，回到家乡担任村党支部书记助理。

县委组织部实施“青苗计划”，把优秀青年充实到村级后备力量中。
"""

INNER_HEADINGS = """把支部建在产业链上

近年来，石泉县围绕茶叶、魔芋等主导产业，推动党组织向产业链延伸。

链上建组织

石泉县在产业链上下游建立联合党委4个、党支部37个。

链上育人才

石泉县每年选派200名党员技术员到合作社开展指导。
"""


def test_a_quoted_headline_after_a_closing_quote_opens_an_article() -> None:
    _, cases = read_text(CLOSED_THEN_QUOTED, "p.txt")
    assert [c.title for c in cases] == ["“小积分”兑出乡村新风尚", "“青苗计划”让年轻人回到村里"]
    assert [len(c.paragraphs()) for c in cases] == [2, 2]


def test_a_headline_over_a_new_place_opens_an_article() -> None:
    text = CLOSED_THEN_QUOTED.replace("“青苗计划”让年轻人回到村里", "年轻人回到村里").replace(
        "大学毕业后，李小雨", "远山县青年李小雨"
    )
    _, cases = read_text(text, "p.txt")
    assert [c.title for c in cases] == ["“小积分”兑出乡村新风尚", "年轻人回到村里"]


def test_sub_heads_over_the_same_place_stay_inner_headings() -> None:
    _, cases = read_text(INNER_HEADINGS, "p.txt")
    assert len(cases) == 1
    assert [s.heading for s in cases[0].sections if s.heading] == ["链上建组织", "链上育人才"]


COUNTY_WITH_TOWNSHIPS = """青川县：党建引领激活乡村振兴新动能

近年来，青川县把抓党建促乡村振兴作为主线，推动组织优势转化为发展优势。

建强战斗堡垒

白水镇党委推行村党组织书记“擂台比武”，每季度晾晒工作实绩，激发干事热情。

做强特色产业

木鱼镇党委领办茶叶合作社5家，带动2000余户茶农增收。
"""


def test_township_examples_under_sub_heads_stay_in_the_county_article() -> None:
    _, cases = read_text(COUNTY_WITH_TOWNSHIPS, "p.txt")
    assert len(cases) == 1 and len(cases[0].paragraphs()) == 3
