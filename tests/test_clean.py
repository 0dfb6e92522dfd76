"""clean(): boilerplate out, offsets back to the source, headings and sentences right."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.clean import clean
from loaders.document import CleanDoc
from loaders.read import read_source, source_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_PARAMS = [pytest.param(p, id=p.stem[:3]) for p in SEEDS]


def test_all_seeds_present() -> None:
    assert len(SEEDS) == 5


def _check_offsets(doc: CleanDoc) -> None:
    """offsets strictly increasing, inside the source, and every kept character is its source character."""
    src = doc.source.text
    assert len(doc.offsets) == len(doc.text) == len(doc.simp)
    assert all(a < b for a, b in zip(doc.offsets, doc.offsets[1:]))
    assert all(0 <= o < len(src) for o in doc.offsets)
    for i, o in enumerate(doc.offsets):
        c = doc.text[i]
        # the only rewrites: '?' -> '·' (lost separator) and the paragraph join '\n'
        assert c == src[o] or (c == "·" and src[o] == "?") or (c == "\n" and src[o] in "\r\n\u2028\u2029")


def _check_sentences(doc: CleanDoc) -> None:
    paras = doc.paragraphs
    last = 0
    for s in doc.sentences:
        assert s.start < s.end, "no empty sentence"
        assert s.start >= last, "sentences in order, not overlapping"
        last = s.end
        p = paras[s.paragraph]
        assert p.start <= s.start and s.end <= p.end, "a sentence stays inside its paragraph"
        assert "\n" not in doc.text[s.start:s.end]
        ev = doc.evidence(s.start, s.end)
        assert doc.source.text[ev.start:ev.end] == ev.text
        kept = "".join(doc.source.text[doc.offsets[i]] for i in range(s.start, s.end))
        assert kept.replace("?", "·") == doc.text[s.start:s.end].replace("?", "·")


@pytest.mark.parametrize("path", SEED_PARAMS)
def test_seed_evidence_maps_back(path: Path) -> None:
    doc = clean(read_source(path))
    _check_offsets(doc)
    _check_sentences(doc)
    assert len(doc.sentences) >= 25
    for r in doc.removed:
        assert doc.source.text[r.start:r.end] == r.text


def _sentence_texts(doc: CleanDoc) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.sentences]


def test_pinyin_glosses_removed_but_evidence_keeps_them() -> None:
    doc = clean(read_source(SEEDS[2]))
    assert "(bào)" not in doc.text and "(zhèn)" not in doc.text and "鎮過" in doc.text
    first = doc.sentences[0]
    ev = doc.evidence(first.start, first.end)
    assert "(zhèn)" in ev.text  # the source slice is the original, glosses and all
    assert doc.text[first.start:first.end] == "“一灣酉水穿鎮過,兩岸風景入畫來”。"


BOILERPLATE = {
    "000": ["位置:当前位置", "首页", "发布时间", "中国报道网——", "责任编辑", "关于我们", "版权所有", "ICP备",
            "(党隆章)"],
    "001": ["文/朱显攀", "编辑:派出所工作", "作者系"],
    "002": ["報訊", "通訊員", "責編", "一審", "三審", "來源:", "最高法發布", "郴州"],
    "003": ["分享到", "相關文章"],
    "004": ["时间:2023", "来源:法律常识", "摄影 肖红光", "供图"],
}


@pytest.mark.parametrize("path", SEED_PARAMS)
def test_no_boilerplate_survives(path: Path) -> None:
    doc = clean(read_source(path))
    for junk in BOILERPLATE[path.stem[:3]]:
        assert junk not in doc.text, junk


def test_repeated_headline_kept_once() -> None:
    doc = clean(read_source(SEEDS[3]))
    title = "山門派出所:“浙江延安”有一支“紅心”警隊"
    assert doc.source.text.count(title) == 9
    assert doc.text.count(title) == 1
    assert doc.title == title and doc.title_span == (0, len(title))
    assert sum(r.kind == "repeat" for r in doc.removed) == 8


def test_caption_kept_credit_dropped() -> None:
    doc = clean(read_source(SEEDS[4]))
    lines = doc.text.split("\n")
    assert "渝北区公安分局两路派出所荣誉墙" in lines
    assert "派出所民警在辖区巡逻" in lines
    assert not any(doc.text[p.start:p.end] == "派出所民警在辖区巡逻" for p in doc.paragraphs if p.is_heading)
    assert doc.title is None  # this article has no headline


HEADINGS = {
    "000": ["“一个品牌”引领平安创建", "“三项机制”激活警务效能", "“三防融合”织密主防网络", "“三近警务”提升服务质效"],
    "001": ["“盘活”警力资源，实现“一警多能”", "“激活”共治细胞，推动“主防”落地",
            "“灵活”防范方式，拓展“主防”广度", "“用活”为民载体，提升“主防”质效"],
    "002": ["“兩隊一室”引領 下好治安防控“先手棋”", "推動“警地融合” 布好齊抓共管“一盤棋”",
            "加強“三區”治理 走好風險防范“關鍵棋”"],
    "003": ["紅心建盟，構建 “善治大格局”", "紅心為民，繪就“警民一家親”", "紅心鑄魂，爭做“紅色接班人”"],
    "004": [],
}


@pytest.mark.parametrize("path", SEED_PARAMS)
def test_seed_headings(path: Path) -> None:
    doc = clean(read_source(path))
    found = [doc.text[s.heading_start:s.heading_end] for s in doc.sections]
    want = [h.replace("，", ",").replace("：", ":") for h in HEADINGS[path.stem[:3]]]
    assert [h.replace("，", ",").replace("：", ":") for h in found] == want
    for k, sec in enumerate(doc.sections):
        assert sec.start >= sec.heading_end and sec.end > sec.start
        body = [p for p in doc.paragraphs if p.section == k and not p.is_heading]
        assert body and body[0].start == sec.start and body[-1].end == sec.end


def test_seed_titles() -> None:
    titles = [clean(read_source(p)).title for p in SEEDS]
    assert titles == ["秦岭深处的红岩“枫”景", None, None, "山門派出所:“浙江延安”有一支“紅心”警隊", None]


def test_lost_separator_repaired() -> None:
    doc = clean(read_source(SEEDS[1]))
    assert "“盘活·激活·灵活·用活”四活模式" in doc.text
    assert "盘活?激活" in doc.source.text
    doc = clean(source_from_text("他问：是这样吗?是的。"))
    assert "吗?" in doc.text  # a single question mark is a question mark


def test_sentence_rules() -> None:
    text = ("记者：“你们怎么做到的？”所长说：“靠群众。”第二句；第三句！\n"
            "没有句号的一行\n（张三 摄）\n最后一句。")
    doc = clean(source_from_text(text))
    assert _sentence_texts(doc) == ["记者：“你们怎么做到的？”", "所长说：“靠群众。”", "第二句；", "第三句！",
                                    "没有句号的一行", "最后一句。"]


def test_full_width_gloss_and_nav_over_lines() -> None:
    text = "首页\n>>\n法治\n某地新闻标题写在这里\n本報（bào）記者在鎮(zhèn)上看到，調(diào)解室每天都有群眾來。\n"
    doc = clean(source_from_text(text))
    assert doc.title == "某地新闻标题写在这里"
    assert "首页" not in doc.text and "法治" not in doc.text.split("\n")
    assert "本報記者在鎮上看到，調解室每天都有群眾來。" in doc.text


def test_metadata_lines_kept_aside() -> None:
    text = ("某所创新警务模式见成效\n发布时间：2025年6月17日 来源：某某日报\n本报记者 张三 通讯员 李四\n"
            "某某日报讯（记者 张三）近日，某派出所推出“三色预警”工作法，效果明显。\n（责任编辑：王五）\n")
    doc = clean(source_from_text(text))
    kinds = {r.kind for r in doc.removed}
    assert {"meta", "dateline", "editor"} <= kinds
    assert doc.text.split("\n") == ["某所创新警务模式见成效", "近日，某派出所推出“三色预警”工作法，效果明显。"]


def test_markdown_heading() -> None:
    from loaders.document import SourceDoc

    text = "# 某所经验\n\n## **一、建强队伍**\n\n近年来，该所坚持党建引领，队伍建设成效明显。\n"
    doc = clean(SourceDoc(path="a.md", text=text, encoding="utf-8", kind="markdown"))
    assert doc.title == "某所经验"
    assert [doc.text[s.heading_start:s.heading_end] for s in doc.sections] == ["一、建强队伍"]
    _check_offsets(doc)


# Text made of the characters that matter: Han, punctuation, brackets, pinyin, separators, boilerplate words.
_ALPHABET = st.sampled_from(
    list("派出所民警群众调解报讯镇網格員。！？!?；;，,、：:“”‘’()（）[]【】 \n\r\t\u3000?·>-|/")
    + ["bào", "(zhèn)", "责任编辑：", "来源：", "发布时间：2025-06-17", "首页 >> ", "摄影 ", "版权所有",
       "相关新闻", "\r\n", "分享到", "文/", "（张三）", "\ufeff", "通讯员", "盘活?激活?灵活", "# "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(["text", "markdown", "html"]))
def test_clean_property(text: str, kind: str) -> None:
    from loaders.document import SourceDoc

    doc = clean(SourceDoc(path="x", text=text, encoding="utf-8", kind=kind,
                          html_title="派出所" if kind == "html" else None))
    _check_offsets(doc)
    _check_sentences(doc)
    for p in doc.paragraphs:
        assert p.start < p.end
    for r in doc.removed:
        assert text[r.start:r.end] == r.text


def test_typical_portal_page() -> None:
    text = """当前位置：首页 > 新闻中心 > 正文
某县公安局某派出所：小警务室撬动大平安
2024-08-12 10:21  来源：某某日报  作者：张三  【字号：大 中 小】
【打印】【关闭】
　　本报讯（记者 张三 通讯员 李四）近日，某派出所推出“红袖标”巡防机制，辖区盗窃案件同比下降40%。
1.强化党建引领
　　该所坚持“支部建在所上”，与镇党委、村委会签订共建协议，形成合力。
（二）创新调解机制
　　所里成立“老娘舅”调解室，聘请乡贤5名，全年化解纠纷120起。（完）
图为民警走访群众（王五 摄）
扫一扫在手机打开当前页
上一篇：某地开展禁毒宣传
下一篇：某所获评先进
主办：某县人民政府  技术支持：某公司
"""
    doc = clean(source_from_text(text))
    assert doc.text.split("\n") == [
        "某县公安局某派出所：小警务室撬动大平安",
        "近日，某派出所推出“红袖标”巡防机制，辖区盗窃案件同比下降40%。",
        "1.强化党建引领",
        "该所坚持“支部建在所上”，与镇党委、村委会签订共建协议，形成合力。",
        "（二）创新调解机制",
        "所里成立“老娘舅”调解室，聘请乡贤5名，全年化解纠纷120起。",
        "图为民警走访群众",
    ]
    assert doc.title == "某县公安局某派出所：小警务室撬动大平安"
    assert [doc.text[s.heading_start:s.heading_end] for s in doc.sections] == ["1.强化党建引领", "（二）创新调解机制"]
    _check_offsets(doc)
    _check_sentences(doc)


def test_unrelated_ticker_is_not_the_title() -> None:
    # a headline for another story written three times (once glued to the body) is boilerplate
    ticker = "某县：开展禁毒宣传 筑牢全民防线"
    body = "川东群山褶皱里，青松镇犹如一颗明珠，派出所民警守护着留守儿童与空巢老人。"
    doc = clean(source_from_text(f"{ticker}\n{ticker}\n{ticker}{body}\n"))
    assert doc.title is None
    assert doc.text == body
    # the article's own headline, repeated, stays its title
    head = "青松派出所：山里的平安守护"
    doc = clean(source_from_text(f"{head}\n{head}\n{head}\n青松派出所民警守护着留守儿童与空巢老人，辖区平安。\n"))
    assert doc.title == head


def test_a_list_of_links_to_other_articles_is_kept_out_of_the_text() -> None:
    doc = clean(source_from_text("本版面文章\n· 某某派出所：群众身边的“矛盾终点站”\n· 推动社会组织助力就业\n\n"
                                 "柳湾派出所调解有方\n近日，柳湾派出所推出“三访”工作法，化解纠纷30起。\n"))
    assert "矛盾终点站" not in doc.text and "推动社会组织" not in doc.text
    assert doc.title == "柳湾派出所调解有方"
    assert [r.kind for r in doc.removed if r.text.startswith("·")] == ["related", "related"]
    one = clean(source_from_text("柳湾派出所调解有方\n· 民警上门走访，化解纠纷30起\n近日，柳湾派出所推出工作法。\n"))
    assert "化解纠纷30起" in one.text  # one bullet line is the article's own point


@pytest.mark.parametrize("label, repeated", [("今日资讯", False), ("APP下载", False), ("警营风采", True)])
def test_a_page_label_above_the_headline_is_not_the_headline(label: str, repeated: bool) -> None:
    headline = "石岭派出所织密乡村平安防护网"
    text = (f"{label}\n{headline}\n作者：某某\n乡村矛盾纠纷的预防和化解，要发挥村社的作用。\n"
            + (f"{headline}\n" if repeated else "")
            + "近年来，石岭派出所坚持发动群众，辖区发案数明显下降。\n民警常年走村入户，化解矛盾纠纷。\n")
    doc = clean(source_from_text(text, "t.txt"))
    assert doc.title == headline
    _check_offsets(doc)


def test_a_short_headline_above_a_long_line_stays_the_headline() -> None:
    text = ("石岭所长\n石岭派出所所长扎根山区二十年的故事与坚守\n近年来，石岭派出所坚持发动群众。\n"
            "民警常年走村入户，化解矛盾纠纷。\n")
    assert clean(source_from_text(text, "t.txt")).title == "石岭所长"


def test_a_short_line_above_a_headline_said_once_stays_when_it_names_no_page_part() -> None:
    text = ("警营风采\n石岭派出所织密乡村平安防护网\n作者：某某\n乡村矛盾纠纷的预防和化解，要发挥村社的作用。\n"
            "近年来，石岭派出所坚持发动群众，辖区发案数明显下降。\n")
    assert clean(source_from_text(text, "t.txt")).title == "警营风采"  # nothing says it is a label


def test_headlines_each_with_a_date_are_a_list_of_other_articles() -> None:
    """An e-paper's page index over the article: headline, date, headline, date ...; its stations
    are not the article's, and a list above the headline does not end the article early."""
    index = ("本版导航\n南岗派出所：“三色”工作法护平安\n2024-01-10\n"
             "北岭派出所打造“红枫”调解室\n2024-02-11\n")
    body = "□ 本报记者 王某 通讯员 李某 近日，柳湾派出所推出“三访”工作法，化解纠纷30起。"
    doc = clean(source_from_text(index + "柳湾派出所调解有方\n" + body + "\n"))
    assert "南岗" not in doc.text and "北岭" not in doc.text
    assert [r.kind for r in doc.removed if "派出所" in r.text] == ["related", "related"]
    assert doc.title == "柳湾派出所调解有方"
    assert "“三访”工作法" in doc.text
    # one headline with a date is a dateline of the article, not a list
    one = clean(source_from_text("柳湾派出所调解有方\n2024-01-10\n近日，柳湾派出所推出“三访”工作法。\n"))
    assert one.title == "柳湾派出所调解有方"


@pytest.mark.parametrize("where", ["after", "before"])
def test_headlines_with_their_dates_on_the_same_line_are_a_list_of_other_articles(where: str) -> None:
    """相关新闻 without its header: headline 2024-02-11 lines after the article (or over it) are
    other articles; their stations and their dates (read as figures) stay out."""
    others = ("南岗派出所：调解室里解心结 2024-01-10\n北岭派出所：“红马甲”巡逻队守平安！2024-02-11\n"
              "东湖派出所怎么做？民警这样说2019年10月20日\n")
    article = "柳湾派出所调解有方\n近日，柳湾派出所推出“三访”工作法，化解纠纷30起。\n"
    doc = clean(source_from_text(article + others if where == "after" else others + article))
    assert "南岗" not in doc.text and "北岭" not in doc.text
    assert doc.title == "柳湾派出所调解有方"
    assert [r.kind for r in doc.removed if "派出所" in r.text] == ["related", "related", "related"]
    # one dated line is no list
    one = clean(source_from_text(article + "南岗派出所：调解室里解心结 2024-01-10\n"))
    assert "南岗" in one.text


def test_the_articles_dated_headline_under_a_page_index_stays_the_headline() -> None:
    index = "本版导航\n南岗派出所：调解室里解心结\n2024-01-10\n北岭派出所举行开放日活动\n2024-02-11\n"
    article = "柳湾派出所“三访”工作法暖民心 2024年12月20日\n近日，柳湾派出所推出“三访”工作法，化解纠纷30起。\n"
    doc = clean(source_from_text(index + article))
    assert doc.title and doc.title.startswith("柳湾派出所“三访”工作法暖民心")
    assert "南岗" not in doc.text


def test_short_lines_after_the_articles_closing_metadata_are_page_furniture() -> None:
    """A real page's tail: the article's date and source, then the sources of a list of other
    articles whose headlines were links (世纪大讲堂 would read as a practice's name)."""
    body = "柳湾派出所调解有方\n近日，柳湾派出所推出“三访”工作法，化解纠纷30起。\n"
    doc = clean(source_from_text(body + "2019年11月25日 16:04:30\n来源：某某新闻网\n世纪大讲堂\n全媒体大开讲\n看看新闻\n"))
    assert "世纪大讲堂" not in doc.text and "看看新闻" not in doc.text
    assert "“三访”工作法" in doc.text
    # without the closing metadata, short last lines (a caption) stay; so do headings left
    # at the end (a quoted name, or longer than a source's name)
    kept = clean(source_from_text(body + "民警走访群众\n"))
    assert "民警走访群众" in kept.text
    heads = clean(source_from_text(body + "来源：某某新闻网\n“三防融合”织密主防网络\n“三项机制”激活警务效能\n"))
    assert "“三防融合”织密主防网络" in heads.text


def test_a_portals_recommended_news_and_promotion_are_not_content() -> None:
    """A real sina.com.cn page's tail: a QR-code promotion, 推荐新闻, then bulleted headlines of
    other stories (one about Hong Kong police, which once placed the station in Hong Kong)."""
    body = "柳湾派出所调解有方\n近日，柳湾派出所推出“三访”工作法，化解纠纷30起。\n"
    tail = ("更多猛料！欢迎扫描左方二维码关注某某新闻官方微信（xinwen）\n推荐新闻\n"
            "- 【 军事 】 香港警察装备水平可否跻身世界前列\n- 【 财经 】 某企业家：以前对钱没兴趣\n")
    doc = clean(source_from_text(body + tail))
    assert doc.text == body.rstrip("\n")
    assert [r.kind for r in doc.removed] == ["widget", "related", "related", "related"]


def test_kicker_ending_in_a_dash_leads_to_the_headline() -> None:
    # 引题 over the headline: the headline is the line the dash leads to.
    text = ("某某派出所倾情服务群众,守护一方安宁—\n\n践行“枫桥经验” 绘就“平安画卷”\n"
            "近年来，某某派出所坚持和发展新时代“枫桥经验”，化解矛盾纠纷。\n")
    doc = clean(source_from_text(text))
    assert doc.title == "践行“枫桥经验” 绘就“平安画卷”"
    assert "倾情服务群众" in doc.text  # the kicker stays content
