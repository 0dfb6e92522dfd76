"""Reading article files: bytes -> decoded text, never guessing silently.

The encoding is detected, not assumed: a byte-order mark first (UTF-8,
UTF-16 LE/BE), then strict UTF-8, then UTF-16 without a BOM (NUL bytes at
every other position), then charset-normalizer for the Chinese legacy
encodings (GB18030/GBK/GB2312 -> always decoded as gb18030, their superset;
Big5). Offsets everywhere in the project count code points of the decoded
text with the BOM removed (``SourceDoc.text``); ``\\r\\n`` is kept as it is.

HTML (by extension or by content) goes through trafilatura: its main text,
one paragraph a line, is ``SourceDoc.text`` (EXTRACTION.md counts HTML
offsets there) and its metadata fills ``html_title`` / ``html_meta``. Two
things make a page read like the same article in plain text: a page laid
out in tables is read with tables flattened (read as a table, the article's
cell comes out glued into one line), and the headline, which trafilatura
keeps out of its text, becomes the text's first line.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from html import unescape
from pathlib import Path
from typing import NamedTuple

from .clean import OUTLET_NAME
from .document import SourceDoc
from .normalize import strip_pinyin

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Control characters that never occur in text (tab, newlines, form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_HEAD = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,30})""", re.I)
_SNIFF = 4096
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_NAMES = {"gb2312", "gbk", "gb18030"}  # codecs.lookup() names of the GB family


class UnreadableFile(Exception):
    """A file that cannot be read as an article; ``reason`` says why."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_from_text(text: str, name: str = "text.txt", encoding: str = "utf-8") -> SourceDoc:
    """A SourceDoc for a string (notebooks, tests): offsets count in ``text`` as given."""
    return SourceDoc(path=name, text=text, encoding=encoding, kind="text", sha256=_sha256(text))


def _canonical(encoding: str) -> str:
    """Python's codec name; any GB family member becomes gb18030 (the superset)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return "gb18030" if name in _GB_NAMES else name


def _decode_strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NUL bytes sit almost only at even (BE) or odd (LE) positions."""
    sample = data[: 1 << 16]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    if total < max(2, len(sample) // 200):
        return None
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros >= 0.9 * total and len(data) % 2 == 0:
            text = _decode_strict(data, enc)
            if text is not None and not _mostly_control(text):
                return text, enc
    return None


def _utf8_truncated(data: bytes) -> str | None:
    """UTF-8 whose only fault is a multi-byte character cut off at the very end (a truncated file).

    The incomplete tail (at most 3 bytes) is dropped; anything invalid
    elsewhere is left to the detector.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    pending = decoder.getstate()[0]
    return text if 0 < len(pending) < 4 and text else None


def _mostly_control(text: str) -> bool:
    sample = text[:_SNIFF * 4]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample))
    return bad > max(2, len(sample) // 20)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_SNIFF * 4])
    return m.group(1).decode("ascii").lower() if m else None


def _decode(path: Path, data: bytes, html: bool) -> tuple[str, str]:
    """Decode ``data`` -> (text, encoding name); raises UnreadableFile."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom):], enc.replace("-sig", ""))
            if text is None:
                raise UnreadableFile(path, f"undecodable: not valid {enc.replace('-sig', '')} after its byte-order mark")
            return text, enc
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            return found
        raise UnreadableFile(path, "binary file (contains NUL bytes)")
    text = _decode_strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _utf8_truncated(data)
    if text is not None:
        return text, "utf-8"
    if html:
        declared = _declared_charset(data)
        if declared:
            enc = _canonical(declared)
            text = _decode_strict(data, enc)
            if text is not None:
                return text, enc
    from charset_normalizer import from_bytes  # lazy: only legacy encodings need it

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(path, "undecodable: not UTF-8, UTF-16, GB18030 or Big5")
    enc = _canonical(best.encoding)
    candidates = [enc] + (["cp950", "big5hkscs"] if enc == "big5" else [])
    for cand in candidates:
        text = _decode_strict(data, cand)
        if text is not None:
            return text, cand
    raise UnreadableFile(path, f"undecodable: looks like {best.encoding} but does not decode cleanly")


def _is_html(path: Path, data: bytes) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = data[:_SNIFF].lstrip()
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:].lstrip()
    if head[:1] != b"<":
        return False
    return bool(_HTML_HEAD.search(head))


_PROSE_LINE = re.compile(r"[。，！？；,!?;]")
_PUNCT_SPACE = re.compile(r"\s*([，。！？；、：,!?;:])\s*")  # 统筹谋划 , 多措并举 。 (spaced scrapes)
_STRETCH = re.compile(r"\s+|(?<=[。！？!?；;])")


def _prose(text: str | None) -> int:
    """Han characters in stretches that read as sentences (punctuated, 15+ Han characters,
    between line breaks, spaces or sentence ends): what an article's body is made of, unlike
    menus, related-article lists, metadata and captions (also when a table cell glues them
    to it). A stretch written twice counts once."""
    total = 0
    for part in set(_STRETCH.split(_PUNCT_SPACE.sub(r"\1", text or ""))):
        n = len(_HAN.findall(part))
        if n >= 15 and _PROSE_LINE.search(part):
            total += n
    return total


def _layout_cell(text: str | None) -> bool:
    """A table cell read as one line that holds paragraphs of prose: a layout table, not data."""
    return any(line.startswith("|") and _prose(line) >= 100 for line in (text or "").splitlines())


def _flat_reading_wins(tab: str | None, flat: str | None) -> bool:
    """Whether a table page's reading without tables is the article: when the table reading
    glued it into one layout cell (unless the flat one lost half the prose: the glued line
    counts its metadata and repeated stretches too), or when it holds clearly more prose
    (a data table inside an article stays a table)."""
    t, f = _prose(tab), _prose(flat)
    return (_layout_cell(tab) and f >= 0.5 * t) or f > 1.25 * t + 20


def _html_main_text(path: Path, html: str) -> tuple[str, str | None, dict[str, str]]:
    """Main text (one paragraph a line) and metadata of an HTML page via trafilatura."""
    import trafilatura  # lazy: heavy import

    options = dict(output_format="txt", include_comments=False, include_images=False,
                   include_links=False, deduplicate=False)
    text = trafilatura.extract(html, include_tables=True, **options)
    if "<table" in html.lower():
        # A page laid out in tables (e-papers, older government sites) has its article in
        # a cell, and read as a table the cell comes out as one line ("| 标题 发布时间… 正文… |":
        # headline, metadata and paragraphs glued) or as a fragment: read it again without tables.
        flat = trafilatura.extract(html, include_tables=False, **options)
        if _flat_reading_wins(text, flat):
            text = flat
    if not text or not text.strip():
        text = trafilatura.extract(html, output_format="txt", include_comments=False, favor_recall=True)
    if not text or not text.strip():
        raise UnreadableFile(path, "HTML without extractable main text")
    meta: dict[str, str] = {}
    title = None
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a broken <head> must not lose the text
        md = None
    if md is not None:
        title = (md.title or "").strip() or None
        for key in ("date", "author", "sitename", "description", "url"):
            val = getattr(md, key, None)
            if val:
                meta[key] = str(val).strip()
    titles = _page_titles(html)
    title = _headline(titles, title, meta)
    if title and titles.give(title) and not _holds(text, title):
        # trafilatura keeps the headline out of the main text; a plain-text article has it as
        # its first line, and what only the headline names (a practice, the station) is content
        text = title + "\n" + text
    # the headline as metadata carries no pinyin glosses (報(bào)), as a cleaned line does not
    return text, strip_pinyin(title) if title else None, meta


class _PageTitles(NamedTuple):
    """What the page itself says its headline is: its <title>s, <h1>s and og:/twitter:title
    (white space normalized), read once per page."""

    titles: list[str]
    h1s: list[str]
    metas: list[str]

    def give(self, title: str) -> bool:
        """Whether the page's <title>, <h1> or og:title holds ``title``."""
        bare = "".join(title.split())
        return any(bare in t.replace(" ", "") for t in (*self.titles, *self.h1s, *self.metas))

    def head(self) -> tuple[str | None, str]:
        """The page's headline and its whole <title>: an <h1> the <title> starts with, else the
        <title> without trailing site and channel names."""
        tag = self.titles[0] if self.titles else ""
        if not tag:
            return None, ""
        for text in self.h1s:
            if len(text) >= 4 and tag.startswith(text):
                return text, tag
        return _cut_site(tag), tag


def _page_titles(html: str) -> _PageTitles:
    found: tuple[list[str], list[str], list[str]] = ([], [], [])
    for m in _HEADLINE_TAGS.finditer(html):
        kind = next(i for i, g in enumerate(m.groups()) if g is not None)
        found[kind].append(_text_of(m.group(kind + 1)))
    return _PageTitles(*found)


def _headline(titles: _PageTitles, title: str | None, meta: dict[str, str]) -> str | None:
    """trafilatura's title checked against the page's own headline (:meth:`_PageTitles.head`):
    one the page does not give (taken from a list of other articles), one that is the site's
    name at the <title>'s end (a logo in an <h1>), or one cut at " | " gives way to the page's;
    a site name left at its end is cut; a paper's name alone (an e-paper's <title>) is no
    headline."""
    head, tag = titles.head()
    if title and head:
        if not titles.give(title) or (title not in head and (
                title in tag or (_SITE_NAME.fullmatch(title) and head != tag))):
            title = head
        elif title in head and len(head) > len(title):
            title = head
    if title:
        title = _cut_site(title)
    if title and (title == meta.get("sitename") or re.fullmatch(OUTLET_NAME, title)):
        meta.setdefault("sitename", title)
        return None  # (the cleaner finds the headline in the text)
    return title


_HEADLINE_TAGS = re.compile(
    r"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>"
    r"|<meta[^>]+(?:property|name)\s*=\s*[\"'](?:og:title|twitter:title)[\"'][^>]*content\s*=\s*[\"']([^\"']*)",
    re.I | re.S)
_SITE_NAME = re.compile(r".{2,20}(?:网站|门户|网|官网|客户端)")  # 山西省人民政府网站 in a logo's <h1>
# A site or channel name after the headline: 标题_某某网, 标题 - 法治 - 某某网, 标题--文化--人民网,
# 标题-新华网, 标题 | 某某网. A bar or a bare hyphen is followed by a site's name (or a short
# channel's), never by the rest of a headline (引题 | 主题); a dash (——) starts a subtitle.
_SITE_WORD = r"(?:网|网站|门户网站|报|频道|客户端|新闻)"
_SITE_SUFFIX = re.compile(r"\s*(?:_+|-{2,}|\s-\s)\s*[^_|｜]{1,20}$"
                          rf"|\s*[|｜]\s*(?:[^_|｜]{{1,8}}|[^_|｜]{{1,20}}{_SITE_WORD})$"
                          rf"|-[^-_|｜]{{1,16}}{_SITE_WORD}$")


def _text_of(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _cut_site(t: str) -> str:
    """``t`` without trailing site and channel names, never shorter than 4 characters."""
    while (cut := _SITE_SUFFIX.sub("", t)) != t and len(cut) >= 4:
        t = cut
    return t


def _holds(text: str, title: str) -> bool:
    """Whether the headline is already one of the text's first two lines (written again
    lower down, as a heading after the lead, it is a repeat, not the headline)."""
    bare = "".join(title.split())
    lines = [ln for ln in (text.split("\n", 8)[:8]) if ln.strip()][:2]
    return any(bare in "".join(ln.split()) for ln in lines)


def read_source(path: str | Path) -> SourceDoc:
    """Read one article file (.txt, .md, .html/.htm; HTML is also sniffed).

    Raises :class:`UnreadableFile` with a reason for a missing, empty, binary
    or undecodable file, an HTML page without main text, and a text with no
    Han characters (not a Chinese article).
    """
    p = Path(path)
    if not p.exists():
        raise UnreadableFile(p, "file not found")
    if not p.is_file():
        raise UnreadableFile(p, "not a regular file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise UnreadableFile(p, f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise UnreadableFile(p, "empty file" if not data else "empty file (white space only)")
    html = _is_html(p, data)
    text, encoding = _decode(p, data, html)
    if not text.strip():
        raise UnreadableFile(p, "empty file (white space only)")
    if _mostly_control(text):
        raise UnreadableFile(p, "binary file (mostly control characters)")
    kind = "html" if html or _is_html(p, text[:_SNIFF].encode("utf-8", "replace")) else "text"
    html_title, html_meta = None, {}
    if kind == "html":
        text, html_title, html_meta = _html_main_text(p, text)
    elif p.suffix.lower() in MARKDOWN_SUFFIXES:
        kind = "markdown"
    if not _HAN.search(text):
        raise UnreadableFile(p, "not an article: no Chinese (Han) characters")
    return SourceDoc(
        path=str(p), text=text, encoding=encoding, kind=kind, sha256=_sha256(text),
        html_title=html_title, html_meta=html_meta,
    )
