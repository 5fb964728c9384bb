"""The renderer-neutral case model: the trunk every stage reads and writes.

Readers build it, enrichers add metadata to it, the assembler turns it into a book plan.
Nothing here knows about fonts, page sizes or Word styles. Every node carries a source
span (file, first and last line, 1-based) so any output can be traced back to its input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "exporter.compendium/1"

KINDS = ("case", "news", "overview", "commentary")
THEMES = ("基层治理", "乡村振兴", "新兴领域", "民生服务", "机关企事业", "队伍建设", "综合")
REGION_LEVELS = ("province", "city", "county", "township", "village")


@dataclass
class Span:
    """Where a node came from: 1-based inclusive line numbers in one source file."""

    file: str
    first_line: int
    last_line: int


@dataclass
class Paragraph:
    text: str
    span: Span
    # A paragraph-opening lead phrase (bold in Markdown, `聚焦“…”,…。` in plain text).
    lead: str | None = None


@dataclass
class Section:
    heading: str | None
    level: int
    paragraphs: list[Paragraph]
    span: Span
    heading_line: int | None = None


@dataclass
class Credit:
    name: str
    role: str  # 记者 实习记者 通讯员 作者 策划 撰稿 摄影 申报单位 供稿单位 来源


@dataclass
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None
    village: str | None = None
    # Levels filled from the gazetteer rather than printed in the text.
    inferred: list[str] = field(default_factory=list)

    def deepest(self) -> str | None:
        for level in reversed(REGION_LEVELS):
            value = getattr(self, level)
            if value:
                return str(value)
        return None


@dataclass
class KeyFigure:
    value: str
    unit: str
    text: str


@dataclass
class Parent:
    """The roundup (and its thematic section) a case was cut out of."""

    title: str
    section: str | None = None
    subtitle: str | None = None


@dataclass
class Dropped:
    """A line removed as noise; listed so nothing is lost silently."""

    line: int
    text: str
    reason: str


@dataclass
class Warning_:
    line: int | None
    code: str
    message: str


@dataclass
class Case:
    id: str
    source: str
    kind: str = "case"
    on_topic: bool = True
    title: str | None = None
    title_generated: bool = False
    subtitle: str | None = None
    rubric: str | None = None
    parent: Parent | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    byline: str | None = None
    organization: str | None = None
    region: Region = field(default_factory=Region)
    theme: str | None = None
    theme_secondary: list[str] = field(default_factory=list)
    theme_evidence: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    summary: str | None = None
    key_figures: list[KeyFigure] = field(default_factory=list)
    practices: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    truncated: bool = False
    truncation: str | None = None  # mid_sentence | continued_elsewhere | missing_sections
    sections: list[Section] = field(default_factory=list)
    span: Span | None = None
    # Fields an editor corrected through `build --edits` (review sheet keys: title, include …).
    edited: list[str] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def body_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs())


@dataclass
class Container:
    """Roundup furniture that belongs to no single case: title, credits, intro, section intros.

    Kept so that nothing printed is lost; the cases cut from the roundup point back to it
    through `Case.parent`.
    """

    title: str | None
    subtitle: str | None = None
    byline: str | None = None
    credits: list[Credit] = field(default_factory=list)
    intro: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # thematic heading + its intro
    cases: list[str] = field(default_factory=list)
    span: Span | None = None


@dataclass
class SourceFile:
    path: str
    encoding: str | None = None
    format: str = "text"  # text | markdown
    newline: str | None = None
    cases: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    error: str | None = None
    containers: list[Container] = field(default_factory=list)


@dataclass
class Compendium:
    sources: list[SourceFile] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)

    def errors(self) -> list[SourceFile]:
        return [s for s in self.sources if s.error]


# --- JSON round trip -------------------------------------------------------------------------


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"file": span.file, "first_line": span.first_line, "last_line": span.last_line}


def _section_dict(s: Section) -> dict[str, Any]:
    return {
        "heading": s.heading,
        "level": s.level,
        "heading_line": s.heading_line,
        "paragraphs": [p.text for p in s.paragraphs],
        "paragraph_spans": [[p.span.first_line, p.span.last_line] for p in s.paragraphs],
        "leads": [p.lead for p in s.paragraphs],
        "span": _span_dict(s.span),
    }


def case_to_dict(c: Case) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for f in fields(c):
        value = getattr(c, f.name)
        if f.name == "sections":
            d["sections"] = [_section_dict(s) for s in value]
        elif f.name == "span":
            d["span"] = _span_dict(value)
        elif f.name == "region":
            d["region"] = asdict(value)
        elif isinstance(value, list):
            d[f.name] = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        elif hasattr(value, "__dataclass_fields__"):
            d[f.name] = asdict(value)
        else:
            d[f.name] = value
    return d


def source_to_dict(s: SourceFile) -> dict[str, Any]:
    return asdict(s)


def to_dict(comp: Compendium) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "sources": [source_to_dict(s) for s in comp.sources],
        "cases": [case_to_dict(c) for c in comp.cases],
    }


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(d["file"], d["first_line"], d["last_line"]) if d else None


def _section(d: dict[str, Any], file: str) -> Section:
    spans = d.get("paragraph_spans") or [[0, 0]] * len(d["paragraphs"])
    leads = d.get("leads") or [None] * len(d["paragraphs"])
    paras = [
        Paragraph(t, Span(file, a, b), lead)
        for t, (a, b), lead in zip(d["paragraphs"], spans, leads, strict=True)
    ]
    span = _span(d.get("span")) or Span(file, 0, 0)
    return Section(d.get("heading"), d.get("level", 1), paras, span, d.get("heading_line"))


def case_from_dict(d: dict[str, Any]) -> Case:
    c = Case(id=d["id"], source=d["source"])
    simple = {f.name for f in fields(Case)} - {
        "sections",
        "span",
        "region",
        "parent",
        "credits",
        "key_figures",
    }
    for name in simple:
        if name in d:
            setattr(c, name, d[name])
    c.region = Region(**d.get("region") or {})
    c.parent = Parent(**d["parent"]) if d.get("parent") else None
    c.credits = [Credit(**x) for x in d.get("credits") or []]
    c.key_figures = [KeyFigure(**x) for x in d.get("key_figures") or []]
    c.sections = [_section(s, c.source) for s in d.get("sections") or []]
    c.span = _span(d.get("span"))
    return c


def source_from_dict(d: dict[str, Any]) -> SourceFile:
    s = SourceFile(path=d["path"])
    for name in ("encoding", "format", "newline", "cases", "error"):
        if name in d:
            setattr(s, name, d[name])
    s.dropped = [Dropped(**x) for x in d.get("dropped") or []]
    s.warnings = [Warning_(**x) for x in d.get("warnings") or []]
    s.containers = [_container(x, s.path) for x in d.get("containers") or []]
    return s


def _paragraph(d: dict[str, Any], file: str) -> Paragraph:
    return Paragraph(d["text"], _span(d.get("span")) or Span(file, 0, 0), d.get("lead"))


def _container(d: dict[str, Any], file: str) -> Container:
    """A roundup container read back from its JSON form."""
    sections = [
        Section(
            x.get("heading"),
            x.get("level", 1),
            [_paragraph(p, file) for p in x.get("paragraphs") or []],
            _span(x.get("span")) or Span(file, 0, 0),
            x.get("heading_line"),
        )
        for x in d.get("sections") or []
    ]
    return Container(
        title=d.get("title"),
        subtitle=d.get("subtitle"),
        byline=d.get("byline"),
        credits=[Credit(**c) for c in d.get("credits") or []],
        intro=[_paragraph(p, file) for p in d.get("intro") or []],
        sections=sections,
        cases=list(d.get("cases") or []),
        span=_span(d.get("span")),
    )


def from_dict(d: dict[str, Any]) -> Compendium:
    if d.get("schema") != SCHEMA:
        raise ValueError(f"unsupported schema {d.get('schema')!r}, expected {SCHEMA!r}")
    return Compendium(
        sources=[source_from_dict(s) for s in d.get("sources") or []],
        cases=[case_from_dict(c) for c in d.get("cases") or []],
    )
