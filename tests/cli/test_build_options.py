"""One flat set of options (CLI, Python API, batch jobs) becomes BuildOptions the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.pipeline import BuildOptions


def test_flat_options_split_into_build_and_assembly() -> None:
    opts = BuildOptions.from_flat(
        output=Path("out"), formats=("md",), title="汇编", group_by="region", strict=True
    )
    assert opts.output == Path("out") and opts.formats == ("md",) and opts.strict
    assert opts.assemble.title == "汇编" and opts.assemble.group_by == "region"
    assert BuildOptions.from_flat() == BuildOptions()


def test_an_unknown_option_is_refused() -> None:
    with pytest.raises(TypeError):
        BuildOptions.from_flat(titel="汇编")
