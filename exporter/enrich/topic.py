"""On-topic enricher: is the item about party building (党建) at all?

Counts party-organisation evidence in the title, subtitle and body. In this genre almost every
item is about party building; what must stay out is a greening project, a coal mine's output or
a civilised-city campaign that mentions the party not at all or only in passing (one 党委书记
quoted in a long report). So a single mention is incidental, two or more are evidence unless
they are spread thinly over a long text, and a title or subtitle naming party work decides.
"""

from __future__ import annotations

import re

from exporter.enrich.options import EnrichOptions
from exporter.model import Case, Compendium

PARTY_TERMS = re.compile(
    r"党建|党组织|党支部|党总支|党小组|党工委|党委|党组|党员|党群|组织部|社会工作部|机关工委|"
    r"两新工委|第一书记|支部书记|党的|主题党日|党性|入党|党风|党纪|党课|党史|党务|党费|党旗|党徽|"
    r"党代表|党校|三会一课|先锋模范|红色引擎"
)
MIN_COUNT = 2  # one mention is incidental
DENSE_COUNT = 4  # this many decide at any length
MIN_PER_THOUSAND = 1.5  # below DENSE_COUNT, the evidence must not be lost in a long text


def party_mentions(case: Case) -> list[str]:
    return PARTY_TERMS.findall(case.title or "") + PARTY_TERMS.findall(case.body_text())


def _parent_is_party(case: Case) -> bool:
    """A piece cut out of a party-building roundup section is read in that context."""
    p = case.parent
    return bool(p and PARTY_TERMS.search(" ".join(x or "" for x in (p.title, p.section))))


def _heading_is_party(case: Case) -> bool:
    heads = [case.subtitle or ""]
    if case.title and not case.title_generated:
        heads.append(case.title)
    return any(PARTY_TERMS.search(h) for h in heads)


def is_on_topic(case: Case) -> bool:
    if _heading_is_party(case):
        return True
    n = len(party_mentions(case))
    size = max(len(case.body_text()), 1)
    minimum = 1 if _parent_is_party(case) else MIN_COUNT
    return n >= minimum and (n >= DENSE_COUNT or 1000 * n / size >= MIN_PER_THOUSAND)


def enrich_topic(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.on_topic = is_on_topic(case)
