"""A commentary's summary: its own whole sentences behind the frame, never a place as actor."""

from __future__ import annotations

from exporter.enrich.summary import summarize
from exporter.enrich.summary_commentary import commentary_summary
from exporter.readers.kinds import KindFacts, decide_kind
from tests.enrich.helpers import make_case

# An invented opinion piece: an anecdote, a thesis, a call on cadres, a place in passing.
_PIECE = [
    "前些天，在某县一个村口，几位老人围着村干部，你一言我一语地说着修路的事。",
    "听得进意见，是干部作风的试金石。",
    "群众的意见，往往照出的是工作里的盲区，这正是改进的起点。",
    "然而，仍有个别干部只爱听好话，对批评的声音躲着走。",
    "党员干部要把群众的意见当作镜子，站稳群众立场，从群众不满意的地方改起。",
    "必须把意见转化为行动，一件一件抓落实。",
    "听得进、改得实，干群关系才能越来越近。",
]


def _sentences_of(summary: str) -> list[str]:
    return summary.removeprefix("评论指出，").rstrip("。").split("；")


def test_commentary_summary_is_whole_sentences_of_the_text() -> None:
    case = make_case(_PIECE, "听得进群众的意见", kind="commentary")
    text = summarize(case, limit=100, minimum=30, hard=120)
    assert text is not None and text.startswith("评论指出，") and text.endswith("。")
    body = "".join(_PIECE)
    for sentence in _sentences_of(text):
        assert sentence in body  # never a clause spliced from two sentences
    assert "党员干部要把群众的意见当作镜子" in text  # the call, with who is called on
    assert "某县" not in text  # a place in an anecdote is no actor of an argument


def test_commentary_skips_leaning_and_subjectless_demands() -> None:
    case = make_case(_PIECE, "听得进群众的意见", kind="commentary")
    text = commentary_summary(case, "评论指出，", limit=100, hard=120) or ""
    assert "然而" not in text and "必须把意见" not in text and "前些天" not in text


def test_reported_commentary_keeps_the_case_path() -> None:
    case = make_case(_PIECE, "听得进群众的意见", kind="commentary", byline="本报记者 某某")
    text = summarize(case, limit=100, minimum=30, hard=120) or ""
    assert not text.startswith("评论指出")


def test_a_headline_naming_a_unit_at_an_event_is_a_report() -> None:
    demands = [
        "党员要牢记初心，要把廉洁自律落到日常。",
        "干部要见贤思齐，必须守住底线。",
        "支部要把红色资源用起来，要让教育入脑入心。",
    ]
    opinion = KindFacts(demands, None, "守住底线见初心", *[False] * 4)
    report = KindFacts(
        demands, None, "守住底线见初心——某学院党支部赴纪念馆开展主题党日", *[False] * 4
    )
    assert decide_kind(opinion) == "commentary"
    assert decide_kind(report) != "commentary"


def test_a_place_passed_through_is_neither_actor_nor_committee() -> None:
    """An invented university story: the trip's county is named in one late paragraph."""
    from exporter.enrich import enrich
    from tests.enrich.helpers import comp_of

    paras = [
        "近日，某某大学党委部署党史学习教育，全校各级党组织及时组织学习。",
        "某某大学把学习与服务师生结合起来，修缮校内红色旧址10处。",
        "某某大学组建宣讲团，开展宣讲120场。",
        "暑期，学生实践队赴平山县开展调研，走访农户30户。",
    ]
    case = make_case(paras, "党旗在校园里飘扬")
    enrich(comp_of(case))
    assert case.organization == "某某大学"  # named in three paragraphs, the opening among them
    assert case.summary is not None and case.summary.startswith("某某大学")


def test_a_leaders_words_yield_to_the_pieces_own_point() -> None:
    paras = [
        "某领导强调，作风建设要常抓不懈。",
        "作风建设永远在路上，关键在于久久为功。",
        "党员干部要把作风建设融入日常，从小事小节抓起。",
    ]
    case = make_case(paras, "作风建设永远在路上", kind="commentary")
    text = commentary_summary(case, "评论指出，", limit=60, hard=120) or ""
    assert text.startswith("评论指出，作风建设永远在路上") and "强调" not in text


def test_a_summary_never_opens_on_a_connective() -> None:
    case = make_case(
        ["然而，青禾社区党委组建巡逻队3支，开展巡逻80余次，化解纠纷20件，辖区发案率下降一半。"]
    )
    case.organization = "青禾社区党委"
    text = summarize(case, limit=100, minimum=20, hard=120) or ""
    assert text.startswith("青禾社区党委组建巡逻队3支")
