"""Article metadata: title, source (publisher), date, author, doctrine.

The cleaner keeps metadata lines out of the body but records them in
``CleanDoc.removed`` (kinds meta, dateline, signature, tagline); this step
reads them, then the HTML metadata, and normalizes everything to simplified
script. Only the head/tail metadata is used for the date: a date in the body
is an event date, not the publication date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .clean import DATE_NAME_LINE, OUTLET_NAME, PAGE_TITLE_SUFFIX, SPACED_YEAR, surnames
from .document import CleanDoc, Removed
from .model import Extraction
from .normalize import strip_pinyin, to_simplified

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# Field keys of metadata lines, longest first so 发布时间 wins over 时间.
_KEYS = sorted(
    "发布时间 发表时间 发布日期 更新时间 时间 日期 来源 稿源 出处 作者 撰稿 撰文 供稿 记者 通讯员 编辑 责任编辑 "
    "责编 点击数 点击 浏览次数 浏览量 浏览 阅读量 阅读数 阅读 字号 摄影 文/图 图/文 文图 图文 文 图".split(),
    key=len, reverse=True,
)
_FIELD = re.compile(rf"({'|'.join(_KEYS)})\s*[:：/／|｜]")
_DATE_KEYS = {"发布时间", "发表时间", "发布日期", "更新时间", "时间", "日期"}
_SOURCE_KEYS = {"来源", "稿源", "出处"}
_AUTHOR_KEYS = {"作者", "撰稿", "撰文", "供稿", "记者", "通讯员", "文", "文/图", "图/文", "文图", "图文"}
# "张三 某某报全媒体记者 李四 文/图": the names come before a trailing role word
_TRAILING_ROLE = re.compile(r"\s(?:文\s*[/／]\s*图|图\s*[/／]\s*文|图文|文图|文)\s*$")
_OUTLET = r"(?:报|网|台|社|刊|杂志|客户端|频道|新闻|融媒)"
# "四川法治报全媒体记者": the outlet a reporter writes for
_OUTLET_REPORTER = re.compile(rf"([{HAN}]{{2,14}}?{_OUTLET}(?:[{HAN}]{{1,3}}版)?)(?:全媒体|全媒|融媒体|首席|特约|见习|驻[{HAN}]{{1,4}})?(?:记者|通讯员)")
# "中国人民公安大学出版社  2025/7/23 14:43": a publisher before a time stamp
_SOURCE_BEFORE_DATE = re.compile(rf"^(?:[{HAN}]{{2,4}}\s{{2,}})?([{HAN}A-Za-z·]{{2,30}}{_OUTLET})(?:\s+|\s*[/／]\s*)\d{{4}}\s*[-/.年]")
# 2024-01-13, 2024年1月13日, 2024 01/13 (a page's time stamp with a space after the year)
_DATE = re.compile(rf"((?:19|20)\d{{2}})(?:\s*[-/.年]\s*[/／]?\s*|{SPACED_YEAR})(\d{{1,2}})\s*[-/.月]\s*[/／]?\s*(\d{{1,2}})(?!\d)")
_ROLE = re.compile(
    r"(?:本报|本台|本网|特约|见习|融媒体|首席)?(?:记者|通讯员)|作者|撰稿|撰文|供稿|文|图文|文图|报道|实习生"
)
# "Anonymous" and other placeholders in an author field: no author
_NO_AUTHOR = frozenset({"佚名", "匿名", "未知", "不详", "无名", "网络", "本站", "原创", "综合"})
_NAME = re.compile(rf"^[{HAN}]{{2,4}}$|^[{HAN}]{{1,6}}·[{HAN}]{{1,8}}$")
# Role words that introduce names in a byline or a dateline bracket.
_BYLINE = re.compile(
    rf"(?:(?:本报|本台|本网|特约|见习|融媒体|首席)?记者|通讯员|作者|撰稿|撰文|^文)\s*[:：/／]?\s*"
    rf"([{HAN}·]{{2,10}}(?:[\s、，,]+[{HAN}·]{{2,10}}){{0,6}})"
)
# A bracket holding only names (2-4 Han characters each)
_BRACKET_NAMES = re.compile(rf"[（(]\s*([{HAN}]{{2,4}}(?:[\s、，,]+[{HAN}]{{2,4}}){{0,5}})\s*[)）]")
_OUTLET_DASH = re.compile(rf"^([{HAN}]{{2,10}}?{_OUTLET})\s*[-—–]+\s*[{HAN}]")
_PAPER_COLUMN = re.compile(rf"^([{HAN}]{{2,8}}?(?:日报|晚报|法治报|法制报|政法报))(?![社网])[{HAN}·]{{2,}}")
_NOT_SOURCE = re.compile(r"^(?:本站|本网|本报|原创|网络|互联网|网友|未知|转载|综合)")
_DATELINE_SRC = re.compile(
    rf"^[【\[]?\s*([^\s，。“”\"（）()【】\[\]]{{2,20}}?(?:报|网|台|社|客户端|融媒|新闻|频道))讯"
    r"|^[【\[]?\s*(新华社|中新社|中新网)"
    # 某某联盟讯(记者 … 文/图): any name before 讯 when a reporter bracket follows
    rf"|^[【\[]?\s*([{HAN}]{{2,20}}?)讯\s*[（(](?=[^)）]{{0,40}}(?:记者|通讯员|文|图))"
    # 某某网某地3月2日电: an outlet, a place and a date before 电
    rf"|^[【\[]?\s*([{HAN}]{{2,8}}?(?:网|社|报|台))[{HAN}]{{0,8}}\d{{1,2}}月\d{{1,2}}日\s*电"
)
_SITE_SPLIT = re.compile(r"——|—|--|-|_|｜|\||:|：")
_EDITOR_OUTLET = re.compile(rf"^[【\[（(]?\s*(?:责任编辑|编辑|责编)\s*[:：]\s*([^\s\-—]{{2,15}})\s*(?:-{{2,}}|—+)\s*([{HAN}·]{{2,10}})\s*[)）】\]]?$")
_NAME_LIKE_OUTLET = re.compile(rf"^[{HAN}]{{2,3}}$")  # a bare 2-3 character name is a person, not an outlet
# Doctrines an article may invoke (general knowledge of Chinese grassroots governance).
DOCTRINES = ("枫桥经验", "浦江经验", "后陈经验")
_QUOTES = re.compile(r"[“”‘’\"'「」『』]")


def _fields(line: str) -> list[tuple[str, str]]:
    """``发布时间:2025-06-17 来源:中国报道`` -> [(发布时间, 2025-06-17), (来源, 中国报道)]."""
    out = []
    ms = list(_FIELD.finditer(line))
    for k, m in enumerate(ms):
        end = ms[k + 1].start() if k + 1 < len(ms) else len(line)
        out.append((m.group(1), line[m.end():end].strip()))
    return out


def iso_date(text: str) -> str | None:
    """The first valid date in ``text`` as YYYY-MM-DD."""
    for m in _DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _names(value: str) -> list[str]:
    """Person names in a byline value: 张三 李四、王五 -> [张三, 李四, 王五] (role words dropped)."""
    out = []
    toks = re.split(r"[\s、，,;；/／:：]+", value)
    # a two-character name spaced out to the width of three (王 五 欧阳某): one name
    single = surnames()[0]
    k = 0
    while k < len(toks) - 1:
        a, b = toks[k], toks[k + 1]
        if len(a) == len(b) == 1 and a in single and re.fullmatch(f"[{HAN}]", b):
            toks[k : k + 2] = [a + b]
        k += 1
    for tok in toks:
        if _ROLE.fullmatch(tok):
            continue
        m = _ROLE.match(tok)  # 记者张三 -> 张三, but 文静 stays a name
        if m and len(tok) - m.end() >= 2:
            tok = tok[m.end():]
        if _NAME.match(tok) and tok not in out and tok not in _NO_AUTHOR:
            out.append(tok)
    return out


def _page_suffix(clean: CleanDoc, title: str | None) -> re.Match | None:
    """``_某某报_2025年05月07日A08`` after an e-paper headline (in the title or cut off it):
    the newspaper and its edition date."""
    if title and (m := PAGE_TITLE_SUFFIX.search(to_simplified(title.strip()))):
        return m
    return next((m for r in _meta_pieces(clean, {"meta"}) if (m := PAGE_TITLE_SUFFIX.search(to_simplified(r.text)))),
                None)


_URL = re.compile(r"^\s*(?:https?://|www\.)([A-Za-z0-9.-]+)", re.I)


def _url_host(value: str) -> str | None:
    """来源: https://www.example.cn/a/1.html names a site, not a publisher: its host (example.cn) is
    the last resort when nothing else names the publisher."""
    m = _URL.match(value)
    return m.group(1).lower().removeprefix("www.") if m else None


def _clean_source(value: str) -> str | None:
    if _URL.match(value):
        return None  # a web address is no publisher's name (see _url_host)
    if (m := re.search(r"《([^》]{2,20})》?$", value.strip())) and re.search(_OUTLET + "$", m.group(1)):
        value = m.group(1)  # 光明网-《光明日报》: the paper the site reprints
    v = value.strip().strip("《》“”\"'「」【】[]")
    if m := _OUTLET_REPORTER.match(v):  # 来源:河南日报记者 王斌
        v = m.group(1)
    v = re.split(r"[\s　]+", v)[0] if v else v
    v = re.sub(r"\d{4}\s*[-/.年]\s*\d{1,2}.*$", "", v)  # 平安宁夏2023-01-25: the page's time stamp glued on
    v = v.strip("《》“”\"'「」【】[]")
    if "·" in v and re.search(_OUTLET + "$", v.split("·")[0]):
        v = v.split("·")[0]  # 某某新闻·某某号·政务: the publisher, not its channel
    if m := _OUTLET_DASH.match(v):
        v = m.group(1)  # 某某网-某某频道: the publisher, not its channel
    if (m := _PAPER_COLUMN.match(v)) and not re.fullmatch(rf"[{HAN}]{{1,3}}版", v[m.end(1):]):
        v = m.group(1)  # 某某日报地方新闻: the newspaper, not its page or column
    if not v or len(v) > 30 or _NOT_SOURCE.match(v) or not re.search(f"[{HAN}A-Za-z]", v):
        return None
    return v


# Where a page names its publisher outside the metadata fields (read in this order).
_NAMED = rf"[{HAN}A-Za-z]{{2,12}}?"
_OUTLET_END = rf"(?:{_OUTLET}|在线|周末)"  # the outlet words, and 某某在线, 某某周末
# 某某日报·某某云记者, 某某报-某某客户端记者: a reporter of the outlet (its app after the dot or dash)
_REPORTER_CREDIT = re.compile(rf"({_NAMED}{_OUTLET_END}|{_NAMED}传媒集团)(?:[·\-—][{HAN}]{{1,8}})?"
                              rf"(?:全媒体|融媒体|首席|特约|见习)?记者")
_PUBLISHER_CUES = tuple(re.compile(p) for p in (
    # 新华社武汉2月5日电, 浙江在线杭州5月13日讯, 四川法制在线讯：, 央视网消息：a dateline lead
    rf"^[【\[]?\s*({_NAMED}{_OUTLET_END})[{HAN}]{{0,8}}?\d{{1,2}}月\d{{1,2}}日\s*(?:电|讯)",
    rf"^[【\[]?\s*({_NAMED}{_OUTLET_END})(?:讯|消息)(?:[:：\s（(]|$)",
    _REPORTER_CREDIT.pattern,
    r"《([^》]{2,12})》\s*记者",
    # 凡本报署名文字…版权均属某某晚报所有, 本文不代表某某网立场: the site's own notices
    rf"版权(?:均)?(?:属|归)于?\s*({_NAMED}{_OUTLET_END})\s*所有",
    rf"本文不代表\s*({_NAMED}{_OUTLET_END})\s*(?:的)?立场",
    # 您当前的位置：某某网 > 频道, 某某网>>某某频道: the site's location bar
    rf"(?:您(?:当前)?的?位置|当前位置)\s*[:：]\s*({_NAMED}{_OUTLET_END})\s*>",
    rf"^({_NAMED}{_OUTLET_END})\s*>>",
    # 某某工作 2021年7期: a magazine and its issue; 《 某某日报 》( 2025年12月18日: a paper and its date
    rf"^({_NAMED})\s+\d{{4}}年\d{{1,2}}期",
    rf"《\s*({_NAMED}{_OUTLET_END})\s*》\s*[（(]\s*\d{{4}}年",
    # 专栏名称：某某公安, 关注订阅某某公安官方微信公众号: the public account that published it
    rf"专栏名称\s*[:：]\s*([{HAN}]{{2,12}})",
    rf"关注(?:订阅)?([{HAN}]{{2,12}}?)(?:官方)?微信公众号",
))


def _outside_fields(clean: CleanDoc) -> list[str]:
    """Removed metadata, then the first and last lines of the text, then site furniture."""
    lines = [ln.strip() for ln in clean.text.split("\n") if ln.strip()]
    texts = [r.text for r in clean.removed if r.kind not in ("nav", "related", "widget")] + lines[:3] + lines[-3:] \
        + [r.text for r in clean.removed if r.kind in ("nav", "related", "widget")]
    return [to_simplified(strip_pinyin(t)).strip() for t in texts]


def _source_outside_fields(texts: list[str]) -> str | None:
    """The publisher named by a dateline, a reporter credit, a copyright notice, a location
    bar or an issue line in ``texts`` (:func:`_outside_fields`)."""
    for cue in _PUBLISHER_CUES:
        for t in texts:
            if (m := cue.search(t)) and (v := _clean_source(m.group(1))) and not v.startswith("本"):
                return v
    return None


_CREDIT_NAMES_END = re.compile(r"[。，,！？!?；;（(“]|在|从|来到|走进|获悉|跟随|随同|深入|近日|日前")
_CREDIT_ROLES = re.compile(r"通讯员|记者|实习生")
_PHOTO_CREDIT = re.compile(rf"^\s*[{HAN}·]{{2,4}}(?:[\s、][{HAN}·]{{2,4}})*\s*摄")


def _authors_outside_fields(texts: list[str]) -> list[str]:
    """Reporters named after their outlet's credit (新华社记者宋立崑, 某某晚报·某某记者张三通讯员李四)
    in ``texts`` (:func:`_outside_fields`), when no byline field names anyone."""
    single, double = surnames()
    for t in texts:
        for m in _REPORTER_CREDIT.finditer(t):
            rest = _CREDIT_NAMES_END.split(t[m.end():m.end() + 40], maxsplit=1)[0]
            if _PHOTO_CREDIT.match(rest):
                continue  # 某某报记者 张三摄: who took the picture
            names = [n for n in _names(_CREDIT_ROLES.sub(" ", rest))
                     if n[0] in single or n[:2] in double]
            if names:
                return names
    return []


def _source_from_editor_line(clean: CleanDoc) -> str | None:
    """``编辑:派出所工作----石虹``: an outlet and its editor joined by a dash run."""
    for r in _meta_pieces(clean, {"editor"}):
        m = _EDITOR_OUTLET.match(to_simplified(strip_pinyin(r.text)).strip())
        if m and _NAME.match(m.group(2)) and not _NAME_LIKE_OUTLET.match(m.group(1)):
            return _clean_source(m.group(1))
    return None


def _meta_pieces(clean: CleanDoc, kinds: set[str]) -> list[Removed]:
    return [r for r in clean.removed if r.kind in kinds]


def _authors(clean: CleanDoc, meta: list[Removed]) -> list[str]:
    names: list[str] = []
    for r in meta:
        s = to_simplified(strip_pinyin(r.text)).strip()
        if r.kind == "signature":
            inner = s.strip().strip("（()）").strip()
            found = _names(inner)
        elif r.kind == "dateline":
            found = [n for m in _BYLINE.finditer(s) for n in _names(m.group(1))]
            if not found and (m := _BRACKET_NAMES.search(s)):
                found = _names(m.group(1))  # 某某网:(张三 李四): names alone in the bracket
        elif m := DATE_NAME_LINE.match(s):
            found = _names(m.group(1))  # 2021-02-28陈浩
        elif (trail := _TRAILING_ROLE.search(s)) and not _FIELD.search(s[: trail.start()]):
            found = _names(s[: trail.start()])
        else:
            found = []
            for key, value in _fields(s):
                if key in _AUTHOR_KEYS:
                    found += _names(value)
                elif key in _SOURCE_KEYS and (m := _OUTLET_REPORTER.match(value)):
                    found += _names(value[m.end():])  # 来源:某某日报记者 张三
            if not found and not _FIELD.search(s):
                found = [n for m in _BYLINE.finditer(s) for n in _names(m.group(1))]
        names += [n for n in found if n not in names and not _is_place_short(n)]
    # 2021-09-05 14:33沈泓徐诚 over a byline 沈泓 徐诚: the two names glued together are no third
    return [n for n in names if not any(n == a + b for a in names for b in names if n not in (a, b))]


def _is_place_short(name: str) -> bool:
    """宁夏, 绍兴: a province's or prefecture's short name read as a byline name."""
    from .gazetteer import gazetteer

    shorts = gazetteer().by_short
    return name in shorts["province"] or name in shorts["prefecture"]


# A headline joined to the outlet's name over it: 某某政法报|架起新“枫桥”
_TITLE_OUTLET = re.compile(rf"^\s*({OUTLET_NAME})\s*[|｜]")
_OUTLET_ONLY = re.compile(rf"^{OUTLET_NAME}$")


def _headline(title: str) -> str | None:
    """``栏目|标题`` / ``标题|网站``: the headline, without a short column or site name
    on the other side of the bar."""
    parts = [p.strip() for p in re.split(r"[|｜]", title)]
    if len(parts) == 2 and min(len(p) for p in parts) <= 8 and max(len(p) for p in parts) >= 8:
        return max(parts, key=len)
    return title or None


def fill_article(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Fill ``ext.article`` (title, source, date, author, doctrine) in simplified script."""
    art = ext.article
    src = clean.source
    meta = _meta_pieces(clean, {"meta", "dateline", "signature"})
    html = src.html_meta or {}

    title = clean.title or src.html_title
    page = _page_suffix(clean, title)
    if title and page and PAGE_TITLE_SUFFIX.search(to_simplified(title.strip())):
        title = to_simplified(title.strip())[: page.start()]
    art.title = _headline(to_simplified(title.strip())) if title else None
    masthead = _TITLE_OUTLET.match(to_simplified(title.strip())) if title else None  # 某某政法报|标题

    source = _clean_source(page.group(1)) if page else None
    date = iso_date(page.group(2)) if page else None
    host = None
    for r in _meta_pieces(clean, {"meta"}):
        for key, value in _fields(to_simplified(strip_pinyin(r.text))):
            if source is None and key in _SOURCE_KEYS:
                source = _clean_source(value)
                host = host or _url_host(value)
            if date is None and key in _DATE_KEYS:
                date = iso_date(value)
    if date is None:  # a date standing alone or before the first field of a metadata line
        date = next((d for r in _meta_pieces(clean, {"meta"}) if (d := iso_date(r.text))), None)
    if source is None and masthead:
        source = _clean_source(masthead.group(1))
    if source is None:  # a newspaper's name alone on a line over the headline
        source = next((_clean_source(t) for r in _meta_pieces(clean, {"meta"})
                       if _OUTLET_ONLY.match(t := to_simplified(r.text).strip())), None)
    if source is None:
        source = next((_clean_source(m.group(1)) for r in _meta_pieces(clean, {"meta"})
                       if (m := _SOURCE_BEFORE_DATE.match(to_simplified(strip_pinyin(r.text)).strip()))), None)
    if source is None:
        for r in _meta_pieces(clean, {"dateline"}):
            m = _DATELINE_SRC.match(to_simplified(strip_pinyin(r.text)))
            if m:
                source = _clean_source(m.group(1) or m.group(2) or m.group(3) or m.group(4) or "")
                break
    if source is None:
        for r in _meta_pieces(clean, {"meta", "dateline"}):
            m = _OUTLET_REPORTER.search(to_simplified(strip_pinyin(r.text)))
            if m and (source := _clean_source(m.group(1))):
                break
    if source is None:
        source = _source_from_editor_line(clean)
    if source is None and html.get("sitename"):
        source = _clean_source(to_simplified(html["sitename"]))
    outside: list[str] | None = None  # read once, for the publisher and the authors
    if source is None:
        outside = _outside_fields(clean)
        source = _source_outside_fields(outside)
    if source is None:
        for r in _meta_pieces(clean, {"tagline"}):
            parts = _SITE_SPLIT.split(to_simplified(strip_pinyin(r.text)).strip(), maxsplit=1)
            if len(parts) == 2 and 2 <= len(parts[0].strip()) <= 15:
                source = _clean_source(parts[0])
                break
    if date is None and html.get("date"):
        date = iso_date(html["date"])
    art.source = source or host
    art.date = date

    names = _authors(clean, meta)
    if not names:
        names = _authors_outside_fields(outside if outside is not None else _outside_fields(clean))
    if not names and html.get("author"):
        names = _names(to_simplified(html["author"]))
    art.author = "、".join(names) if names else None

    body = _QUOTES.sub("", clean.simp)
    art.doctrine = [d for d in DOCTRINES if d in body]
