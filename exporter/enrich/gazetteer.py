"""Administrative-division gazetteer: names and short forms → divisions with parents.

Loaded once from data/divisions.tsv (official six-digit codes; see data/build_divisions.py for
source and licence). Levels: province (xx0000), city (xxyy00) and county (xxyyzz); a county's
city is its code with the last two digits zeroed when that code exists (provincially
administered counties have none). No network, no pandas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
_STREETISH = re.compile(r"^(?:南|北|东|西|中)?(?:路|街|大街|大道|巷|胡同|广场|公园|小区|花园|大厦)")


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "county"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Division, ...]


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.by_code = {code: Division(code, name) for code, name in rows}
        self.aliases: dict[str, list[Division]] = {}
        for div in self.by_code.values():
            for alias in self._aliases(div):
                bucket = self.aliases.setdefault(alias, [])
                if div not in bucket:
                    bucket.append(div)
        self._drop_shadowed()
        self._drop_generic()
        self.lengths = sorted({len(a) for a in self.aliases}, reverse=True)
        # Lengths of the aliases starting with each character, longest first: the scan only
        # tries those, which keeps it linear in practice.
        by_first: dict[str, set[int]] = {}
        for alias in self.aliases:
            by_first.setdefault(alias[0], set()).add(len(alias))
        self.by_first = {ch: sorted(ns, reverse=True) for ch, ns in by_first.items()}

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
        """The division and its ancestors, keyed by level."""
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
        """Longest-match scan for division names; street names (兴安南路) are skipped."""
        out: list[Mention] = []
        i = 0
        while i < len(text):
            hit = None
            for n in self.by_first.get(text[i], ()):
                piece = text[i : i + n]
                if len(piece) == n and piece in self.aliases:
                    hit = piece
                    break
            if hit is None or _STREETISH.match(text[i + len(hit) :]):
                i += 1
                continue
            out.append(Mention(i, i + len(hit), hit, tuple(self.aliases[hit])))
            i += len(hit)
        return out


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
    """The shared gazetteer, loaded once per process."""
    return Gazetteer(_read_rows(DATA))
