"""A scraped HTML page gives the same facts as the article's plain text.

Each seed is put into four page layouts met in scrapes: a government site laid out in
tables, a news site with <article> and a side column, a WeChat post, and an e-paper page
whose <title> is the paper's name and whose page index (headline, date, ...) sits above the
article. Every page carries a list of other articles naming other stations (invented here);
none of it may reach the graph, and nothing of the article may be lost.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from loaders.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

OTHERS = ["南岗派出所：调解室里解心结", "北岭派出所：“红马甲”巡逻队守平安", "东湖派出所开展反诈宣传进社区活动"]
NO_TITLE = "基层警务工作动态"  # the page's headline where the seed's gold has none


def _others() -> str:
    return "".join(f"<li><a href='/n/{i}.html'>{html.escape(t)}</a><span>2024-0{i + 1}-1{i}</span></li>"
                   for i, t in enumerate(OTHERS))


def _p(paras: list[str]) -> str:
    return "".join(f"<p>{html.escape(x)}</p>" for x in paras)


def gov(title: str, paras: list[str]) -> str:
    t = html.escape(title)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t}_某某市公安局</title></head><body>"
            "<div><a href='/'>首页</a> | <a href='/a'>警务公开</a> | <a href='/b'>警务动态</a></div>"
            "<div>当前位置：<a href='/'>首页</a> &gt; <a href='/b'>警务动态</a> &gt; 正文</div>"
            f"<table width='1000'><tr><td><h1>{t}</h1>"
            "<div>发布时间：2024-06-18 09:30 来源：某某市公安局 浏览次数：1024 【字体：大 中 小】</div>"
            f"<div id='zoom'>{_p(paras)}</div><div>（责任编辑：王小明）</div></td>"
            f"<td width='260'><h3>热点新闻</h3><ul>{_others()}</ul></td></tr></table>"
            "<div>版权所有：某某市公安局 浙ICP备12345678号</div></body></html>")


def news(title: str, paras: list[str]) -> str:
    t = html.escape(title)
    return (f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>{t} - 平安网</title>"
            "<script>window.__STATE__={};</script></head><body><header><nav><ul><li><a href='/'>首页</a></li>"
            "<li><a href='/fz'>法治</a></li><li><a href='/pa'>平安</a></li></ul></nav></header>"
            f"<main><article><h1>{t}</h1><div><span>2024-03-05 10:12</span><span>来源：平安网</span></div>"
            f"<div class='content'>{_p(paras)}</div><p>责任编辑：张三</p></article>"
            f"<aside><h2>推荐阅读</h2><ul>{_others()}</ul></aside></main>"
            "<footer><p>关于我们 | 联系我们 | 网站地图</p><p>Copyright © 2024 平安网 京ICP证000000号</p></footer>"
            "</body></html>")


def wechat(title: str, paras: list[str]) -> str:
    t = html.escape(title)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t}</title></head><body>"
            f"<div id='js_article'><h1 class='rich_media_title'>{t}</h1>"
            "<div><span>某某公安</span> <em>2024-07-22 18:00</em></div>"
            f"<div class='rich_media_content' id='js_content'>{_p(paras)}<p>编辑：刘洋</p>"
            "<p>长按识别二维码关注我们</p></div><div>阅读原文 阅读 10万+ 在看 点赞</div></div>"
            f"<div><p>往期推荐</p><ul>{_others()}</ul></div></body></html>")


def epaper(title: str, paras: list[str]) -> str:
    body = "<br>".join("&nbsp;&nbsp;" + html.escape(x) for x in paras)
    return ("<html><head><meta charset='utf-8'><title>某某法治报</title></head><body>"
            "<table><tr><td>第03版：平安建设</td><td><a>上一版</a> <a>下一版</a></td></tr></table>"
            f"<table><tr><td valign='top' width='300'><div>本版导航</div><ul>{_others()}</ul></td>"
            f"<td valign='top'><b>{html.escape(title)}</b><br>本报记者 周明<br><div id='ozoom'>{body}</div>"
            "</td></tr></table><div><a>上一篇</a> <a>下一篇</a> 返回目录</div>"
            "<div>某某法治报社版权所有 未经书面授权禁止使用</div></body></html>")


def _facts(path: Path) -> tuple[set, set, set, set, str | None]:
    e = extract_file(path)
    return ({(s.name, s.role, s.province, s.county) for s in e.stations}, {m.name for m in e.mechanisms},
            {p.name for p in e.partners}, {(o.metric, o.value, o.unit, o.direction, o.period) for o in e.outcomes},
            e.article.title)


@pytest.mark.parametrize("layout", [gov, news, wechat, epaper], ids=lambda f: f.__name__)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_a_page_gives_the_facts_of_its_plain_text(tmp_path: Path, seed: Path,
                                                  layout: Callable[[str, list[str]], str]) -> None:
    gold_title = json.loads((ROOT / "tests" / "gold" / f"{seed.stem}.json").read_text("utf-8"))["article"]["title"]
    paras = [x for x in seed.read_text("utf-8").split("\n") if x.strip()]
    page = tmp_path / "page.html"
    page.write_text(layout(gold_title or NO_TITLE, paras), "utf-8")
    stations, mechanisms, partners, outcomes, title = _facts(page)
    plain = _facts(seed)
    assert stations == plain[0]
    assert mechanisms == plain[1]
    assert partners == plain[2]
    assert outcomes == plain[3]
    assert title == (gold_title or NO_TITLE)
    assert not any(other[:3] in s[0] for s in stations for other in OTHERS)
