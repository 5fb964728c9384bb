"""The docstring examples of the enrichers' rules are executed: each documents a real shape."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "exporter.enrich.actor",
    "exporter.enrich.figure_label",
    "exporter.enrich.figures",
    "exporter.enrich.measures",
    "exporter.enrich.organization",
    "exporter.enrich.pos",
    "exporter.enrich.summary_checks",
    "exporter.enrich.summary_commentary",
    "exporter.enrich.text",
    "exporter.enrich.titles",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
