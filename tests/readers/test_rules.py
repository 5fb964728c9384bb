"""Line-role rules one by one, and the byline forms."""

from __future__ import annotations

import pytest

from exporter.readers import bylines as by
from exporter.readers.lines import Line
from exporter.readers.rules import RULES, Context, classify


def roles(text: str) -> list[tuple[str, str, str]]:
    lines = [Line(i, raw, raw.strip()) for i, raw in enumerate(text.split("\n"), 1)]
    classify(Context(lines))
    return [(line.text, line.role, line.reason) for line in lines if line.text]


def role_of(line: str, after: str = "正文段落在这里继续展开说明。") -> tuple[str, str]:
    found = roles(f"{line}\n\n{after}")[0]
    return found[1], found[2]


def test_rules_are_named_and_ordered() -> None:
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names))
    assert names.index("photo_credit") < names.index("byline") < names.index("headline_like")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("(下转3版)", "page_jump"),
        ("（上接第1版）", "page_jump"),
        ("①", "stray_number"),
        ("12", "page_number"),
        ("第3版", "page_number"),
        ("■", "ornament"),
        ("图①:湖南某地党员干部在田间帮助农户移栽春苗。", "photo_caption"),
        ("左图：社区党员志愿者入户走访。", "photo_caption"),
        ("图为志愿者在社区开展义诊。", "photo_caption"),
        ("孙凯芳 摄", "photo_credit"),
        ("本报记者 王强 摄", "photo_credit"),
        ("版式设计:汪哲平", "layout_credit"),
        ("责任编辑：李明", "editor_credit"),
        ("分送：各镇党委", "distribution_list"),
        ("本版编辑：王五", "editor_credit"),
        ("（县委宣传部供图）", "photo_credit"),
    ],
)
def test_noise_rules(line: str, reason: str) -> None:
    assert role_of(line) == ("noise", reason)


def test_repeated_short_line_is_a_running_header() -> None:
    text = "基层党建动态\n\n标题一\n\n正文。\n\n" * 3
    found = [r for r in roles(text) if r[0] == "基层党建动态"]
    assert [r[2] for r in found] == ["running_header"] * 3


def test_table_of_contents_is_dropped_but_titles_twice_are_kept() -> None:
    text = (
        "目录\n\n推行积分制 激活党员队伍……3\n\n"
        "推行积分制 激活党员队伍\n\n中共某县委组织部申报\n\n正文。"
    )
    found = roles(text)
    assert [r[2] for r in found[:2]] == ["table_of_contents", "table_of_contents"]
    assert found[2][:2] == ("推行积分制 激活党员队伍", "head")


@pytest.mark.parametrize(
    "line",
    [
        "一、背景",
        "（一）明晰股权，让群众“带资入股”",
        "——坚持党的领导,把握正确政治方向。",
        "新城区：",
        "潮头观澜",
    ],
)
def test_heading_like_lines(line: str) -> None:
    assert role_of(line, after="以党建引领乡村振兴")[0] == "head"


def test_colon_line_over_body_is_not_a_kicker() -> None:
    assert role_of("具体做法如下：")[0] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "党的十八大以来,党中央树起了大抓基层的",  # ends with a particle: split paragraph
        "(三)城乡共建的“连心桥”式。探索推行",  # a sentence ends inside: paragraph
        "网格员每月入户走访，重点做好以下工作：",  # leads into a list
        "与此同时,新城区常态化开展村干部资格联审和班子运行情况届中分析评估",
        "一是“党建+生产经营”。将党的领导融入公司治理的各环节。",
    ],
)
def test_body_lines_that_look_short(line: str) -> None:
    assert role_of(line)[0] == "body"


def test_fragment_followed_by_continuation_is_body() -> None:
    found = roles("将外出务工经商返乡人\n\n员、致富能手等人才储备入库。")
    assert found[0][1] == "body"


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("本报记者 赵成", [("赵成", "记者")]),
        ("●本报记者 刘沙沙 通讯员 韩诗雨", [("刘沙沙", "记者"), ("韩诗雨", "通讯员")]),
        ("●本报实习记者 若谷 通讯员 包白英", [("若谷", "实习记者"), ("包白英", "通讯员")]),
        ("*文/本刊记者 沈若溪*", [("沈若溪", "记者")]),
        (
            "策 划:张海燕 撰 稿:安通 黄轩俊",
            [("张海燕", "策划"), ("安通", "撰稿"), ("黄轩俊", "撰稿")],
        ),
        ("中共东辽县委组织部申报", [("中共东辽县委组织部", "申报单位")]),
        ("（阳光社区党委供稿）", [("阳光社区党委", "供稿单位")]),
        ("作者：王五", [("王五", "作者")]),
    ],
)
def test_own_line_bylines(line: str, credits: list[tuple[str, str]]) -> None:
    found = by.own_line(line)
    assert found is not None
    assert [(c.name, c.role) for c in found.credits] == credits
    assert role_of(line) == ("byline", "byline")


@pytest.mark.parametrize(
    "line", ["记者节到了", "基层实践", "潮头观澜", "筑牢乡村振兴坚强的战斗堡垒"]
)
def test_not_bylines(line: str) -> None:
    assert by.own_line(line) is None


def test_byline_authors_follow_gold_conventions() -> None:
    roundup = by.own_line("策划：甲乙 撰稿：丙丁 戊己")
    assert roundup is not None and roundup.authors == ["丙丁", "戊己"]
    photo = by.inline_suffix("增强了凝聚力。■本报记者 祁晓燕 摄")
    assert photo is not None and photo.raw == "■本报记者 祁晓燕 摄" and photo.authors == ["祁晓燕"]


@pytest.mark.parametrize(
    ("paragraph", "raw", "names"),
    [
        ("本报讯(赵鹏 王运红)今年以来,", "本报讯(赵鹏 王运红)", ["赵鹏", "王运红"]),
        (
            "本报讯（记者 阿柔娜 通讯员 白燕荣）近年来",
            "本报讯（记者 阿柔娜 通讯员 白燕荣）",
            ["阿柔娜", "白燕荣"],
        ),
        ("新华社北京6月1日电（记者 张三）日前，", "新华社北京6月1日电（记者 张三）", ["张三"]),
    ],
)
def test_inline_prefix(paragraph: str, raw: str, names: list[str]) -> None:
    found = by.inline_prefix(paragraph)
    assert found is not None and found.raw == raw and found.authors == names


@pytest.mark.parametrize(
    ("line", "ok"),
    [("马孝", True), ("潘江平 杨振强", True), ("欧阳小明", True), ("基层实践", False)],
)
def test_bare_names(line: str, ok: bool) -> None:
    assert (by.bare_names(line) is not None) is ok


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        # An organisation's name alone between headline and text is the submitting unit.
        (
            "“五事工作法”推动社区治理\n\n中共某某市某某区委组织部\n\n一、基本情况",
            [("中共某某市某某区委组织部", "申报单位")],
        ),
        (
            "某某标题\n\n某某县委组织部 某某县民政局\n\n某某县推行积分制管理，成效明显。",
            [("某某县委组织部", "申报单位"), ("某某县民政局", "申报单位")],
        ),
    ],
)
def test_unit_line_under_a_headline_is_a_byline(text: str, credits: list[tuple[str, str]]) -> None:
    lines = [Line(i, raw, raw.strip()) for i, raw in enumerate(text.split("\n"), 1)]
    classify(Context(lines))
    unit = [line for line in lines if line.text][1]
    assert unit.role == "byline" and unit.byline is not None
    assert [(c.name, c.role) for c in unit.byline.credits] == credits


def test_unit_line_elsewhere_is_not_a_byline() -> None:
    # Under a numbered heading it is a sub-head; without a headline above it, body or heading.
    found = roles("二、主要做法\n\n某某县委组织部\n\n某某县推行积分制管理。")
    assert found[1][1] != "byline"


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("文｜陈思远", [("陈思远", "作者")]),
        ("撰文：王海 摄影：李青", [("王海", "作者"), ("李青", "摄影")]),
        ("撰稿人：赵六", [("赵六", "撰稿")]),
        ("作者单位：某某县委组织部", [("某某县委组织部", "供稿单位")]),
        ("供稿：某某镇党委", [("某某镇党委", "供稿单位")]),
        ("来源：某某日报", [("某某日报", "来源")]),
    ],
)
def test_more_byline_forms(line: str, credits: list[tuple[str, str]]) -> None:
    found = by.own_line(line)
    assert found is not None
    assert [(c.name, c.role) for c in found.credits] == credits


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("原标题：青年人才扎根乡村记", "original_title"),
        ("往期推荐", "social_furniture"),
        ("点击蓝字关注我们", "social_furniture"),
        ("END", "social_furniture"),
    ],
)
def test_reposting_furniture_is_noise(line: str, reason: str) -> None:
    assert role_of(line) == ("noise", reason)


def test_arrow_line_is_a_caption_only_under_a_picture() -> None:
    md = [
        Line(1, "![](a.png)", "![](a.png)"),
        Line(2, "", ""),
        Line(3, "▲网格员入户走访", "▲网格员入户走访"),
    ]
    md[0].role, md[0].reason = "noise", "image"
    classify(Context(md))
    assert md[2].reason == "photo_caption"
    assert role_of("▲青竹村：“三步走”盘活闲置资源")[0] == "head"


def test_spaced_two_character_name() -> None:
    found = by.bare_names("肖　岩")
    assert found is not None and found.authors == ["肖岩"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("（作者系某某县委组织部部长）", "author_note"),
        ("（图片由某某县委宣传部提供）", "photo_credit"),
    ],
)
def test_writer_and_picture_notes_are_noise(line: str, reason: str) -> None:
    assert role_of(line) == ("noise", reason)


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("通讯员柳小川", [("柳小川", "通讯员")]),
        (
            "记者方一鸣通讯员李莉于东东摄",
            [("方一鸣", "记者"), ("李莉", "通讯员"), ("于东东", "摄影")],
        ),
        ("（邱  月  张  庆）", [("邱月", "作者"), ("张庆", "作者")]),
        (
            "作者:吴晓峰  审核人:郑达  责任编辑:钱芳",
            [("吴晓峰", "作者"), ("郑达", "编辑"), ("钱芳", "编辑")],
        ),
        ("某某网5月2日电（通讯员 曲云高梓航）", [("曲云", "通讯员"), ("高梓航", "通讯员")]),
        ("本报记者  王  伟《某某日报》（2025年01月02日第 3 版）", [("王伟", "记者")]),
    ],
)
def test_bylines_strip_roles_split_glued_names_and_keep_photographers_apart(
    line: str, credits: list[tuple[str, str]]
) -> None:
    found = by.own_line(line)
    assert found is not None
    assert [(c.name, c.role) for c in found.credits] == credits
    assert "摄影" not in {c.role for c in found.credits if c.name in found.authors}


@pytest.mark.parametrize("line", ["北京", "记者节到了", "上海市"])
def test_places_and_sentences_are_never_bylines(line: str) -> None:
    assert by.own_line(line) is None and by.bare_names(line) is None


def test_a_heading_ending_in_a_word_like_jiedui_is_a_heading() -> None:
    """`结对`, `所在` end in characters that are function words elsewhere (对, 在)."""
    text = "全市推进村企联建，成效明显。\n精准选人结对\n在推进工作过程中，各村主动对接企业。"
    found = roles(text)
    assert found[1][:2] == ("精准选人结对", "head")
    dangling = roles("全市推进村企联建工作，取得明显成效。\n各村主动对接企业并在\n推进中总结经验。")
    assert dangling[1][1] != "head"
