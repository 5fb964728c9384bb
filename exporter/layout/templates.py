"""Layout template fragments (cover, preface, source line, running header).

Templates are layout data, possibly from a user's folder, so they run in Jinja's sandbox
with undefined variables as errors. Case text is only ever passed in as data: it is never
compiled as template source, so `{{` in a news article prints as written.

The sandbox keeps a template from the file system but not from looping, recursing or
building a huge string, so every render also runs under limits (time, output size, size
of a repeated or joined string, numbers passed to calls), and any failure at run time is a
LayoutError naming the template file and line (exit 2), never a traceback or a hang.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from functools import cache, wraps
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

from exporter.errors import LayoutError
from exporter.layout.model import Layout

RENDER_SECONDS = 2.0  # a cover or source line renders in well under a millisecond
MAX_CHARS = 200_000  # of any string a template builds, and of its output
MAX_NUMBER = 1_000_000  # largest number passed to a call or a filter (widths, counts)
MAX_EXPONENT = 64
MAX_BITS = 100_000  # of an integer a power may build
TEMPLATE_FILE = "<template>"


class TemplateLimit(Exception):
    """A template went over one of the render limits (or asked for a forbidden feature)."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.lineno = lineno


_deadline = threading.local()


def _tick() -> None:
    if time.monotonic() > getattr(_deadline, "at", float("inf")):
        raise TemplateLimit(f"took longer than {RENDER_SECONDS:g} s (a loop that never ends?)")


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_CHARS:
        raise TemplateLimit(f"builds a value of {len(value):,} items (limit {MAX_CHARS:,})")
    return value


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    _tick()
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise TemplateLimit(f"number {value} too large for a template (limit {MAX_NUMBER:,})")


def _guarded_range(*args: int) -> Iterator[int]:
    _check_args(args, {})
    for i in range(*args):
        _tick()
        yield i


class _CodeGen(CodeGenerator):
    """`a ~ b` goes through the environment, so a doubling string is caught."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _LimitedEnvironment(SandboxedEnvironment):
    code_generator_class = _CodeGen
    intercepted_binops = frozenset({"*", "**", "+"})

    def checked_concat(self, parts: tuple[Any, ...]) -> str:
        _tick()
        return str(_check_size("".join(map(str, parts))))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "**" and isinstance(right, int) and isinstance(left, int):
            if abs(right) > MAX_EXPONENT or left.bit_length() * abs(right) > MAX_BITS:
                raise TemplateLimit(f"power {left} ** {right} too large")
        if operator == "*" and isinstance(left, int) and isinstance(right, (str, list, tuple)):
            left, right = right, left
        if operator == "*" and isinstance(left, (str, list, tuple)) and isinstance(right, int):
            if len(left) * right > MAX_CHARS:
                raise TemplateLimit(f"repeats a value of {len(left):,} items {right:,} times")
        return _check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_args(args, kwargs)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _limited(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)  # keeps Jinja's pass_context/pass_environment marks
    def run(*args: Any, **kwargs: Any) -> Any:
        _check_args(args, kwargs)
        return _check_size(func(*args, **kwargs))

    return run


@cache
def _env() -> SandboxedEnvironment:
    # autoescape off: the output is plain text placed by writers, never HTML or XML.
    env = _LimitedEnvironment(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True
    )
    env.filters = {name: _limited(f) for name, f in env.filters.items()}
    env.globals["range"] = _guarded_range
    return env


_NO_LOADING = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


@cache
def _compile(source: str) -> Template:
    # Compiled once per distinct source: a book renders the source line once per case.
    env = _env()
    tree = env.parse(source)
    for node in tree.find_all(_NO_LOADING):
        raise TemplateLimit("templates cannot include or import others", node.lineno)
    return env.from_string(tree)


def _template_line(exc: BaseException) -> int | None:
    """The template line the error happened on (Jinja maps its frames to the source)."""
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _run(template: Template, context: dict[str, Any]) -> str:
    _deadline.at = time.monotonic() + RENDER_SECONDS
    try:
        out, size = [], 0
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_CHARS:
                raise TemplateLimit(f"output longer than {MAX_CHARS:,} characters")
            _tick()
            out.append(chunk)
        return "".join(out).strip()
    finally:
        _deadline.at = float("inf")


def render(layout: Layout, name: str, **context: Any) -> str:
    """Render the layout's template `name` (templates/<name>.j2) with `context`."""
    source = layout.templates.get(name)
    where = str(layout.path / "templates" / f"{name}.j2")
    if source is None:
        raise LayoutError(f"template {name}.j2 is missing", str(layout.path / "templates"))
    try:
        return _run(_compile(source), context)
    except TemplateError as exc:
        raise LayoutError(f"template error: {exc}", where, getattr(exc, "lineno", None)) from None
    except RecursionError:
        raise LayoutError("template error: recursion too deep", where) from None
    except MemoryError:
        raise LayoutError("template error: out of memory", where) from None
    except Exception as exc:  # any other run-time fault of a user's template
        reason = str(exc) or type(exc).__name__
        line = getattr(exc, "lineno", None) or _template_line(exc)
        raise LayoutError(f"template error: {reason}", where, line) from None
