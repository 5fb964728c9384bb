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
