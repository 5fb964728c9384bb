"""Articles -> cases: sections, bylines, roundup splitting, kinds, truncation, normalisation."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from exporter.model import Case, Container, Credit, Paragraph, Parent, Section, Span
from exporter.readers import bylines as by
from exporter.readers.articles import Article
from exporter.readers.header import TitleBlock, is_dash, lead_bullet, strip_bullet
from exporter.readers.kinds import kind_of
from exporter.readers.lines import BODY, BYLINE, HEAD
from exporter.readers.punct import normalize
from exporter.readers.repair import Unit
from exporter.readers.roundup import (
    Block,
    Split,
    block_place,
    compendium_entry,
    generated_title,
    looks_like_roundup,
    national_overview,
    split_roundup,
    structural_roundup,
)
from exporter.readers.sentences import first_sentence
from exporter.readers.titles import lower_subject, practice_phrase, subject_position
from exporter.readers.truncation import FileFacts
from exporter.vocab import EDITORS_NOTE_WORDS

_CHINESE_NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_PAREN_NUMBERED = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")
_LEAD_MAX = 30

RawSection = tuple[Unit | None, list[Unit]]


@dataclass
class Built:
    cases: list[Case]
    container: Container | None = None
    dropped: list[tuple[Unit, str]] = field(default_factory=list)


def raw_sections(art: Article) -> list[RawSection]:
    """The article's body as (inner heading or None, paragraphs) pairs, in order."""
    sections: list[RawSection] = [(None, [])]
    for u in art.items:
        if u.role == HEAD:
            sections.append((u, []))
        elif u.role == BODY:
            sections[-1][1].append(u)
    if not sections[0][1] and len(sections) > 1:
        sections.pop(0)
    return sections


def _level(u: Unit, heads: list[Unit]) -> int:
    if u.md_level:
        return max(1, min(3, u.md_level - min(h.md_level for h in heads if h.md_level) + 1))
    text = u.text
    if _CHINESE_NUMBERED.match(text):
        return 1
    if _PAREN_NUMBERED.match(text):
        return 2 if any(_CHINESE_NUMBERED.match(h.text) for h in heads) else 1
    if is_dash(u):
        return 2 if any(not is_dash(h) for h in heads) else 1
    return 1


def _leads(paras: list[Unit]) -> dict[int, str]:
    """Paragraph-opening lead sentences (`聚焦“…”，…。`), only when the article uses them."""
    found: dict[int, str] = {}
    for i, p in enumerate(paras):
        if p.lead:
            found[i] = p.lead
            continue
        s = first_sentence(p.text)
        if (
            s != p.text
            and len(s) <= _LEAD_MAX
            and len(p.text) >= 2 * len(s)
            and s.endswith("。")
            and not s.startswith(("“", "‘", '"'))
        ):
            found[i] = s
    plain = [i for i in found if not paras[i].lead]
    if len(plain) < 2:
        for i in plain:
            del found[i]
    return found


def _paragraph(u: Unit, path: str, lead: str | None) -> Paragraph:
    span = Span(path, u.first, u.last)
    return Paragraph(normalize(u.text), span, normalize(lead) if lead else None)


def _sections(raw: list[RawSection], path: str) -> list[Section]:
    heads = [h for h, _ in raw if h is not None]
    all_paras = [p for _, ps in raw for p in ps]
    leads = _leads(all_paras)
    index = {id(p): i for i, p in enumerate(all_paras)}
    out = []
    for head, paras in raw:
        ps = [_paragraph(p, path, leads.get(index[id(p)])) for p in paras]
        first = head.first if head else (paras[0].first if paras else 0)
        last = paras[-1].last if paras else first
        out.append(
            Section(
                normalize(head.text) if head else None,
                _level(head, heads) if head else 1,
                ps,
                Span(path, first, last),
                head.first if head else None,
            )
        )
    return out


def _strip_inline_bylines(raw: list[RawSection]) -> tuple[by.Byline | None, by.Byline | None]:
    paras = [p for _, ps in raw for p in ps]
    prefix = suffix = None
    if paras:
        prefix = by.inline_prefix(paras[0].text)
        if prefix:
            paras[0].text = paras[0].text[len(prefix.raw) :].lstrip(" \u3000：:")
        suffix = by.inline_suffix(paras[-1].text)
        if suffix:
            paras[-1].text = paras[-1].text[: -len(suffix.raw)].rstrip()
    return prefix, suffix


def _combine(found: list[by.Byline | None]) -> by.Byline | None:
    """All credits printed for one item, first form first (nothing stripped is lost)."""
    real = [b for b in found if b is not None]
    if not real:
        return None
    if len(real) == 1:
        return real[0]
    credits = [c for b in real for c in b.credits]
    return by.Byline(" ".join(b.raw for b in real), credits, real[0].position)


def _apply_byline(case: Case, byline: by.Byline | None) -> None:
    if byline is None:
        return
    case.byline = byline.raw
    case.credits = [Credit(c.name, c.role) for c in byline.credits]
    case.authors = byline.authors


def build_article(art: Article, facts: FileFacts) -> Built:
    """One article's cases: a roundup cut into places, an editor's note as a container, a
    bulletin list as items, else one case with its title block, byline, sections and kind."""
    path = facts.path
    raw = raw_sections(art)
    prefix, suffix = _strip_inline_bylines(raw)
    block = art.header.block if art.header else None
    own = block.byline if block else None
    ends = [u.byline for u in art.items if u.role == BYLINE and u.byline]
    byline = _combine([own, prefix, *ends, suffix])
    if block and block.title:
        credited = looks_like_roundup(block.title, block.subtitle, own)
        split = None if compendium_entry([h for h, _ in raw if h]) else split_roundup(raw)
        heading = f"{block.title}{block.subtitle or ''}{block.rubric or ''}"
        national = national_overview(heading, own)
        if split is not None and not national and (credited or structural_roundup(split, heading)):
            return _roundup_cases(art, split, byline, facts)
    if _editor_note(block, raw):
        return _note_container(art, raw, block, path, byline)
    if _bullet_list(raw):
        return _bullet_cases(art, raw[0][1], block, byline, path)
    note = _leading_note(raw) if block and block.title else []
    case = Case(id="", source=path)
    if block:
        case.title = normalize(block.title) if block.title else None
        case.subtitle = normalize(block.subtitle) if block.subtitle else None
        case.rubric = normalize(block.rubric) if block.rubric else None
    _apply_byline(case, byline)
    case.sections = _sections(raw, path)
    paras = [p.text for p in case.paragraphs()]
    heads = [h for h, _ in raw if h is not None]
    submitted = bool(byline and any(c.role == "申报单位" for c in byline.credits))
    rubric = block.rubric if block else None
    photo = bool(suffix and any(c.role == "摄影" for c in suffix.credits))
    case.kind = kind_of(paras, rubric, bool(heads), submitted, photo, title=case.title)
    case.span = _case_span(art, path)
    if case.title is None and paras:
        _untitled(case, raw)
    box = None
    if note:
        box = Container(title=None, intro=[_paragraph(p, path, None) for p in note])
        box.span = Span(path, note[0].first, note[-1].last)
    return Built([case], box, list(art.dropped))


BULLET_LEAD_MAX = 30  # a bulletin item's headline sentence is this short


def _bullet_list(raw: list[RawSection]) -> bool:
    """A bulletin's list: every paragraph opens with the same item glyph (◆, ●, ▲…)."""
    if len(raw) != 1 or raw[0][0] is not None or len(raw[0][1]) < 2:
        return False
    glyphs = {lead_bullet(p.text) for p in raw[0][1]}
    return len(glyphs) == 1 and None not in glyphs


_CLAUSE_MARK = re.compile(r"[，,；;：:]")


def _bullet_cases(
    art: Article, paras: list[Unit], block: TitleBlock | None, byline: by.Byline | None, path: str
) -> Built:
    """One case per bulletin item; a short first sentence (`青山县开展“…”活动。`) is its
    headline, otherwise a title is generated from the place it names."""
    cases = []
    for p in paras:
        text = strip_bullet(p.text)
        lead = first_sentence(text)
        rest = text[len(lead) :].strip()
        title: str | None = None
        if rest and len(lead) <= BULLET_LEAD_MAX and not _CLAUSE_MARK.search(lead):
            title, text = lead.rstrip("。！？!?"), rest
        unit = dataclasses.replace(p, text=text)
        case = Case(id="", source=path, title=normalize(title) if title else None)
        if block:
            case.rubric = normalize(block.rubric) if block.rubric else None
            if block.title:
                case.parent = Parent(normalize(block.title), None, None)
        _apply_byline(case, byline)
        case.sections = _sections([(None, [unit])], path)
        submitted = bool(byline and any(c.role == "申报单位" for c in byline.credits))
        case.kind = kind_of([text], case.rubric, False, submitted, False, title=case.title)
        case.span = Span(path, p.first, p.last)
        if case.title is None:
            _untitled(case, [(None, [unit])])
        cases.append(case)
    return Built(cases, None, list(art.dropped))


def _leading_note(raw: list[RawSection]) -> list[Unit]:
    """`编者按：…` right under a headline introduces the article; it is not its text. The
    note's paragraphs are taken out of the first section and returned."""
    if not raw or not raw[0][1] or not _EDITOR_NOTE.match(raw[0][1][0].text):
        return []
    if sum(len(ps) for _, ps in raw) < 2:
        return []
    return [raw[0][1].pop(0)]


UNTITLED_LOOKAHEAD = 5  # an anecdotal lead may run a few paragraphs before the subject


def _untitled(case: Case, raw: list[RawSection]) -> None:
    """An item printed without a headline gets a generated `地名：…` title when it names one."""
    paras = [p for _, ps in raw for p in ps][:UNTITLED_LOOKAHEAD]
    for para in paras:
        sentence = first_sentence(para.text)
        place = block_place(sentence) or lower_subject(sentence)
        if place and not subject_position(sentence, place):
            continue  # `以及某大学…`, `针灸铜人是某大学…`: a place mentioned, not the subject
        if place:
            title = generated_title(Block(place, None, [para]))
            if "：" not in title:
                continue  # the place alone says nothing: look further or use the practice
            case.title = normalize(title)
            case.title_generated = True
            return
    phrase = practice_phrase(paras[0].text) if paras else ""
    if phrase:  # no place named: the practice alone (`建立驻村干部召回制度`)
        case.title, case.title_generated = normalize(phrase), True


def _case_span(art: Article, path: str) -> Span | None:
    lines = [n for u in art.items for n in u.lines]
    if art.header:
        b = art.header.block
        for u in [*b.title_units, b.rubric_unit, b.byline_unit]:
            if u is not None:
                lines.extend(u.lines)
    if not lines:
        return None
    return Span(path, min(lines), max(lines))


def _roundup_cases(art: Article, split: Split, byline: by.Byline | None, facts: FileFacts) -> Built:
    """The cases cut from a roundup (one per place block, the intro as an overview when it has
    facts of its own) and the container that keeps its title, credits and section intros."""
    path = facts.path
    block = art.header.block if art.header else None
    title = normalize(block.title) if block and block.title else None
    subtitle = normalize(block.subtitle) if block and block.subtitle else None
    # `党建要闻` over the roundup's headline: the column every case cut from it sat under.
    rubric = normalize(block.rubric) if block and block.rubric else None
    intro_case = _substantive(split.intro)
    container = Container(
        title=title,
        subtitle=subtitle,
        byline=byline.raw if byline else None,
        credits=[Credit(c.name, c.role) for c in byline.credits] if byline else [],
        intro=[] if intro_case else [_paragraph(p, path, None) for p in split.intro],
        sections=[_intro_section(h, ps, path) for h, ps in split.section_intros],
    )
    lines = [n for u in art.items for n in u.lines]
    container.span = Span(path, min(lines), max(lines)) if lines else None
    cases = []
    if intro_case:
        # An intro with facts of its own is the roundup's overview, titled by the roundup.
        case = Case(id="", source=path, kind="overview", title=title, subtitle=subtitle)
        case.rubric = rubric
        _apply_byline(case, byline)
        case.sections = _sections([(None, split.intro)], path)
        case.span = Span(path, split.intro[0].first, split.intro[-1].last)
        cases.append(case)
    for b in split.blocks:
        case = Case(id="", source=path, rubric=rubric)
        if b.heading is not None:
            case.title = normalize(b.heading.text)
        else:
            case.title = normalize(generated_title(b))
            case.title_generated = True
        if title:
            case.parent = Parent(title, normalize(b.section) if b.section else None, subtitle)
        _apply_byline(case, byline)
        case.sections = _sections([(None, b.paragraphs)], path)
        paras = [p.text for p in case.paragraphs()]
        case.kind = kind_of(paras, None, False, False, False, in_roundup=True)
        first = b.heading.first if b.heading else b.paragraphs[0].first
        case.span = Span(path, first, b.paragraphs[-1].last)
        cases.append(case)
    return Built(cases, container, list(art.dropped))


def _intro_section(head: Unit | None, paras: list[Unit], path: str) -> Section:
    lines = [n for u in ([head] if head else []) + paras for n in u.lines]
    span = Span(path, min(lines), max(lines)) if lines else Span(path, 0, 0)
    heading = normalize(head.text) if head else None
    ps = [_paragraph(p, path, None) for p in paras]
    return Section(heading, 1, ps, span, head.first if head else None)


_FACT = re.compile(r"\d[\d.,]*\s*(?:余|多)?\s*(?:个|名|人|万|亿|%|％|家|项|次|户|处|支|所|元)")


def _substantive(intro: list[Unit]) -> bool:
    """A roundup intro that reports facts (several figures), not just a framing paragraph."""
    text = "".join(u.text for u in intro)
    return len(_FACT.findall(text)) >= 2


_EDITOR_NOTE = re.compile(rf"^[【\[]?(?:{EDITORS_NOTE_WORDS})[】\]]?[:：]?")


def _editor_note(block: TitleBlock | None, raw: list[RawSection]) -> bool:
    """An editor's note (`编者按：…`) introduces the page; it is no case of its own."""
    if block is not None and block.title is not None:
        return False
    if block is not None and block.rubric and _EDITOR_NOTE.match(block.rubric):
        return True
    first = next((p for _, ps in raw for p in ps), None)
    return first is not None and bool(_EDITOR_NOTE.match(first.text))


def _note_container(
    art: Article,
    raw: list[RawSection],
    block: TitleBlock | None,
    path: str,
    byline: by.Byline | None = None,
) -> Built:
    paras = [p for _, ps in raw for p in ps]
    heads = [h for h, _ in raw if h is not None]
    box = Container(title=normalize(block.rubric) if block and block.rubric else None)
    box.intro = [_paragraph(p, path, None) for p in paras]
    box.sections = [_intro_section(h, [], path) for h in heads]
    if byline is not None:  # `——编  者`, `本报记者 某某`: who signed the note
        box.byline = byline.raw
    lines = [n for u in art.items for n in u.lines]
    box.span = Span(path, min(lines), max(lines)) if lines else None
    return Built([], box, list(art.dropped))
