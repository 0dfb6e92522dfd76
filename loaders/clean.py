"""Cleaning and segmenting: source text -> CleanDoc with a map back to the source.

The cleaner works line by line (a line break always ends a paragraph) and
never rewrites text, it only leaves characters out, with one exception: a
``?`` that stands for a lost ``·`` inside a chain of short Han items
(``盘活?激活?灵活``) becomes ``·``. So ``offsets`` (clean index -> source
index) is strictly increasing and every clean span maps back to a source
slice.

What is left out (EXTRACTION.md section 1), each recorded in
``CleanDoc.removed`` with its kind and source span:

* whole lines: site navigation and menus, site taglines, footers, editor
  lines, photo credits, widgets (分享到/打印), lists of related articles
  (bulleted, or headlines each with its date; and everything list-like after
  the article has ended), repeated headlines,
  metadata lines (发布时间/来源/作者/文/记者 ...: metadata.py reads them);
* parts of lines: pinyin glosses (``報(bào)訊``), a trailing photo credit
  (the caption before it stays), a leading dateline (``XX报讯(通讯员 X)``),
  a trailing byline in brackets (``(党隆章)``), markdown markup.

Headings are short stand-alone lines without sentence punctuation that are
followed by a body paragraph; the headline (title) is the first title-like
line before the body starts. All decisions are made on the simplified form
of the line, so traditional articles follow the same rules.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from .document import CleanDoc, Paragraph, Removed, Section, Sentence, SourceDoc
from .normalize import PINYIN_GLOSS, to_simplified

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
_HAN3 = re.compile(f"[{HAN}]{{3}}")
_STRIP = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\u200c\u200d\ufeff\u0085\x1c\x1d\x1e\x1f"
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
TERMINATORS = "。！？!?；;"
_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)\]】》\"']*")
_FINAL_PUNCT = "。！？!?；;：:，,、…"

_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u030c\u0304"
_GLOSS = re.compile(rf"(?<=[{HAN}])[(（]\s*([a-zA-Zü{_TONES}]{{1,10}}[1-5]?)\s*[)）]")
_QMARK_CHAIN = re.compile(rf"[{HAN}]{{1,8}}(?:\?[{HAN}]{{1,8}}){{2,}}")

# --- whole-line rules (run on the simplified, stripped line) -------------
_NAV = re.compile(
    r"^(?:您的?)?(?:现在的|当前的?|所在)?(?:位置|所在位置)\s*[:：]|^当前位置|首页\s*(?:>|>>|»|›|→|＞|/)"
    r"|^首页$|^[>»›→＞/\s]+$|^[^。，,！？!?]{2,20}\s*[•·>»›/]\s*正文\s*$"
    # a breadcrumb of short items (某某网>>某某频道>>法治, 中国警察 >风采>正文, 首页 资讯 正文)
    r"|^[^\s>»›＞。，,！？!?]{1,12}(?:\s*(?:>>?|»|›|＞)\s*[^\s>»›＞。，,！？!?]{1,12})+\s*$"
    r"|^[^\s>»›＞。，,！？!?]{1,12}(?:\s*(?:>>?|»|›|＞))+\s*正文\s*$"  # 某某网 > > 正文: an empty crumb
    r"|^首页(?:\s+[^\s。，,]{1,8}){1,4}\s+正文$"
)
# An e-paper's page furniture: 2025年07月01日 上一期 下一期, 3上一篇 4下一篇, 本版面文章
_EPAPER_NAV = re.compile(r"上一期|下一期|上一版|下一版|上一篇|下一篇|本版面文章|本版文章|本版导航|版面导航|返回本版|返回目录")
# Strong footer words end a short line even with a full stop; weak ones only a line without one.
_FOOTER_STRONG = re.compile(
    r"版权所有|版权声明|版权归|copyright|©|ICP备|ICP证|公网安备|网安备|增值电信|互联网新闻信息服务"
    r"|出版许可证|视听节目许可|不良信息举报|未经授权|禁止转载|不得转载|转载请注明|免责声明",
    re.I,
)
_FOOTER_WEAK = re.compile(
    r"关于我们|联系我们|网站地图|广告服务|投稿邮箱|举报电话|举报邮箱|主办单位|主办\s*[:：]|承办\s*[:：]"
    r"|协办\s*[:：]|技术支持\s*[:：]|地址\s*[:：]|电话\s*[:：]|传真\s*[:：]|邮编\s*[:：]|e-?mail\s*[:：]"
    r"|电子邮件\s*[:：]",
    re.I,
)
_EDITOR = re.compile(
    r"^[【\[（(]?\s*(?:责任编辑|责编|编辑|主编|编审|审核|审校|审稿|校对|初审|复审|终审|一审|二审|三审"
    r"|值班编辑|美编|编校|监制|统筹|策划|排版|签发)\s*(?:[:：丨|/／]|\s+\S)"
)
_EDITOR_SUFFIX = re.compile(r"[【\[（(]\s*(?:责任编辑|责编|编辑|校对|审核)\s*[:：]?\s*[^()（）【】\[\]]{1,20}[)）】\]]\s*$")
_RELATED = re.compile(
    r"^[【\[■●◆▎|]?\s*(?:相关新闻|相关阅读|相关文章|相关链接|相关报道|相关推荐|延伸阅读|推荐阅读|阅读推荐|热门推荐"
    r"|热点推荐|热门文章|热门新闻|猜你喜欢|精彩推荐|更多新闻|更多精彩|更多阅读|往期回顾|往期精彩|上一篇|下一篇"
    r"|推荐新闻|新闻推荐|为你推荐|为您推荐|大家都在看|热门阅读"
    r"|上一条|下一条|上一页|下一页|今日热点|专题推荐|热点新闻|最新新闻|图片新闻)"
)
_WIDGET = re.compile(
    r"^(?:[【\[]?(?:分享到|分享至|分享|打印本页|打印|关闭窗口|关闭|收藏本文|加入收藏|收藏|字号|放大|原大|缩小|大|中|小|默认"
    r"|扫一扫|扫描二维码|二维码|返回顶部|返回首页|返回|纠错|我要纠错|我要评论|评论|点赞|转发|微信|微博"
    r"|朋友圈|QQ空间|QQ|复制链接|手机看|手机版|在看)[】\]]?[\s:：|/·、,，]*)+$",
    re.I,
)
_WIDGET_START = re.compile(r"^(?:扫一扫|扫码|手机扫|长按识别|长按二维码|点击关注|欢迎关注)")
# A site's promotion: 更多猛料！欢迎扫描左方二维码关注某某新闻官方微信
_PROMO = re.compile(r"^[^。]{0,20}(?:扫描|扫码|识别)[^。]{0,8}二维码[^。]{0,6}关注[^。]{0,40}$")
_NOISE = re.compile(r"^[（(]?(?:完|待续|未完待续|全文完|续完)[)）]?$")
# A page marker of a multi-page article: ( 三 ), (2)
_PAGE_MARK = re.compile(r"^[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]$")
# A site's "trending" / recommended line over the page: 今日特推: 另一条新闻
_TRENDING = re.compile(r"^[【\[]?(?:今日特推|今日推荐|今日关注|今日热点|特别推荐|重点推荐|编辑推荐|热点|热搜|热门|头条|焦点|推荐|置顶)"
                       r"[】\]]?\s*[:：|｜]")
# An e-paper page head: an outlet, the date written with slashes, the page (某某日报/2024 年/4 月/22 日/第 002 版)
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{2,14}?(?:报|刊|杂志)\s*[/／]\s*\d{4}\s*年\s*[/／]?\s*\d{1,2}\s*月\s*[/／]?\s*\d{1,2}\s*日")
# A newspaper's or magazine's name (the line over a headline, or its first half: 某某政法报|标题)
OUTLET_NAME = r"[\u4e00-\u9fff]{2,10}(?:日报|晚报|法制报|法治报|政法报|报|杂志|周刊)"
_OUTLET_LINE = re.compile(rf"^{OUTLET_NAME}$")
# An e-paper page's own headline line: 标题_某某报_2025年05月07日A08 (the suffix is metadata)
PAGE_TITLE_SUFFIX = re.compile(rf"_\s*({OUTLET_NAME})\s*_\s*(\d{{4}}年\d{{1,2}}月\d{{1,2}}日)[A-Za-z0-9版]*$")
# Site greetings and page buttons over an article
_GREETING_UI = re.compile(r"^(?:欢迎来到|欢迎访问|欢迎光临|您好[，,]?欢迎)|^(?:正文复制|复制正文|打印本页|打印正文|关闭窗口|收藏本页|分享到)\s*$"
                          # a picture's place holder (【资料图】), a reader site's button (论文部分内容阅读)
                          r"|^[【\[［（(]?(?:资料图片?|图片|配图|示意图|视频)[】\]］）)]?\s*$"
                          r"|^[\u4e00-\u9fff]{0,4}(?:部分内容|全文)阅读\s*$")
# A logo's alt text (某某Logo, 网站LOGO)
_LOGO = re.compile(r"logo", re.I)
_META_KEY = (
    r"发布时间|发表时间|发布日期|更新时间|时间|日期|来源|稿源|出处|作者|撰稿|撰文|记者|通讯员"
    r"|点击数|点击|浏览次数|浏览量|浏览|阅读量|阅读数|阅读|字号|摄影|关键词|关键字"
)
_META_FIELD = re.compile(rf"(?:{_META_KEY})\s*[:：|｜]")
_BYLINE = re.compile(
    r"^[（(]?(?:文|图文|文图|撰文|作者|撰稿|记者|通讯员|实习生|本报记者|本报通讯员|特约记者|见习记者|融媒体记者|本台记者|本网记者)"
    rf"\s*[/／:：\s]\s*[{HAN}]"
)
# 2024 01/13: a page's time stamp with a space after the year (then month and day with - or /)
SPACED_YEAR = r"\s+(?=\d{1,2}[-/]\d)"
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
_DATE_LINE = re.compile(
    rf"^\d{{4}}(?:\s*[-/.年]\s*|{SPACED_YEAR})\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?(?:\s*{_TIME})?\s*(?:星期.|周.)?$"
)
# 2021-02-28陈浩, 2016-12-15 05:41某某: a date (and time) with the author's name glued after it
DATE_NAME_LINE = re.compile(rf"^\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:\s+{_TIME})?\s*([{HAN}]{{2,4}})$")
_AUTHOR_NOTE = re.compile(r"^[（(]\s*作者(?:系|为|是|单位|简介|介绍)")
_CREDIT_LINE = re.compile(
    r"^[（(【\[]?\s*(?:摄影|摄|图片|图|供图|图片来源|图源|视频|航拍|制图)\s*[:：/／]\s*\S"
    r"|^[（(【\[]?\s*(?:[^\s。，！？]{1,8}\s+){0,2}[^\s。，！？（(]{1,8}\s*(?<!拍)(?:摄|供图)\s*[)）】\]]?$"
)
_CREDIT_SUFFIX = (
    re.compile(r"[\s（(【]+(?:摄影|摄|供图|图片来源|图源|图片|图)\s*[:：/／\s]\s*[^\s。，！？]{2,20}"
               r"(?:\s+[^\s。，！？]{2,20}){0,2}\s*[)）】]?$"),
    re.compile(r"[\s（(【]+(?:[^\s。，！？（）()]{1,20}\s+){0,3}[^\s。，！？（）()]{1,20}\s*(?<!拍)(?:摄|供图)\s*[)）】]?$"),
)
_TAGLINE_WORDS = re.compile(r"官方|唯一|门户|官网|权威|网站|主办|旗下|媒体|传播|中文网|新闻网|资讯网")
_MENU_SPLIT = re.compile(r"\s*[|｜丨]\s*|\s{2,}")
_SYMBOL_BULLET = re.compile(r"^[-–•·*▪●◆■□◇○>]")
_BULLET = re.compile(r"^(?:[-–—•·*▪●◆■□◇○>]|\d{1,2}[.、)）])\s*")
_DATELINE = re.compile(
    r"^[【\[]?\s*(?:本报讯|本台讯|本网讯|本刊讯|(?P<src>[^\s，。“”\"（）()【】\[\]]{2,20}?(?:报|网|台|社|客户端|融媒|新闻|频道))讯"
    r"|(?P<agency>新华社|中新社|中新网)[^，。“”（）()]{0,15}?电"
    # 某某网某地3月2日电: an outlet, a place and a date before 电
    r"|[\u4e00-\u9fff]{2,8}?(?:网|社|报|台)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电"
    # any outlet name before 讯 when a reporter bracket follows (某某联盟讯(记者 张三 文/图))
    r"|[\u4e00-\u9fff]{2,20}?讯(?=\s*[（(][^（）()]{0,40}(?:记者|通讯员|文|图))"
    # 某某网:(张三 李四) at the head of the first paragraph
    r"|[^\s，。“”\"（）()【】\[\]:：]{2,20}?(?:报|网|台|社|客户端|融媒|新闻|频道)\s*[:：](?=\s*[（(]))"
    r"[】\]]?\s*(?:[（(][^（）()]{0,60}[)）])?\s*[:：]?\s*"
)
_SIGNATURE = re.compile(
    rf"(?<=[。！？!?”」』…])\s*[（(]\s*((?:(?:记者|通讯员|作者|文|撰稿|供稿)\s*[:：/]?\s*)?[{HAN}·]{{1,5}}"
    rf"(?:\s*[、，,\s]\s*(?:(?:记者|通讯员)\s*)?[{HAN}·]{{1,5}}){{0,4}})\s*[)）]\s*$"
)
_DATE_PART = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
# "中国人民公安大学出版社  2025/7/23 14:43:47": a publisher and a time stamp
# (a short name, or one ending like an outlet: a headline with its date after it is not one);
# "政务  2025-02-04 08:05  安徽": a channel, a time stamp and the region it is filed under
_SOURCE_DATE_LINE = re.compile(rf"^(?:[{HAN}]{{2,4}}\s{{2,}})?(?:[{HAN}A-Za-z·]{{2,8}}|[{HAN}A-Za-z·]{{2,30}}(?:报|网|台|社|刊|杂志|客户端|频道|新闻|融媒|出版社))"
                               rf"\s+{_DATE_PART}(?:(?<=\d)\s+[{HAN}]{{2,4}})?\s*$")
# Site furniture at the head of a page: 收藏本站 / 访问X / 高级搜索 / 设为首页
_SITE_NAV = re.compile(r"^(?:收藏|访问|进入|设为首页|加入收藏|高级搜索|站内搜索|搜索|登录|注册|网站导航|无障碍|繁体|简体"
                       r"|下载客户端|下载APP|打开APP)", re.I)
# A newspaper page label: 第02版:综合新闻
_PAGE_LABEL = re.compile(r"^第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版")
_NAME_TOKENS = rf"[{HAN}·]{{2,4}}(?:[\s、，,]+[{HAN}·]{{2,4}}){{0,5}}"
# "□ 余保成 王宇飞" / "（陈某 李某）" on a line of their own: a byline
_BOX_BYLINE = re.compile(rf"^[□■▲△◇◆]\s*({_NAME_TOKENS})$")
_BRACKET_BYLINE = re.compile(rf"^[（(]\s*({_NAME_TOKENS})\s*[)）]$")
# "张三 某某报记者 李四 文/图": names around a role word
_ROLE_BYLINE = re.compile(r"(?:记者|通讯员)\s|\s(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文|图文|文图)$")
# A title after a dateline (中新网福州3月16日电 题：…) or an original-title note (原标题：…)
_TITLE_LEAD = re.compile(r"^(?:.{0,30}?电\s*)?(?:原标题|原题|题)\s*[:：]\s*")
# A date written after the headline on its line
_TITLE_DATE = re.compile(rf"\s+{_DATE_PART}\s*$")
# A subtitle (——记某某派出所): under a headline, never the headline itself
_SUBTITLE = re.compile(r"^\s*(?:——|—|--)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_INLINE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)|\*\*|__|\]\([^)\n]{0,500}\)|\[(?=[^\]\n]{0,200}\]\()")


@dataclass
class _Line:
    """One source line as the cleaner sees it: visible chars and their source indices."""

    vis: str
    simp: str
    idx: list[int] | range  # a range while nothing inside the line was removed (cheap on big files)
    raw_end: int  # source index of the line terminator (or len(text))
    kind: str = "body"  # body | blank | a Removed kind
    caption: bool = False
    md_heading: bool = False
    pieces: list[Removed] = field(default_factory=list)

    def cut(self, a: int, b: int, kind: str, source: str) -> None:
        """Remove vis[a:b] (recorded as ``kind``) and re-strip the line."""
        if a >= b:
            return
        s, e = self.idx[a], self.idx[b - 1] + 1
        self.pieces.append(Removed(kind, source[s:e], s, e))
        self.vis = self.vis[:a] + self.vis[b:]
        self.simp = self.simp[:a] + self.simp[b:]
        self.idx = [*self.idx[:a], *self.idx[b:]]
        self.strip()

    def strip(self) -> None:
        v = self.vis
        a = len(v) - len(v.lstrip(_STRIP))
        b = len(v.rstrip(_STRIP))
        if a or b < len(v):
            self.vis, self.simp, self.idx = v[a:b], self.simp[a:b], self.idx[a:b]


def _is_terminated(s: str) -> bool:
    """Does the line end a sentence (closing quotes and brackets aside)?"""
    core = s.rstrip("”’」』）)\"'》】]")
    return bool(core) and core[-1] in TERMINATORS


def _has_sentence_punct(s: str) -> bool:
    return any(c in s for c in "。！？!?；;")


def _norm_title(s: str) -> str:
    return re.sub(r"[\s“”‘’\"'「」『』《》]", "", s)


def _split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end exclusive, without the terminator."""
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _make_line(text: str, start: int, end: int, markdown: bool) -> _Line:
    raw = text[start:end]
    a = len(raw) - len(raw.lstrip(_STRIP))
    b = len(raw.rstrip(_STRIP))
    vis = raw[a:b] if a < b else ""
    line = _Line(vis, "", range(start + a, start + b) if vis else range(0), end)
    if not vis:
        line.kind = "blank"
        return line
    removals: list[tuple[int, int, str]] = []
    if markdown:
        m = _MD_HEADING.match(vis)
        if m:
            line.md_heading = True
            removals.append((0, m.end(), "markup"))
        else:
            m = _BULLET.match(vis)
            if m and vis[:1] in "-*+":
                removals.append((0, m.end(), "markup"))
        removals += [(m.start(), m.end(), "markup") for m in _MD_INLINE.finditer(vis)]
    for m in _GLOSS.finditer(vis) if "(" in vis or "（" in vis else ():  # the pattern tries every position
        g = m.group(1)
        if any(c in _TONES for c in g) or g[-1].isdigit():
            removals.append((m.start(), m.end(), "pinyin"))
    if removals:
        removals.sort()
        keep_vis, keep_idx, pos = [], [], 0
        for a2, b2, kind in removals:
            if a2 < pos:  # overlapping markup: already gone
                a2 = pos
            if a2 >= b2:
                continue
            keep_vis.append(vis[pos:a2])
            keep_idx.extend(line.idx[pos:a2])
            s, e = line.idx[a2], line.idx[b2 - 1] + 1
            if kind != "pinyin":  # glosses are not worth a record each
                line.pieces.append(Removed(kind, text[s:e], s, e))
            pos = b2
        keep_vis.append(vis[pos:])
        keep_idx.extend(line.idx[pos:])
        line.vis, line.idx = "".join(keep_vis), keep_idx  # now a list: the line has holes
    line.simp = to_simplified(line.vis)
    line.strip()
    if not line.vis:
        line.kind = "markup" if removals else "blank"
    return line


def _repair_separators(line: _Line) -> None:
    """``盘活?激活?灵活`` -> ``盘活·激活·灵活``: a '?' standing for a lost middle dot."""
    if "?" not in line.vis:
        return
    vis, simp = list(line.vis), list(line.simp)
    for m in _QMARK_CHAIN.finditer(line.vis):
        for i in range(m.start(), m.end()):
            if vis[i] == "?":
                vis[i] = simp[i] = "·"
    line.vis, line.simp = "".join(vis), "".join(simp)


def _classify(line: _Line) -> str | None:
    """Context-free kinds of a whole line, or None for a content candidate."""
    s = line.simp
    n = len(s)
    if n <= 40 and (_DATE_LINE.match(s) or DATE_NAME_LINE.match(s)):
        return "meta"  # a bare time stamp (2021-08-27 14:22), or one with the author's name (2021-02-28陈浩)
    if n <= 12 and _OUTLET_LINE.match(s):
        return "meta"  # a newspaper's name alone over the headline (某某政法报)
    if n <= 60 and _MASTHEAD.match(s):
        return "meta"  # an e-paper page head: 某某日报/2024 年/4 月/22 日/第 002 版要闻
    if n <= 40 and _GREETING_UI.match(PINYIN_GLOSS.sub("", s)):
        return "nav"  # 欢迎来到某某网, 正文复制: site furniture, not a headline
    if not _HAN_RE.search(s):
        return "noise"
    if n <= 120 and _NAV.search(s):
        return "nav"
    if n <= 40 and (_NOISE.match(s) or _PAGE_MARK.match(s)):
        return "noise"
    if n <= 80 and _TRENDING.match(s):
        return "nav"
    if n <= 20 and _LOGO.search(s) and not _has_sentence_punct(s):
        return "nav"
    if n <= 80 and _EDITOR.match(s):
        return "editor"
    if n <= 80 and _RELATED.match(s):
        return "related"
    if n <= 40 and _EPAPER_NAV.search(s) and not _has_sentence_punct(s):
        return "nav"
    if (n <= 40 and (_WIDGET.match(s) or _WIDGET_START.match(s))) or (n <= 70 and _PROMO.match(s)):
        return "widget"
    if n <= 300 and (n <= 80 or not _has_sentence_punct(s)) and _FOOTER_STRONG.search(s):
        return "footer"
    if n <= 300 and not _has_sentence_punct(s) and _FOOTER_WEAK.search(s):
        return "footer"
    if n <= 120 and _AUTHOR_NOTE.match(s):
        return "author_note"
    if n <= 120 and not _has_sentence_punct(s):
        if _META_FIELD.search(s) or _DATE_LINE.match(s) or (n <= 40 and _BYLINE.match(s)):
            return "meta"
        if n <= 40 and _CREDIT_LINE.search(s):
            return "credit"
        if n <= 60 and _SOURCE_DATE_LINE.match(s):
            return "meta"
        if n <= 30 and (_SITE_NAV.match(s) or _PAGE_LABEL.match(s)):
            return "nav"
        if n <= 40 and (_BOX_BYLINE.match(s) or (_BRACKET_BYLINE.match(s) and not re.search("[图摄版完续]", s))):
            return "signature"
        if n <= 60 and _ROLE_BYLINE.search(s) and len(s.split()) >= 2:
            return "meta"
        parts = [p for p in _MENU_SPLIT.split(s) if p]
        if len(parts) >= 3 and all(len(p) <= 8 for p in parts):
            return "nav"
        pipes = [p.strip() for p in re.split(r"[|｜丨]", s)]
        if len(pipes) >= 3 and all(0 < len(p) <= 8 for p in pipes[1:]):
            return "nav"  # 收藏某某出版社 社长致辞 | 出版社简介 | 帮助中心: a menu after the site's name
        words = s.split()
        if len(words) >= 6 and all(len(w) <= 6 for w in words):
            return "nav"  # a menu with single spaces: 最新 专题 新经济 曝光台 …
    return None


# Words of a page's furniture: column names, app and share buttons, forum post stamps.
_PAGE_LABEL_WORD = re.compile(r"资讯|快讯|看点|客户端|下载|首页|正文|分享|发表于|频道|APP|App|app")


def _page_label(s: str) -> bool:
    """A page's column or app label (天天看点, 车坛快讯, APP下载): six Chinese characters at most, no sentence."""
    return len(_HAN_RE.findall(s)) <= 6 and not _has_sentence_punct(s)


# A kicker (引题) over a headline, ending in a dash that leads to it: 某某派出所倾情服务群众——
_KICKER_END = re.compile(r"(?:—|--|－－)$")


def _title_like(s: str) -> bool:
    """A headline: short, no full stop, may end in ！/？ but not in a comma or colon."""
    return 4 <= len(s) <= 60 and not any(c in s for c in "。；;") and s[-1] not in "：:，,、" \
        and not _CAPTION_CREDIT.search(s)


# …开展反诈宣传(贾洋 摄): a photo caption with its credit, never a headline
_CAPTION_CREDIT = re.compile(r"[(（][^()（）]{0,12}摄[)）]\s*$")


def _title_before_fields(line: _Line, source: str) -> bool:
    """``标题 发布时间:2025-06-30 0人浏览``: a headline with the page's fields after it on one line.

    When the text before the first field reads as a headline (eight Han
    characters or more, not a byline, date or outlet), cut the fields off as
    metadata and keep the line as a content line.
    """
    m = _META_FIELD.search(line.simp)
    if not m or m.start() < 8:
        return False
    head = line.simp[: m.start()].rstrip(_STRIP)
    if len(_HAN_RE.findall(head)) < 8 or not _title_like(head) or _BYLINE.match(head) or _SYMBOL_BULLET.match(head) \
            or _ROLE_BYLINE.search(head) or _SOURCE_DATE_LINE.match(head) or _has_sentence_punct(head):
        return False
    line.kind = "body"
    line.cut(m.start(), len(line.vis), "meta", source)
    return True


def _body_like(s: str) -> bool:
    return len(s) >= 50 or _has_sentence_punct(s)


def _starts_body(s: str) -> bool:
    """Does this line end the head (headline, taglines, metadata) of the article?"""
    return len(s) >= 50 or any(c in s for c in "。；;") or (len(s) > 40 and _has_sentence_punct(s))


def _tagline_like(s: str, sitename: str | None) -> bool:
    if len(s) > 60 or _has_sentence_punct(s):
        return False
    if sitename and _norm_title(s) == _norm_title(to_simplified(sitename)):
        return True
    return ("网" in s or "报" in s) and bool(_TAGLINE_WORDS.search(s))


def _heading_like(s: str) -> bool:
    """Short, no full stop, not a symbol-bulleted list item (1. / 一、 numbered headings are fine)."""
    return 2 <= len(s) <= 40 and "。" not in s and s[-1] not in _FINAL_PUNCT and not _SYMBOL_BULLET.match(s)


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(one-character, two-character) family names: a byline's names start with one."""
    from .normalize import read_lexicon

    words = [w for line in read_lexicon("surnames.txt") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def _bare_byline(s: str) -> bool:
    """``张三`` / ``张三 李四`` alone on a head line: names starting with a family name."""
    single, double = surnames()
    toks = s.split()
    if not 1 <= len(toks) <= 4:
        return False
    for tok in toks:
        if not (2 <= len(tok) <= 4 and _HAN_RE.fullmatch(tok[0]) and all(_HAN_RE.match(c) for c in tok)):
            return False
        if not ((tok[0] in single and len(tok) <= 3) or (tok[:2] in double and len(tok) <= 4)):
            return False
    return True


def _tickers(lines: list[_Line], text: str) -> tuple[str, ...]:
    """Title-like lines written three times or more that share no word with the article:
    a site's ticker or menu for another story, not the headline."""
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.kind == "body" and _title_like(ln.simp) and len(ln.simp) >= 8:
            counts[ln.simp] = counts.get(ln.simp, 0) + 1
    twice = [t for t, n in counts.items() if n >= 2]
    if not twice:
        return ()
    simp = "\n".join(ln.simp for ln in lines)  # a glued copy counts too (a ticker glued to the first body line)
    out = []
    for t in twice:
        if simp.count(t) < 3:
            continue
        rest = simp.replace(t, "\n")
        # a headline shares words with its article; a ticker for another story does not
        if not any(_HAN3.fullmatch(t[i : i + 3]) and t[i : i + 3] in rest for i in range(len(t) - 2)):
            out.append(t)
    return tuple(sorted(out, key=len, reverse=True))


def _trim_body_line(line: _Line, source: str, first_body: bool) -> None:
    """Cut credits, datelines, bracketed bylines and editor notes out of a content line."""
    if first_body:
        m = _DATELINE.match(line.simp)
        if m and m.end() < len(line.simp):
            line.cut(0, m.end(), "dateline", source)
    for _ in range(2):  # a credit may follow an editor note or the other way round
        # Tail regexes search only the last 60 characters (linear on a 100k-character line).
        tail_from = max(0, len(line.simp) - 60)
        m = _EDITOR_SUFFIX.search(line.simp, tail_from)
        if m and m.start() > 0:
            line.cut(m.start(), len(line.simp), "editor", source)
            continue
        if not _is_terminated(line.simp):
            for rx in _CREDIT_SUFFIX:
                m = rx.search(line.simp, tail_from)
                if m and m.start() >= 2:
                    line.cut(m.start(), len(line.simp), "credit", source)
                    line.caption = True
                    break
    m = _SIGNATURE.search(line.simp, max(0, len(line.simp) - 60))
    if m:
        name = m.group(1)
        kind = "noise" if len(name) < 2 or _NOISE.match(name) or re.search("[图摄版]", name) else "signature"
        line.cut(m.start(), len(line.simp), kind, source)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building many small acyclic objects.

    On a 50 MB file the collector's passes over the growing heap took about
    half of the cleaning time; nothing built here forms reference cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_LINK_ITEM = re.compile(r"^[·•]\s*[^。；;！!？?]{2,60}$")


def _mark_link_lists(lines: list[_Line]) -> None:
    """Two or more lines in a row opening with a bullet dot (· 某某派出所：…): a page's list of
    links to other articles, whose stations, practices and figures are not this article's."""
    run: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.kind == "body" and _LINK_ITEM.match(ln.simp):
            run.append(ln)
            continue
        if ln is not None and ln.kind == "blank" and run:
            continue
        _mark_related(run)
        run = []


_DATED_ITEM = re.compile(rf"^[^。]{{4,60}}?\s*[（(\[【]?{_DATE_PART}[）)\]】]?$")


def _mark_dated_lists(lines: list[_Line]) -> None:
    """Two or more headlines in a row, each with its date (on the next line or at its end:
    标题 / 2024-03-12, 标题 2024-04-13): a list of other articles (an e-paper's page index, a
    side column, 相关新闻 without its header), wherever it stands."""
    shown = [ln for ln in lines if ln.kind != "blank"]
    run: list[_Line] = []
    # A list writes all its dates one way: an article's own dated headline right under a
    # list of the other form is not one more item of it.
    inline = False
    i = 0
    while i < len(shown):
        ln = shown[i]
        nxt = shown[i + 1] if i + 1 < len(shown) else None
        below = ln.kind in ("body", "meta", "noise") and len(ln.simp) <= 60 and nxt is not None \
            and nxt.kind == "meta" and _DATE_LINE.match(nxt.simp) is not None
        after = not below and ln.kind == "body" and _DATED_ITEM.match(ln.simp) is not None
        if run and (below or after) and after != inline:
            _mark_related(run)
            run = []
        if below or after:
            run.append(ln)
            inline = after
            i += 2 if below else 1
            continue
        _mark_related(run)
        run = []
        i += 1
    _mark_related(run)


def _mark_related(items: list[_Line]) -> None:
    """Two or more items make a list of other articles (one alone may be the article's own)."""
    if len(items) >= 2:
        for item in items:
            if item.kind == "body":
                item.kind = "related"


def clean(source: SourceDoc) -> CleanDoc:
    """Boilerplate out, glosses out, offsets kept; then paragraphs, sections, sentences."""
    with _gc_paused():
        return _clean(source)


def _clean(source: SourceDoc) -> CleanDoc:
    text = source.text
    markdown = source.kind == "markdown"
    lines = [_make_line(text, a, b, markdown) for a, b in _split_lines(text)]
    for ln in lines:
        if ln.kind == "body":
            _repair_separators(ln)
            kind = _classify(ln)
            if kind:
                ln.kind = kind
    _mark_link_lists(lines)
    _mark_dated_lists(lines)

    sitename = source.html_meta.get("sitename") if source.html_meta else None
    html_title = to_simplified(source.html_title) if source.html_title else None
    title_idx: int | None = None
    title_norm = _norm_title(html_title) if html_title else None
    tickers = _tickers(lines, text)
    in_head, tail_mode, prev_nav, first_body = True, False, False, True
    before_crumb: int | None = None  # a headline candidate seen before a breadcrumb line
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        if ln.kind == "meta" and in_head and title_idx is None and html_title is None and _title_before_fields(ln, text):
            title_idx, title_norm = i, _norm_title(ln.simp)  # 标题 发布时间:… on one line
            continue
        if ln.kind != "body":
            if ln.kind == "nav" and in_head and html_title is None and (
                    _NAV.search(ln.simp) or _EPAPER_NAV.search(ln.simp)):
                # a breadcrumb (当前位置: 首页 » 正文): the page's own head is above it, the headline below
                before_crumb = title_idx if title_idx is not None else before_crumb
                title_idx = title_norm = None
            prev_nav = in_head and (ln.kind == "nav" or (ln.kind == "noise" and prev_nav))
            if ln.kind in ("related", "editor", "footer") and not in_head:
                tail_mode = True  # (a list of other articles above the headline ends nothing)
            continue
        s = ln.simp
        if prev_nav and in_head and len(s) <= 6 and not _has_sentence_punct(s):
            ln.kind = "nav"  # a breadcrumb split over lines: 首页 / >> / 法治
            continue
        prev_nav = False
        if title_norm is not None and _norm_title(s) == title_norm:
            if title_idx is None and in_head:
                title_idx = i  # the page's <title> as a line of its own
            else:
                ln.kind = "repeat"
            continue
        if tickers and s.startswith(tickers):
            prefix = next(t for t in tickers if s.startswith(t))
            if in_head and title_idx is None and _PAGE_MARK.match(s[len(prefix):].strip()):
                # the headline of page N (标题( 三 )) repeated on the page: the headline itself
                ln.cut(len(prefix), len(s), "noise", text)
                title_idx, title_norm = i, _norm_title(ln.simp)
                continue
            if len(prefix) == len(s):
                ln.kind = "repeat"
                continue
            ln.cut(0, len(prefix), "repeat", text)  # a ticker glued to the first body line
            s = ln.simp
        if in_head:
            if _tagline_like(s, sitename):
                ln.kind = "tagline"
                continue
            if _bare_byline(s):
                ln.kind = "signature"  # 曾某某 alone on the first line
                continue
            lead = _TITLE_LEAD.match(s)
            if lead and lead.end() < len(s) and _title_like(s[lead.end():]):
                if title_idx is not None:
                    ln.kind = "meta"  # 原标题：… under the headline
                    continue
                ln.cut(0, lead.end(), "dateline" if "电" in s[: lead.end()] else "meta", text)
                s = ln.simp
            if (m := PAGE_TITLE_SUFFIX.search(s)) and m.start() >= 4 and _title_like(s[: m.start()].rstrip()) \
                    and (html_title is None or title_idx is None):
                ln.cut(m.start(), len(s), "meta", text)  # 标题_某某报_2025年05月07日A08: the page's headline
                title_idx, title_norm = i, _norm_title(ln.simp)
                continue
            if not _starts_body(s):
                if title_idx is None and (m := _TITLE_DATE.search(s)) and m.start() >= 4:
                    ln.cut(m.start(), len(s), "meta", text)  # 标题 2024年12月20日: the date is metadata
                    s = ln.simp
                if title_idx is None and _title_like(s) and not ln.caption and not _SUBTITLE.match(s) \
                        and not _SYMBOL_BULLET.match(s):
                    ns = _norm_title(s)
                    if html_title is None or ns == title_norm or ns in title_norm or title_norm in ns:
                        title_idx, title_norm = i, ns
                elif title_idx is not None and html_title is None and _KICKER_END.search(lines[title_idx].simp) \
                        and _title_like(s) and not ln.caption and not _SUBTITLE.match(s) and i - title_idx <= 2:
                    title_idx, title_norm = i, _norm_title(s)  # 某某派出所倾情服务群众—(kicker) / 践行…(the headline)
                elif title_idx is not None and html_title is None and _page_label(lines[title_idx].simp) \
                        and _title_like(s) and len(_HAN_RE.findall(s)) >= 8 and not ln.caption \
                        and (_PAGE_LABEL_WORD.search(lines[title_idx].simp) or any(x.simp == s for x in lines[i + 1:])):
                    # 天天看点 / 某某资讯 / APP下载 above a headline (or above one the page repeats):
                    # a column or app label, not the headline
                    lines[title_idx].kind = "nav"
                    title_idx, title_norm = i, _norm_title(s)
                continue
            in_head = False
            if title_idx is None:
                title_idx = before_crumb
        if tail_mode:
            if not _body_like(s) or _BULLET.match(s):
                ln.kind = "related"
                continue
            tail_mode = False
        _trim_body_line(ln, text, first_body)
        first_body = False
        if not ln.vis:
            ln.kind = "noise"
    _mark_trailing_furniture(lines, title_idx)
    return _assemble(source, lines, title_idx, html_title)


_QUOTED = re.compile(r"[“”\"「」『』‘’]")


def _mark_trailing_furniture(lines: list[_Line], title_idx: int | None) -> None:
    """Short lines (two or more, none over 10 characters) after the article's closing metadata
    (its date or 来源 line below the last paragraph): the page's furniture, such as the sources
    of a list of other articles whose headlines were links (世纪大讲堂 / 看看新闻 / 中国新闻网)."""
    closing = None  # the first metadata line below the last paragraph
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.kind == "body" and i != title_idx and _body_like(ln.simp):
            break
        if ln.kind == "meta":
            closing = i
    if closing is None:
        return
    rest = [ln for ln in lines[closing + 1:] if ln.kind == "body"]
    if len(rest) >= 2 and all(len(ln.simp) <= 10 and not _QUOTED.search(ln.simp) for ln in rest):
        for ln in rest:  # (a quoted name or a longer line may be a heading left at the end)
            ln.kind = "related"


def _assemble(source: SourceDoc, lines: list[_Line], title_idx: int | None, html_title: str | None) -> CleanDoc:
    """Join the kept lines with '\\n' (mapped to the source line break) and segment them."""
    text_parts: list[str] = []
    simp_parts: list[str] = []
    offsets: list[int] = []
    removed: list[Removed] = []
    para_spans: list[tuple[int, int, int]] = []  # (start, end, line index)
    pos = 0
    prev: _Line | None = None
    src = source.text
    for i, ln in enumerate(lines):
        removed.extend(ln.pieces)
        if ln.kind != "body":
            if ln.kind not in ("blank", "markup") and ln.idx:
                a, b = ln.idx[0], ln.idx[-1] + 1
                removed.append(Removed(ln.kind, src[a:b], a, b))
            continue
        if prev is not None:
            text_parts.append("\n")
            simp_parts.append("\n")
            offsets.append(prev.raw_end)
            pos += 1
        text_parts.append(ln.vis)
        simp_parts.append(ln.simp)
        offsets.extend(ln.idx)
        para_spans.append((pos, pos + len(ln.vis), i))
        pos += len(ln.vis)
        prev = ln
    removed.sort(key=lambda r: r.start)
    doc = CleanDoc(source=source, text="".join(text_parts), simp="".join(simp_parts), offsets=offsets,
                   removed=removed)
    _segment(doc, lines, para_spans, title_idx)
    if doc.title is None and html_title:
        doc.title = source.html_title.strip() if source.html_title else None
    return doc


def _segment(doc: CleanDoc, lines: list[_Line], para_spans: list[tuple[int, int, int]], title_idx: int | None) -> None:
    """Paragraphs, headings/sections and sentences over the clean text."""
    n = len(para_spans)
    heading = [False] * n
    for k, (a, b, li) in enumerate(para_spans):
        if li == title_idx:
            doc.title, doc.title_span = doc.text[a:b], (a, b)
            continue
        ln = lines[li]
        if ln.caption:
            continue
        if ln.md_heading:
            heading[k] = True
            continue
        if not _heading_like(ln.simp) or k + 1 >= n:
            continue
        na, nb, nli = para_spans[k + 1]
        nxt = lines[nli].simp
        if _body_like(nxt) and len(nxt) > len(ln.simp) and not lines[nli].caption:
            heading[k] = True
    sec = -1
    for k, (a, b, li) in enumerate(para_spans):
        if heading[k]:
            sec += 1
            end = para_spans[-1][1]
            for j in range(k + 1, n):
                if heading[j]:
                    end = para_spans[j - 1][1] if j - 1 > k else b
                    break
            start = para_spans[k + 1][0] if k + 1 < n and not heading[k + 1] else b
            doc.sections.append(Section(a, b, start, max(start, end)))
        section = sec if sec >= 0 and li != title_idx else None
        doc.paragraphs.append(Paragraph(a, b, heading[k], section))
        _sentences(doc, a, b, k, section)


def _sentences(doc: CleanDoc, a: int, b: int, para: int, section: int | None) -> None:
    """Split a paragraph after 。！？!?；; (closing quotes stay with their sentence)."""
    text = doc.text
    cuts = [m.end() for m in _SENT_END.finditer(text, a, b)]
    if not cuts or cuts[-1] != b:
        cuts.append(b)
    start = a
    for end in cuts:
        s, e = start, end
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if s < e:
            doc.sentences.append(Sentence(s, e, para, section))
        start = end
