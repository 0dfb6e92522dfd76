"""Chinese and Arabic number expressions -> numbers.

News text mixes forms: ``1.7万``, ``10余万``, ``三十``, ``两``, ``5000余``,
``一百二十``, ``２０２４``. :func:`parse_number` turns one expression into a
float; :data:`NUMBER` is a regex that finds them (with an optional
qualifier such as 余/多/近/约/超/以上 handled by the callers).
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
          "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_CN = "零〇○一二两兩三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟"
# An Arabic number (full- or half-width, with separators), or a run of Chinese
# numerals; either may carry 余/多 inside (10余万) and a trailing 万/亿.
NUMBER = re.compile(
    rf"(?:[0-9０-９]+(?:[,，][0-9０-９]{{3}})*(?:[.．][0-9０-９]+)?|[{_CN}]+)"
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
    """
    s = _fw(expr.strip()).replace(",", "").replace("，", "").replace("余", "").replace("多", "")
    if not s:
        return None
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
