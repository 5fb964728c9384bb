"""Layout template fragments (cover, preface, source line, running header).

Templates are layout data, possibly from a user's folder, so they run in Jinja's sandbox
with undefined variables as errors. Case text is only ever passed in as data: it is never
compiled as template source, so `{{` in a news article prints as written.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from exporter.errors import LayoutError
from exporter.layout.model import Layout


@cache
def _env() -> SandboxedEnvironment:
    # autoescape off: the output is plain text placed by writers, never HTML or XML.
    return SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True
    )


@cache
def _compile(source: str) -> Template:
    # Compiled once per distinct source: a book renders the source line once per case.
    return _env().from_string(source)


def render(layout: Layout, name: str, **context: Any) -> str:
    """Render the layout's template `name` (templates/<name>.j2) with `context`."""
    source = layout.templates.get(name)
    if source is None:
        raise LayoutError(f"template {name}.j2 is missing", str(layout.path / "templates"))
    try:
        return _compile(source).render(**context).strip()
    except TemplateError as exc:
        where = str(layout.path / "templates" / f"{name}.j2")
        raise LayoutError(f"template error: {exc}", where) from None
