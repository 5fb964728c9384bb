"""The acting body in a summary: named once, where it acts, in its full form."""

from __future__ import annotations

from exporter.enrich.summary_subject import with_subject
from exporter.enrich.text import sentences
from tests.enrich.helpers import make_case


def test_a_short_form_after_a_time_phrase_takes_the_full_name() -> None:
    case = make_case(["自2019年社区党委组建3支巡逻队以来，开展巡逻80余次。"])
    case.organization = "青禾社区党委"
    first = "自2019年社区党委组建3支巡逻队以来"
    out = with_subject(first, case, ["青禾社区党委", "青禾社区"])
    assert out == "自2019年青禾社区党委组建3支巡逻队以来"
    assert out.count("党委") == 1


def test_a_half_width_full_stop_between_chinese_ends_a_sentence() -> None:
    text = "“我感到很欣慰。”老党员感慨地说.自2019年以来，社区开展巡逻80余次。"
    assert sentences(text) == [
        "“我感到很欣慰。”老党员感慨地说。",
        "自2019年以来，社区开展巡逻80余次。",
    ]
    assert sentences("版本号为v2.5的系统上线。") == ["版本号为v2.5的系统上线。"]


def test_a_metaphor_for_the_outcome_leaves_the_main_statement() -> None:
    from exporter.enrich.summary import summarize

    case = make_case(
        [
            "青禾社区党委加强小区党建工作，激发小区治理活力，绘就幸福家园新图景，"
            "新组建12个小区党支部，开展志愿服务80余场。"
        ],
        title="青禾社区：小区建支部",
    )
    case.organization = "青禾社区党委"
    text = summarize(case) or ""
    assert "新组建12个小区党支部" in text
    assert "绘就" not in text and "图景" not in text
