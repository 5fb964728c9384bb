"""Enrichers: transforms `(compendium, options) -> None` that add metadata to cases.

Each enricher writes metadata fields only (never the body text) and is registered in
ENRICHERS in the order it must run (region before organization and summary, …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exporter.model import Compendium


@dataclass
class EnrichOptions:
    summary_min: int = 60
    summary_max: int = 150


Enricher = Callable[[Compendium, EnrichOptions], None]

ENRICHERS: list[tuple[str, Enricher]] = []


def enrich(comp: Compendium, options: EnrichOptions | None = None) -> Compendium:
    opts = options or EnrichOptions()
    for _name, step in ENRICHERS:
        step(comp, opts)
    return comp
