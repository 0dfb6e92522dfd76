"""read_source: encodings are detected, bad files are refused with a reason, HTML gives its main text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.read import UnreadableFile, read_source, source_from_text

SIMP = "陕西省某县公安局某派出所位于秦岭深处，近年来坚持和发展新时代枫桥经验。\n该所2023年被评为全市人民满意政法单位。\n"
TRAD = "山門派出所：“浙江延安”有一支“紅心”警隊\n近年來，該所堅持“警力有限，民力無窮”理念，發動黨員、群眾組建義警。\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("blank.txt", b" \r\n\t \n", "empty", id="whitespace-only"),
        pytest.param("nul.txt", bytes(range(256)) * 20, "binary", id="binary-nul"),
        pytest.param("ctrl.txt", bytes([1, 2, 3, 4, 5, 6, 0x0E, 0x0F]) * 200 + "中文".encode(), "binary",
                     id="binary-control"),
        pytest.param("en.txt", b"Hello world, this is not a Chinese article.\n", "no Chinese", id="no-han"),
        pytest.param("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "undecodable", id="bad-utf16"),
    ],
)
def test_unreadable_files_say_why(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as err:
        read_source(_write(tmp_path, name, data))
    assert reason in err.value.reason
    assert err.value.path.endswith(name)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="not found"):
        read_source(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(SIMP.encode("utf-8"), SIMP, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SIMP.encode("utf-8"), SIMP, "utf-8-sig", id="utf-8-bom"),
        pytest.param(SIMP.encode("gbk"), SIMP, "gb18030", id="gbk"),
        pytest.param(TRAD.encode("gbk"), TRAD, "gb18030", id="gbk-traditional"),
        pytest.param(TRAD.encode("big5"), TRAD, "big5", id="big5"),
        pytest.param(codecs.BOM_UTF16_LE + SIMP.encode("utf-16-le"), SIMP, "utf-16-le", id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SIMP.encode("utf-16-be"), SIMP, "utf-16-be", id="utf-16-be-bom"),
        pytest.param(SIMP.encode("utf-16-be"), SIMP, "utf-16-be", id="utf-16-be"),
        pytest.param(SIMP.encode("utf-16-le"), SIMP, "utf-16-le", id="utf-16-le"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    doc = read_source(_write(tmp_path, "a.txt", data))
    assert doc.text == text  # BOM gone: offsets count in the decoded text
    assert doc.encoding == encoding
    assert doc.kind == "text"
    assert len(doc.sha256) == 64 and doc.sha256 == source_from_text(text).sha256


def test_truncated_utf8_keeps_the_complete_characters(tmp_path: Path) -> None:
    data = SIMP.rstrip("\n").encode("utf-8")[:-1]  # the last character is cut in half
    doc = read_source(_write(tmp_path, "cut.txt", data))
    assert doc.encoding == "utf-8"
    assert doc.text == SIMP.rstrip("\n")[:-1]


def test_markdown_kind(tmp_path: Path) -> None:
    doc = read_source(_write(tmp_path, "a.md", ("# 标题\n\n" + SIMP).encode()))
    assert doc.kind == "markdown"


HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>某派出所：织密平安防护网_某某新闻网</title>
<meta property="og:site_name" content="某某新闻网">
<meta property="article:published_time" content="2025-06-17">
<script>alert(1); var s = "脚本里的中文";</script><style>p {{ color: red }}</style></head>
<body><div class="breadcrumb"><a href="/">首页</a> &gt;&gt; <a href="/fz">法治</a></div>
<ul class="menu"><li><a href="/a">新闻</a></li><li><a href="/b">法治</a></li></ul>
<article><h1>某派出所：织密平安防护网</h1>
<p>近年来，某派出所坚持和发展新时代“枫桥经验”，创新推出“三色预警”工作法，辖区刑事案件发案数同比下降30%。</p>
<p>该所联合镇司法所、村委会成立调解工作室，全年化解矛盾纠纷120余起，调解成功率达98%。</p>
<script>alert(2)</script>
<p>所长介绍说：“我们把警务室建在村里，群众有事就近就能找到民警。”</p></article>
<div class="footer">版权所有 某某新闻网 京ICP备00000000号</div></body></html>"""


@pytest.mark.parametrize("suffix", [".html", ".txt"], ids=["by-extension", "sniffed"])
def test_html_main_text_without_script(tmp_path: Path, suffix: str) -> None:
    page = HTML.format(charset="gbk").encode("gb18030")
    doc = read_source(_write(tmp_path, "page" + suffix, page))
    assert doc.kind == "html"
    assert doc.encoding == "gb18030"
    assert "alert" not in doc.text and "脚本" not in doc.text and "color" not in doc.text
    assert "调解成功率达98%" in doc.text
    assert doc.html_title and "织密平安防护网" in doc.html_title
    assert doc.html_meta.get("date") == "2025-06-17"
    cleaned = clean(doc)
    assert "首页" not in cleaned.text and "ICP备" not in cleaned.text
    assert "“枫桥经验”" in cleaned.text
    for s in cleaned.sentences:  # offsets count in the extracted main text
        ev = cleaned.evidence(s.start, s.end)
        assert doc.text[ev.start:ev.end] == ev.text == cleaned.text[s.start:s.end]


def test_long_line_and_big_file_are_read(tmp_path: Path) -> None:
    """No quadratic work: a 100,000-character line (speed is measured in benchmarks, not here)."""
    line = ("派出所民警深入社区走访群众，" * 8000)[:100_000]
    doc = read_source(_write(tmp_path, "long.txt", line.encode()))
    cleaned = clean(doc)
    assert len(doc.text) == 100_000
    assert cleaned.text == line
    assert cleaned.sentences and cleaned.sentences[-1].end == len(line)


# A government site laid out in tables: menus, the article in one cell, a side cell of other news.
TABLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>柳湾派出所：“三访”工作法化解邻里纠纷_某某市公安局</title></head>
<body><div class="top"><a href="/">首页</a> | <a href="/a">警务公开</a> | <a href="/b">警务动态</a></div>
<table width="1000"><tr><td>
<h1>柳湾派出所：“三访”工作法化解邻里纠纷</h1>
<div class="info">发布时间：2024-06-18 09:30 来源：某某市公安局 浏览次数：1024 【字体：大 中 小】</div>
<div id="zoom"><p>今年以来，柳湾派出所联合司法所、村委会推行“五心”调解机制，化解矛盾纠纷120余起。</p>
<p>红枫义警巡逻守护</p>
<p>该所组建“红枫”义警队伍，开展夜间巡逻，辖区盗窃警情同比下降30%，群众安全感明显提升。</p>
<p>所长介绍说，民警每周走访村组，把矛盾纠纷化解在萌芽状态，群众满意率达到98%。</p></div>
<div>（责任编辑：王小明）</div></td>
<td width="260"><h3>热点新闻</h3><ul><li><a href="/1">南岗派出所：调解室里解心结</a></li>
<li><a href="/2">北岭派出所举行开放日活动</a></li></ul></td></tr></table>
<div>版权所有：某某市公安局 浙ICP备12345678号</div></body></html>"""

# An e-paper page: the <title> is the paper's name, the page index (headline, date) sits above the
# article, whose paragraphs are separated by <br>.
EPAPER_PAGE = """<html><head><meta charset="utf-8"><title>某某法治报</title></head><body>
<table><tr><td>第03版：平安建设</td><td><a>上一版</a> <a>下一版</a></td></tr></table>
<table><tr><td valign="top" width="300"><div>本版导航</div><ul>
<li><a>南岗派出所：调解室里解心结</a><span>2024-01-10</span></li>
<li><a>北岭派出所：“红马甲”巡逻队守平安</a><span>2024-02-11</span></li>
<li><a>东湖派出所开展反诈宣传进社区活动</a><span>2024-03-12</span></li></ul></td>
<td valign="top"><b>柳湾派出所“三访”工作法暖民心</b><br>本报记者 周明<br>
<div id="ozoom">&nbsp;&nbsp;今年以来，柳湾派出所坚持和发展新时代“枫桥经验”，联合镇司法所、村委会成立调解工作室，化解矛盾纠纷120余起。<br>
&nbsp;&nbsp;该所民警每周走访辖区村组，开展矛盾纠纷排查，群众安全感和满意度持续提升，辖区盗窃警情同比下降30%。<br>
&nbsp;&nbsp;所长介绍说，下一步将继续深化警民合作，把矛盾纠纷化解在萌芽状态，让群众在家门口就能解决烦心事。</div></td></tr></table>
<div><a>上一篇</a> <a>下一篇</a> 返回目录</div><div>某某法治报社版权所有 未经书面授权禁止使用</div></body></html>"""


def test_html_table_layout_keeps_paragraphs_apart(tmp_path: Path) -> None:
    """Read as a table, the article's cell came out as one line with the page's metadata and
    headings glued into it; the text must keep one paragraph a line and drop the furniture."""
    doc = read_source(_write(tmp_path, "gov.html", TABLE_PAGE.encode()))
    cleaned = clean(doc)
    assert "浏览次数" not in cleaned.text and "字体" not in cleaned.text and "南岗" not in cleaned.text
    paragraphs = [cleaned.text[p.start:p.end] for p in cleaned.paragraphs]
    assert "红枫义警巡逻守护" in paragraphs  # a heading stays a line of its own
    assert any(p.startswith("该所组建“红枫”义警队伍") for p in paragraphs)
    assert cleaned.title == "柳湾派出所：“三访”工作法化解邻里纠纷"


def test_html_epaper_page(tmp_path: Path) -> None:
    """The headline is found in the text (the <title> is only the paper's name), the page index's
    stations are not the article's, and what only the headline names is extracted with evidence."""
    from loaders.pipeline import extract_file

    path = _write(tmp_path, "epaper.html", EPAPER_PAGE.encode())
    ext = extract_file(path)
    assert ext.article.title == "柳湾派出所“三访”工作法暖民心"
    assert [s.name for s in ext.stations] == ["柳湾派出所"]
    assert "今年以来" in clean(read_source(path)).text  # the whole article, not a fragment
    text = read_source(path).text
    (three,) = [m for m in ext.mechanisms if "三访" in m.name]  # named in the headline only
    ev = three.evidence[0] if isinstance(three.evidence, list) else three.evidence
    assert text[ev.start:ev.end] == ev.text and "三访" in ev.text


def test_html_headline_is_part_of_the_text(tmp_path: Path) -> None:
    """trafilatura keeps a headline outside the content block out of its main text; a practice
    only the headline names is still extracted, as it is from the same article in plain text."""
    from loaders.pipeline import extract_file

    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>“五彩”调解室织密平安防护网</title></head><body>"
            "<div id='js_article'><h1 class='rich_media_title'>“五彩”调解室织密平安防护网</h1>"
            "<div class='meta'><span>某某公安</span> <em>2024-07-22 18:00</em></div>"
            "<div class='rich_media_content' id='js_content'>"
            "<p>近年来，柳湾派出所坚持和发展新时代“枫桥经验”，联合镇司法所、村委会化解矛盾纠纷120余起。</p>"
            "<p>该所民警每周走访辖区村组，开展矛盾纠纷排查，辖区盗窃警情同比下降30%，群众满意率达到98%。</p>"
            "<p>长按识别二维码关注我们</p></div></div></body></html>")
    path = _write(tmp_path, "wechat.html", page.encode())
    ext = extract_file(path)
    assert any("五彩" in m.name for m in ext.mechanisms)
    text = read_source(path).text
    assert text.splitlines()[0] == ext.article.title == "“五彩”调解室织密平安防护网"


def test_html_headline_from_a_list_of_other_articles_is_not_taken(tmp_path: Path) -> None:
    """trafilatura takes this page's headline from the author's list of other articles (an <h3>
    item); the page's <title> says otherwise, and the other article's station stays out."""
    from loaders.pipeline import extract_file

    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>柳湾派出所“三访”工作法暖民心</title></head><body>"
            "<div class='article-title'><h2>柳湾派出所“三访”工作法暖民心</h2></div>"
            "<div><p class='author-name'>某某公安</p><span>发布时间：10-08 12:00</span></div>"
            "<div class='article-content'><p>今年以来，柳湾派出所坚持和发展新时代“枫桥经验”，联合镇司法所、村委会"
            "成立调解工作室，化解矛盾纠纷120余起。</p><p>该所民警每周走访辖区村组，开展矛盾纠纷排查，群众安全感和"
            "满意度持续提升，辖区盗窃警情同比下降30%。</p></div>"
            "<div class='recent'><h2>作者最新文章</h2><ul><li><a href='/1'><h3 class='item-title'>"
            "南岗派出所“红马甲”巡逻队守平安</h3></a><span>10-01</span></li></ul></div></body></html>")
    ext = extract_file(_write(tmp_path, "bjh.html", page.encode()))
    assert ext.article.title == "柳湾派出所“三访”工作法暖民心"
    assert [s.name for s in ext.stations] == ["柳湾派出所"]
    assert any("三访" in m.name for m in ext.mechanisms)


def test_text_written_twice_is_no_more_prose() -> None:
    """Deciding between two readings of a page: a table reading that repeats a paragraph
    (seen on a real government page) does not hold more of the article for it."""
    from loaders.read import _prose

    para = "今年以来，柳湾派出所联合镇司法所、村委会成立调解工作室，化解矛盾纠纷120余起。"
    assert _prose(f"| {para} {para} 发布日期：2019-03-06 |") == _prose(para) > 0


def test_html_headline_with_a_bar_inside_is_kept_whole(tmp_path: Path) -> None:
    """trafilatura cuts a headline at " | " as if a site's name followed; the page's <title>
    holds it whole (only site and channel names at its end are cut)."""
    head = "夏季治安打击整治“百日行动” | 柳湾派出所成立多支巡逻队 守护活力澎湃的多彩街区"
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}_某某新闻网</title></head><body>"
            "<div class='content'><p>今年以来，柳湾派出所联合镇司法所、村委会成立调解工作室，化解矛盾纠纷120余起。</p>"
            "<p>该所民警每周走访辖区村组，开展矛盾纠纷排查，辖区盗窃警情同比下降30%。</p></div></body></html>")
    doc = read_source(_write(tmp_path, "bar.html", page.encode()))
    assert doc.html_title == head
    assert doc.text.splitlines()[0] == head


def test_html_headline_with_pinyin_glosses(tmp_path: Path) -> None:
    """A scraped page's headline with glosses (警務(wù)) is the headline without them, as the
    same article's first line in plain text is."""
    from loaders.pipeline import extract_file, extract_text

    head = "警務(wù)“賦能”再升級 柳灣派出所“拉滿”群眾安全感"
    body = "近日，柳灣派出所推出“三訪”工作法，化解矛盾糾紛120餘起，群眾滿意率達到98%。"
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}</title></head><body>"
            f"<div id='js_article'><h1>{head}</h1><div id='js_content'><p>{body}</p>"
            f"<p>該所民警每周走訪轄區村組，開展矛盾糾紛排查，轄區盜竊警情同比下降30%。</p></div></div></body></html>")
    ext = extract_file(_write(tmp_path, "gloss.html", page.encode()))
    assert ext.article.title == extract_text(f"{head}\n{body}\n").article.title == "警务“赋能”再升级 柳湾派出所“拉满”群众安全感"


def test_a_table_page_is_read_flat_when_its_cell_was_glued() -> None:
    """Seen on a real government page: the table reading glued metadata, a repeated paragraph and
    the article into one line, and the flat reading dropped the repeat; the flat one is the article.
    A flat reading that lost most of the text, or a data table in an article, keeps the table."""
    from loaders.read import _flat_reading_wins

    p1 = "在新疆某县公安局柳湾派出所，一间飘着茶香的调解室以独特的“茶点调解”模式成为边疆治理新样本。"
    p2 = "每当矛盾发生，民警总会摆上花卷、凉菜和热茶，邀请当事人围坐在桌旁，让矛盾在轻松氛围中化解。"
    p3 = "该所所长介绍，今年以来，调解室共化解矛盾纠纷120余起，群众满意率达到98%以上。"
    glued = f"| 放大字体 发布日期:2025-06-17 浏览次数:1 导读 {p1}{p2}{p3} {p1}{p2} |"
    assert _flat_reading_wins(glued, f"导读\n{p1}{p2}\n{p3}")
    assert not _flat_reading_wins(glued, "导读\n" + p3)
    data = f"{p1}\n{p2}\n| 指标 | 2023年 | 2024年 |\n| 刑事案件 | 12起 | 8起 |\n{p3}"
    assert not _flat_reading_wins(data, f"{p1}\n{p2}\n{p3}")


def test_a_glued_table_cell_of_spaced_text_is_read_flat() -> None:
    """Some scrapes space their punctuation (统筹谋划 , 多措并举 。); the prose of a glued layout
    cell is still measured by sentences, so the flat reading is kept."""
    from loaders.read import _flat_reading_wins

    paras = ["公安某某分局柳湾派出所统筹谋划 , 多措并举 , 结合实际创新工作招法 , 不断深化“枫桥式公安派出所”创建 。",
             "柳湾派出所民警赶到某村时 , 村民王大姐正在和村干部“据理力争” 。 原来 , 这个村庄正在进行村容村貌整治工程 。",
             "民警将村庄负责人和王大姐带至村委会 , 并协调镇包村干部到场一起调解 , 事情最终得到了妥善解决 。"]
    glued = "| 放大字体 发布日期:2025-06-17 " + " ".join(paras) + " |"
    assert _flat_reading_wins(glued, "\n".join(paras))


BODY_P = ("<p>今年以来，柳湾派出所联合镇司法所、村委会成立调解工作室，化解矛盾纠纷120余起，群众满意率达到98%。</p>"
          "<p>该所民警每周走访辖区村组，开展矛盾纠纷排查，辖区盗窃警情同比下降30%，群众安全感明显提升。</p>")


@pytest.mark.parametrize(("head", "title", "expected"), [
    pytest.param("", "柳湾派出所调解有方--法治--某某网", "柳湾派出所调解有方", id="double-hyphens"),
    pytest.param("<h1>柳湾派出所调解有方</h1>", "柳湾派出所调解有方--法治--某某网", "柳湾派出所调解有方", id="h1-and-channels"),
    pytest.param("", "柳湾派出所调解有方-某某新闻网", "柳湾派出所调解有方", id="bare-hyphen-site"),
    pytest.param("<div class='logo'><h1><a href='/'>某某省人民政府网站</a></h1></div>",
                 "柳湾派出所调解有方 - 某某省人民政府门户网站", "柳湾派出所调解有方", id="logo-in-h1"),
    pytest.param("", "柳湾派出所——警民共筑基层社会治理防线", "柳湾派出所——警民共筑基层社会治理防线", id="dash-subtitle"),
    pytest.param("", "专项行动 | 柳湾派出所“三访”工作法暖民心", "专项行动 | 柳湾派出所“三访”工作法暖民心", id="kicker-bar"),
])
def test_html_headline_without_site_names(tmp_path: Path, head: str, title: str, expected: str) -> None:
    """Site and channel names after a headline in <title> are cut (标题--法治--某某网, 标题-某某新闻网,
    标题 - 某某门户网站, also when a logo <h1> holds the site's name); a subtitle after —— and a
    headline after a kicker and a bar are the headline's."""
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"{head}<div class='content'>{BODY_P}</div></body></html>")
    assert read_source(_write(tmp_path, "t.html", page.encode())).html_title == expected
