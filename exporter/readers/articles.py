"""Segmentation: units -> articles (title block + body and inner headings) and orphans."""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass, field

from exporter.readers import bylines as by
from exporter.readers.header import (
    FIRST_PART,
    ParsedHeader,
    Situation,
    is_end_byline,
    lead_bullet,
    parse_header,
    promote_bare_names,
)
from exporter.readers.lines import BODY, BYLINE, HEAD
from exporter.readers.openers import Decision, decide_opening
from exporter.readers.places import (
    date_led_locality,
    locality_at_start,
    mentions,
    organisation_at_start,
)
from exporter.readers.repair import Unit
from exporter.readers.roundup import block_place, compendium_entry, looks_like_roundup
from exporter.readers.sentences import first_sentence
from exporter.readers.titles import lower_subject
from exporter.vocab import EDITORS_NOTE_WORDS

_LEDE = re.compile(r"^(?:近日|日前|近期|近年来|今年以来|\d{1,2}月\d{1,2}日|\d{4}年)")
# A caption describes people in a photo: `X和同事们…`, `X正在…`, `X在…`.
# `村民在…`, `党员干部和…`: group nouns open ordinary sentences, not captions about a person.
_GROUP_NOUNS = set("民员者们众工师生兵警士友伴")
_CAPTION_SUBJECT = re.compile(
    r"^([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,3}?)(?:和|与|同|正在|带领|在)"
)


@dataclass
class Article:
    header: ParsedHeader | None
    items: list[Unit] = field(default_factory=list)  # body paragraphs and inner headings
    has_inner: bool = False  # inner headings seen so far (kept up to date while segmenting)
    has_first_part: bool = False  # a `一、背景`-style first part seen so far
    dropped: list[tuple[Unit, str]] = field(default_factory=list)
    opened: Decision | None = None  # why this article starts where it does

    def body(self) -> list[Unit]:
        return [u for u in self.items if u.role == BODY]


def _typical_gap(units: list[Unit]) -> int:
    gaps = [u.gap_before for u in units[1:] if u.role == BODY]
    return int(statistics.median(gaps)) if gaps else 1


@dataclass
class PageFacts:
    """What the segmenter knows about the whole file before it walks its units."""

    noise: list[int]  # dropped line numbers, sorted
    credits: list[int]  # photographers' credit lines, sorted
    retitles: list[int]  # `原标题：` lines, sorted
    gap: int  # blank lines between two paragraphs, typically
    md_level: int  # Markdown level of article titles (0: not Markdown)
    md_titled: bool  # two or more articles open with a Markdown heading
    page_bylined: bool  # two or more articles open with a byline
    parallel: frozenset[int]  # first lines of headings cast in one mould

    @classmethod
    def of(cls, units: list[Unit], noise: dict[int, str]) -> PageFacts:
        md_level = md_title_level(units)
        titled = sum(u.md_level == md_level for u in units if u.role == HEAD) >= 2
        return cls(
            sorted(noise),
            sorted(n for n, reason in noise.items() if reason == "photo_credit"),
            sorted(n for n, reason in noise.items() if reason == "original_title"),
            _typical_gap(units),
            md_level,
            md_level > 0 and titled,
            _bylined_openers(units) >= 2,
            parallel_headings(units),
        )


def _situation(
    page: PageFacts, units: list[Unit], j: int, run: list[Unit], cur: Article | None
) -> Situation:
    """The cues around the heading run `run` that ends before units[j] (the next text)."""
    prev_body, next_body = _last_body(cur), units[j]
    between = prev_body is not None and _any_in(page.noise, prev_body.last, run[0].first)
    sit = Situation(prev_body, next_body, page.gap, between, page.md_level, _is_roundup(cur))
    sit.credit_after = _any_in(page.credits, next_body.last, next_body.last + 4)
    sit.new_subject = 0 if _places_differ(units, j) else _new_subject(cur, next_body)
    sit.has_inner = cur is not None and cur.has_inner
    sit.title_bullet = _title_bullet(cur)
    sit.bylined = bool(cur and cur.header and cur.header.block.byline)
    sit.page_bylined, sit.md_titled, sit.parallel = page.page_bylined, page.md_titled, page.parallel
    sit.restart = bool(cur and cur.has_first_part) and any(_first_part(u) for u in run)
    return sit


def _first_part(u: Unit) -> bool:
    return u.role == HEAD and bool(FIRST_PART.match(u.text))


def _take_run(
    run: list[Unit], decision: Decision, cur: Article | None, found: list[Article]
) -> tuple[Article, list[list[Unit]]]:
    """Open a new article with the run, or add it to the current one; the orphans."""
    orphans: list[list[Unit]] = []
    if decision.opens or cur is None:
        parsed = parse_header(run)
        orphans = parsed.orphans
        cur = Article(parsed, list(parsed.inner), has_inner=bool(parsed.inner))
        cur.opened = decision
        found.append(cur)
    else:
        if decision.cue == "sidebar":
            _sign_sidebar(run)
        cur.items.extend(run)
        cur.has_inner = cur.has_inner or any(u.role == HEAD for u in run)
    cur.has_first_part = cur.has_first_part or any(_first_part(u) for u in run)
    return cur, orphans


def segment(units: list[Unit], noise: dict[int, str]) -> tuple[list[Article], list[list[Unit]]]:
    """Group units into articles; `noise` maps dropped line numbers to their reasons.
    Body units join the current article; each run of heading-like units between two texts
    either opens an article (its decision is kept on the article) or joins the current one."""
    page = PageFacts.of(units, noise)
    articles: list[Article] = []
    orphans: list[list[Unit]] = []
    cur: Article | None = None
    i = 0
    while i < len(units):
        u = units[i]
        if u.role == BODY:
            if cur is None or (_last_body(cur) is not None and by.inline_prefix(u.text)):
                # `本报讯（记者 X）…` opens an item even without a headline (a news-in-brief run).
                cur = Article(None)
                articles.append(cur)
            cur.items.append(u)
            i += 1
            continue
        j = i
        while j < len(units) and units[j].role != BODY:
            j += 1
        run, i = units[i:j], j
        promote_bare_names(run)
        prev_body, closed = _last_body(cur), False
        while (
            run
            and cur
            and prev_body
            and _ends_article(run[0], units[j] if j < len(units) else None)
        ):
            cur.items.append(run.pop(0))
            closed = True
        if not run:
            continue
        if j >= len(units):
            orphans.append(run)
            continue
        retitled = prev_body is not None and _any_in(page.retitles, prev_body.last, units[j].first)
        decision = _forced(cur, closed, retitled) or decide_opening(
            run, _situation(page, units, j, run, cur)
        )
        cur, more = _take_run(run, decision, cur, articles)
        orphans.extend(more)
    for art in articles:
        _drop_unlabelled_caption(art)
    return articles, orphans


PARALLEL_MIN = 3  # headings in one mould: enough to be a text's parts, not a coincidence


def _mould(text: str) -> set[tuple[int, int, str]]:
    """(length, offset, bigram) of a heading's character pairs, and (length, -1, where its
    marks stand) when it has two or more (`“某某”…` headings of one length)."""
    n = len(text)
    keys = {(n, k, text[k : k + 2]) for k in range(n - 1) if text[k : k + 2].isalnum()}
    marks = [f"{k}{ch}" for k, ch in enumerate(text) if not ch.isalnum()]
    if len(marks) >= 2:
        keys.add((n, -1, "".join(marks)))
    return keys


def parallel_headings(units: list[Unit]) -> frozenset[int]:
    """First lines of heading units sharing a mould with two or more others: the same
    length and the same two characters at the same place (`…在前…`, `“小…”…`)."""
    heads = [u for u in units if u.role == HEAD and 4 <= len(u.text) <= 16]
    count: dict[tuple[int, int, str], list[int]] = {}
    for u in heads:
        for key in _mould(u.text):
            count.setdefault(key, []).append(u.first)
    return frozenset(n for firsts in count.values() if len(firsts) >= PARALLEL_MIN for n in firsts)


def _sign_sidebar(run: list[Unit]) -> None:
    """The signature of a sidebar (`记者短评` / `某某`) signs the box, not the article: it is
    printed with the box's heading and credits nobody as the article's author."""
    for u in run:
        if u.role == BYLINE:
            u.role, u.byline, u.reason = HEAD, None, "sidebar_signature"


def _forced(cur: Article | None, closed: bool, retitled: bool) -> Decision | None:
    """Runs that open an article whatever they hold."""
    if cur is None:
        return Decision(True, "first_text")
    if closed:
        return Decision(True, "after_closing_credit")  # a credit line closed the last article
    if retitled:
        return Decision(True, "after_original_title")  # `原标题：…` between two items
    if _is_note(cur):
        return Decision(True, "after_editors_note")
    return None


def _bylined_openers(units: list[Unit]) -> int:
    """Header runs whose byline stands right under a headline (not a credit after a body)."""
    return sum(
        1
        for prev, u in itertools.pairwise(units)
        if u.role == BYLINE and prev.role == HEAD and not is_end_byline(u)
    )


def _title_bullet(art: Article | None) -> str | None:
    if art is None or art.header is None or not art.header.block.title_units:
        return None
    return lead_bullet(art.header.block.title_units[0].text)


def _any_in(sorted_lines: list[int], after: int, before: int) -> bool:
    """Whether a line number lies strictly between `after` and `before`."""
    k = bisect.bisect_right(sorted_lines, after)
    return k < len(sorted_lines) and sorted_lines[k] < before


_NOTE = re.compile(rf"^[【\[]?(?:{EDITORS_NOTE_WORDS})[】\]]?[:：]")


def _is_note(art: Article | None) -> bool:
    """An editor's note heading the page: the next headline opens the first article."""
    if art is None or (art.header is not None and art.header.block.title is not None):
        return False
    body = art.body()
    return bool(body) and bool(_NOTE.match(body[0].text))


SEEN_ITEMS = 40  # paragraphs of the current article searched for a place's earlier mention


def _new_subject(art: Article | None, next_body: Unit) -> int:
    """The next text opens with a place or body the current article has not named: 2 for a
    county-level or higher place, 1 for a township, village, community or organisation (which
    may lie inside the current article's place)."""
    if art is None:
        return 0
    sentence = first_sentence(next_body.text)
    chain = locality_at_start(sentence) or date_led_locality(sentence)
    place = chain or organisation_at_start(sentence) or lower_subject(sentence)
    if not place:
        return 0
    seen = "".join(u.text for u in art.items[-SEEN_ITEMS:])
    if art.header is not None:
        b = art.header.block
        seen += f"{b.title or ''}{b.subtitle or ''}{b.rubric or ''}"
    if mentions(seen, place):
        return 0
    return 2 if chain else 1


LOOKAHEAD = 12  # paragraphs looked at after a header run


def _places_differ(units: list[Unit], j: int) -> bool:
    """The paragraphs after a header open with two or more different places: a roundup's
    thematic section, not one article about one place."""
    seen = ""
    places = 0
    for u in itertools.islice(units, j, j + LOOKAHEAD):
        if u.role != BODY:
            break
        place = block_place(first_sentence(u.text))
        if place and not mentions(seen, place):
            places += 1
        seen += u.text
    return places >= 2


def md_title_level(units: list[Unit]) -> int:
    """Markdown level of article titles: the deepest heading level that carries a byline,
    else the shallowest level used."""
    bylined = [
        u.md_level
        for u, nxt in itertools.pairwise(units)
        if u.md_level and (nxt.role == BYLINE or (nxt.role == HEAD and by.bare_names(nxt.text)))
    ]
    if bylined:
        return max(bylined)
    levels = [u.md_level for u in units if u.md_level]
    return min(levels) if levels else 0


def _is_roundup(art: Article | None) -> bool:
    if art is None or art.header is None:
        return False
    b = art.header.block
    if not looks_like_roundup(b.title, b.subtitle, b.byline):
        return False
    return not compendium_entry([u for u in art.items if u.role == HEAD])


def _last_body(art: Article | None) -> Unit | None:
    if art is None:
        return None
    return next((u for u in reversed(art.items) if u.role == BODY), None)


def _ends_article(u: Unit, next_body: Unit | None) -> bool:
    """A credit printed after a body: `（X供稿）`, or a names-only line closing the article."""
    if is_end_byline(u) or u.role == BYLINE:
        # A byline never precedes its own headline: one opening a run closes the last article.
        if u.byline:
            u.byline.position = "own_line_end"
        return True
    if u.role == HEAD and next_body is None and by.bare_names(u.text):
        u.role, u.byline, u.reason = BYLINE, by.bare_names(u.text), "end_byline"
        u.byline.position = "own_line_end"  # type: ignore[union-attr]
        return True
    return False


def _drop_unlabelled_caption(art: Article) -> None:
    """A one-sentence line under a byline-less headline that names a person the article only
    introduces later is a photo caption printed between headline and text."""
    head = art.header
    if head is None or head.block.title is None or head.block.byline is not None:
        return
    if not art.items or art.items[0].role != BODY:
        return
    first = art.items[0]
    text = first.text
    if len(text) > 100 or first_sentence(text) != text or _LEDE.match(text):
        return
    if locality_at_start(text) or len(art.body()) < 3:
        return
    m = _CAPTION_SUBJECT.match(text)
    if not m:
        return
    name = m.group(1)
    if not by.bare_names(name) or set(name) & _GROUP_NOUNS:
        return
    later = "".join(u.text for u in art.body()[2:])
    if name in later:
        art.items.pop(0)
        art.dropped.append((first, "photo_caption_unlabelled"))
