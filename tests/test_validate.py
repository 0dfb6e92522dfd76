"""SHACL validation: good data conforms, broken data is caught and named."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal

from kg.validate import validate_file, validate_graph
from loaders.rdf import to_dataset, to_graph
from ontology.namespace import PK, concept_iri

from test_rdf import build  # the hand-built extraction (tests/ is on sys.path)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def first(g, cls):
    return next(g.subjects(RDF.type, cls))


def test_broken_graph_does_not_conform_and_report_names_the_problems() -> None:
    g = to_graph(build())
    o = first(g, PK.Outcome)
    g.set((o, PK.direction, Literal("sideways")))
    e = first(g, PK.Evidence)
    end = g.value(e, PK.end).toPython()
    g.set((e, PK.start, Literal(end + 5)))
    report = validate_graph(g)
    assert not report.conforms
    assert report.violations == 2, report.text
    assert "pk:direction" in report.text and "sideways" in report.text
    assert "pk:start" in report.text
    assert report.results == len(report.items)
    assert report.full_text  # pySHACL's own report is kept


@pytest.mark.parametrize(
    "breakage, expected",
    [
        ("mechanism_without_evidence", "pk:evidence"),
        ("partner_concept_as_mechanism_category", "pk:category"),
        ("population_as_text", "pk:population"),
        ("negative_households", "pk:households"),
        ("scope_unknown", "pk:scope"),
        ("kind_unknown", "pk:outcomeKind"),
        ("value_not_decimal", "pk:value"),
        ("bad_sha", "pk:sha256"),
        ("outcome_without_metric", "pk:metric"),
        ("evidence_from_nowhere", "prov:wasDerivedFrom"),
    ],
)
def test_each_constraint_bites(breakage: str, expected: str) -> None:
    g = to_graph(build())
    st, m, o = first(g, PK.PoliceStation), first(g, PK.Mechanism), first(g, PK.Outcome)
    e, a = first(g, PK.Evidence), first(g, PK.Article)
    if breakage == "mechanism_without_evidence":
        g.remove((m, PK.evidence, None))
    elif breakage == "partner_concept_as_mechanism_category":
        g.set((m, PK.category, concept_iri("partner", "judicial")))
    elif breakage == "population_as_text":
        g.add((st, PK.population, Literal("很多")))
    elif breakage == "negative_households":
        g.add((st, PK.households, Literal(-3)))
    elif breakage == "scope_unknown":
        g.set((m, PK.scope, Literal("regional")))
    elif breakage == "kind_unknown":
        g.set((o, PK.outcomeKind, Literal("outcome")))
    elif breakage == "value_not_decimal":
        g.set((o, PK.value, Literal("87.5%")))
    elif breakage == "bad_sha":
        g.set((a, PK.sha256, Literal("not-a-hash")))
    elif breakage == "outcome_without_metric":
        g.remove((o, PK.metric, None))
    elif breakage == "evidence_from_nowhere":
        g.remove((e, None, a))
    report = validate_graph(g)
    assert not report.conforms, breakage
    assert any(i.path == expected for i in report.items if i.severity == "Violation"), report.text


def test_missing_station_evidence_is_only_a_warning() -> None:
    ext = build()
    ext.stations[1].evidence = None
    report = validate_graph(to_graph(ext))
    assert report.conforms, report.text
    assert report.warnings == 1 and report.violations == 0
    assert "Warning" in report.text


def test_validate_file(tmp_path: Path) -> None:
    ds = to_dataset([build()])
    good = tmp_path / "good.trig"
    ds.serialize(good, format="trig")
    assert validate_file(good).conforms
    g = to_graph(build())
    g.set((first(g, PK.Outcome), PK.direction, Literal("sideways")))
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    assert not validate_file(bad).conforms


def test_seeds_through_the_real_pipeline_conform() -> None:
    """Whatever the extractors find today, its RDF meets the shapes."""
    from loaders.pipeline import extract_file

    assert len(SEEDS) == 5
    exts = [extract_file(p) for p in SEEDS]
    ds = to_dataset(exts)
    assert len({g.identifier for g in ds.graphs() if len(g)}) == 5 + 1  # and the shared graph
    report = validate_graph(ds)
    assert report.conforms, report.text


def test_xsd_string_literals_are_accepted() -> None:
    """Data read back through oxrdflib types plain strings as xsd:string."""
    g = to_graph(build())
    m = first(g, PK.Mechanism)
    g.set((m, PK.scope, Literal("internal", datatype="http://www.w3.org/2001/XMLSchema#string")))
    assert validate_graph(g).conforms


def test_cli_validate_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    good, bad = tmp_path / "good.trig", tmp_path / "bad.trig"
    to_dataset([build()]).serialize(good, format="trig")
    g = to_graph(build())
    g.set((first(g, PK.Outcome), PK.direction, Literal("sideways")))
    g.serialize(bad, format="trig")
    runner = CliRunner()
    ok = runner.invoke(app, ["validate-file", str(good)])
    assert ok.exit_code == 0, ok.output
    assert "Conforms: True" in ok.output
    no = runner.invoke(app, ["validate-file", str(bad)])
    assert no.exit_code == 1
    assert "pk:direction" in no.output
