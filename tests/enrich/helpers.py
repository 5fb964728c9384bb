"""Small builders for enrichment tests."""

from __future__ import annotations

from exporter.model import Case, Compendium, Paragraph, Section, SourceFile, Span


def make_case(
    paragraphs: list[str],
    title: str | None = None,
    *,
    byline: str | None = None,
    source: str = "t.txt",
    case_id: str = "t-01",
    kind: str = "case",
    sections: list[tuple[str | None, list[str]]] | None = None,
    leads: dict[int, str] | None = None,
) -> Case:
    c = Case(id=case_id, source=source, kind=kind, title=title, byline=byline)
    groups = sections or [(None, paragraphs)]
    line = 1
    for heading, texts in groups:
        paras = []
        for text in texts:
            lead = (leads or {}).get(line)
            paras.append(Paragraph(text, Span(source, line, line), lead))
            line += 1
        c.sections.append(Section(heading, 1, paras, Span(source, 1, line)))
    return c


def comp_of(*cases: Case) -> Compendium:
    sources = sorted({c.source for c in cases})
    return Compendium(
        sources=[SourceFile(path=s, cases=[c.id for c in cases if c.source == s]) for s in sources],
        cases=list(cases),
    )
