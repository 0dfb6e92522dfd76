"""A networkx projection of the store: typed things as nodes, links as edges.

Used by the Gephi exports (GraphML, GEXF), the browser and the comparisons.
Literals become node attributes; evidence becomes an ``evidence`` attribute
(list of {text, start, end, article}) on the node or edge it supports.
"""

from __future__ import annotations

from typing import Any

PK = "https://w3id.org/policing-kg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NODE_TYPES = {
    PK + "Article": "Article",
    PK + "PoliceStation": "PoliceStation",
    PK + "Place": "Place", PK + "Province": "Place", PK + "Prefecture": "Place",
    PK + "County": "Place", PK + "Town": "Place",
    PK + "Mechanism": "Mechanism",
    PK + "MechanismConcept": "MechanismConcept",
    PK + "Component": "Component",
    PK + "Partner": "Partner",
    PK + "PartnerType": "PartnerType",
    PK + "Outcome": "Outcome",
    PK + "Honour": "Honour",
}
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SKIP_EDGES = {PK + "evidence", PROV_DERIVED}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def project(db: Any) -> "Any":
    """Build a ``networkx.MultiDiGraph`` from a pyoxigraph store (union of graphs)."""
    import networkx as nx
    import pyoxigraph as ox

    g = nx.MultiDiGraph()
    types: dict[str, str] = {}
    for q in db.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, None):
        t = NODE_TYPES.get(q.object.value)
        if t and isinstance(q.subject, ox.NamedNode):
            # keep the most specific known type (Place subclasses map to Place anyway)
            types.setdefault(q.subject.value, t)
    for iri, t in types.items():
        g.add_node(iri, type=t, label=_local(iri))
    evidence: dict[str, dict[str, Any]] = {}
    ev_of: list[tuple[str, str]] = []
    seen_edges: set[tuple[str, str, str]] = set()
    for q in db.quads_for_pattern(None, None, None, None):
        s, p, o = q.subject.value, q.predicate.value, q.object
        if p == PK + "evidence":
            ev_of.append((s, o.value))
            continue
        if p in (PK + "text", PK + "start", PK + "end") :
            e = evidence.setdefault(s, {})
            e[_local(p)] = int(o.value) if p != PK + "text" else o.value
            continue
        if p == PROV_DERIVED and s not in types:  # an Evidence node's article
            evidence.setdefault(s, {})["article"] = o.value
            continue
        if s not in types:
            continue
        if isinstance(o, ox.Literal):
            key = _local(p)
            if p == RDFS_LABEL:
                g.nodes[s]["label"] = o.value
            elif key not in g.nodes[s]:
                g.nodes[s][key] = o.value
            continue
        if p == RDF_TYPE or p in SKIP_EDGES:
            continue
        if o.value in types and (s, p, o.value) not in seen_edges:
            seen_edges.add((s, p, o.value))
            g.add_edge(s, o.value, key=_local(p), relation=_local(p))
    for s, ev in ev_of:
        if s in g and ev in evidence:
            g.nodes[s].setdefault("evidence", []).append(evidence[ev])
    for _, data in g.nodes(data=True):
        if "evidence" in data:
            uniq = {(e.get("article", ""), e.get("start") or 0, e.get("end") or 0): e for e in data["evidence"]}
            data["evidence"] = [uniq[k] for k in sorted(uniq)]
    return g
