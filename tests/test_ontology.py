"""The ontology, the SKOS schemes and the shapes parse, agree with each other,
with the Python namespace and with the contract in docs/VOCABULARY.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS

from ontology import ontology_graph, read_ttl, schemes_graph, shapes_graph
from ontology.namespace import (
    MECHANISM_CODES,
    OUTCOME_CODES,
    PARTNER_CODES,
    PK,
    SCHEME,
    SCHEME_CODES,
    concept_iri,
    scheme_iri,
)

ROOT = Path(__file__).resolve().parents[1]
PK_NS = str(PK._NS)
SH = Namespace("http://www.w3.org/ns/shacl#")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)

# The codes of EXTRACTION.md "Category schemes" (the annotation guideline).
GUIDELINE_CODES = {
    "mechanism": {"party_building", "mediation", "community_policing", "mass_prevention",
                  "patrol_prevention", "publicity_education", "public_service", "technology",
                  "case_handling", "organisational_reform", "team_management", "other"},
    "partner": {"party", "government", "judicial", "professional", "grassroots", "mass_org",
                "education", "health", "enterprise", "volunteer", "police",
                "representative_media", "other"},
    "outcome": {"crime", "public_order", "clearance", "disputes", "fraud", "hazards",
                "public_evaluation", "service", "mobilisation"},
}


def ttl_terms() -> set[str]:
    """Local names of the pk: terms the ontology defines."""
    g = ontology_graph()
    return {str(s)[len(PK_NS):] for t in TERM_TYPES for s in g.subjects(RDF.type, t)
            if str(s).startswith(PK_NS)}


def python_terms() -> set[str]:
    return {n for n in PK.__annotations__ if not n.startswith("_")}


def test_files_parse_and_header() -> None:
    g = ontology_graph()
    onto = URIRef("https://w3id.org/policing-kg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionInfo) is not None
    assert g.value(onto, DCTERMS.license) is not None
    assert {t.language for t in g.objects(onto, DCTERMS.title)} >= {"en", "zh"}
    assert len(schemes_graph()) > 100
    assert len(shapes_graph()) > 100
    # offline: nothing to fetch
    for graph in (g, schemes_graph(), shapes_graph()):
        assert not list(graph.triples((None, OWL.imports, None)))


def test_every_term_has_labels_and_definition() -> None:
    g = ontology_graph()
    terms = ttl_terms()
    assert len(terms) >= 60
    for name in sorted(terms):
        node = PK[name]
        langs = {lit.language for lit in g.objects(node, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, f"pk:{name} lacks a zh or en label"
        defs = [d for d in g.objects(node, SKOS.definition) if isinstance(d, Literal) and d.language == "en"]
        defs += [d for d in g.objects(node, RDFS.comment) if isinstance(d, Literal) and d.language == "en"]
        assert defs, f"pk:{name} lacks an English definition"
        assert all("\n" not in d for d in defs), f"pk:{name}: the definition should be one line"


def test_namespace_and_ttl_agree_both_ways() -> None:
    py, ttl = python_terms(), ttl_terms()
    assert py - ttl == set(), f"in ontology/namespace.py but not in policing.ttl: {py - ttl}"
    assert ttl - py == set(), f"in policing.ttl but not in ontology/namespace.py: {ttl - py}"
    with pytest.raises(AttributeError):
        PK.noSuchTerm  # noqa: B018 - a misspelt term must fail loudly
    assert PK.Mechanism is PK.Mechanism and PK.Mechanism == URIRef(str(PK._NS) + "Mechanism")  # made once


@pytest.mark.parametrize("name", ["policing.ttl", "shapes.ttl"])
def test_every_pk_iri_used_is_defined(name: str) -> None:
    used = set(re.findall(r"\bpk:([A-Za-z][A-Za-z0-9]*)", read_ttl(name)))
    assert used, name
    assert used - ttl_terms() == set()


def test_vocabulary_contract_terms_exist() -> None:
    """Every pk: term named in docs/VOCABULARY.md is defined (others code against it)."""
    doc = (ROOT / "docs" / "VOCABULARY.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`pk:([A-Za-z][A-Za-z0-9]*)", doc))
    named |= set(re.findall(r"\bpk:([A-Za-z][A-Za-z0-9]*)", doc))
    assert {"Article", "Mechanism", "evidence", "metricFamily", "reprintOf"} <= named
    assert named - ttl_terms() == set()


def test_domains_and_ranges_are_known() -> None:
    g = ontology_graph()
    for prop in list(g.subjects(RDF.type, OWL.ObjectProperty)) + list(g.subjects(RDF.type, OWL.DatatypeProperty)):
        ranges = list(g.objects(prop, RDFS.range))
        assert len(ranges) == 1, f"{prop} should have one rdfs:range"
        for cls in list(g.objects(prop, RDFS.domain)) + ranges:
            if str(cls).startswith(PK_NS):
                assert (cls, RDF.type, OWL.Class) in g, f"{prop}: {cls} is not a class"


def test_schemes_hold_exactly_the_guideline_codes() -> None:
    g = schemes_graph()
    assert {k: set(v) for k, v in SCHEME_CODES.items()} == GUIDELINE_CODES
    assert len(MECHANISM_CODES) == 12 and len(PARTNER_CODES) == 13 and len(OUTCOME_CODES) == 9
    for scheme, codes in GUIDELINE_CODES.items():
        s = scheme_iri(scheme)
        assert (s, RDF.type, SKOS.ConceptScheme) in g
        members = set(g.subjects(SKOS.inScheme, s))
        assert members == {concept_iri(scheme, c) for c in codes}
        assert set(g.objects(s, SKOS.hasTopConcept)) == members
        for c in codes:
            node = concept_iri(scheme, c)
            assert node == URIRef(f"https://w3id.org/policing-kg/scheme/{scheme}/{c}")
            assert (node, RDF.type, SKOS.Concept) in g
            assert g.value(node, SKOS.notation) == Literal(c)
            assert (node, SKOS.topConceptOf, s) in g
            assert {x.language for x in g.objects(node, SKOS.prefLabel)} == {"zh", "en"}
            assert any(d.language == "en" for d in g.objects(node, SKOS.definition))
            assert list(g.objects(node, SKOS.example)), f"{scheme}/{c} has no skos:example"
    all_concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(all_concepts) == sum(len(c) for c in GUIDELINE_CODES.values())
    with pytest.raises(KeyError):
        concept_iri("outcome", "other")  # the outcome scheme has no "other"


def test_shape_lists_match_the_schemes() -> None:
    """The sh:in lists of the shapes name exactly each scheme's concepts."""
    g = shapes_graph()
    found: dict[URIRef, set] = {}
    for prop_shape in g.subjects(SH["in"], None):
        path = g.value(prop_shape, SH.path)
        values = set(Collection(g, g.value(prop_shape, SH["in"])))
        if all(isinstance(v, URIRef) for v in values):
            found.setdefault(path, set()).update(values)
    mech = {concept_iri("mechanism", c) for c in MECHANISM_CODES}
    part = {concept_iri("partner", c) for c in PARTNER_CODES}
    outc = {concept_iri("outcome", c) for c in OUTCOME_CODES}
    assert found[PK.category] == mech | part
    assert found[PK.metricFamily] == outc
    assert all(str(v).startswith(str(SCHEME)) for v in found[PK.category])
