"""Outcomes (成效): what an article says the station or its mechanisms achieved.

EXTRACTION.md section 5 is the definition. The extractor reads one sentence
at a time (over ``clean.simp``), splits it into clauses, and in each clause
finds three kinds of evidence:

* numbers with a unit (``化解矛盾纠纷826起``, ``下降87.5%``, ``挽回损失20余万元``);
  the metric is built from the words before the number (or, for
  ``组建100支义务巡逻队``, after it); lists (``培训20余次、普法宣传50余次``) give
  one outcome per item, distributive forms (``刑事、治安案件分别下降87.5%、82.1%``,
  ``办结率和满意率均为100%``) one per metric;
* zero-incident records (``“零发案”``, ``未发生重大案事件``, ``没有一起…发生``);
* qualitative results with a direction and no number (``满意度持续提升``).

Numbers that describe the area (profile), targets, honours, and figures inside
an anecdote about one case are left out. Word lists live in
``lexicons/outcome_*``: they hold general vocabulary only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from .document import CleanDoc, Sentence
from .model import Extraction, Outcome
from .normalize import concept_key, normalize_name, read_lexicon, strip_pinyin
from .numbers import Quantity, find_quantities, parse_number, scan

CLAUSE_END = "，,；;：:。！？!?\n"
LIST_SEP = "、和及与"


def _named_periods() -> str:
    """Holidays and seasons (lexicons/outcome_periods.txt) as one alternation, longest first."""
    words = sorted(set(read_lexicon("outcome_periods.txt")), key=len, reverse=True)
    # 暑期, 春运, 旺季 name a period by themselves; 国庆, 端午 only with 期间 / 假期 after them
    alone = "|".join(map(re.escape, [w for w in words if w[-1] in "期假季运周"]))
    named = "|".join(map(re.escape, [w for w in words if w[-1] not in "期假季运周"]))
    return (rf"(?:{alone})(?:期间|以来)?|(?:{named})节?(?:假期|黄金周|小长假|长假)?(?:期间|以来)"
            rf"|(?:{named})节?(?:假期|黄金周|小长假|长假)")


# A named period, recorded whole: 2024年春运期间, 整个国庆假期, 端午节期间, 暑期.
_NAMED_PERIOD = rf"(?:整个|今年|去年|[12][0-9]{{3}}年)?(?:{_named_periods()})"
# Periods as written: 2024年, 2025年上半年, 今年以来, 近三年来, 10年来, 自…以来.
PERIOD = re.compile(
    _NAMED_PERIOD + r"|(?:自?(?:[12][0-9]{3}|[0-9０-９]{4})年(?:[0-9]{1,2}(?:[-—–~～至到][0-9]{1,2})?月(?:[0-9]{1,2}日)?)?"
    r"(?:上半年|下半年|前三季度|一季度|第一季度|[一二三四]季度|底|初)?(?:以来|来|至今|(?<=[月日])[\u4e00-\u9fff]{1,4}?以来)?)"
    r"|今年(?:(?:上半年|下半年|前三季度|第?[一二三四]季度|[0-9一二三四五六七八九十]{1,2}(?:[-—–~～至到][0-9一二三四五六七八九十]{1,2})?月)"
    r"(?:以来|至今)?|以来|至今|来(?=[，,]))?"
    r"|去年(?:[0-9一二三四五六七八九十]{1,2}月(?:以来|至今|份以来)?|上半年|下半年|前三季度|第?[一二三四]季度|以来|至今|全年|同期|年底|底)?"
    r"|最?近(?:[一二两三四五六七八九十0-9]+)年(?:来|以来)?|近[一二两三四五六七八九十0-9]+个月(?:来|以来)?|近年来|近年|近期|(?:今年)?年初(?:至今|以来)"
    r"|连续第?[一二两三四五六七八九十0-9]+年|连续多年|多年来|一直以来|长期以来|第[一二三四]季度"
    r"|[一二两三四五六七八九十0-9]+[余多]?年多?(?:来|以来|间|(?=[无未]|没有))|截[至止]目前|目前|(?<![表发实体出呈展])现在|如今|年内|全年"
    r"|自[^，。；]{1,12}以来|成立以来"
    # 机制运行以来, 该调解室启用以来: since a practice began
    r"|(?:该|这一)?(?:机制|模式|工作室|调解室|驿站|平台|系统|活动|队伍)?(?:运行|运转|试行|启用|实施|开展|建立|组建|挂牌)以来"
)
# Every character a PERIOD match can start with (for numbers.scan).
PERIOD_START = re.compile(
    "[自0-9０-９今去最近年连多一二两三四五六七八九十截目现如全成整该这机模工调驿平系活队运试启实开建组挂长第"
    + "".join(sorted({re.escape(w[0]) for w in read_lexicon("outcome_periods.txt")})) + "]")
# A year right after a comparison word is the baseline, not the period (2016年同比2015年).
_BASELINE = re.compile(r"(?:同比|环比|相比|对比|比|较|与)$")
COMPARISON = re.compile(r"同比|环比|逐年|与上年同期相比|与去年同期相比|较去年同期|较上年同期|比去年同期|比上年同期"
                        r"|与去年相比|与上年相比|较去年|较上年|比上年|比去年|同期")
ANECDOTE = re.compile(
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日"
    r"|一天|当天|当晚|凌晨|某日|案发后|接报后|接到报警"  # (not 近日/日前: recent work, often reported in figures)
)
AGGREGATE = re.compile(r"共|累计|先后|总计|合计|今年以来|去年以来|近年来|近期|近[一二三四五六七八九十0-9]+年|[0-9]{4}年(?![0-9]{1,2}月)|年来|以来|目前")
SUBJECT = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,12}?派出所|该所|本所|全所|我所|该调解室|该中心|这支队伍|民警|辖区内|辖区"
    r"|全[省市县区镇乡]|[我该本][省市县区镇乡]|[\u4e00-\u9fff]{0,6}?警方|使得|使|让|促使"
    r"|(?:这些|这个|这一|这套|这项)[\u4e00-\u9fff]{1,8}?已经?)"  # 这些“科技防线”已预警185次: what did it
)
STOP_VERB = re.compile(r"纠正|回归|实现|确保|形成|营造|得到|使|让|为|对|在")
HEAD_WORDS = ("机制", "模式", "工作法", "工作室", "驿站", "品牌", "警务", "联盟", "平台", "体系")


class _WordIndex:
    """Words indexed by their first and last characters.

    The extractor asks many times per clause "which listed word occurs in this
    short text first (in list order)". Testing every word costs one substring
    search each; looking only at words whose first character is in the text
    gives the same answer for a few dictionary look-ups.
    """

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self._first: dict[str, list[int]] = {}
        self._last: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            if w:
                self._first.setdefault(w[0], []).append(i)
                self._last.setdefault(w[-1], []).append(i)
        self._empty = [i for i, w in enumerate(words) if not w]
        self._chars = [frozenset(w) for w in words]
        self._spell: tuple | None = None  # built by may_be_made_of on first use
        self._ends: dict[tuple[str, str], list[int]] = {}
        # the first characters as one class: finding which occur in a text is one C scan
        firsts = "".join(map(re.escape, sorted(self._first)))
        self._first_rx = re.compile(f"[{firsts}]") if firsts else None

    def _firsts_in(self, text: str) -> set[str]:
        """The first characters of listed words that occur in ``text``."""
        return set(self._first_rx.findall(text)) if self._first_rx else set()

    def candidates(self, text: str) -> list[int]:
        """Indices (in list order) of every word that may occur in ``text``."""
        out = list(self._empty)
        for c in self._firsts_in(text):
            out.extend(self._first[c])
        out.sort()
        return out

    def may_be_made_of(self, text: str) -> bool:
        """Could a listed word be spelt with ``text``'s characters? (A cheap
        necessary test for any text cut out of ``text``.)

        Only the words whose letters hold no other word's letters need testing;
        a two-letter one is spelt when one letter's partners meet the text (one
        set operation in C instead of a subset test per word).
        """
        if self._empty:
            return True
        if self._spell is None:
            self._spell = self._spelling_index()
        ones, pairs, longer, keys = self._spell
        chars = set(text)
        if not ones.isdisjoint(chars):
            return True
        for c in keys.intersection(chars):
            p = pairs.get(c)
            if p is not None and not p.isdisjoint(chars):
                return True
            if any(s <= chars for s in longer.get(c, ())):
                return True
        return False

    def _spelling_index(self) -> tuple[frozenset[str], dict[str, frozenset[str]], dict[str, list[frozenset[str]]],
                                       frozenset[str]]:
        """(one-letter words, letter -> its two-letter words' other letters, letter -> longer letter sets, keys)
        over the letter sets no other word's letter set is inside."""
        sets = set(self._chars)
        minimal = [s for s in sets if not any(t < s for t in sets)]
        ones = frozenset(c for s in minimal if len(s) == 1 for c in s)
        pairs: dict[str, set[str]] = {}
        longer: dict[str, list[frozenset[str]]] = {}
        for s in minimal:
            if len(s) == 2:
                a, b = sorted(s)
                pairs.setdefault(a, set()).add(b)
                pairs.setdefault(b, set()).add(a)
            elif len(s) > 2:
                longer.setdefault(min(s), []).append(s)
        frozen = {c: frozenset(p) for c, p in pairs.items()}
        return ones, frozen, longer, frozenset(frozen) | frozenset(longer)

    def at_ends(self, text: str) -> list[int]:
        """Indices (in list order) of every word that may start or end ``text``."""
        key = (text[:1], text[-1:])
        out = self._ends.get(key)
        if out is None:
            out = sorted(set(self._empty) | set(self._first.get(key[0], ())) | set(self._last.get(key[1], ())))
            self._ends[key] = out
        return out

    def first_in(self, text: str) -> int | None:
        """Index of the first listed word that occurs in ``text``."""
        best = self._empty[0] if self._empty else None
        for c in self._firsts_in(text):
            for i in self._first[c]:  # in list order: the first hit is this letter's best
                if best is not None and i >= best:
                    break
                if self.words[i] in text:
                    best = i
                    break
        return best

    def ends_with(self, text: str) -> bool:
        """``text`` ends with one of the words."""
        if self._empty:
            return True
        return any(text.endswith(self.words[i]) for i in self._last.get(text[-1:], ()))


@dataclass
class _Lex:
    families: list[tuple[str, str]]
    kinds: list[tuple[str, str]]
    directions: list[tuple[str, str]]
    zero_words: list[str]
    cues: list[tuple[str, str]]
    fillers: list[str]
    verbs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.family_index = _WordIndex([k for k, _ in self.families])
        self.kind_index = _WordIndex([k for k, _ in self.kinds])
        self.direction_index = _WordIndex([w for w, _ in self.directions])
        self.filler_index = _WordIndex(self.fillers)
        self.verb_index = _WordIndex(self.verbs)
        self.cue_indexes: dict[tuple[str, ...], tuple[_WordIndex, list[str]]] = {}

    def cue_index(self, reasons: tuple[str, ...]) -> _WordIndex:
        """The cues of the given reasons, in lexicon order."""
        idx = self.cue_indexes.get(reasons)
        if idx is None:
            idx = self.cue_indexes[reasons] = _WordIndex([c for c, r in self.cues if r in reasons])
        return idx


def _tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in read_lexicon(name):
        parts = line.split("\t")
        if len(parts) >= 2:
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    """The outcome word lists, loaded once."""
    kinds = _tsv("outcome_kinds.tsv")
    verbs = sorted({k for k, _ in kinds if len(k) >= 2 and k not in ("成功率", "满意", "安全感")}, key=len, reverse=True)
    return _Lex(
        families=_tsv("outcome_families.tsv"),
        kinds=kinds,
        directions=sorted(_tsv("outcome_directions.tsv"), key=lambda r: len(r[0]), reverse=True),
        zero_words=sorted(read_lexicon("outcome_zero.txt"), key=len, reverse=True),
        cues=_tsv("outcome_cues.tsv"),
        fillers=sorted(read_lexicon("outcome_fillers.txt"), key=len, reverse=True),
        verbs=verbs,
    )


@dataclass
class _Found:
    """An outcome found in one sentence, before it becomes an :class:`Outcome`."""

    metric: str
    start: int  # offsets inside the sentence
    end: int
    value: float | None = None
    unit: str | None = None
    direction: str | None = None
    qualifier: str | None = None
    period: str | None = None
    comparison: str | None = None
    verb: str = ""
    qualitative: bool = False
    family: str | None = None
    kind: str | None = None  # set when the rule that found it knows (a team formed is an activity)


# ---------------------------------------------------------------- helpers


@lru_cache(maxsize=16384)
def family_of(text: str) -> str | None:
    """The metric family of a phrase, from the first family keyword it holds (cached: phrases repeat)."""
    lex = lexicon()
    i = lex.family_index.first_in(text)
    return None if i is None else lex.families[i][1]


def kind_of(metric: str, verb: str, direction: str | None, family: str | None) -> str:
    """result or activity (EXTRACTION.md: results are figures of effect, activities work done)."""
    if direction in ("zero", "decrease", "increase", "level"):
        return "result"
    lex = lexicon()
    i = lex.kind_index.first_in(verb + metric)
    if i is not None:
        return lex.kinds[i][1]
    return "activity" if family in ("service", "mobilisation", "hazards") else "result"


@lru_cache(maxsize=8192)
def _direction_in(text: str) -> tuple[str | None, int, int]:
    """The last direction word in ``text``: (direction, start, end) (cached: heads are re-read)."""
    best: tuple[str | None, int, int] = (None, -1, -1)
    directions = lexicon().directions
    # only words whose first character is in the text can occur in it
    candidates = [directions[i] for i in lexicon().direction_index.candidates(text)]
    for word, d in candidates:
        i = text.rfind(word)
        if i > best[1] or (i == best[1] and i >= 0 and i + len(word) > best[2]):
            best = (d, i, i + len(word))
    for word, d in candidates:  # 下降幅度: 下降 overlaps 降幅 and starts first
        i = text.rfind(word, 0, best[1] + 1) if best[1] > 0 else -1
        if 0 <= i < best[1] < i + len(word):
            best = (d if d == best[0] else best[0], i, max(best[2], i + len(word)))
    if best[0] is None and (m := _BARE_DIRECTION.search(text)):  # 重复报警数量降五成: 降 right before the figure
        best = ("decrease" if m.group(1) == "降" else "increase", m.start(), m.end())
    return best


_BARE_DIRECTION = re.compile(r"(降|升)(?:了|至|到|为)?$")


_PERIOD_ADVERB = re.compile(r"(?:正式|全面|首次)(?=[\u4e00-\u9fff]{1,4}以来$)")
_PERIOD_DAY = re.compile(r"(月)[0-9]{1,2}日$")
_PERIOD_YEAR = re.compile(r"^([0-9]{4})年$")
_PERIOD_PART = re.compile(r"^([0-9]{4})年(上半年|下半年|前三季度|一季度|第一季度|[一二三四]季度)$")
_PERIOD_SPAN = re.compile(r"^([一二两三四五六七八九十0-9]+余?年)间$")
_PERIOD_RECENT = re.compile(r"^(近[一二两三四五六七八九十0-9]+年)(?:来|以来)$")
# 自2023年7月创建以来: since that month, whatever began then
_PERIOD_SINCE = re.compile(r"^([0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?)[\u4e00-\u9fff]{1,4}以来$")


@lru_cache(maxsize=1024)
def _normalize_period(p: str) -> str:
    """The period as recorded (cached: a few dozen forms cover most articles)."""
    p = p.strip()
    p = p.removeprefix("自").removeprefix("整个")
    p = _PERIOD_ADVERB.sub("", p)  # 自工作站正式运行以来: the adverb is not part of the period
    p = p.replace("截止目前", "截至目前")
    p = _PERIOD_SINCE.sub(r"\1以来", p)
    p = _PERIOD_DAY.sub(r"\1", p)  # 2024年7月19日: a day is an anecdote's date, the month is the period
    p = _PERIOD_YEAR.sub(r"\1", p)
    p = _PERIOD_PART.sub(r"\1\2", p)
    p = _PERIOD_RECENT.sub(r"\1", p)
    p = _PERIOD_SPAN.sub(r"\1", p)  # 10余年间 -> 10余年
    return p


def _period_before(sent: str, pos: int) -> str | None:
    """The nearest period expression before ``pos`` in the sentence (not a baseline year).

    连续多年 / 连续5年 qualify the verb of their own clause only.
    """
    last = None
    clause_start = -1  # found only when a 连续 / 多年 period needs it
    # (2 characters of look-ahead: 10余年无 is a period only before the negation)
    for m in scan(PERIOD, PERIOD_START, sent, 0, min(len(sent), pos + 2)):
        if m.end() > pos:  # runs past pos: read only the part before it, as a plain scan would
            m = PERIOD.match(sent, m.start(), pos)
            if m is None:
                break
        if _BASELINE.search(sent[max(0, m.start() - 2):m.start()]):
            continue
        if m.group(0).startswith(("连续", "多年")):
            if clause_start < 0:
                clause_start = max((sent.rfind(c, 0, pos) for c in CLAUSE_END), default=-1) + 1
            if m.end() <= clause_start:
                continue
        last = m.group(0)
    return _normalize_period(last) if last else None


def _comparison(text: str) -> str | None:
    m = None
    for m in COMPARISON.finditer(text):
        pass
    if not m:
        return None
    return "逐年" if m.group(0) == "逐年" else ("环比" if m.group(0) == "环比" else "同比")


_QUOTE = re.compile(r"“[^”]{0,30}”|「[^」]{0,30}」|\"[^\"]{0,30}\"")
_SPEECH_END = re.compile(r"[。！!？?]")


def _quote_spans(s: str) -> list[tuple[int, int]]:
    if "“" not in s and "「" not in s and '"' not in s:
        return []
    # a quote holding a full stop or an exclamation is quoted speech (“…下降25%！”), not a name
    return [(m.start(), m.end()) for m in _QUOTE.finditer(s) if not _SPEECH_END.search(m.group(), 1, len(m.group()) - 1)]


_DIGIT = re.compile(r"[0-9０-９]")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


_METRIC_PUNCT = re.compile(r"[“”\"'‘’「」《》()（）\s]")
_METRIC_FILLER = re.compile(r"各类|各种|各项|累计|先后|分别|总体|大幅|明显|持续|逐步|不断|^(年均|日均|月均|每年|每月)")
_METRIC_DE = re.compile(r"(?:的|(?<=率)在)$")  # 成功率在95%以上: the rate, not 在
_ASPECT_LE = re.compile(r"(?<![除为明])了(?![解结却])(?=[\u4e00-\u9fff])")  # the aspect particle, not 了解, 了结, 除了
_METRIC_SPAN = re.compile(r"[0-9一二三四五六七八九十]+(?:个)?(?:年|个月|月|天|小时)(?:以上|来|内)?")


@lru_cache(maxsize=16384)
def clean_metric(text: str) -> str:
    """A short metric phrase: periods, comparisons, subjects and fillers removed.

    Cached: the same head text is cleaned several times per clause.

    >>> clean_metric("今年以来，该所共调处化解各类矛盾纠纷")
    '调处化解矛盾纠纷'
    """
    lex = lexicon()
    s = _METRIC_PUNCT.sub("", text)
    s = COMPARISON.sub("", s)
    s = PERIOD.sub("", s)
    s = _METRIC_FILLER.sub("", s)
    s = _METRIC_DE.sub("", s)
    s = _METRIC_SPAN.sub("", s)
    s = _ASPECT_LE.sub("", s)  # 建立了线上微信工作群 -> 建立线上微信工作群
    if "的" in s:
        tail = s.rsplit("的", 1)[1]
        if len(tail) >= 2 and family_of(tail):
            s = tail
    s = s.strip("，,、；;：:")
    changed = True
    while changed and s:
        changed = False
        m = SUBJECT.match(s)
        if m and m.end() < len(s):
            s, changed = s[m.end():], True
        for f in [lex.fillers[i] for i in lex.filler_index.at_ends(s)]:
            if s.startswith(f) and len(s) > len(f):
                s, changed = s[len(f):], True
                break
            if s.endswith(f) and len(s) > len(f) + 1 and f not in ("率", "数") and not s.endswith("行为"):
                s, changed = s[: -len(f)], True
                break
    s = s.strip("，,、；;：:的及和与")
    return s


@lru_cache(maxsize=1)
def _verb_finder() -> re.Pattern[str]:
    """Every position where an outcome verb starts, with the longest verb there.

    A zero-width lookahead finds overlapping verbs in one pass; the verbs are
    sorted longest first, so the alternation takes the longest at each start.
    """
    return re.compile("(?=(" + "|".join(map(re.escape, lexicon().verbs)) + "))")


@lru_cache(maxsize=8192)
def _verb_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Runs of outcome verbs in ``text`` (排查化解 is one run), left to right.

    Cached: the same head text is looked at several times per clause.
    """
    runs: list[tuple[int, int]] = []
    for m in _verb_finder().finditer(text):
        a, b = m.start(), m.start() + len(m.group(1))
        if runs and a <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], b))
        else:
            runs.append((a, b))
    return tuple(runs)


_VIA = re.compile(r"通过(?:\s*[“\"「][^”\"」]{1,20}[”\"」]\s*[和、及与]?)+")


@lru_cache(maxsize=8192)
def _head_metric(head: str) -> tuple[str, str]:
    """(metric, verb) from the text before a number.

    A verb followed by its object starts the metric (通过调解组织协助化解矛盾纠纷
    -> 化解矛盾纠纷); a verb used as a noun does not (消防培训, 行政案件查处率).
    """
    head = _VIA.sub("", head)
    head = PERIOD.sub("", COMPARISON.sub("", head))  # 自走访以来: a period is not the object of its verb
    head = re.sub(r"(分别|(?<![年日月])均|各|都|共计|合计|总计)+$", "", head)
    for vs, ve in reversed(_verb_spans(head)):
        rest = head[ve:]
        if not clean_metric(rest) or re.match(r"[率数量]|成功率|工作", rest):
            continue
        m = clean_metric(head[vs:])
        if len(m) >= 2:
            return m, head[vs:ve]
    m = clean_metric(head)
    runs = _verb_spans(head)
    verb = head[runs[-1][0]:runs[-1][1]] if runs else ""
    return m, verb


_KIND_OF_CASE = "刑事|治安|交通|消防|电诈"
_CASE_MEASURE = re.compile(r"(?:案件|案)?(?:发案数|发案率|发案|立案数|警情数|数量|数)$")
_ITEM_SEP = re.compile(r"、|以及|和(?!谐)|及(?!时)|(?<![参给])与")  # not 参与感, 及时率
_JOINED_KINDS = re.compile(rf"^({_KIND_OF_CASE})(?=(?:{_KIND_OF_CASE})(?:案|事|警|$))")


def _split_items(metric: str) -> list[str]:
    """刑事、治安、电诈案件发案数 -> [刑事案件发案数, 治安案件发案数, 电诈案件发案数].

    Items of one or two characters (刑事, 治安) borrow the head noun of the
    last item; complete items (警情数, 逮捕数) stay as they are.
    """
    metric = _JOINED_KINDS.sub(r"\1、", metric)  # 刑事治安零发案: two kinds of case written together
    if "、" not in metric and "和" not in metric and "及" not in metric and "与" not in metric:
        return [metric] if metric else []  # no separator: one item (most metrics)
    parts = [p for p in _ITEM_SEP.split(metric) if p]
    if len(parts) <= 1:
        return [metric] if metric else []
    who = re.match(r"(?:辖区|当地|广大|全镇|全村)?(?:人民群众|群众|居民|村民|公众|百姓|民众)", parts[0])
    if who:  # 群众安全感、满意度: every opinion is the same people's
        parts[0] = who.group(0) + re.sub(r"^的", "", parts[0][who.end():])
        parts = [p if p.startswith(who.group(0)) or family_of(p) != "public_evaluation" else who.group(0) + p
                 for p in parts]
        if all(family_of(p) == "public_evaluation" for p in parts):
            return parts  # each opinion is complete: 参与感 borrows no head from 获得感
    last = parts[-1]
    if "等" in last:
        example, group = last.split("等", 1)
        if len(group) >= 4 and "类" in group and not re.match(r"[0-9一二三四五六七八九十多]", group):
            return [group]  # 盗窃、诈骗等侵财类案件: the class the examples stand for is measured
        parts[-1] = example
        return parts
    def bare(p: str) -> bool:  # 刑事, 民转刑: a modifier without a head noun of its own
        return len(p) <= 2 or (len(p) == 3 and not any(h in p for h in _heads()))

    short = [p for p in parts[:-1] if bare(p)]
    if short:
        n = max(len(p) for p in short)
        heads = [last.find(h) for h in _heads() if last.find(h) >= 1]
        n = min(heads) if heads else n
        tail = last[n:] if len(last) - n >= 1 else ""
        if tail:
            return [p + tail if bare(p) else p for p in parts[:-1]] + [last]
    return parts


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(read_lexicon("outcome_heads.txt"))


@lru_cache(maxsize=16384)
def _cue(text: str, reasons: tuple[str, ...]) -> str | None:
    idx = lexicon().cue_index(reasons)
    i = idx.first_in(text)
    return None if i is None else idx.words[i]


# ---------------------------------------------------------------- sentence

_CLAUSE = re.compile(rf"[^{CLAUSE_END}]+")



_STAFF_COUNT = re.compile(r"(?:民警|辅警)[0-9一二三四五六七八九十]+[名人]|[0-9一二三四五六七八九十]+名(?:民警|辅警)")


def sentence_outcomes(sent: str) -> list[_Found]:
    """Every outcome in one sentence (simplified script), offsets inside it."""
    found: list[_Found] = []
    quotes = _quote_spans(sent)
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(sent)]
    topic: list[str] = []  # the last metric items seen, for 分别下降 in a later clause
    topic_verb = ""
    state: dict[str, bool] = {}  # profile: a figure of this sentence described the area
    story = _one_case(sent)
    for cs, ce in clauses:
        clause = sent[cs:ce]
        zero = _zero_records(sent, cs, ce)
        found.extend(zero)
        zero_spans = [(z.start, z.end) for z in zero]
        question = sent[ce : ce + 1] in ("？", "?")  # 10人如何管好5万人？ asks, it reports nothing
        qs = [] if story or question else [q for q in find_quantities(clause) if _usable(clause, q, quotes, cs)]
        # 19个村居“零发案”: the count belongs to the zero record, which has no value
        if zero_spans:
            qs = [q for q in qs if not any(a - 8 <= cs + q.end <= b and "、" not in sent[cs + q.end:a]
                                           for a, b in zero_spans)]
        if qs and ("(" in clause or "（" in clause):
            staff = [(m.start(), m.end()) for m in _STAFF_LIST.finditer(clause)]
            qs = [q for q in qs if not any(a < q.start < b for a, b in staff)]
        if _STAFF_COUNT.search(clause) and _cue(clause, ("profile",)):
            state["profile"] = True  # 现有民警10人，辅警13人，警务助理34人: the staff list describes the station
        caught = _caught(sent, cs, clause, qs) if qs and "将" in clause else []
        if caught:  # 成功将3名犯罪嫌疑人抓获: the 将 construction puts the count before its verb
            found.extend(caught)
            qs = [q for q in qs if not any(c.start == cs + q.start for c in caught)]
        clause_found = _clause_numbers(sent, cs, clause, qs, topic, topic_verb, found, state)
        found.extend(clause_found)
        # qualitative results (满意度持续提升) when the clause holds no number
        if not qs and not zero:
            found.extend(_qualitative(sent, cs, ce))
        src = clause[: qs[0].start] if qs else clause
        # the metric is cut out of src (only deletions): no family word in src's letters, no topic
        if _covers_area(src):
            topic = []  # 治安管辖两个乡镇，近11万人: no later figure counts what the area holds
        elif lexicon().family_index.may_be_made_of(src):
            metric_here, v_here = _head_metric(_strip_dir(src))
            if metric_here and family_of(metric_here):
                topic, topic_verb = _split_items(metric_here), v_here
    if "平安" in sent or "安全稳定" in sent:
        found.extend(_safe_years(sent))
    if "第" in sent or "首位" in sent or "榜首" in sent:
        found.extend(_rankings(sent))
    if "时" in sent or "周期" in sent:
        found.extend(_durations(sent))
    if "团伙" in sent and ("落网" in sent or "归案" in sent):
        taken = {f.start for f in found}
        found.extend(f for f in _gang_caught(sent) if f.start not in taken)
    day = _story_day(sent) if found else None
    if day is not None:
        found = [f for f in found if not (day < f.start and _story_detail(f))]
    return _drop_shadowed(found)


def _story_day(sent: str) -> int | None:
    """Where the sentence dates one day of a story (4月25日, 一天中午, 当晚), when it sums up nothing
    (共, 今年以来); a figure before that date (上报线索268条……7月25日) is not that day's."""
    m = ANECDOTE.search(sent)
    return m.start() if m is not None and AGGREGATE.search(sent) is None else None


def _story_detail(f: _Found) -> bool:
    """A figure of a one-day story with no change and no result verb (偷走6500元, 遇到数十人) is the
    story's detail; what the police achieved in it (抓获4名嫌疑人, 追回8辆) is still a result, and a
    team's size (72名义警队员列队) or an evaluation's rank outlasts the day."""
    return f.unit is not None and f.direction is None and f.family not in ("mobilisation", "public_evaluation") \
        and not _result_verb(f.verb + f.metric)


_DURATION = re.compile(
    r"(?P<noun>时长|时间|用时|耗时|周期|时限)(?:由[^，。；,;]{1,12}?|从[^，。；,;]{1,12}?)?"
    r"(?:平均|均|大幅|进一步|有效)?(?P<verb>压缩|缩短|缩减|减少|降低|下降|降|减)(?:了|至|到|为)*(?:平均)?"
    r"(?P<q>(?:约|近)?[0-9０-９.]+(?:个)?(?:小时|分钟|秒|天|个工作日|工作日|日))"
)
_PROMISE = re.compile(r"承诺|要求|规定|标准|力争|确保|争取|目标")


def _durations(sent: str) -> list[_Found]:
    """调解时长平均压缩至4小时: a time cut achieved is a result (time units count nothing else).

    Only with a duration noun and a verb of cutting: a bare response-time
    standard (1分钟响应、3分钟到场) or a promise (承诺…缩短至3个工作日) is no result.
    """
    out = []
    for m in _DURATION.finditer(sent):
        clause_start = max((sent.rfind(c, 0, m.start()) for c in CLAUSE_END), default=-1) + 1
        head = sent[clause_start:m.end("noun")]
        if _PROMISE.search(sent[clause_start:m.start("q")]) or _cue(sent[:m.start()], ("target",)):
            continue
        metric, verb = _head_metric(head)
        qs = find_quantities(m.group("q"))
        if len(metric) < 3 or not qs or qs[0].value is None:
            continue
        q = qs[0]
        out.append(_Found(metric=metric, start=m.start("q"), end=m.end("q"), value=q.value, unit=q.unit,
                          direction="decrease", qualifier=q.qualifier, period=_period_before(sent, m.start("q")),
                          verb=verb, family=family_of(metric), kind="result"))
    return out


# 拥有警力76人(民警35人、辅警21人、巡防队员20人): a breakdown of the station's staff is profile
_STAFF_LIST = re.compile(r"[(（](?=[^()（）]{0,6}?(?:民警|辅警)[0-9一二三四五六七八九十]+[名人])[^()（）]{0,60}[)）]")
_SAFE_YEARS = re.compile(
    r"(?P<p>连续第?[一二两三四五六七八九十0-9]+年|[一二两三四五六七八九十0-9]+余?年(?:来|以来|间))[，,]?"
    r"(?P<s>[^，。；,]{0,20}?)(?:始终|一直|持续)?(?:保持|实现|维持)了?[“\"「]?(?:平安|安全稳定)(?:无事|稳定)?[”\"」]?"
    r"(?=[，。；,！!]|$)"
)
_SAFE_SUBJECT = re.compile(r"^(?:[\u4e00-\u9fff]{0,12}?派出所|该所|全所)")


def _safe_years(sent: str) -> list[_Found]:
    """连续9年，辖区保持平安: years without incident are a zero-incident record (EXTRACTION.md 5).

    Only with a run of years: 保持平安 alone is a slogan or a target.
    """
    out = []
    for m in _SAFE_YEARS.finditer(sent):
        if _cue(sent[: m.start()], ("target",)):
            continue
        subject = _SAFE_SUBJECT.sub("", m.group("s")) or "辖区"
        out.append(_Found(metric=subject + "平安", start=m.start(), end=m.end(), direction="zero",
                          period=_normalize_period(m.group("p")), family="public_order", kind="result"))
    return out


_PARTIES = re.compile(r"双方|一方(?!面)|另一方")
_SETTLED = re.compile(r"达成|签署|签订|赔偿|补偿|赔付")


def _one_case(sent: str) -> bool:
    """The sentence tells one dispute's story (双方…达成协议，补偿3000元): its figures are not results.

    A total (共, 累计, 今年以来 ...) makes it a summary of many cases again.
    """
    if _pseudonym_re().search(sent) and not AGGREGATE.search(sent):
        return True  # 分给郭某会和黄某俩人各50元: the people of one story, named as the press hides them
    return "方" in sent and bool(_PARTIES.search(sent) and _SETTLED.search(sent) and not AGGREGATE.search(sent))


@lru_cache(maxsize=1)
def _pseudonym_re() -> re.Pattern[str]:
    """张某, 郭某会: a family name and 某, the way the press hides a person's name (after a
    function word or punctuation: not 某 as "a certain", 在某小区)."""
    from .clean import surnames

    family = "|".join(sorted(set().union(*surnames()), key=len, reverse=True))
    return re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=[给让对被与和及、]))(?:{family})某")


_RANK = re.compile(
    r"(?P<ev>[\u4e00-\u9fff、]{2,24}?(?:测评|评议|考评|评比|评价|调查|满意度|满意率|安全感)(?:满意度|满意率|测评|评议|调查)*)(?:工作|活动)?[中里]?[，,]?"
    r"[^，。；,;！？]{0,20}?(?:名列|位列|位居|排名|排在|居)(?:全[国省市县区局]|[\u4e00-\u9fff]{0,6}?)"
    r"(?:第(?P<n>[一二三四五六七八九十0-9]{1,3})(?:名|位)?|(?P<top>首位|榜首))"
)


def _rankings(sent: str) -> list[_Found]:
    """在全市群众满意度测评中名列第一: a public-evaluation ranking is a result (value = the rank)."""
    out = []
    for m in _RANK.finditer(sent):
        ev = re.sub(r"^(?:在|于)", "", m.group("ev"))
        ev = clean_metric(ev) if re.search(r"满意度|满意率|安全感$", ev) else ev  # 该所群众满意度位列…: no subject
        ev = re.sub(r"^全[国省市县区]|^[\u4e00-\u9fff]{2,4}[省市县](?=[\u4e00-\u9fff]{4})", "", ev)
        if family_of(ev) != "public_evaluation" or re.search(r"目标|力争|确保|争取", sent[: m.end()]):
            continue
        rank = 1.0 if m.group("top") else parse_number(m.group("n"))
        if rank is None:
            continue
        pos = m.start("n") if m.group("n") else m.start("top")
        out.append(_Found(metric=ev + "排名", start=m.start(), end=m.end(), value=rank, unit="名",  # 第一 = 第1名
                          period=_period_before(sent, pos), family="public_evaluation", kind="result"))
    return out


def _clause_numbers(sent: str, cs: int, clause: str, qs: list[Quantity], topic: list[str],
                    topic_verb: str, earlier: list[_Found], state: dict[str, bool]) -> list[_Found]:
    """Outcomes carried by numbers in one clause."""
    if not qs:
        return []
    if ("将" in clause or "把" in clause) and _MOBILISE_TAIL.search(clause):
        drawn = _drawn_in(sent, cs, clause, qs)
        if drawn:
            return drawn
    out: list[_Found] = []
    prev_end = 0
    skipped_modifier = False
    carry: list[str] = []  # 从5起下降到3起: the metric of the "from" figure
    problem = _cue(sent[cs:], ("problem",)) is not None
    consumed = 0  # end of a team name read after its figures (组建8支96人的“银发”守护队)
    for group in _groups(clause, qs):
        first = group[0]
        if first.start < consumed:
            continue
        if re.search(r"[从由][^从由，]*$", clause[:first.start]) and re.match(r"(下降|减少|降|上升|增加|提高|提升|增长)(到|至|为)", clause[group[-1].end:]):
            carry = _split_items(_head_metric(re.sub(r"[从由][^从由]*$", "", clause[prev_end:first.start]))[0])
            prev_end = group[-1].end
            continue
        if first.unit is None and re.search(r"(?:图片|图|图表|附件)\s*$", clause[max(0, first.start - 6):first.start]):
            prev_end = group[-1].end
            continue  # …_fororder_图片1, 图2: the number of a picture, not an amount
        raw_head = clause[prev_end:first.start]
        head = raw_head.lstrip("、和及与")
        prev_end = group[-1].end
        after = clause[group[-1].end:]
        if len(group) >= 2 and group[0].unit == "个" and group[1].unit == "%" and group[0].end == group[1].start:
            continue  # 做到走访率、录入率…3个100%: a list of work standards, not results
        if first.chinese and first.unit in _ACTOR_UNITS and not clause[:first.start].strip(" 这那该些"):
            continue  # 两个村民走进调解室, 两支巡逻队交替巡查: a worded count opening its clause is who acts
        deployed = _deployed(clause, first) if len(group) == 1 else None
        if deployed and not (_period_before(sent, cs + first.start) or AGGREGATE.search(sent[:cs + first.start])):
            continue  # 组织8名民警对标32所学校: without a period, a standing assignment of staff
        if deployed:
            prev_end = max(prev_end, _POLICE.match(clause, first.end).end())
            deployed.start, deployed.end = cs + first.start, cs + first.end
            deployed.period = _period_before(sent, cs + first.start)
            out.append(deployed)
            continue
        people = len(group) == 1 and first.unit in ("人", "名")  # one count of people
        size = _team_size(clause[:first.start], after) if people and not first.chinese else None
        if size:  # “X”分队由60多名队员组成, 72名…的“X队”队员
            team, used = size
            prev_end = consumed = max(consumed, group[-1].end + used)
            out.append(_members_of(sent, cs, first, team, "人"))
            continue
        roster = _roster(sent, cs, clause[:first.start]) if people and not first.chinese else None
        if roster:  # 巡防队目前共有队员25名: the members a team has (not the station's staff)
            out.append(_members_of(sent, cs, first, roster, first.unit, metric=roster))
            continue
        recruited = _RECRUITED.search(clause[:first.start]) if people and not first.chinese else None
        role = _AS_ROLE.match(after) if recruited else None
        if role:  # 发展108名村民作为警务助理: the people the station recruited into a role
            prev_end = consumed = max(consumed, group[-1].end + role.end())
            out.append(_members_of(sent, cs, first, role.group(1), "人",
                                   metric=recruited.group(1) + role.group(1)))
            continue
        composed = _COMPOSED.match(after) if (people and not raw_head.endswith(tuple(LIST_SEP))) else None
        team = _team_after(after[composed.end():]) if composed else None
        if team and not first.chinese:  # 由170余人组成的巡逻队: the members of the team formed
            prev_end = consumed = group[-1].end + composed.end() + team[1]
            out.append(_members_of(sent, cs, first, team[0], first.unit))
            continue
        team = _team_after(after) if _team_group(group) and _FORM.search(clause[:first.start]) else None
        if team:
            noun, used = team
            prev_end = consumed = group[-1].end + used
            out.extend(_team_outcomes(sent, cs, group, noun))
            continue
        wage = _WAGE.search(clause[:first.start]) if first.unit == "元" else None
        if wage and _WAGE_OBJ.match(after):
            who = re.sub(r"^[0-9一二三四五六七八九十百千余多]+[名位个户]", "", wage.group(1))
            out.append(_Found(metric="追回" + who + _WAGE_OBJ.match(after).group(1), start=cs + first.start,
                              end=cs + first.end, value=first.value, unit=first.unit, qualifier=first.qualifier,
                              period=_period_before(sent, cs + first.start), verb="追回", family="clearance",
                              kind="result"))
            continue  # 12名农民工领到8万余元工资: wages recovered for workers are money recovered
        verb_in_head = bool(_verb_spans(head))
        d, ds, de = _direction_in(head)
        if first.unit == "%" and not d and re.search(r"(?:占比|约占|占到|占)$", head.rstrip()) \
                and re.search(r"纠纷|警情|案件|矛盾|接警|报警|求助", head):
            continue  # 其中纠纷类警情约占35%: what the caseload is made of, not a result
        role = _role_after(after) if first.unit in ("人", "名", "位") else None
        if _cue(head, ("target", "honour", "workload", "area")):
            continue
        if not verb_in_head and not d and (_cue(head, ("profile",)) or state.get("profile")):
            state["profile"] = True  # 实有人口16672人，出租房屋266户: the whole list describes the area
            continue
        if _SERVED_POPULATION.search(head):
            continue  # 辐射4个村委会，服务常住居民1.8万余人: the population of the area served, profile
        if _covers_area(head) or (first.unit in ("名", "人", "户") and head.endswith("服务")
                                  and _RESIDENTS_END.search(after)):
            continue  # 管辖5个村, 服务约2800名…村民: the area and people the station covers, profile
        ctx = _cue(head, ("context",))
        if ctx and not re.search(r"金额|挽回|追回|返还|止付|冻结|挽损", head) and not _result_verb(head[: head.find(ctx)]):
            continue  # 涉及金额 / 涉案 (but 化解涉及…的纠纷数千起 is a result)
        if problem and not d and not _result_verb(head):
            continue  # 安装探头107个，坏了90个 / 年均发生1000余起…居高不下: the problem, not a result
        if re.match(r"\s*即", clause) and not d:
            continue
        if not d and first.unit == "%" and (_SHARE.search(head) or _SHARE_PLAIN.search(head)):
            continue  # 这类警情占到警情总量的40%, 纠纷占比达75%: a share describes the workload, not a result
        share = _PEOPLE_SHARE.match(after) if first.unit == "%" and len(clean_metric(head)) < 2 else None
        if share:
            # 九成当事人表示满意: a share of people names its own measure, never the last metric's
            opinion = _OPINION.search(clause, group[-1].end)
            if opinion and not re.search(r"不|没有|未", clause[share.end():opinion.start()]):
                out.append(_Found(metric=share.group("who") + opinion.group(0), start=cs + first.start,
                                  end=cs + first.end, value=first.value, unit="%", qualifier=first.qualifier,
                                  period=_period_before(sent, cs + first.start), family="public_evaluation",
                                  kind="result"))
            continue
        joined = _JOINED.match(after) if re.search(r"等$", head) and first.unit in ("个", "家") else None
        if joined:  # 司法所、城管中队等14个职能部门共同参与: the bodies that joined the station's work
            prev_end = max(prev_end, first.end + joined.end())
            out.append(_Found(metric=joined.group("verb") + joined.group("noun"), start=cs + first.start,
                              end=cs + first.end, value=first.value, unit=first.unit, qualifier=first.qualifier,
                              period=_period_before(sent, cs + first.start), verb=joined.group("verb"),
                              family="mobilisation", kind="activity"))
            continue
        if (re.search(r"等$", head) and not role) or (first.unit == "项" and not verb_in_head):
            continue
        post = _post_noun(clause, first) if first.unit not in ("%", "元", None) and not role else None
        if post and re.search(r"(?:机制|制度|措施|举措|模式|工作法|体系|工程|品牌|载体|步骤|环节|方面|原则|理念)$", post):
            prev_end = max(prev_end, first.end + len(post))
            continue  # 建立了七项联动机制, 紧抓…三个步骤: a count of measures or steps, not of work done
        if post:
            prev_end = max(prev_end, first.end + len(post))
        handled = _HANDLED_OBJECT.match(after) if (post and _TO_OBJECT.search(head) and len(group) == 1) else None
        if handled:  # 对辖区224家商户进行逐一走访: the object comes before the work done on it
            if found := _object_first(sent, cs, first, handled, kind="activity"):
                prev_end = max(prev_end, first.end + handled.end())
                out.append(found)
            continue
        caused = _CAUSED.match(after) if (post and _CAUSER.search(head) and len(group) == 1
                                           and first.unit in ("起", "件", "宗", "个", "处", "条")) else None
        if caused:  # 使30余起矛盾纠纷得到妥善化解: the object comes before its verb
            if found := _object_first(sent, cs, first, caused):
                out.append(found)
            continue
        if post and first.unit in ("名", "人") and _MEMBERS.fullmatch(post) and _GREW.search(head):
            # 目前已有200余名成员: the size a team has grown to is a mobilisation figure
            out.append(_Found(metric=post, start=cs + first.start, end=cs + first.end, value=first.value,
                              unit=first.unit, qualifier=first.qualifier, period=_period_before(
                                  sent, cs + first.start), family="mobilisation", kind="activity"))
            continue
        if post and not _verb_only(head):
            skipped_modifier = True  # 149家场所 inside a longer phrase: not a count of work
            continue
        if post and not head.strip() and skipped_modifier:
            continue
        if post and first.value == 1 and first.unit in ("名", "人", "位"):
            continue  # 聘请1名退休干部: one person, not a count of work
        if post and first.unit in ("名", "人", "位") and not _verb_spans(clause):
            continue  # 5人生活陷入困境 / 两人闹起矛盾: the people are a story's actors, not a count of work
        skipped_modifier = False
        comparison = _comparison(sent[: cs + first.start])
        if not d:  # 以每年10%的幅度下降: the direction follows the number
            m = re.match(r"的?(?:幅度|速度|比例)?(?:持续|逐年|稳步)?", after)
            d2, d2s, _ = _direction_in(after[: m.end() + 4])
            if d2 and d2s == m.end():
                d, ds = d2, len(head)
                if re.search(r"每年|年均", head):
                    comparison = comparison or "逐年"
        metric_text = head[:ds] if d else head
        metric_text = re.sub(r"以?(?:每年|年均|每月)?$", "", metric_text) if d else metric_text
        metric, verb = _head_metric(metric_text)
        if first.unit == "%" and (len(metric) < 2 or _verb_only(metric_text)):
            # 98.2%的调解成功率 / 95%以上的噪声问题得到化解 / 实现了100%化解
            tail = _rate_after(after, out or earlier)
            if tail:
                metric, verb = tail, ""
        if role:
            v = _verb_spans(head)
            metric = (head[v[-1][0]:v[-1][1]] if v else "") + role
        elif post and (len(metric) < 2 or _verb_only(metric_text)):
            v = "" if verb in ("开展", "组织", "进行", "组建") or not verb else verb
            metric = v + post if v and not post.startswith(v) else post
        spread = bool(re.search(r"分别|均|各(?![类种项个级])|都", head))
        if metric in lexicon().fillers:
            metric = ""  # 开展义诊8次、达450余人次: 达 alone names nothing, the last metric goes on
        if metric and len(re.findall(r"[\u4e00-\u9fff]", metric)) < 2:
            continue  # 将60%的警力下沉: a bare function word names no measure
        items = _split_items(metric) if metric else []
        if not items and carry:
            items = carry
        elif not items and out:
            items, verb = [out[-1].metric], out[-1].verb
        elif not items and topic:
            items, verb = list(topic), topic_verb
        if not items:
            continue
        own_verb = bool(verb)
        if not verb and (out or earlier):
            verb = (out or earlier)[-1].verb  # 采集人口信息97656人，房屋45570户
        pairs = _pair(items, group, spread, metric)
        if len(items) == 1 and _team_group(group) and len(group) == 2 and _TEAM_HEAD.search(items[0]):
            pairs = [pairs[0], (items[0] + "人数", group[1])]  # 救援队伍1支30人: the second figure counts members
        for it, q in pairs:
            fam = family_of(it + verb) if own_verb else (family_of(it) or family_of(it + verb))
            if fam is None and q.unit in ("名", "人") and _MOBILISE_VERB.fullmatch(verb):
                fam = "mobilisation"  # 联动辖区458名党员群众: people drawn in by the station
            if fam is None and (out or earlier):
                fam = (out or earlier)[-1].family or family_of((out or earlier)[-1].metric)
                if fam and "金额" in it:  # 电诈发案数、损失金额: the amount lost to the same kind of case
                    it = _CASE_MEASURE.sub("", (out or earlier)[-1].metric) + it
            if fam is None and q.unit == "%" and d in ("decrease", "increase") and comparison and len(it) >= 2 \
                    and not re.match(r"(?:更是|则是|也是|更|则|也|均|都|还|又|亦)", it):
                fam = "service"  # 各类通知同比减少43%: a measured change of the station's own workload
            if fam is None:
                continue
            if q.unit in ("名", "人", "位") and _professionals(it, clause[q.end:]):
                continue  # 8名人民调解员、3名法律顾问驻所值班: the mechanism's staff, not work done
            if fam == "disputes" and q.unit == "家":
                continue  # 4家人因矛盾报警, 化解两家矛盾: the parties of a dispute, not disputes handled
            if not d and _CALLS_MADE.search(it):
                continue  # 报警达20余次, 一年报警80余次: calls someone made (a story's problem, workload)
            out.append(_Found(
                metric=it, start=cs + q.start, end=cs + q.end, value=q.value, unit=q.unit,
                direction=d, qualifier=q.qualifier,
                period=_period_before(sent, cs + q.start),
                comparison=comparison if d else None,
                verb=verb, family=fam,
            ))
    return out


_CAUGHT = re.compile(r"将\s*(?:[^，。；,;]{1,16}?的)?(?P<n>[0-9一二三四五六七八九十两]+)\s*(?:名|个|人)(?P<noun>[\u4e00-\u9fff]{0,6}?(?:犯罪|违法犯罪)?(?:嫌疑人|嫌疑男子|嫌疑女子|违法人员|逃犯|网逃人员))"
                     r"(?:[^，。；]{0,6}?)(?P<verb>抓获|抓捕|抓获归案|查获|刑事拘留|刑拘|控制)")


# 抓获了一个盗窃团伙，4名成员落网: the gang is named in the clause before its members' count
_GANG_CAUGHT = re.compile(r"(?P<verb>抓获|打掉|摧毁|端掉)了?[^，。；]{0,24}?(?P<gang>[^，。；、的个\s]{2,8}?团伙)[，,]"
                          r"(?P<n>[0-9一二三四五六七八九十两]+名)(?:团伙)?成员(?:全部|悉数|均)?(?:落网|归案|被抓获)")


def _gang_caught(sent: str) -> list[_Found]:
    """抓获一个盗窃团伙，4名成员落网: the members caught are a clearance result (抓获盗窃团伙成员 4名)."""
    out = []
    for m in _GANG_CAUGHT.finditer(sent):
        qs = find_quantities(m.group("n"))
        if not qs or qs[0].value is None:
            continue
        q = qs[0]
        out.append(_Found(metric="抓获" + m.group("gang") + "成员", start=m.start("n"), end=m.end("n"),
                          value=q.value, unit=q.unit, qualifier=q.qualifier, period=_period_before(sent, m.start("n")),
                          verb="抓获", family="clearance", kind="result"))
    return out


def _caught(sent: str, cs: int, clause: str, qs: list[Quantity]) -> list[_Found]:
    """将6名嫌疑人抓获, 将散发小卡片的4名嫌疑人抓获: people caught, counted before the verb (clearance)."""
    out = []
    for m in _CAUGHT.finditer(clause):
        q = next((q for q in qs if q.start == m.start("n")), None)
        if q is None or q.value is None:
            continue
        out.append(_Found(metric=m.group("verb")[:2] + m.group("noun"), start=cs + q.start, end=cs + q.end,
                          value=q.value, unit=q.unit, qualifier=q.qualifier,
                          period=_period_before(sent, cs + q.start), verb=m.group("verb")[:2],
                          family="clearance", kind="result"))
    return out


_MOBILISE_TAIL = re.compile(r"(吸纳|纳入|吸收|凝聚|团结|发动|动员|整合)(?:进来|进|到|起来|其中)?")
_DRAWN_ITEM = re.compile(r"[\u4e00-\u9fff]{2,10}?(?=[、和及与]|$)")


def _drawn_in(sent: str, cs: int, clause: str, qs: list[Quantity]) -> list[_Found]:
    """将10余家单位、50余家企业吸纳进来: the counts before the verb are the people or bodies drawn in.

    The 将/把 construction puts the object before its verb, so the usual
    "words before the number" metric would miss it.
    """
    verb = None
    for m in _MOBILISE_TAIL.finditer(clause, qs[-1].end):
        verb = m
    disposal = max(clause.rfind("将", 0, qs[0].start), clause.rfind("把", 0, qs[0].start))
    if verb is None or disposal < 0 or not all(q.unit in ("家", "个", "名", "人", "支", "户") for q in qs):
        return []
    out = []
    for i, q in enumerate(qs):
        end = qs[i + 1].start if i + 1 < len(qs) else verb.start()
        item = _DRAWN_ITEM.match(clause[q.end:end].rstrip("、和及与等"))
        if not item or q.value is None:
            return []
        out.append(_Found(metric=verb.group(1) + item.group(0), start=cs + q.start, end=cs + q.end, value=q.value,
                          unit=q.unit, qualifier=q.qualifier, period=_period_before(sent, cs + q.start),
                          verb=verb.group(1), family="mobilisation", kind="activity"))
    return out


_MEMBERS = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?)(?:成员|队员|会员|志愿者|义警)")
_GREW = re.compile(r"(?:已有|已发展|发展到|发展至|壮大到|壮大至|增至|增加到|扩大到|已达|达到)$")
_MOBILISE_VERB = re.compile(r"联动|发动|动员|吸纳|招募|凝聚|带动|组织")
_JOINED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构))(?:共同|联合|一起|均)?"
                     r"(?P<verb>参与|加入|入驻|参加)")
_TO_OBJECT = re.compile(r"对(?:辖区|全部|全|所有|本辖区|辖区内)?$")
_HANDLED_OBJECT = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:进行|开展)了?(?:逐一|全面|集中|逐户|拉网式|地毯式)?的?"
    r"(?P<verb>走访|排查|安全检查|检查|登记|宣传|巡查|回访|慰问|摸排|清查|核查|整治|培训)")
_CAUSER = re.compile(r"(?:使|让|促使|推动)得?$")
_CAUSED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,10}?)(?:在[\u4e00-\u9fff]{1,6}?)?(?:得到|得以|被|均|全部|已|都)*(?:妥善|有效|成功|圆满|依法|及时|顺利)*"
                     r"(?P<verb>化解|解决|调解成功|办结|侦破|破获|整改|消除|追回|挽回|找回)")
_SHARE = re.compile(r"占(?:到|了|据)?[^，。；]{0,20}的$")
_SHARE_PLAIN = re.compile(r"占(?:比|到|据)?了?(?:全局|全所|全县|全市|总量|总数)?(?:达到?|为|约|超过?|近|逾)?\s*$")
_PEOPLE_SHARE = re.compile(r"(?:以上)?的?(?P<who>(?:受访|参评|来访|涉事)?(?:群众|居民|村民|市民|当事人|游客|商户|受访者"
                           r"|家长|师生|企业|住户|群众们))")
_OPINION = re.compile(r"满意|认可|好评|点赞")
_FORM = re.compile(r"组建|成立|建立|组织|发展|建成|新建|创建|组成|打造|培育|招募|吸纳|整合")
_TEAM_HEAD = re.compile(r"(?:队伍|队|小组|群(?!众)|协会|联盟)$")
_TEAM_NOUN = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){1,14}?(?:队伍|队|小组|群(?![众防体治])|协会|联盟)(?![员长部])")
# 30个五百人以上的宣传群: a per-team size may stand between the count and the team
_TEAM_AFTER = re.compile(r"(?:[上近约超逾]?[0-9一二三四五六七八九十百千]+[余多]?人(?:以上|左右)?)?的?"
                         r"((?:[“\"「][\u4e00-\u9fff]{1,10}[”\"」])?[\u4e00-\u9fff]{1,12})")
_COMPOSED = re.compile(r"[\u4e00-\u9fff“”]{0,10}?(?:共同)?(?:组成|参加|参与)的?")
_WAGE = re.compile(r"([\u4e00-\u9fff0-9]{0,8}?)(?:领到|拿到|讨回|追回|要回|拿回|追讨|兑现)了?$")
_WAGE_OBJ = re.compile(r"的?(工资|欠薪|薪资|薪酬|劳务费|工钱|血汗钱)")


# “沙坪义警”分队由 … before a count of people; 名队员组成 / 名…的“X队”队员 after it.
_TEAM_BEFORE = re.compile(r"((?:[“\"「][\u4e00-\u9fff]{1,10}[”\"」])?[\u4e00-\u9fff]{0,8}?(?:分队|队伍|队|小组))由$")
_MEMBERS_FORM = re.compile(r"(?:名|位)?(?:队员|成员|志愿者|骨干)?组成")
_MEMBERS_OF = re.compile(r"[^，,。；;“]{0,10}?的?[“\"「]([\u4e00-\u9fff]{2,12}(?:队伍|队))[”\"」](?:队员|成员)")


def _object_first(sent: str, cs: int, q: Quantity, m: re.Match[str], kind: str | None = None) -> _Found | None:
    """The count of an object written before the verb acting on it (``m`` has groups noun and
    verb): the verb and noun are the metric, when they name a family."""
    metric = m.group("verb") + m.group("noun")
    fam = family_of(metric)
    if fam is None:
        return None
    return _Found(metric=metric, start=cs + q.start, end=cs + q.end, value=q.value, unit=q.unit,
                  qualifier=q.qualifier, period=_period_before(sent, cs + q.start), verb=m.group("verb"),
                  family=fam, kind=kind)


def _members_of(sent: str, cs: int, q: Quantity, team: str, unit: str | None, metric: str | None = None) -> _Found:
    """The number of members of a team the station formed (mobilisation, work done);
    ``metric`` defaults to the team's 人数."""
    return _Found(metric=metric or team + "人数", start=cs + q.start, end=cs + q.end, value=q.value, unit=unit,
                  qualifier=q.qualifier, period=_period_before(sent, cs + q.start), verb="组建",
                  family="mobilisation", kind="activity")


def _team_size(before: str, after: str) -> tuple[str, int] | None:
    """(team, characters used after the figure) when a count of people is the size of a team."""
    b = _TEAM_BEFORE.search(before)
    if b and (m := _MEMBERS_FORM.match(after)):
        return re.sub(r"[“”\"「」]", "", b.group(1)), m.end()
    if m := _MEMBERS_OF.match(after):
        return m.group(1) + "队员", m.end()
    if m := _QUOTED_MEMBERS.match(after):
        return m.group(1), m.end()
    if _FORMED_NOW.search(before) and (m := _QUOTED_TEAM.match(after)):
        return m.group(1), m.end()
    if _SIZE_BEFORE.search(before) and (m := _QUOTED_NAME_TEAM.match(after)):
        return m.group(1) + m.group(2), m.end()  # 组建了1500人规模的“蒸湘义警”队伍
    return None


# 91名佩戴红袖标的“银发队员”: members named in quotes; 组建了196名以党员为主体的“红色警务团队”: a team formed
_QUOTED_MEMBERS = re.compile(r"[^，,。；;“为]{0,10}?的?[“\"「]([\u4e00-\u9fff]{1,10}(?:队员|成员))[”\"」]")
_FORMED_NOW = re.compile(r"(?:组建|成立|组织|组成)了?$")
# 组建了1500人规模的“蒸湘义警”队伍, 总人数逾1500人的“X”队伍, 组建的百人“X”队伍: the size of a named team
_SIZE_BEFORE = re.compile(r"(?:(?:组建|成立|组织|组成)[了的]?|总?人数(?:达到?|逾|超过?|近)?)$")
_QUOTED_NAME_TEAM = re.compile(r"(?:规模)?的?[“\"「]([\u4e00-\u9fff]{2,10})[”\"」](队伍|团队|分队|队)")
_QUOTED_TEAM = re.compile(r"[^，,。；;“]{0,12}?的?[“\"「]([\u4e00-\u9fff]{2,12}(?:团队|队伍|分队|小组|队))[”\"」]")
# 发展108名人头熟、品德好的村民作为警务助理: people recruited into a role
_RECRUITED = re.compile(r"(发展|招募|吸纳|聘请|选聘|培养|培育)了?$")
_AS_ROLE = re.compile(r"[^，,。；;]{0,16}?(?:作为|担任|成为)([\u4e00-\u9fff]{2,6}?)(?=[，,。；;！？]|$)")


# professionals who staff a mechanism (a room's mediators, lawyers): counted, they are its staffing
_PROFESSIONAL = re.compile(r"调解员|律师|法律顾问|法官|检察官|司法人员|心理咨询师")
_VOLUNTEER = re.compile(r"志愿|义警|义务")
_PROFESSIONAL_AFTER = re.compile(rf"[^，,。；;]{{0,16}}?(?:{_PROFESSIONAL.pattern})")


def _professionals(metric: str, after: str) -> bool:
    """The people counted are professionals (named in the metric or right after the figure), not volunteers."""
    if _VOLUNTEER.search(metric + after[:20]):
        return False  # 60名律师志愿者: volunteers drawn in are mobilisation
    return bool(_PROFESSIONAL.search(metric) or _PROFESSIONAL_AFTER.match(after))


# 两个村民, 两支巡逻队: units of a worded count that can be the subject of its clause
_ACTOR_UNITS = frozenset(("人", "名", "位", "个", "支", "户", "家"))
# a count of calls made to the police with no change: never the station's result (接报警 is calls received)
_CALLS_MADE = re.compile(r"(?<![接受])报警(?:次数)?$")
# 巡防队目前共有队员25名, “某某支队”……，骨干成员30名: a team's members counted after the word for them
# 现已注册人员324名, 编内人员共176名: the people enrolled in a team are its members too
_ROSTER_WORD = re.compile(r"(?:目前|现在|现)?已?(?:共有|现有|已有|拥有|有)?((?:骨干|核心|正式)?(?:队员|成员|会员)|(?:注册|编内|在册|在编)人员)"
                          r"(?:共|总数|达到?|已达)?$")
# the team opens a clause, or is named in quotes anywhere before (动员…成为“某某义警队”，现已注册人员…)
_ROSTER_TEAM = re.compile(r"(?:^|[，,：:])[“\"「]?([\u4e00-\u9fff]{1,12}?(?:支队|团队|队伍|分队|小组|协会|联盟|队))[”\"」]?(?![员长])"
                          r"|[“\"「]([\u4e00-\u9fff]{1,12}?(?:支队|团队|队伍|分队|小组|协会|联盟|队))[”\"」]")
_WORDS_ONLY = re.compile(r"[\u4e00-\u9fff“”\"「」]*")


def _roster(sent: str, cs: int, before: str) -> str | None:
    """The metric (team + 队员) when a count of people follows the word for a team's members
    and the team opens this or an earlier clause of the sentence; None otherwise."""
    word = _ROSTER_WORD.search(before)
    if not word or word.start() > 0 and not _WORDS_ONLY.fullmatch(before, 0, word.start()):
        return None
    teams = [t for t in _ROSTER_TEAM.finditer(sent, 0, cs + len(before)) if t.end() <= cs + word.start()]
    return (teams[-1].group(1) or teams[-1].group(2)) + word.group(1) if teams else None


def _team_group(group: list[Quantity]) -> bool:
    """45支450人 / 6支 / 165人: a count of teams, optionally with their members, or of members."""
    units = [q.unit for q in group]
    return units in (["支"], ["个"], ["队"], ["人"], ["名"]) or (
        len(units) == 2 and units[0] in ("支", "个", "队") and units[1] in ("人", "名"))


def _team_after(after: str) -> tuple[str, int] | None:
    """组建8支96人的“银发”守护队 -> (银发守护队, characters used): the team a count describes."""
    m = _TEAM_AFTER.match(after)
    if not m:
        return None
    raw = m.group(1)
    t = _TEAM_NOUN.match(re.sub(r"[“”\"「」]", "", raw))
    if not t or len(t.group(0)) < 3 or STOP_VERB.search(t.group(0), 2) or _FORM.search(t.group(0)):
        return None
    noun = t.group(0)
    used, n = 0, 0
    while n < len(noun):  # map the noun's length back onto the quoted text
        n += raw[used] not in "“”\"「」"
        used += 1
    return noun, m.start(1) + used


def _team_outcomes(sent: str, cs: int, group: list[Quantity], team: str) -> list[_Found]:
    """One outcome for the teams and one for their members (组建6支12人的调解队): mobilisation, work done."""
    out = []
    for q in group:
        people = q.unit in ("人", "名")
        if people and (q.chinese or len(group) > 1 and q.qualifier == "以上"):
            continue  # 30个五百人以上的宣传群: the size of each group, not a total
        if not people and q.value is not None and q.value < 2 and len(group) == 1:
            continue  # 组建1支队伍 alone is the mechanism itself
        out.append(_Found(metric=team + ("人数" if people else ""), start=cs + q.start, end=cs + q.end,
                          value=q.value, unit=q.unit, qualifier=q.qualifier,
                          period=_period_before(sent, cs + q.start), verb="组建",
                          family="mobilisation", kind="activity"))
    return out


_ROLE = re.compile(r"(?:群众|居民|村民|人)?(?:成为|加入|担任|注册为|注册成为|报名成为|为)[“\"「]?([\u4e00-\u9fff]{2,8}?)(?:[”\"」]|$|[，。；、和及])")


def _role_after(after: str) -> str | None:
    """近200人成为“平安义警”: the role a count of people took on (metric noun after the verb)."""
    m = _ROLE.match(after)
    if not m or family_of(m.group(1)) is None:
        return None
    return m.group(1)


_RESULT_VERBS = ("化解", "调解成功", "办结", "结案", "破获", "侦破", "破案", "整改", "解决", "查处", "处理")


def _result_verb(text: str) -> bool:
    return _result_verb_index().first_in(text) is not None


@lru_cache(maxsize=1)
def _result_verb_index() -> _WordIndex:
    return _WordIndex(list(_RESULT_VERBS) + [v for v, k in lexicon().kinds if k == "result" and len(v) >= 2])


_RATE_OBJ = re.compile(r"的?([\u4e00-\u9fff]{2,16}?)(?:得到|得以|被|获得)?(" + "|".join(_RESULT_VERBS) + r")")


def _rate_after(after: str, prior: list[_Found]) -> str | None:
    """The metric of a percentage written after it.

    98.2%的调解成功率 -> 调解成功率; 95%以上的噪声问题得到化解 -> 噪声问题化解率;
    (受理纠纷225起，)实现了100%化解 -> 纠纷化解率.
    """
    after = after.lstrip(" ")
    m = _RATE_OBJ.match(after)  # 的 may be left out: 是90%以上纠纷当场化解的…
    if m and not re.search("率$", m.group(1)):
        noun = re.split(r"在|及时|全部|均|已|得到|得以|被|获得", m.group(1))[0]
        return noun + m.group(2) + "率" if len(noun) >= 2 else None
    m = re.match(r"的([\u4e00-\u9fff]{1,10}率)", after)
    if m:
        return m.group(1)
    m = re.match("(" + "|".join(_RESULT_VERBS) + ")", after)
    if m:
        obj = ""
        if prior:
            obj = prior[-1].metric
            runs = _verb_spans(obj)
            if runs and runs[0][0] == 0:
                obj = obj[runs[0][1]:]
        return obj + m.group(1) + "率"
    return None


def _pair(items: list[str], values: list[Quantity], spread: bool, metric: str) -> list[tuple[str, Quantity]]:
    """Pair metric items with values: distributive (分别), shared (均/各) or one to one."""
    if len(values) > 1 and len(items) == len(values):
        return list(zip(items, values))
    if len(values) == 1 and len(items) > 1:
        return [(it, values[0]) for it in items] if spread else [(metric, values[0])]
    if len(items) == 1:
        return [(items[0], v) for v in values]
    return list(zip(items + [items[-1]] * (len(values) - len(items)), values))


def _strip_dir(clause: str) -> str:
    d, ds, _ = _direction_in(clause)
    return clause[:ds] if d else clause


def _verb_only(text: str) -> bool:
    """The text before a number is only a verb and fillers (组建, 共帮扶)."""
    m = clean_metric(text)
    return not m or lexicon().verb_index.ends_with(m)


def _post_noun(clause: str, q: Quantity) -> str | None:
    """The noun after a classifier: 组建100支义务巡逻队 -> 义务巡逻队 (also when quoted: 9支“红袖标巡逻队”)."""
    rest = clause[q.end:].lstrip("“「『\"")
    m = re.match(r"[\u4e00-\u9fff]{2,12}", rest)
    if not m:
        return None
    noun = m.group(0)
    cut = STOP_VERB.search(noun, 2)
    if cut:
        noun = noun[: cut.start()]
    noun = re.split(r"以及|(?<!参)[和及与]", noun)[0]
    noun = re.sub(r"参与$", "", noun)  # 组织140名律师志愿者参与
    return noun if len(noun) >= 2 else None


_TIMES_AFTER = re.compile(r"(?:上升|增长|提高|提升|增加|翻)了?(?:近|约|超过|超)?$")
_DIVIDE_VERB = r"分为|分成|划分为|划为|归为"
_DIVIDED_OBJECT = re.compile(r"划分[\u4e00-\u9fff]{1,6}$")  # 科学划分网格75个: the units a division makes
_DIVIDED_INTO = re.compile(rf"(?:{_DIVIDE_VERB}|(?<![得评积打总均满])分)共?$")


_PER_UNIT = re.compile(r"每(?:[个支名位户组家所条]|一[个支名位户]?)?(?:村|社区|队|巡防队|巡逻队|小组|网格|民警|辅警)")


def _usable(clause: str, q: Quantity, quotes: list[tuple[int, int]], cs: int) -> bool:
    """A number that can carry an outcome (unit known, not a year, not in a name)."""
    if q.rejected_unit and not (q.unit == "倍" and _TIMES_AFTER.search(clause, 0, q.start)):
        return False  # a duration, age or length; but 破案数上升3倍 is a result
    if _inside(cs + q.start, quotes):
        return False
    after = clause[q.end:q.end + 4]
    before = clause[max(0, q.start - 1):q.start]
    if before == "第":
        return False  # 第二批, 第3名: an ordinal names a place in a series, not a count
    if _PER_UNIT.search(clause, 0, q.start):
        return False  # 每支巡防队由2-3名干部组成, 每个村组建5人以上的巡逻队: a standard for each, not a result
    if q.unit in ("类", "种") and re.match(r"[\u4e00-\u9fff]", after) and not re.match(r"[以余多]", after):
        return False  # 四类侵财刑事发案下降12.6%: the kinds counted, part of what is measured
    if _DIVIDED_INTO.search(clause, max(0, q.start - 4), q.start) or _DIVIDED_OBJECT.search(clause, max(0, q.start - 8), q.start):
        return False  # 将全镇分为3个片区, 共分3组: how the work is divided, not an outcome
    if q.unit in ("类", "种") and re.search(_DIVIDE_VERB, clause[:q.start]):
        return False  # 划分为强物业小区、弱物业小区…4类: the kinds a division makes, listed before their count
    if q.unit is None:
        # 办理户籍业务512: a bare count right before the clause end
        if q.chinese or q.end != len(clause) or not re.fullmatch(r"[0-9]{1,6}", q.text):
            return False
        if re.fullmatch(r"(19|20)[0-9]{2}", q.text) and re.search(r"[于至到从自]$", clause[: q.start]):
            return False
        if lexicon().verb_index.first_in(clause) is None and "办理" not in clause:
            return False
    if q.chinese:
        if re.match(r"派出所|所|镇|乡|村|街道|社区|县|市|区|机制|模式|工作法", after):
            return False
        if q.value is not None and q.value < 2 and q.unit not in ("%",):
            return False
    if re.match("|".join(HEAD_WORDS), after):
        return False
    if before and before in "在于对於向给" and not re.search(r"(?:保持|稳定|控制|维持|率)在$", clause[: q.start]) \
            and not (before == "对" and _HANDLED_OBJECT.match(clause, q.end)):  # 对30家企业进行安全检查: work done
        return False  # 在3个村: a place; but 保持在100% is a level, 成功率在95%以上 a rate
    if q.unit in ("名", "人") and re.match(r"民警|辅警|警力|所班子|村辅警", after) and not _deployed(clause, q):
        return False
    if q.unit in ("名", "人") and re.search(r"(民警|辅警|警力)$", clause[: q.start]):
        return False
    return True


_DEPLOY_VERB = re.compile(r"组织|选派|协调|调集|调派|出动|投入|派出(?!所)|动员")
_POLICE = re.compile(r"(?:党员|骨干|精干|青年|专职)?(?:民辅警|民警辅警|民警|辅警|警力)")


def _deployed(clause: str, q: Quantity) -> _Found | None:
    """协调周边派出所等70余名警力: officers sent out for an operation are a mobilisation figure.

    Only after a verb of sending (not 抽调…成立: staffing a new unit describes
    the mechanism) and only for a count of people.
    """
    if q.unit not in ("名", "人") or q.value is None or q.value < 2:
        return None
    police = _POLICE.match(clause, q.end)
    verbs = list(_DEPLOY_VERB.finditer(clause, 0, q.start))
    if not police or not verbs or re.match(r"[^，,；;。]{0,12}?(?:成立|组建|组成|担任|轮流)", clause[police.end():]):
        return None
    verb = verbs[-1].group(0)
    return _Found(metric=verb + police.group(0), start=q.start, end=q.end, value=q.value, unit=q.unit,
                  qualifier=q.qualifier, verb=verb, family="mobilisation", kind="activity")


def _groups(clause: str, qs: list[Quantity]) -> list[list[Quantity]]:
    """Consecutive numbers joined only by 、/和/及 form one group (87.5%、82.1%和100%)."""
    groups: list[list[Quantity]] = []
    for q in qs:
        if groups:
            gap = clause[groups[-1][-1].end:q.start]
            if gap and all(c in LIST_SEP + " " for c in gap) or (not gap and groups[-1][-1].unit != q.unit):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


_ZERO_NEG = re.compile(
    r"(?:再未|从未|均未|未曾|未|没有|无)(?:发生|出现)(?:过)?(?:一起|任何|1起)?(?P<x>[^，。；;,]{2,40})"
    r"|(?:没有|无(?![疑论法须需关非不意]))(?:一起|任何|1起)?(?P<y>[^，。；;,]{2,30}?)(?:发生|出现)"
    # 连续5年无重大刑事案件: after a run of years, 无 alone says nothing happened
    r"|年(?:来|以来|间)?[，,]?(?:辖区内?|全[镇乡村])?(?:均|都|已|始终)?(?:无|没有)(?:一起|任何|1起)?"
    r"(?P<z>[^，。；;,]{0,20}?(?:案件|事件|命案|案|事故|警情|火灾))(?=[，。；;,]|$)"
)


_ZERO_PLACE = re.compile(r"^(?:辖区内?|全[镇乡村区县市所]|[该本][镇乡村区县市])")
_ZERO_CUT = frozenset("、，,和及与；;")
_ZERO_ADVERB = r"均|都|全部|皆|始终|一直|持续|连续"  # 均保持, 连续100天 before a zero record
_ZERO_ADVERB_END = re.compile(rf"(?:{_ZERO_ADVERB})+$")
_ZERO_ITEM = re.compile(r"^(?:[“\"「]?零[\u4e00-\u9fff]{1,4}?[”\"」]?[、和及与])+")


@lru_cache(maxsize=1)
def _conduct_words() -> frozenset[str]:
    """Words after 零 that record the station's own conduct (执法零过错): kept with no family."""
    return frozenset(read_lexicon("outcome_zero_conduct.txt"))


def _conduct_result(sent: str) -> bool:
    """A conduct record (零违纪) is a result only where the sentence reports results.

    It must not be a goal (以…“零瑕疵”为目标), and it must stand among results:
    a verb of achievement (取得, 实现, 做到), a run of years (连续68年“零违纪”) or another
    zero record of a case or complaint.
    """
    if re.search(r"目标|力争|确保|争取|要求", sent):
        return False
    return bool(re.search(r"取得|实现|做到|成效|成绩|连续[0-9一二两三四五六七八九十百]+年", sent)) or any(
        w not in _conduct_words() for w in _zero_word_pattern().findall(sent))


@lru_cache(maxsize=1)
def _zero_word_pattern() -> re.Pattern[str]:
    words = sorted(set(lexicon().zero_words) | _conduct_words(), key=len, reverse=True)
    return re.compile(r"[“\"「]?零(" + "|".join(map(re.escape, words)) + r")[”\"」]?")


def _may_negate(clause: str) -> bool:
    """Cheap test: can _ZERO_NEG match (a negation and 发生 / 出现)?"""
    return ("未" in clause or "没有" in clause or "无" in clause) and (
        "发生" in clause or "出现" in clause or "年" in clause)


def _zero_records(sent: str, cs: int, ce: int) -> list[_Found]:
    """零发案 / 未发生X / 没有一起X发生 in the clause [cs, ce)."""
    out: list[_Found] = []
    clause = sent[cs:ce]
    for m in _zero_word_pattern().finditer(clause) if "零" in clause else ():
        x = m.group(1)
        head = clause[: m.start()]
        head = re.sub(r"[0-9０-９一二三四五六七八九十百]+[余多]?[个家所户]", "", head)
        # 做到了“矛盾不上交”、民转刑案件“零发生”: the subject starts after an earlier quote
        # (but 重大“民转刑”案件“零发生”: a quote inside the subject's name does not cut it)
        quoted = [e for _, e in _quote_spans(head) if head[e:e + 1] in _ZERO_CUT]
        head = head[quoted[-1]:] if quoted else head
        opened = max(head.rfind("“"), head.rfind("「"))
        if opened >= 0 and not re.search(r"[”」]", head[opened:]):  # 取得了“命案零发生”: the quoted phrase
            head = head[opened + 1:]
        head = _ZERO_ITEM.sub("", head)  # “零上访、零命案、零事故”: earlier records are not this one's subject
        if re.search(r"(?:追求|力争|争取|确保|争创|目标是?|努力)[^，。；]{0,6}$", head):
            continue  # 追求零发案: an aim, not a record
        if re.match(r"[^，。；]{0,20}?(?:创建|争创|评选)(?:活动|工作)?", clause[m.end():]):
            continue  # “零上访、零事故、零案件”社区创建活动: the name of a campaign, not a record
        earlier = list(_zero_word_pattern().finditer(head))
        if earlier:  # 严重暴力案件零发案、重特大治安案件零发案: the subject starts after the record before it
            head = head[earlier[-1].end():].lstrip("、和及与")
        noun, verb = _head_metric(head)
        noun = re.sub(r"^[一二三四五六七八九十]是", "", noun)  # 四是规范执法零投诉: the list's ordinal
        pieces = re.split(r"(?:实现|保持|达到|创建|打造|做到)了?", noun)  # 甲村实现刑事案件“零发生”
        # 入室盗窃、盗窃非机动车案件均保持零发案: the subject comes before the verb
        before = re.sub(rf"(?:{_ZERO_ADVERB}|全)+$", "", pieces[-2]) if len(pieces) > 1 else ""
        noun = pieces[-1] or (before if family_of(before) else "")
        noun = _ZERO_PLACE.sub("", noun)  # 实现辖区刑事案件零发生: the area is not part of the metric
        noun = _ZERO_ADVERB_END.sub("", noun)  # 警情和案件连续100天零发生: 连续 is how long, not what
        if x == "发生" and (not noun or family_of(noun) is None):
            continue  # 零发生 needs a subject that names what did not happen
        if x in _conduct_words():
            if not _conduct_result(sent):
                continue
            # 执法零过错, 民警零违纪: the station's own record; its subject and the word name it
            noun = re.split(r"[、和及与]", noun)[-1]  # 群众零投诉、执法零瑕疵: only the last subject
            noun = re.sub(r"^.*(?:派出所|该所|本所|全所)", "", noun)  # 某某派出所零违纪: the station is no subject
            noun = noun if 2 <= len(noun) <= 6 else ""
            out.append(_Found(metric=noun + x, start=cs + m.start(), end=cs + m.end(), direction="zero",
                              period=_period_before(sent, cs + m.start()), verb=verb, kind="result"))
            continue
        items = _split_items(noun) if noun else []
        if x == "发生" or noun.endswith(x):
            metrics = items
        else:
            metrics = [f"{it}零{x}" for it in items] or [f"零{x}"]
        if not metrics or family_of("".join(metrics)) is None:
            continue
        for metric in metrics:  # 刑事、治安案件“零发生”: one record per subject
            if len(metric) >= 2:
                out.append(_Found(metric=metric, start=cs + m.start(), end=cs + m.end(), direction="zero",
                                  period=_period_before(sent, cs + m.start()), verb=verb))
    for m in _ZERO_NEG.finditer(clause) if _may_negate(clause) else ():  # the pattern is slow to fail
        x = m.group("x") or m.group("y") or m.group("z")
        at = m.start("z") if m.group("z") else m.start()
        x = re.sub(r"(发生|出现)$", "", x.strip())
        if re.match(r"一人", x):
            continue
        for item in re.split(r"、|和|及", x):
            item = clean_metric(item)
            item = re.sub(r"^(一起|任何)", "", item)
            if len(item) < 2 or family_of(item) is None:
                continue
            out.append(_Found(metric=item, start=cs + m.start(), end=cs + m.end(), direction="zero",
                              period=_period_before(sent, cs + at)))
    return out


_PURPOSE_OPEN = re.compile(r"\s*(?:为了?|旨在)(?![民群人])")
_ACTOR = re.compile(r"派出所|公安局|分局|民警|该所|我所|警务室")
_HIGH_OPINION = re.compile(r"([\u4e00-\u9fff]{0,4}(?:满意度|满意率|安全感|好评率))(?:颇高|较高|很高|持续走高|高)")
_QUAL_OK = ("crime", "public_order", "fraud", "public_evaluation", "clearance", "disputes", "hazards")


# 服务常住居民 / 覆盖户籍人口 before a figure: the people of an area, not work done for them
_SERVED_POPULATION = re.compile(r"(?:服务|辐射|覆盖|管辖)(?:辖区)?(?:常住|户籍|实有|流动)(?:人口|居民|群众)?$")
# 管辖/辐射 before a figure: what the station's area holds (villages, people), profile whatever verb follows
_AREA_VERB = re.compile(r"管辖|辐射(?!带动)")
_AREA_WORK = re.compile(r"受理|处置|办理|接处|查处|破获|侦破|抓获")
_RESIDENTS_END = re.compile(r"(?:村民|居民|群众|人口|百姓)$")


def _covers_area(head: str) -> bool:
    """管辖5个村 / 辐射4个村委会: the text names what the area holds (but 管辖区域内化解纠纷30起 is work)."""
    m = _AREA_VERB.search(head)
    return m is not None and not _result_verb(head[m.end():]) and not _AREA_WORK.search(head, m.end())


# 以提升…为目标 / 为导向: the frame of an aim
_GOAL_FRAME = re.compile(r"以[^，,。；;]{1,30}(?:为|作为)(?:目标|目的|宗旨|导向|方向|己任|出发点|落脚点|工作重点|重点|主线|抓手)")


# A clause that is only a verb phrase (有效降低发案) after a clause of aiming (力争…，) goes on with the aim.
_AIM_GOES_ON = re.compile(r"(?:有效|进一步|切实|全面|不断|持续|大幅|努力)?")
_AIM_CLAUSE = re.compile(r"(?:(?:力争|争取|确保|努力|旨在|致力于)[^，,。；;0-9]*|为目标(?:[，,][^。；;0-9]*)?)[，,]$")


def _qualitative(sent: str, cs: int, ce: int) -> list[_Found]:
    """满意度持续提升, 入室盗窃案件逐年下降, 减少了可防性案件的发生.

    A clause may hold several (发案数下降和破案率提升): each direction word
    takes the metric text since the previous one.
    """
    clause = sent[cs:ce]
    lex = lexicon()
    hits: list[tuple[int, int, str]] = []
    for word, d in [lex.directions[i] for i in lex.direction_index.candidates(clause)]:
        i = clause.find(word)
        while i >= 0:  # every non-overlapping occurrence, as re.finditer would give
            if not any(a <= i < b for a, b, _ in hits):
                hits.append((i, i + len(word), d))
            i = clause.find(word, i + len(word))
    hits.sort()
    if "、" in clause and ("“" in clause or "「" in clause or '"' in clause):
        # “事前宣传、事中调解、事后回访、总结提升”: a quoted list of names is a slogan; a direction
        # word inside it reports no change (a figure would make it quoted speech, not a slogan)
        slogans = [(a - cs, b - cs) for a, b in _quote_spans(sent)
                   if "、" in sent[a:b] and not _DIGIT.search(sent, a, b)]
        hits = [h for h in hits if not _inside(h[0], slogans)]
    # 始终保持稳中有降: two direction words in a row are one statement; the last one says it
    hits = [h for i, h in enumerate(hits) if not (i + 1 < len(hits) and hits[i + 1][0] - h[1] <= 1)]
    if not hits:
        # 群众满意度颇高: an evaluation stated without a direction
        if "满意" not in clause and "安全感" not in clause and "好评率" not in clause:
            return []
        m = _HIGH_OPINION.search(clause)
        if m and not re.search(r"目标|力争|确保", clause):
            metric = clean_metric(m.group(1))
            return [_Found(metric=metric, start=cs, end=ce, period=_period_before(sent, cs + m.start()),
                           qualitative=True)]
        return []
    if re.search(r"目标|要求|力争|确保|努力|旨在|为了|以便|争取", clause[: hits[0][0]]) and "实现" not in clause:
        return []
    if _AIM_GOES_ON.fullmatch(clause, 0, hits[0][0]) and _AIM_CLAUSE.search(sent[:cs]):
        return []  # 力争消除隐患，有效降低发案; 以…为目标，…，切实增强获得感: the aim's verb phrases go on
    if _GOAL_FRAME.search(clause):
        return []  # 以提升群众安全感和满意度为目标: what the work aims at, not a result
    if _PURPOSE_OPEN.match(sent) and not _ACTOR.search(sent, 0, cs):
        return []  # 为深入推进…，不断增强群众的安全感，…派出所…: the purpose the sentence opens with
    out: list[_Found] = []
    prev = 0
    for ds, de, d in hits:
        before = clause[prev:ds]
        if re.match(r"的(?:目标|目的)", clause[de:]):
            prev = de
            continue  # 满意度增强的目标: a goal, not a result
        if "实现" in before:
            i = before.rfind("实现")
            after_impl = re.sub(r"^实现了?", "", before[i:])
            before = after_impl if family_of(clean_metric(after_impl)) else before[:i]
        before = re.sub(r"^(和|及|与|、)", "", before)
        prev = de
        metric = ""
        if re.search(r"[\u4e00-\u9fff]{2,}", before):
            metric, _ = _head_metric(before)
            metric = re.sub(r"(稳中有|有所|呈|逐年|年均|始终|保持|总体|大幅|明显|持续|逐步|不断|有效|均|一直|已|连续"
                            r"|稳步|稳定|显著|进一步|得以|得到|都|也|再次|逐渐|大大|全面|极大|再)+$", "", metric)
        if not metric or family_of(metric) is None:
            if d not in ("increase", "decrease"):
                continue
            # 减少了可防性案件的发生 / 提升群众安全感、满意度: the metric follows the verb
            nxt = [h for h in hits if h[0] > ds]
            after = clause[de: nxt[0][0] if nxt else len(clause)]
            if re.match(r"[、和及与]", after) or re.search(r"的(?:目标|目的)", after):
                continue  # 效能提升、满意度增强的目标: the verb closed its own phrase
            if not after.startswith("了") and not re.search(r"(?:有效|明显|大幅|显著|大大|进一步|切实|极大)$", clause[:ds]):
                continue  # 全面提升群众的安全感: what the work aims at; 有效提升了…: a result
            obj = re.sub(r"^了", "", after)
            # 提高了见警率、加强了…: a new predicate; 安全感——(new line) 咸阳警方…: a dash ends the phrase
            obj = re.split(r"、(?=[\u4e00-\u9fff]{2}了)|—", obj)[0]
            obj = re.sub(r"的?(发生|发生率|数量|趋势|高发态势|态势|高发势头|势头|蔓延势头)$", "", obj)
            metric = clean_metric(obj)
            if family_of(metric) not in ("crime", "public_order", "fraud", "hazards", "public_evaluation"):
                continue
        if re.search(r"指标|[一二两三四五六七八九十]$", metric):
            continue  # 主要指标呈现“五下降”: a summary; the figures follow
        if re.search(r"能力|水平|意识|效能|效率|质效$", metric):
            continue  # 调解的社会化、联动化、专业化水平: every item shares the excluded head
        for it in _split_items(metric):
            fam = family_of(it)
            if fam not in _QUAL_OK or len(it) < 2:
                continue
            if re.search(r"能力|水平|意识|效能|效率|质效|力$|环境|秩序|动能|精准|难度|压力|成本|负担", it):
                continue
            if re.search(r"[不未无]", it) and not re.search(r"不满|无证", it):
                continue  # 矛盾纠纷不出社区: a slogan, not a measure
            if d == "increase" and fam in ("crime", "public_order", "disputes", "fraud") \
                    and not re.search(r"化解|调解|调处|破|抓|打击|处理|办结|成功|排查|查处|挽|覆盖|见警|管事|管控|防控", it):
                continue  # 游客多了，租车纠纷悄然增加: the problem the station faces, not its result
            out.append(_Found(metric=it, start=cs, end=ce, direction=d, period=_period_before(sent, cs + ds),
                              comparison=_comparison(sent[: cs + de]), qualitative=True))
    return out


def _drop_shadowed(found: list[_Found]) -> list[_Found]:
    """A qualitative result restated with its number in the same sentence counts once."""
    numeric = [f for f in found if not f.qualitative]
    out = []
    for f in found:
        if f.qualitative and any(
            # 入户盗窃案件逐年下降，年均降幅达30%; but 警情下降，其中盗窃警情降幅达66% is two results
            n.direction == f.direction and (n.metric == f.metric or n.metric in f.metric)
            for n in numeric
        ):
            continue
        out.append(f)
    return out


# ---------------------------------------------------------------- document


def _subject_station(ext: Extraction) -> str | None:
    for s in ext.stations:
        if s.role == "subject":
            return s.name
    return ext.stations[0].name if ext.stations else None


def _mechanism_mentions(clean: CleanDoc, ext: Extraction) -> list[tuple[int, int, str]]:
    """Where each mechanism is named in the clean text: (start, end, name)."""
    out = []
    text = clean.simp
    for mech in ext.mechanisms:
        key = concept_key(mech.name)
        forms = {normalize_name(mech.name)} | ({key} if len(key) >= 4 else set())
        forms |= {normalize_name(a) for a in mech.aliases}
        for form in forms:
            if len(form) < 2:
                continue
            i = text.find(form)
            while i >= 0:  # every occurrence, not overlapping (no pattern compiled per name)
                out.append((i, i + len(form), mech.name))
                i = text.find(form, i + len(form))
    return sorted(out)


def _attribute(clean: CleanDoc, mentions: list[tuple[int, int, str]], sent_start: int, sent_end: int) -> str | None:
    """The mechanism a result sits under: named in the sentence, earlier in its
    paragraph, or in its section heading."""
    in_sent = [m for m in mentions if sent_start <= m[0] < sent_end]
    if in_sent:
        return in_sent[0][2]
    sent = clean.sentence_at(sent_start)
    if sent is None:
        return None
    para = clean.paragraphs[sent.paragraph] if sent.paragraph < len(clean.paragraphs) else None
    if para is not None:
        earlier = [m for m in mentions if para.start <= m[0] < sent_start]
        if earlier:
            return earlier[-1][2]
    if sent.section is not None and sent.section < len(clean.sections):
        sec = clean.sections[sent.section]
        heading = [m for m in mentions if sec.heading_start <= m[0] < sec.heading_end]
        if heading:
            return heading[0][2]
    return None


def extract_outcomes(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Add the article's outcomes to ``ext.outcomes`` (EXTRACTION.md section 5)."""
    station = _subject_station(ext)
    mentions = _mechanism_mentions(clean, ext)
    found: list[tuple[Outcome, bool]] = []
    # The period a sentence carries to the next one (its own last period, else the one it
    # inherited) is read only when the next sentence continues it: (sentence text, inherited).
    carry: tuple[str, str | None] = ("", None)
    prev = None
    for sent in clean.sentences:
        s = strip_pinyin(clean.simp[sent.start:sent.end])
        if not s.strip():
            continue
        prev_text = clean.simp[prev.start:prev.end] if prev is not None else ""
        joined = prev is not None and prev.paragraph == sent.paragraph and (
            prev_text.rstrip().endswith(("；", ";"))
            or _CONTINUES.match(s)  # no subject: it continues the last sentence
            or _LEAD_PERIOD.match(prev_text))  # 2020年以来，…。会同…组建: an opening period covers the paragraph
        inherit = (_period_before(carry[0], len(carry[0])) or carry[1]) if joined else None
        headline = _is_headline(clean, sent)
        for f in sentence_outcomes(s):
            fam = f.family or family_of(f.metric + f.verb)
            out = Outcome(
                metric=f.metric, value=f.value, unit=f.unit, direction=f.direction,
                qualifier=f.qualifier, period=f.period or inherit, comparison=f.comparison,
                kind=f.kind or kind_of(f.metric, f.verb, f.direction, fam), family=fam, station=station,
                mechanism=_attribute(clean, mentions, sent.start, sent.end),
                evidence=clean.evidence(sent.start, sent.end),
            )
            i = _repeat_of([o for o, _ in found], out)
            if i is None:
                found.append((out, headline))
            elif _more_specific(out.period, found[i][0].period):
                found.pop(i)  # the restatement dates it: keep the dated one, where it stands
                found.append((out, headline))
        carry = (s, inherit)
        prev = sent
    body = [o for o, h in found if not h]
    for o, h in found:
        # a headline figure restated in the body counts once (the body sentence)
        if h and any(_restates(b, o) for b in body):
            continue
        ext.outcomes.append(o)


def _restates(body: Outcome, head: Outcome) -> bool:
    """The body outcome restates the headline one: the same figure, or with no figure
    (零发生, 持续提升) the same subject too, since any two such records share value None."""
    if (body.value, body.unit, body.direction) != (head.value, head.unit, head.direction):
        return False
    return head.value is not None or head.metric in body.metric or body.metric in head.metric


_LEAD_PERIOD = re.compile(r"\s*(?:" + PERIOD.pattern + r")[，,]")
_CONTINUES = re.compile(r"\s*(?:其中|已|共|累计|先后)")


def _is_headline(clean: CleanDoc, sent: Sentence) -> bool:
    """The sentence is the article's headline or a section heading."""
    if clean.title_span and clean.title_span[0] <= sent.start < clean.title_span[1]:
        return True
    return sent.paragraph < len(clean.paragraphs) and clean.paragraphs[sent.paragraph].is_heading


_YEAR = re.compile(r"[12][0-9]{3}")


def _more_specific(a: str | None, b: str | None) -> bool:
    """Period ``a`` says more than ``b``: any period over none, a year over a relative one."""
    return bool(a) and (not b or bool(_YEAR.search(a)) and not _YEAR.search(b))


def _repeat_of(existing: list[Outcome], o: Outcome) -> int | None:
    """The index of an earlier outcome that ``o`` restates, or None.

    Articles repeat their lead paragraph, or restate a figure with
    去年以来 in one place and 2024年以来 in another: the same metric, figure
    and direction count once, unless two different years say they are
    different facts.
    """
    for i, e in enumerate(existing):
        if (e.metric, e.value, e.unit, e.direction) != (o.metric, o.value, o.unit, o.direction):
            continue
        if e.evidence == o.evidence or e.period == o.period or not e.period or not o.period:
            return i
        if not (_YEAR.search(e.period) and _YEAR.search(o.period)):
            return i
    return None
