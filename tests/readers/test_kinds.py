"""Kinds: practice (case), event (news), synthesis (overview), opinion (commentary)."""

from __future__ import annotations

import pytest

from exporter.readers.kinds import kind_of

PRACTICE = ["某某县推行“积分制”管理，把党员参与基层治理的情况量化为积分。"] * 4


@pytest.mark.parametrize(
    ("paragraphs", "rubric", "kw", "kind"),
    [
        (PRACTICE, None, {}, "case"),
        (PRACTICE, "潮头观澜", {}, "commentary"),
        (
            ["6月27日，某市委副书记、市长张某赴某新区调研基层治理工作。", "他指出……"],
            None,
            {},
            "news",
        ),
        (["近日，某县召开党建引领基层治理推进会。", "会议要求……"], None, {}, "news"),
        (["某煤矿一季度圆满完成稳产保供任务。"], None, {}, "news"),
        (["某煤矿一季度圆满完成稳产保供任务。"], None, {"in_roundup": True}, "case"),
        (PRACTICE[:1], None, {"photo_credit": True}, "news"),
        (
            ["北京推行接诉即办。", "上海加装电梯。", "山东建设驿站。", "贵州领办合作社。"],
            None,
            {},
            "overview",
        ),
        (
            [
                "严密的组织体系是党的优势所在。",
                "各级党组织要把组织优势巩固好。",
                "每个党员都要强化组织观念，必须做到令行禁止。",
            ],
            None,
            {},
            "commentary",
        ),
    ],
)
def test_kind_of(paragraphs: list[str], rubric: str | None, kw: dict[str, bool], kind: str) -> None:
    photo = kw.get("photo_credit", False)
    roundup = kw.get("in_roundup", False)
    assert kind_of(paragraphs, rubric, False, False, photo, in_roundup=roundup) == kind


def test_submitted_compendium_entries_are_cases() -> None:
    assert kind_of(PRACTICE[:1], None, True, True, False) == "case"


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # One short paragraph reporting a method a place runs is a case, not news.
        ("某某镇推行“党员积分+村民评议”管理模式", "某某镇在全镇推行积分管理，每季度评议。", "case"),
        (None, "某某村开展“红色代办”服务，党员帮群众跑腿办事120余件。", "case"),
        # A short item whose subject is an occasion stays news.
        (
            "某某镇举办党员冬训专题班",
            "12月3日，某某镇举办党员冬训专题班，180余名党员参加。",
            "news",
        ),
        ("某某煤矿完成一季度任务", "某煤矿一季度圆满完成稳产保供任务。", "news"),
    ],
)
def test_short_items(title: str | None, text: str, kind: str) -> None:
    assert kind_of([text], None, False, False, False, title=title) == kind


def test_national_synthesis_is_an_overview() -> None:
    text = "记者从有关部门获悉，今年以来，全国已有4万个城市社区建立“大党委”。"
    assert (
        kind_of([text, "各地还建立社区工作者职业体系。"], None, False, False, False) == "overview"
    )
    assert kind_of(PRACTICE, None, False, False, False, title="全国基层党建综述") == "overview"


def test_report_columns_are_not_commentary_when_a_place_acts() -> None:
    report = ["青石县推行“积分制”管理，把党员参与基层治理的情况量化为积分。"] * 3
    assert kind_of(report, "基层观察", False, False, False) == "case"
    opinion = ["基层是党的执政之基。", "要坚持大抓基层。", "要建好党员队伍，必须敢于担当。"]
    assert kind_of(opinion, "基层观察", False, False, False) == "commentary"
