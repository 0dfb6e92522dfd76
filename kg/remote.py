"""Talking to a SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, QLever ...).

Queries use the SPARQL Protocol (see :func:`kg.query.run_endpoint`); a build
PUTs each article's named graph with the Graph Store Protocol (and POSTs
the shared graph's names), so building twice gives the same server state. The server must treat its default graph
as the union of the named graphs (``oxigraph serve --union-default-graph``,
Fuseki ``tdb2:unionDefaultGraph true``) for the catalogue to answer as it
does on the embedded store.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable


def endpoint_urls(endpoint: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs from the query URL, by the common conventions.

    Oxigraph serves /query, /update and /store at the root; Fuseki serves
    /DATASET/query (or /sparql), /DATASET/update and /DATASET/data.
    """
    base, _, last = endpoint.rstrip("/").rpartition("/")
    if last not in ("query", "sparql"):
        return endpoint, endpoint, endpoint
    at_root = urllib.parse.urlparse(base).path in ("", "/")
    return endpoint, f"{base}/update", f"{base}/store" if at_root else f"{base}/data"


def update_endpoint(endpoint: str, text: str, timeout: float = 120) -> None:
    from kg.query import prefix_block

    _, update, _ = endpoint_urls(endpoint)
    body = urllib.parse.urlencode({"update": prefix_block() + text}).encode()
    req = urllib.request.Request(update, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=timeout):
        pass


def put_graph(endpoint: str, graph_iri: str, ntriples: bytes, timeout: float = 120, method: str = "PUT") -> None:
    """Graph Store Protocol PUT (replace one named graph) or POST (add to it: the shared graph)."""
    _, _, store = endpoint_urls(endpoint)
    url = f"{store}?{urllib.parse.urlencode({'graph': graph_iri})}"
    req = urllib.request.Request(url, data=ntriples, method=method,
                                 headers={"Content-Type": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=timeout):
        pass


def build_remote(paths: Iterable[str | Path], endpoint: str, jobs: int = 1, progress: bool = False):
    """Extract articles and PUT each one's graph (and the ontology graph) to the server."""
    import pyoxigraph as ox

    from kg.build import BuildSummary, _file_sha, _run, iter_inputs
    from kg.oxconv import graph_quads
    from kg.store import ONTOLOGY_GRAPH, SHARED_GRAPH, SWEEP_SHARED
    from ontology import ontology_graph, schemes_graph

    summary = BuildSummary()
    todo = []
    for p in iter_inputs(paths):
        summary.files += 1
        try:
            todo.append((str(p), _file_sha(Path(p))))
        except OSError as e:
            summary.skipped.append((str(p), f"cannot open: {e.strerror or e}"))
    from kg.reprints import ArticleInfo, canonical_map, reduce_quads

    results = []
    for res in _run(todo, jobs, progress):
        if res.error:
            summary.skipped.append((res.path, res.error))
        else:
            results.append(res)
    # reprints within this batch keep only their article node (counted once, as in the store)
    infos = [ArticleInfo(r.article, r.signature, r.date, frozenset(x for x in r.subjects.split("|") if x))
             for r in results]
    reprint_of = canonical_map(infos)
    articles: set[str] = set()
    shared: set[ox.Triple] = set()
    for res in results:
        quads = list(ox.parse(res.nquads, format=ox.RdfFormat.N_QUADS))
        if res.article in reprint_of:
            quads = reduce_quads(quads, res.article, reprint_of[res.article])
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name.value == res.article]
        shared.update(ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name.value == SHARED_GRAPH)
        put_graph(endpoint, res.article, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        articles.add(res.article)
        summary.added += 1
    if shared:
        put_graph(endpoint, SHARED_GRAPH, ox.serialize(sorted(shared, key=str), format=ox.RdfFormat.N_TRIPLES),
                  method="POST")
    update_endpoint(endpoint, SWEEP_SHARED)  # names of nodes a replaced graph no longer mentions
    summary.reprints = len(reprint_of)
    onto = ontology_graph() + schemes_graph()
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in graph_quads(onto, ONTOLOGY_GRAPH)]
    put_graph(endpoint, ONTOLOGY_GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    summary.articles = len(articles)
    return summary
