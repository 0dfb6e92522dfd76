"""Facts -> RDF: one :class:`~loaders.model.Extraction` becomes one article's triples.

The terms are those of docs/VOCABULARY.md (``ontology/policing.ttl``). IRIs
are stable: keyed by the article text's sha256 and by normalized names, never
random, so converting the same facts twice gives identical graphs. Names go
into ``rdfs:label "…"@zh`` in simplified script, with the traditional form as
``skos:altLabel "…"@zh-Hant`` when the source wrote it so. Every fact points
to its :class:`~loaders.model.Evidence` node (the sentence as it stands in
the source file) and, with ``prov:wasDerivedFrom``, to its article.

Triples are built as plain tuples (:func:`triples`) and added to a graph in
one call: no graph lookups while converting, so 10,000 articles stay cheap.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from ontology.namespace import PK, PKID, SCHEME_CODES, concept_iri

from .model import Evidence, Extraction, Honour, Mechanism, Station
from .normalize import concept_key as _concept_key
from .normalize import fullwidth_to_halfwidth, strip_pinyin, to_simplified
from .normalize import normalize_name as _normalize_name

log = logging.getLogger(__name__)

SCHEMA = URIRef("https://schema.org/")
SCHEMA_ABOUT = URIRef("https://schema.org/about")
SCHEMA_MENTIONS = URIRef("https://schema.org/mentions")
SCHEMA_CONTAINED_IN = URIRef("https://schema.org/containedInPlace")
# rdflib's DefinedNamespace makes a new URIRef on each attribute access: these are used per fact.
TYPE, LABEL, ALT_LABEL, DERIVED_FROM = RDF.type, RDFS.label, SKOS.altLabel, PROV.wasDerivedFrom

Triple = tuple[Node, Node, Node]

PREFIXES = {
    "pk": str(PK._NS),
    "pkid": str(PKID),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
}

# Administrative levels from the top: (Station field, class, direct link).
_LEVELS = (
    ("province", PK.Province, PK.inProvince),
    ("prefecture", PK.Prefecture, PK.inPrefecture),
    ("county", PK.County, PK.inCounty),
    ("town", PK.Town, PK.inTown),
)
_STATION_INTS = (
    ("population", PK.population),
    ("households", PK.households),
    ("communities", PK.communities),
    ("police_officers", PK.policeOfficers),
    ("auxiliary_police", PK.auxiliaryPolice),
    ("founded", PK.foundedYear),
)
_OUTCOME_TEXTS = (
    ("unit", PK.unit),
    ("direction", PK.direction),
    ("qualifier", PK.qualifier),
    ("period", PK.period),
    ("comparison", PK.comparison),
    ("kind", PK.outcomeKind),
)
# Names repeat across facts and articles (places, partner types): cache them.
normalize_name = lru_cache(maxsize=65536)(_normalize_name)
concept_key = lru_cache(maxsize=65536)(_concept_key)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WS = re.compile(r"\s+")
_QUOTES = {ord(c): None for c in "“”‘’\"'「」『』《》〈〉"}


def key_hash(key: str) -> str:
    """The 16-hex-digit stable hash used in instance IRIs."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def article_key(ext: Extraction) -> str:
    """First 16 hex digits of the source text's sha256 (file name hash when unknown)."""
    sha = (ext.article.sha256 or "").strip().lower()
    return sha[:16] if sha else key_hash("file:" + ext.article.file)


def article_iri(ext: Extraction) -> URIRef:
    """The article's IRI, which also names its graph."""
    return PKID[f"article/{article_key(ext)}"]


def station_key(name: str, county: str | None) -> str:
    """Normalized station name plus county: one station across articles."""
    return normalize_name(name) + "|" + normalize_name(county)


def written_form(name: str) -> str:
    """A name as written, tidied like :func:`normalize_name` but keeping its script."""
    s = strip_pinyin(name).translate(_QUOTES)
    return _WS.sub("", fullwidth_to_halfwidth(s))


def _labels(out: list[Triple], node: URIRef, name: str, shared: list[Triple] | None = None) -> str:
    """rdfs:label in simplified script (+ traditional altLabel); returns the label.

    The label goes to ``shared`` when given (a node whose IRI is keyed by that
    label: the same triple in every article); the altLabel, which depends on
    how this article wrote the name, stays with the article.
    """
    label = normalize_name(name)
    (out if shared is None else shared).append((node, LABEL, _zh(label)))
    written = written_form(name)
    if written != label and to_simplified(written) == label:
        out.append((node, ALT_LABEL, Literal(written, lang="zh-Hant")))
    return label


@lru_cache(maxsize=65536)
def _zh(text: str) -> Literal:
    """A ``@zh`` literal; names repeat across facts and articles, and rdflib literals are costly to make."""
    return Literal(text, lang="zh")


@lru_cache(maxsize=65536, typed=True)
def _plain(value: str | int) -> Literal:
    """A plain string or integer literal (an offset, an order, a unit, a metric), made once.

    ``typed``: ``True`` and ``1`` are different literals. Decimals are not
    cached: equal decimals may be written differently (1.0, 1.00).
    """
    return Literal(value)


def _int(v: object) -> Literal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return _plain(int(round(float(v))))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _dec(v: object) -> Literal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(str(v))
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    return Literal(d)


def _code(scheme: str, code: str | None, fallback: str | None = "other") -> URIRef | None:
    """A scheme concept IRI; an unknown code maps to ``fallback`` (never a broken IRI)."""
    if not code:
        return None
    c = code.strip().lower()
    if c in SCHEME_CODES[scheme]:
        return concept_iri(scheme, c)
    log.warning("unknown %s category code %r: using %r", scheme, code, fallback)
    return concept_iri(scheme, fallback) if fallback else None


@dataclass
class _StationRef:
    station: Station | None
    iri: URIRef
    key: str


class _Converter:
    """Builds one article's triples; keeps which nodes were already described."""

    def __init__(self, ext: Extraction) -> None:
        self.ext = ext
        self.sha16 = article_key(ext)
        self.article = PKID[f"article/{self.sha16}"]
        self.out: list[Triple] = []
        self.shared: list[Triple] = []  # for SHARED_GRAPH (see split_shared)
        self.done: set[URIRef] = set()
        self.stations: dict[str, _StationRef] = {}
        self.subject: _StationRef | None = None
        # concept key -> [(station iri or None, mechanism iri)]
        self.mechanisms: dict[str, list[tuple[URIRef | None, URIRef]]] = {}
        self.partners: dict[str, URIRef] = {}

    # -- shared pieces -------------------------------------------------------
    def fact(self, node: URIRef, ev: Evidence | None) -> None:
        """Link a fact to its evidence and its article."""
        out = self.out
        out.append((node, DERIVED_FROM, self.article))
        if ev is None:
            return
        e = PKID[f"evidence/{self.sha16}/{ev.start}-{ev.end}"]
        out.append((node, PK.evidence, e))
        if e not in self.done:
            self.done.add(e)
            out += [
                (e, TYPE, PK.Evidence),
                (e, PK.text, Literal(ev.text)),
                (e, PK.start, _plain(int(ev.start))),
                (e, PK.end, _plain(int(ev.end))),
                (e, DERIVED_FROM, self.article),
            ]

    def honours(self, owner: URIRef, honours: Iterable[Honour]) -> None:
        """Honours keep their own evidence only (none is borrowed from the owner)."""
        for h in honours:
            if not h.title or not normalize_name(h.title):
                continue
            year = _int(h.year)
            node = PKID["honour/" + key_hash(f"{owner}|{normalize_name(h.title)}|{h.year or ''}")]
            self.out.append((owner, PK.hasHonour, node))
            if node in self.done:
                continue
            self.done.add(node)
            self.out.append((node, TYPE, PK.Honour))
            _labels(self.out, node, h.title)
            if year is not None:
                self.out.append((node, PK.year, year))
            self.fact(node, h.evidence)

    # -- article -------------------------------------------------------------
    def convert_article(self) -> None:
        a, art, out = self.article, self.ext.article, self.out
        out.append((a, TYPE, PK.Article))
        if art.title:
            out.append((a, DCTERMS.title, Literal(art.title)))
        if art.date and _ISO_DATE.match(art.date.strip()):
            try:
                date.fromisoformat(art.date.strip())
                out.append((a, DCTERMS.date, Literal(art.date.strip(), datatype=XSD.date)))
            except ValueError:
                log.warning("%s: not a date: %r", art.file, art.date)
        if art.author:
            out.append((a, DCTERMS.creator, Literal(art.author)))
        if art.source:
            out.append((a, DCTERMS.publisher, Literal(art.source)))
        if art.file:
            out.append((a, PK.fileName, Literal(art.file)))
        if art.sha256:
            out.append((a, PK.sha256, Literal(art.sha256.strip().lower())))
        if art.encoding:
            out.append((a, PK.encoding, Literal(art.encoding)))
        for d in dict.fromkeys(normalize_name(x) for x in art.doctrine):
            if d:
                out.append((a, PK.invokesDoctrine, Literal(d)))

    # -- stations and places -------------------------------------------------
    def convert_stations(self) -> None:
        for st in self.ext.stations:
            if not normalize_name(st.name):
                continue
            key = station_key(st.name, st.county)
            ref = _StationRef(st, PKID["station/" + key_hash(key)], key)
            self.stations.setdefault(normalize_name(st.name), ref)
            if st.role == "subject" and self.subject is None:
                self.subject = ref
            self.station(ref)
        if self.subject is None:
            self.subject = next((r for r in self.stations.values()
                                 if r.station is not None and r.station.role != "former"), None)
        for ref in list(self.stations.values()):
            st = ref.station
            if st is not None and st.role == "former" and self.subject is not None \
                    and self.subject.iri != ref.iri:
                self.out.append((ref.iri, PK.formerNameOf, self.subject.iri))

    def station(self, ref: _StationRef) -> None:
        st, s, out = ref.station, ref.iri, self.out
        assert st is not None
        out.append((self.article, SCHEMA_MENTIONS, s))
        if st.role == "subject":
            out.append((self.article, SCHEMA_ABOUT, s))
        if s not in self.done:
            self.done.add(s)
            self.shared.append((s, TYPE, PK.PoliceStation))
            _labels(out, s, st.name, self.shared)
        self.places(s, st)
        area = _dec(st.area_km2)
        if area is not None:
            out.append((s, PK.areaKm2, area))
        for field, prop in _STATION_INTS:
            v = _int(getattr(st, field))
            if v is not None:
                out.append((s, prop, v))
        if st.population_kind:
            out.append((s, PK.populationKind, Literal(normalize_name(st.population_kind))))
        self.honours(s, st.honors)
        self.fact(s, st.evidence)

    def places(self, station: URIRef, st: Station) -> None:
        """The place hierarchy top down; a missing level (a municipality's prefecture) is skipped."""
        path: list[str] = []
        parent: URIRef | None = None
        for field, cls, link in _LEVELS:
            name = getattr(st, field)
            if not name or not normalize_name(name):
                continue
            path.append(f"{field}={normalize_name(name)}")
            node = PKID["place/" + key_hash("|".join(path))]
            self.out.append((station, link, node))
            if node not in self.done:
                self.done.add(node)
                self.shared += [(node, TYPE, cls), (node, TYPE, PK.Place)]
                _labels(self.out, node, name, self.shared)
                if parent is not None:
                    self.shared.append((node, SCHEMA_CONTAINED_IN, parent))
            parent = node

    def station_ref(self, name: str | None) -> _StationRef | None:
        """Resolve a station named by a fact; the subject station when unnamed."""
        if not name or not normalize_name(name):
            return self.subject
        n = normalize_name(name)
        if n in self.stations:
            return self.stations[n]
        for k, ref in self.stations.items():
            if len(n) >= 4 and len(k) >= 4 and (n in k or k in n):
                return ref
        # A station only named inside another fact: describe it minimally.
        key = station_key(name, None)
        ref = _StationRef(None, PKID["station/" + key_hash(key)], key)
        self.stations[n] = ref
        self.shared.append((ref.iri, TYPE, PK.PoliceStation))
        self.out += [(self.article, SCHEMA_MENTIONS, ref.iri), (ref.iri, DERIVED_FROM, self.article)]
        _labels(self.out, ref.iri, name, self.shared)
        return ref

    # -- mechanisms ----------------------------------------------------------
    def convert_mechanisms(self) -> None:
        for m in self.ext.mechanisms:
            ck = concept_key(m.name)
            if not ck:
                continue
            st = self.station_ref(m.station)
            owner = st.key if st else f"article:{self.sha16}"
            node = PKID["mechanism/" + key_hash(f"{owner}|{ck}")]
            for alias in [m.name, *m.aliases]:
                ak = concept_key(alias)
                if ak:
                    self.mechanisms.setdefault(ak, []).append((st.iri if st else None, node))
            self.mechanism(node, ck, m, st)

    def mechanism(self, node: URIRef, ck: str, m: Mechanism, st: _StationRef | None) -> None:
        out = self.out
        if st is not None:
            out.append((st.iri, PK.hasMechanism, node))
        self.shared.append((node, TYPE, PK.Mechanism))
        label = _labels(out, node, m.name)
        for alias in m.aliases:
            a = normalize_name(alias)
            if a and a != label:
                out.append((node, ALT_LABEL, Literal(a, lang="zh")))
                w = written_form(alias)
                if w != a and to_simplified(w) == a:
                    out.append((node, ALT_LABEL, Literal(w, lang="zh-Hant")))
        concept = PKID["concept/" + key_hash(ck)]
        out.append((node, PK.concept, concept))
        if concept not in self.done:
            self.done.add(concept)
            self.shared += [(concept, TYPE, PK.MechanismConcept), (concept, LABEL, _zh(ck))]
        cat = _code("mechanism", m.category)
        if cat is not None:
            out.append((node, PK.category, cat))
        if m.scope:
            out.append((node, PK.scope, Literal(m.scope.strip().lower())))
        if m.head:
            out.append((node, PK.headWord, Literal(normalize_name(m.head))))
        n = _int(m.expected_count)
        if n is not None:
            out.append((node, PK.expectedCount, n))
        if m.count_agrees is not None:
            out.append((node, PK.countAgrees, Literal(bool(m.count_agrees))))
        for i, comp in enumerate(m.components, start=1):
            c = normalize_name(comp)
            if not c:
                continue
            cn = PKID["component/" + key_hash(f"{node}|{c}")]
            out += [(node, PK.hasComponent, cn), (cn, TYPE, PK.Component), (cn, PK.order, _plain(i))]
            _labels(out, cn, comp)
            self.fact(cn, m.evidence)  # components share the mechanism's sentence
        self.honours(node, m.honors)
        self.fact(node, m.evidence)

    def mechanism_ref(self, name: str | None, station: URIRef | None) -> URIRef | None:
        """The article's mechanism a fact names (normalized, head words ignored)."""
        if not name:
            return None
        k = concept_key(name)
        cands = self.mechanisms.get(k)
        if not cands and len(k) >= 2:
            cands = [c for key, cs in self.mechanisms.items() if k in key or key in k for c in cs]
        if not cands:
            return None
        for st, node in cands:
            if st == station:
                return node
        return cands[0][1]

    # -- partners ------------------------------------------------------------
    def partner_iri(self, name: str) -> URIRef:
        return PKID[f"partner/{self.sha16}/{key_hash(normalize_name(name))}"]

    def partner(self, node: URIRef, name: str, category: str | None, surface: str | None,
                ev: Evidence | None) -> None:
        out = self.out
        self.done.add(node)
        out.append((node, TYPE, PK.Partner))
        label = _labels(out, node, name)
        if surface:
            s = normalize_name(surface)
            if s and s != label:
                out.append((node, ALT_LABEL, Literal(s, lang="zh")))
        ptype = PKID["partner-type/" + key_hash(label)]
        out.append((node, PK.partnerType, ptype))
        if ptype not in self.done:
            self.done.add(ptype)
            self.shared += [(ptype, TYPE, PK.PartnerType), (ptype, LABEL, _zh(label))]
        cat = _code("partner", category)
        if cat is not None:
            out.append((node, PK.category, cat))
        self.fact(node, ev)

    def convert_partners(self) -> None:
        for p in self.ext.partners:
            n = normalize_name(p.name)
            if not n:
                continue
            node = self.partner_iri(p.name)
            if node in self.done:  # a duplicate entry: keep the first description
                continue
            self.partners[n] = node
            self.partner(node, p.name, p.category, p.surface, p.evidence)
            st = self.station_ref(p.station)
            if st is not None:
                self.out.append((st.iri, PK.hasPartner, node))
            for mname in p.mechanisms:
                m = self.mechanism_ref(mname, st.iri if st else None)
                if m is not None:
                    self.out.append((m, PK.involvesPartner, node))

    def link_mechanism_partners(self) -> None:
        """Mechanism.partners: link, describing a partner only named there."""
        for m in self.ext.mechanisms:
            if not m.partners or not concept_key(m.name):
                continue
            st = self.station_ref(m.station)
            node = self.mechanism_ref(m.name, st.iri if st else None)
            if node is None:
                continue
            for pname in m.partners:
                n = normalize_name(pname)
                if not n:
                    continue
                p = self.partners.get(n)
                if p is None:
                    p = self.partners[n] = self.partner_iri(pname)
                    self.partner(p, pname, None, None, m.evidence)
                    if st is not None:
                        self.out.append((st.iri, PK.hasPartner, p))
                self.out.append((node, PK.involvesPartner, p))

    # -- outcomes ------------------------------------------------------------
    def convert_outcomes(self) -> None:
        out = self.out
        for i, o in enumerate(self.ext.outcomes, start=1):
            node = PKID[f"outcome/{self.sha16}/{i}"]
            out.append((node, TYPE, PK.Outcome))
            if o.metric:
                out.append((node, PK.metric, _plain(o.metric)))
            v = _dec(o.value)
            if v is not None:
                out.append((node, PK.value, v))
            for field, prop in _OUTCOME_TEXTS:
                x = getattr(o, field)
                if x is not None and str(x).strip():
                    out.append((node, prop, _plain(str(x).strip())))
            fam = _code("outcome", o.family, fallback=None)
            if fam is not None:
                out.append((node, PK.metricFamily, fam))
            st = self.station_ref(o.station)
            if st is not None:
                out.append((st.iri, PK.reportsOutcome, node))
            m = self.mechanism_ref(o.mechanism, st.iri if st else None)
            if m is not None:
                out.append((node, PK.attributedTo, m))
            elif o.mechanism:
                log.info("%s: outcome %d names an unknown mechanism %r", self.ext.article.file, i, o.mechanism)
            self.fact(node, o.evidence)

    def run(self) -> tuple[list[Triple], list[Triple]]:
        self.convert_article()
        self.convert_stations()
        self.convert_mechanisms()
        self.convert_partners()
        self.link_mechanism_partners()
        self.convert_outcomes()
        return self.out, self.shared


def triples(ext: Extraction) -> list[Triple]:
    """One article's triples as plain tuples (may repeat a triple; graphs dedupe)."""
    own, shared = _Converter(ext).run()
    return own + shared


# Nodes that many articles describe in exactly the same words: a station's or
# place's type and name, a mechanism concept, a partner type. Their IRIs are
# keyed by the very names they are labelled with, so every article writes the
# same triples. Stored once in the shared graph rather than once per article
# graph: the store's default graph is the multiset union of the named graphs,
# and a label repeated in 500 article graphs makes every join through that
# node 500 times larger (a per-station query went from ~0.6 s to ~15 ms).
SHARED_GRAPH = PKID["graph/shared"]


def split_shared(ext: Extraction) -> tuple[list[Triple], list[Triple]]:
    """One article's triples as (its own graph's, the shared graph's).

    Shared: rdf:type of stations, places, mechanisms, concepts and partner
    types; rdfs:label of stations, places, concepts and partner types; and
    schema:containedInPlace between places.
    """
    return _Converter(ext).run()


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)


def to_graph(ext: Extraction) -> Graph:
    """One article's triples; the graph's identifier is :func:`article_iri`."""
    g = Graph(identifier=article_iri(ext))
    _bind(g)
    g.addN((s, p, o, g) for s, p, o in triples(ext))
    return g


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """One named graph per article (graph name = article IRI) plus the shared graph, as in the store."""
    ds = Dataset()
    _bind(ds)
    shared = ds.graph(SHARED_GRAPH)
    for ext in extractions:
        g = ds.graph(article_iri(ext))
        own, common = split_shared(ext)
        g.addN((s, p, o, g) for s, p, o in own)
        shared.addN((s, p, o, shared) for s, p, o in common)
    return ds
