"""Named practices (机制 / 做法) a station runs: EXTRACTION.md section 3.

A mechanism has a proper name: a quoted core (“三进警务”, “1+2+N”巡防机制),
an unquoted phrase ending in a head word that carries a mark of a name (a count,
a ``+`` formula, a ``…式`` modifier, or standing alone as a paragraph's lead
phrase), or a counted name right after the list of its parts
(“早发现、早介入、早化解”三早工作法). Candidates are then filtered by general cues that
separate a practice from a goal, slogan, honour, nickname or quoted speech:
what stands right before (实现, 素有, 被评为), right after (目标, 理念, 原则), the
shape of the quote (a sentence, a list of short phrases), and count framing
(三项机制, 一个品牌). Lexicons live in ``loaders/lexicons/mechanism_*``.

Components come from enumerations after 即/包括/：, the items of a ``A+B+C``
formula, a list right before a counted name, the lead phrases of the
paragraphs under a heading that names a counted mechanism, or a list of
exactly the promised size in the next sentence, parentheses after the name, or
一是…二是… points. Head words of named objects (…室, …站, …队, …之家, …法)
live in ``mechanism_objects.tsv`` / ``mechanism_quoted_heads.txt``; a cue-verb
phrase of only generic words (``mechanism_generic_words.txt``) names nothing.
A count of mechanisms (三项机制) is kept when its parts are listed. A leading count sets
``expected_count``; a disagreement is kept and reported in ``ext.warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction, Honour, Mechanism
from .normalize import PINYIN_GLOSS, concept_key, find_all, mechanism_heads, normalize_name, read_lexicon
from .normalize import compiled as _rx

HAN = "\u3400-\u9fff"
NAME_CHARS = rf"{HAN}0-9A-Za-z+＋\x00"
CN_DIGITS = "一二两三四五六七八九十"
_CN_VAL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
OPEN_Q = "“「『‘\""
CLOSE_Q = "”」』’\""
QUOTE_RE = re.compile(r"[“「『]([^“”「」『』\n]{1,60})[”」』]|‘([^‘’“”\n]{1,30})’|\"([^\"\n]{1,60})\"")
_INNER_Q = re.compile(r"‘([^‘’“”\n]{1,30})’")
SENT_PUNCT = set("，,。！？!?；;：:…")
LIST_SEP = re.compile(r"\s*[、?？·・/，,]\s*|\s+")
# A measure word after a count turns 三+项+机制 into a reporter's framing.
MEASURES = "个项把件条大张招种道支套类"
FRAMING_NOUNS = ("机制", "品牌", "法宝", "钥匙", "举措", "措施", "抓手", "方面", "特色", "亮点",
                 "工作", "做法", "经验", "行动", "工程", "模式", "制度", "服务", "平台", "体系")
# Words that, read leftwards from a head word, end an unquoted name.
BOUNDARY_WORDS = ("的", "了", "和", "与", "及", "或", "在", "将", "把", "对", "以", "为", "由", "并", "等",
                  "按照", "通过", "是", "了", "从", "向", "使", "让", "该", "其", "这", "此", "一套",
                  "一项", "一种", "一个", "一整套", "新", "这种", "这一", "进一步", "积极", "大力",
                  "全面", "深入", "持续", "主动", "不断", "着力", "迅速", "立即", "充分", "同时",
                  "还", "也", "都", "又", "则", "已", "正", "所", "发展", "设置", "聘请", "招募", "纳入", "加入",
                  "发放", "配发", "印制", "培训", "慰问", "表彰", "动员", "凝聚", "汇聚", "发动", "调动", "带领", "指导", "组成", "构成", "共同", "结合", "得益于", "提到", "简称",
                  "根据", "依据", "来自", "穿戴上", "穿戴", "穿上", "戴上", "身穿", "穿着",
                  "利用", "借助", "依靠", "发挥", "他们", "我们", "她们", "大家",
                  # time words before a subject (之前某某服务队上门…): never the start of a name
                  "之前", "此前", "先前", "目前", "现在", "如今", "当前", "过去", "以往", "近日", "日前",
                  "近期", "当时", "随后", "后来", "最近")
ADVERBS = ("积极", "大力", "全面", "深入", "持续", "主动", "不断", "着力", "创新", "率先", "探索",
           "进一步", "全力", "扎实", "有效", "迅速", "立即", "同时", "还", "先后", "率先", "逐步",
           "正式", "全新", "首创", "积极探索", "大胆")
# Named-object heads (a short core before them is a name even without quotes)
# live in lexicons/mechanism_objects.tsv: see ``_objects``.
# Words of a running clause (connectives, demonstratives, 靠着): never inside a post's own name.
_CLAUSE_WORDS = re.compile(r"然而|但是|可是|因此|所以|于是|(?<!成)就(?![近业医])|靠着|哪|这|那(?!曲|坡)|却|才|只有|正是|(?<=[内外里上中])有")
# Heads of a physical post: with a cue verb they name a place (设立…警务室), not a practice.
PLACE_HEADS = ("警务室", "警务站", "工作站", "服务站")
# of those, the post a station sets up under a name (设立景迈山警务室): a cue verb names it
POST_SET_UP = "警务室"
# Heads that describe a kind of thing, too generic to make a name on their own.
WEAK_HEADS = ("活动", "行动", "计划", "项目", "专班", "平台", "体系", "警务", "岗", "课堂", "试点")
GENERIC_CORES = {"工作", "多元调解", "多元化解", "矛盾纠纷多元化解", "联勤联动", "常态化协作", "协作", "警务", "调解", "服务", "矛盾纠纷", "人民调解", "社区警务", "治安", "管理",
                 "多元", "联动", "协作", "运行", "长效", "工作运行", "常态化", "一体化", "综合",
                 "社区", "便民", "便民服务", "矛盾纠纷调解", "矛盾纠纷化解", "多元化解", "联防联控",
                 "重要", "主要", "最后", "第一", "唯一"}  # 国道的重要驿站: a figure, not a name
# A name made only of counted units (三队一室, 一室两队, 一中心两组) describes how the station is organised.
UNIT_COUNT_NAME = re.compile(rf"(?:[{CN_DIGITS}][队室组岗班中心]{{1,2}}){{2,}}")
# Head words whose names lean to one category (a weak hint: the name's own cue words can outweigh it).
HEAD_HINTS = {"警务": "community_policing"}
_DIGITS_AS_WORDS = str.maketrans("123456789", "一二三四五六七八九")
# What the text calls a quoted name (“X”平台) says what it is, more than the name's own ending.
PHRASE_HINTS = {"平台": "technology"}
HEADING_MAX = 40
LEAD_MAX = 14


@dataclass
class _Cand:
    name: str  # comparison form (simplified, no quotes)
    start: int  # clean offsets of the mention
    end: int
    head: str | None = None
    kind: str = "quoted"  # quoted | unquoted | formula | counted | heading
    components: list[str] = field(default_factory=list)
    expected: int | None = None
    counted_char: str | None = None  # 三进 -> 进: the parts usually repeat it
    aliases: list[str] = field(default_factory=list)
    in_heading: bool = False
    honors: list[Honour] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # clean offsets of every mention
    whole: bool = False  # the whole name stands inside one pair of quote marks (“巡山课堂”)
    quoted_parts: bool = False  # its components are quotes of its own sentence (即“A”；“B”): parts, not practices


# --------------------------------------------------------------------------- lexicons


# Characters after a count that make it a quantity (九尺巷, 十里坡, 十年磨一剑), not a count of parts.
QUANTITY_UNITS = set("尺米里亩斤吨年岁天日时分秒楼层号")
# A name made wholly of counted units (四会一课, 两员一站一网格): 2-4 parts of 1-2 characters.
_UNIT_SEQUENCE = re.compile(rf"(?:[{CN_DIGITS}][\u3400-\u9fff]{{1,2}}){{2,4}}")


# Patterns the helpers below run tens of thousands of times per article, compiled once.
_COUNT_HEAD = re.compile(rf"^([{CN_DIGITS}])([{HAN}])")
_TWO_COUNTS = re.compile(rf"^[{CN_DIGITS}]{{2,}}")
_COUNT_CHARS = re.compile(rf"([{CN_DIGITS}])(?=[{HAN}])")
_DIGIT_RUN = re.compile(r"^([0-9]{2,4})(?=[^0-9+.]|$)")
_CN_DIGIT_RUN = re.compile(r"[一二三四五六七八九]{2,}")
_FRAMING = re.compile(rf"^(?:[{CN_DIGITS}]+|[0-9]+)([{MEASURES}])(.*)$")
_ITEM_SPLIT = re.compile(r"[、；;，,]|(?<=[^\s])(?:以及|和(?![谐睦美])|及(?!时))(?=[^\s])")  # not 和谐化, 及时
_ITEM_LEAD = re.compile(r"^(?:即|包括|分别是|分别为|是|有)")
_ITEM_TAIL = re.compile(r"[等的]+$")
_TRAIL_DENG = re.compile(r"等$")
_CHAIN_GAP = re.compile(r"[、和及与\s]*")
_LEAD_DE_DENG = re.compile(r"^\s*(?:的|等)?\s*")
_LEAD_DE = re.compile(r"^\s*的?\s*")
_LEAD_DENG = re.compile(r"^\s*等")
_HONOUR_TRIM = re.compile(r"[全国省市县区首批一级\s]+$")
_CLAUSE_SPLIT = re.compile(r"[，,。；;：:！？!?]")
_QUOTED_SPAN = re.compile(r"“[^“”]*”")
_NAME_CHAR = re.compile(rf"[{NAME_CHARS}]")
_HAN_CHAR = re.compile(rf"[{HAN}]")
# 省级金牌人民调解工作室, 全国优秀…: a title of distinction (not a name given with 命名为 alone)
_HONOUR_TITLE = re.compile(r"^(?:国家级|省级|市级|县级|全国|全省|全市|全县|全区)|金牌|示范|先进|优秀|十佳|模范|标兵|五星|标杆")
# 十余个, 22个, 多个: a count of things (等十余个微信群) starts no name.
_APPROX_COUNT = re.compile(rf"^(?:(?:[0-9]+|[{CN_DIGITS}百千]+[余多]|多)[个家支条]|多种|各种|各类|多项)")
# Two parties (警校, 公调, 三所) and the work they join in: the usual shape of a joint-duty practice's name.
_JOINT_NAME = re.compile(rf"[{HAN}]{{2}}(?:联动|联防|联调|融合|对接|联勤|共建|共治|联创|联建|联治|联守|联控|联处|联巡)")
_COMPOUND = re.compile(rf"(?:[{CN_DIGITS}][{HAN}]{{1,2}}){{2,4}}")


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _heads_longest_first() -> tuple[str, ...]:
    """The head words, longest first (a longer head wins over its ending: 工作机制 over 机制)."""
    return tuple(sorted(mechanism_heads(), key=len, reverse=True))


def _tsv(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(ln.split("\t")) for ln in read_lexicon(name))


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, kind in _tsv("mechanism_cues.tsv"):
        out.setdefault(kind, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _negatives() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, kind in _tsv("mechanism_negatives.tsv"):
        out.setdefault(kind, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _categories() -> tuple[tuple[str, str, int], ...]:
    return tuple((w, c, int(n)) for w, c, n in _tsv("mechanism_categories.tsv"))


@lru_cache(maxsize=1)
def _external() -> tuple[str, ...]:
    return tuple(read_lexicon("mechanism_external.txt"))


@lru_cache(maxsize=1)
def _objects() -> dict[str, str | None]:
    """Named-object head -> category hint (调解室 -> mediation), from mechanism_objects.tsv."""
    return {w: (None if c == "-" else c) for w, c in _tsv("mechanism_objects.tsv")}


def _object_heads() -> tuple[str, ...]:
    return tuple(_objects())


@lru_cache(maxsize=1)
def _quoted_heads() -> tuple[str, ...]:
    return tuple(read_lexicon("mechanism_quoted_heads.txt"))


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return frozenset(read_lexicon("mechanism_generic_words.txt"))


def _all_generic(core: str) -> bool:
    """True when ``core`` splits wholly into generic policing words (矛盾纠纷+排查+化解)."""
    words = _generic_words()
    n = len(core)
    ok = [True] + [False] * n
    for i in range(1, n + 1):
        ok[i] = any(ok[j] and core[j:i] in words for j in range(max(0, i - 5), i))
    return n > 0 and ok[n]


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in mechanism_heads()))


# --------------------------------------------------------------------------- helpers


def _masked(simp: str) -> str:
    """``simp`` with pinyin glosses blanked to NUL (same length), so names read through them.
    (A page's list of links to other articles is already out of the text: clean._mark_link_lists.)"""
    work = PINYIN_GLOSS.sub(lambda m: "\x00" * len(m.group()), simp)
    # “车巡”+“步巡”的模式: short quoted parts joined by + are one formula, as if quoted together
    # (“自治互助站”+“老何调解室”: parts with names of their own stay apart); again for a third part
    # (“民警”+“辅警”+“网格员”: a join consumes the opening mark the next one starts from)
    while "+" in work and (joined := _JOINED_QUOTES.sub(_join_quotes, work)) != work:
        work = joined
    return work


def _join_quotes(m: re.Match[str]) -> str:
    return m.group(1) + "\x00" * (len(m.group(2)) - 2) + "+\x00"


_JOINED_QUOTES = re.compile(r"([“\x00][^“”+\x00]{1,4})(”\s*\+\s*“)(?=[^“”+]{1,4}”)")


def _clean_name(s: str) -> str:
    return normalize_name(s.replace("\x00", "")).strip("“”\"'‘’「」『』 ")


def _count_prefix(name: str) -> tuple[int | None, str | None, bool]:
    """(count, counted char, interpretable) for a name starting with a count word.

    三进警务 -> (3, 进); 四联四促 -> (4, 联) (repeated equal counts); 四会一课 and 三队一室
    add up their units -> (5, None), (4, None); 一村一警, 一警两辅 (a ratio), 一领二融三加强
    (steps) and 一三五五 have no clean reading -> (None, None, False);
    spelled-out digits (4321: one group per digit) are checked later.
    """
    dm = _rx(rf"^([0-9]{{1,2}})([{MEASURES}])").match(name)
    if dm and int(dm.group(1)) >= 2:
        return int(dm.group(1)), dm.group(2), True  # 6项协作机制: a count in digits and its measure word
    m = _COUNT_HEAD.match(name)
    if m and _rx(r"^.位一体").match(name):
        return _CN_VAL.get(m.group(1)), None, m.group(1) in _CN_VAL  # 三位一体: three in one, not 3+1
    if m and not _TWO_COUNTS.match(name):
        counts = _COUNT_CHARS.findall(name)
        vals = {_CN_VAL[c] for c in counts if c in _CN_VAL}
        first = _CN_VAL[m.group(1)]
        if m.group(2) in QUANTITY_UNITS:
            return None, None, False  # 九尺巷, 十里坡: a length or age, not a count of parts
        if len(counts) > 1 and len(vals) > 1:
            if first >= 2 and _UNIT_SEQUENCE.fullmatch(name):
                return sum(_CN_VAL[c] for c in counts), None, True  # 四会一课, 三队一室: the units add up
            return None, None, False
        if first < 2:
            return None, None, False  # 一体化, 一站式, 一盘棋: 一 is rarely a count of parts
        return first, m.group(2), True
    return None, None, False


def _digit_groups(name: str) -> list[int] | None:
    """4321工作法 -> [4, 3, 2, 1]: a leading run of 2-4 single digits may count groups."""
    m = _DIGIT_RUN.match(name)
    if not m:
        return None
    return [int(c) for c in m.group(1)]


def _digit_key(s: str) -> str:
    """三二一 and 321 compare equal: Chinese digit runs -> Arabic."""
    def conv(m: re.Match[str]) -> str:
        return "".join(str(_CN_VAL.get(c, c)) for c in m.group())

    return _CN_DIGIT_RUN.sub(conv, s)


def _is_framing(name: str) -> bool:
    """三项机制, 一个品牌, 三把钥匙: count + measure + generic noun (parts may be mechanisms)."""
    m = _FRAMING.match(name)
    if not m:
        return False
    rest = m.group(2)
    return rest == "" or rest in FRAMING_NOUNS or any(rest.endswith(n) and len(rest) <= len(n) + 2 for n in FRAMING_NOUNS)


FRAMED_HEADS = ("机制", "体系", "制度", "模式", "工作法", "平台", "工程")


def _post_head_name(after: str, heads: tuple[str, ...]) -> str | None:
    """The head word after a quote (skipping 的/等), or None."""
    m = _post_head(_LEAD_DE_DENG.sub("", after), heads)
    return m.group(2) if m else None


def _framed_parts(clean: CleanDoc, work: str, start: int, end: int, name: str) -> list[str] | None:
    """三项机制, “五个体系”: a count of mechanisms is itself recorded when its n parts are listed,
    right before it (宣传、走访、巡逻三项机制) or as n names ending in its noun soon after
    (…建立了A机制和B机制)."""
    m = _rx(rf"^([{CN_DIGITS}]|[0-9]+)[{MEASURES}](.+)$").match(name)
    noun = _ends_with(m.group(2), FRAMED_HEADS) if m and len(m.group(2)) <= 4 else None
    if not noun:  # 三项机制, 6项协作机制, 三项工作机制: a count of some kind of mechanism
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _CN_VAL.get(m.group(1), 0)
    s0, _ = _sentence_span(clean, start)
    lead = rf"^(?:{_alt(_cues()['create'] + _cues()['adopt'] + ('抓好', '做好', '构筑', '筑牢', '强化'))})了?"
    window = work[max(s0, start - 80):start].rstrip("“ ")
    lm = _rx(r"([^，。；：“”,]{2,12}(?:、[^，。；：“”、,]{2,12})+)\s*(?:等)?$").search(window)
    if lm:
        items = _split_items(lm.group(1))
        items[0] = re.sub(lead, "", _rx(r"^.*(?:派出所|该所|公安局)").sub("", items[0]))
        sizes = {len(x) for x in items[1:]}
        if len(sizes) == 1 and len(items[0]) > min(sizes) + 1:
            items[0] = items[0][-min(sizes):]  # 搭起源头排查、联合调处: parts of one length
        if len(items) == n and all(len(x) >= 2 for x in items):
            return items
    region = work[end:min(len(work), end + 300)]
    item = rf"[^，。；：“”、和及\s]{{2,24}}?{noun}"
    for mm in _rx(rf"{item}(?:(?:、|和|及|以及|与){item})+").finditer(region):
        items = re.findall(item, mm.group())
        items[0] = re.sub(lead, "", _rx(r"^.*(?:派出所|该所|公安局)").sub("", items[0]))
        items = [_clean_name(x) for x in items]
        if len(items) == n:
            return items
        break
    return None


@lru_cache(maxsize=1)
def _goal_after_re() -> re.Pattern[str]:
    """A goal word reached over a short modifier after a quote (的社会治理格局, 服务承诺)."""
    return re.compile(rf"^\s*的?([{HAN}]{{0,6}}?)(?:{_alt(_negatives()['after'])})(?=$|[^{HAN}]|[的中上])")


_BARE_LABEL = re.compile(rf"^([{CN_DIGITS}](?:个一|[{HAN}]{{1,3}}?))(?=$|[^{HAN}]|的|工作|党建)")


def _bare_counted_label(after: str, n_parts: int) -> str | None:
    """The counted name right after a list of exactly its parts, with no head word (…”五防。).

    The count must equal the number of parts: that agreement is what makes
    the label a name and not a reporter's framing. A label that is a goal,
    idea or framing noun (三大目标, 四个环节) or counts with a measure word
    (三项, 四条) names nothing; 七个一 (seven things done once each) does.
    """
    m = _BARE_LABEL.match(after)
    if m is None:
        return None
    label = m.group(1)
    if _CN_VAL[label[0]] != n_parts or n_parts < 2:
        return None
    if label[1] in MEASURES and label[1] != "大" and not label.endswith("个一"):
        return None
    rest = label[1:]
    return None if any(w in rest for w in _label_stop_words()) else label


@lru_cache(maxsize=1)
def _label_stop_words() -> tuple[str, ...]:
    """Goal, idea and framing nouns (目标, 理念, 环节 ...): a counted label holding one names nothing."""
    return (*_negatives()["after"], *_negatives()["suffix"], *FRAMING_NOUNS, "环节", "字")


def _count_parts(core: str) -> list[str] | None:
    """一式一点两平台四队伍 -> [一式, 一点, 两平台, 四队伍]: a run of counted parts, else None."""
    parts = _rx(rf"[{CN_DIGITS}][^{CN_DIGITS}]{{1,4}}").findall(core)
    if len(parts) >= 3 and "".join(parts) == core:
        return parts
    return None


@lru_cache(maxsize=1)
def _lead_cut_re() -> re.Pattern[str]:
    cues, neg = _cues(), _negatives()
    words = cues["create"] + cues["adopt"] + neg["before"] + ("一个", "一支", "一套", "一批", "融合", "包括",
                                                             "派出所", "该所", "公安局")
    return re.compile(rf"(?:{_alt(words)})了?")


def _trim_lead(item: str, shortest: int = 2) -> str:
    """该所还建立了人民调解 -> 人民调解: a list's first item starts after the clause's verb
    (unless fewer than ``shortest`` characters are left)."""
    ends = [m.end() for m in _lead_cut_re().finditer(item)]
    rest = item[ends[-1]:] if ends else item
    return rest if len(rest) >= shortest else item


def _is_list(core: str) -> list[str] | None:
    """Items of a quoted list of short phrases (a slogan or a list of parts), else None."""
    if "+" in core:
        return None
    items = [x for x in LIST_SEP.split(core) if x]
    if len(items) < 2 or not all(1 <= len(x) <= 10 for x in items):
        return None
    heads = _heads_longest_first()
    if _rx(r"[·・]").search(core) and not _rx(r"[、?？/，,\s]").search(core) \
            and _ends_with(items[-1], heads) and not any(_ends_with(x, heads) for x in items[:-1]):
        return None  # “某某义警2.0·四零警物联盟”: a brand, a dot, then the name with its head word
    return items


def _is_speech(core: str) -> bool:
    return any(c in SENT_PUNCT for c in core) or len(core) > 20


@lru_cache(maxsize=128)
def _by_char(words: tuple[str, ...], last: bool) -> dict[str, tuple[int, ...]]:
    """Positions of ``words`` by their last (or first) character; key "" holds the empty words.

    :func:`_ends_with` and :func:`_starts_with` run tens of thousands of
    times per article over lexicons of a hundred words: only words ending
    (starting) with the right character can match.
    """
    out: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        out.setdefault((w[-1] if last else w[0]) if w else "", []).append(i)
    empty = out.get("", [])
    return {k: tuple(sorted(set(v) | set(empty))) for k, v in out.items()}


def _ends_with(s: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ``s`` ends with."""
    index = _by_char(words, True)
    for i in index.get(s[-1:], index.get("", ())):
        if s.endswith(words[i]):
            return words[i]
    return None


def _starts_with(s: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ``s`` starts with."""
    index = _by_char(words, False)
    for i in index.get(s[:1], index.get("", ())):
        if s.startswith(words[i]):
            return words[i]
    return None


# 整个暑假期间便民工作站, 今年以来…: a time phrase opening an unquoted name is not part of it.
_LEAD_TIME = re.compile(rf"^(?:整个|今年|去年|[0-9]{{4}}年)?[{HAN}]{{0,6}}(?:期间|假期|以来|年来)")


_FIRST_OF = re.compile(r"^(?:全[国省市州县区镇]|本[省市州县区]|[省市县区]内)?(?:首个|首家|首支|首座|第一个|第一家|唯一)")


def _strip_adverbs(s: str) -> str:
    if (m := _FIRST_OF.match(s)) and len(s) - m.end() >= 2:
        s = s[m.end():]  # 全市首个工地警务室: an honour of being first, not part of the name
    m = _LEAD_TIME.match(s)
    if m and len(s) - m.end() >= 2:
        s = s[m.end():]
    if s.startswith(("自从", "自")) and not s.startswith(("自治", "自助", "自主", "自愿", "自发", "自律", "自防")) \
            and len(s) >= 3:
        s = s[2:] if s.startswith("自从") else s[1:]  # 自花源义警成立以来: since, not part of the name
    changed = True
    while changed:
        changed = False
        for a in ADVERBS:
            if s.startswith(a) and len(s) > len(a) + 1:
                s = s[len(a):]
                changed = True
    return s


def _split_items(text: str) -> list[str]:
    """Split an enumeration into items: 、 ， ； and a final 和/及."""
    text = text.strip().rstrip("。；;，, 等")
    text = _TRAIL_DENG.sub("", text)
    parts = [p for p in _ITEM_SPLIT.split(text) if p]
    out = []
    for p in parts:
        p = _clean_name(p).strip()
        p = _ITEM_LEAD.sub("", p)
        p = _ITEM_TAIL.sub("", p)
        if p:
            out.append(p)
    return out


# --------------------------------------------------------------------------- document layout


def _headings(clean: CleanDoc) -> list[tuple[int, int, int, int]]:
    """(heading_start, heading_end, body_start, body_end): from ``clean.sections``, else guessed.

    A guessed heading is a short paragraph with no sentence-final punctuation
    that is followed by a body paragraph.
    """
    if clean.sections:
        return [(s.heading_start, s.heading_end, s.start, s.end) for s in clean.sections]
    paras = clean.paragraphs or []
    text = clean.simp
    heads: list[int] = []
    for i, p in enumerate(paras):
        t = text[p.start:p.end].strip()
        if p.is_heading or (
            2 <= len(t) <= HEADING_MAX
            and not _rx(r"[。！？!?]$").search(t)
            and not _rx(r"[:：]\s*\S").search(t[:8])
            and i + 1 < len(paras)
            and i > 0
        ):
            heads.append(i)
    out = []
    for k, i in enumerate(heads):
        nxt = heads[k + 1] if k + 1 < len(heads) else len(paras)
        if nxt == i + 1:
            continue
        out.append((paras[i].start, paras[i].end, paras[i + 1].start, paras[nxt - 1].end))
    return out


def _lead_phrases(clean: CleanDoc, start: int, end: int) -> list[tuple[str, int]]:
    """Lead phrases (a short first clause ending in 。/：) of paragraphs in [start, end)."""
    out = []
    text = clean.simp
    for p in clean.paragraphs:
        if p.start < start or p.end > end:
            continue
        t = text[p.start:p.end]
        s = len(t) - len(t.lstrip())
        m = re.match(r"([^。：:！!？?，,“”]{2,%d})[。：:]" % LEAD_MAX, t[s:])
        if m and len(t.strip()) > len(m.group()) + 4:
            out.append((_clean_name(m.group(1)), p.start + s))
    return out


def _sentence_span(clean: CleanDoc, pos: int) -> tuple[int, int]:
    s = clean.sentence_at(pos)
    if s is None:
        return max(0, pos - 60), min(len(clean.simp), pos + 60)
    return s.start, s.end


# --------------------------------------------------------------------------- candidates


def _chain_gap(work: str, a: int, b: int) -> bool:
    """Only 、/和/及/与 or spaces between two quotes (an inner quote overlapping its outer one: empty gap)."""
    return a >= b or _CHAIN_GAP.fullmatch(work, a, b) is not None


def _listed_links(work: str, matches: list[re.Match[str]], heads: tuple[str, ...]) -> set[int]:
    """Indexes j whose quote is chained to quote j+1 over a short modifier: 矛盾纠纷“A”、治安防控“B”、
    服务群众“C”等机制 lists three practices, each with its field, under one closing head word.

    Only a list closed by 等 and a head word counts, so two quoted slogans with verbs between
    them (做到“A”、确保“B”) stay apart.
    """
    links: set[int] = set()
    run: list[int] = []
    for j in range(len(matches) - 1):
        a, b = matches[j].end(), matches[j + 1].start()
        if _chain_gap(work, a, b) or _MODIFIER_GAP.fullmatch(work, a, b):
            run.append(j)
            continue
        if run and _closed_list_re(heads).match(work, matches[j].end()):
            links.update(run)
        run = []
    if run and _closed_list_re(heads).match(work, matches[run[-1] + 1].end()):
        links.update(run)
    return links


_MODIFIER_GAP = re.compile(rf"\s*、\s*[{HAN}]{{2,6}}\s*")


@lru_cache(maxsize=4)
def _closed_list_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    """等 and a head word closing a list of quotes (等机制, 等工作法), compiled once per head list."""
    return re.compile(rf"\s*等[{HAN}]{{0,4}}?(?:{_alt(heads)})")


# --------------------------------------------------------------------------- quoted names


@dataclass(frozen=True)
class _QuoteDoc:
    """What the quote rules read from the whole document, gathered once per document."""

    clean: CleanDoc
    work: str
    heads: tuple[str, ...]
    head_spans: list[tuple[int, int]]
    speech: list[tuple[int, int]]  # somebody's quoted words: a name inside them is not the station's
    qp: dict[str, re.Pattern[str]]


class _lazy:
    """A per-instance cached property without :func:`functools.cached_property`'s lock (read per quote)."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn, self.name = fn, fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class _Quote:
    """One quote and the facts the rules read about it, gathered once per quote.

    A chain of quotes (“A”“B”等平台, “A”、“B”) shares what follows and what precedes it.
    """

    doc: _QuoteDoc
    work: str
    heads: tuple[str, ...]
    core: str  # the quoted text, cleaned
    qs: int  # the quote, its marks included
    qe: int
    s0: int  # the sentence around it
    s1: int
    chain_start: int
    chain_end: int
    alone: bool  # the only quote of its chain
    after_raw: str  # up to 16 characters after the chain, in the sentence
    after: str  # the same without a leading 等
    before: str  # up to 12 characters before the chain, in the sentence
    in_heading: bool

    @property
    def bare(self) -> str:
        return self.before.rstrip()

    @_lazy
    def count(self) -> tuple[int | None, str | None]:
        """The leading count of the core and its counted character: “三进” -> (3, 进)."""
        n, cchar, _ = _count_prefix(self.core)
        return n, cchar

    @property
    def n(self) -> int | None:
        return self.count[0]

    @_lazy
    def spelled(self) -> bool:
        """A two-character counted label with exactly its parts listed around it (东片、西片、南片“三片”)."""
        return self.n is not None and len(self.core) == 2 and _label_parts_spelled(
            self.core, self.n, self.work[max(self.s0, self.qs - 120):self.qs], self.work[self.chain_end:self.s1])

    @_lazy
    def items(self) -> list[str] | None:
        """The core as a list of short phrases (“早发现、早介入、早化解”), if it is one."""
        return _is_list(self.core)

    @_lazy
    def parts(self) -> list[str] | None:
        """The items of the list, else of a ``+`` formula."""
        return self.items or ([p for p in self.core.split("+") if p] if "+" in self.core else None)

    @_lazy
    def compound(self) -> bool:
        """A core made of counted units: “两翼一中心”."""
        return _COMPOUND.fullmatch(self.core) is not None

    @_lazy
    def head(self) -> str | None:
        """The head word the core ends with (“…工作法”, “解忧小屋”)."""
        return _ends_with(self.core, self.heads) or (None if self.compound else _quoted_head(self.core))

    @_lazy
    def head_match(self) -> re.Match[str] | None:
        """The head word right after the chain, with its modifier: “5G”网上调解平台; else a team
        the quote names (“黄马甲”群众帮扶队: any kind of 队 after a modifier of two or more characters)."""
        after = self.work[self.chain_end:min(self.s1, self.chain_end + 18)].replace("\x00", "").lstrip()
        hm = _post_head(after, self.heads)
        if hm is None and not _STATIONED_BEFORE.search(self.before):  # 驻社区“访惠聚”工作队: a body sent in, a partner
            hm = _NAMED_TEAM_AFTER.match(after)
        return hm

    @_lazy
    def post_head(self) -> str | None:
        """That head word, unless a function word or 系列/各类 between makes it a general noun."""
        hm = self.head_match
        if hm is None:
            return None
        if _rx(r"[的了是在对把将被为以]|系列|相关|各项|各类").search(hm.group(1)) and not (
                hm.group(1) == "的" and hm.group(2).endswith(("模式", "机制", "工作法")) and not _looks_like_slogan(self.core)):
            return None  # (以“景警融合”的模式: 的 alone before a head of method names the quote)
        return hm.group(2)

    @_lazy
    def name(self) -> str:
        """The core, a two-character counted label joined with its head word (“三访”警务 -> 三访警务)."""
        if self.n is not None and len(self.core) == 2 and self.post_head:
            return self.core + (_starts_with(self.work[self.chain_end:self.chain_end + 8], self.heads) or "")
        return self.core

    @_lazy
    def cue_before(self) -> str | bool | None:
        """A verb of making or adopting right before (创新“两站”, 推行“X”), or 通过 (the means worked through)."""
        cues = _cues()
        bare = self.bare
        tail = _strip_tail_adverbs(bare)
        cue = _ends_with(tail, cues["create"] + cues["adopt"]) or _ends_with(
            tail[:-2], cues["create"] + cues["adopt"]) if _rx(rf"[{HAN}]{{2}}$").search(tail) else _ends_with(
            tail, cues["create"] + cues["adopt"])
        cue = cue or _ends_with(bare, cues["create"])  # 创新“两站”: 创新 is a cue here
        cue = cue or bool(_made_of_kind_re().search(bare))  # 建立矛盾纠纷调解的“X”: made, its kind said between
        return cue or bare.endswith("通过")  # 通过“X”化解…: the means the station works through

    @_lazy
    def frame(self) -> bool:
        """以“X”为抓手/载体: the quote framed as what the work rests on."""
        return bool(_rx(r"以\s*[^以]{0,4}$").search(self.bare) and self.doc.qp["frame_near"].match(self.after))


_STATIONED_BEFORE = re.compile(rf"驻[{HAN}]{{0,3}}$")
_NAMED_TEAM_AFTER = re.compile(rf"^([{HAN}]{{2,6}}?)(?<!团)(队)(?=$|[^{HAN}]|[的为是在和与等及中])")


@lru_cache(maxsize=1)
def _made_of_kind_re() -> re.Pattern[str]:
    """A verb of making, then what kind of thing is made, then 的, right before a quote."""
    return re.compile(rf"(?:{_alt(_cues()['create'])})[{HAN}]{{2,10}}的$")


def _quote_at(doc: _QuoteDoc, matches: list[re.Match[str]], linked: set[int], idx: int) -> _Quote:
    """The facts about quote ``idx``, its chain bounds found over the quotes around it."""
    work, m = doc.work, matches[idx]
    qs, qe = m.start(), m.end()
    s0, s1 = _sentence_span(doc.clean, qs)
    j = idx
    while j + 1 < len(matches) and (j in linked or _chain_gap(work, matches[j].end(), matches[j + 1].start())):
        j += 1
    i = idx
    while i > 0 and (i - 1 in linked or _chain_gap(work, matches[i - 1].end(), matches[i].start())):
        i -= 1
    chain_start, chain_end = matches[i].start(), matches[j].end()
    after_raw = work[chain_end:min(s1, chain_end + 16)].replace("\x00", "").lstrip()
    return _Quote(
        doc=doc, work=work, heads=doc.heads, core=_clean_name(next(g for g in m.groups() if g is not None)), qs=qs, qe=qe, s0=s0, s1=s1,
        chain_start=chain_start, chain_end=chain_end, alone=i == idx == j,
        after_raw=after_raw, after=_LEAD_DENG.sub("", after_raw),
        before=work[max(s0, chain_start - 12):chain_start].replace("\x00", ""),
        in_heading=any(h0 <= qs < h1 for h0, h1 in doc.head_spans))


# A step looks at a quote and either passes it on (None) or settles it: the candidates it makes (maybe none).
_Step = Callable[[_Quote], "list[_Cand] | None"]


def _drop_if(*rules: Callable[[_Quote], object]) -> _Step:
    """A step that drops the quote when any of ``rules`` holds (tried in order)."""
    def step(q: _Quote) -> list[_Cand] | None:
        for rule in rules:
            if rule(q):
                return []
        return None
    return step


# --- exclusions on the quote's shape and its neighbours (in the order they run)


def _names_app_or_room(q: _Quote) -> bool:
    """依托“学习强国”等APP: an app the station uses; “矛盾调解区”等6个功能空间: rooms, not practices."""
    return bool(_THIRD_PARTY_MEDIA.match(q.after_raw) or q.core in _negatives()["app"]
                or _SPACES_AFTER.match(q.after_raw))


def _paired_ways(q: _Quote) -> bool:
    """利用“步巡+车巡”的方式: two ways of working paired, not a named practice."""
    return q.core.count("+") == 1 and bool(_rx(r"^的?(?:方式|形式)").match(q.after_raw))


def _names_fraud(q: _Quote) -> bool:
    """“刷单返利”“AI换脸”等高发电信网络诈骗: kinds of fraud warned against."""
    return bool(_FRAUD_AFTER.match(q.after_raw))


def _inequality(q: _Quote) -> bool:
    """“1+1>2”的聚合效应: an effect, not a formula of parts."""
    return bool(_rx(r"[<>=＜＞＝]").search(q.core))


def _sentence_about_formula(q: _Quote) -> bool:
    """“驻村民警+警务助理，是每个村的标配。”: somebody's sentence about a formula, not its name."""
    return "+" in q.core and bool(_rx(r"[，,。！？!?][^，,。！？!?]{4,}|[。！？!?]$").search(q.core))


def _way_left_behind(q: _Quote) -> bool:
    """由“被动警务”向“主动警务”转变: the way of working left behind."""
    return bool(_rx(r"由$").search(q.before.rstrip()) and _rx(r"^向").match(q.after))


def _two_clause_slogan(q: _Quote) -> bool:
    """“有时间警力就在村里，有事情就能就地解决”: a slogan in two clauses (a campaign keeps it)."""
    return bool(_rx(r"[，,]").search(q.core)) and "+" not in q.core and len(q.core) >= 10 \
        and not _rx(r"^的?(?:主题)?(?:活动|行动|竞赛|评比|工程)").match(q.after)


def _copula_statement(q: _Quote) -> bool:
    """“民警就是导游”, “旗帜就是方向”: one thing said to be another, a motto and no name."""
    return "就是" in q.core


def _points_back(q: _Quote) -> bool:
    """“用好这两个平台”: a phrase pointing at things already named (这, 那) names nothing itself."""
    return _rx(r"这|那(?![曲坡达])").search(q.core) is not None


def _plan_period(q: _Quote) -> bool:
    """“十一五”, “十四五”: a five-year plan period, not a practice."""
    return _rx(r"十[一二三四五六七八九]五(?:规划|期间|时期)?").fullmatch(q.core) is not None


def _too_short(q: _Quote) -> bool:
    """“好”: one character names nothing."""
    return len(q.core) < 2


def _one_bare_head(q: _Quote) -> bool:
    """“一联盟”聚合力, 通过“一平台”: one of a counted code's parts, labelled by its kind alone (framing)."""
    return len(q.core) >= 3 and q.core[0] == "一" and q.core[1:] in q.heads and not q.post_head


def _verb_said_twice(q: _Quote) -> bool:
    """到警务室“坐坐”“聊聊”: a verb said twice, not a name."""
    return len(q.core) == 2 and q.core[0] == q.core[1] and not _post_head(q.after, q.heads)


def _names_doctrine(q: _Quote) -> bool:
    """“新时代枫桥经验”: the national doctrine the station follows, not its own practice."""
    return any(d in q.core for d in _negatives()["doctrine"])


def _doctrine_in_place(q: _Quote) -> bool:
    """海上枫桥, 草原枫桥: the doctrine adapted to a place, not a practice."""
    return not _post_head(q.after, q.heads) and bool(_rx(rf"^[{HAN}]{{1,4}}枫桥$").match(q.core))


def _goal_word_after(q: _Quote) -> bool:
    """“…”目标/理念, “…”之路: a goal, principle or slogan (but “十红”主题教育活动, or “四必”要求 with
    its four 必 listed: a counted name)."""
    neg = _negatives()
    counted_activity = q.spelled or (q.n is not None and _post_head(q.after, q.heads) is not None)
    return bool(_starts_with(q.after.lstrip("的"), neg["after"]) and not counted_activity) \
        or bool(_ends_with(q.core, neg["suffix"]))


def _goal_or_pledge(q: _Quote) -> bool:
    """“…”的社会治理格局, “…”服务承诺: a goal or pledge phrased over a modifier
    (but “两翼一中心”管控格局: a layout made of counted units is how the station is organised)."""
    gm = _goal_after_re().match(q.after)
    layout = gm is not None and gm.group().endswith("格局") and q.compound
    return bool(gm) and not q.spelled and not layout and not _head_re().search(gm.group(1)) \
        and not ("+" in q.core and _rx(r"^[^，。；]{0,10}[，,]?\s*即").match(q.after))


def _aim_or_theme(q: _Quote) -> bool:
    """作为“…”目标, 为“…”主题/出发点: what the work aims at, not a practice."""
    return bool(_rx(r"(?:为|作为)\S{0,4}$").search(q.before)
                and _rx(r"^(?:目标|方向|己任|主题|出发点|落脚点)").match(q.after))


# --- honours and nicknames


def _honour(q: _Quote) -> list[_Cand] | None:
    """被评为“十佳调解品牌”, “…示范所”, “最美…”: an honour won, kept apart as one."""
    neg = _negatives()
    before = _HONOUR_TRIM.sub("", q.before)
    if _ends_with(before, neg["honour_verb"]) \
            or (any(v in before for v in neg["honour_verb"]) and _ends_with(_without_place_after(before), neg["honour_verb"])) \
            or _ends_with(q.core, neg["honour"]) or q.core.startswith("最美") or _in_honour_list(q):
        return [_Cand(q.core, q.qs, q.qe, kind="honour")]
    return None


def _in_honour_list(q: _Quote) -> bool:
    """荣获“A”、“B”、某系统“C”: a later item of the list of titles after an honour verb is an honour too."""
    span = q.work[q.s0:q.chain_start].replace("\x00", "")
    return _honour_list_rx().search(span) is not None


@lru_cache(maxsize=1)
def _honour_list_rx() -> re.Pattern[str]:
    """An honour verb, a quoted title, then 、 and the start of the next item, ending the text."""
    return re.compile(rf"(?:{_alt(_negatives()['honour_verb'])})[^，,。；;：:！？!?]*?“[^“”]*”(、[^“”，,。；;的]{{0,12}})$")


def _without_place_after(before: str) -> str:
    """获评佛山“…”: the text before a quote without the place (the honour's grantor) that ends it."""
    from .gazetteer import gazetteer

    g = gazetteer()
    for n in range(min(8, len(before)), 1, -1):
        tail = before[-n:]
        if tail in g.aliases or any(g.by_name[lv].get(tail) for lv in ("province", "prefecture", "county")):
            return _HONOUR_TRIM.sub("", before[:-n])
    return before


def _cue_word_before(q: _Quote) -> list[_Cand] | None:
    """实现“…”, 做到“…”, 被称为“…”: a result aimed at or a nickname, not a practice. A nickname is kept
    (kind ``nickname``) so that :func:`_quoted` drops it wherever it comes back (被称为“三宝一绝”)."""
    before = q.before.rstrip("了“")
    if not _ends_with(before, _negatives()["before"]) or "+" in q.core or q.core in _external():
        return None  # (夏季治安打击整治“百日行动”: a programme of higher levels, named after its kind)
    return [_Cand(q.core, q.qs, q.qe, kind="nickname")] if _NICKNAMED.search(before) else []


# --- exclusions on the clause around the quote


_REBUILT = ("改造", "改建", "升级", "建设")  # with the create cues (打造, 建成 …)


def _figure_of_speech(q: _Quote) -> bool:
    """成为邻里之间的“稳压器”, 就是打开心结的“金钥匙”: a figure of speech (but a counted label
    right after the quote's parts names a practice)."""
    qp = q.doc.qp
    clause_before = _QUOTED_SPAN.sub("", _CLAUSE_SPLIT.split(q.work[q.s0:q.chain_start])[-1])
    epithet = qp["epithet"].search(clause_before)
    if epithet and _ends_with(clause_before[:epithet.start()], _cues()["create"] + _REBUILT):
        epithet = None  # 将警务室改造成为“警民驿站”: what it was rebuilt into, a name
    return bool(epithet or qp["epithet_of"].search(clause_before)) \
        and (not _ends_with(q.core, q.heads) or _kind_of_object(q.core)) and "+" not in q.core \
        and not (q.alone and _bare_counted_label(q.after, len(q.items or ())))


def _apposition(q: _Quote) -> bool:
    """作为“普法前哨”，…: an apposition describing what follows."""
    return bool(_rx(r"(?:^|[，。])\s*作为$").search(q.work[max(q.s0, q.chain_start - 4):q.chain_start])
                and _rx(r"^[，,]").match(q.after))


def _places_or_location(q: _Quote) -> bool:
    """“三乡两镇”, 位于“…”交汇处: a count of places or a location, not a practice."""
    return bool(_rx(rf"(?:[{CN_DIGITS}][乡镇村县区市街省州国江河湖山岛]){{2,}}").fullmatch(q.core)
                or _rx(r"位于$").search(q.before))


def _staffing_formula(q: _Quote) -> bool:
    """“社区民警+网格员”: who staffs it, not a named practice; nor “1名领导+2名民警”值守模式, however
    it is headed (so many of each role)."""
    counted = _rx(rf"(?:[0-9]+|[{CN_DIGITS}]+)[名个位]")
    if "+" in q.core and all((m := counted.match(p)) and _is_role(p[m.end():]) for p in q.core.split("+")):
        return True
    return _role_formula(q.core) and not _post_head(_LEAD_DE_DENG.sub("", q.after), q.heads)


# --- a list or formula: a slogan, or the parts of a counted name


def _counted(name: str, start: int, end: int, **kw: Any) -> _Cand:
    """A counted candidate, its expected count and counted character read off its name."""
    c = _Cand(name, start, end, kind="counted", **kw)
    c.expected, c.counted_char, _ = _count_prefix(name)
    return c


_MEASURES_AFTER = re.compile(r"^\s*等?(?:[一二三四五六七八九十两多几]?[项个种条])?(?:举措|措施|做法)")


def _each_item_a_practice(q: _Quote) -> list[_Cand] | None:
    """“数字警务、共治警务”: each item ends in a head word and is a named practice of its own; so is each
    item of a list called measures (“庭所衔接、民调入所、律师进所”等举措)."""
    items, heads = q.items, q.heads
    measures = bool(items) and 2 <= len(items) <= 6 and all(3 <= len(x) <= 8 for x in items) \
        and _MEASURES_AFTER.match(q.after) is not None  # “庭所衔接、民调入所、律师进所”等举措: each a measure
    if not measures and not (items and len(items) <= 4 and all(len(x) >= 3 and _ends_with(x, heads)
                                                               and len(x) > len(_ends_with(x, heads)) for x in items)):
        return None
    out = []
    for x in items:
        at = q.work.find(x, q.qs, q.qe)
        if at >= 0:
            out.append(_Cand(_clean_name(x), at, at + len(x), head=_ends_with(x, heads), kind="quoted",
                             in_heading=q.in_heading))
    return out


def _counted_name_after(q: _Quote) -> list[_Cand] | None:
    """“A、B、C”三级联动机制: the counted name right after its parts (the quoted list its other name);
    parts up to 16 characters split at spaces or dots when their number agrees with the count."""
    cm = q.doc.qp["counted_after"].match(q.after)
    n = _count_prefix(cm.group(1))[0] if cm else None
    if not n:
        return _counted_levels_after(q)
    parts = q.parts
    if not parts and "+" not in q.core and q.alone:
        longer = [x for x in LIST_SEP.split(q.core) if x]
        if len(longer) >= 2 and all(len(x) <= 16 for x in longer) and n == len(longer):
            parts = longer
    if not parts:
        return _counted_levels_after(q)
    counted = cm.group(1)
    return [_counted(counted + (cm.group(2) if len(counted) <= 2 else ""), q.chain_end, q.chain_end + len(cm.group()),
                     head=cm.group(2), components=[_clean_name(x) for x in parts], in_heading=q.in_heading,
                     aliases=_list_alias(q))]


def _counted_levels_after(q: _Quote) -> list[_Cand] | None:
    """“村小组—村(居)委会—镇党政班子成员”三级领导包案负责制: levels joined by dashes, then a longer
    counted name of as many levels; the levels are its parts."""
    m = q.doc.qp["counted_after_long"].match(q.after)
    levels = [x for x in _rx(r"\s*[—－–-]+\s*").split(q.core) if x] if m and q.alone else []
    if len(levels) < 2 or len(levels) != _count_prefix(m.group(1))[0] or any(len(x) > 12 for x in levels):
        return None
    name = _clean_name(m.group(1) + m.group(2) + m.group(3))
    at = q.work.find(m.group(1), q.chain_end)
    return [_counted(name, at, at + len(name), head=m.group(3), components=[_clean_name(x) for x in levels],
                     in_heading=q.in_heading)]


def _counted_after_chain(q: _Quote) -> list[_Cand]:
    """“警民联调”“专业助调”“公调对接”三位一体矛盾纠纷化解机制: a counted name right after a chain of
    as many quotes, each its part. Read at the chain's last quote; it settles no quote (each stays a
    practice of its own or not, by the steps)."""
    if q.alone or q.qe != q.chain_end:
        return []
    m = q.doc.qp["counted_after_long"].match(q.after)
    if not m:
        return []
    name = _clean_name(m.group(1) + m.group(2) + m.group(3))
    parts = [_clean_name(_quote_text(x)) for x in QUOTE_RE.finditer(q.work, q.chain_start, q.chain_end)]
    if _count_prefix(name)[0] != len(parts):
        return []
    at = q.work.find(m.group(1), q.chain_end)
    return [_counted(name, at, at + len(name), head=m.group(3), components=parts, in_heading=q.in_heading)]


def _quote_text(m: re.Match[str]) -> str:
    """The text inside a :data:`QUOTE_RE` match, whichever quote marks it has."""
    return m.group(m.lastindex or 1)


def _list_alias(q: _Quote) -> list[str]:
    """The quoted list as the counted name's other name (“A、B、C”), not a ``+`` formula."""
    return [q.core] if "+" not in q.core else []


def _bare_counted_name(q: _Quote) -> list[_Cand] | None:
    """“防盗、防骗、防火”三防, “A、B、C、D”四步走: the counted name right after exactly its parts."""
    parts = q.parts
    label = _bare_counted_label(q.work[q.chain_end:min(q.s1, q.chain_end + 10)], len(parts)) \
        if parts and q.alone else None
    if not label:
        return None
    return [_counted(label, q.chain_end, q.chain_end + len(label), components=[_clean_name(x) for x in parts],
                     in_heading=q.in_heading, aliases=_list_alias(q))]


def _parts_of_next_quote(q: _Quote) -> list[_Cand] | None:
    """“A、B、C”的社会治理“X模式”, “一式一点两平台”的“112”机制: the parts of the quote that follows."""
    pq = _rx(rf"^\s*的?[{HAN}]{{0,6}}(?=“)").match(q.after)
    code_parts = _count_parts(q.core) if pq else None
    if not ((q.items or code_parts) and pq and q.chain_start == q.qs):
        return None
    return [_Cand("", q.chain_end, q.chain_end + pq.end(), kind="parts",
                  components=[_clean_name(x) for x in (q.items or code_parts or [])])]


def _practice_named_by_parts(q: _Quote) -> list[_Cand] | None:
    """“一键受理、三级联办”的调解机制, “1、3、5分钟”响应机制: one practice named by its parts
    (“民警主导、网格员支撑、义警参与”的三位一体工作体系: the counted name, its parts quoted before it)."""
    items, work, chain_end = q.items, q.work, q.chain_end
    lh = _post_head(_LEAD_DE.sub("", work[chain_end:min(q.s1, chain_end + 18)].replace("\x00", "")), q.heads)
    if not (items and lh and not _rx(r"[的了是在对把将被为以]").search(lh.group(1)) and q.alone
            and not any(_looks_like_slogan(x) or x.endswith(("型", "化")) for x in items)):
        return None
    parts = [] if all(_rx(r"[0-9.]+[^0-9]{0,3}").fullmatch(x) for x in items) else [_clean_name(x) for x in items]
    counted = _rx(r"工作$").sub("", lh.group(1) or "")
    n_named = _count_prefix(counted)[0] if counted else None
    at = work.find(counted, chain_end, chain_end + 20) if n_named == len(parts) else -1
    if at >= 0:
        return [_counted(_clean_name(counted), q.qs, at + len(lh.group(1)) + len(lh.group(2)), head=lh.group(2),
                         components=parts, in_heading=q.in_heading)]
    if all(_rx(rf"[{HAN}]{{1,6}}").fullmatch(x) and (_ends_with(x, ROLE_SUFFIX) or x.endswith(("保安", "管家")))
           for x in items):
        return []  # “民警、义警、保安、红色小管家”多方联动: who works together, not the practice's name
    return [_Cand(q.core, q.qs, q.qe, head=lh.group(2), kind="quoted", components=parts, in_heading=q.in_heading)]


def _list_of_parts(q: _Quote) -> list[_Cand] | None:
    """“A、B、C”组成的“X”: the parts of the practice named next; any other list is a slogan."""
    if not q.items:
        return None
    gm = _rx(r"^\s*(?:等)?(?:组成|构成|组建)的?").match(q.after)
    if not gm:
        return []
    return [_Cand("", q.chain_end, q.chain_end + gm.end(), kind="parts", components=[_clean_name(x) for x in q.items])]


# --- speech and common words


def _speech_shaped(q: _Quote) -> bool:
    """A quote shaped like a spoken sentence (and no ``+`` formula)."""
    return _is_speech(q.core) and "+" not in q.core


def _inside_speech(q: _Quote) -> bool:
    """A name inside somebody's quoted words (but “‘一村一警’让…”: a counted name cited)."""
    work, qs, qe, core = q.work, q.qs, q.qe, q.core
    return any(a < qs and qe <= b for a, b in q.doc.speech) \
        and not (work[qs] == "‘" and (_rx(rf"(?:[{CN_DIGITS}][{HAN}]{{1,2}}){{2,4}}").fullmatch(core)
                                      or _named_object(core)
                                      or _cited_practice(core, work[max(q.s0, qs - 12):qs], q.after, q.heads)))


def _generic_name(q: _Quote) -> bool:
    """“社区警务”, “智慧警务”: a general way of policing, nobody's named practice."""
    return q.core in _negatives().get("generic", ())


def _common_noun_figure(q: _Quote) -> bool:
    """做实“服务站”, 打造为民解忧“终点站”: a common noun used as a figure of speech."""
    return q.core in _negatives().get("figure", ()) and not _post_head_name(q.after, q.heads)


# --- count framing


def _framing(q: _Quote) -> list[_Cand] | None:
    """“五个体系”, “四个坚持”: a reporter's count of points (kind ``framing``), unless its parts are
    listed (a counted set of mechanisms) or the station works through it (以分局“六大专项行动”为载体).
    “四个一” (N things done once each) is not framing."""
    core, heads, work = q.core, q.heads, q.work
    if _rx(rf"[{CN_DIGITS}]个一").fullmatch(core) is not None:
        return None
    if _is_framing(core) or (_rx(rf"[{CN_DIGITS}]+[{MEASURES}]").fullmatch(core) and _starts_with(q.after, FRAMING_NOUNS)):
        parts = _framed_parts(q.doc.clean, work, q.qs, q.qe, core)
        if parts:  # “五个体系” with its five parts listed: a counted set of mechanisms
            return [_counted(core, q.qs, q.qe, head=_ends_with(core, heads), components=parts,
                             in_heading=q.in_heading)]
        if _rx(r"以[^以，,。]{0,10}$").search(q.before) and q.doc.qp["frame_after"].match(q.after):
            # 以分局“六大专项行动”为载体: a named programme the station works through
            c = _Cand(core, q.qs, q.qe, head=_ends_with(core, heads), kind="quoted", in_heading=q.in_heading)
            c.expected, c.counted_char, _ = _count_prefix(core)
            return [c]
        return [_Cand(core, q.qs, q.qe, kind="framing", in_heading=q.in_heading)]
    if _rx(rf"^(?:[{CN_DIGITS}]+|[0-9]+)[{MEASURES}][{HAN}]").match(core) and not _post_head_name(q.after, heads) \
            and not _rx(rf"^(?:[{CN_DIGITS}]+|[0-9]+)[{MEASURES}][{HAN}]{{2,}}法$").match(core):  # “三招解铃法”: a method's name
        parts = _quoted_parts_after(q) or _same_noun_parts(q)
        if parts:  # 落实“三个见面”，即…“一周一见面”；…“一周两见面”；…“一周三见面”
            c = _counted(core, q.qs, q.qe, components=parts, in_heading=q.in_heading)
            c.quoted_parts = True
            return [c]
        if (q.cue_before or q.frame) and not q.in_heading and _ends_with(core, heads):
            return None  # 运用“四个联动”破解难点, 以“三大警务”为牵引: a counted practice (its noun a head word) the station runs
        return [_Cand(core, q.qs, q.qe, kind="framing", in_heading=q.in_heading)]  # “四个坚持”: a count of points
    return None


def _same_noun_parts(q: _Quote) -> list[str] | None:
    """矛盾化解前置、治安防控前置……宣传教育前置的服务企业“五个前置”: as many listed items as the count,
    each ending in the count's noun, right before it in its sentence are its parts."""
    m = _FRAMING.match(q.core)
    noun = m.group(2) if m else ""
    n = _count_prefix(q.core)[0]
    if len(noun) < 2 or not n or n < 2:
        return None
    s0, _ = _sentence_span(q.doc.clean, q.qs)
    lm = _rx(rf"([^，,；;：:。“”]+{re.escape(noun)})(?:的[{HAN}]{{0,8}})?$").search(q.work[s0:q.qs])
    items = [x for x in LIST_SEP.split(lm.group(1)) if x] if lm else []
    if items:  # the first item starts after the verb that opens the list (明确了…)
        items[0] = _rx(r"^.*[了是把将对即]").sub("", items[0])
    if len(items) != n or not all(x.endswith(noun) and len(noun) < len(x) <= 10 for x in items):
        return None
    return [_clean_name(x) for x in items]


def _quoted_parts_after(q: _Quote) -> list[str] | None:
    """The quoted parts of “三个见面” spelled in the rest of its sentence after 即 or a colon: exactly
    as many quotes as it counts, each holding the counted noun (见面)."""
    m = _rx(rf"^(?:[{CN_DIGITS}]+|[0-9]+)[{MEASURES}]([{HAN}]{{1,4}})$").match(q.core)
    rest = _rx(r"[^。！？!?\n]*").match(q.work, q.qe).group()  # the parts run on past semicolons
    if not m or not _rx(r"^[”」』]?\s*(?:[，,]\s*)?(?:即|[：:])").match(rest):
        return None
    parts = [_quote_text(x) for x in QUOTE_RE.finditer(rest)]
    if len(parts) != _count_prefix(q.core)[0] or not all(m.group(1) in x for x in parts):
        return None
    return [_clean_name(x) for x in parts]


# --- acceptance


def _principle(q: _Quote) -> bool:
    """“以人民为中心”: a principle, whatever its last word."""
    return bool(_rx(r"以.{1,6}为").search(q.core))


def _unnamed_counted_label(q: _Quote) -> bool:
    """“六防”宣传热潮: a counted label, not a name (创新“两站”建设, 开展纠纷“三访”: a practice made or
    carried out, or its parts spelled out: one)."""
    return q.post_head is None and q.n is not None and len(q.core) == 2 \
        and not (q.spelled or _made_before(q.before) or q.cue_before or _opens_heading(q)
                 or _parts_right_before(q))


def _parts_right_before(q: _Quote) -> bool:
    """预防、治疗和保健“三策”: exactly the counted parts, listed in the same clause right before."""
    listed = _listed_before(q)[0]
    if len(listed) != q.n:
        return False
    at = q.work.rfind(listed[0], max(q.s0, q.qs - 120), q.qs)
    return at >= 0 and not _rx(r"[，,。；;：:]").search(q.work, at, q.qs)


def _opens_heading(q: _Quote) -> bool:
    """“四访”暖民心 as a section title: a quote that opens a heading names the section's practice."""
    return q.in_heading and any(h0 <= q.qs < h1 and not q.work[h0:q.qs].strip() for h0, h1 in q.doc.head_spans)


def _listed_before(q: _Quote) -> tuple[list[str], bool]:
    """The parts of a counted name listed right before it (A、B、C“三防”), and whether only some are
    (瞻红色遗址、讲红色故事等“十红”: some of the parts, sharing the counted character)."""
    n, cchar = q.count
    cues, neg = _cues(), _negatives()
    listed: list[str] = []
    partial = False
    lead = rf"^(?:{_alt(cues['create'] + cues['adopt'] + neg['before'] + ('将', '把'))})"
    window = _rx(r"[”」』]\s*$").sub("", q.work[max(q.s0, q.qs - 120):q.qs])
    window = window.replace("“", "，").replace("”", "")
    for pat in (r"([^，。；：“”,]{2,12}(?:[、，,][^，。；：“”、,]{2,12}){1,})\s*(?:的|等)?\s*$",
                r"([^，。；：“”]{2,14}(?:、[^，。；：“”、]{2,14}){1,})\s*(?:的|等)?\s*$"):
        lm = _rx(pat).search(window)
        if lm:
            listed = _split_items(lm.group(1))
            if any(x in cues["create"] + cues["adopt"] for x in listed) \
                    or _ends_with(listed[-1], cues["create"] + cues["adopt"]):
                listed = []  # 严格“A”制度，落实“四个一”: clauses with their verbs, not a list of parts
                continue
            if len(listed) > n:
                listed = listed[-n:]
            if listed:
                listed[0] = _rx(lead).sub("", _trim_lead(listed[0])) or listed[0]
                listed[-1] = _rx(r"等.*$").sub("", listed[-1]) or listed[-1]
            if len(listed) == n and all(len(x) >= 2 for x in listed):
                break
            if window.rstrip().endswith("等") and cchar:
                k = len(listed)
                while k > 0 and cchar in listed[k - 1]:
                    k -= 1
                if 2 <= len(listed) - k < n:
                    listed, partial = listed[k:], True
                    listed[0] = _rx(lead).sub("", _trim_lead(listed[0])) or listed[0]
                    break
            listed = []
    return listed, partial


def _counted_with_listed_parts(q: _Quote) -> list[_Cand] | None:
    """A counted name with its parts listed right before it: a counted candidate."""
    if q.n is None:
        return None
    listed, partial = _listed_before(q)
    if listed and (len(listed) == q.n or partial):
        return [_counted(q.name, q.qs, q.qe, head=q.head or q.post_head, components=listed, in_heading=q.in_heading)]
    return None


def _principle_kept(q: _Quote) -> bool:
    """坚持“一岗带动三队”: a principle the station keeps."""
    return bool(_rx(rf"^[{CN_DIGITS}]").match(q.core)) and not (_ends_with(q.core, q.heads) or q.post_head) \
        and bool(_rx(r"坚持$").search(q.bare))


def _external_in_passing(q: _Quote) -> bool:
    """A higher-level programme (…工程) named only in passing or in a headline."""
    return (q.core in _external() or q.core.endswith("工程") or q.post_head == "工程") \
        and _external_aside(q.work, q.chain_end, q.in_heading or _in_title_line(q.doc.clean.simp, q.qs))


_STEP_SEP = r"(?:—{1,2}|→|->|－|➝|>)"
_STEP_CHAIN = re.compile(rf"[{HAN}]{{1,4}}(?:{_STEP_SEP}[{HAN}]{{1,4}}){{2,}}")


def _step_chain(q: _Quote) -> list[_Cand] | None:
    """“发现—登记—通报—整改—复查”的闭环工作机制, “步巡→车巡→步巡”: a named process, its steps its parts."""
    if not _STEP_CHAIN.fullmatch(q.core):
        return None
    steps = [x for x in re.split(_STEP_SEP, q.core) if x]
    return [_Cand(q.name, q.qs, q.qe, head=q.head or q.post_head, kind="quoted", in_heading=q.in_heading,
                  components=steps, aliases=[f"chain:{q.chain_start}"])]


def _accepted(q: _Quote) -> list[_Cand]:
    """The quote as a name: with a head word (its own, after it, or before it: 党建品牌“起航”), a ``+``
    formula, a counted compound, a named group, a cue verb before it, two parties working together
    (“警校联防”), or a heading; else a weak name (kind ``weak``) that needs support elsewhere."""
    core, bare, after, heads = q.core, q.bare, q.after, q.heads
    head, name, kind = q.head, q.name, "quoted"
    chain = [f"chain:{q.chain_start}"]
    if head or q.post_head or "+" in core or q.compound or core in _external():
        pass
    elif _TEAM_AFTER.match(after) and not _looks_like_slogan(core):
        pass  # 培育“某某”队伍, “某某”团队: a named group the station fosters (a named organisation)
    elif (hb := _head_before(bare, heads)) and 2 <= len(core) <= 12 and not _looks_like_slogan(core) \
            and not _rx(r"^(?:很|非常|更|最|太|真|特别|十分)").match(core) \
            and not _rx(rf"^[{HAN}]{{0,3}}(?:志愿者|队员|成员|人员|群众)").match(after):
        head = hb  # 党建品牌“起航”, 调解工作法“三招解铃”: the head word names what the quote is
    elif q.cue_before or q.frame or _rx(r"(?:公安部?|警方|警务)$").search(bare):
        counted_name = q.n is not None or _rx(r"^[0-9]{3,6}$").match(core) is not None \
            or (len(core) == 3 and _rx(r"公安部?$").search(bare) is not None)  # 公安部“邻里通”
        way = _rx(r"^的?(?:方式|方法|形式)").match(after) is not None  # 通过“炕头会”“地头聊”等方式
        if len(core) > 12 or len(core) < (2 if counted_name else 3 if way else 4) or _looks_like_slogan(core):
            return []
    elif _JOINT_NAME.fullmatch(core) and q.alone and not _rx(r"[到向]$").search(bare) \
            and not _rx(r"^(?:[室站队组岗点屋坊亭]|为(?:导向|目标|方向|核心))").match(after):
        pass  # “警校联防”相得益彰: two parties and the work they do together, a named practice
        # (not one of a list of groups, not the end of 从“A”到“B”, not the start of a room's name)
    elif q.in_heading:
        kind = "heading"
    elif not q.spelled:  # (“四员”职责：即…员、…员: its parts spelled out make it a named practice)
        return [_Cand(name, q.qs, q.qe, kind="weak", aliases=chain)]
    hm = q.head_match
    if len(core) <= 2 and q.n is None and hm and len(hm.group(1)) <= 4:
        name = _clean_name(core + hm.group(1) + hm.group(2))  # “5G”网上调解平台
    c = _Cand(name, q.qs, q.qe, head=head or q.post_head, kind=kind, in_heading=q.in_heading, aliases=chain)
    if "+" not in name:
        c.expected, c.counted_char, _ = _count_prefix(name)
    if "、" in core and "+" in core:
        c.components = [x for x in core.split("、") if x]
    return [c]


# Every quote goes through these steps in order until one settles it (some rules rely on earlier ones).
_QUOTE_STEPS: tuple[_Step, ...] = (
    _drop_if(_plan_period, _names_app_or_room, _paired_ways, _names_fraud, _inequality, _sentence_about_formula,
             _way_left_behind, _two_clause_slogan, _copula_statement, _points_back, _too_short, _one_bare_head, _verb_said_twice,
             _names_doctrine, _doctrine_in_place, _goal_word_after, _goal_or_pledge, _aim_or_theme),
    _honour,
    _cue_word_before,
    _drop_if(_figure_of_speech, _apposition, _places_or_location, _staffing_formula),
    _each_item_a_practice,
    _counted_name_after,
    _bare_counted_name,
    _parts_of_next_quote,
    _practice_named_by_parts,
    _list_of_parts,
    _drop_if(_speech_shaped, _inside_speech, _generic_name, _common_noun_figure),
    _framing,
    _drop_if(_principle, _unnamed_counted_label),
    _counted_with_listed_parts,
    _drop_if(_principle_kept, _external_in_passing),
    _step_chain,
    _accepted,
)


def _quoted(clean: CleanDoc, work: str, headings: list[tuple[int, int, int, int]]) -> list[_Cand]:
    """Candidates from quoted spans (and ‘A’ cited inside a short “…”), each quote run through
    :data:`_QUOTE_STEPS`; a nickname or an honour title is then dropped wherever it comes back."""
    heads = _heads_longest_first()
    matches = list(QUOTE_RE.finditer(work))
    inner = [im for m in matches if m.group(1) for im in _INNER_Q.finditer(work, m.start() + 1, m.end() - 1)]
    matches = sorted(matches + inner, key=lambda m: m.start())
    speech = [(m.start(), m.end()) for m in _SPEECH_RE.finditer(work) if _is_speech(work[m.start() + 1:m.end() - 1])]
    doc = _QuoteDoc(clean, work, heads, [(h0, h1) for h0, h1, _, _ in headings], speech, _quote_patterns(heads))
    linked = _listed_links(work, matches, heads)
    cands: list[_Cand] = []
    for idx in range(len(matches)):
        q = _quote_at(doc, matches, linked, idx)
        cands.extend(_counted_after_chain(q))
        for step in _QUOTE_STEPS:
            settled = step(q)
            if settled is not None:
                cands.extend(settled)
                break
    nicknames = {_nickname_key(c.name) for c in cands if c.kind == "nickname"}
    # a nickname, or an honour title (被命名为“省级金牌调解工作室”), wherever it comes back (a headline)
    dropped = nicknames | _honour_titles(cands)
    return [c for c in cands if c.kind == "honour" or _nickname_key(c.name) not in dropped]


def _honour_titles(cands: list[_Cand]) -> set[str]:
    """The keys of the titles of distinction among the honours (获评“标杆警务室”): no practice's name."""
    return {_nickname_key(c.name) for c in cands if c.kind == "honour" and _HONOUR_TITLE.search(c.name)}


def _nickname_key(name: str) -> str:
    """云端上的警务室 and 云端警务室: one nickname, written with or without 上的/的/之."""
    return _rx(r"上的|的|之").sub("", name)


_FRAUD_AFTER = re.compile(r"^(?:等|类|型)?[\u4e00-\u9fff]{0,6}?(?:诈骗|骗局|骗术|套路|电诈|电信)")
# 被称为, 誉为, 号称, 素有: what follows is a nickname, not a practice.
_NICKNAMED = re.compile(r"(?:称为|誉为|号称|素有|称作|称之为|叫做|美称)$")


def _head_before(bare: str, heads: tuple[str, ...]) -> str | None:
    """The head word right before a quoted name (品牌“起航”), unless it points back (该机制“…”)."""
    h = _ends_with(bare, heads)
    if not h or len(h) < 2 or _rx(r"(?:该|这|此|其|这一|这种|这个|这项|该项|一种|一个|的)$").search(bare[: -len(h)]):
        return None
    return h


# “某某”队伍, “某某”志愿团队: a quoted name then a group word (not “…”的队伍, not 队伍建设).
_TEAM_AFTER = re.compile(r"^(?:(?!的)[\u4e00-\u9fff]){0,4}?(?:队伍|团队)(?!建设)")
# 等平台, 等APP, 等公众号 after quoted names: third-party apps and media (EXTRACTION.md: not practices).
_SPACES_AFTER = re.compile(r"^等(?:[0-9一二三四五六七八九十多]+[个处间类])?(?:功能空间|功能区|功能室|空间|区域|场所)")
# (平台 alone is no sign: 用好“主题党日”“政治生日”等平台 names the station's own practices.)
_THIRD_PARTY_MEDIA = re.compile(r"^等(?:[0-9一二三四五六七八九十多]+[个款家])?(?:网络|线上|新|学习)?(?:APP|App|app|软件|公众号|小程序|媒体|网站|客户端|微信群|群聊)")


# 、…等群防群治力量, 、…等快递公司: a list of participants summed up by what they are (partners, EXTRACTION.md 4).
_PARTICIPANTS_AFTER = re.compile(
    r"^(?:[、和及][^，,。；;：:、]{1,14}){0,8}等[^，,。；;：:、]{0,8}?(?:力量|公司|企业|部门|单位|人员|群体|机构)")
# 今后/下一步…将…: what the station plans to do, a goal rather than a practice it runs.
_PLAN_AHEAD = re.compile(r"^[^。！？!?]{0,6}?(?:今后|未来|下一步|下步|接下来)[^。！？!?]*?将")


def _listed_participant(work: str, c: _Cand) -> bool:
    """民警、网格员、某某义警等群防群治力量: an item of a list of participants, a partner not a practice."""
    before = work[max(0, c.start - 3):c.start].rstrip("“「『\"' ")
    after = work[c.end:c.end + 80].lstrip("”」』\"' ")
    return before.endswith("、") and _PARTICIPANTS_AFTER.match(after) is not None


def _planned(clean: CleanDoc, work: str, c: _Cand) -> bool:
    """今后将…构建某某长效机制: an unquoted name the station only plans to build (a goal)."""
    s0, _ = _sentence_span(clean, c.start)
    return c.kind == "unquoted" and _PLAN_AHEAD.match(work[s0:c.start]) is not None


# A quotation in the text, with any ‘…’ cited inside it: names inside speech are not the station's.
_SPEECH_RE = re.compile(r"“[^“”\n]{0,400}(?:‘[^’\n]*’[^“”\n]{0,400})*”")


@lru_cache(maxsize=4)
def _quote_patterns(heads: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """The lexicon-built patterns :func:`_quoted` tries on every quote, compiled once."""
    neg, cues = _negatives(), _cues()
    return {
        "epithet": re.compile(rf"(?:{_alt(neg['epithet'])})[^，。“”]{{0,20}}$"),
        "epithet_of": re.compile(rf"(?:{_alt(neg['epithet_of'])})[^，。“”]{{0,12}}的$"),
        "counted_after": re.compile(rf"^\s*(?:的|等)?\s*([{CN_DIGITS}][{HAN}]{{1,3}}?)({_alt(heads)})"),
        "counted_after_long": re.compile(rf"^\s*(?:的|等)?\s*([{CN_DIGITS}][{HAN}]{{1,3}}?)([{HAN}]{{0,8}}?)({_alt(heads)})"),
        "frame_after": re.compile(rf"^为(?:{_alt(cues['frame'])})"),
        "frame_near": re.compile(rf"^[^，。]{{0,6}}?为({_alt(cues['frame'])})"),
    }


@lru_cache(maxsize=16)
def _post_head_patterns(heads: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three patterns of :func:`_post_head`, compiled once per head list."""
    ends = "的为是在和与等及中上下里来以将已后前被让使由"
    long_heads = _alt(tuple(h for h in heads if len(h) >= 2))
    after = rf"(?=$|[^{HAN}]|[{ends}]|成效|成果)"  # (“某某”机制成效显著: its results follow)
    return (re.compile(rf"^([{HAN}]{{0,6}}?)({_alt(heads)}){after}"),
            re.compile(rf"^([{HAN}]{{0,10}}?)({long_heads}){after}"),
            re.compile(rf"^()({long_heads})"))


def _post_head(after: str, heads: tuple[str, ...]) -> re.Match[str] | None:
    """The head word right after a quote: “三访”警务, “晨曦”矛盾纠纷联动化解工作法.

    Up to 6 characters of modifier for any head, up to 10 for a head of two or
    more characters; the head ends at a non-Han character, a function word,
    or (for a head of two or more characters) any character that does not
    continue it into a longer head (“四心”工作法创新…).
    """
    short_mod, long_mod, bare = _post_head_patterns(heads)
    if after[:1] in ("都", "也", "还", "均", "又", "已", "被", "把", "将"):
        return None  # “一把手”都纳入领导小组: an adverb starts the predicate; no head of the quote follows
    m = short_mod.match(after)
    if m:
        return m
    m = long_mod.match(after)
    if m:
        return m
    m = bare.match(after)
    if m:
        rest = after[m.end():]
        if (rest[:1] in tuple("化性者员") and not rest.startswith("化解")) or _starts_with(rest, heads) \
                or _starts_with(rest, _negatives()["after"]):
            return None
    return m


def _quoted_head(core: str) -> str | None:
    """A quoted core ending like a named object (“解忧小屋”, “三步研调法”, “…工作清单”): that ending."""
    last = _ends_with(core, tuple(sorted(_quoted_heads(), key=len, reverse=True)))
    if last is None or len(core) < len(last) + 2 or not _rx(rf"[{HAN}0-9A-Za-z]+").fullmatch(core):
        return None
    if _ends_with(core, _negatives().get("not_object", ())) or (last == "法" and "法律" in core):
        return None  # 办法, 密码, 号码: ordinary words, not a named object
    return last


def _cited_practice(core: str, before: str, after: str, heads: tuple[str, ...]) -> bool:
    """A name the speaker cites as the station's practice: “我们依托‘A’机制” (a head word right
    after it, not a weak one such as 活动) or “首创‘B排摸法’” (made, and ending like a named method)."""
    if len(core) <= 2 and _count_prefix(core)[0] is not None:
        return False  # 善治、智治、精治‘三治’联动: a two-character count of what was just said
    strong = tuple(h for h in heads if h not in WEAK_HEADS)
    if _rx(rf"^的?(?:{_alt(strong)})").match(after):
        return True
    if _made_before(before) and _quoted_head(core) is not None:
        return True
    # 我们积极开展‘红色警务’: a name ending in a head word that the speaker says the station runs
    head = _ends_with(core, heads)
    bare = _strip_tail_adverbs(before.rstrip())
    return head is not None and len(core) >= len(head) + 2 and not _all_generic(core) \
        and bool(_ends_with(bare, _cues()["adopt"]) or _ends_with(bare, _cues()["create"]))


def _kind_of_object(core: str) -> bool:
    """流动服务站, 移动调解室: a generic modifier before an object head names a kind of post, not one post."""
    head = _ends_with(core, tuple(h for h, _ in _objects_longest_first()))
    return head is not None and core[:-len(head)] in _negatives()["modifier"]


def _named_object(core: str) -> bool:
    """‘某某调解室’ cited in somebody's words: two or more characters of name before a named-object head."""
    head = _ends_with(core, tuple(h for h, _ in _objects_longest_first()))
    return head is not None and len(core) - len(head) >= 2


def _made_before(before: str) -> bool:
    """A verb of making right before a quote (创新“两站”, 首创‘B排摸法’), an adverb or two after it allowed."""
    bare = before.rstrip()
    create = _cues()["create"]
    return bool(_ends_with(bare, create) or _ends_with(_strip_tail_adverbs(bare), create))


def _label_parts_spelled(core: str, n: int, window: str, following: str) -> bool:
    """Exactly the n parts of a two-character counted label, each holding its counted character, listed
    right before it (东片、西片、南片“三片”) or right after it (“四员”职责：即管理员、调解员、宣传员、服务员)."""
    lm = _rx(r"([^，。；：“”,]{2,8}(?:、[^，。；：“”,]{2,8})+)\s*$").search(window) or _rx(
        r"^[^，。；：“”,]{0,4}?\s*(?:[：:]\s*(?:即|包括)?|[，,]?\s*(?:即|包括)[：:]?)\s*"
        r"([^，。；：“”,、]{2,10}(?:、[^，。；：“”,、]{2,10})+)(?=[，。；,;]|$)").match(following)
    return bool(lm) and len(_split_items(lm.group(1))) == n and all(
        core[1] in x for x in _split_items(lm.group(1)))


ROLE_SUFFIX = ("员", "警", "者", "长", "师", "贤", "干部", "志愿者", "人", "户", "主", "官", "领导")


def _is_role(word: str) -> bool:
    """网格员, 村干部, 领导: a short word for a person's role."""
    return bool(_rx(rf"[{HAN}]{{1,6}}").fullmatch(word) and _ends_with(word, ROLE_SUFFIX))


def _role_formula(core: str) -> bool:
    """社区民警+网格员+志愿者: every part of a ``+`` formula is a person's role."""
    parts = [p for p in core.split("+") if p]
    return len(parts) >= 2 and all(_is_role(p) for p in parts)


@lru_cache(maxsize=256)
def _alt(words: tuple[str, ...]) -> str:
    """One regex alternation of ``words``, longest first (cached: built from the same lexicons on every call)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _strip_tail_adverbs(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for a in ADVERBS + ("了", "着", "出", "起"):
            if s.endswith(a) and len(s) > len(a):
                s = s[: -len(a)]
                changed = True
    return s


# Characters that carry an object head on into a longer word (义警队, 联盟会, 驿站点).
_OBJECT_CONTINUES = "队站组室会员长部点处所们区服务力骨干织伍内外里"


def _object_ends(work: str, head: str, he: int) -> bool:
    """A named-object head (义警, 联盟) ends its word even before a verb: 柳湾义警深耕基层."""
    if work.startswith("服务", he) and work[he + 2:he + 3] not in _OBJECT_CONTINUES.replace("服务", ""):
        return head in _object_heads()  # 联盟服务阵地: the object ends before a place word
    return head in _object_heads() and work[he] not in _OBJECT_CONTINUES and not any(
        work.startswith(h, he) for h in mechanism_heads())


def _in_title_line(text: str, pos: int) -> bool:
    """``pos`` lies in a short first line (a headline), not in a one-paragraph body."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    return pos < end and end - lead <= 40 and not _rx(r"[。！？!?]\s*$").search(text[lead:end])


def _external_aside(work: str, end: int, in_heading: bool) -> bool:
    """A higher-level programme named only in passing: a label (“万村工程”示范村), a headline slogan,
    or a time frame (“春季攻势”开展以来) in a sentence where the station does nothing (“百日行动”开展
    以来，某派出所…: the station takes part in it, a practice)."""
    nxt = work[end:end + 16].lstrip("”」』 ")
    if in_heading or _rx(r"^(?:“[^”]{1,8}”)?示范").match(nxt):
        return True
    if not _rx(r"^(?:“[^”]{1,8}”)?[^，。“]{0,4}(?:以来|期间)").match(nxt):
        return False
    rest = _rx(r"[^。！？!?]*").match(work, end).group()  # a time frame: in passing, unless the station acts in it
    return not _rx(r"派出所|该所|本所|民警").search(rest)


def _looks_like_slogan(core: str) -> bool:
    """小事不出村, 矛盾不上交, 一次不用跑: a target phrased as a negated or graded result."""
    if _rx(rf"([^{CN_DIGITS}0-9])(.)\1(.)").fullmatch(core):
        return True  # 抓早抓小, 边走边看: a repeated verb frames a principle, not a name
    return bool(_rx(r"不[出上用缺跑]|零[a-zA-Z\u4e00-\u9fff]|[好少牢清明准]$").search(core))


def _in_list_of_heads(work: str, comma: int, head: str, cue_words: tuple[str, ...]) -> bool:
    """Is the 、 at ``comma`` inside a list of names of one head word that a cue verb leads
    (搭建“回访机制”、多次报警纠纷督办机制、部门信息互通机制)? Each item is then a name."""
    before = work[max(0, comma - 60):comma].rstrip("”」\"")
    if not before.endswith(head):
        return False
    clause = _rx(r"[^，,。；;：:！!？?]*$").search(before).group()
    return any(w in clause[:-len(head)] for w in cue_words)


def _cue_named(span: str, head: str, next_char: str, cue_words: tuple[str, ...]) -> tuple[str, int] | None:
    """A cue verb right before the head (建立健全…机制, 启动…机制, 实行…工作制, 设立景迈山警务室: a post the
    station sets up, though other place heads such as 工作站 name no practice this way): the name runs from it.

    Returns the name and its offset in ``span`` (建立了A机制和B机制: B is named by the same cue verb),
    or None when the words after the verb are too short, too long, generic or a phrase.
    """
    cue_cut = -1
    for w in cue_words + ("制定", "建立健全", "建立完善", "健全", "完善"):
        pos = span.rfind(w)
        if pos >= 0 and pos + len(w) > cue_cut:
            cue_cut = pos + len(w)
    cue_core = span[cue_cut:] if cue_cut >= 0 else ""
    cue_core = _rx(r"^(?:了|起|出)+").sub("", cue_core)
    co = list(_rx(rf"{re.escape(head)}(?:和|及|以及|与)").finditer(cue_core))
    if co:
        cue_cut += len(span[cue_cut:]) - len(cue_core) + co[-1].end()
        cue_core = cue_core[co[-1].end():]
    if cue_cut >= 0 and 2 <= len(cue_core.replace("\x00", "")) <= 20 and not _rx(r"[的在对把将为等]").search(cue_core) \
            and cue_core not in GENERIC_CORES and (head == POST_SET_UP or head not in WEAK_HEADS + _object_heads() + PLACE_HEADS) \
            and not _rx(r"[的之、]").match(next_char) \
            and not _rx(r"^(?:相关|有关|各项|各类|各种|一系列|系列|多项|多种|若干|一批|诸多)").match(cue_core) \
            and (len(cue_core) >= 3 or head in ("工作法", "工作制", "制度", "工作机制", "机制")):
        return cue_core, cue_cut + (len(span[cue_cut:]) - len(cue_core))
    return None


_KIND_OF_POST = re.compile(r"(?:核心|重点|示范|标准化|规范化|片区|中心|片区中心)(?:社区|村|村级)?")


def _name_marked(core: str) -> bool:
    """A mark of a name before the head: a count (三联机制), a number (110), a ``+`` formula,
    counted units (一室三队), or a …式 modifier (枫桥式)."""
    return (
        bool(_rx(rf"^(?:[0-9]+|[{CN_DIGITS}][{HAN}])").match(core) and _count_prefix(core)[0] is not None)
        or bool(_rx(r"^[0-9]{2,}").match(core))
        or "+" in core
        or _COMPOUND.fullmatch(core) is not None
        or "式" in core[1:]
    )


def _post_of_a_kind(core: str) -> bool:
    """The words before an object head (…室, …站, 义警) name a kind of post or people, not one of them."""
    modifier = _ends_with(core, _negatives()["modifier"])
    if modifier and len(core) - len(modifier) <= 1:
        return True  # 社区警务站, 校园义警: a kind of post, not its name
    if _rx(rf"^(?:多|各|每|若干|一批|相关|原有|现有|传统|所有|其他|其它|这些|个(?=[{HAN}]{{2}}))").match(core):
        return True  # 设立多层级调解室, 原有警务站, (这)个社区警务站: posts of a kind, no distinguishing name
    if _OBJECT_VERB_OR_QUANTITY.fullmatch(core):
        return True  # 调动义警参与执勤, 广大义警: people mobilised, no named team
    return _all_generic(core)  # 村委会矛盾纠纷调解室: a body's room of a kind, no distinguishing name


def _listed_right_before(work: str, start: int, cue_words: tuple[str, ...]) -> list[str] | None:
    """A list right before a counted name (镇、部门、村、网格员五级联动…机制): its parts, cue verbs cut."""
    lm = _rx(r"([^，,。；：“”]{1,12}(?:、[^，,。；：“”、]{1,12}){1,})$").search(work[max(0, start - 80):start])
    if not lm:
        return None
    items = [_rx(rf"^(?:{_alt(cue_words)})(?:了|起|出)?").sub("", x) for x in _split_items(lm.group(1))]
    items[0] = _trim_lead(items[0], shortest=0)  # 某某派出所建立了镇、村…: the first part is 镇
    return [x for x in items if x]


@lru_cache(maxsize=4)
def _reversed_alt(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words written backwards, as one pattern: its first match in a reversed text is
    where the last of the words ends in the text (one search instead of a find per word)."""
    return re.compile("|".join(re.escape(w[::-1]) for w in words))


def _unquoted(clean: CleanDoc, work: str, headings: list[tuple[int, int, int, int]],
              stems: tuple[str, ...] = ()) -> list[_Cand]:
    """Unquoted names ending in a head word that carry a mark of a name (``stems``: the
    article's station names without 派出所, so 某某警务模式 named after its station counts),
    then higher-level programmes and ``+`` formulas named without quotes."""
    cands: list[_Cand] = []
    cue_words = _cues()["create"] + _cues()["adopt"]
    stops = tuple(sorted(set(BOUNDARY_WORDS + cue_words), key=len, reverse=True))
    stops_reversed = _reversed_alt(stops)
    head_spans = [(h0, h1) for h0, h1, _, _ in headings]
    quote_spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(work)]
    para_starts = {p.start + (len(clean.simp[p.start:p.end]) - len(clean.simp[p.start:p.end].lstrip())) for p in clean.paragraphs}
    for hm in _head_re().finditer(work):
        hs, he = hm.start(), hm.end()
        # the head must end the word: no Han char that would continue it
        if he < len(work) and _HAN_CHAR.match(work[he]) and work[he] not in "的为是在和与等及中上下里来以将已后前被让使由，" \
                and not _object_ends(work, hm.group(), he):
            # allow a longer head that starts here (工作机制 ...) to be found by its own match
            continue
        if hs > 0 and work[hs - 1] in CLOSE_Q or any(a < hs < b for a, b in quote_spans):
            continue  # handled with the quote
        head = hm.group()
        # read leftwards over name characters
        k = hs
        while k > 0 and _NAME_CHAR.match(work[k - 1]):
            k -= 1
        span = work[k:hs]
        # cut at the last boundary word (cue verbs, 的, 和 ...): where the last one ends, read
        # as the first one found in the reversed span
        last = stops_reversed.search(span[::-1])
        if k > 0 and work[k - 1] in CLOSE_Q and last is None:
            continue  # “青松”党建联盟: the quote is the name
        cut = len(span) - last.start() if last else 0
        stem = next((st for st in stems if span.endswith(st) and len(span) - len(st) < cut), None)
        if stem:  # 新街口模式: a boundary word (新) inside the station's name does not cut it
            cut = len(span) - len(stem)
        if cut and span[cut:cut + 1] == "起" and cut + 1 < len(span) and span[:cut].endswith(cue_words):
            cut += 1  # 组建起柳湾义警队: 起 completes the verb before the name
        core = span[cut:]
        core_start = k + cut
        named = _cue_named(span, head, work[he:he + 1], cue_words)
        cue_named = named is not None
        if named is not None:
            core, core_start = named[0], k + named[1]
        core = _strip_adverbs(core.replace("\x00", ""))
        mm = list(_rx(rf"(?:[{CN_DIGITS}]+|[多几数])[{MEASURES}]").finditer(core))
        if mm and mm[-1].start() > 0:  # 组建一支专业调解队伍: the name (if any) follows the measure;
            core = core[mm[-1].end():] if mm[-1].end() < len(core) else core[mm[-1].start():]  # …走访、巡逻两项机制
        is_object = head in _object_heads()
        listed = k > 0 and work[k - 1] == "、" and not is_object
        if listed and _in_list_of_heads(work, k - 1, head, cue_words):
            cue_named = True  # 搭建“回访机制”、多次报警纠纷督办机制: named by the verb that names the first
        elif listed:  # 镇、部门、网格员五级联动…: the name starts at the count
            cm = _rx(rf"[{CN_DIGITS}](?=[{HAN}])").search(core[1:])
            if not cm and not _rx(rf"[{CN_DIGITS}]|[0-9]{{1,2}}[{MEASURES}]").match(core):
                continue  # (…巡逻等3项机制: a count in digits starts it too)
            core = core[cm.start() + 1:] if cm else core
        core_start = hs - len(core) if "\x00" not in work[k:hs] else core_start
        if not core or "了" in core:
            continue  # (弥补了治理模式: a verb phrase, no name)
        lead = _leading_places(core)
        if lead and len(core) - lead >= 2:  # 西峡县双龙镇龙乡义警: the place it is in is not its name
            core, core_start = core[lead:], core_start + lead
        name = _clean_name(core + hm.group())
        is_lead = core_start in para_starts and _rx(r"[。：:]").match(work[he:he + 1] or "")
        marked = bool(is_lead) or cue_named or core in stems or _name_marked(core)
        if is_object and 2 <= len(core) <= 8 and core not in GENERIC_CORES:
            if _post_of_a_kind(core):
                continue
            if _CLAUSE_WORDS.search(core):
                continue  # 然而就靠着工作站这十几号人: words of a clause, not a post's name
            marked = marked or bool(_rx(rf"^[{HAN}]{{2,}}$").match(core))  # 柳湾义警: a post's own name
        if cue_named and head == POST_SET_UP and (_post_of_a_kind(core) or _KIND_OF_POST.fullmatch(core)):
            continue  # 打造核心社区警务室, 设立片区中心警务室: a kind of post, not one named
        if cue_named and not is_lead and core.endswith("新"):
            continue  # 创新…新机制: no distinguishing name
        if not is_object and not is_lead and "+" not in core and _all_generic(core):
            continue  # 警务勤务改革, 巡防机制改革: generic words only, no distinguishing name
        if not marked or len(core) < 2 or len(core) > (20 if cue_named else 14) or core in GENERIC_CORES:
            continue
        if head in WEAK_HEADS and not ("+" in core or is_lead):
            continue
        if any(d in name for d in _negatives()["doctrine"]):
            continue
        if _rx(r"(?<![驻进入])(派出所|公安局|分局)").search(core):
            continue  # a unit's name; but 调解委员会入驻派出所工作机制 names where a practice goes
        if _rx(rf"^(?:[{CN_DIGITS}]+|[0-9]+)[{MEASURES}名户人]").match(core):
            parts = _framed_parts(clean, work, core_start, he, name)
            if parts:  # 宣传、走访、巡逻三项机制: a counted set of mechanisms, its parts listed
                c = _Cand(name, core_start, he, head=head, kind="counted", components=parts)
                c.expected, c.counted_char, _ = _count_prefix(name)
                cands.append(c)
            continue  # 三项机制-style framing or a plain quantity
        vm = _rx(r"[0-9]+\.[0-9]+版?").match(work, he)
        if vm:  # 调解室2.0: a version number is part of the name
            name, he = name + vm.group(), vm.end()
        c = _Cand(name, core_start, he, head=head, kind="unquoted",
                  in_heading=any(h0 <= hs < h1 for h0, h1 in head_spans))
        c.expected, c.counted_char, _ = _count_prefix(name)
        if c.expected:
            listed = _listed_right_before(work, core_start, cue_words)
            if listed is not None:
                c.components = listed
        cands.append(c)
    return cands + _external_programmes(clean, work, head_spans, quote_spans) + _unquoted_formulas(work, stops)


def _external_programmes(clean: CleanDoc, work: str, head_spans: list[tuple[int, int]],
                         quote_spans: list[tuple[int, int]]) -> list[_Cand]:
    """Programmes of higher levels named anywhere (雪亮工程 ...), unless quoted or named in passing."""
    cands: list[_Cand] = []
    for prog in _external():
        ps = work.find(prog)
        while ps >= 0:
            pe = ps + len(prog)
            in_head = any(h0 <= ps < h1 for h0, h1 in head_spans) or _in_title_line(clean.simp, ps)
            described = work[pe:pe + 1] in OPEN_Q  # 夏季治安打击整治“百日行动”: the quote names it
            if not any(a <= ps < b for a, b in quote_spans) and not described and not _external_aside(work, pe, in_head):
                cands.append(_Cand(prog, ps, pe, kind="unquoted",
                                   head=_ends_with(prog, tuple(mechanism_heads()))))
            ps = work.find(prog, max(pe, ps + 1))
    return cands


def _unquoted_formulas(work: str, stops: tuple[str, ...]) -> list[_Cand]:
    """Unquoted formulas before a head word: 3+X(即…)的模式, 1+2+N(即…)调解工作模式 (not 民警+辅警+志愿者的模式)."""
    cands: list[_Cand] = []
    for fm in _formula_re().finditer(work) if "+" in work else ():
        end = fm.end()
        last = work.rfind("+", fm.start(), end) + 1
        tail = _rx(rf"^[0-9A-Za-z]+(?=[{HAN}])").match(work[last:end])
        if tail:  # 1+2矛盾纠纷调解和排查模式: a digit part ends the formula, the words after it describe it
            end = last + tail.end()
        after = work[end:end + 80]
        am = _rx(rf"^\s*(?:[(（]([^)）]{{0,70}})[)）])?\s*的?\s*([{HAN}]{{0,10}}?)(模式|机制|工作法|体系)").match(after)
        if not am or (fm.start() > 0 and work[fm.start() - 1] in OPEN_Q) or _rx(r"[的了是在对把将为]").search(am.group(2)):
            continue
        core = work[fm.start(1):end]
        first = core[:core.find("+")]
        cut = max((first.rfind(w) + len(w) for w in stops if w != "所" and w in first), default=0)
        core = core[cut:] if len(first) - cut >= 2 or first[cut:].isascii() else core  # 该所探索民警+…
        core = _rx(rf"^[{HAN}]+(?=[0-9A-Za-z]+\+)").sub("", core)  # 推行3+X: a digit formula starts at its digit
        if _role_formula(core):
            continue  # 民警+辅警+志愿者的模式: who staffs it, not a named practice
        c = _Cand(_clean_name(core), end - len(core), end, head=am.group(3), kind="formula")
        if am.group(1):
            c.components = _split_items(_rx(r"^即").sub("", am.group(1)))
        cands.append(c)
    return cands


_GIVEN_NAME = re.compile(r"(?:起了?(?:一?个)?(?:新|好听的)?名字|取名为?|取名叫|起名为?)\s*(?:——|—|：|:|，|,)?\s*"
                         r"[“‘\"]?([\u4e00-\u9fff]{3,12})[”’\"]?(?=[，。；！,;!\s]|$)")


def _given_names(work: str) -> list[_Cand]:
    """给调解室起了个新名字——长街平安茶馆, 取名为X: the name a station gives its room or team is a
    practice's name even without quotes (a quoted one is read with the quote)."""
    heads = _heads_longest_first()
    return [_Cand(_clean_name(m.group(1)), m.start(1), m.end(1), kind="unquoted") for m in _GIVEN_NAME.finditer(work)
            if not _rx(r"^[的了是为叫]").match(m.group(1))
            and any(h in work[max(0, m.start() - 15):m.start()] for h in heads)]  # what is named: a room, a team


_SHORT_NAMED = re.compile(r"([\u4e00-\u9fff]{3,24}?)[(（]以?下?简称[“\"]?([\u4e00-\u9fff]{2,8})[”\"]?[)）]")


def _short_named(work: str) -> list[_Cand]:
    """非警务事项纠纷调解中心(以下简称调解中心): a practice the text names in full and gives a short
    name for; the name runs from the verb before it and must end in a head word."""
    heads = _heads_longest_first()
    cues = tuple(sorted(_cues()["create"] + _cues()["adopt"] + ("启用", "运行", "依托"), key=len, reverse=True))
    out: list[_Cand] = []
    for m in _SHORT_NAMED.finditer(work):
        full = m.group(1)
        cut = max((full.rfind(c) + len(c) for c in cues if c in full), default=0)
        full = full[cut:]
        head = _ends_with(full, heads)
        if not head or len(full) < len(head) + 2 or _all_generic(full[: -len(head)]):
            continue
        start = m.start(1) + cut
        out.append(_Cand(full, start, start + len(full), head=head, kind="unquoted", aliases=[m.group(2)]))
    return out


# 警景协作、一村一警、矛盾联调等一系列工作机制, 廊亭和大榕树等警务模式: each item of a list summed up as
# a kind of mechanism names one (not 等举措/做法: lists of actions).
_LISTED_KINDS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,12}[、和及与])+[\u4e00-\u9fff]{2,8})[”’」]?等(?:一系列|一批|多项|系列|多种|多个)?"
    r"(?:警务|工作|治理)?(?:模式|机制)"
)  # (a quoted list too: ‘每日常态会商研判、突出问题随时研判’等机制)
_LIST_LEAD_WORDS = ("不断", "持续", "积极", "全面", "深入", "大力", "强化", "推动", "坚持", "完善", "健全",
                    "通过", "采取", "发挥")


@lru_cache(maxsize=1)
def _list_item_lead() -> re.Pattern[str]:
    """The clause's verb (and all before it) that a list's first item may start with."""
    words = _cues()["create"] + _cues()["adopt"] + _LIST_LEAD_WORDS
    return re.compile(rf"^.*(?:{_alt(tuple(set(words)))})")


def _listed_kinds(work: str) -> list[list[_Cand]]:
    """Items of a list closed by 等…模式/机制, one group per list: each a practice (kind ``unquoted``)
    or, when generic words only (信息共享), kind ``weak``: a part, should the list be a practice's parts."""
    out: list[list[_Cand]] = []
    for m in _LISTED_KINDS.finditer(work):
        group: list[_Cand] = []
        out.append(group)
        short_ok = "警务" in m.group(0)[len(m.group(1)):]  # 廊亭和大榕树等警务模式 (not 巡逻、走访等工作机制)
        longest = 8 if work[m.end(1):m.end(1) + 1] in CLOSE_Q else 6  # quote marks make longer items names too
        pos = m.start(1)
        for k, item in enumerate(_rx(r"([、和及与])").split(m.group(1))):
            a = pos
            pos += len(item)
            if k % 2:
                continue
            if k == 0:
                lead = _list_item_lead().match(item)
                if lead:
                    a, item = a + lead.end(), item[lead.end():]
            if not 2 <= len(item) <= 8 or _rx(r"[的了是在]").search(item):
                continue
            named = (2 if short_ok else 4) <= len(item) <= longest and not _all_generic(item)
            group.append(_Cand(item, a, a + len(item), kind="unquoted" if named else "weak"))
    return [g for g in out if g]


def _listed_parts(clean: CleanDoc, work: str, groups: list[list[_Cand]], named: list[_Cand]) -> list[_Cand]:
    """深化“路地协作”，…建立信息共享、联合巡逻、案件协查等机制: a list after a practice named earlier in
    its sentence (with no parts yet) gives that practice's parts; a list standing alone names practices."""
    out: list[_Cand] = []
    for group in groups:
        s0, _ = _sentence_span(clean, group[0].start)
        owner = max((c for c in named if s0 <= c.start and c.end <= group[0].start and not c.components
                     and c.kind in ("quoted", "weak") and _rx(r"[，,；;]").search(work, c.end, group[0].start)),
                    key=lambda c: c.start, default=None)  # (“警务助理”机制、廊亭和大榕树等: one list)
        if owner is None:
            practices = [c for c in group if c.kind == "unquoted"]  # (generic items name no practice alone)
            out.extend(practices)
            for c in named if practices else ():  # “A、B、C”等机制: the quote holding the list is no practice of its own
                if c.start <= group[0].start and group[-1].end <= c.end:
                    c.kind = "alias"
        else:
            owner.components = [c.name for c in group]
    return out


def _leading_places(core: str) -> int:
    """Length of the full place names (县, 镇, 乡, 街道 …) a name starts with."""
    from .gazetteer import find_places

    end = 0
    for m in find_places(core):
        if m.start == end and m.end - m.start >= 3:
            end = m.end
    return end


_PERSON_ROOM = re.compile(r"([\u4e00-\u9fff]{2,3})(警务室|调解室|工作室)")


def _person_rooms(work: str, ext: Extraction) -> list[_Cand]:
    """郭建军警务室: a room named after the officer who runs it, a proper name (EXTRACTION.md:
    a named room) when the text also writes the person's name on its own (社区民警郭建军)."""
    from .clean import surnames

    single, double = surnames()
    out: list[_Cand] = []
    for m in _PERSON_ROOM.finditer(work):
        for k in (3, 2):  # the name is the last 2-3 characters before the head word
            name = m.group(1)[-k:] if len(m.group(1)) >= k else ""
            if not name or not (name[0] in single or name[:2] in double) or work[m.start(1) - 1:m.start(1)] in "“" \
                    or _NOT_PERSON.search(name) or any(st.name and st.name.startswith(name) for st in ext.stations):
                continue  # (路社区警务室, 华林警务室 of 华林派出所: places, not people)
            alone = [i for i in find_all(name, work) if not work.startswith(m.group(2), i + len(name))
                     and (_PERSON_BEFORE.search(work, max(0, i - 5), i) or _PERSON_AFTER.match(work, i + len(name)))]
            if alone:
                start = m.end(1) - len(name)
                out.append(_Cand(name + m.group(2), start, m.end(), head=m.group(2), kind="unquoted"))
                break
    return out


_NOT_PERSON = re.compile(r"社区|村|镇|乡|街|路|所|区|县|市|省|警|站|中心|服务|调解|治安|综治|联调|党|便民")
# 社区民警郭建军正在…, 张文昌主动辞去…: the name written as a person's
_PERSON_BEFORE = re.compile(r"(?:民警|警官|所长|教导员|辅警|调解员|书记|主任|同志)$")
_PERSON_AFTER = re.compile(r"说|介绍|表示|正在|同志|警官|告诉|带领|主动|及时|被评为|所管辖|求助|荣获|[，,。：:]")


# A verb or a quantity before an object head word (调动义警, 广大义警): no name.
_OBJECT_VERB_OR_QUANTITY = re.compile(
    r"(?:调动|发动|动员|组织|带领|依靠|吸纳|招募|培训|表彰|鼓励|引导|激励|号召|邀请|联合|联系|指导|管理|发挥|"
    r"[百千万数][余多]?|[0-9一二三四五六七八九十]+[百千万]?[余多]?名?|"
    r"广大|全体|众多|更多|部分|广泛|积极|充分|优秀|骨干|共有|现有|拥有|提高|提升|加强|壮大|充实|配备|建强)+"
)
# 打造海纳百警·安护万家党建品牌: a two-part brand joined by a middle dot, before a head word.
_DOTTED = re.compile(rf"([{HAN}]{{2,12}})[·•]([{HAN}]{{2,6}}?)(党建品牌|警务品牌|服务品牌|品牌|工作法|工作机制|机制|模式|体系)")
_DOTTED_LEFT_CUT = re.compile(r"公安局|公安处|分局|派出所|支队|大队|打造|深化|推出|创建|构建|擦亮|叫响|树立|形成|实施|推行|以|的|和|与|在|将")


def _dotted(work: str, headings: list[tuple[int, int, int, int]]) -> list[_Cand]:
    """Brand names written as two phrases joined by a middle dot (红心映警蓝·图平安品牌): the dot
    marks a name as quotes would. The left phrase starts after the unit or verb before it."""
    out: list[_Cand] = []
    for m in _DOTTED.finditer(work):
        left = m.group(1)
        cut = max((c.end() for c in _DOTTED_LEFT_CUT.finditer(left)), default=0)
        left = left[cut:]
        if not 2 <= len(left) <= 6:
            continue
        start = m.start(1) + cut
        name = _clean_name(f"{left}·{m.group(2)}")
        c = _Cand(name, start, m.end(), head=m.group(3), kind="unquoted",
                  in_heading=any(h0 <= start < h1 for h0, h1, _, _ in headings))
        out.append(c)
    return out


@lru_cache(maxsize=1)
def _formula_re() -> re.Pattern[str]:
    """A ``+`` formula: after a non-name character, or (1+2+N) right after Han text (实行1+2+N)."""
    part = r"[0-9A-Za-z\u3400-\u7683\u7685-\u9fff]{1,8}"  # Han without 的 (U+7684): 大数据的治理模式
    return re.compile(rf"((?:(?<![{NAME_CHARS}]){part}|(?<![0-9A-Za-z+＋])[0-9A-Za-z]{{1,4}})(?:\+{part})+)")


# --------------------------------------------------------------------------- components


def _enumeration_after(work: str, pos: int, send: int) -> tuple[list[str], str | None]:
    """Items of an enumeration introduced by 即/包括/分别是/： right after ``pos`` in its sentence."""
    seg = work[pos:send]
    pm = _rx(r"^[^。；，,（(]{0,8}?[（(]([^()（）]{2,60})[)）]").match(seg)
    if pm and _rx(r"[、，,]").search(pm.group(1)):  # “三方联动”机制(民警、法官、律师)
        body = _rx(r"^(?:即|包括|也就是)").sub("", pm.group(1))
        return _split_items(body), body
    m = _rx(r"^[^。；]{0,12}?(?:[，,]\s*)?(即|也就是说?|包括|分别是|分别为|主要是|具体是|[:：]|——|—)").match(seg)
    if not m:
        ordinal = _ordinal_items(work[pos:min(len(work), pos + 600)])
        return (ordinal, "、".join(ordinal)) if ordinal else ([], None)
    body = seg[m.end():].rstrip("。")
    return _split_items(body.replace("\x00", "")), body


def _ordinal_items(text: str) -> list[str]:
    """一是…；二是…；三是…: the lead clause of each numbered point, starting in this or the next sentence."""
    first = _rx(r"一是").search(text[:200])
    if not first:
        return []
    items = []
    for k, num in enumerate("一二三四五六七八九十"):
        m = re.search(num + r"是([^，,。；;：:]{2,20})", text[first.start():])
        if not m or (k and m.start() == 0):
            break
        items.append(_clean_name(m.group(1)))
    return items if len(items) >= 2 else []


def _digit_components(body: str, groups: list[int]) -> list[str] | None:
    """321 style: 即…巡逻、走访、宣传3项工作, …2个中心, 建立1套…: one clause per digit.

    Each digit counts the items of its clause, so the parts are the clauses'
    items (3 + 2 + 1 = 6); a clause whose items can't be split to its digit
    stands as one part for each of its units only when the digit is 1.
    """
    clauses = [c.strip() for c in _rx(r"[，,；;]").split(body) if c.strip()]
    found: list[str] = []
    gi = 0
    for cl in clauses:
        if gi >= len(groups):
            break
        m = _rx(r"([0-9]+)\s*[个项套支条类大种名]").search(cl)
        if not m or int(m.group(1)) != groups[gi]:
            continue
        d = groups[gi]
        gi += 1
        if m.start() == 0 or _rx(r"^(?:建立|建设|形成|推行|落实|实现)?$").match(cl[:m.start()]):
            found.append(_clean_name(cl))  # 建立1套…机制: the counted thing follows the number
            continue
        items = _split_items(_rx(r"^(?:即|实现|推行|落实|强化|建设|建立)").sub("", cl[:m.start()]))
        if len(items) == d:
            found.extend(items)
        else:
            found.append(_clean_name(cl))
    return found if gi == len(groups) else None


def _components(clean: CleanDoc, work: str, c: _Cand, headings: list[tuple[int, int, int, int]]) -> None:
    s0, s1 = _sentence_span(clean, c.start)
    if not c.components:
        items, body = _enumeration_after(work, c.end, s1)
        nxt = clean.sentence_at(s1) if s1 < len(work) else None
        if not body and nxt and _rx(r"^\s*即").match(work[nxt.start:nxt.end]):
            items, body = _enumeration_after(work, nxt.start, nxt.end)
        groups = _digit_groups(c.name)
        if groups and body and not c.components:
            dc = _digit_components(body, groups)
            if dc:
                c.components, c.expected = dc, sum(groups)
        elif items and 2 <= len(items) <= 8:
            n, ch = c.expected, c.counted_char
            if n and ch and len(items) > n and all(ch in x for x in items[:n]) and not any(ch in x for x in items[n:]):
                items = items[:n]  # “三防”，即人防、物防、技防，效果明显: the list ends with the promised parts
            c.components = items
    groups = _digit_groups(c.name)
    if groups and c.components and c.expected is None:
        c.expected = sum(groups)  # 1124 with its parts listed: one part per unit of every digit
    if not c.components and "+" in c.name:
        parts = [p for p in c.name.split("+") if p]
        # a digit formula (1+X+N) counts people, not parts: only word formulas list parts
        if not any(_rx(r"[0-9A-Za-z]+").fullmatch(p) for p in parts):
            c.components = parts
    if not c.components and c.expected:
        # a heading naming a counted mechanism: lead phrases of its paragraphs
        for h0, h1, b0, b1 in headings:
            if h0 <= c.start < h1:
                leads = [t for t, _ in _lead_phrases(clean, b0, b1)]
                if c.counted_char and len(leads) > c.expected:
                    shared = [t for t in leads if c.counted_char in t]
                    if len(shared) == c.expected:
                        leads = shared
                if len(leads) >= 2:
                    c.components = leads
                break
        else:
            # a list of exactly the promised size in this or the next sentence
            region = _rx(r"[“「]").split(work[c.end:s1])[0]
            for lm in _rx(r"[^，,。；;：:“”的]{2,12}(?:、[^，,。；;：:“”、的]{2,12})+").finditer(region):
                items = _split_items(lm.group())
                if len(items) == c.expected and not any(_rx(r"[0-9]|同比|下降|上升").search(x) for x in items):
                    c.components = [_rx(r"^(?:构建|建立|形成|实现)").sub("", x) for x in items]
                    break
            if not c.components:
                # following paragraphs opening with lead phrases that repeat the counted char
                leads = [t for t, p in _lead_phrases(clean, s1, min(len(work), s1 + 3000))
                         if c.counted_char and c.counted_char in t]
                if len(leads) == c.expected:
                    c.components = leads


# --------------------------------------------------------------------------- attributes


@lru_cache(maxsize=1)
def _objects_longest_first() -> tuple[tuple[str, str | None], ...]:
    return tuple(sorted(_objects().items(), key=lambda hc: len(hc[0]), reverse=True))


@lru_cache(maxsize=1)
def _category_index() -> tuple[dict[str, int], dict[str, list[int]], list[int]]:
    """(code -> its first row, first character -> rows of cue words, rows of empty cue words)."""
    order: dict[str, int] = {}
    by_first: dict[str, list[int]] = {}
    always: list[int] = []
    for i, (w, code, _) in enumerate(_categories()):
        order.setdefault(code, i)
        if w:
            by_first.setdefault(w[0], []).append(i)
        else:
            always.append(i)
    return order, by_first, always


def _category(name: str, components: list[str], sentence: str, head: str | None = None,
              head_phrase: str = "", shared: int = 1) -> str:
    """Category by cue words in name, head phrase, parts and sentence; a named object's head (调解室)
    weighs most, then the words the text puts after a quoted name (“X”新型警务运行模式): what the
    text calls it says more than what the sentence around it is about. A sentence that names
    ``shared`` practices describes each of them only in part, so its words count 1/sqrt(shared).
    A name of counted units (三队一室) is an organisational reform; a …警务 name is a style of
    community policing unless its own words say otherwise."""
    scores: dict[str, float] = {}
    name = name.translate(_DIGITS_AS_WORDS)  # 1村1辅警 reads like 一村一辅警 to the cue words
    objs = _objects_longest_first()
    hint = next((c for h, c in objs if c and head_phrase.endswith(h)), None) or _objects().get(head or "") or next(
        (c for h, c in objs if c and normalize_name(name).endswith(h)), None)
    if hint:
        scores[hint] = 30
    elif UNIT_COUNT_NAME.fullmatch(name):
        scores["organisational_reform"] = 30
    for h, code in HEAD_HINTS.items():
        if name.endswith(h) or head == h:
            scores[code] = scores.get(code, 0) + 6
    for h, code in PHRASE_HINTS.items():
        if head_phrase.endswith(h):
            scores[code] = scores.get(code, 0) + 12
    cats = _categories()
    order, by_first, always = _category_index()
    # only cue words whose first character occurs in one of the texts can count (the others add 0)
    chars = set(name).union(head_phrase, sentence, *components)
    own = False
    for i in always + [i for ch in by_first.keys() & chars for i in by_first[ch]]:
        w, code, weight = cats[i]
        s_own = 3 * name.count(w) + 4 * head_phrase.count(w) + 2 * sum(x.count(w) for x in components)
        s = s_own + sentence.count(w) / shared ** 0.5
        own = own or s_own > 0
        if s:
            scores[code] = scores.get(code, 0) + s * weight
    if not own and not hint and name.endswith("警务"):
        return "community_policing"  # 背包警务, 山村警务: a style of policing, whatever the sentence is about
    if not scores:
        return "other"
    return max(scores, key=lambda k: (scores[k], -order[k]))


def _head_phrase(work: str, c: _Cand) -> str:
    """The words after a quoted name up to its head word (“X”的派出所新型警务运行模式), else ""."""
    if work[c.end - 1:c.end] not in CLOSE_Q:
        return ""
    after = _rx(r"^\s*(?:的|等)?\s*").sub("", work[c.end:c.end + 18].replace("\x00", ""))
    m = _post_head(after, tuple(sorted(mechanism_heads(), key=len, reverse=True)))
    return m.group() if m else ""


# Scope (EXTRACTION.md section 3): a practice the station created is internal; one a higher level
# runs (公安部, 省厅, the county bureau, the town) that the station takes part in is external.
HIGHER_LEVEL_WORDS = r"公安部|公安厅|省厅|市局|县局|区局|分局|公安局|政法委|[省市县区]委|镇党委|镇政府|街道办"
HIGHER_LEVEL = rf"(?:{HIGHER_LEVEL_WORDS})"
# 某市公安, 某县公安局, 县委政法委 opening a sentence (after a time phrase) that names no 派出所 first.
_HIGHER_SUBJECT = re.compile(
    rf"^\s*(?:[^，,。]{{0,8}}(?:来|以来|期间|时)[，,]?)?(?:(?!联合|会同|协同|携手|配合|依托|与|和)[^，,。]){{0,12}}"
    rf"(?:{HIGHER_LEVEL_WORDS}|公安(?![局分派]))"
    r"(?![^，,。]{0,12}(?:派出所|警务室|警务站))")
# 分局“六大专项行动”, 某镇“三源共治”工作站: a higher level or a town owns it; 派出所的“…”: the station does.
_OWNER_BEFORE = re.compile(rf"(?:{HIGHER_LEVEL}|(?<![全乡城本该各每])[镇乡]|全[省市县区]|[省市]级)的?$")
# 由某派出所牵头…“X”应运而生: the station leads it; 向分局申请启动X: the station asks a higher level to run it.
_STATION_LEADS = re.compile(r"由[^，,。；;]{0,12}(?:派出所|该所|本所)(?:牵头|主导|发起)")
_ASKS_HIGHER = re.compile(rf"向[^，,。；;]{{0,10}}(?:{HIGHER_LEVEL_WORDS})[^，,。；;]{{0,8}}(?:申请|请求|报请)[^，,。；;]{{0,6}}$")
_STATION_OWNER_BEFORE = re.compile(r"(?:派出所|该所|本所|所里)的[^，,。“”的]{0,4}$")
# 融入“X+”服务中心建设: the station joins a practice someone else runs.
_JOIN_BEFORE = re.compile(r"(?:融入|参与|加入|响应|助力|配合)[^，,。]{0,14}$")
# How far back in its clause a create verb (建立, 打造 …) may stand before the name.
CLAUSE_W = 60
SCOPE_CREATE_EXTRA = ("培育", "开启", "构筑", "开设", "开辟", "建起", "制定", "首创")


@lru_cache(maxsize=1)
def _create_re() -> re.Pattern[str]:
    return re.compile(_alt(tuple(sorted(set(_cues()["create"] + SCOPE_CREATE_EXTRA), key=len, reverse=True))))


def _scope(name: str, sentence: str, start_in_sent: int) -> str | None:
    """internal / external / None for one mention, from what the sentence says about its origin."""
    if any(x in name for x in _external()):
        return "external"
    before = sentence[:start_in_sent].rstrip("“「『‘\"")
    if name.endswith("工程") and not re.search("|".join(_cues()["create"][:9]), before):
        return "external"
    if _STATION_OWNER_BEFORE.search(before) or _STATION_LEADS.search(before):
        return "internal"
    if _OWNER_BEFORE.search(before) or _JOIN_BEFORE.search(before) or _ASKS_HIGHER.search(before):
        return "external"
    if _rx(r"(?:按照|根据|落实)[^，。]{0,12}(?:部署|要求|安排)[^，,。；;]{0,12}$|公安部|省厅|公安厅|上级").search(before):
        return "external"  # 按照上级部署推行“X”; but 按照…要求，严格…，落实“四个一”: a clause away, no
    if _HIGHER_SUBJECT.match(sentence) and not _rx(r"派出所|该所|本所|警务室|警务站").search(before):
        return "external"  # 县公安局…探索“X”模式: the practice of a higher level the station pilots
    clause = _rx(r"[，,。；;]").split(before)[-1][-CLAUSE_W:]
    if _create_re().search(clause):
        return "internal"
    if _rx(r"把$").search(before) and _rx(r"^[^，,。；;]*?(?:建|设|打造|创建)").match(sentence[start_in_sent:]):
        return "internal"  # 把某某警务站建到外地: the 把 construction puts the verb after its object
    return None


def _scope_all(clean: CleanDoc, c: _Cand, work: str = "") -> str | None:
    """Scope read over every mention: external wins, then internal. A heading that names a practice
    is the station's own when its section lays out the parts; a name the text calls an innovation
    (“X”的创新模式) is the station's. A bare heading says nothing of origin (EXTRACTION.md: null)."""
    found = []
    for pos in c.mentions or [c.start]:
        s0, s1 = _sentence_span(clean, pos)
        found.append(_scope(c.name, clean.simp[s0:s1], pos - s0))
    if "external" in found:
        return "external"
    if "internal" in found or (c.in_heading and c.components):
        return "internal"
    if work and _rx(r"^(?:的)?(?:创新|首创|独创)").match(_head_phrase(work, c) or _after_quote(work, c)):
        return "internal"
    return None


def _after_quote(work: str, c: _Cand) -> str:
    """The words right after a quoted name (“X”的创新模式), without 的/等."""
    if work[c.end - 1:c.end] not in CLOSE_Q:
        return ""
    return _rx(r"^\s*(?:的|等)?\s*").sub("", work[c.end:c.end + 8].replace("\x00", ""))


def _section_scopes(work: str, cands: list[_Cand], headings: list[tuple[int, int, int, int]],
                    scopes: dict[int, str | None]) -> dict[int, str | None]:
    """A practice laid out in the body of a section whose heading names a practice (“三项机制”激活…
    then 网格式勤务机制。…) is a part of it and shares its origin when its own sentence is silent."""
    for h0, h1, b0, b1 in headings:
        owner = next((d for d in cands if scopes[id(d)] and d.name in work[h0:h1]), None)
        if owner is None:
            continue
        for c in cands:
            if scopes[id(c)] is None and c is not owner and b0 <= c.start < b1 and c.kind == "unquoted":
                scopes[id(c)] = scopes[id(owner)]
    return scopes


# 与某馆、某派出所共建: a station named after a partnership word is a partner, not the owner.
_PARTNER_BEFORE = re.compile(r"(?:与|同|和|联合|会同|协同|携手|配合)[^，,。；;]{0,16}$")


def _station_for(ext: Extraction, sentence: str) -> str | None:
    subject = next((s.name for s in ext.stations if s.role == "subject"), None)
    for s in ext.stations:
        if s.role != "former" and s.name and s.name in sentence and s.name != subject:
            if (subject is None or subject not in sentence) and not _PARTNER_BEFORE.search(
                    sentence[:sentence.find(s.name)]):
                return s.name
    return subject or (ext.stations[0].name if ext.stations else None)


# --------------------------------------------------------------------------- merging


def _merge_key(name: str) -> str:
    """The concept key with digits as number words; 永安人民调解室 and 永安调解室 share 永安 (人民 is the
    kind of mediation, not part of the room's name)."""
    key = concept_key(name)
    if key.endswith("人民") and len(key) >= 4:
        key = key[:-2]
    return _digit_key(key)


def _merge(cands: list[_Cand]) -> list[_Cand]:
    """One mechanism per practice: equal keys, or one key extending the other by head-like words."""
    out: list[_Cand] = []
    for c in cands:
        k = _merge_key(c.name)
        target = None
        for o in out:
            ok = _merge_key(o.name)
            if ok == k or (min(len(ok), len(k)) >= 2 and (ok.startswith(k) or k.startswith(ok))
                           and (len(k) >= 4 or len(ok) >= 4) and _rx(r"^[0-9一二三四五六七八九两]|.*\+").match(min(ok, k, key=len)) is not None) \
                    or (min(len(ok), len(k)) >= 3 and (ok.startswith(k) or k.startswith(ok)) and abs(len(ok) - len(k)) <= 6
                        and normalize_name(o.name) != normalize_name(c.name) and _same_core(o, c)) \
                    or _short_form(o, c) or _short_form(c, o) or _with_modifier(o.name, c.name):
                target = o
                break
        if target is None:
            out.append(c)
            continue
        if _short_form(target, c):  # the quoted full name names the practice; the short form is its alias
            for f in ("name", "start", "end", "kind", "head"):
                a, b = getattr(c, f), getattr(target, f)
                setattr(target, f, a)
                setattr(c, f, b)
        if normalize_name(c.name) != normalize_name(target.name) and c.name not in target.aliases:
            target.aliases.append(c.name)
        if len(c.components) > len(target.components):
            target.components, target.expected, target.counted_char = c.components, c.expected or target.expected, c.counted_char or target.counted_char
        target.expected = target.expected or c.expected
        target.head = target.head or c.head
        target.in_heading = target.in_heading or c.in_heading
        target.honors.extend(c.honors)
        target.mentions.extend(c.mentions)
    return out


def _with_modifier(a: str, b: str) -> bool:
    """夕阳红义务巡逻队 and 夕阳红老年义务巡逻队: one name with a word put inside it (same
    first three and last two characters, the shorter one's characters in order in the longer)."""
    a, b = sorted((normalize_name(a), normalize_name(b)), key=len)
    if len(a) < 6 or len(a) == len(b) or len(b) - len(a) > 4 or a[:3] != b[:3] or a[-2:] != b[-2:]:
        return False
    it = iter(b)
    return all(ch in it for ch in a)


def _short_form(short: _Cand, full: _Cand) -> bool:
    """A name that ends a quoted one (便民服务站 or “便民服务站” beside “石桥便民服务站”) is its
    short form: one practice under two names (EXTRACTION.md: aliases)."""
    a, b = normalize_name(short.name), normalize_name(full.name)
    return (short.kind in ("unquoted", "quoted") and full.kind == "quoted" and len(a) >= 5 and len(b) > len(a)
            and b.endswith(a))


def _same_core(a: _Cand, b: _Cand) -> bool:
    """Two mentions of one practice: a quoted core seen again with a longer head part."""
    return a.kind in ("quoted", "heading", "counted") or b.kind in ("quoted", "heading", "counted")


# --------------------------------------------------------------------------- main


def extract_mechanisms(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Add the article's mechanisms to ``ext.mechanisms`` (see module docstring)."""
    work = _masked(clean.simp)
    headings = _headings(clean)
    quoted = _quoted(clean, work, headings)
    stems = tuple({s.name.removesuffix("派出所") for s in ext.stations if s.name and len(s.name) >= 5})
    unquoted = _unquoted(clean, work, headings, stems) + _dotted(work, headings) + _person_rooms(work, ext) \
        + _short_named(work) + _given_names(work) + _listed_parts(clean, work, _listed_kinds(work), quoted)
    titles = _honour_titles(quoted)
    unquoted = [c for c in unquoted if _nickname_key(c.name) not in titles]  # 获评“标杆警务室” … 标杆警务室 in a headline
    raw = sorted(quoted + unquoted, key=lambda c: c.start)

    for i, c in enumerate(raw):
        if c.kind == "parts":
            nxt = next((d for d in raw[i + 1:] if d.kind not in ("parts", "weak", "honour", "framing")), None)
            if nxt is not None and nxt.start - c.end <= 6 and not nxt.components:
                nxt.components = c.components
    accepted = [c for c in raw if c.kind in ("quoted", "unquoted", "formula", "counted")]
    keys = {_merge_key(c.name) for c in accepted}
    # members of a quote chain (“A”、“B工作法”和“C”) share the fate of a named member
    chains = {c.aliases[0] for c in accepted if c.aliases and c.aliases[0].startswith("chain:")}
    for c in raw:
        # a heading quote or an unheaded quote counts when the practice is confirmed elsewhere,
        # or when the heading names a counted practice (“三进警务”拉近警民距离)
        if c.kind == "heading" and (c.expected or _merge_key(c.name) in keys or _named_in_body(c, work)):
            accepted.append(c)
        elif c.kind == "weak" and (_merge_key(c.name) in keys or c.aliases[0] in chains):
            accepted.append(c)
    stations = {normalize_name(s.name) for s in ext.stations if s.name}
    accepted = [c for c in accepted if normalize_name(c.name) not in stations
                and (not _is_framing(c.name) or (c.kind == "counted" and c.components) or c.kind == "quoted")
                and not _ends_with(c.name, _negatives()["suffix"])  # “长青”有秘诀, …目标: whatever path named it
                and not _APPROX_COUNT.match(c.name)  # 等十余个微信群: a number of things, not a name
                and not _listed_participant(work, c) and not _planned(clean, work, c)]
    accepted.sort(key=lambda c: c.start)
    for c in accepted:
        c.aliases = [a for a in c.aliases if not a.startswith("chain:")]
        c.mentions = [c.start]
        c.whole = work[c.start:c.start + 1] in OPEN_Q and work[c.end - 1:c.end] in CLOSE_Q \
            and normalize_name(work[c.start + 1:c.end - 1].replace("\x00", "")) == normalize_name(c.name)
    for c in accepted:
        _components(clean, work, c, headings)
        if c.expected and not c.components and _place_like(c.name[:2], work, ext):
            c.expected = c.counted_char = None  # 三明…, 五华…: a place name, not a count
    _lead_aliases(clean, accepted)
    _heading_aliases(work, headings, accepted)
    _parts_aliases(accepted)
    _quoted_part_aliases(accepted)
    _counted_list_aliases(accepted)
    _descriptor_aliases(work, accepted)
    _modifier_quote_aliases(work, accepted)
    _renamed_aliases(work, accepted)
    _restated_aliases(work, accepted)
    _fold_name_parts(accepted)
    accepted = [c for c in accepted if c.kind != "alias"]
    merged = _merge(accepted)
    scopes = _section_scopes(work, merged, headings, {id(c): _scope_all(clean, c, work) for c in merged})

    honours = [c for c in raw if c.kind == "honour"]
    for c in merged:
        s0, s1 = _sentence_span(clean, c.start)
        sentence = clean.simp[s0:s1]
        # an honour won by the mechanism: 被评为“十佳调解品牌” in a sentence that names it
        for h in honours:
            if s0 <= h.start < s1 and h.start > c.start:
                c.honors.append(Honour(h.name, _year(sentence), clean.evidence(h.start, h.end)))
        comps = _dedupe([x for x in c.components if x and x != c.name])
        agrees = None
        if c.expected is not None and comps:
            agrees = len(comps) == c.expected
            if not agrees:
                ext.warnings.append(
                    f"mechanism {c.name}: name promises {c.expected} parts, text lists {len(comps)}"
                )
        ext.mechanisms.append(
            Mechanism(
                name=c.name,
                station=_station_for(ext, sentence),
                components=comps,
                category=_category(c.name, comps, sentence, c.head, _head_phrase(work, c),
                                   shared=sum(s0 <= d.start < s1 for d in merged) or 1),
                scope=scopes[id(c)],
                aliases=c.aliases,
                head=c.head,
                expected_count=c.expected,
                count_agrees=agrees,
                honors=c.honors,
                evidence=clean.evidence(c.start, c.end),
            )
        )


def _fold_name_parts(cands: list[_Cand]) -> None:
    """A part of a longer name is that name again: the quote inside it (“警民‘心连心’帮扶站”) is
    no practice of its own, and its ending quoted again later (“帮扶站”吸纳了…) is an alias."""
    objects = {h for h, _ in _objects_longest_first()} | set(_heads_longest_first())
    for c in cands:
        for d in cands:
            if d is c or d.kind == "alias" or len(d.name) <= len(c.name):
                continue
            if d.start <= c.start and c.end <= d.end:
                c.kind = "alias"  # its span lies inside the longer name's
                break
            if d.start < c.start and d.name.endswith(c.name) and (c.name in objects or _quoted_head(c.name)):
                d.aliases.append(c.name)
                c.kind = "alias"
                break


def _lead_aliases(clean: CleanDoc, cands: list[_Cand]) -> None:
    """网格式巡查机制。建立…机制，…: a mechanism named in the sentence that explains a lead phrase is its alias."""
    for a, b in zip(cands, cands[1:]):
        sa = clean.sentence_at(a.start)
        sb = clean.sentence_at(b.start)
        if sa is None or sb is None or sa.paragraph != sb.paragraph:
            continue
        lead = clean.simp[sa.start:sa.end].strip()
        if a.kind == "unquoted" and b.kind == "unquoted" and sb.start == sa.end and len(lead) <= LEAD_MAX + 2 \
                and b.start - sb.start <= 6:
            a.aliases.append(b.name)
            b.kind = "alias"


def _heading_aliases(work: str, headings: list[tuple[int, int, int, int]], cands: list[_Cand]) -> None:
    """A heading's quote (打造“A”服务站点) names the practice its body presents with the same head word
    (打造…的“B”服务站点), unless A itself recurs in the body: A is then an alias of B."""
    heads = _heads_longest_first()
    for c in cands:
        sec = next(((b0, b1) for h0, h1, b0, b1 in headings if h0 <= c.start < h1), None)
        if sec is None or c.components or c.kind not in ("quoted", "heading") or c.name in work[sec[0]:sec[1]]:
            continue
        head = _post_head_name(work[c.end:c.end + 18].replace("\x00", ""), heads)
        if head is None:
            continue
        for d in cands:
            if d is not c and d.kind != "alias" and sec[0] <= d.start < sec[1] and work[d.end - 1:d.end] in CLOSE_Q \
                    and _post_head_name(work[d.end:d.end + 18].replace("\x00", ""), heads) == head:
                d.aliases.append(c.name)
                c.kind = "alias"
                break


def _joins_parts(core: str, parts: frozenset[str]) -> bool:
    """True when ``core`` is two or more of ``parts`` run together (联防联宣 from 联防、联调、联宣)."""
    n = len(core)
    best = [0] + [-1] * n  # best[i]: most parts covering core[:i], -1 if none
    for i in range(1, n + 1):
        for j in range(max(0, i - 8), i):
            if best[j] >= 0 and core[j:i] in parts:
                best[i] = max(best[i], best[j] + 1)
    return best[n] >= 2


def _parts_aliases(cands: list[_Cand]) -> None:
    """A later name made of a listed practice's own parts (“三联”: 联防、联调、联宣 … “联防联宣”警务模式)
    is the same practice under another name: an alias, not a second mechanism."""
    heads = _heads_longest_first()
    for c in cands:
        parts = frozenset(x for x in c.components if 1 <= len(x) <= 8)
        if len(parts) < 2 or c.kind == "alias":
            continue
        for d in cands:
            if d is c or d.kind == "alias" or d.components:
                continue
            core = d.name
            head = _ends_with(core, heads)
            if head and len(core) > len(head):
                core = core[:-len(head)]
            if _joins_parts(core, parts):
                c.aliases.append(d.name)
                c.mentions.extend(d.mentions)
                d.kind = "alias"


def _quoted_part_aliases(cands: list[_Cand]) -> None:
    """The quotes that spell a counted name's parts in its own sentence (即“一周一见面”…) are its parts."""
    for c in cands:
        if not c.quoted_parts:
            continue
        for d in cands:
            if d is not c and d.kind != "alias" and d.name in c.components and 0 < d.start - c.end < 200:
                c.mentions.extend(d.mentions)
                d.kind = "alias"


def _counted_list_aliases(cands: list[_Cand]) -> None:
    """“三情”工作机制 … 启动“降警情、减访情、增感情”大走访: a practice named only by its list of
    parts, elsewhere in the article, is the counted name whose count it has and whose counted
    character every part holds: the list gives the parts and becomes an alias."""
    for c in cands:
        if c.kind == "alias" or c.components or not (c.expected and c.counted_char):
            continue
        for d in cands:
            if d is c or d.kind == "alias" or "、" not in d.name or d.components != _split_items(d.name):
                continue
            if len(d.components) == c.expected and all(c.counted_char in x for x in d.components):
                c.components = list(d.components)
                c.aliases.append(d.name)
                c.mentions.extend(d.mentions)
                d.kind = "alias"
                break


def _descriptor_aliases(work: str, cands: list[_Cand]) -> None:
    """构建“接案即响应、调解全链条”一站式解纷模式: the unquoted words right after a quoted name
    describe the practice the quote names (an alias, not a second mechanism); and the quoted parts
    of a "+" name (“请过来”和“走过去” … “请过来+走过去”) are parts of it, not practices of their own."""
    for c in cands:
        if c.kind == "alias" or c.kind not in ("quoted", "counted", "formula") or work[c.end - 1:c.end] not in CLOSE_Q:
            continue
        for d in cands:
            if d is not c and d.kind == "unquoted" and 0 <= d.start - c.end <= 2 and not d.components \
                    and work[c.end:d.start].strip("\x00") in ("", "的"):
                n, counted_char, _ = _count_prefix(d.name)
                items = _split_items(c.name) if "、" in c.name else []
                if n and len(items) == n:
                    # “民警主导、网格员支撑、义警参与”的三位一体工作体系: the quote lists the parts
                    d.components, d.expected, d.counted_char = items, n, counted_char
                    c.kind = "alias"
                    break
                c.aliases.append(d.name)
                c.mentions.extend(d.mentions)
                d.kind = "alias"
    for c in cands:
        parts = [p for p in c.name.split("+") if len(p) >= 2] if "+" in c.name and c.kind != "alias" else []
        for d in cands:
            if d is not c and d.kind in ("quoted", "weak") and d.name in parts and not d.components:
                c.mentions.extend(d.mentions)
                d.kind = "alias"
        if len(parts) >= 2 and not c.components:
            c.components = parts


def _modifier_quote_aliases(work: str, cands: list[_Cand]) -> None:
    """形成“摩托+步巡”“白天+夜间”的“巡山警务”模式, 打造“纠纷联调联处”的“双联动”: a quote with no
    head word of its own, joined by 的 to the quoted name that heads the phrase, describes that
    practice (an alias, EXTRACTION.md: one thing under two names); so do the quotes chained right
    before it. A quote that names a thing of its own (“护学岗”的“青山义警”) is left alone."""
    heads = _heads_longest_first()
    live = sorted((c for c in cands if c.kind != "alias"), key=lambda c: c.start)
    for i, c in enumerate(live):
        d = live[i + 1] if i + 1 < len(live) else None
        if d is None or work[c.end - 1:c.end] not in CLOSE_Q or work[d.start:d.start + 1] not in OPEN_Q \
                or work[c.end:d.start].replace("\x00", "").strip() != "的" or not _describes(c, heads) \
                or not (d.head or d.expected or _ends_with(d.name, heads)):
            continue
        chain = [c]
        for e in reversed(live[:i]):
            if work[e.end:chain[0].start].replace("\x00", "").strip() or not _describes(e, heads):
                break
            chain.insert(0, e)
        for e in chain:
            d.aliases.append(e.name)
            d.mentions.extend(e.mentions)
            e.kind = "alias"


def _describes(c: _Cand, heads: tuple[str, ...]) -> bool:
    """A quoted formula or phrase with no head word inside or after it: it describes, it names nothing."""
    return c.kind in ("quoted", "formula") and c.whole and not c.head and not c.expected \
        and _ends_with(c.name, heads) is None and _quoted_head(c.name) is None


_RENAMED = re.compile(r"(?:更名为|更改为|改名为|易名为|改称为|改称)\s*$")


def _restated_aliases(work: str, cands: list[_Cand]) -> None:
    """创新“巡防检查”模式，推行常态化巡防检查警务机制: an unquoted name soon after a quoted one, in the
    same sentence, that holds the quoted name whole names that practice again (an alias)."""
    live = sorted((c for c in cands if c.kind != "alias"), key=lambda c: c.start)
    for c in live:
        if work[c.end - 1:c.end] not in CLOSE_Q or len(c.name) < 3:
            continue
        for d in live:
            if d is c or d.kind != "unquoted" or not 0 < d.start - c.end <= 40 or c.name not in d.name \
                    or d.name == c.name or _rx(r"[。！？!?\n]").search(work, c.end, d.start):
                continue
            c.aliases.append(d.name)
            c.mentions.extend(d.mentions)
            d.kind = "alias"


def _renamed_aliases(work: str, cands: list[_Cand]) -> None:
    """“A”……2022年更名为“B”: A is B's former name (one practice under two names: an alias of B)."""
    live = sorted((c for c in cands if c.kind != "alias"), key=lambda c: c.start)
    for i, c in enumerate(live):
        for d in live[i + 1:]:
            gap = work[c.end:d.start]
            if len(gap) > 80 or _rx(r"[。！？!?\n]").search(gap):
                break
            if work[d.start:d.start + 1] in OPEN_Q and _RENAMED.search(gap.replace("\x00", "")):
                d.aliases.append(c.name)
                d.mentions.extend(c.mentions)
                c.kind = "alias"
                break


def _named_in_body(c: _Cand, work: str) -> bool:
    """A heading quote (推动“警校共治”) whose core recurs in the text with a head word."""
    core = re.escape(c.name)
    for m in re.finditer(core + rf"[{HAN}]{{0,4}}?(?:{_alt(tuple(mechanism_heads()))})", work):
        if not (c.start <= m.start() < c.end + 2):
            return True
    return False


def _place_like(prefix: str, work: str, ext: Extraction) -> bool:
    """A leading 'count' that is really a place: it starts a station name or an area name."""
    if any(s.name and s.name.startswith(prefix) for s in ext.stations):
        return True
    return re.search(re.escape(prefix) + r"[坡园山湖河湾岭桥庄村镇乡县区市街]", work) is not None


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _year(sentence: str) -> int | None:
    m = _rx(r"(19|20)[0-9]{2}(?=年)").search(sentence)
    return int(m.group()) if m else None
