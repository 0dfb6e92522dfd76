"""Property tests over the extractors and the whole pipeline (text -> facts -> triples).

Reader and cleaner properties live in tests/test_clean.py. Here any text goes
through ``extract_text`` and the RDF conversion: nothing crashes, every
fact's evidence is the slice of the source it claims, and every failed count
check is reported in ``ext.warnings``. The texts are built from pieces that
make the rules fire (stations, quoted names with head words, counts,
enumerations, numbers with units and directions).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.oxconv import triples_quads
from loaders.model import Evidence, Extraction
from loaders.pipeline import extract_text
from loaders.rdf import article_iri, triples

PIECES = [
    "派出所", "某某派出所", "公安局", "分局", "镇", "县", "街道", "社区", "村", "民警", "辅警",
    "机制", "模式", "工作法", "警务", "联动", "调解室", "义警", "平台",
    "“", "”", "「", "」", "、", "，", "。", "：", "；", "（", "）", "(", ")", "%", "·", "+",
    "一", "二", "三", "四", "五", "六", "十", "百", "千", "万", "亿", "余", "近", "超", "以上",
    "0", "1", "2", "3", "5", "9", "12", "35", "100", "2023", "2024年", "3.5", "１２",
    "起", "件", "人", "户", "平方公里", "场次", "次", "个", "名",
    "同比", "环比", "下降", "上升", "增长", "减少", "零发案", "未发生", "化解", "矛盾纠纷", "调处",
    "成功率", "满意率", "刑事案件", "电诈", "发案数", "警情",
    "联合", "司法所", "村委会", "网格员", "志愿者", "律师", "商户", "学校",
    "枫桥经验", "荣获", "称号", "全国", "先进集体", "三等功",
    "发布时间", "来源", "作者", "编辑", "记者", "通讯员", "\n", "\n\n", " ", "\u3000", "\r\n",
]
ALPHABET = "的了在是和与及对为以所区站城乡安全防控治理服务群众工作组建立推行开展实现"


WORD = st.text(alphabet=ALPHABET, min_size=1, max_size=4)
NUM = st.one_of(st.integers(0, 100000).map(str), st.sampled_from(["3.5", "１２", "百余", "二十", "1.2万", "0"]))


@st.composite
def sentence(draw: Any) -> str:
    """One sentence of a shape some extractor reads (station, mechanism, partners, outcome) or noise."""
    w = lambda: draw(WORD)  # noqa: E731
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return f"{w()}县公安局{w()}派出所位于{w()}镇，辖区面积{draw(NUM)}平方公里，实有人口{draw(NUM)}人。"
    if kind == 1:
        parts = draw(st.lists(WORD, min_size=0, max_size=6))
        head = draw(st.sampled_from(["机制", "模式", "工作法", "警务", "调解室"]))
        count = draw(st.sampled_from(["", "三", "四", "五", "1+X+"]))
        listed = "即" + "、".join(f"“{x}”" for x in parts) if parts else ""
        return f"{w()}派出所推行“{count}{w()}{head}”，{listed}。"
    if kind == 2:
        partners = draw(st.lists(st.sampled_from(["司法所", "村委会", "网格员", "志愿者", "律师", "商户", w()]),
                                 max_size=5))
        return f"联合{'、'.join(partners)}等力量，{w()}。"
    if kind == 3:
        unit = draw(st.sampled_from(["起", "件", "人", "%", "场次", ""]))
        trend = draw(st.sampled_from(["同比下降", "环比上升", "增长", "", "实现零发案"]))
        return f"{draw(st.sampled_from(['2023年', '今年以来', '']))}{w()}{draw(st.sampled_from(['化解矛盾纠纷', '刑事案件', '电诈发案数', '满意率']))}{draw(NUM)}{unit}，{trend}{draw(NUM)}%。"
    if kind == 4:
        return f"该所荣获“全国{w()}先进集体”称号，{draw(st.sampled_from(['2022年', '']))}荣立集体三等功。"
    return "".join(draw(st.lists(st.sampled_from(PIECES), max_size=15)))


@st.composite
def article_like(draw: Any) -> str:
    """Title, a date line, sentences joined by random breaks; now and then in traditional script."""
    body = draw(st.lists(st.tuples(sentence(), st.sampled_from(["", "\n", "\n\n", " ", "\r\n"])), max_size=25))
    head = draw(st.sampled_from(["", "某某派出所：平安建设见实效\n\n发布时间：2024-03-05 来源：某某日报\n\n"]))
    text = head + "".join(a + b for a, b in body)
    if draw(st.integers(0, 3)) == 0:
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    return text


def _evidences(obj: Any, path: str = "ext") -> Iterator[tuple[str, Evidence]]:
    """Every Evidence inside an Extraction, with where it sits (for the failure message)."""
    if isinstance(obj, Evidence):
        yield path, obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _evidences(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, list):
        for i, x in enumerate(obj):
            yield from _evidences(x, f"{path}[{i}]")


def _check(text: str) -> Extraction:
    ext = extract_text(text, name="prop.txt")
    for where, ev in _evidences(ext):
        assert 0 <= ev.start <= ev.end <= len(text), (where, ev)
        assert text[ev.start:ev.end] == ev.text, (where, ev, text[ev.start:ev.end])
    for m in ext.mechanisms:
        if m.count_agrees is False:
            assert any(m.name in w for w in ext.warnings), (m, ext.warnings)
    # the RDF conversion takes whatever the extractors give
    quads = triples_quads(triples(ext), str(article_iri(ext)))
    assert all(q.graph_name.value == str(article_iri(ext)) for q in quads)
    Extraction.from_json(ext.to_json())  # the JSON shape round-trips without errors
    return ext


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(article_like())
def test_article_like_text_never_crashes_and_evidence_is_the_source_slice(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["三", "四", "五", "六"]), st.lists(st.text(alphabet=ALPHABET, min_size=2, max_size=4),
                                                         min_size=1, max_size=7, unique=True),
       st.sampled_from(["机制", "工作法", "模式"]))
def test_count_checks_are_reported(count: str, parts: list[str], head: str) -> None:
    """A name that promises N parts and lists some: a disagreement is always reported."""
    name = f"{count}{parts[0][:1]}{head}"
    text = (f"某某县公安局某某派出所\n\n某某派出所推行“{name}”，即“" + "”“".join(parts) + "”，"
            "化解矛盾纠纷120起，同比下降15%。\n")
    ext = _check(text)
    assert ext.stations and ext.mechanisms, text  # the rules fire on this shape


def test_seed_texts_hold_the_properties(seed_paths: list) -> None:
    """The same checks on real articles (and their traditional copies): the generator is not all."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    for p in seed_paths:
        text = p.read_text(encoding="utf-8")
        ext = _check(text)
        assert ext.mechanisms and ext.outcomes
        _check(s2t.convert(text))
