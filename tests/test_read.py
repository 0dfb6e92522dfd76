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
