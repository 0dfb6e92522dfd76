"""The query catalogue and the read-only guard, independent of extraction."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import queries
from kg.query import QueryRefused, QuerySyntaxError, check_read_only, run_oxigraph

EXPECTED = {
    "stations-places", "station-mechanisms", "concept-stations", "shared-partners",
    "station-partner-categories", "station-mechanism-categories", "outcomes-by-family",
    "zero-incidents", "honours", "count-mismatch", "fact-evidence", "diffusion", "articles",
}


def test_catalogue_has_the_research_questions() -> None:
    cat = queries.catalogue()
    assert EXPECTED <= set(cat)
    for q in cat.values():
        assert q.title and q.description, q.name


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_query_parses_in_both_engines(name: str) -> None:
    from rdflib.plugins.sparql import prepareQuery

    q = queries.catalogue()[name]
    run_oxigraph(ox.Store(), q.text)  # parses and runs on an empty store
    prepareQuery(q.text, initNs=queries.PREFIXES)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_params_are_projected_pattern_variables(name: str) -> None:
    """Substitution (pyoxigraph) and VALUES (endpoints) agree only for projected pattern variables."""
    q = queries.catalogue()[name]
    select = q.text.split("WHERE", 1)[0]
    for p in q.params:
        assert f"?{p.name}" in select, (name, p.name)


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(queries.UnknownQuery) as e:
        queries.get("station-place")
    assert "stations-places" in e.value.close
    assert "did you mean" in str(e.value)


@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <http://example.org/data.ttl>",
])
def test_updates_are_refused(text: str) -> None:
    with pytest.raises(QueryRefused):
        check_read_only(text)
    assert check_read_only(text, allow_update=True) is True


def test_service_is_refused_but_words_in_strings_are_not() -> None:
    with pytest.raises(QueryRefused):
        check_read_only("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }")
    assert check_read_only('SELECT * WHERE { ?s ?p "please INSERT and SERVICE" } # DROP ALL') is False
    assert check_read_only("SELECT * WHERE { ?s <http://x/DELETE> ?o }") is False


def test_syntax_error_has_position() -> None:
    with pytest.raises(QuerySyntaxError) as e:
        run_oxigraph(ox.Store(), "SELECT * WHERE { ?s ?p }")
    assert "1:" in str(e.value)


def _optional_blocks(text: str) -> list[str]:
    """The text of every OPTIONAL { ... } group, nested braces included."""
    out, i = [], 0
    while (i := text.find("OPTIONAL", i)) != -1:
        j = text.index("{", i)
        depth, k = 0, j
        while True:
            depth += {"{": 1, "}": -1}.get(text[k], 0)
            if depth == 0:
                break
            k += 1
        out.append(text[j:k + 1])
        i = j
    return out


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_params_are_not_in_optional_patterns(name: str) -> None:
    """Substitution binds inside OPTIONAL too (the row is kept with the value), unlike a join."""
    import re

    q = queries.catalogue()[name]
    for opt in _optional_blocks(q.text):
        for p in q.params:
            assert not re.search(rf"\?{p.name}\b", opt), (name, p.name)


def test_rdflib_baseline_agrees_with_oxigraph_on_a_bound_query() -> None:
    """The benchmark's baseline must answer the same rows (a trailing VALUES join)."""
    from rdflib import Dataset, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.query import bind_value, run_rdflib

    PK = Namespace(queries.PREFIXES["pk"])
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("https://example.org/g"))
    store = ox.Store()
    for i, name in enumerate(["甲派出所", "乙派出所"]):
        st = URIRef(f"https://example.org/st{i}")
        for t in [(st, RDF.type, PK.PoliceStation), (st, RDFS.label, Literal(name, lang="zh"))]:
            g.add(t)
            store.add(ox.Quad(*(ox.NamedNode(str(x)) if isinstance(x, URIRef) else ox.Literal(str(x), language="zh")
                                for x in t), ox.NamedNode("https://example.org/g")))
    q = queries.get("stations-places")
    b = {"station": bind_value(q.params[0], "乙派出所")}
    a, r = run_oxigraph(store, q.text, b), run_rdflib(ds, q.text, b)
    assert [row[0] for row in a.rows] == [row[0] for row in r.rows] == ["乙派出所"]


def test_values_open_the_outer_where_group() -> None:
    """Bindings go first in the WHERE group, where the planner starts; comments, strings and IRIs are skipped."""
    import pyoxigraph as ox

    from kg.query import with_values

    text = ('# a WHERE { in a comment\nSELECT ?s WHERE { ?s <http://x/WHERE{> "WHERE {" . '
            '{ SELECT ?s WHERE { ?s ?p ?o } } }')
    out = with_values(text, {"s": ox.NamedNode("http://e/1")})
    assert out.count("VALUES") == 1
    assert out.index("VALUES") == text.index("WHERE { ?s") + len("WHERE {") + 1
    assert out.count("\n") == text.count("\n")  # syntax-error positions stay put
    no_where = with_values("SELECT * { ?s ?p ?o }", {"s": ox.NamedNode("http://e/1")})
    assert no_where.rstrip().endswith("(<http://e/1>) }")
    assert with_values(text, {}) == text


def test_leading_values_give_the_same_rows_as_before(seed_store) -> None:
    """Each catalogue query with its parameter bound equals the unbound rows filtered in Python."""
    from kg.api import KG

    g = KG(seed_store)
    all_rows = g.query("stations-places")
    station = all_rows.rows[0][all_rows.columns.index("station")]
    bound = g.query("stations-places", station=station)
    expected = [r for r in all_rows.rows if r[all_rows.columns.index("station")] == station]
    assert bound.rows and sorted(map(str, bound.rows)) == sorted(map(str, expected))


def test_trailing_order_by_moves_to_python_only_when_safe() -> None:
    from kg.query import split_order_by

    body, order = split_order_by('SELECT ?a ?b WHERE { ?a ?p "ORDER BY ?x" } # ORDER BY ?y\nORDER BY DESC(?b) ?a')
    assert order == [("b", True), ("a", False)] and body.rstrip().endswith("# ORDER BY ?y")
    assert split_order_by("SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 3") is None
    assert split_order_by("SELECT ?a WHERE { ?a ?p ?o } ORDER BY STR(?a)") is None
    assert split_order_by("SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 1 } }") is None


def test_python_sort_gives_oxigraph_order() -> None:
    """Unbound first, numbers by value, strings by code point, DESC, ties by the next key."""
    from kg.query import run_oxigraph

    store = ox.Store()
    data = [("1", 10, "乙"), ("2", 9, "甲"), ("3", None, "甲"), ("4", 10, "a"), ("5", -2, "乙")]
    for s, n, label in data:
        node = ox.NamedNode(f"http://e/{s}")
        store.add(ox.Quad(node, ox.NamedNode("http://e/label"), ox.Literal(label, language="zh"), ox.NamedNode("http://e/g")))
        if n is not None:
            store.add(ox.Quad(node, ox.NamedNode("http://e/n"), ox.Literal(str(n), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode("http://e/g")))
    q = "SELECT ?s ?n ?l WHERE { ?s <http://e/label> ?l OPTIONAL { ?s <http://e/n> ?n } } ORDER BY ?l DESC(?n) ?s"
    engine = [tuple(t.value if t is not None else None for t in sol)
              for sol in store.query(q, use_default_graph_as_union=True)]
    ours = run_oxigraph(store, q)
    assert [r[0] for r in ours.rows] == [r[0] for r in engine] == [
        "http://e/4", "http://e/1", "http://e/5", "http://e/2", "http://e/3"]  # a < 乙 (U+4E59) < 甲 (U+7532)


def test_subselect_hints_are_inlined_for_bound_queries() -> None:
    from kg.query import inline_subselects

    text = 'SELECT * WHERE {\n  { SELECT * WHERE { ?s ?p "}" } }\n  OPTIONAL { SELECT * WHERE { ?s ?q ?o } LIMIT 1 } }'
    out = inline_subselects(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.count("SELECT * WHERE") == 2  # the outer query and the LIMITed sub-select stay
    assert "{ " + " " * len("SELECT * WHERE") + ' { ?s ?p "}" } }' in out
    # same rows either way
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("}"), ox.NamedNode("http://e/g")))
    run = lambda t: sorted(str(list(s)) for s in store.query(t, use_default_graph_as_union=True))
    assert run(out) == run(text)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_hinted_query_gives_the_same_rows_bound_or_not(name: str, seed_store) -> None:
    """A catalogue query with its hash-join hints taken out answers the same rows (seeds store)."""
    from collections import Counter

    from kg.query import _collect, inline_subselects
    from kg.store import Store

    db = Store(seed_store).open_read()
    text = queries.catalogue()[name].text
    run = lambda t: _collect(db.query(t, prefixes=queries.PREFIXES, use_default_graph_as_union=True))
    a, b = run(text), run(inline_subselects(text))
    norm = lambda rows: Counter(tuple(tuple(sorted(v.split("、"))) if isinstance(v, str) and "、" in v else v
                                      for v in r) for r in rows)
    assert a.columns == b.columns and norm(a.rows) == norm(b.rows)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_plain_patterns_answer_the_same_rows_without_hints(name: str, seed_store) -> None:
    """rdflib, the benchmark baseline, gets the catalogue without Oxigraph's hash-join hints:
    the same rows as the hinted query (checked on Oxigraph, the seeds store)."""
    from collections import Counter

    from kg.query import _blank_noise, _collect, plain_patterns
    from kg.store import Store

    db = Store(seed_store).open_read()
    text = queries.catalogue()[name].text
    plain = plain_patterns(text)
    assert "SELECT * WHERE" not in _blank_noise(plain)
    run = lambda t: _collect(db.query(t, prefixes=queries.PREFIXES, use_default_graph_as_union=True))
    a, b = run(text), run(plain)
    norm = lambda rows: Counter(tuple(tuple(sorted(v.split("、"))) if isinstance(v, str) and "、" in v else v
                                      for v in r) for r in rows)
    assert a.columns == b.columns and norm(a.rows) == norm(b.rows)


def test_rdflib_baseline_answers_group_concat_over_optional_rows(seed_store) -> None:
    """rdflib raised NotBoundError for GROUP_CONCAT(DISTINCT ?x) where an OPTIONAL left ?x unbound
    (a partner in no mechanism); the baseline now gives Oxigraph's rows (concatenation order aside)."""
    import rdflib

    from kg.query import run_rdflib
    from kg.store import Store

    db = Store(seed_store).open_read()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=db.dump(format=ox.RdfFormat.N_QUADS).decode(), format="nquads")

    def norm(rows):  # concatenation order is undefined; an empty concatenation is "" (rdflib) or unbound (Oxigraph)
        return sorted(tuple("、".join(sorted(v.split("、"))) if isinstance(v, str) else v or "" for v in r)
                      for r in rows)

    for name in ("station-partners", "articles"):
        q = queries.get(name)
        a, r = run_oxigraph(db, q.text), run_rdflib(ds, q.text)
        assert len(r.rows) > 0 and norm(a.rows) == norm(r.rows), name
    assert any(row[3] in ("", None) for row in run_rdflib(ds, queries.get("station-partners").text).rows)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_tsv_rows_equal_term_rows_on_the_catalogue(name: str, seed_store) -> None:
    """run_oxigraph reads solutions through Oxigraph's TSV writer: the same rows, in the same
    order, as converting every pyoxigraph term (seeds store)."""
    from kg.query import _collect, split_order_by
    from kg.store import Store

    db = Store(seed_store).open_read()
    text = queries.catalogue()[name].text
    split = split_order_by(text)
    terms = _collect(db.query(split[0] if split else text, prefixes=queries.PREFIXES, use_default_graph_as_union=True),
                     split[1] if split else None)
    fast = run_oxigraph(db, text)
    assert fast.columns == terms.columns and fast.rows == terms.rows


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATATYPES = ["integer", "decimal", "double", "boolean", "date", "string", "gYear", "int", "float"]


def _literal_strategy():
    from hypothesis import strategies as st

    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
    typed = st.tuples(st.sampled_from(_DATATYPES), st.one_of(text, st.integers().map(str),
                      st.floats(allow_nan=True).map(str), st.sampled_from(["true", "false", "0", "1", "2024-01-31"])))
    return st.one_of(
        text.map(ox.Literal),
        st.tuples(text, st.sampled_from(["zh", "en-GB", "zh-Hant-TW"])).map(lambda t: ox.Literal(t[0], language=t[1])),
        typed.map(lambda t: ox.Literal(t[1], datatype=ox.NamedNode(_XSD + t[0]))),
        st.tuples(text, st.sampled_from(["http://example.org/dt", "urn:x:y"])).map(
            lambda t: ox.Literal(t[0], datatype=ox.NamedNode(t[1]))),
        st.integers(0, 50).map(lambda i: ox.NamedNode(f"http://example.org/o/{i}?q=%3C&x={i}")),
        st.integers(0, 5).map(lambda i: ox.BlankNode(f"b{i}")),
    )


def test_tsv_rows_equal_term_rows_for_any_term() -> None:
    """Escapes, control characters, language tags, numbers of any lexical form, other datatypes,
    IRIs, blank nodes and unbound cells: the TSV path gives _collect's values and ORDER BY order."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.query import _collect, split_order_by

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(_literal_strategy(), st.one_of(st.none(), _literal_strategy())), min_size=1, max_size=12))
    def check(pairs) -> None:
        db = ox.Store()
        g = ox.NamedNode("http://example.org/g")
        fixed = [ox.Literal(v, datatype=ox.NamedNode(_XSD + t)) for t, v in (
            ("decimal", "1.50"), ("decimal", "5"), ("integer", "+7"), ("double", "1.5e3"), ("boolean", "0"),
            ("integer", "abc"), ("double", "INF"))] + [ox.Literal('a\tb\nc"d\\e\x01\u2028'), ox.Literal("x", language="EN-gb")]
        pairs = pairs + [(lit, None) for lit in fixed]
        for i, (a, b) in enumerate(pairs):
            s = ox.NamedNode(f"http://example.org/s/{i}")
            db.add(ox.Quad(s, ox.NamedNode("http://example.org/a"), a, g))
            if b is not None:
                db.add(ox.Quad(s, ox.NamedNode("http://example.org/b"), b, g))
        for text in ("SELECT ?s ?x ?y WHERE { ?s <http://example.org/a> ?x OPTIONAL { ?s <http://example.org/b> ?y } } ORDER BY ?x DESC(?y) ?s",
                     "SELECT ?y ?x WHERE { ?s <http://example.org/a> ?x OPTIONAL { ?s <http://example.org/b> ?y } } ORDER BY ?y ?x",
                     "SELECT ?x ?s WHERE { ?s <http://example.org/a> ?x }"):
            split = split_order_by(text)
            terms = _collect(db.query(split[0] if split else text, use_default_graph_as_union=True), split[1] if split else None)
            fast = run_oxigraph(db, text)
            assert fast.columns == terms.columns
            assert [tuple(map(repr, r)) for r in fast.rows] == [tuple(map(repr, r)) for r in terms.rows]

    check()
