"""Where the built-in layouts and fonts live.

In a regular install they ship inside the package (`exporter/_data/`); in a source checkout
or an editable install they are the repository's top-level `layouts/` and `fonts/`.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"built-in {name}/ folder not found next to {_PKG}")


@cache
def layouts_dir() -> Path:
    return _find("layouts")


@cache
def fonts_dir() -> Path:
    """Font folder; `EXPORTER_FONTS` overrides it (a folder with the same file names)."""
    override = os.environ.get("EXPORTER_FONTS")
    return Path(override) if override else _find("fonts")


def default_input_dir() -> Path:
    return Path("input")
