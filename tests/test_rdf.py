"""Facts -> RDF: stable IRIs, typed literals, evidence kept exactly, shapes met."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.validate import validate_graph
from loaders.model import Article, Evidence, Extraction, Honour, Mechanism, Outcome, Partner, Station
from loaders.rdf import SHARED_GRAPH, article_iri, split_shared, to_dataset, to_graph, triples
from ontology.namespace import PK, PKID, concept_iri

SCHEMA_ABOUT = URIRef("https://schema.org/about")
CONTAINED = URIRef("https://schema.org/containedInPlace")
# (rdflib.XSD is not imported: pytest probing its attributes prints warnings)
XSD_DATE, XSD_INTEGER, XSD_DECIMAL = (URIRef("http://www.w3.org/2001/XMLSchema#" + n) for n in ("date", "integer", "decimal"))

SOURCE = (
    "東湖派出所位於示例縣。\n"
    "该所辖区面积120.5平方公里，户籍人口1.7万人，曾获集体三等功。\n"
    "该所创新“四联”调解工作法，联合司法所、网格员化解纠纷，分为联访、联调、联防、联治。\n"
    "今年以来，辖区刑事案件发案数同比下降87.5%。\n"
    "邻近的西山派出所也参与其中。"
)


def ev(fragment: str) -> Evidence:
    """The sentence of SOURCE holding ``fragment``, as an extractor would give it."""
    i = SOURCE.index(fragment)
    start = SOURCE.rfind("\n", 0, i) + 1
    end = SOURCE.find("\n", i)
    end = len(SOURCE) if end < 0 else end
    return Evidence(SOURCE[start:end], start, end)


def build(category: str = "mediation") -> Extraction:
    profile = ev("辖区面积")
    mech = ev("四联")
    return Extraction(
        article=Article(
            file="example.txt", title="示例报道", source="示例日报", date="2025-03-04",
            author="记者甲", sha256=hashlib.sha256(SOURCE.encode("utf-8")).hexdigest(),
            encoding="utf-8", doctrine=["枫桥经验"],
        ),
        stations=[
            Station(name="東湖派出所", role="subject", province="示例省", prefecture="示例市",
                    county="示例縣", town="示例镇", area_km2=120.5, population=17000,
                    population_kind="户籍", honors=[Honour("集体三等功", 2021, profile)],
                    evidence=ev("東湖")),
            Station(name="西山派出所", role="mentioned", province="北京市", county="示例区",
                    evidence=ev("西山")),
        ],
        mechanisms=[
            Mechanism(name="“四联”调解工作法", station="東湖派出所",
                      components=["联访", "联调", "联防", "联治"], partners=["司法所", "网格员"],
                      category=category, scope="internal", head="工作法", expected_count=4,
                      count_agrees=True, aliases=["四联工作法"], evidence=mech),
        ],
        partners=[
            Partner(name="司法所", category="judicial", surface="示例县司法所", station="東湖派出所",
                    mechanisms=["四联调解工作法"], evidence=mech),
        ],
        outcomes=[
            Outcome(metric="刑事案件发案数", value=87.5, unit="%", direction="decrease",
                    period="今年以来", comparison="同比", kind="result", family="crime",
                    station="東湖派出所", mechanism="四联", evidence=ev("87.5%")),
        ],
    )


def node(g, cls, label: str):
    """The one node of class ``cls`` labelled ``label``@zh."""
    found = [s for s in g.subjects(RDFS.label, Literal(label, lang="zh")) if (s, RDF.type, cls) in g]
    assert len(found) == 1, found
    return found[0]


def test_converts_and_conforms() -> None:
    g = to_graph(build())
    report = validate_graph(g)
    assert report.conforms, report.text
    assert report.violations == 0
    assert g.identifier == article_iri(build())


def test_article() -> None:
    ext = build()
    g = to_graph(ext)
    a = article_iri(ext)
    assert a == PKID[f"article/{ext.article.sha256[:16]}"]
    assert (a, RDF.type, PK.Article) in g
    date = g.value(a, DCTERMS.date)
    assert date == Literal("2025-03-04", datatype=XSD_DATE)
    assert g.value(a, PK.sha256) == Literal(ext.article.sha256)
    assert g.value(a, PK.invokesDoctrine) == Literal("枫桥经验")


def test_station_labels_places_and_numbers() -> None:
    ext = build()
    g = to_graph(ext)
    st = node(g, PK.PoliceStation, "东湖派出所")
    assert (st, RDF.type, PK.PoliceStation) in g
    assert (article_iri(ext), SCHEMA_ABOUT, st) in g
    assert (st, SKOS.altLabel, Literal("東湖派出所", lang="zh-Hant")) in g
    assert g.value(st, PK.population) == Literal(17000)
    assert g.value(st, PK.population).datatype == XSD_INTEGER
    assert g.value(st, PK.areaKm2) == Literal(Decimal("120.5"))
    assert g.value(st, PK.areaKm2).datatype == XSD_DECIMAL
    # hierarchy: town < county < prefecture < province
    town, county = g.value(st, PK.inTown), g.value(st, PK.inCounty)
    pref, prov = g.value(st, PK.inPrefecture), g.value(st, PK.inProvince)
    assert (town, RDF.type, PK.Town) in g and (prov, RDF.type, PK.Province) in g
    assert g.value(town, CONTAINED) == county
    assert g.value(county, CONTAINED) == pref
    assert g.value(pref, CONTAINED) == prov
    assert g.value(prov, CONTAINED) is None
    assert g.value(county, RDFS.label) == Literal("示例县", lang="zh")
    # a municipality has no prefecture: the district sits directly in it
    west = node(g, PK.PoliceStation, "西山派出所")
    assert g.value(west, PK.inPrefecture) is None
    assert g.value(g.value(west, PK.inCounty), CONTAINED) == g.value(west, PK.inProvince)
    honour = g.value(st, PK.hasHonour)
    assert g.value(honour, PK.year) == Literal(2021)
    assert g.value(honour, RDFS.label) == Literal("集体三等功", lang="zh")


def test_mechanism_partner_outcome() -> None:
    ext = build()
    g = to_graph(ext)
    st = node(g, PK.PoliceStation, "东湖派出所")
    m = g.value(st, PK.hasMechanism)
    assert g.value(m, RDFS.label) == Literal("四联调解工作法", lang="zh")
    assert g.value(m, PK.category) == concept_iri("mechanism", "mediation")
    assert g.value(m, PK.scope) == Literal("internal")
    assert g.value(m, PK.expectedCount) == Literal(4)
    assert g.value(m, PK.countAgrees) == Literal(True)
    concept = g.value(m, PK.concept)
    assert (concept, RDF.type, PK.MechanismConcept) in g
    comps = {int(g.value(c, PK.order)): str(g.value(c, RDFS.label)) for c in g.objects(m, PK.hasComponent)}
    assert comps == {1: "联访", 2: "联调", 3: "联防", 4: "联治"}
    partners = {str(g.value(p, RDFS.label)) for p in g.objects(m, PK.involvesPartner)}
    assert partners == {"司法所", "网格员"}
    sfs = node(g, PK.Partner, "司法所")
    assert (st, PK.hasPartner, sfs) in g
    assert g.value(sfs, PK.category) == concept_iri("partner", "judicial")
    assert (g.value(sfs, PK.partnerType), RDF.type, PK.PartnerType) in g
    o = g.value(st, PK.reportsOutcome)
    assert (o, RDF.type, PK.Outcome) in g
    assert g.value(o, PK.attributedTo) == m
    assert g.value(o, PK.value) == Literal(Decimal("87.5"))
    assert g.value(o, PK.direction) == Literal("decrease")
    assert g.value(o, PK.outcomeKind) == Literal("result")
    assert g.value(o, PK.metricFamily) == concept_iri("outcome", "crime")


def test_evidence_is_kept_exactly() -> None:
    ext = build()
    g = to_graph(ext)
    a = article_iri(ext)
    nodes = set(g.subjects(RDF.type, PK.Evidence))
    assert len(nodes) == 5  # two station sentences, profile, mechanism, outcome
    for e in nodes:
        text, start, end = (g.value(e, p).toPython() for p in (PK.text, PK.start, PK.end))
        assert SOURCE[start:end] == text
        assert (e, PROV.wasDerivedFrom, a) in g
    given = {ev_.text for ev_ in [ext.stations[0].evidence, ext.mechanisms[0].evidence, ext.outcomes[0].evidence]}
    assert given <= {str(g.value(e, PK.text)) for e in nodes}
    assert "東湖派出所位於示例縣。" in {str(g.value(e, PK.text)) for e in nodes}  # source script
    # every fact points to evidence and to its article
    for cls in (PK.PoliceStation, PK.Mechanism, PK.Partner, PK.Outcome, PK.Honour, PK.Component):
        for fact in g.subjects(RDF.type, cls):
            assert g.value(fact, PK.evidence) in nodes, fact
            assert (fact, PROV.wasDerivedFrom, a) in g, fact


def test_stable_iris_and_isomorphic() -> None:
    g1, g2 = to_graph(build()), to_graph(build())
    assert isomorphic(g1, g2)
    assert set(g1) == set(g2)  # identical IRIs, no blank nodes
    assert not any(isinstance(term, BNode) for tr in g1 for term in tr)


def test_unknown_category_becomes_other() -> None:
    g = to_graph(build(category="no_such_code"))
    m = next(g.subjects(RDF.type, PK.Mechanism))
    assert g.value(m, PK.category) == concept_iri("mechanism", "other")
    assert validate_graph(g).conforms


def test_same_station_and_concept_across_articles() -> None:
    a, b = build(), build()
    b.article.sha256 = "0" * 64
    b.stations[1].county = "另一区"  # the neighbouring station now in another county
    ga, gb = to_graph(a), to_graph(b)
    sa = set(ga.subjects(RDF.type, PK.PoliceStation))
    sb = set(gb.subjects(RDF.type, PK.PoliceStation))
    assert len(sa & sb) == 1  # the subject station is one node; the moved one is not
    assert set(ga.subjects(RDF.type, PK.Mechanism)) == set(gb.subjects(RDF.type, PK.Mechanism))
    assert set(ga.subjects(RDF.type, PK.Partner)).isdisjoint(gb.subjects(RDF.type, PK.Partner))


def test_same_name_at_two_stations_is_two_mechanisms_one_concept() -> None:
    ext = build()
    ext.mechanisms.append(Mechanism(name="四联调解工作法", station="西山派出所", evidence=ev("西山")))
    g = to_graph(ext)
    mechs = set(g.subjects(RDF.type, PK.Mechanism))
    assert len(mechs) == 2
    assert len({g.value(m, PK.concept) for m in mechs}) == 1


def test_dataset_has_one_graph_per_article_and_the_shared_graph() -> None:
    a, b = build(), build()
    b.article.sha256 = "1" * 64
    ds = to_dataset([a, b])
    assert isinstance(ds, Dataset)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {article_iri(a), article_iri(b), SHARED_GRAPH}
    own, shared = split_shared(a)
    assert len(ds.graph(article_iri(a))) == len(set(own))
    # both articles name the same station: its name is stored once
    assert set(ds.graph(SHARED_GRAPH)) == set(shared)
    assert len(set(own)) + len(set(shared)) == len(to_graph(a))
    assert validate_graph(ds).conforms


def test_shared_triples_are_the_same_for_every_article_naming_the_node() -> None:
    """Only type/name triples of stations, places, concepts and partner types are shared."""
    ext = build()
    own, shared = split_shared(ext)
    assert shared and own
    kinds = {str(s).split("/id/")[1].split("/")[0] for s, _, _ in shared}
    assert kinds <= {"station", "place", "concept", "partner-type", "mechanism"}
    assert {str(p).rsplit("/", 1)[-1].split("#")[-1] for _, p, _ in shared} <= {"type", "label", "containedInPlace"}
    # a station's evidence and profile stay with the article
    station = next(s for s, p, o in shared if "/station/" in str(s))
    assert any(s == station for s, _, _ in own)
    assert all(not str(s).startswith(str(article_iri(ext))) for s, _, _ in shared)


def test_triples_are_plain_tuples() -> None:
    ts = triples(build())
    assert ts and all(isinstance(t, tuple) and len(t) == 3 for t in ts)


@pytest.mark.parametrize("bad", ["2025-13-40", "2025年3月"])
def test_bad_date_is_not_emitted(bad: str) -> None:
    ext = build()
    ext.article.date = bad
    g = to_graph(ext)
    assert g.value(article_iri(ext), DCTERMS.date) is None
    assert validate_graph(g).conforms
