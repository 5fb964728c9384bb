"""Page titles as browsers and clippers save them: the headline plus the site's and the
column's names (`某某活动_党建工作_某某大学`, `某某报 - 栏目-某某活动`). The headline is
what a compendium prints; the names around it are the page's furniture.
"""

from __future__ import annotations

import re

# `_` and ` - ` always separate; a bare `-` only between words, never in `2024-2025`.
_SEPARATOR = re.compile(r"\s*_\s*|\s+[-–|｜]\s+|(?<=[^\d\s-])-(?=[^\d\s-])")
_SITE_WORDS = re.compile(
    r"(?:网|报|新闻|频道|门户|网站|电视台|广播|客户端|大学|学院|学校|医院|政府|人民|在线|号)$"
    r"|^[A-Za-z][A-Za-z .&-]*$"
)
SITE_MAX = 20  # characters of a site name (`中华人民共和国教育部政府门户网站` is 15)
COLUMN_MAX = 8  # characters of a column name between the headline and the site
HEADLINE_MIN = 6  # a remaining headline shorter than this is not stripped to


def _is_site(part: str) -> bool:
    return len(part) <= SITE_MAX and bool(_SITE_WORDS.search(part)) and not _sentence(part)


def _sentence(part: str) -> bool:
    return bool(re.search(r"[，。！？；：,!?;]", part))


def _is_column(part: str) -> bool:
    return len(part) <= COLUMN_MAX and not _sentence(part)


def strip_site_names(title: str) -> str:
    """The headline without the site and column names a saved page adds around it.

    >>> strip_site_names("社区议事会化解停车难_基层动态_某某市人民政府")
    '社区议事会化解停车难'
    >>> strip_site_names("某某大学新闻网 - 校园动态-学院党委开展主题党日活动")
    '学院党委开展主题党日活动'
    >>> strip_site_names("2024-2025年度工作总结")
    '2024-2025年度工作总结'
    >>> strip_site_names("强国有我——青年说")
    '强国有我——青年说'
    """
    parts = [p for p in _SEPARATOR.split(title.strip()) if p]
    if len(parts) < 2:
        return title
    lo, hi = 0, len(parts)
    if _is_site(parts[-1]):
        hi -= 1
        while hi - lo > 1 and (_is_site(parts[hi - 1]) or _is_column(parts[hi - 1])):
            hi -= 1
    if hi - lo > 1 and _is_site(parts[0]):
        lo += 1
        while hi - lo > 1 and _is_column(parts[lo]):
            lo += 1
    if (lo, hi) == (0, len(parts)):
        return title
    kept = _rejoin(title, parts[lo:hi])
    return kept if len(kept) >= HEADLINE_MIN else title


def _rejoin(title: str, kept: list[str]) -> str:
    """The kept parts as printed in `title`, separators between them included."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else "".join(kept)
