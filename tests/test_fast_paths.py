"""Shortcuts taken for speed give the answers of the plain code they replace."""

from __future__ import annotations

import random
import re

import pyoxigraph as ox

from loaders.outcomes import _WordIndex, lexicon
from loaders.stations import _ENUM, _HINT, _HINT_WORD, _enum_matches, _finditer_near


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _random_texts(alphabet: str, n: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest))) for _ in range(n)]


def test_enumerated_stations_found_as_by_a_full_scan() -> None:
    items = ["东城", "西城", "南山", "北塔", "中和", "上河", "下沟", "左岸", "右堤", "前门", "后街"]
    long_items = ["东城新区南门", "西城老区北门外", "南山开发区东", "北塔工业园区西侧", "中和镇大桥",
                  "上河村委会前", "下沟社区中心", "左岸商业区", "右堤新村东区", "前门大街南口"]
    texts = [f"辖区{'、'.join(names[:k])}{'等' if k % 2 else ''}{num}{unit}派出所长期"
             for names in (items, long_items) for k in range(1, 12)
             for num in ("两", "3", "十一", "11") for unit in ("个", "所")]
    longest = "、".join(["东城新区南门外侧"] * 9 + ["西城老区北"])  # 9 items of 8 characters, a last of 5
    texts += [f"在{longest}{'等' if k else ''}十个派出所" for k in (0, 1)]
    texts += _random_texts("甲乙丙丁、和及与等3两三十个所家派出所长，。 农村", 3000, 120, seed=1)
    found, reach = 0, 0
    for t in texts:
        expected = _spans(_ENUM.finditer(t))
        assert _spans(_enum_matches(t)) == expected, t
        found += len(expected)
        reach = max([reach] + [m.start(2) - m.start() for m in _ENUM.finditer(t)])
    assert found > 50 and reach == 87  # lists of stations, the longest one _ENUM can match among them


def test_place_hints_found_as_by_a_full_scan() -> None:
    texts = ["邗江法院与该所", "绍兴警方称", "甲乙公安公安局", "据萧山区委介绍"]
    texts += _random_texts("甲乙丙丁公安警方法院检察院交警司法局县委区委市委，。 a1", 3000, 60, seed=2)
    found = 0
    for t in texts:
        expected = _spans(_HINT.finditer(t))
        anchors = [m.start() for m in _HINT_WORD.finditer(t)]
        assert _spans(_finditer_near(_HINT, t, anchors, 2, 6)) == expected, t
        found += len(expected)
    assert found > 100


def _spelt_plainly(index: _WordIndex, text: str) -> bool:
    chars = set(text)
    return any(set(w) <= chars for w in index.words)


def test_may_be_made_of_answers_as_the_subset_test() -> None:
    lex = lexicon()
    toy = _WordIndex(["案件", "案", "警情", "纠纷调解", "调解", "安全感"])
    letters = "".join(sorted({c for w in lex.family_index.words for c in w}))[:60] + "的了是在一"
    texts = _random_texts(letters, 3000, 12, seed=3) + ["", "件案", "情", "感全安", "解调纠"]
    yes = 0
    for index in (lex.family_index, lex.direction_index, toy):
        for t in texts:
            want = _spelt_plainly(index, t)
            assert index.may_be_made_of(t) == want, (index.words[:3], t)
            yes += want
    assert yes > 100 and yes < 3 * len(texts)  # both answers occur


def test_store_triple_count_leaves_out_the_default_graph(tmp_path) -> None:
    from kg.store import named_graph_quads

    db = ox.Store(str(tmp_path / "db"))
    s, p = ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p")
    db.add(ox.Quad(s, p, ox.Literal("in the default graph")))
    for g in ("http://e/g1", "http://e/g2"):
        db.add(ox.Quad(s, p, ox.Literal("x"), ox.NamedNode(g)))
    count = int(next(iter(db.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))[0].value)
    assert named_graph_quads(db) == count == 2


def test_partner_clause_and_sentence_bounds_as_by_a_scan() -> None:
    from loaders.partners import CLAUSE_END, SENTENCE_END, _clause, _has_cue, _sentence

    def clause(key: str, a: int, b: int) -> tuple[int, int]:
        s, e = a, b
        while s > 0 and key[s - 1] not in CLAUSE_END:
            s -= 1
        while e < len(key) and key[e] not in CLAUSE_END:
            e += 1
        return s, e

    def sentence(key: str, a: int, b: int) -> tuple[int, int]:
        s = max(key.rfind(c, 0, a) for c in SENTENCE_END) + 1
        ends = [e for e in (key.find(c, b) for c in SENTENCE_END) if e >= 0]
        return s, min(ends, default=len(key))

    rng = random.Random(9)
    for key in _random_texts("，。！？\n;:联合村委会与学校", 3000, 40, seed=9):
        a = rng.randint(0, len(key))
        b = rng.randint(a, len(key) + 2)
        assert _clause(key, a, b) == clause(key, a, b)
        assert _sentence(key, a, b) == sentence(key, a, b)
        s, e = clause(key, a, b)
        assert _has_cue(key, a, b) == ("联合" in key[s:a] + "|" + key[b:e])


def test_mechanism_name_cut_at_the_last_boundary_word_as_by_rfind() -> None:
    from loaders.mechanisms import BOUNDARY_WORDS, _reversed_alt

    stops = tuple(sorted(set(BOUNDARY_WORDS) | {"建立", "创新", "推行"}, key=len, reverse=True))
    pattern = _reversed_alt(stops)
    for span in _random_texts("的了和与一项一个新民警建立创新推行调解机制", 3000, 16, seed=10):
        cut = max((span.rfind(w) + len(w) for w in stops if w in span), default=0)
        last = pattern.search(span[::-1])
        assert (len(span) - last.start() if last else 0) == cut
