"""Partners (EXTRACTION.md section 4): the bodies and groups working with a station.

Two sources of candidates, both matched over a *key text*: ``clean.simp`` with
quote marks, white space and pinyin glosses skipped (so 村“两委” and 鎮(zhèn)
政府 match), full-width ASCII folded, and a map back to clean offsets.

1. The lexicon ``lexicons/partners.tsv``: generic partner types with their
   surface variants, matched leftmost-longest with a character trie. A place
   prefix is never part of a variant, so 某某镇司法所 yields 司法所 and
   某某镇政府 yields 镇政府 (the level word stays where the type needs it).
   A variant is its own name as written (平安志愿者, 治保会主任) unless the
   lexicon maps it (驻所律师>律师); joint mentions split (镇党委政府 ->
   镇党委 + 镇政府, 九村一社区党支部 -> 村党支部 + 社区党支部). ``weak`` types (学校,
   企业, 医院 ...) count only in a clause with a cooperation cue; ``list`` types
   (bare 司法, 综治) only as items of an enumeration next to another partner.
2. A pattern for bodies outside the lexicon: ``联合/会同/协调… X、Y`` or
   ``与 X 共同/联合…`` where an item ends with a body suffix (所, 局, 办,
   站, 中心, 部门 ...), minus place prefixes and minus the station's own units.

Each distinct name is one :class:`Partner` (first sentence as evidence); it is
tied to the mechanisms mentioned in its sentence, or in its paragraph's lead
sentence, and those mechanisms list it in ``Mechanism.partners``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction, Mechanism, Partner
from .normalize import PINYIN_GLOSS, QUOTES, fullwidth_to_halfwidth, normalize_name, read_lexicon

# Characters that end a clause (cue words and list context are looked for inside one).
CLAUSE_END = set("，,；;。！？!?：:\n")
# Separators between the items of an enumeration.
LIST_SEP = set("、/+")
LIST_TAIL = set("等和及与，,。；;)）")
# Words telling that the clause is about working together.
CUES = (
    "联合", "会同", "协调", "携手", "联动", "协同", "共同", "一起", "一道", "配合", "协助",
    "参与", "合作", "共建", "联建", "签订", "依托", "借助", "整合", "汇集", "集结", "组织",
    "发动", "动员", "吸纳", "吸收", "聘请", "邀请", "聘任", "对接", "联系", "沟通", "支持",
    "力量", "队伍", "组成", "组建", "成立", "加入", "联防", "联调", "联勤", "联手", "牵头",
    "结对", "共商", "共治", "会商", "协作", "联席", "联络", "帮助", "指导", "争取", "依靠",
    "发展", "选聘", "选派", "推选", "招募", "集合", "主导", "统筹", "见面", "签约",
)
# A weak type right after one of these is a place in an anecdote (送到医院, 冲进村委会).
LOCATIVE = ("到", "进", "去", "往", "在", "至", "于")
# After a partner word these mean the station's own people (党员民警).
OWN_STAFF_AFTER = ("民警", "辅警", "干警", "警察", "警员")
# Before a party/police unit these mean it is the station's own (派出所党支部).
# 政府主导、综治统筹、人民调解参与: a list item may be a body and its role.
ROLE_VERB = re.compile(r"(?:主导|统筹|参与|预警|配合|协同|联动|牵头|负责|支持|指导|协助|调解|把关|兜底)[、，,。；;的]")
# Words that may stand beside a bare list word in an enumeration (民警+部门+乡贤, 警格+网格).
LIST_NEIGHBOUR = re.compile(r"派出所|民警|辅警|警格|公安|警务")
# 九村一社区党支部 -> 村党支部 + 社区党支部 (numbers of villages and communities before a body).
VILLAGE_AND_COMMUNITY = re.compile(
    r"(?:[一二三四五六七八九十百\d]+个?)?村[、和及与]?(?:[一二三四五六七八九十百\d]+个?)?社区"
    r"(党支部|党总支|党组织|党委|两委|居委会)"
)
OWN_UNIT_BEFORE = re.compile(r"(派出所|本所|该所|我所|全所|所内|警务室|警务站|公安机关)(综合|机关|全体|的)?$")

# The pattern rule: a cue verb and the list of bodies that follows it.
PATTERN_CUE = re.compile(
    r"(?:联合|会同|协调|携手|联动|协同|依托|邀请|对接|联系|汇集|集结|整合|联手|会商|"
    r"协助|配合|组织|动员|聘请)"
)
PATTERN_WITH = re.compile(r"与|同|和")
PATTERN_WITH_VERB = re.compile(r"(?:共同|联合|合作|签订|建立|携手|协作|联手|一道|一起|开展联合|组建|成立)")
BODY_SUFFIX = re.compile(
    r"(?:部门|单位|中心|公司|协会|组织|机构|委员会|管委会|法庭|所|局|委|办|站|院|队|会|庭|处|科|厅|团|联|社|行|馆|校|部|组)$"
)
# Items that are the station itself, its staff or its units, or not bodies at all.
NOT_PARTNER = re.compile(
    r"派出所|公安局|分局|民警|辅警|所长|教导员|警长|警务|指挥室|指挥部|办案|所领导|本所|该所|"
    r"群众|居民|村民|当事人|双方|家属|嫌疑人|受害人|被害人|老人|学生|儿童|未成年人|患者|"
    r"专班|专案组|工作组|调研组|小组|领导小组|检查组|班子|团伙|工作室|调解室|驿站|联盟|平台|机制|模式"
)
LEAD_STRIP = re.compile(r"^(?:辖区|当地|属地|驻地|周边|全镇|全县|全区|全市|该镇|本镇|该县|相关|有关|各级|各|多个|多家|\d+[个家所名支])+")
PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:省|自治区|市|州|盟|县|旗)")


@dataclass(frozen=True)
class LexType:
    """One line of the lexicon: the name(s) a variant stands for."""

    names: tuple[str, ...]
    categories: tuple[str, ...]
    weak: bool = False
    list_only: bool = False
    sep_only: bool = False


@dataclass
class Occurrence:
    start: int  # clean offsets, end exclusive
    end: int
    names: tuple[str, ...]
    categories: tuple[str, ...]
    kind: str  # lexicon | pattern
    cue: bool = True  # its clause says they work together (preferred as evidence)


@dataclass
class KeyText:
    """``clean.simp`` without quotes, white space and pinyin glosses; ``idx[i]`` is a clean offset."""

    text: str
    idx: list[int] = field(default_factory=list)

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.idx[a], self.idx[b - 1] + 1


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict, dict[str, LexType]]:
    """The variant trie (built once per process) and what each variant stands for."""
    rows = [ln.split("\t") for ln in read_lexicon("partners.tsv")]
    rows = [r for r in rows if len(r) >= 3]
    category: dict[str, str] = {}
    for r in rows:
        for v in [r[0], *r[2].split("|")]:
            if ">" not in v:
                category.setdefault(v, r[1])
    types: dict[str, LexType] = {}
    for r in rows:
        flags = set(r[3].split(",")) if len(r) > 3 else set()
        for v in r[2].split("|"):
            surface, _, target = v.partition(">")
            names = tuple(target.split("+")) if target else (surface,)
            cats = tuple(category.get(n, r[1]) for n in names)
            key = _key_text(surface).text
            if key:
                types.setdefault(key, LexType(names, cats, "weak" in flags, "list" in flags, "sep" in flags))
    trie: dict = {}
    for v in types:
        node = trie
        for ch in v:
            node = node.setdefault(ch, {})
        node[""] = v
    return trie, types


def _key_text(s: str) -> KeyText:
    skip = [False] * len(s)
    for m in PINYIN_GLOSS.finditer(s):
        for i in range(m.start(), m.end()):
            skip[i] = True
    chars: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(s):
        if skip[i] or ch in QUOTES or ch.isspace():
            continue
        chars.append(ch)
        idx.append(i)
    return KeyText(fullwidth_to_halfwidth("".join(chars)), idx)


def _trie_matches(text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping variant matches: (start, end, variant)."""
    trie, _ = lexicon()
    out = []
    i, n = 0, len(text)
    while i < n:
        node, best, j = trie, None, i
        while j < n and text[j] in node:
            node = node[text[j]]
            j += 1
            if "" in node:
                best = (i, j, node[""])
        if best:
            out.append(best)
            i = best[1]
        else:
            i += 1
    return out


def _clause(key: str, a: int, b: int) -> tuple[int, int]:
    s = a
    while s > 0 and key[s - 1] not in CLAUSE_END:
        s -= 1
    e = b
    while e < len(key) and key[e] not in CLAUSE_END:
        e += 1
    return s, e


def _has_cue(key: str, a: int, b: int) -> bool:
    s, e = _clause(key, a, b)
    text = key[s:a] + "|" + key[b:e]
    return any(c in text for c in CUES)


def _lexicon_occurrences(kt: KeyText) -> list[Occurrence]:
    _, types = lexicon()
    key = kt.text
    matches = _trie_matches(key)
    normal = [(a, b) for a, b, v in matches if not types[v].list_only]
    out: list[Occurrence] = []
    for m in VILLAGE_AND_COMMUNITY.finditer(key):
        body = m.group(1)
        names = ("村" + body, "社区" + body)
        cats = ("party",) * 2 if "党" in body else ("grassroots",) * 2
        start, end = kt.span(m.start(), m.end())
        out.append(Occurrence(start, end, names, cats, "lexicon", _has_cue(key, m.start(), m.end())))
    covered = [(m.start(), m.end()) for m in VILLAGE_AND_COMMUNITY.finditer(key)]
    for a, b, v in matches:
        if any(x <= a and b <= y for x, y in covered):
            continue
        t = types[v]
        prev = key[a - 1] if a > 0 else ""
        nxt = key[b] if b < len(key) else ""
        if v[0].isdigit() and prev.isdigit() or v[-1].isdigit() and (nxt.isdigit() or nxt in "%.万"):
            continue
        if "police" not in t.categories and key.startswith(OWN_STAFF_AFTER, b):
            continue
        if ("party" in t.categories or "police" in t.categories) and OWN_UNIT_BEFORE.search(key[max(0, a - 12) : a]):
            continue
        if v.endswith("派出所") and prev and "\u4e00" <= prev <= "\u9fff" and not re.search(r"(与|和|及|同|联合|协调|会同|携手)$", key[max(0, a - 2) : a]):
            continue  # 伊尔施边境派出所 is a named station, not a type
        if t.sep_only and "\u4e00" <= nxt <= "\u9fff" and nxt not in LIST_TAIL:
            continue
        if t.list_only and not _in_list(key, a, b, normal):
            continue
        before = re.sub(r"(辖区|当地|属地|本地|各|附近的?|一[家所个])$", "", key[max(0, a - 8) : a])
        if before.endswith(LOCATIVE) and not before.endswith("所在"):
            continue
        if re.search(r"向[^、，,。；;]{0,6}$", before) and key.startswith("学", b):
            continue  # 向老党员学: whom the station learns from
        cue = _has_cue(key, a, b)
        if t.weak and not cue:
            continue
        start, end = kt.span(a, b)
        out.append(Occurrence(start, end, t.names, t.categories, "lexicon", cue))
    return out


def _in_list(key: str, a: int, b: int, normal: list[tuple[int, int]]) -> bool:
    """A bare word counts as an item of an enumeration that also names another partner."""
    prev = key[a - 1] if a > 0 else ""
    nxt = key[b] if b < len(key) else ""
    if not (nxt in LIST_SEP or (nxt in LIST_TAIL and prev in LIST_SEP) or nxt in LIST_TAIL and prev in "与和及"):
        # 政府主导、综治统筹、人民调解参与: items of a word and a two-character verb
        if not (nxt and prev in LIST_SEP and re.match(ROLE_VERB, key[b:])):
            return False
    # the enumeration: items joined by 、 / + around [a, b), each short
    s = a
    while s > 0 and key[s - 1] not in CLAUSE_END and a - s < 40:
        s -= 1
    e = b
    while e < len(key) and key[e] not in CLAUSE_END and e - b < 40:
        e += 1
    for x, y in normal:
        if s <= x and y <= e and (x, y) != (a, b) and (y <= a or x >= b):
            between = key[y:a] if y <= a else key[b:x]
            if len(between) <= 12 and any(c in LIST_SEP or c in "和及与" for c in between):
                return True
    for m in LIST_NEIGHBOUR.finditer(key, s, e):
        between = key[m.end() : a] if m.end() <= a else key[b : m.start()]
        if (m.end() <= a or m.start() >= b) and len(between) <= 3 and any(c in LIST_SEP for c in between):
            return True
    return False


def _places(ext: Extraction) -> list[str]:
    """Place names known for the article's stations, longest first (for prefix stripping)."""
    names: set[str] = set()
    for st in ext.stations:
        for p in (st.province, st.prefecture, st.county, st.town, st.name.replace("派出所", "") if st.name else None):
            if p:
                names.add(p)
                stem = re.sub(r"(省|市|州|县|区|镇|乡|街道|自治区)$", "", p)
                if len(stem) >= 2:
                    names.add(stem)
    return sorted(names, key=len, reverse=True)


def _strip_place(item: str, places: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        m = LEAD_STRIP.match(item)
        if m and m.end() < len(item):
            item, changed = item[m.end() :], True
        for p in places:
            if item.startswith(p) and len(item) > len(p) + 1:
                item, changed = item[len(p) :], True
                break
        m = PLACE_PREFIX.match(item)
        if m and len(item) - m.end() >= 2 and not BODY_SUFFIX.search(item[: m.end()][:-1] or "x"):
            item, changed = item[m.end() :], True
    # A township-level body keeps its level word only when the rest is ambiguous.
    m = re.match(r"^[\u4e00-\u9fff]{1,4}?(镇|乡|街道)(.+)$", item)
    if m and len(m.group(2)) >= 3:
        item = m.group(2)
    return item


def _guess_category(name: str) -> str:
    for pat, cat in (
        (r"党", "party"), (r"法|律|检察|司法|调解|仲裁|公证", "judicial"),
        (r"医|卫生|健康|疾控", "health"), (r"学|校|教育|幼儿", "education"),
        (r"公司|企业|银行|厂|集团|商会|物业|酒店|超市|市场", "enterprise"),
        (r"警|公安|边检|边境", "police"), (r"团委|妇|工会|残联|关工委|科协", "mass_org"),
        (r"志愿|公益|义工|救援", "volunteer"), (r"人大|政协|媒体|电视|报社", "representative_media"),
        (r"所|局|办|站|委|中心|部门|政府|厅|处|科", "government"),
    ):
        if re.search(pat, name):
            return cat
    return "other"


def _pattern_occurrences(kt: KeyText, places: list[str], taken: list[tuple[int, int]]) -> list[Occurrence]:
    """Bodies named after a cooperation verb that the lexicon does not know."""
    key = kt.text
    spans: list[tuple[int, int]] = []
    for m in PATTERN_CUE.finditer(key):
        s = m.end()
        e = s
        while e < len(key) and key[e] not in CLAUSE_END and e - s < 40:
            e += 1
        stop = re.search(r"共同|一起|一道|开展|成立|建立|打造|召开|组建|参与|签订|等|的|进行|对|到|为|在", key[s:e])
        spans.append((s, s + stop.start() if stop else e))
    for m in PATTERN_WITH.finditer(key):
        s = m.end()
        e = s
        while e < len(key) and key[e] not in CLAUSE_END and e - s < 30:
            e += 1
        v = PATTERN_WITH_VERB.search(key[s:e])
        if v:
            spans.append((s, s + v.start()))
    out: list[Occurrence] = []
    seen: set[int] = set()
    for s, e in spans:
        pos = s
        for item in re.split(r"(、|和|及|以及|与|/)", key[s:e]):
            a, b = pos, pos + len(item)
            pos = b
            if not item or item in ("、", "和", "及", "以及", "与", "/") or a in seen:
                continue
            seen.add(a)
            if any(x < b and a < y for x, y in taken):
                continue  # the lexicon already named it
            if NOT_PARTNER.search(item) or not BODY_SUFFIX.search(item):
                continue
            name = _strip_place(item, places)
            if not (2 <= len(name) <= 10) or not re.fullmatch(r"[\u4e00-\u9fff0-9A-Za-z()（）]+", name):
                continue
            start, end = kt.span(a, b)
            out.append(Occurrence(start, end, (name,), (_guess_category(name),), "pattern", True))
    return out


def _subject_station(clean: CleanDoc, ext: Extraction) -> str | None:
    for st in ext.stations:
        if st.role == "subject":
            return st.name
    if ext.stations:
        return ext.stations[0].name
    # Fallback while no station step ran: the most frequent named station.
    after_bureau = re.search(r"(?:公安局|分局|管理支队)([\u4e00-\u9fff]{2,6}?派出所)", clean.simp)
    if after_bureau:
        return after_bureau.group(1)
    found = Counter(m.group(0) for m in re.finditer(r"[\u4e00-\u9fff]{2,4}派出所", clean.simp))
    for name, _ in found.most_common():
        if not re.search(r"^(该|本|我|各|辖区|一个|公安|农村|城区|边境)", name):
            return name
    return None


def _mechanism_sentences(clean: CleanDoc, kt: KeyText, mechanisms: list[Mechanism]) -> dict[int, set[int]]:
    """For each mechanism (by index), the sentences (by start offset) that mention it."""
    out: dict[int, set[int]] = {}
    for i, m in enumerate(mechanisms):
        sents: set[int] = set()
        terms = {normalize_name(t) for t in [m.name, *m.aliases] if t}
        terms |= {normalize_name(c) for c in m.components if c and len(normalize_name(c)) >= 3}
        for term in terms:
            if not term:
                continue
            for hit in re.finditer(re.escape(term), kt.text):
                sent = clean.sentence_at(kt.idx[hit.start()])
                if sent is not None:
                    sents.add(sent.start)
        if m.evidence is not None and clean.offsets:
            pos = bisect.bisect_left(clean.offsets, m.evidence.start)
            sent = clean.sentence_at(min(pos, len(clean.text) - 1)) if clean.text else None
            if sent is not None:
                sents.add(sent.start)
        out[i] = sents
    return out


def _linked(clean: CleanDoc, pos: int, mech_sents: dict[int, set[int]]) -> list[int]:
    """Mechanisms tied to a partner at clean offset ``pos``: same sentence, else its paragraph's lead."""
    sent = clean.sentence_at(pos)
    if sent is None:
        return []
    same = [i for i, ss in mech_sents.items() if sent.start in ss]
    if same:
        return same
    lead = next((s for s in clean.sentences if s.paragraph == sent.paragraph), None)
    if lead is None or lead.start == sent.start:
        return []
    return [i for i, ss in mech_sents.items() if lead.start in ss]


def _inside_mechanism_name(kt: KeyText, mechanisms: list[Mechanism]) -> list[tuple[int, int]]:
    """Clean spans of mechanism names: a partner word inside one (某某义警) is not a partner."""
    spans = []
    for m in mechanisms:
        for t in [m.name, *m.aliases]:
            term = normalize_name(t)
            if len(term) < 3:
                continue
            for hit in re.finditer(re.escape(term), kt.text):
                spans.append(kt.span(hit.start(), hit.end()))
    return spans


def _part_of_name(clean: CleanDoc, x: int, y: int, o: Occurrence) -> bool:
    """The occurrence is a piece of the mechanism name at [x, y) (某某义警), not an item of it (警格+网格)."""
    if not (x < o.end and o.start < y) or (o.start <= x and y <= o.end):
        return False
    return not (o.start > x and clean.simp[o.start - 1] in "+、/")


def _inside_quoted_name(clean: CleanDoc, a: int, b: int) -> bool:
    """True when [a, b) sits inside a short quoted proper name longer than it (“东沟义警”)."""
    text = clean.simp
    lo = max(0, a - 10)
    open_at = max(text.rfind("“", lo, a), text.rfind("「", lo, a))
    if open_at < 0 or any(c in text[open_at + 1 : a] for c in "”」，。,"):
        return False
    close_at = min([i for i in (text.find("”", b, b + 10), text.find("」", b, b + 10)) if i >= 0], default=-1)
    if close_at < 0 or any(c in text[b:close_at] for c in "“「，。,"):
        return False
    return (close_at - open_at - 1) > (b - a)


def extract_partners(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Add the article's partners to ``ext`` and tie them to its mechanisms."""
    kt = _key_text(clean.simp)
    if not kt.text:
        return
    station = _subject_station(clean, ext)
    lex = _lexicon_occurrences(kt)
    taken = [(bisect.bisect_left(kt.idx, o.start), bisect.bisect_left(kt.idx, o.end - 1) + 1) for o in lex]
    occ = lex + _pattern_occurrences(kt, _places(ext), taken)
    occ.sort(key=lambda o: o.start)

    mech_spans = _inside_mechanism_name(kt, ext.mechanisms)
    mech_sents = _mechanism_sentences(clean, kt, ext.mechanisms)
    by_name: dict[str, Partner] = {n: p for p in ext.partners for n in [normalize_name(p.name)]}
    weak_evidence: set[str] = set()  # names whose evidence sentence has no cooperation cue yet
    for o in occ:
        if any(_part_of_name(clean, x, y, o) for x, y in mech_spans):
            continue
        if o.kind == "lexicon" and _inside_quoted_name(clean, o.start, o.end) and "volunteer" in o.categories:
            continue
        links = [ext.mechanisms[i] for i in _linked(clean, o.start, mech_sents)]
        for name, cat in zip(o.names, o.categories):
            key = normalize_name(name)
            p = by_name.get(key)
            if p is None:
                p = Partner(
                    name=name,
                    category=cat,
                    surface=clean.text[o.start : o.end],
                    station=station,
                    evidence=clean.evidence(o.start, o.end),
                )
                by_name[key] = p
                ext.partners.append(p)
                if not o.cue:
                    weak_evidence.add(key)
            elif key in weak_evidence and o.cue:
                p.surface = clean.text[o.start : o.end]
                p.evidence = clean.evidence(o.start, o.end)
                weak_evidence.discard(key)
            for m in links:
                if m.name not in p.mechanisms:
                    p.mechanisms.append(m.name)
                if p.name not in m.partners:
                    m.partners.append(p.name)
