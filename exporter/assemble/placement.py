"""The editors' placement of cases (the review sheet's 章节 and 顺序) over the grouping."""

from __future__ import annotations

from exporter.assemble.grouping import Chapter


def place_cases(
    chapters: list[Chapter], chapter_of: dict[str, str], order_of: dict[str, float]
) -> list[Chapter]:
    """Move cases into the chapters editors named and sort each chapter by the editors'
    numbers; a case without a number keeps its place in the book (1, 2, … as the sheet
    shows it). Chapters the editors invented follow the others, by their first case;
    chapters left empty go."""
    if not chapter_of and not order_of:
        return chapters
    position: dict[str, float] = {}
    for ch in chapters:
        for case in ch.cases:
            position[case.id] = order_of.get(case.id, len(position) + 1)
    placed = {ch.title: Chapter(ch.key, ch.title, []) for ch in chapters}
    for ch in chapters:
        for case in ch.cases:
            title = chapter_of.get(case.id, ch.title)
            placed.setdefault(title, Chapter(title, title, [])).cases.append(case)
    for ch in placed.values():
        ch.cases.sort(key=lambda c: position[c.id])
    known = [placed[ch.title] for ch in chapters]
    new = [ch for title, ch in placed.items() if title not in {c.title for c in chapters}]
    new.sort(key=lambda ch: position[ch.cases[0].id])
    return [ch for ch in known + new if ch.cases]
