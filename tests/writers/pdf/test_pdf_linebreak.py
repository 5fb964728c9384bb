"""The CLREQ line breaker on its own: kinsoku, unbreakable runs, justification, spacing."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.layout.load import load_layout
from exporter.writers.pdf.linebreak import (
    NO_END,
    NO_START,
    WORD_RE,
    break_lines,
    expandable,
    half,
    natural,
    prepare,
)
from exporter.writers.pdf.styles import StyleSheet

STYLE = StyleSheet(load_layout("book"))["body"]
EM = STYLE.em


def lines_of(text: str, chars: float = 10.0) -> tuple[list[str], list]:
    pp = prepare(text, STYLE.chain, STYLE.size, STYLE.tracking)
    lines = break_lines(pp, chars * EM)
    return [text[ln.start : ln.end] for ln in lines], lines


def test_closing_mark_at_the_boundary_never_starts_a_line() -> None:
    for mark in "，。、；：！？）》」』】〉”’":
        texts, _ = lines_of("一二三四五六七八九十" + mark + "甲乙丙")
        assert all(t[0] != mark for t in texts[1:]), (mark, texts)
        assert "".join(texts) == "一二三四五六七八九十" + mark + "甲乙丙"


def test_opening_mark_never_ends_a_line() -> None:
    for mark in "（《「『【〈“‘":
        texts, _ = lines_of("一二三四五六七八九" + mark + "甲乙丙丁")
        assert not any(t.endswith(mark) for t in texts[:-1]), (mark, texts)


def test_dashes_and_ellipses_stay_whole_and_never_start_a_line() -> None:
    for run in ("——", "……"):
        texts, _ = lines_of("一二三四五六七八九" + run + "甲乙丙丁")
        joined = "|".join(texts)
        assert run in joined and not any(t.startswith(run[0]) for t in texts[1:]), texts


def test_latin_words_numbers_and_urls_are_not_split() -> None:
    text = "党建工作推动Reportlab与2023年的1,300元及https://example.org/a/b链接共同进步发展"
    texts, _ = lines_of(text, 8)
    for word in ("Reportlab", "2023", "1,300", "https://example.org/a/b"):
        if len(word) * 0.6 < 8:
            assert any(word in t for t in texts), (word, texts)


def test_non_final_lines_fill_the_measure_exactly() -> None:
    text = ("推动党建工作与中心工作深度融合，是提升基层党组织战斗力的关键。" * 6) + "AED设备3台。"
    pp = prepare(text, STYLE.chain, STYLE.size, STYLE.tracking)
    width = 13.37 * EM  # not a whole number of characters
    lines = break_lines(pp, width)
    for ln in lines[:-1]:
        end = natural(pp, ln.start, ln.end) + ln.gap * expandable(pp, ln.start, ln.end)
        if ln.compressed:
            end -= half(pp, ln.end - 1)
        assert abs(ln.x + end - width) < 0.02


def test_quarter_em_between_han_and_latin() -> None:
    pp = prepare("党建AED设备", STYLE.chain, STYLE.size, STYLE.tracking)
    assert pp.extra == {2: STYLE.size * 0.25, 5: STYLE.size * 0.25}


def test_first_line_indent_is_two_characters() -> None:
    pp = prepare("党建" * 30, STYLE.chain, STYLE.size, STYLE.tracking)
    lines = break_lines(pp, 20 * EM, STYLE.first_indent)
    assert abs(lines[0].x - 2 * EM) < 1e-6 and lines[1].x == 0


HAN = "党建工作推动基层治理社区服务群众发展乡村振兴组织建设"
PUNCT = "，。、；：！？“”（）《》——……"
LATIN = ["AED", "2023", "1,300", "AT&T", "x"]


@st.composite
def chinese_text(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.text(alphabet=HAN, min_size=1, max_size=8),
                st.sampled_from([*list(PUNCT), "——", "……"]),
                st.sampled_from(LATIN),
            ),
            min_size=5,
            max_size=60,
        )
    )
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(chinese_text(), st.floats(min_value=6.0, max_value=40.0))
def test_properties_hold_for_any_text(text: str, chars: float) -> None:
    pp = prepare(text, STYLE.chain, STYLE.size, STYLE.tracking)
    lines = break_lines(pp, chars * EM)
    assert "".join(text[ln.start : ln.end] for ln in lines) == text.replace(" ", "")
    words = [m.span() for m in WORD_RE.finditer(text)]
    for prev, ln in itertools.pairwise(lines):
        first, last = text[ln.start], text[prev.end - 1]
        forced = not _had_legal_break(pp, prev, ln)
        assert first not in NO_START or forced, (text[prev.start : prev.end], text[ln.start :])
        assert last not in NO_END or forced
        inside = any(s < ln.start < e for s, e in words)
        assert not inside or forced


def _had_legal_break(pp, prev, ln) -> bool:
    """False when the previous line had no legal break at all (an emergency break)."""
    from exporter.writers.pdf.linebreak import can_break

    return any(can_break(pp, p) for p in range(prev.start + 1, ln.start + 1))


def test_a_measure_narrower_than_a_character_still_sets_every_character() -> None:
    texts, _ = lines_of("党建AED。", 0.5)
    assert "".join(texts) == "党建AED。" and all(texts)
