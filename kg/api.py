"""The library API a notebook uses; the `kg` CLI is a thin shell over it.

    >>> from kg.api import KG
    >>> g = KG("kg-store")                         # doctest: +SKIP
    >>> g.build(["seeds/"])                         # doctest: +SKIP
    >>> g.query("stations-places").to_df()          # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from kg.query import QueryResult


class KG:
    """A knowledge graph in an embedded store folder, or behind a SPARQL endpoint."""

    def __init__(self, store: str | Path | None = None, endpoint: str | None = None) -> None:
        from kg.store import DEFAULT_STORE, Store

        self.store = Store(store or DEFAULT_STORE)
        self.endpoint = endpoint

    # -- building ----------------------------------------------------------
    def build(self, paths: Iterable[str | Path], jobs: int = 1, progress: bool = False, force: bool = False,
              json_dir: str | Path | None = None):
        """Extract and load articles (incremental, all or nothing); returns a BuildSummary.

        ``json_dir``: also write each newly extracted article's JSON there (embedded store only).
        """
        if self.endpoint:
            from kg.remote import build_remote

            return build_remote(paths, self.endpoint, jobs=jobs, progress=progress)
        from kg.build import build_store

        return build_store(paths, self.store.path, jobs=jobs, progress=progress, force=force, json_dir=json_dir)

    def remove(self, what: str) -> list[str]:
        """Take an article out with all its facts: by input path, article IRI or sha prefix."""
        removed: list[str] = []
        with self.store.transaction() as tx:
            m = tx.manifest
            targets = {v["article"] for p, v in m.files.items()
                       if what in (p, v["article"]) or v["article"].rsplit("/", 1)[-1].startswith(what)
                       or Path(p).name == what}
            for art in sorted(targets):
                tx.drop_graph(art)
                for p in m.paths_of(art):
                    del m.files[p]
                removed.append(art)
            if removed:
                from kg.build import link_reprints

                link_reprints(tx)  # a reprint of a removed article gets its own facts back
        return removed

    # -- asking ------------------------------------------------------------
    def query(self, name_or_text: str, params: dict[str, str] | None = None, *,
              allow_update: bool = False, allow_service: bool = False, **kw: str) -> QueryResult:
        """Run a catalogue query by name, or SPARQL text; parameters bound as RDF terms."""
        from kg.query import bind_value, check_read_only, run_endpoint, run_oxigraph

        params = {**(params or {}), **kw}
        text, declared = _resolve(name_or_text)
        is_update = check_read_only(text, allow_update, allow_service)
        bindings = {k: bind_value(declared.get(k), v) for k, v in params.items()}
        unknown = [k for k in params if declared and k not in declared]
        if unknown:
            raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; this query takes: {', '.join(declared)}")
        if self.endpoint:
            if is_update:
                from kg.remote import update_endpoint

                update_endpoint(self.endpoint, text)
                return QueryResult(["updated"], [(True,)])
            return run_endpoint(self.endpoint, text, bindings)
        if is_update:
            return self._update(text)
        return run_oxigraph(self.store.open_read(), text, bindings)

    def _update(self, text: str) -> QueryResult:
        from kg.query import PREFIXES

        with self.store.transaction() as tx:
            prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
            tx.db.update(prefixes + text)
        return QueryResult(["updated"], [(True,)])

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # -- moving data out -----------------------------------------------------
    def dataset(self):
        """The whole store as an rdflib Dataset (small graphs: tests, validation, exports)."""
        import pyoxigraph as ox
        from rdflib import Dataset

        data = self.store.open_read().dump(format=ox.RdfFormat.N_QUADS) if not self.endpoint else None
        ds = Dataset(default_union=True)
        if data:
            ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def export(self, fmt: str, out: str | Path | None = None) -> bytes:
        """Serialize the store: trig, nquads, turtle, jsonld, graphml, gexf."""
        from kg.export import export

        return export(self, fmt, out)

    def validate(self, batch: int = 300):
        """SHACL validation of the store, ``batch`` article graphs at a time.

        Batches keep memory flat on large stores: pySHACL works on an rdflib
        graph, which costs ~1 KB a triple.
        """
        import pyoxigraph as ox
        from rdflib import Graph

        from kg.store import ONTOLOGY_GRAPH, SHARED_GRAPH
        from kg.validate import merge_reports, validate_graph

        db = self.store.open_read()
        shared = ox.NamedNode(SHARED_GRAPH)
        graphs = sorted(g.value for g in db.named_graphs()
                        if isinstance(g, ox.NamedNode) and g.value not in (ONTOLOGY_GRAPH, SHARED_GRAPH))
        reports = []
        for i in range(0, max(len(graphs), 1), batch):
            quads: list[ox.Quad] = []
            for name in graphs[i:i + batch]:
                quads += db.quads_for_pattern(None, None, None, ox.NamedNode(name))
            # the shared nodes these articles point to, with their types and names
            nodes = {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
            quads += (q for n in nodes for q in db.quads_for_pattern(n, None, None, shared))
            g = Graph()
            data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
            g.parse(data=data.decode("utf-8"), format="nt")
            reports.append(validate_graph(g))
        return merge_reports(reports)


def run_all(paths: Iterable[str | Path], out: str | Path, store: str | Path | None = None,
            jobs: int = 1, progress: bool = False) -> dict[str, Any]:
    """The main job: build the store, then write every output into ``out``.

    out/extract/*.json (one per article, with evidence), out/graph.trig,
    out/browser.html (offline graph browser), out/report/ (comparison report).
    """
    from kg.build import extract_paths

    paths = list(paths)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    g = KG(store)
    summary = g.build(paths, jobs=jobs, progress=progress, json_dir=out / "extract")
    # files already in the store were not extracted again: only their missing JSON is
    missing = [p for p in summary.unchanged_paths if not (out / "extract" / f"{Path(p).stem}.json").exists()]
    if missing:
        extract_paths(missing, out / "extract")
    g.export("trig", out / "graph.trig")
    from viz.browser import make_network, write_html

    write_html(make_network(g.store.path), out / "browser.html")
    from viz.report import write_report

    write_report(g, out / "report")
    return {"summary": summary, "out": out}


def _resolve(name_or_text: str) -> tuple[str, dict[str, Any]]:
    """A catalogue name, a .rq file path, or SPARQL text -> (text, declared params)."""
    import queries

    s = name_or_text.strip()
    p = Path(s)
    if p.suffix == ".rq" and p.is_file():
        q = queries.parse_header(p.stem, p.read_text(encoding="utf-8"))
        return q.text, {x.name: x for x in q.params}
    if any(c.isspace() for c in s) or "{" in s:  # catalogue names have neither: this is SPARQL text
        q = queries.parse_header("<text>", s)
        return s, {p.name: p for p in q.params}
    q = queries.get(s)
    return q.text, {x.name: x for x in q.params}
