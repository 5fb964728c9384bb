"""Shared fixtures: the seed corpus read and enriched once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUT = ROOT / "input"


@pytest.fixture(scope="session")
def seed_compendium():  # type: ignore[no-untyped-def]
    from exporter import inspect

    return inspect([INPUT])
