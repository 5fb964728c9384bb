"""The review sheet's columns: header labels, widths and which cells an editor may change.

Every label the sheet shows or reads lives here, so the writer, the reader of edits and
the README cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.model import THEMES

SHEET_TITLE = "案例审核"  # the first worksheet: one row per case
ORIGINALS_TITLE = "原值"  # hidden: the tool's values when the sheet was written
YES, NO = "是", "否"
YES_WORDS = {YES, "y", "yes", "true", "1", "✓", "√", "收录", "采纳"}
NO_WORDS = {NO, "n", "no", "false", "0", "×", "不收录", "不采纳"}
FIGURE_SEP = "｜"  # 数值单位｜说明
FIX_ARROW = "→"  # 原文→改为
VANISHED = "已不在输入中"
ADDED = "新增"


@dataclass(frozen=True)
class Column:
    key: str  # the field name in TOML/JSON edits and in the build report
    header: str
    width: int
    editable: bool = True
    lines: bool = False  # one item per line in the cell
    choices: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", 10, editable=False),
    Column("include", "收录", 6, choices=(YES, NO)),
    Column("title", "标题", 30),
    Column("summary", "摘要", 50),
    Column("theme", "主题", 11, choices=THEMES),
    Column("province", "省", 10),
    Column("city", "市", 10),
    Column("county", "县", 12),
    Column("organization", "实施主体", 18),
    Column("practices", "主要做法", 40, lines=True),
    Column("key_figures", "关键数据", 36, lines=True),
    Column("lessons", "经验启示", 36, lines=True),
    Column("chapter", "章节", 12),
    Column("order", "顺序", 6),
    Column("proof", "校对", 30, lines=True),
    Column("proof_ok", "采纳校对", 8, choices=(YES, NO)),
    Column("source", "来源文件", 24, editable=False),
    Column("lines", "行号", 9, editable=False),
    Column("warnings", "提示", 30, editable=False),
    Column("status", "状态", 10, editable=False),
)
BY_KEY = {c.key: c for c in COLUMNS}
BY_HEADER = {c.header: c for c in COLUMNS}
EDITABLE = tuple(c for c in COLUMNS if c.editable)
# Read-only columns an editor might still type into (编号 is the key; 状态 is the tool's).
READ_ONLY = tuple(c for c in COLUMNS if c.key in ("source", "lines", "warnings"))
