"""An offline gazetteer of Chinese administrative divisions.

The data (``loaders/data/gazetteer.tsv.gz``, from jionlp, Apache-2.0: see
``loaders/data/NOTICE``; regenerate with ``scripts/build_gazetteer.py``)
holds provinces, prefectures, counties and towns with their parents. It is
loaded on first use and cached, so importing this module costs nothing.

:func:`resolve` turns whatever names a text gives (a county alone, a town
under a county, short forms, traditional script) into a full
:class:`Place`, using place names elsewhere in the text only to choose
between same-named units: an ambiguous name with no such evidence stays
unresolved rather than guessed. :func:`find_places` finds full place names
(浙江省, 诸暨市, 枫桥镇) in a string, longest match first.
"""

from __future__ import annotations

import re

import gc
import gzip
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

LEVELS = ("province", "prefecture", "county", "town")
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木")
COUNTY_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗", "特区", "林区")
PREFECTURE_SUFFIXES = ("自治州", "地区", "市", "盟", "州")
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
# Two-character county names that read as ordinary words (城区 "urban area").
_WORDLIKE_SUFFIX = "区"
# Short forms of counties that are everyday words of police writing: 公安 (police, not 公安县),
# 平安 (safety, not 平安区), 城区 ... Only their full names (公安县) place an article.
COMMON_WORD_SHORTS = frozenset(
    "公安 平安 和平 人民 建设 解放 胜利 前进 幸福 光明 团结 民主 友谊 文明 和谐 安全 中心 城区 新区 郊区 矿区 示范".split()
)
# After a two-character county name (泾县) one of these must follow for the
# finder to trust it: 高县 inside 提高县域 is not a place.
_SHORT_COUNTY_FOLLOW = ("公安", "人民", "委", "政府", "境", "辖", "法院", "检察", "的", "，", "、", "。")


@dataclass(frozen=True)
class Place:
    """A resolved location; any level may be unknown (None)."""

    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    town: str | None = None


class Unit(NamedTuple):
    """One row of the gazetteer: a unit and its parents (a tuple: 47,000 load fast)."""

    level: str
    name: str
    short: str
    adcode: str
    province: str | None
    prefecture: str | None
    county: str | None

    def place(self) -> Place:
        if self.level == "province":
            return Place(self.name)
        if self.level == "prefecture":
            return Place(self.province, self.name)
        if self.level == "county":
            return Place(self.province, self.prefecture, self.name)
        return Place(self.province, self.prefecture, self.county, self.name)


@dataclass(frozen=True)
class PlaceMention:
    """A full place name found in a string: ``text[start:end] == name``."""

    start: int
    end: int
    name: str
    units: tuple[Unit, ...]  # every unit of that name (several when ambiguous)


class Gazetteer:
    """Indexes over the gazetteer rows (build with :func:`gazetteer`)."""

    def __init__(self, rows: list[tuple[str, str, str, str, str]]):
        self.by_name: dict[str, dict[str, list[Unit]]] = {lv: defaultdict(list) for lv in LEVELS}
        self.by_short: dict[str, dict[str, list[Unit]]] = {lv: defaultdict(list) for lv in LEVELS}
        self.towns_under: dict[tuple[str | None, str | None, str | None], dict[str, list[Unit]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.former: dict[str, list[Unit]] = defaultdict(list)
        self._aliases: dict[str, list[Unit]] | None = None
        self._counties: dict[str, list[tuple[Unit, tuple[str, ...]]]] | None = None
        pending: list[tuple[str, str, str, str, str]] = []
        for level, name, short, adcode, parent in rows:
            if level.startswith("former_"):
                pending.append((level, name, short, adcode, parent))
                continue
            parts = [p or None for p in parent.split("|")] if parent else []
            parts += [None] * (3 - len(parts))
            unit = Unit(level, name, short, adcode, *parts[:3])
            self.by_name[level][name].append(unit)
            if not (level in ("county", "prefecture") and short in COMMON_WORD_SHORTS):
                self.by_short[level][short].append(unit)
            if level == "town" and (base := _ethnic_base(name)) and base != short:
                self.by_short[level][base].append(unit)  # 落别乡 for 落别布依族彝族乡
            if level == "town":
                bucket = self.towns_under[(unit.province, unit.prefecture, unit.county)]
                bucket[name].append(unit)
                if short != name:
                    bucket[short].append(unit)
                if (base := _ethnic_base(name)) and base != short:
                    bucket[base].append(unit)
        for level, name, short, adcode, parent in pending:
            current_level = level[len("former_"):]
            current_name = parent.split("|")[-1]
            for unit in self.by_name[current_level].get(current_name, []):
                if unit.adcode == adcode:
                    self.former[name].append(unit)
        for level in ("county", "prefecture"):
            for units in list(self.by_name[level].values()):
                for unit in units:
                    for alias in _written_forms(unit):
                        if alias not in self.by_name[level]:  # never shadow a unit of that name
                            self.by_name[level][alias].append(unit)
        # finder index: full names (and former names) by first character
        self.finder_units: dict[str, list[Unit]] = defaultdict(list)
        for level in LEVELS:
            for name, units in self.by_name[level].items():
                if level == "town" and not name.endswith(TOWN_SUFFIXES):
                    continue  # 开发区, 林场 ...: resolvable, but too generic to find in prose
                if level == "county" and len(name) == 2 and name.endswith(_WORDLIKE_SUFFIX):
                    continue
                self.finder_units[name].extend(units)
        for name, units in self.former.items():
            if not (len(name) == 2 and name.endswith(_WORDLIKE_SUFFIX)):
                self.finder_units[name].extend(units)
        # name lengths by last character: names end in few characters (镇 乡 道 县 区 市 ...),
        # so find() looks back from the few places where one of them stands
        by_last: dict[str, set[int]] = defaultdict(set)
        for name in self.finder_units:
            by_last[name[-1]].add(len(name))
        self.lengths_by_last: dict[str, tuple[int, ...]] = {c: tuple(sorted(ls)) for c, ls in by_last.items()}
        self._last_char = re.compile("[" + "".join(map(re.escape, sorted(by_last))) + "]")

    # -- look-ups -----------------------------------------------------------
    @property
    def aliases(self) -> dict[str, list[Unit]]:
        """Short forms of provinces, prefectures and counties (浙江, 绍兴, 诸暨 for 诸暨市).

        Built on first use: the data's own short name plus the name without
        its administrative suffix, two characters or more. Only for reading
        a place prefix glued to a name, never for finding places in prose
        (平安, 长治 are also ordinary words).
        """
        if self._aliases is None:
            out: dict[str, list[Unit]] = defaultdict(list)
            for level, sufs in (("province", PROVINCE_SUFFIXES), ("prefecture", PREFECTURE_SUFFIXES),
                                ("county", COUNTY_SUFFIXES)):
                for name, units in self.by_name[level].items():
                    for u in units:
                        forms = {u.short, _strip_suffix(name, tuple(sorted(sufs, key=len, reverse=True)))}
                        for f in forms:
                            if len(f) >= 2 and f != name and f not in COMMON_WORD_SHORTS and u not in out[f]:
                                out[f].append(u)
            self._aliases = dict(out)
        return self._aliases

    def counties_under(self, prefecture: str) -> list[tuple[Unit, tuple[str, ...]]]:
        """The counties of a prefecture with the forms a text may write them in
        (余杭区, 余杭): built once for all prefectures on first use."""
        if self._counties is None:
            out: dict[str, list[tuple[Unit, tuple[str, ...]]]] = defaultdict(list)
            sufs = tuple(sorted(COUNTY_SUFFIXES, key=len, reverse=True))
            for name, units in self.by_name["county"].items():
                for u in units:
                    short = _strip_suffix(name, sufs)
                    forms = (name,) if short == name or len(short) < 2 else (short,)  # 余杭 counts 余杭区 too
                    out[u.prefecture or u.province or ""].append((u, forms))
            self._counties = dict(out)
        return self._counties.get(prefecture, [])

    def units(self, level: str, name: str) -> list[Unit]:
        """Units of ``level`` called ``name`` (full, former, or short form)."""
        found = list(self.by_name[level].get(name, []))
        if not found:
            found = [u for u in self.former.get(name, []) if u.level == level]
        if not found:
            found = list(self.by_short[level].get(name, []))
        if not found and level == "town":
            core = _strip_suffix(name, TOWN_SUFFIXES)
            if core != name:
                found = list(self.by_short[level].get(core, []))
        return found

    def find(self, text: str) -> list[PlaceMention]:
        """Full place names in ``text``, scanning left to right, longest first.

        Every occurrence of a name is found by looking back from each
        character a name can end with (a few dozen per article, where a
        look-up at every position cost ~1 ms); the scan then takes, left to
        right, the longest name starting at each place after the last name
        taken.
        """
        names = self.finder_units
        at: dict[int, list[int]] = defaultdict(list)  # start -> lengths of the names there
        for m in self._last_char.finditer(text):
            end = m.end()
            for length in self.lengths_by_last[m.group()]:
                if length <= end and text[end - length : end] in names:
                    at[end - length].append(length)
        out: list[PlaceMention] = []
        i = 0
        for start in sorted(at):
            if start < i:
                continue
            for length in sorted(at[start], reverse=True):
                if length == 2 and text[start + 1] == "县" and not text.startswith(_SHORT_COUNTY_FOLLOW, start + 2):
                    continue  # 高县 inside 提高县域
                if text.endswith("城市", 0, start + length) and text[start - 1:start + 1] in _WORD_BEFORE_CITY:
                    continue  # 海城市 inside 滨海城市, 兴城市 inside 振兴城市: the word 城市, no place
                hit = text[start : start + length]
                out.append(PlaceMention(start, start + length, hit, tuple(names[hit])))
                i = start + length
                break
        return out


# Words that end just before 城市 and take the first character of a X城市 county with them.
_WORD_BEFORE_CITY = frozenset(("滨海", "沿海", "临海", "近海", "振兴", "复兴", "新兴", "适宜", "便宜", "不宜"))


# The 55 minority nationalities, as they appear in the names of ethnic towns
# (民族乡): 落别布依族彝族乡 is written 落别乡 in running text.
_ETHNIC = ("维吾尔|乌孜别克|柯尔克孜|塔吉克|塔塔尔|哈萨克|鄂伦春|鄂温克|达斡尔|俄罗斯|蒙古|朝鲜|布依|土家|"
           "哈尼|傈僳|拉祜|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|塔塔|独龙|赫哲|"
           "门巴|珞巴|基诺|东乡|高山|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京")
_ETHNIC_TOWN = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族)+(乡|镇|苏木)$")


_WING_BANNER = re.compile(r"^(.)[^左右]{1,3}([左右])翼(.旗)$")


def _written_forms(unit: Unit) -> tuple[str, ...]:
    """How prose writes an autonomous prefecture or county or a wing banner: 怒江州, 澜沧县 for 澜沧拉祜族自治县,
    鄂伦春旗 for 鄂伦春自治旗, 科右前旗 for 科尔沁右翼前旗 (else 澜沧县 reads as 沧县)."""
    name, short = unit.name, unit.short
    if name.endswith("自治州") and short and short != name:
        return (short + "州",)  # 怒江州 for 怒江傈僳族自治州 (else 怒江州 reads as 江州区)
    if name.endswith("自治县") and short and short != name:
        return (short + "县",)
    if name.endswith("自治旗") and short and short != name:
        return (short + "旗",)
    if m := _WING_BANNER.match(name):
        return (m.group(1) + m.group(2) + m.group(3),)
    return ()


def _ethnic_base(name: str) -> str | None:
    """落别布依族彝族乡 -> 落别 (the form used in prose with 乡/镇 after it)."""
    m = _ETHNIC_TOWN.match(name)
    return m.group(1) if m else None


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf) + 1:
            return name[: -len(suf)]
    return name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once (about 47,000 rows)."""
    from importlib.resources import files

    raw = files("loaders").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    rows = [tuple(f) for f in (line.split("\t") for line in lines[1:]) if len(f) == 5]
    # Building ~250,000 small containers: the cyclic GC would rescan them many
    # times over for nothing (none form cycles), a third of the load time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Gazetteer(rows)  # type: ignore[arg-type]
    finally:
        if enabled:
            gc.enable()


def find_places(text: str) -> list[PlaceMention]:
    """Full place names in ``text`` (simplify traditional script first)."""
    from .normalize import to_simplified

    return list(_find_cached(to_simplified(text)))


@lru_cache(maxsize=8)
def _find_cached(text: str) -> tuple[PlaceMention, ...]:
    """One article's text is scanned by several callers: scan it once."""
    return tuple(gazetteer().find(text))


@lru_cache(maxsize=8)
def _simplified_text(text: str) -> str | None:
    """An article's text in simplified script, converted once (resolve() is called per station)."""
    from .normalize import to_simplified

    return to_simplified(text.strip()) or None


# -- resolution ---------------------------------------------------------------
@dataclass
class _Evidence:
    provinces: set[str]
    prefectures: set[str]
    counties: set[str]


def text_evidence(text: str | None) -> _Evidence:
    """Province / prefecture / county names a text states (short province names too)."""
    if not text:
        return _Evidence(set(), set(), set())
    provinces, prefectures, counties = _text_names(text)
    return _Evidence(set(provinces), set(prefectures), set(counties))  # callers add to them


@lru_cache(maxsize=8)
def _text_names(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """text_evidence's sets, read once per text (every station of an article resolves against it)."""
    ev = _Evidence(set(), set(), set())
    g = gazetteer()
    for m in _find_cached(text):
        levels = {u.level for u in m.units}
        if "province" in levels:
            ev.provinces.add(m.name)
        if "prefecture" in levels:
            ev.prefectures.add(m.name)
        for u in m.units:
            if u.level == "county":
                ev.counties.add(u.name)
    for short, units in g.by_short["province"].items():
        if len(short) >= 2 and _names_province(text, short):
            ev.provinces.update(u.name for u in units)
    return frozenset(ev.provinces), frozenset(ev.prefectures), frozenset(ev.counties)


# Cities name streets after provinces (上海四川北路, 青岛山东路): such a street names no province.
_STREET_AFTER = re.compile(r"[东南西北中]?(?:路|大道|大街|街|巷)")


def _names_province(text: str, short: str) -> bool:
    """Does ``text`` write the province ``short`` once at least other than as a street's name?"""
    at = text.find(short)
    while at >= 0:
        if not _STREET_AFTER.match(text, at + len(short)):
            return True
        at = text.find(short, at + 1)
    return False


def _choose(cands: list[Unit], ev: _Evidence) -> Unit | None:
    """The one candidate the evidence supports, or None when it does not single one out."""
    uniq = {(u.level, u.name, u.province, u.prefecture, u.county): u for u in cands}
    cands = list(uniq.values())
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None

    def score(u: Unit) -> int:
        s = 0
        if u.province and u.province in ev.provinces:
            s += 1
        if u.prefecture and u.prefecture in ev.prefectures:
            s += 2
        if u.level == "town" and u.county and u.county in ev.counties:
            s += 4
        return s

    scored = sorted(((score(u), i) for i, u in enumerate(cands)), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return cands[scored[0][1]]
    return None


def _filter(cands: list[Unit], province: str | None, prefecture: str | None) -> list[Unit]:
    if province:
        cands = [u for u in cands if u.province == province]
    if prefecture:
        cands = [u for u in cands if u.prefecture == prefecture]
    return cands


def resolve(
    province: str | None = None,
    prefecture: str | None = None,
    county: str | None = None,
    town: str | None = None,
    text: str | None = None,
) -> Place:
    """Complete a location from the names given; ``text`` only breaks ties.

    >>> resolve(county="咸丰县")
    Place(province='湖北省', prefecture='恩施土家族苗族自治州', county='咸丰县', town=None)
    >>> resolve(county="朝阳区", town="三里屯", text="北京市公安局朝阳分局")
    Place(province='北京市', prefecture=None, county='朝阳区', town='三里屯街道')
    """
    from .normalize import to_simplified

    def clean(s: str | None) -> str | None:
        s = to_simplified(s.strip()) if s else None
        return s or None

    province, prefecture, county, town = map(clean, (province, prefecture, county, town))
    text = _simplified_text(text) if text else None
    g = gazetteer()
    ev = text_evidence(text)

    prov_name = None
    if province:
        units = g.units("province", province)
        prov_name = units[0].name if len(units) == 1 else None
    if prefecture and prefecture in MUNICIPALITIES or (prefecture and prefecture + "市" in MUNICIPALITIES):
        prov_name = prov_name or g.units("province", prefecture)[0].name
        prefecture = None
    pref_unit = None
    if prefecture:
        pref_unit = _choose(_filter(g.units("prefecture", prefecture), prov_name, None), ev)
        if pref_unit:
            prov_name = pref_unit.province
    pref_name = pref_unit.name if pref_unit else None
    if prov_name:
        ev.provinces.add(prov_name)
    if pref_name:
        ev.prefectures.add(pref_name)

    county_unit = None
    if county:
        cands = _filter(g.units("county", county), prov_name, pref_name)
        everywhere = g.units("county", county)
        if not cands and len({(u.province, u.prefecture, u.name) for u in everywhere}) == 1:
            # a county that exists once, outside the province given (which the text
            # wrote for another place): the county is the more specific name
            cands = everywhere
            prov_name, pref_name = everywhere[0].province, everywhere[0].prefecture
        county_unit = _choose(cands, ev)
        if county_unit is None and town:
            # a town of that name under exactly one of the candidates decides
            with_town = [u for u in cands if g.towns_under[(u.province, u.prefecture, u.name)].get(town)
                         or g.towns_under[(u.province, u.prefecture, u.name)].get(_strip_suffix(town, TOWN_SUFFIXES))]
            county_unit = with_town[0] if len(with_town) == 1 else None

    if county_unit is not None:
        town_name = None
        if town:
            bucket = g.towns_under[(county_unit.province, county_unit.prefecture, county_unit.name)]
            hits = bucket.get(town) or bucket.get(_strip_suffix(town, TOWN_SUFFIXES)) or []
            hits = list({u.name: u for u in hits}.values())
            if len(hits) == 1:
                town_name = hits[0].name
            elif town.endswith(TOWN_SUFFIXES):
                town_name = town  # stated, just not in the gazetteer
        return Place(county_unit.province, county_unit.prefecture, county_unit.name, town_name)

    if town:
        if county:  # an ambiguous county: don't place the town in one of them
            return Place(prov_name, pref_name, _stated(county, COUNTY_SUFFIXES),
                         town if town.endswith(TOWN_SUFFIXES) else None)
        ev_town = _Evidence(ev.provinces, ev.prefectures, ev.counties)
        cands = _filter(g.units("town", town), prov_name, pref_name)
        unit = _choose(cands, ev_town)
        if unit is not None and (unit.county in ev.counties or prov_name or pref_name
                                 or len(g.units("town", town)) == 1):
            return unit.place()
        if text and len(cands) > 1:
            # a town several counties have, and one of those counties written short elsewhere in the text
            named = {(u.province, u.prefecture, u.county): u for u in cands if county_written(u, text)}
            if len(named) == 1:
                return next(iter(named.values())).place()
        return Place(prov_name, pref_name, None, town if town.endswith(TOWN_SUFFIXES) else None)

    return Place(prov_name, pref_name, _stated(county, COUNTY_SUFFIXES) if county else None, None)


# Characters a place name ends in (X路, X村, X湾 ...): a short form followed by one of them,
# or by a level word, is part of another place's name.
TOPONYM_END = frozenset("路街巷桥门村湖山港湾坝口关寨屯集店园场城坪岭塘庄洲岛江河")
_OTHER_PLACE_AFTER = TOPONYM_END | set("镇乡区县市")


def is_place_stem(name: str) -> bool:
    """A town's name (short or full) or a county's short name: 枫桥, 枫桥镇, 诸暨."""
    g = gazetteer()
    return bool(g.by_short["town"].get(name) or g.by_name["town"].get(name) or g.by_short["county"].get(name))


def count_place(text: str, form: str) -> int:
    """Occurrences of a place name not continued into another place's name
    (a county's short form inside X湾 / X镇 does not count)."""
    n, i = 0, text.find(form)
    while i >= 0:
        nxt = text[i + len(form) : i + len(form) + 1]
        if not nxt or nxt not in _OTHER_PLACE_AFTER or form[-1] in "县市区旗":
            n += 1
        i = text.find(form, i + len(form))
    return n


def written_in(units: Iterable[Unit], text: str) -> bool:
    """One of ``units`` is written in ``text``: its full name, or its short name (某某 for
    某某县, not inside another place's name) when that has two characters or more and is
    not also a common word."""
    return any(u.name in text or (len(u.short) >= 2 and u.short not in COMMON_WORD_SHORTS
                                  and count_place(text, u.short) > 0)
               for u in units)


def county_written(town: Unit, text: str) -> bool:
    """The county of ``town`` is written in ``text`` (by its full or short name)."""
    return written_in((c for c in gazetteer().by_name["county"].get(town.county or "", [])
                       if c.province == town.province and c.prefecture == town.prefecture), text)


def _stated(name: str, suffixes: tuple[str, ...]) -> str | None:
    """Keep a name the text stated in full even when the gazetteer cannot place it."""
    return name if name.endswith(suffixes) else None
