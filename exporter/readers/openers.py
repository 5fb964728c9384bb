"""Does a heading run open a new article, or head a part of the current one?

Ordered named cues: the first that gives a verdict decides (`Decision.cue` says which). When
none does, weighted evidence is summed (`SCORE_WEIGHTS`, one table) and the run opens an
article at `OPEN_THRESHOLD`. `exporter inspect --explain` prints the decision of every run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from exporter.readers import bylines as by
from exporter.readers.header import (
    BRACKETED,
    FIRST_PART,
    LONE_RUBRIC_MAX,
    Situation,
    is_dash,
    is_end_byline,
    is_inner_heading,
    is_kicker,
    is_rubric_like,
    lead_bullet,
)
from exporter.readers.lines import BYLINE, HEAD
from exporter.readers.repair import Unit
from exporter.vocab import CJK

# Evidence for a new article when no ordered cue decides. Weights in one place.
SCORE_WEIGHTS: dict[str, float] = {
    "split_headline": 1,  # `栖息环境好  崖沙燕归来`: a headline set in two spaced halves
    "wider_gap": 1,  # more blank lines before the run than between paragraphs
    "lede": 1,  # the next text opens like a news lead (`近日，`, `本报讯`)
    "noise_between": 1,  # dropped page furniture between the last text and the run
    "credit_after": 1,  # a photographer's credit under the next paragraph (photo news)
    "new_subject": 1,  # the next text opens with a place or body not named so far (x1-2)
    "closing_then_quote": 2,  # the last text closes (`下一步，…`) and a quoted headline follows
}
OPEN_THRESHOLD = 2.0
PLAIN_HEADLINE_PAIR = 2  # two plain heading lines over a text are kicker + headline

_LEDE = re.compile(
    r"^(?:近日|日前|近期|近年来|今年以来|去年以来|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|"
    r"(?:本报|本刊|新华社)[^，,。]{0,12}[讯电])"
)
_H = CJK
_SPLIT_HEADLINE = re.compile(rf"[{_H}”》]{{2,}}\s+[“《{_H}]{{2,}}")
_PAUSE = re.compile(r"[，,；;]")
# How news texts end: an outlook (`下一步，…`) or a quoted voice (`…。”居民王大爷说。`).
_CLOSING = re.compile(r"^(?:下一步|今后|接下来|未来)[，,]|”[^“”。]{1,16}(?:说|表示|介绍|感慨)。$")
# Headlines quote their brand term; inner headings of a plain report rarely do.
_QUOTED = re.compile(r"“[^”]{1,12}”")


@dataclass
class Decision:
    opens: bool
    cue: str
    scores: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        verdict = "opens an article" if self.opens else "stays in the article"
        if not self.scores:
            return f"{verdict}: {self.cue}"
        parts = " + ".join(f"{k} {v:g}" for k, v in self.scores.items()) or "no evidence"
        total = sum(self.scores.values())
        return f"{verdict}: {self.cue} ({parts} = {total:g}, needs {OPEN_THRESHOLD:g})"


@dataclass
class Run:
    """A heading run and what surrounds it."""

    units: list[Unit]
    sit: Situation

    @property
    def heads(self) -> list[Unit]:
        return [u for u in self.units if u.role == HEAD]

    @property
    def plain(self) -> list[Unit]:
        return [u for u in self.heads if not is_inner_heading(u)]

    @property
    def md_heads(self) -> list[Unit]:
        return [u for u in self.heads if u.md_level]


def first_text(r: Run) -> bool | None:
    """Nothing read yet: the first run of a file opens its first article."""
    return True if r.sit.prev_body is None else None


_SIDEBAR = re.compile(r"^(?:记者短评|短评|编后|编后语|记者手记|采访手记|记者观察|点评|小评论)$")


def sidebar(r: Run) -> bool | None:
    """`记者短评`, `编后`, `采访手记` over a few paragraphs: a box that belongs to the article
    above it, even when it is signed."""
    return False if any(_SIDEBAR.match(u.text) for u in r.units) else None


def own_byline(r: Run) -> bool | None:
    """`本报记者 某某` under the heading: a byline stands only under an article's title."""
    return True if any(u.role == BYLINE and not is_end_byline(u) for u in r.units) else None


def parts_restart(r: Run) -> bool | None:
    """`一、背景` again after an entry's parts: a headline over them is the next entry."""
    restart = r.sit.restart and any(not is_inner_heading(u) for u in r.heads)
    return True if restart else None


def bulletin_sibling(r: Run) -> bool | None:
    """`◆某镇推行…` after `◆某村…`: the same bullet opens the next bulletin item."""
    glyph = r.sit.title_bullet
    return True if glyph and any(lead_bullet(u.text) == glyph for u in r.heads) else None


def _lone_label(heads: list[Unit]) -> bool:
    """`基层实践`, `【典型案例】`: a column label alone over the next text."""
    if len(heads) != 1 or not is_rubric_like(heads[0]):
        return False
    return len(heads[0].text) <= LONE_RUBRIC_MAX or bool(BRACKETED.match(heads[0].text))


def _md_title(r: Run) -> bool:
    return any(0 < u.md_level <= r.sit.md_title_level for u in r.heads)


def inside_bylined(r: Run) -> bool | None:
    """On a page whose articles open with bylines, a heading run without one inside a
    bylined article is an inner heading (`廉洁自律` / `一送一拒，…`), unless a credit, page
    furniture or an inline `本报讯（记者…）` marks the text under it as another item."""
    s = r.sit
    if not (s.page_bylined and s.bylined) or s.credit_after or s.noise_between:
        return None
    if s.next_body and by.inline_prefix(s.next_body.text):
        return None
    if _lone_label(r.heads) or _md_title(r):
        return None
    return False


def kicker_over_title(r: Run) -> bool | None:
    """`新城区：` / `某某——` over a headline: a title block."""
    return True if any(is_kicker(u) for u in r.heads[:-1]) else None


def markdown_title(r: Run) -> bool | None:
    """`# 标题` at the file's title level opens an article."""
    hit = any(u.md_level <= r.sit.md_title_level and not is_inner_heading(u) for u in r.md_heads)
    return True if hit else None


def markdown_deeper(r: Run) -> bool | None:
    """Only Markdown headings deeper than the title level: inner headings."""
    md = r.md_heads
    return False if md and len(md) == len(r.heads) else None


def markdown_titled_file(r: Run) -> bool | None:
    """Where articles open with `# 标题`, a plain heading line is an inner heading."""
    return False if r.sit.md_titled and not r.md_heads else None


def inside_roundup(r: Run) -> bool | None:
    """The sub-heads of a roundup are its themes, not new articles."""
    return False if r.sit.in_roundup else None


def lone_label(r: Run) -> bool | None:
    """One short line: a column label (≤ 4 characters or bracketed) opens the text under
    it; a longer one (`织密组织网络`) is an inner heading."""
    heads = r.heads
    if len(heads) == 1 and is_rubric_like(heads[0]):
        return _lone_label(heads)
    return None


def only_inner(r: Run) -> bool | None:
    """`一、…`, `（二）…`, `——…` only: numbered inner headings."""
    return False if not r.plain else None


def parallel_heads(r: Run) -> bool | None:
    """`服务在前解民忧` / `教育在前树新风` / `关爱在前促成长`: headings cast in one mould
    (same length, same characters in the same places) are the parts of one text."""
    plain = r.plain
    if plain and all(u.first in r.sit.parallel for u in plain):
        return False
    return None


def headline_pair(r: Run) -> bool | None:
    """Two plain heading lines (not bold run-in heads): kicker and headline."""
    plain = r.plain
    pair = len(plain) >= PLAIN_HEADLINE_PAIR and all(not u.bold_line for u in plain)
    return True if pair else None


def title_with_subtitle(r: Run) -> bool | None:
    """A short headline directly over a `——` line: title and subtitle."""
    for head, nxt in zip(r.heads, r.heads[1:], strict=False):
        if is_dash(nxt) and not is_inner_heading(head) and len(head.text) <= 24:
            if not _PAUSE.search(head.text):
                return True
    return None


def inline_byline(r: Run) -> bool | None:
    """A credit closing the last text or `本报讯（记者…）` opening the next: item bounds."""
    prev, nxt = r.sit.prev_body, r.sit.next_body
    if (prev and by.inline_suffix(prev.text)) or (nxt and by.inline_prefix(nxt.text)):
        return True
    return None


Cue = Callable[[Run], "bool | None"]
ORDERED_CUES: list[tuple[str, Cue]] = [
    ("first_text", first_text),
    ("sidebar", sidebar),
    ("own_byline", own_byline),
    ("parts_restart", parts_restart),
    ("bulletin_sibling", bulletin_sibling),
    ("inside_bylined", inside_bylined),
    ("kicker_over_title", kicker_over_title),
    ("markdown_title", markdown_title),
    ("markdown_deeper", markdown_deeper),
    ("markdown_titled_file", markdown_titled_file),
    ("inside_roundup", inside_roundup),
    ("lone_label", lone_label),
    ("only_inner", only_inner),
    ("parallel_heads", parallel_heads),
    ("headline_pair", headline_pair),
    ("title_with_subtitle", title_with_subtitle),
    ("inline_byline", inline_byline),
]


def evidence(r: Run) -> dict[str, float]:
    """The weighted cues present around a run that no ordered cue decided."""
    s, plain = r.sit, r.plain
    found: dict[str, float] = {}

    def add(name: str, times: float = 1) -> None:
        if times:
            found[name] = SCORE_WEIGHTS[name] * times

    add("split_headline", any(_SPLIT_HEADLINE.search(u.text) for u in plain))
    add("wider_gap", r.units[0].gap_before > s.typical_gap)
    add("lede", bool(s.next_body and _LEDE.match(s.next_body.text)))
    add("noise_between", s.noise_between)
    add("credit_after", s.credit_after)
    # On a page whose articles carry bylines, a byline-less run is more often inner.
    strong = not s.has_inner and not s.bylined
    add("new_subject", min(s.new_subject, 2 if strong else 1))
    if strong and s.prev_body is not None and _CLOSING.search(s.prev_body.text):
        add("closing_then_quote", any(_QUOTED.search(u.text) and len(u.text) >= 8 for u in plain))
    return found


def decide_opening(units: list[Unit], sit: Situation) -> Decision:
    """The first ordered cue with a verdict, else the weighted evidence against the threshold."""
    r = Run(units, sit)
    for name, cue in ORDERED_CUES:
        verdict = cue(r)
        if verdict is not None:
            return Decision(verdict, name)
    found = evidence(r)
    return Decision(sum(found.values()) >= OPEN_THRESHOLD, "evidence", found)


__all__ = ["FIRST_PART", "Decision", "decide_opening"]
