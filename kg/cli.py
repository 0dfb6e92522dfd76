"""The `kg` command line: a thin typer shell over the library.

Each command parses its arguments and calls one library function; nothing
heavy is imported at module level so `kg --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

app = typer.Typer(
    help="policing-kg: a knowledge graph of Chinese community-policing practices.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """policing-kg: build, query, browse and compare a knowledge graph of policing practices."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (recursive).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder, or - for JSON lines on stdout.")] = "-",
) -> None:
    """Extract facts from articles as JSON (one file per article, EXTRACTION.md shape)."""
    from kg.build import extract_paths

    extract_paths(paths, out)

StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="Store folder (default: ./kg-store).", envvar="KG_STORE")]
EndpointOpt = Annotated[Optional[str], typer.Option("--endpoint", help="SPARQL 1.1 query URL of a server to use instead of the embedded store.")]


def _kg(store: Path, endpoint: str | None):
    from kg.api import KG

    return KG(store, endpoint=endpoint)


def _fail(msg: str, code: int = 1) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(code)


@contextmanager
def _interrupt_note(store: Path, endpoint: str | None) -> Iterator[None]:
    """On Ctrl-C, say whether the build had been committed (exit code 130 either way).

    The store switches generation in one rename; an interrupt after it (while
    the summary is counted, say) leaves the complete build in place.
    """
    from kg.store import Store

    before = None if endpoint else Store(store).current_name()
    try:
        yield
    except KeyboardInterrupt:
        if endpoint:
            msg = "interrupted: article graphs already sent stay on the server; build again to finish"
        elif Store(store).current_name() != before:
            msg = "interrupted after the build was committed: the store holds the complete build"
        else:
            msg = "interrupted: the store is as it was before the build"
        typer.echo(msg, err=True)
        raise typer.Exit(130) from None


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (recursive).")],
    store: StoreOpt = Path("kg-store"),
    endpoint: EndpointOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Extraction processes.")] = 1,
    force: Annotated[bool, typer.Option(help="Re-extract unchanged files too.")] = False,
) -> None:
    """Extract articles and load them into the store (incremental, all or nothing).

    Exit code 0 when at least one article is in the store from these inputs,
    1 when nothing could be loaded, 3 when another process is writing the store,
    130 when interrupted (the message says whether the build was committed).
    """
    from kg.store import StoreBusy

    try:
        with _interrupt_note(store, endpoint):
            summary = _kg(store, endpoint).build(paths, jobs=jobs, progress=sys.stderr.isatty(), force=force)
    except StoreBusy as e:
        _fail(str(e), 3)
        return
    for path, reason in summary.skipped:
        typer.echo(f"skipped {path}: {reason}", err=True)
    typer.echo(summary.line())
    if summary.loaded == 0:
        raise typer.Exit(1)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (recursive).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs.")] = Path("out"),
    store: StoreOpt = Path("kg-store"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Extraction processes.")] = 1,
) -> None:
    """The main job: build the store and write extractions, TriG, browser and report into --out."""
    from kg.api import run_all
    from kg.store import StoreBusy

    try:
        with _interrupt_note(store, None):
            res = run_all(paths, out, store, jobs=jobs, progress=sys.stderr.isatty())
    except StoreBusy as e:
        _fail(str(e), 3)
        return
    summary = res["summary"]
    for path, reason in summary.skipped:
        typer.echo(f"skipped {path}: {reason}", err=True)
    typer.echo(summary.line())
    typer.echo(f"wrote {out}/extract/, {out}/graph.trig, {out}/browser.html, {out}/report/")
    if summary.loaded == 0:
        raise typer.Exit(1)


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="A catalogue name, a .rq file, or - for stdin.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value, bound as an RDF term.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the catalogue with descriptions.")] = False,
    store: StoreOpt = Path("kg-store"),
    endpoint: EndpointOpt = None,
    allow_update: Annotated[bool, typer.Option(help="Allow SPARQL updates.")] = False,
    allow_service: Annotated[bool, typer.Option(help="Allow SERVICE clauses (network).")] = False,
) -> None:
    """Run a named research query (or SPARQL) against the store."""
    import queries
    from kg.query import QueryRefused, QuerySyntaxError
    from kg.store import StoreError

    if list_:
        for q in queries.catalogue().values():
            ps = " ".join(f"--param {p.name}=…" for p in q.params)
            typer.echo(f"{q.name:32} {q.title}{'  [' + ps + ']' if ps else ''}")
            if q.description:
                typer.echo(f"{'':32}   {q.description}")
        return
    if not name:
        _fail("give a query name, a .rq file or - (see --list)", 2)
    text = sys.stdin.read() if name == "-" else name
    params: dict[str, str] = {}
    for kv in param or []:
        k, sep, v = kv.partition("=")
        if not sep:
            _fail(f"--param wants key=value, got {kv!r}", 2)
        params[k.strip()] = v
    try:
        res = _kg(store, endpoint).query(text, params, allow_update=allow_update, allow_service=allow_service)
    except queries.UnknownQuery as e:
        _fail(str(e), 2)
    except QuerySyntaxError as e:
        _fail(f"query does not parse: {e}", 2)
    except (QueryRefused, StoreError, ValueError) as e:
        _fail(str(e), 2)
    typer.echo(res.format(fmt))


@app.command()
def remove(
    what: Annotated[list[str], typer.Argument(help="Input path, file name, article IRI or sha prefix.")],
    store: StoreOpt = Path("kg-store"),
) -> None:
    """Take articles out of the store with all their facts."""
    g = _kg(store, None)
    for w in what:
        gone = g.remove(w)
        if not gone:
            _fail(f"no article in the store matches {w!r}")
        for a in gone:
            typer.echo(f"removed {a}")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads, turtle, jsonld, graphml or gexf.")] = "trig",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    store: StoreOpt = Path("kg-store"),
) -> None:
    """Export the store as RDF, or as a graph for Gephi."""
    from kg.store import StoreError

    try:
        data = _kg(store, None).export(fmt, out)
    except (ValueError, StoreError) as e:
        _fail(str(e), 2)
        return
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)


@app.command()
def validate(store: StoreOpt = Path("kg-store")) -> None:
    """SHACL-validate the store; exit 0 only when it conforms."""
    report = _kg(store, None).validate()
    typer.echo(report.text)
    raise typer.Exit(0 if report.conforms else 1)


@app.command("validate-file")
def validate_file(
    path: Annotated[Path, typer.Argument(help="An RDF file: .trig, .nq, .ttl, .nt (format from the suffix).")],
) -> None:
    """SHACL-validate an RDF file offline; exit 0 only when it conforms."""
    from kg.validate import validate_file as run

    if not path.is_file():
        _fail(f"no such file: {path}", 2)
    report = run(path)
    typer.echo(report.text)
    raise typer.Exit(0 if report.conforms else 1)


@app.command()
def stats(store: StoreOpt = Path("kg-store")) -> None:
    """Counts of triples, article graphs and input files in the store."""
    for k, v in _kg(store, None).stats().items():
        typer.echo(f"{k}: {v}")


@app.command()
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (one self-contained page).")],
    station: Annotated[Optional[list[str]], typer.Option("--station", help="Only this station's neighbourhood (repeatable).")] = None,
    depth: Annotated[int, typer.Option("--depth", help="Links to follow from the stations.")] = 1,
    types: Annotated[Optional[list[str]], typer.Option("--types", help="Node types to keep, e.g. PoliceStation,Mechanism (repeatable).")] = None,
    store: StoreOpt = Path("kg-store"),
) -> None:
    """Write an offline graph browser: search, filters, and the source sentence of every fact."""
    from kg.store import StoreError
    from viz.browser import make_network, write_html

    try:
        net = make_network(_kg(store, None).store, stations=station, depth=depth, types=types)
    except (StoreError, ValueError) as e:
        _fail(str(e), 2)
        return
    write_html(net, out)
    typer.echo(f"wrote {out} ({len(net.nodes)} nodes, {len(net.edges)} links)", err=True)


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (EXTRACTION.md shape).")],
    pred_dir: Annotated[Optional[Path], typer.Argument(help="Folder of predicted JSON files, paired by file stem.")] = None,
    extract_from: Annotated[Optional[Path], typer.Option("--extract", help="Extract these inputs (paired by stem) instead of reading PRED_DIR.")] = None,
    min_f1: Annotated[float, typer.Option("--min-f1", help="Exit 1 when any fact type's F1 is below this.")] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score extractions against gold files: P/R/F1 per fact type, location and metadata accuracy."""
    from kg.eval import extract_and_score, score_dirs

    if not gold_dir.is_dir():
        _fail(f"no gold folder {gold_dir}", 2)
    if (pred_dir is None) == (extract_from is None):
        _fail("give PRED_DIR or --extract INPUT_DIR (one of them)", 2)
    report = extract_and_score(gold_dir, extract_from) if extract_from else score_dirs(gold_dir, pred_dir)
    if not report.articles:
        _fail(f"no gold files (*.json) in {gold_dir}", 2)
    typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.format())
    failing = report.failing(min_f1)
    if failing:
        typer.echo(f"F1 below {min_f1}: {', '.join(failing)}", err=True)
        raise typer.Exit(1)


@app.command()
def compare(
    stations: Annotated[Optional[list[str]], typer.Argument(help="Station names (or a unique part, e.g. 城关 for 城关派出所); none = all stations.")] = None,
    store: StoreOpt = Path("kg-store"),
    endpoint: EndpointOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the tables as CSV into this folder.")] = None,
) -> None:
    """Compare stations side by side: profiles, categories, shared and unique practices, similarity."""
    from kg import compare as cmp
    from kg.store import StoreError

    try:
        g = _kg(store, endpoint)
        typer.echo(cmp.format_comparison(g, stations))
        if out is not None:
            paths = cmp.write_csv(cmp.tables(g, stations), out)
            typer.echo(f"wrote {len(paths)} CSV files to {out}/")
    except cmp.UnknownStation as e:
        _fail(str(e), 2)
    except StoreError as e:
        _fail(str(e), 2)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for report.html, report.md, figures/ and CSV files.")],
    station: Annotated[Optional[list[str]], typer.Option("--station", help="A station to include (repeat); default all.")] = None,
    store: StoreOpt = Path("kg-store"),
    endpoint: EndpointOpt = None,
) -> None:
    """Write the comparison report: one offline HTML page, a Markdown twin and CSV tables."""
    from kg.compare import UnknownStation
    from kg.store import StoreError
    from viz.report import write_report

    try:
        written = write_report(_kg(store, endpoint), out, station)
    except UnknownStation as e:
        _fail(str(e), 2)
        return
    except StoreError as e:
        _fail(str(e), 2)
        return
    typer.echo(f"wrote {written['report.html']} ({len(written)} files in {out}/)")


if __name__ == "__main__":  # python -m kg.cli
    app()
