"""Apply an EditSet to the enriched compendium, before assembly, so every writer (PDF,
DOCX, JSON, Markdown) prints the same corrected cases.

An edit for a case also applies to the case's exact copies in other inputs (same body):
the book prints one of them, whichever file was read first, and it has to be the edited
one either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exporter.assemble.grouping import body_fingerprint
from exporter.editorial.edits import Edit, EditSet
from exporter.model import Case, Compendium


@dataclass
class EditReport:
    """What the build did with the edits: applied (for the build report), problems (as
    warnings, errors with --strict), and where the editor placed cases."""

    path: str
    applied: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    chapter_of: dict[str, str] = field(default_factory=dict)
    order_of: dict[str, float] = field(default_factory=dict)


def _set_region(level: str) -> Callable[[Case, Any], None]:
    def setter(case: Case, value: Any) -> None:
        setattr(case.region, level, value)
        if level in case.region.inferred:  # the editor's value is no inference
            case.region.inferred.remove(level)

    return setter


def _set(name: str) -> Callable[[Case, Any], None]:
    return lambda case, value: setattr(case, name, value)


SETTERS: dict[str, Callable[[Case, Any], None]] = {
    "include": _set("on_topic"),
    "title": _set("title"),
    "summary": _set("summary"),
    "theme": _set("theme"),
    "province": _set_region("province"),
    "city": _set_region("city"),
    "county": _set_region("county"),
    "organization": _set("organization"),
    "practices": _set("practices"),
    "key_figures": _set("key_figures"),
    "lessons": _set("lessons"),
}


def apply_edits(comp: Compendium, edits: EditSet) -> EditReport:
    """Change the cases in place; fixes first, so a field the editor retyped wins."""
    report = EditReport(edits.path, problems=list(edits.problems))
    by_id = {c.id: c for c in comp.cases}
    report.order_of = {i: n for i, n in edits.order.items() if i in by_id}
    copies = _copies(comp)
    for case_id, where in edits.rows.items():
        if case_id not in by_id:
            report.problems.append(f"{where}: {_unknown(case_id, by_id)}")
    ordered = sorted(edits.edits, key=lambda e: e.key != "proof")
    for edit in ordered:
        case = by_id.get(edit.case_id)
        if case is None:
            continue
        if _apply_one(edit, [case, *copies.get(case.id, [])], report):
            report.applied.append(
                {
                    "id": edit.case_id,
                    "field": edit.key,
                    "value": _shown(edit.value),
                    "where": edit.where,
                }
            )
    return report


def _unknown(case_id: str, by_id: dict[str, Case]) -> str:
    """Why an id names no case, with the ids that now share its opening, if any (a new
    input whose opening collided with this case's gave them all suffixes)."""
    base = case_id.split("-", 1)[0]
    alike = sorted(i for i in by_id if i.split("-", 1)[0] == base)
    hint = f"; cases with the same opening now: {', '.join(alike)}" if alike else ""
    return f"unknown case id {case_id!r} (not in the inputs), row not applied{hint}"


def _apply_one(edit: Edit, cases: list[Case], report: EditReport) -> bool:
    if edit.key == "chapter":
        if edit.value:
            report.chapter_of[edit.case_id] = edit.value
        return True
    if edit.key == "order":
        if edit.value is not None:
            report.order_of[edit.case_id] = edit.value
        return True
    if edit.key == "proof":
        return _apply_fixes(edit, cases, report)
    for case in cases:
        SETTERS[edit.key](case, edit.value)
        case.edited = sorted({*case.edited, edit.key})
    if edit.key == "include" and edit.value and not cases[0].paragraphs():
        report.problems.append(f"{edit.where}: the case has no body text, it cannot be printed")
    return True


def _apply_fixes(edit: Edit, cases: list[Case], report: EditReport) -> bool:
    """Replace each accepted 原文 by its fix in the title, summary, body and card lists."""
    done = True
    for old, new in edit.value:
        found = False
        for case in cases:
            found = _replace(case, old, new) or found
        if not found:
            report.problems.append(f"{edit.where}: {old!r} is not in the case's text, not fixed")
            done = False
    for case in cases:
        case.edited = sorted({*case.edited, "proof"})
    return done


def _replace(case: Case, old: str, new: str) -> bool:
    found = False
    for p in case.paragraphs():
        if old in p.text:
            p.text, found = p.text.replace(old, new), True
    for name in ("title", "summary"):
        value = getattr(case, name)
        if value and old in value:
            setattr(case, name, value.replace(old, new))
            found = True
    for name in ("practices", "lessons"):
        items = getattr(case, name)
        if any(old in t for t in items):
            setattr(case, name, [t.replace(old, new) for t in items])
            found = True
    return found


def _copies(comp: Compendium) -> dict[str, list[Case]]:
    """Each case id -> the other cases with the same body (duplicates across inputs)."""
    groups: dict[str, list[Case]] = {}
    for case in comp.cases:
        if case.paragraphs():
            groups.setdefault(body_fingerprint(case), []).append(case)
    return {c.id: [d for d in g if d is not c] for g in groups.values() if len(g) > 1 for c in g}


def _shown(value: Any) -> Any:
    """An applied value as the build report prints it (JSON-ready)."""
    if isinstance(value, list):
        return [_shown(v) for v in value]
    if isinstance(value, tuple):
        return "→".join(value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    return value
