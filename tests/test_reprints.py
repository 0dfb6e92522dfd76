"""Reprints: detected (threshold justified here), linked with pk:reprintOf, counted once."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build_store
from kg.reprints import SIG_PREFIX, THRESHOLD, ArticleInfo, canonical_map, shingles, signature_of_text, similarity
from kg.store import Store
from loaders.clean import clean
from loaders.read import source_from_text

PK = "https://w3id.org/policing-kg/ontology#"


def _simp(text: str) -> str:
    return clean(source_from_text(text)).simp


def _jaccard(a: str, b: str) -> float:
    sa, sb = shingles(_simp(a)), shingles(_simp(b))
    return len(sa & sb) / len(sa | sb)


def _body(text: str) -> str:
    """The seed without its first lines (site banner, title, date): what another site copies."""
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if len(ln) > 80)
    return "\n".join(lines[start:])


def _edit(text: str, n: int = 3) -> str:
    """Rewrite the middle of ``n`` long paragraphs, as an editor shortening a reprint would."""
    paras = text.split("\n")
    long_ = [i for i, p in enumerate(paras) if len(p) > 100][:n]
    for i in long_:
        p = paras[i]
        j = len(p) // 2
        paras[i] = p[:j] + "据了解，该所还将继续完善相关工作。" + p[j + 12:]
    return "\n".join(paras)


def _drop_paragraph(text: str) -> str:
    paras = text.split("\n")
    longest = max(range(len(paras)), key=lambda i: len(paras[i]))
    return "\n".join(paras[:longest] + paras[longest + 1:])


def reprint_of(text: str, date: str = "2025-07-02", traditional: bool = True) -> str:
    """Another site's copy: its own banner, date line and footer, a few edits, maybe traditional."""
    import opencc

    head = f"某某新闻网\n首页 > 要闻 > 法治\n\n基层派出所的平安实践\n\n发布时间：{date} 08:00 来源：某某日报\n\n"
    foot = "\n\n责任编辑：张三\n【打印本页】【关闭窗口】\n版权所有 某某新闻网\n"
    text = head + _edit(_body(text)) + foot
    return opencc.OpenCC("s2t").convert(text) if traditional else text


@pytest.fixture(scope="module")
def seed_texts(seed_paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths]


# -- the threshold ----------------------------------------------------------------

def test_threshold_separates_reprints_from_articles_on_the_same_topic(seed_texts: list[str]) -> None:
    """Near duplicates score >= 0.7, different articles (shared vocabulary) <= 0.1: 0.5 has margin both ways."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    variants = {
        "boilerplate": lambda t: "某某网首页 | 要闻 | 法治\n\n" + t + "\n\n责任编辑：李四\n版权所有\n",
        "edited": _edit,
        "dropped paragraph": lambda t: _drop_paragraph(_edit(t, 2)),
        "traditional": s2t.convert,
        "all at once": lambda t: reprint_of(t),
    }
    for i, text in enumerate(seed_texts):
        for name, make in variants.items():
            other = make(text)
            exact = _jaccard(text, other)
            est = similarity(signature_of_text(_simp(text)), signature_of_text(_simp(other)))
            assert exact >= 0.7, f"seed {i} {name}: Jaccard {exact:.2f}"
            assert est >= THRESHOLD + 0.15, f"seed {i} {name}: estimated {est:.2f}"
    for a, b in itertools.combinations(range(len(seed_texts)), 2):
        exact = _jaccard(seed_texts[a], seed_texts[b])
        est = similarity(signature_of_text(_simp(seed_texts[a])), signature_of_text(_simp(seed_texts[b])))
        assert exact <= 0.1 and est <= THRESHOLD - 0.3, f"seeds {a},{b}: {exact:.2f} / {est:.2f}"


def test_short_texts_get_no_signature() -> None:
    """An (almost) empty body would match every other empty body: no signature, never a reprint."""
    assert signature_of_text("") is None
    assert signature_of_text("派出所开展反诈宣传。") is None
    assert signature_of_text("警" * 500) is None, "500 characters, one distinct shingle"


def test_signature_matches_exact_jaccard(seed_texts: list[str]) -> None:
    """The estimate tracks the exact Jaccard similarity of the shingle sets (128 permutations: +-0.15)."""
    a = _simp(seed_texts[0])
    for cut in (0.2, 0.5, 0.8):
        b = a[int(len(a) * cut):] + "另有补充内容。" * 20
        est = similarity(signature_of_text(a), signature_of_text(b))
        assert abs(est - _jaccard(a, b)) < 0.15, (cut, est, _jaccard(a, b))


def test_signature_of_an_older_scheme_is_read_again(tmp_path: Path, corpus: dict[str, Path]) -> None:
    """A store whose manifest holds another scheme's signatures re-reads those files, then equals a fresh build."""
    fresh, old = tmp_path / "fresh", tmp_path / "old"
    paths = [corpus["orig"], corpus["copy"], corpus["other"]]
    build_store(paths, fresh)
    build_store(paths, old)
    man_path = old / f"{Store(old).current_name()}.json"
    data = json.loads(man_path.read_text(encoding="utf-8"))
    entry = data["files"][str(corpus["other"])]
    entry["minhash"] = entry["minhash"].removeprefix(SIG_PREFIX)  # as an older release stored it
    man_path.write_text(json.dumps(data), encoding="utf-8")
    again = build_store(paths, old)
    assert (again.unchanged, again.replaced) == (2, 1)
    assert Store(old).manifest().files[str(corpus["other"])]["minhash"].startswith(SIG_PREFIX)
    assert _quads(old) == _quads(fresh)


# -- grouping ---------------------------------------------------------------------

def _info(iri: str, text: str, date: str | None, subjects: set[str] = frozenset()) -> ArticleInfo:  # type: ignore[assignment]
    return ArticleInfo(iri, signature_of_text(_simp(text)), date, frozenset(subjects))


def test_canonical_is_the_earliest_and_order_does_not_matter(seed_texts: list[str]) -> None:
    t = seed_texts[0]
    infos = [
        _info("urn:c", reprint_of(t, "2025-07-01"), "2025-07-01"),
        _info("urn:a", t, "2025-06-17"),
        _info("urn:b", reprint_of(t, "2025-06-20", traditional=False), "2025-06-20"),
        _info("urn:undated", reprint_of(t), None),
        _info("urn:other", seed_texts[1], "2020-01-01"),
    ]
    want = {"urn:b": "urn:a", "urn:c": "urn:a", "urn:undated": "urn:a"}
    assert canonical_map(infos) == want
    assert canonical_map(reversed(infos)) == want
    # same date: the smaller IRI wins
    same = [_info("urn:y", t, "2025-06-17"), _info("urn:x", reprint_of(t), "2025-06-17")]
    assert canonical_map(same) == {"urn:y": "urn:x"}


def test_same_text_about_another_station_is_not_a_reprint(seed_texts: list[str]) -> None:
    """A template press release with the station swapped is two stories (the synthetic corpus is like that)."""
    t = seed_texts[0]
    a = _info("urn:a", t, "2025-06-17", {"甲派出所"})
    b = _info("urn:b", t, "2025-06-18", {"乙派出所"})
    c = _info("urn:c", t, "2025-06-19", {"甲派出所", "丙派出所"})
    none1 = _info("urn:n1", t, "2025-06-20")  # no subject station found: must not bridge a and b
    none2 = _info("urn:n2", t, "2025-06-21")
    assert canonical_map([a, b, c, none1, none2]) == {"urn:c": "urn:a", "urn:n2": "urn:n1"}


# -- in the store -----------------------------------------------------------------

def _quads(store: Path) -> set[str]:
    db = Store(store).open_read()
    return set(db.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


def _count(store: Path, q: str) -> int:
    db = Store(store).open_read()
    res = db.query("PREFIX pk: <%s> PREFIX prov: <http://www.w3.org/ns/prov#> %s" % (PK, q), use_default_graph_as_union=True)
    return int(next(iter(res))[0].value)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("reprints")
    src = seed_paths[0].read_text(encoding="utf-8")
    files = {
        "orig": d / "orig" / "a.txt",
        "copy": d / "copy" / "b.txt",
        "other": d / "other" / "c.txt",
    }
    for f in files.values():
        f.parent.mkdir()
    files["orig"].write_text(src, encoding="utf-8")
    files["copy"].write_text(reprint_of(src), encoding="utf-8")
    shutil.copy(seed_paths[4], files["other"])
    return files


def test_reprint_is_linked_and_its_facts_counted_once(tmp_path: Path, corpus: dict[str, Path]) -> None:
    alone = tmp_path / "alone"
    build_store([corpus["orig"], corpus["other"]], alone)
    both = tmp_path / "both"
    s = build_store([corpus["orig"], corpus["copy"], corpus["other"]], both)
    assert s.reprints == 1 and s.articles == 3
    man = Store(both).manifest().files
    orig, copy = man[str(corpus["orig"])]["article"], man[str(corpus["copy"])]["article"]
    assert man[str(corpus["copy"])]["reprint_of"] == orig
    assert _count(both, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{copy}> pk:reprintOf <{orig}> }}") == 1
    # the reprint adds its own article node and nothing else: every fact is counted once
    extra = _quads(both) - _quads(alone)
    assert extra and all(q.startswith(f"<{copy}>") for q in extra), sorted(extra)[:5]
    for cls in ("Outcome", "Partner", "Mechanism", "Evidence", "PoliceStation"):
        q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a pk:{cls} }}"
        assert _count(both, q) == _count(alone, q), cls
    assert _count(both, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x prov:wasDerivedFrom <{copy}> }}") == 0


def test_order_of_builds_does_not_matter(tmp_path: Path, corpus: dict[str, Path]) -> None:
    """Reprint first, canonical later (it gets reduced then) == everything at once."""
    once = tmp_path / "once"
    build_store([corpus["orig"], corpus["copy"]], once)
    stepwise = tmp_path / "stepwise"
    build_store([corpus["copy"]], stepwise)
    assert _count(stepwise, "SELECT (COUNT(*) AS ?n) WHERE { ?x a pk:Outcome }") > 0
    build_store([corpus["orig"]], stepwise)
    assert _quads(stepwise) == _quads(once)


def test_removing_the_canonical_restores_the_reprint(tmp_path: Path, corpus: dict[str, Path]) -> None:
    from kg.api import KG

    only_copy = tmp_path / "only"
    build_store([corpus["copy"]], only_copy)
    store = tmp_path / "store"
    build_store([corpus["orig"], corpus["copy"]], store)
    KG(store).remove(str(corpus["orig"]))
    assert _quads(store) == _quads(only_copy)  # remove itself relinks: the reprint gets its facts back
    s = build_store([], store)  # and a later build keeps it so
    assert s.reprints == 0 and not s.skipped
    assert _quads(store) == _quads(only_copy)
    assert "reprint_of" not in Store(store).manifest().files[str(corpus["copy"])]


def test_catalogue_counts_the_story_once(tmp_path: Path, corpus: dict[str, Path]) -> None:
    from kg.api import KG

    alone, both = tmp_path / "alone", tmp_path / "both"
    build_store([corpus["orig"]], alone)
    build_store([corpus["orig"], corpus["copy"]], both)
    for name in ("outcomes-by-family", "compare-partners", "stations-places", "compare-mechanisms"):
        a, b = KG(alone).query(name), KG(both).query(name)
        assert a.rows == b.rows, name
    arts = KG(both).query("articles").to_df()
    assert len(arts) == 2  # the reprint is still listed as an article, naming the original
    orig = Store(both).manifest().files[str(corpus["orig"])]["article"]
    assert [str(x) for x in arts["reprint_of"].dropna()] == [orig]
