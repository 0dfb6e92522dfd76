"""The embedded store: incremental, idempotent, all-or-nothing builds; remove; lock; export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.api import KG
from kg.build import build_store
from kg.cli import app
from kg.store import Store, StoreBusy

runner = CliRunner()


def _quads(store: Path) -> set[str]:
    db = Store(store).open_read()
    return set(db.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


def _copy_seeds(seed_paths: list[Path], dest: Path) -> list[Path]:
    dest.mkdir()
    return [Path(shutil.copy(p, dest / p.name)) for p in seed_paths]


def test_build_twice_gives_the_same_store(tmp_path: Path, seed_paths: list[Path]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    build_store(seed_paths, a)
    build_store(seed_paths, b)
    assert _quads(a) == _quads(b)
    again = build_store(seed_paths, a)
    assert again.unchanged == 5 and again.added == 0 and again.replaced == 0
    assert _quads(a) == _quads(b)


def test_files_loaded_by_other_extractors_are_read_again(tmp_path: Path, seed_paths: list[Path], monkeypatch) -> None:
    import kg.build

    store, fresh = tmp_path / "s", tmp_path / "fresh"
    monkeypatch.setattr(kg.build, "extractor_fingerprint", lambda: "an-older-release")
    build_store(seed_paths, store)
    # Pretend the older extractors missed every outcome: the upgrade must bring them back.
    db = ox.Store(str(Store(store).path / Store(store).current_name()))
    db.update("DELETE WHERE { GRAPH ?g { ?s <https://w3id.org/policing-kg/ontology#reportsOutcome> ?o } }")
    db.flush()
    del db
    monkeypatch.undo()
    again = build_store(seed_paths, store)
    assert again.replaced == 5 and again.unchanged == 0
    build_store(seed_paths, fresh)
    assert _quads(store) == _quads(fresh)
    assert build_store(seed_paths, store).unchanged == 5


def test_one_named_graph_per_article(seed_store: Path) -> None:
    db = Store(seed_store).open_read()
    graphs = {g.value for g in db.named_graphs()}
    articles = {r[0].value for r in db.query(
        "SELECT DISTINCT ?a WHERE { GRAPH ?a { ?a a <https://w3id.org/policing-kg/ontology#Article> } }")}
    assert len(articles) == 5
    assert articles <= graphs


def test_changed_file_replaces_its_graph_and_remove_takes_it_out(tmp_path: Path, seed_paths: list[Path]) -> None:
    files = _copy_seeds(seed_paths, tmp_path / "in")
    store = tmp_path / "s"
    build_store(files, store)
    before = Store(store).manifest().files[str(files[0])]["article"]
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    s = build_store(files, store)
    assert s.replaced == 1 and s.unchanged == 4
    after = Store(store).manifest().files[str(files[0])]["article"]
    assert after != before
    graphs = {g.value for g in Store(store).open_read().named_graphs()}
    assert after in graphs and before not in graphs
    removed = KG(store).remove(files[0].name)
    assert removed == [after]
    graphs = {g.value for g in Store(store).open_read().named_graphs()}
    assert after not in graphs and len(Store(store).manifest().files) == 4


def test_remove_gives_the_store_built_without_the_article(tmp_path: Path, seed_paths: list[Path]) -> None:
    """The shared graph (station, place, concept names) forgets what only the removed article named."""
    files = _copy_seeds(seed_paths, tmp_path / "in")
    full, part = tmp_path / "full", tmp_path / "part"
    build_store(files, full)
    build_store(files[1:], part)
    shared = "<https://w3id.org/policing-kg/id/graph/shared>"
    only_first = {q for q in _quads(full) - _quads(part) if q.endswith(shared + " .")}
    assert only_first  # the first seed names stations/places/concepts no other seed does
    KG(full).remove(files[0].name)
    assert _quads(full) == _quads(part)


def test_shared_names_are_stored_once(seed_store: Path) -> None:
    """A partner type named in several articles has one label triple in the whole store."""
    db = Store(seed_store).open_read()
    rows = list(db.query(
        "SELECT ?t (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a <https://w3id.org/policing-kg/ontology#PartnerType> } } "
        "GROUP BY ?t HAVING (COUNT(*) > 1)"))
    assert rows == []
    shared = list(db.query(
        "SELECT ?t WHERE { GRAPH <https://w3id.org/policing-kg/id/graph/shared> "
        "{ ?t a <https://w3id.org/policing-kg/ontology#PartnerType> } } LIMIT 1"))
    assert shared


def test_failed_build_leaves_the_store_as_it_was(tmp_path: Path, seed_paths: list[Path], monkeypatch) -> None:
    store = tmp_path / "s"
    build_store(seed_paths[:2], store)
    before = _quads(store)
    manifest = Store(store).manifest().files

    import kg.build as kb

    calls = {"n": 0}
    real = kb.extract_to_quads

    def flaky(path: str, sha: str, with_json: bool = False):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # as if Ctrl-C arrived mid-build
        return real(path, sha, with_json)

    monkeypatch.setattr(kb, "extract_to_quads", flaky)
    with pytest.raises(KeyboardInterrupt):
        build_store(seed_paths, store)
    assert _quads(store) == before
    assert Store(store).manifest().files == manifest
    assert [p.name for p in store.glob("gen-*") if p.is_dir()] == [Store(store).current_name()]


def test_builds_that_change_a_large_share_compact_the_store(tmp_path: Path, seed_paths: list[Path], monkeypatch) -> None:
    import kg.store

    monkeypatch.setattr(kg.store, "COMPACT_SHARE", 0.5)
    store, fresh = tmp_path / "s", tmp_path / "fresh"
    first = build_store(seed_paths[:4], store)
    assert "compact" in first.stages  # 4 new graphs in an empty store
    small = build_store(seed_paths, store)
    assert small.added == 1 and "compact" not in small.stages  # 1 of 5 graphs: below the share
    assert "compact" not in build_store(seed_paths, store).stages  # nothing changed
    build_store(seed_paths, fresh)
    assert _quads(store) == _quads(fresh)


def test_second_writer_is_refused(tmp_path: Path) -> None:
    st = Store(tmp_path / "s")
    with st.lock():
        with pytest.raises(StoreBusy, match="another process"):
            with Store(tmp_path / "s").lock():
                pass


def test_cli_query_formats_and_errors(seed_store: Path) -> None:
    r = runner.invoke(app, ["query", "articles", "--store", str(seed_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)["rows"]
    assert len(rows) == 5
    r = runner.invoke(app, ["query", "articles", "--store", str(seed_store), "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("title,")
    r = runner.invoke(app, ["query", "artcles", "--store", str(seed_store)])
    assert r.exit_code == 2 and "articles" in r.output
    r = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p }", "--store", str(seed_store)])
    assert r.exit_code == 2 and "1:" in r.output
    r = runner.invoke(app, ["query", "DROP ALL", "--store", str(seed_store)])
    assert r.exit_code == 2 and "read-only" in r.output


def test_query_params_bind_as_terms(seed_store: Path) -> None:
    g = KG(seed_store)
    all_rows = g.query("stations-places").records()
    assert all_rows, "the seeds name stations"
    name = all_rows[0]["station"]
    one = g.query("stations-places", station=name).records()
    assert [r["station"] for r in one] == [name]
    # a value with quotes and braces is a term, not query text
    assert len(g.query("stations-places", station='x" } ; DROP ALL ; {')) == 0


def test_export_round_trips(seed_store: Path, tmp_path: Path) -> None:
    import networkx as nx
    from rdflib import Dataset

    g = KG(seed_store)
    trig = g.export("trig")
    ds = Dataset()
    ds.parse(data=trig.decode(), format="trig")
    assert len(ds) > 0 or sum(len(x) for x in ds.graphs()) > 100
    out = tmp_path / "g.graphml"
    g.export("graphml", out)
    nxg = nx.read_graphml(out)
    types = {d.get("type") for _, d in nxg.nodes(data=True)}
    assert {"Article", "PoliceStation"} <= types


def test_cli_validate_store(seed_store: Path) -> None:
    r = runner.invoke(app, ["validate", "--store", str(seed_store)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Conforms: True")


def test_validate_finds_a_broken_fact(tmp_path: Path, seed_paths: list[Path]) -> None:
    store = tmp_path / "s"
    build_store(seed_paths[:1], store)
    g = KG(store)
    g.query('INSERT { GRAPH ?a { ?o pk:direction "sideways" } } WHERE { GRAPH ?a { ?o a pk:Outcome } }',
            allow_update=True)
    report = g.validate()
    assert not report.conforms and report.violations > 0
    assert "sideways" in report.text


def test_catalogue_rows_are_distinct(seed_store: Path) -> None:
    """The union default graph is a multiset: shared nodes' triples repeat in every article graph."""
    import queries

    g = KG(seed_store)
    for name in queries.catalogue():
        res = g.query(name)
        assert len(res.rows) == len(set(res.rows)), name
