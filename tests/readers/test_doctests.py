"""The docstring examples of the reader's rules are executed: each documents a real case."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "exporter.readers.frontmatter",
    "exporter.readers.credit_fields",
    "exporter.readers.rules.chrome",
    "exporter.readers.bylines",
    "exporter.readers.names",
    "exporter.readers.webtitle",
    "exporter.readers.roundup",
    "exporter.readers.kinds",
    "exporter.readers.sentences",
    "exporter.readers.ids",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
