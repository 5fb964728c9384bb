"""Options shared by all enrichers (kept apart from the registry to avoid import cycles)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class EnrichOptions:
    summary_min: int = 60
    summary_max: int = 150
    max_key_figures: int = 6
    max_keywords: int = 8
