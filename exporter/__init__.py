"""exporter: Chinese party-building news text -> typeset case compendium (案例汇编)."""

from __future__ import annotations

__version__ = "0.1.0"
