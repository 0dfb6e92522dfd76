"""Exports: RDF serializations of the store, and the networkx projection for Gephi."""

from __future__ import annotations

from pathlib import Path
from typing import Any

RDF_FORMATS = {"trig": "TRIG", "nquads": "N_QUADS", "turtle": "TURTLE", "jsonld": "JSON_LD"}
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = tuple(RDF_FORMATS) + GRAPH_FORMATS


def export(kg: Any, fmt: str, out: str | Path | None = None) -> bytes:
    """Serialize the store in ``fmt``; write to ``out`` when given, return the bytes."""
    import pyoxigraph as ox

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    db = kg.store.open_read()
    if fmt in RDF_FORMATS:
        f = getattr(ox.RdfFormat, RDF_FORMATS[fmt])
        if f.supports_datasets:
            data = db.dump(format=f, prefixes=_prefixes()) if fmt == "trig" else db.dump(format=f)
        else:  # turtle: the union of all graphs as one graph
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, None)}
            data = ox.serialize(sorted(triples, key=str), format=f, prefixes=_prefixes())
    else:
        import networkx as nx

        from kg.graph import project

        g = _flatten(project(db))
        write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        import io

        buf = io.BytesIO()
        write(g, buf)
        data = buf.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data


def _prefixes() -> dict[str, str]:
    from queries import PREFIXES

    return dict(PREFIXES)


def _flatten(g: Any) -> Any:
    """GraphML/GEXF take scalar attributes only: evidence lists become text."""
    import networkx as nx

    h = nx.DiGraph()
    for n, d in g.nodes(data=True):
        attrs = {k: v for k, v in d.items() if isinstance(v, (str, int, float, bool))}
        if "evidence" in d:
            attrs["evidence"] = " | ".join(e.get("text", "") for e in d["evidence"])[:2000]
        h.add_node(n, **attrs)
    for u, v, d in g.edges(data=True):
        if h.has_edge(u, v):
            h[u][v]["relation"] += "," + d.get("relation", "")
        else:
            h.add_edge(u, v, relation=d.get("relation", ""))
    return h
