"""Name normalization shared by extraction, concept merging and evaluation.

EXTRACTION.md compares names after: removing pinyin glosses, traditional ->
simplified, removing quote marks, full-width -> half-width ASCII, stripping
white space. Everything that compares names goes through :func:`normalize_name`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A pinyin gloss right after a Han character: 報(bào), 鎮（zhèn）.
PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])[(（]\s*[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,8}\s*[)）]"
)
QUOTES = "“”‘’\"'「」『』《》〈〉"
_QUOTE_TABLE = {ord(c): None for c in QUOTES}


# A pattern written in the code, compiled once: the extractors' helpers run tens of
# thousands of times per article, and re's own cache lookup costs more than most matches.
compiled = lru_cache(maxsize=2048)(re.compile)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # lazy: nothing heavy at import time

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, keeping the length when the converter allows it."""
    if not text:
        return text
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out.translate(_VARIANTS)
    # A phrase conversion changed the length: convert char by char instead so
    # that offsets stay aligned.
    conv = _t2s().convert
    return "".join(c if len(s := conv(c)) != 1 else s for c in text).translate(_VARIANTS)


# Variant characters the converter leaves alone but mainland text writes otherwise
# (畬族 in Taiwan and Hong Kong usage is 畲族).
_VARIANTS = str.maketrans({"畬": "畲"})


_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}


def fullwidth_to_halfwidth(text: str) -> str:
    """Full-width ASCII letters, digits and symbols -> half-width (same length)."""
    return text.translate(_HALFWIDTH)


def strip_pinyin(text: str) -> str:
    if "(" not in text and "（" not in text:
        return text  # no gloss without a bracket (the pattern tries every position: slow)
    return PINYIN_GLOSS.sub("", text)


@lru_cache(maxsize=65536)
def normalize_name(name: str | None) -> str:
    """The comparison form of a name (EXTRACTION.md); cached: names repeat a lot."""
    if not name:
        return ""
    s = strip_pinyin(name)
    s = to_simplified(s)
    s = s.translate(_QUOTE_TABLE)
    s = fullwidth_to_halfwidth(s)
    s = re.sub(r"\s+", "", s)
    return s


def read_lexicon(name: str) -> list[str]:
    """Lines of a lexicon file shipped in ``loaders/lexicons`` (comments and blanks dropped)."""
    from importlib.resources import files

    text = files("loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def mechanism_heads() -> tuple[str, ...]:
    """Head words, longest first, so 工作法 is stripped before 法-less forms."""
    return tuple(sorted(set(read_lexicon("mechanism_heads.txt")), key=len, reverse=True))


@lru_cache(maxsize=65536)
def concept_key(name: str | None) -> str:
    """The key that merges one practice's names into one shared concept.

    Normalizes, then strips trailing generic head words while a core of at
    least two characters remains: 一村一警 / “一村一警”警务模式 / 一村一警模式 share a key.
    """
    s = normalize_name(name)
    changed = True
    while changed:
        changed = False
        for head in mechanism_heads():
            if s.endswith(head) and len(s) - len(head) >= 2:
                s = s[: -len(head)]
                changed = True
                break
    return s


def find_all(term: str, text: str) -> list[int]:
    """Starts of the non-overlapping occurrences of a non-empty ``term`` (str.find: no per-name regex)."""
    out = []
    pos = text.find(term)
    while pos >= 0:
        out.append(pos)
        pos = text.find(term, pos + len(term))
    return out
