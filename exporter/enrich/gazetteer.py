"""Administrative-division gazetteer: names and short forms → divisions with parents.

Loaded once from data/divisions.tsv (official six-digit codes; see data/build_divisions.py for
source and licence). Levels: province (xx0000), city (xxyy00) and county (xxyyzz); a county's
city is its code with the last two digits zeroed when that code exists (provincially
administered counties have none). No network, no pandas.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from exporter.cache import cache_dir, stamp, write_atomic

DATA = Path(__file__).with_name("data") / "divisions.tsv"

# The 55 minority nationalities, for shortening 自治州/自治县/自治旗 names (黔东南苗族侗族自治州 →
# 黔东南州). Longest first so 哈尼族 is tried before 哈 forms.
NATIONALITIES = sorted(
    (
        "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
        "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
        "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
    ).split(),
    key=len,
    reverse=True,
)
# Bare prefecture names that are also everyday words in this genre (朝阳产业, 新乡贤, 长治久安);
# their full forms (朝阳市) still match.
COMMON_WORDS = frozenset(
    "朝阳 大同 长治 安康 中山 黄山 白山 白银 来宾 新乡 吉安 三明 兴安 阿里 山南 海西 海北 "
    "日照 玉树".split()
)
_SUFFIXES = frozenset("省市区县州旗盟")
_STREETISH = re.compile(r"(?:南|北|东|西|中)?(?:路|街|大街|大道|巷|胡同|广场|公园|小区|花园|大厦)")


@lru_cache(maxsize=1 << 14)
def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        return _level(self.code)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Division, ...]


# What a built gazetteer is made of, as plain data: rows, aliases (to codes), name lengths by
# their last two characters, bare names. Cached so other processes need not derive it again.
State = tuple[list[tuple[str, str]], dict[str, list[str]], dict[str, list[int]], list[str]]


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]], state: State | None = None) -> None:
        self.by_code = {code: Division(code, name) for code, name in rows}
        self.aliases: dict[str, list[Division]] = {}
        if state is not None:
            _rows, aliases, self._tail_lengths, self._bare = state
            self.aliases = {a: [self.by_code[c] for c in codes] for a, codes in aliases.items()}
            self._compile()
            return
        for div in self.by_code.values():
            for alias in self._aliases(div):
                bucket = self.aliases.setdefault(alias, [])
                if div not in bucket:
                    bucket.append(div)
        self._drop_shadowed()
        self._drop_generic()
        self._index()

    def state(self) -> State:
        rows = [(d.code, d.name) for d in self.by_code.values()]
        aliases = {a: [d.code for d in divs] for a, divs in self.aliases.items()}
        return rows, aliases, self._tail_lengths, self._bare

    # --- aliases ---------------------------------------------------------------------------

    def _aliases(self, div: Division) -> set[str]:
        name = div.name
        out = {name}
        if div.level == "province":
            stem = re.sub(r"(省|市|特别行政区|自治区)$", "", name)
            stem = _strip_nationalities(stem)
            out.add(stem)
            return out
        for suffix, short in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                stem = _strip_nationalities(name[: -len(suffix)])
                if len(stem) >= 2:
                    out.add(stem + short)
                    if div.level == "city":
                        out.add(stem)
        if div.level == "city":
            stem = re.sub(r"(市|地区|盟)$", "", name)
            if len(stem) >= 2 and stem != name and stem not in COMMON_WORDS:
                out.add(stem)
        return out

    def _drop_generic(self) -> None:
        # Two-character district names (城区, 东区, 郊区) are ordinary words in running text.
        for alias in [a for a in self.aliases if len(a) <= 2 and a.endswith("区")]:
            del self.aliases[alias]

    def _drop_shadowed(self) -> None:
        # A bare form shared by a province and a prefecture (吉林, 海南) means the province.
        for alias, divs in self.aliases.items():
            provinces = [d for d in divs if d.level == "province"]
            if provinces and len(divs) > 1 and alias != divs[0].name:
                self.aliases[alias] = provinces

    # --- lookups ---------------------------------------------------------------------------

    def parent(self, div: Division) -> Division | None:
        if div.level == "county":
            return self.by_code.get(div.code[:4] + "00") or self.by_code.get(div.code[:2] + "0000")
        if div.level == "city":
            return self.by_code.get(div.code[:2] + "0000")
        return None

    def chain(self, div: Division) -> dict[str, Division]:
        """The division and its ancestors, keyed by level (a fresh dict the caller may keep)."""
        return dict(self._chain(div))

    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one shared instance lives for the process
    def _chain(self, div: Division) -> dict[str, Division]:
        out: dict[str, Division] = {}
        cur: Division | None = div
        while cur is not None:
            out[cur.level] = cur
            cur = self.parent(cur)
        return out

    def lookup(self, name: str) -> list[Division]:
        return list(self.aliases.get(name, []))

    def province(self, name: str) -> Division | None:
        found = [d for d in self.lookup(name) if d.level == "province"]
        return found[0] if found else None

    def scan(self, text: str) -> list[Mention]:
        """Longest-match scan for division names; street names (兴安南路) are skipped.

        At each position the longest name starting there wins and the scan resumes after it.
        Names ending in a division suffix (县, 区, 市…) are found by looking back from each
        suffix character; the few bare forms (贵州, 黔东南) by one regular expression. Memoised
        per text: several enrichers scan the same paragraphs.
        """
        return list(self._scan(text))

    @lru_cache(maxsize=1 << 15)  # noqa: B019 - one shared instance lives for the process
    def _scan(self, text: str) -> tuple[Mention, ...]:
        """Every division name in the text, longest at each start: found from the suffixes
        (县、区、镇…) backwards, plus the bare names an alias list allows."""
        longest: dict[int, int] = {}
        for m in self._suffix_re.finditer(text):
            j = m.end()
            for n in self._tail_lengths.get(text[j - 2 : j], ()):
                i = j - n
                if i >= 0 and text[i:j] in self.aliases:
                    longest[i] = max(longest.get(i, 0), n)
        if self._bare_re is not None:
            pos = 0
            while (bare := self._bare_re.search(text, pos)) is not None:
                i = bare.start()
                longest[i] = max(longest.get(i, 0), len(bare.group(0)))
                pos = i + 1
        out: list[Mention] = []
        cursor = 0
        for i in sorted(longest):
            if i < cursor:
                continue
            end = i + longest[i]
            if _STREETISH.match(text, end):
                continue
            hit = text[i:end]
            out.append(Mention(i, end, hit, tuple(self.aliases[hit])))
            cursor = end
        return tuple(out)

    def _index(self) -> None:
        """Lookup structures of `_scan`: name lengths by their last two characters, bare forms."""
        # Keyed by the last two characters (`安区`), so `社区` costs one failed lookup.
        by_tail: dict[str, set[int]] = {}
        bare: list[str] = []
        for alias in self.aliases:
            if alias[-1] in _SUFFIXES and len(alias) >= 2:
                by_tail.setdefault(alias[-2:], set()).add(len(alias))
            else:
                bare.append(alias)
        self._tail_lengths = {tail: sorted(ns) for tail, ns in by_tail.items()}
        bare.sort(key=lambda a: (-len(a), a))
        self._bare = bare
        self._compile()

    def _compile(self) -> None:
        suffixes = sorted({tail[-1] for tail in self._tail_lengths})
        self._suffix_re = re.compile("[" + "".join(suffixes) + "]")
        bare = self._bare
        self._bare_re = re.compile("|".join(map(re.escape, bare))) if bare else None


def _strip_nationalities(stem: str) -> str:
    changed = True
    while changed:
        changed = False
        for nat in NATIONALITIES:
            for form in (nat + "族", nat):
                if stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem


def _read_rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            rows.append((code, name))
    return rows


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once per process; built from the data file once and then
    restored from the user cache (keyed by the data file and this module's code)."""
    cached = cache_dir() / f"gazetteer-{stamp(DATA)}-{stamp(Path(__file__))}.marshal"
    try:
        state = marshal.loads(cached.read_bytes())
        return Gazetteer(state[0], state)
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        pass
    gz = Gazetteer(_read_rows(DATA))
    write_atomic(cached, marshal.dumps(gz.state()))
    return gz
