"""fill_article: title, source, date, author and doctrine, in simplified script."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.document import SourceDoc
from loaders.metadata import fill_article, iso_date
from loaders.model import Article, Extraction
from loaders.read import read_source, source_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

EXPECTED = {
    "000": dict(title="秦岭深处的红岩“枫”景", source="中国报道", date="2025-06-17", author="党隆章"),
    "001": dict(title=None, source="派出所工作", date=None, author="朱显攀"),
    "002": dict(title=None, source="湖南法治报", date=None, author="何晓阳"),
    "003": dict(title="山门派出所:“浙江延安”有一支“红心”警队", source=None, date=None, author=None),
    "004": dict(title=None, source="法律常识", date="2023-05-23", author=None),
}


def _article(doc: SourceDoc) -> Article:
    ext = Extraction(article=Article(file=Path(doc.path).name))
    fill_article(clean(doc), ext)
    return ext.article


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem[:3]) for p in SEEDS])
def test_seed_metadata(path: Path) -> None:
    assert len(SEEDS) == 5
    art = _article(read_source(path))
    want = EXPECTED[path.stem[:3]]
    got = dict(title=art.title, source=art.source, date=art.date, author=art.author)
    assert got == want
    assert art.doctrine == ["枫桥经验"]


def test_body_dates_are_not_publication_dates() -> None:
    art = _article(source_from_text("某所新闻\n2025年6月3日凌晨，某派出所民警抓获一名盗窃嫌疑人。\n"))
    assert art.date is None
    assert art.author is None and art.source is None
    assert art.doctrine == []


def test_byline_with_several_names_and_chinese_date() -> None:
    text = ("某所创新警务模式见成效\n日期：2024年3月5日\n本报记者 张三 通讯员 李四、王五\n"
            "近日，某派出所推出工作法，坚持和发展新时代“楓橋經驗”，效果明显。\n")
    art = _article(source_from_text(text))
    assert art.title == "某所创新警务模式见成效"
    assert art.date == "2024-03-05"
    assert art.author == "张三、李四、王五"
    assert art.doctrine == ["枫桥经验"]


def test_dateline_gives_source_and_author() -> None:
    art = _article(source_from_text("法治日報訊（記者 趙六 通訊員 錢七）近日，某派出所成立調解室，化解糾紛30起。\n"))
    assert art.source == "法治日报"
    assert art.author == "赵六、钱七"


def test_html_metadata_is_the_fallback() -> None:
    doc = SourceDoc(path="a.html", text="某派出所成立调解室。\n该所化解纠纷30起。", encoding="utf-8", kind="html",
                    html_title="某派出所成立調解室", html_meta={"date": "2024-11-02", "sitename": "某某新闻网",
                                                         "author": "孙八"})
    art = _article(doc)
    assert (art.title, art.source, art.date, art.author) == ("某派出所成立调解室", "某某新闻网", "2024-11-02", "孙八")


def test_meta_source_wins_over_tagline() -> None:
    text = "某某网——某省唯一官方新闻网站\n某所经验\n来源：《某某日报》 作者：周九\n该所坚持党建引领，队伍建设成效明显。\n"
    art = _article(source_from_text(text))
    assert art.source == "某某日报"
    assert art.author == "周九"
    assert art.title == "某所经验"


@pytest.mark.parametrize(("text", "iso"), [("2025-06-17 09:23", "2025-06-17"), ("2025年6月7日", "2025-06-07"),
                                           ("2025/13/01", None), ("20250617", None)])
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


# -- round 2: site furniture, stamps and bylines -----------------------------------
BODY = "近日，某派出所推出调解工作法，化解纠纷30起，群众满意度明显提升，辖区警情同比下降。\n"


def test_site_navigation_is_not_the_title_and_publisher_line_gives_source_and_date() -> None:
    text = ("收藏某某大学出版社\n高级搜索\n访问某某出版社\n某派出所：三把钥匙开三扇门\n"
            "某某大学出版社  2026/3/16 9:56:51\n浏览次数:20\n文/图/张明 李华\n" + BODY)
    art = _article(source_from_text(text))
    assert art.title == "某派出所：三把钥匙开三扇门"
    assert (art.source, art.date, art.author) == ("某某大学出版社", "2026-03-16", "张明、李华")


def test_bare_time_stamp_is_the_date() -> None:
    art = _article(source_from_text("2021-8-27 14:22\n" + BODY))
    assert art.date == "2021-08-27" and art.title is None


def test_page_label_and_box_byline() -> None:
    text = "2024年05月23日\n第02版:综合新闻\n警校联动 护校安园\n——某县创新工作模式\n□ 张明 李华\n" + BODY
    art = _article(source_from_text(text))
    assert (art.title, art.date, art.author) == ("警校联动 护校安园", "2024-05-23", "张明、李华")


def test_reporter_line_gives_outlet_and_names() -> None:
    art = _article(source_from_text("某所经验谈\n张明 某某法治报全媒体记者 李华 文/图\n" + BODY))
    assert (art.title, art.source, art.author) == ("某所经验谈", "某某法治报", "张明、李华")


def test_source_field_with_a_reporter() -> None:
    art = _article(source_from_text("来源:某某日报记者 张明\n" + BODY))
    assert (art.source, art.author) == ("某某日报", "张明")


def test_bare_name_on_the_first_line_is_the_author() -> None:
    art = _article(source_from_text("欧阳明\n" + BODY))
    assert art.author == "欧阳明" and art.title is None
    art = _article(source_from_text("警民同心\n" + BODY))  # a short headline is not a name
    assert art.author is None


def test_trailing_bracketed_names_line_is_the_author() -> None:
    art = _article(source_from_text(BODY + "（陈明 陈华）\n"))
    assert art.author == "陈明、陈华"


def test_dateline_title_prefix_is_stripped() -> None:
    art = _article(source_from_text("中新网福州3月16日电 题：某派出所的调解经\n" + BODY))
    assert art.title == "某派出所的调解经" and art.source == "中新网"


def test_original_title_line_is_not_body() -> None:
    doc = clean(source_from_text("某所经验谈\n原标题：某派出所的调解经\n" + BODY))
    assert "原标题" not in doc.simp and doc.title == "某所经验谈"
    ext = Extraction(article=Article(file="t.txt"))
    fill_article(clean(source_from_text("原标题：某派出所的调解经\n" + BODY)), ext)
    assert ext.article.title == "某派出所的调解经"


# -- round 3: site furniture around the headline, anonymous authors
def _text_article(text: str) -> Article:
    return _article(source_from_text(text, "t.txt"))


def test_trending_and_logo_lines_are_not_the_title() -> None:
    art = _text_article("今日特推: 某地警方悬赏通缉一名逃犯\n某网Logo\n下载客户端\n\n"
                        "青石派出所探索治理新模式\n\n来源:某某法制网\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.title == "青石派出所探索治理新模式" and art.source == "某某法制网"


def test_date_on_the_headline_line_and_page_marker() -> None:
    art = _text_article("青石派出所践行新经验显成效 2024年12月20日\n\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.title, art.date) == ("青石派出所践行新经验显成效", "2024-12-20")
    art = _text_article("( 二 )\n\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.title is None


def test_subtitle_line_is_not_the_title() -> None:
    art = _text_article("——记某省某县公安局青石派出所\n2019-12-13 作者: 来源: 某某法治网\n"
                        "近年来，青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.title is None and art.date == "2019-12-13"


def test_anonymous_author_is_null_and_bracket_names_after_outlet() -> None:
    art = _text_article("标题写在这里的新闻\n\n时间:2023-12-20 来源:某某长安网 作者:佚名\n\n"
                        "青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.author is None and art.source == "某某长安网"
    art = _text_article("青石派出所探索治理新模式\n\n某某传媒网:(张明 李华)11月18日，现场会在某地举行，代表们走进青石派出所。")
    assert art.author == "张明、李华"


def test_source_channel_and_bar_title_and_bar_time_field() -> None:
    art = _text_article("某频道|青石派出所打造平安海岛景区\n发布时间 | 2023-08-24 17:37:52\n来源:某某新闻·某某号·政务\n\n"
                        "青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.title, art.date, art.source) == ("青石派出所打造平安海岛景区", "2023-08-24", "某某新闻")


def test_single_spaced_menu_line_is_navigation() -> None:
    art = _text_article("最新 原创 专题 新经济 曝光台 访谈 三分钟 评论社 文娱 元宇宙 更多栏目 其他栏目\n"
                        "某地:青石派出所聚合力 共筑安全防火墙\n\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.title == "某地:青石派出所聚合力 共筑安全防火墙"


def test_any_outlet_before_xun_with_a_reporter_bracket_is_the_source() -> None:
    art = _text_article("华夏资讯联盟讯(记者 王明 文/图)青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.source == "华夏资讯联盟"


def test_e_paper_mastheads_greetings_buttons_and_glossed_fields() -> None:
    art = _text_article("正文复制\n\n青山日报/2024 年/4 月/22 日/第 002 版要闻\n青石派出所的平安经\n"
                        "本报记者 王明\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.title, art.source, art.date) == ("青石派出所的平安经", "青山日报", "2024-04-22")
    art = _text_article("歡迎來(lái)到青山長安網\n\n青石派出所的平安经\n\n來(lái)源:青山法制報(bào) | 發布時間: 2020-06-01 14:02\n"
                        "青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.title, art.source, art.date) == ("青石派出所的平安经", "青山法制报", "2020-06-01")


def test_picture_place_holders_and_reader_buttons_are_not_the_title() -> None:
    for first in ("【资料图】", "［视频］", "论文部分内容阅读"):
        art = _text_article(f"{first}\n青石派出所的平安经\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
        assert art.title == "青石派出所的平安经", first


def test_menus_empty_crumbs_and_channel_date_lines() -> None:
    body = "青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。"
    art = _text_article(f"收藏青山大学出版社 社长致辞 | 出版社简介 | 帮助中心\n青石派出所:红色初心绘新景\n{body}")
    assert art.title == "青石派出所:红色初心绘新景"
    art = _text_article(f"某某网 > > 正文\n\n青石派出所的平安经\n\n2017年08月11日 16:55:54 来源: 某某法制网\n{body}")
    assert (art.title, art.date) == ("青石派出所的平安经", "2017-08-11")
    art = _text_article(f"青石派出所的平安经\n\n政务   2025-02-04 08:05   安徽\n\n{body}")
    assert (art.title, art.date) == ("青石派出所的平安经", "2025-02-04")


def test_a_time_stamp_glued_to_the_source_is_not_part_of_it() -> None:
    art = _text_article("青石派出所的平安经\n来源:平安青山2023-01-25 16:54\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.source, art.date) == ("平安青山", "2023-01-25")


def test_a_date_with_the_authors_name_glued_after_it() -> None:
    art = _text_article("青石派出所建设路径探讨\n2021-02-28王明\n一、创建背景\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert (art.title, art.date, art.author) == ("青石派出所建设路径探讨", "2021-02-28", "王明")


def test_a_contributed_by_line_names_its_author_only() -> None:
    art = _text_article("青石派出所的平安经\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。（供稿：王明）")
    assert art.author == "王明"


def test_an_outlet_name_over_the_headline_is_the_source() -> None:
    art = _text_article("青山政法报\n架起新“连心桥” 打造平安建设“共同体”\n青石派出所民警走访群众，化解纠纷十余起，群众纷纷点赞。")
    assert art.source == "青山政法报" and art.title == "架起新“连心桥” 打造平安建设“共同体”"


# -- round 8: e-paper page titles, headline with fields, breadcrumbs, datelines, spaced names --
def test_epaper_headline_line_gives_title_outlet_and_edition_date() -> None:
    text = ("电子报阅读器\n2030-01-09\n某地派出所巧织平安网_某某法治报_2029年03月04日A05\n日期:03-04\n"
            "今年以来，某地派出所组织民警走访群众，化解矛盾纠纷多起，辖区治安持续向好。\n")
    art = _article(source_from_text(text))
    assert (art.title, art.source, art.date) == ("某地派出所巧织平安网", "某某法治报", "2029-03-04")


def test_headline_with_page_fields_on_its_line() -> None:
    text = ("某地派出所——警民同心守护古城安宁 发布时间:2029-06-30 19:45:00    0人浏览\n\n"
            "华灯初上，街区人头攒动。某地派出所组织民警和志愿者巡逻，守护游客平安。\n")
    art = _article(source_from_text(text))
    assert (art.title, art.date) == ("某地派出所——警民同心守护古城安宁", "2029-06-30")


@pytest.mark.parametrize("crumb", ["当前位置: 首页 » 行业新闻 » 正文", "您当前的位置 : 某某网 > 法治",
                                   "某某网>>某某频道>>法治", "首页 资讯 正文", "2029年07月01日 上一期 下一期"])
def test_site_head_above_a_breadcrumb_is_not_the_headline(crumb: str) -> None:
    text = (f"• 全国 [切换]\n某某服务网\n手机也能找商机\n{crumb}\n某地派出所织密平安防护网\n"
            "近年来，某地派出所坚持和发展新时代“枫桥经验”，组织民警走访群众，辖区治安持续向好。\n")
    assert _article(source_from_text(text)).title == "某地派出所织密平安防护网"


def test_outlet_dateline_gives_source_and_authors() -> None:
    text = "某某网杭州5月8日电(张小明 李大华)近年来，某地派出所依靠警务助理就地化解矛盾纠纷。\n"
    art = _article(source_from_text(text))
    assert (art.source, art.author) == ("某某网", "张小明、李大华")


def test_two_character_name_spaced_to_three_is_one_name() -> None:
    text = "近年来，某地派出所依靠警务助理就地化解矛盾纠纷，群众满意度持续提升。(邹 强 傅小琼)\n"
    assert _article(source_from_text(text)).author == "邹强、傅小琼"


@pytest.mark.parametrize("value,expected", [("某某日报地方新闻", "某某日报"), ("某某网-某某频道", "某某网"),
                                            ("某某网湖北", "某某网湖北"), ("本网某地", None)])
def test_source_without_its_column(value: str, expected: str | None) -> None:
    from loaders.metadata import _clean_source

    assert _clean_source(value) == expected


def test_a_reprinted_paper_a_byline_row_and_a_papers_edition() -> None:
    from loaders.pipeline import extract_text

    a = extract_text("标题派出所的故事\n\n發布時間:2023-07-12 09:30:00來源: 光明網-《光明日報》\n\n正文派出所民警很好。", "t.txt").article
    assert (a.source, a.date) == ("光明日报", "2023-07-12")
    a = extract_text("标题派出所\n\n王为薇   湖南日报·新湖南客户端   2023-01-31 11:15:40\n\n正文派出所民警很好。", "t.txt").article
    assert (a.source, a.date) == ("湖南日报", "2023-01-31")
    a = extract_text("标题派出所\n\n湖北日报农村版全媒记者 董园园 通讯员 欧阳智慧\n\n正文派出所民警很好。", "t.txt").article
    assert a.source == "湖北日报农村版" and a.author == "董园园、欧阳智慧"


def test_a_caption_a_breadcrumb_and_a_place_are_no_title_or_author() -> None:
    from loaders.pipeline import extract_text

    a = extract_text("民警与“石榴义警”在辖区开展反诈宣传(贾洋 摄)\n\n青石派出所民警走访群众。", "t.txt").article
    assert a.title is None
    a = extract_text("中新社内蒙古分社 • 正文\n\n石榴派出所打造新模式\n\n青石派出所民警走访群众。", "t.txt").article
    assert a.title == "石榴派出所打造新模式"


PUB_BODY = "近日，青松派出所成立调解室，化解纠纷30起，辖区发案数同比下降两成。\n"


@pytest.mark.parametrize("text, outlet", [
    ("青松派出所的新春\n绿野通讯社江城2月5日电 题：青松派出所的新春\n" + PUB_BODY, "绿野通讯社"),
    ("青松派出所调解有方\n山川在线河口5月13日讯（记者 张三）" + PUB_BODY, "山川在线"),
    ("青松派出所调解有方\n山川法制在线讯：" + PUB_BODY, "山川法制在线"),
    ("青松派出所调解有方\n" + PUB_BODY + "北方日报·草原云记者：张三\n", "北方日报"),
    ("青松派出所调解有方\n" + "1月27日下午，《东湖周末》记者在青松派出所看到，" + PUB_BODY, "东湖周末"),
    ("青松派出所调解有方\n凡本报署名文字、图片，版权均属江城晚报所有。\n" + PUB_BODY, "江城晚报"),
    ("青松派出所调解有方\n" + PUB_BODY + "本文不代表 四方新闻网 立场，如若转载，请注明出处\n", "四方新闻网"),
    ("您当前的位置 : 山川在线  >  江城频道 > 今日\n青松派出所调解有方\n" + PUB_BODY, "山川在线"),
    ("青松派出所调解有方\n基层警务 2021年7期\n" + PUB_BODY, "基层警务"),
    ("青松派出所调解有方\n" + PUB_BODY + "《 江城日报 》( 2025年12月18日 )\n", "江城日报"),
    ("专栏名称: 平安青松\n青松派出所调解有方\n" + PUB_BODY, "平安青松"),
])
def test_publisher_named_outside_the_metadata_fields(text: str, outlet: str) -> None:
    assert _article(source_from_text(text)).source == outlet


def test_station_staff_and_our_own_paper_are_no_publisher() -> None:
    art = _article(source_from_text("青松派出所调解有方\n本报讯 " + PUB_BODY + "本报记者 张三\n"))
    assert art.source is None


def test_original_title_note_and_an_intern_byline_are_not_the_headline() -> None:
    assert _article(source_from_text("原题：青松派出所的调解经\n" + PUB_BODY)).title == "青松派出所的调解经"
    art = _article(source_from_text("实习生 张三 李四 王五\n青松派出所调解有方\n" + PUB_BODY))
    assert art.title == "青松派出所调解有方"


def test_reporters_named_after_their_outlet_credit_are_the_authors() -> None:
    art = _article(source_from_text("青松派出所的新春\n绿野通讯社记者张三\n" + PUB_BODY))
    assert art.author == "张三" and art.source == "绿野通讯社"
    art = _article(source_from_text("青松派出所调解有方\n" + PUB_BODY + "北方晚报·北方壹点记者陶立新通讯员徐海涛\n"))
    assert art.author == "陶立新、徐海涛"


def test_a_photo_credit_names_no_author() -> None:
    art = _article(source_from_text("青松派出所调解有方\n民警在执勤。 北方法治报记者 韩立摄\n" + PUB_BODY))
    assert art.author is None


def test_a_web_address_is_no_publisher_but_its_host_is_the_last_resort() -> None:
    # 来源: URL names a site: never a truncated address; a publisher named elsewhere wins.
    url = "来源: https://e.example.cn/xzrb/202406/04/content_258883.html\n"
    body = "某某派出所组建义警队伍，开展巡逻。\n"
    assert _article(source_from_text("某所经验做法\n" + body + url)).source == "e.example.cn"
    assert _article(source_from_text("某所经验做法\n" + url + "来源：西藏日报\n" + body)).source == "西藏日报"


def test_time_stamp_with_a_space_after_the_year() -> None:
    text = "打通微循环 做实小警务\n2024 01/13 22:42:00\n来源:包头市公安局\n某某派出所民警走访群众。\n"
    assert _article(source_from_text(text)).date == "2024-01-13"
    assert iso_date("全年2024 1234人") is None


def test_a_time_stamp_with_the_time_and_a_name_gives_date_and_author() -> None:
    art = _article(source_from_text("霓虹灯下新哨兵\n2016-12-15 05:41东方慕蓉\n某某派出所民警走访群众。\n"))
    assert (art.date, art.author) == ("2016-12-15", "东方慕蓉")


def test_two_names_glued_in_a_time_stamp_are_not_a_third_author() -> None:
    text = "某所的传承与创新\n\n2021-09-05 14:33沈泓徐诚\n派出所工作 2021年7期\n\n沈泓 徐诚\n\n某某派出所民警走访群众。\n"
    assert _article(source_from_text(text)).author == "沈泓、徐诚"
