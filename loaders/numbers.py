"""Chinese and Arabic number expressions -> numbers.

News text mixes forms: ``1.7万``, ``10余万``, ``三十``, ``两``, ``5000余``,
``一百二十``, ``２０２４``, ``1,200``, ``百分之九十``, ``99％``, ``10-20``.
:func:`parse_number` turns one expression into a float; :data:`NUMBER` is a
regex that finds them. :func:`find_quantities` goes one step further for the
extractors: number + qualifier (余/多/近/约/超/以上) + unit, with 万元 folded
into 元 and percentages recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
          "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_DIGITS_SMALL_UNIT = re.compile(r"([0-9.]+)([千百])")
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_CN = "零〇○一二两兩三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟"
_FINANCIAL = "壹贰叁肆伍陆柒捌玖拾佰仟"
_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
# An Arabic number (full- or half-width, with separators), or a run of Chinese
# numerals; either may carry 余/多 inside (10余万) and a trailing 万/亿.
NUMBER = re.compile(
    rf"(?:{_ARABIC}|[{_CN}]+)"
    rf"(?:[余多]?[万萬亿億])?"
)


def _fw(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c == "．" else c for c in s)


def _parse_cn_small(s: str) -> int | None:
    """Chinese numerals below 10,000: 三十, 一百二十, 十五, 二〇二四 (digit by digit)."""
    if not s:
        return None
    if all(c in DIGITS for c in s):
        if len(s) == 1:
            return DIGITS[s]
        return int("".join(str(DIGITS[c]) for c in s))  # 二〇二四 style
    total, cur = 0, None
    for c in s:
        if c in DIGITS:
            cur = DIGITS[c]
        elif c in SMALL_UNITS:
            total += (1 if cur is None else cur) * SMALL_UNITS[c]
            cur = None
        else:
            return None
    return total + (cur or 0)


def parse_number(expr: str) -> float | None:
    """The value of a number expression, or None when it is not one.

    >>> parse_number("1.7万"), parse_number("10余万"), parse_number("三十"), parse_number("两")
    (17000.0, 100000.0, 30.0, 2.0)
    >>> parse_number("1,200"), parse_number("一百二十"), parse_number("１２"), parse_number("百分之九十")
    (1200.0, 120.0, 12.0, 90.0)
    >>> parse_number("99%"), parse_number("三万五千"), parse_number("abc")
    (99.0, 35000.0, None)
    """
    s = _fw(expr.strip()).replace(",", "").replace("，", "").replace("余", "").replace("多", "")
    s = s.rstrip("%％")
    if s.startswith("百分之"):
        s = s[3:]
    if not s:
        return None
    small = _DIGITS_SMALL_UNIT.fullmatch(s)  # 7千, 3百: digits with a Chinese unit
    if small:
        return float(small.group(1)) * SMALL_UNITS[small.group(2)]
    mult = 1
    while s and s[-1] in BIG_UNITS:
        mult *= BIG_UNITS[s[-1]]
        s = s[:-1]
    if not s:
        return float(mult) if mult > 1 else None
    try:
        return float(s) * mult
    except ValueError:
        pass
    # Chinese numerals, possibly with an inner 万 (三万五千)
    for big, val in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if big in s:
            hi, lo = s.split(big, 1)
            h = parse_number(hi)
            lo_v = _parse_cn_small(lo) if lo else 0
            if h is None or lo_v is None:
                return None
            return (h * val + lo_v) * mult
    v = _parse_cn_small(s)
    return None if v is None else float(v) * mult


# Units, longest first so 人次 wins over 人 and 万元 over 万. Money in 万元/亿元
# is folded into 元 (value multiplied). Time, age and length units are listed
# so that callers can recognise and reject them.
COUNT_UNITS = ("人次", "户次", "条次", "场次", "家次", "车次", "架次", "台次", "组次", "班次", "批次", "轮次", "趟次",
               "余人", "万元", "亿元",
               "起", "人", "次", "户", "元", "个", "件", "名", "场", "份", "条", "家", "支", "套",
               "处", "所", "辆", "台", "张", "本", "项", "批", "期", "篇", "路", "宗", "位", "部",
               "把", "块", "幅", "单", "笔", "例", "只", "间", "栋", "座", "吨", "种", "类", "组", "队",
               "面", "封")
NON_OUTCOME_UNITS = ("个工作日", "个小时", "个月", "周年", "平方公里", "平方米", "公里", "千米", "米", "小时", "分钟", "秒", "岁", "年", "月",
                     "日", "天", "号", "周", "届", "级", "倍", "公斤", "克", "亩", "楼", "层", "室")
PRE_QUALIFIERS = ("超过", "近", "约", "超", "逾", "达", "共")  # only 近 约 超(过) 逾 become qualifiers
_PRE_Q = {"超过": "超", "超": "超", "逾": "超", "近": "近", "约": "约"}

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(COUNT_UNITS + NON_OUTCOME_UNITS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<pre>超过|近|约|超|逾)?"
    rf"(?P<pct1>百分之)?"
    rf"(?P<num>[0-9](?: [0-9])+(?= ?[%％])|{_ARABIC}|[{_CN}]+)"  # (3 7 %: digits spaced by a PDF)
    rf"(?:[-~～—至到](?P<hi>{_ARABIC}))?"
    rf"(?P<mid>[余多])?"
    rf"(?P<big>[万萬亿億](?!元)|(?<=[0-9０-９])[千百](?![米克瓦]))?"  # 7千户, 3百余人: digits and a Chinese unit
    rf"(?P<mid2>[余多])?"
    rf"(?P<pct>[ \u3000]?[%％]|个百分点|成(?![立为员功果效绩本熟长年就交效型片风了]))?"
    rf"(?:[ \u3000]?(?P<unit>{_UNIT_ALT}))?"
    rf"(?P<post>以上|余|多|左右)?"
)


# Every character a QUANTITY match can start with (a qualifier, 百分之, a digit, a numeral).
QUANTITY_START = re.compile(rf"[超近约逾0-9０-９{_CN}]")


def scan(rx: re.Pattern[str], start_chars: re.Pattern[str], text: str, pos: int = 0,
         endpos: int | None = None) -> list[re.Match[str]]:
    """The matches ``rx.finditer(text, pos, endpos)`` gives, found faster.

    ``re`` tries a pattern that opens with an optional part or an alternation
    at every position of the text; ``start_chars`` (a character class holding
    every character a match of ``rx`` can start with) jumps to the few places
    where one may start. ``rx`` must not match the empty string.
    """
    end = len(text) if endpos is None else endpos
    out: list[re.Match[str]] = []
    while (c := start_chars.search(text, pos, end)) is not None:
        m = rx.match(text, c.start(), end)
        if m:
            out.append(m)
            pos = m.end()
        else:
            pos = c.start() + 1
    return out


@dataclass(frozen=True)
class Quantity:
    """One number found in text, with what it counts."""

    start: int
    end: int
    value: float | None  # None for a vague amount (数千起)
    unit: str | None  # "%", "起", "元" ... or None
    qualifier: str | None  # 以上 | 余 | 约 | 近 | 超 | None
    text: str
    chinese: bool = False  # written in Chinese numerals
    high: float | None = None  # upper bound of a range (10-20)

    @property
    def rejected_unit(self) -> bool:
        """Counts time, age, length or area: never an outcome figure."""
        return self.unit in NON_OUTCOME_UNITS


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its unit and qualifier.

    >>> [(q.value, q.unit, q.qualifier) for q in find_quantities("挽回损失约20余万元，成功率达98%以上")]
    [(200000.0, '元', '余'), (98.0, '%', '以上')]
    >>> [(q.value, q.unit) for q in find_quantities("巡防1200余人次、百分之九十五")]
    [(1200.0, '人次'), (95.0, '%')]
    >>> [(q.value, q.unit, q.qualifier) for q in find_quantities("警情下降近三成，化解纠纷数千起，温暖千家万户")]
    [(30.0, '%', '近'), (None, '起', None)]
    """
    out: list[Quantity] = []
    for m in scan(QUANTITY, QUANTITY_START, text):
        num = m.group("num").replace(" ", "")
        chinese = not ("0" <= num[0] <= "9" or "０" <= num[0] <= "９")
        if chinese and not _cn_ok(num):
            continue
        base = parse_number(num + (m.group("big") or ""))
        if base is None:
            continue
        prev = text[m.start() - 1:m.start()] if m.start() else ""
        vague = chinese and prev == "数"  # 数千起: an amount without a value
        if chinese and not vague and _idiom(num, m):
            continue
        unit = m.group("unit")
        if chinese and unit in ("条", "只", "双") and m.string[m.end():m.end() + 1] in ("腿", "手", "脚", "眼", "心"):
            continue  # 出警就靠两条腿, 一双手: a figure of speech, not an amount
        pct = (m.group("pct") or "").strip() or m.group("pct1")
        if len(num) == 1 and num in _FINANCIAL and not m.group("big"):
            if not (unit or (pct or "").strip("成")):
                continue  # a financial numeral alone is a word's character (队伍, 拾金不昧), not an amount
            if num in "伍拾陆" and "元" not in (unit or "") and "\u4e00" <= prev <= "\u9fff" \
                    and prev not in "共计达为有第约近超":
                continue  # 队伍组建 is not 5组: a lone financial numeral inside a word (队伍, 退伍, 登陆)
        if pct:
            unit = "%" if pct != "个百分点" else "个百分点"
            if pct == "成":
                base *= 10  # 三成 = 30%
        value = None if vague else base
        if unit == "万元":
            value, unit = None if vague else base * 10_000, "元"
        elif unit == "亿元":
            value, unit = None if vague else base * 100_000_000, "元"
        elif unit == "余人":
            unit = "人"
        elif unit == "个" and m.string.startswith("人", m.end()) and m.string[m.end() + 1:m.end() + 2] not in ("民", "员", "次"):
            unit = "人"  # 救了8个人: people counted (3个人民调解委员会 stays 个)
        qual = None
        if m.group("mid") or m.group("mid2") or m.group("post") in ("余", "多") or m.group(0).endswith("余人"):
            qual = "余"
        if m.group("post") == "以上":
            qual = "以上"
        if m.group("pre") and not qual:
            qual = _PRE_Q.get(m.group("pre"))
        elif m.group("pre") == "约" and qual == "余":
            qual = "余"
        hi = parse_number(m.group("hi")) if m.group("hi") else None
        if m.group("post") == "左右" and not qual:
            qual = "约"
        out.append(Quantity(m.start(), m.end(), value, unit, qual, m.group(0), chinese, hi))
    return out


def _idiom(num: str, m: re.Match) -> bool:
    """A bare 十/百/千 with nothing that makes it an amount: 化解百家事, 千家万户.

    近百起, 百余起, 上千人 are amounts; 百家, 千家 alone are figures of speech.
    """
    if len(num) != 1 or num not in "十拾百佰千仟":
        return False
    prev = m.string[m.start() - 1:m.start()] if m.start() else ""
    return not (m.group("pre") or m.group("mid") or m.group("mid2") or m.group("post") in ("余", "多", "以上")
                or prev in ("上", "近", "超", "逾", "约"))


def _cn_ok(num: str) -> bool:
    """A Chinese numeral run that plausibly is a number (not 一 in 一起/统一)."""
    if num in ("一", "零", "〇", "○"):
        return False
    if _rough(num):
        return False
    return _parse_cn_small(num) is not None or any(c in num for c in "万萬亿億")


def _rough(num: str) -> bool:
    """两三 / 四五 / 三五: two neighbouring digits are a rough guess (调解四五次), not a figure."""
    if len(num) != 2 or not all(c in DIGITS for c in num):
        return False
    a, b = DIGITS[num[0]], DIGITS[num[1]]
    return a > 0 and b - a in (1, 2)
