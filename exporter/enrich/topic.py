"""On-topic enricher: is the item about party building (党建) at all?

Counts party-organisation vocabulary in the title and body. A greening project, a coal mine's
output or a civilised-city campaign mentions none of it or only in passing (a 党委书记 quoted),
so both a minimum count and a minimum density per thousand characters are required.
"""

from __future__ import annotations

import re

from exporter.enrich.options import EnrichOptions
from exporter.model import Case, Compendium

PARTY_TERMS = re.compile(
    r"党建|党组织|党支部|党总支|党工委|党委|党员|党群|组织部|党的|主题党日|党性|入党|党风|党纪|党课|"
    r"三会一课|先锋模范|红色引擎|两新工委"
)
MIN_COUNT = 2
MIN_PER_THOUSAND = 2.0


def party_mentions(case: Case) -> list[str]:
    return PARTY_TERMS.findall(case.title or "") + PARTY_TERMS.findall(case.body_text())


def _parent_is_party(case: Case) -> bool:
    """A piece cut out of a party-building roundup section is read in that context."""
    p = case.parent
    return bool(p and PARTY_TERMS.search(" ".join(x or "" for x in (p.title, p.section))))


def is_on_topic(case: Case) -> bool:
    if case.title and not case.title_generated and PARTY_TERMS.search(case.title):
        return True
    n = len(party_mentions(case))
    size = max(len(case.body_text()), 1)
    minimum = 1 if _parent_is_party(case) else MIN_COUNT
    return n >= minimum and (n >= 2 * MIN_COUNT or 1000 * n / size >= MIN_PER_THOUSAND)


def enrich_topic(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.on_topic = is_on_topic(case)
