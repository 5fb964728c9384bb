"""Our `--format md` output as Typst markup, so Typst typesets the same book as we do.

pandoc 2.x has no Typst writer, and Typst's Markdown packages need a network download, so
this converts the small Markdown subset `exporter/writers/md_writer.py` emits: YAML title,
ATX headings with `{#id}`, paragraphs, `**strong**`, `*emphasis*`, `> ` boxes, pipe tables,
ordered and (nested) bullet lists, `[text](#anchor)` links. The page setup follows the
`book` layout (A4, 25/22 mm top/bottom, 25/20 mm inner/outer, 10.5 pt on an 18 pt pitch,
2-character first-line indent, justified; serif body, sans headings, kai boxes), with a
running page number and a table of contents, so both engines do comparable work.
"""

from __future__ import annotations

import re

_MD_ESCAPE = re.compile(r"\\(.)")
_TYP_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-'\"])")
_HEADING = re.compile(r"^(#{1,6}) (.*?)(?: \{#([^}]+)\})?$")
_ORDERED = re.compile(r"^(\s*)\d+\. (.*)$")
_BULLET = re.compile(r"^(\s*)- (.*)$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(#([^)]+)\)")

PREAMBLE = """#set document(title: "{title}")
#set page(paper: "a4", margin: (top: 25mm, bottom: 22mm, inside: 25mm, outside: 20mm),
  numbering: "1", number-align: center)
#set text(font: ("Noto Serif SC", "DejaVu Sans"), size: 10.5pt, lang: "zh", region: "cn")
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 7.5pt,
  spacing: 7.5pt)
#show heading: set text(font: ("Noto Sans SC", "DejaVu Sans"), weight: "bold")
#show heading.where(level: 1): it => {{ pagebreak(weak: true); align(center, text(22pt, it)) }}
#show heading.where(level: 2): set text(16pt)
#show heading.where(level: 3): set text(12pt)

#align(center)[#v(150pt) #text(font: "Noto Sans SC", size: 26pt, weight: "bold")[{title}]]
#pagebreak()
#outline(depth: 2)
"""


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text)


def escape(text: str) -> str:
    """Plain text -> Typst markup that prints it verbatim."""
    return _TYP_SPECIAL.sub(r"\\\1", text)


def inline(md: str) -> str:
    """One line of Markdown inline markup -> Typst markup."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(md):
        out.append(escape(_unescape(md[pos : m.start()])))
        if m.group(1) is not None:
            out.append("#strong[" + inline(m.group(1)) + "]")
        elif m.group(2) is not None:
            out.append("#emph[" + inline(m.group(2)) + "]")
        else:
            out.append(f"#link(<{m.group(4)}>)[" + inline(m.group(3)) + "]")
        pos = m.end()
    out.append(escape(_unescape(md[pos:])))
    return "".join(out)


def _cells(row: str) -> list[str]:
    # split on unescaped pipes
    parts = re.split(r"(?<!\\)\|", row.strip())
    return [p.strip() for p in parts[1:-1]]


def _table(rows: list[str]) -> list[str]:
    header = _cells(rows[0])
    body = [_cells(r) for r in rows[2:]]
    cells = ", ".join(f"[{inline(c)}]" for r in [header, *body] for c in r)
    return [f"#table(columns: {len(header)}, {cells})", ""]


def _block(lines: list[str]) -> list[str]:
    """A group of lines with no blank line between them."""
    first = lines[0]
    if first.startswith("|"):
        return _table(lines)
    if first.startswith(">"):
        inner = convert_body([re.sub(r"^> ?", "", ln) for ln in lines])
        return ["#block(inset: 8pt, fill: luma(240), width: 100%)[", *inner, "]", ""]
    out: list[str] = []
    for ln in lines:
        if m := _ORDERED.match(ln):
            out.append(m.group(1) + "+ " + inline(m.group(2)))
        elif m := _BULLET.match(ln):
            out.append(m.group(1) + "- " + inline(m.group(2)))
        elif m := _HEADING.match(ln):
            label = f" <{m.group(3)}>" if m.group(3) else ""
            out.append("=" * len(m.group(1)) + " " + inline(m.group(2)) + label)
        else:
            out.append(inline(ln))
    return [*out, ""]


def convert_body(lines: list[str]) -> list[str]:
    out: list[str] = []
    group: list[str] = []
    for ln in [*lines, ""]:
        if ln.strip():
            group.append(ln)
        elif group:
            out.extend(_block(group))
            group = []
    return out


def convert(md: str) -> str:
    """A whole `--format md` file -> a Typst document."""
    lines = md.split("\n")
    title = ""
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        for ln in lines[1:end]:
            if ln.startswith("title:"):
                title = ln.split(":", 1)[1].strip().strip('"')
        lines = lines[end + 1 :]
    head = PREAMBLE.format(title=title.replace('"', ""))
    return head + "\n" + "\n".join(convert_body(lines))
