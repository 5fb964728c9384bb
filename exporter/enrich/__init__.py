"""Enrichers: transforms `(compendium, options) -> None` that add metadata to cases.

Each enricher writes metadata fields only (never the body text) and is registered in
ENRICHERS in the order it must run (region before organization and summary, …).
"""

from __future__ import annotations

from collections.abc import Callable

from exporter.enrich.figures import enrich_figures
from exporter.enrich.keywords import enrich_keywords
from exporter.enrich.options import EnrichOptions
from exporter.enrich.organization import enrich_organization
from exporter.enrich.practices import enrich_practices
from exporter.enrich.region import enrich_region
from exporter.enrich.summary import enrich_summary
from exporter.enrich.theme import enrich_theme
from exporter.enrich.titles import enrich_titles
from exporter.enrich.topic import enrich_topic
from exporter.model import Compendium

__all__ = ["ENRICHERS", "EnrichOptions", "Enricher", "enrich"]

Enricher = Callable[[Compendium, EnrichOptions], None]

ENRICHERS: list[tuple[str, Enricher]] = [
    ("region", enrich_region),
    ("organization", enrich_organization),
    ("on_topic", enrich_topic),
    ("theme", enrich_theme),
    ("key_figures", enrich_figures),
    ("practices", enrich_practices),
    ("generated_title", enrich_titles),
    ("summary", enrich_summary),
    ("keywords", enrich_keywords),
]


def enrich(comp: Compendium, options: EnrichOptions | None = None) -> Compendium:
    opts = options or EnrichOptions()
    for _name, step in ENRICHERS:
        step(comp, opts)
    return comp
