"""Check instance data against the SHACL shapes of ``ontology/shapes.ttl``.

Offline by construction: the shapes, ontology and schemes ship in the
``ontology`` package and no ``owl:imports`` are followed. A dataset is
flattened into one graph first (the shapes only cap cardinalities on nodes
that belong to a single article, so the union is safe) and the ontology and
schemes are mixed in, so ``sh:class`` sees ``rdfs:subClassOf`` without any
inference. Warnings (e.g. a station without evidence) do not break
conformance; violations do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Dataset, Graph

SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class ValidationResult:
    """One SHACL result, with IRIs shortened for reading."""

    severity: str  # Violation | Warning | Info
    focus: str
    path: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{val}"


@dataclass
class ValidationReport:
    """What :func:`validate_graph` found; ``text`` is a readable summary."""

    conforms: bool
    text: str
    results: int
    violations: int = 0
    warnings: int = 0
    items: list[ValidationResult] = field(default_factory=list)
    full_text: str = ""  # pySHACL's own report

    def __bool__(self) -> bool:
        return self.conforms


def _plain(o):
    """An ``xsd:string``-typed literal as the equivalent simple literal."""
    from rdflib import Literal

    if isinstance(o, Literal) and o.datatype is not None and str(o.datatype) == XSD_STRING:
        return Literal(str(o))
    return o


def _flatten(data: "Graph | Dataset") -> "Graph":
    """A fresh graph holding every triple of ``data`` (all named graphs) plus the vocabulary."""
    from rdflib import Dataset, Graph
    from rdflib.graph import ConjunctiveGraph

    from ontology import vocabulary_graph

    g = Graph()
    if isinstance(data, (Dataset, ConjunctiveGraph)):
        source = ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        source = iter(data)
    # Some parsers (oxrdflib) type plain strings as xsd:string; rdflib then
    # treats "internal" and "internal"^^xsd:string as different terms in sh:in.
    g.addN((s, p, _plain(o), g) for s, p, o in source)
    g.addN((s, p, o, g) for s, p, o in vocabulary_graph())
    for prefix, ns in data.namespaces():
        g.bind(prefix, ns, override=False)
    return g


def _summarise(report_graph: "Graph", nm_graph: "Graph") -> list[ValidationResult]:
    from rdflib import RDF, Literal, URIRef

    def short(node: object) -> str:
        if isinstance(node, URIRef):
            try:
                return nm_graph.namespace_manager.normalizeUri(node)
            except Exception:  # pragma: no cover - odd IRIs
                return f"<{node}>"
        if isinstance(node, Literal):
            return node.n3(nm_graph.namespace_manager)
        return str(node)

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    items = []
    for r in report_graph.subjects(RDF.type, sh("ValidationResult")):
        severity = report_graph.value(r, sh("resultSeverity"))
        path = report_graph.value(r, sh("resultPath"))
        focus = report_graph.value(r, sh("focusNode"))
        value = report_graph.value(r, sh("value"))
        if value == focus:  # node-level constraints repeat the focus node as the value
            value = None
        msg = report_graph.value(r, sh("resultMessage"))
        items.append(ValidationResult(
            severity=str(severity).removeprefix(SH) if severity else "Violation",
            focus=short(focus),
            path=short(path) if isinstance(path, URIRef) else None,
            value=None if value is None else short(value),
            message=str(msg) if msg else "constraint not met",
        ))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    items.sort(key=lambda i: (order.get(i.severity, 3), i.focus, i.path or "", i.message))
    return items


def validate_graph(data: "Graph | Dataset", *, max_lines: int = 200) -> ValidationReport:
    """Validate RDF data (a graph, or a dataset of article graphs) against the shapes."""
    from pyshacl import validate

    from ontology import shapes_graph

    g = _flatten(data)
    conforms, report_graph, full_text = validate(
        g,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        do_owl_imports=False,
        inplace=True,  # g is our own copy
    )
    items = _summarise(report_graph, g)
    violations = sum(1 for i in items if i.severity == "Violation")
    warnings = sum(1 for i in items if i.severity == "Warning")
    head = (f"Conforms: {bool(conforms)}. {len(items)} results: "
            f"{violations} violations, {warnings} warnings.")
    lines = [head] + [f"- {i}" for i in items[:max_lines]]
    if len(items) > max_lines:
        lines.append(f"... and {len(items) - max_lines} more")
    return ValidationReport(
        conforms=bool(conforms), text="\n".join(lines), results=len(items),
        violations=violations, warnings=warnings, items=items, full_text=str(full_text),
    )


def validate_file(path: str | Path) -> ValidationReport:
    """Validate an RDF file (TriG, N-Quads, Turtle, N-Triples ...; format from the suffix)."""
    from rdflib import Dataset
    from rdflib.util import guess_format

    path = Path(path)
    fmt = guess_format(str(path)) or "trig"
    ds = Dataset()
    ds.parse(str(path), format=fmt)
    return validate_graph(ds)


def merge_reports(reports: list[ValidationReport], *, max_lines: int = 200) -> ValidationReport:
    """One report for data validated in batches (a large store is checked a slice at a time)."""
    items = [i for r in reports for i in r.items]
    violations = sum(r.violations for r in reports)
    warnings = sum(r.warnings for r in reports)
    conforms = all(r.conforms for r in reports)
    head = (f"Conforms: {conforms}. {len(items)} results: {violations} violations, "
            f"{warnings} warnings ({len(reports)} batch{'es' if len(reports) != 1 else ''}).")
    lines = [head] + [f"- {i}" for i in items[:max_lines]]
    if len(items) > max_lines:
        lines.append(f"... and {len(items) - max_lines} more")
    return ValidationReport(conforms=conforms, text="\n".join(lines), results=len(items),
                            violations=violations, warnings=warnings, items=items,
                            full_text="\n\n".join(r.full_text for r in reports))
