"""Finding input files and running the extractors over them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read: the given files, and article files found under folders (sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield p


def extract_paths(paths: Iterable[str | Path], out: str | Path) -> tuple[int, int]:
    """Extract every input; write one JSON per article into ``out`` (``-``: JSON lines).

    Returns (articles written, files skipped). Unreadable files are reported
    on stderr with their reason and skipped.
    """
    from loaders.pipeline import extract_file
    from loaders.read import UnreadableFile

    done = skipped = 0
    to_stdout = str(out) == "-"
    if not to_stdout:
        Path(out).mkdir(parents=True, exist_ok=True)
    for path in iter_inputs(paths):
        try:
            ext = extract_file(path)
        except UnreadableFile as e:
            print(f"skipped {e.path}: {e.reason}", file=sys.stderr)
            skipped += 1
            continue
        data = json.dumps(ext.to_json(), ensure_ascii=False, indent=None if to_stdout else 2)
        if to_stdout:
            sys.stdout.write(data + "\n")
        else:
            (Path(out) / f"{path.stem}.json").write_text(data + "\n", encoding="utf-8")
        done += 1
    return done, skipped


# -- building the store -----------------------------------------------------

from dataclasses import dataclass, field  # noqa: E402


@dataclass
class FileResult:
    """What extracting one file gave (made in a worker process, so plain data)."""

    path: str
    bytes_sha256: str
    article: str | None = None
    nquads: bytes = b""
    stations: int = 0
    error: str | None = None


@dataclass
class BuildSummary:
    files: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    stations: int = 0
    articles: int = 0

    @property
    def loaded(self) -> int:
        return self.added + self.replaced + self.unchanged

    def line(self) -> str:
        return (
            f"{self.articles} articles in store ({self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged), {self.stations} stations, {self.triples} triples, "
            f"{len(self.skipped)} files skipped"
        )


def _file_sha(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract_to_quads(path: str, bytes_sha: str) -> FileResult:
    """Extract one file and serialize its named graph as N-Quads (runs in workers)."""
    import pyoxigraph as ox

    from kg.oxconv import graph_quads
    from loaders.pipeline import extract_file
    from loaders.rdf import article_iri, to_graph
    from loaders.read import UnreadableFile

    try:
        ext = extract_file(path)
    except UnreadableFile as e:
        return FileResult(path, bytes_sha, error=e.reason)
    except Exception as e:  # a bug must not stop the build: report it with the file
        return FileResult(path, bytes_sha, error=f"extraction failed: {type(e).__name__}: {e}")
    iri = str(article_iri(ext))
    data = ox.serialize(graph_quads(to_graph(ext), iri), format=ox.RdfFormat.N_QUADS)
    return FileResult(path, bytes_sha, article=iri, nquads=data, stations=len(ext.stations))


def build_store(
    paths: Iterable[str | Path],
    store: "str | Path",
    jobs: int = 1,
    progress: bool = False,
    force: bool = False,
) -> BuildSummary:
    """Extract articles and load them into the store, all or nothing.

    Unchanged files (same bytes as last time) are skipped; a changed file's
    article graph is replaced. Output is the same for any ``jobs``.
    """
    import pyoxigraph as ox

    from kg.store import ONTOLOGY_GRAPH, Store

    st = Store(store)
    summary = BuildSummary()
    files = [str(p) for p in iter_inputs(paths)]
    summary.files = len(files)
    with st.transaction() as tx:
        todo: list[tuple[str, str]] = []
        for p in files:
            try:
                sha = _file_sha(Path(p))
            except OSError as e:
                summary.skipped.append((p, f"cannot open: {e.strerror or e}"))
                continue
            old = tx.manifest.files.get(p)
            if old and old["bytes_sha256"] == sha and not force and tx.has_graph(old["article"]):
                summary.unchanged += 1
            else:
                todo.append((p, sha))
        for res in _run(todo, jobs, progress):
            if res.error:
                summary.skipped.append((res.path, res.error))
                continue
            old = tx.manifest.files.get(res.path)
            if old and old["article"] != res.article and len(tx.manifest.paths_of(old["article"])) <= 1:
                tx.drop_graph(old["article"])
            replaced = old is not None
            tx.replace_graph(res.article, ox.parse(res.nquads, format=ox.RdfFormat.N_QUADS))
            tx.manifest.files[res.path] = {"bytes_sha256": res.bytes_sha256, "article": res.article}
            if replaced:
                summary.replaced += 1
            else:
                summary.added += 1
        _load_ontology(tx, ONTOLOGY_GRAPH)
    s = st.stats()
    summary.triples = s["triples"]
    summary.articles = len(st.manifest().articles())
    summary.stations = _count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/policing-kg/ontology#PoliceStation> } }")
    return summary


def _count(st: Any, q: str) -> int:
    db = st.open_read()
    return int(next(iter(db.query(q)))[0].value)


def _load_ontology(tx: Any, graph_iri: str) -> None:
    """The ontology and concept schemes go into their own graph so queries can use labels."""
    from kg.oxconv import graph_quads
    from ontology import ontology_graph, schemes_graph

    g = ontology_graph() + schemes_graph()
    tx.replace_graph(graph_iri, graph_quads(g, graph_iri))


def _run(todo: list[tuple[str, str]], jobs: int, progress: bool) -> Iterator[FileResult]:
    """Extract in order (one process, or a pool whose results keep input order)."""
    bar = _progress(len(todo)) if progress and todo else None
    try:
        if jobs <= 1 or len(todo) < 2:
            for p, sha in todo:
                yield extract_to_quads(p, sha)
                if bar:
                    bar.advance()
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                chunk = max(1, min(32, len(todo) // (jobs * 8) or 1))
                for res in pool.map(extract_to_quads, *zip(*todo), chunksize=chunk):
                    yield res
                    if bar:
                        bar.advance()
    finally:
        if bar:
            bar.close()


class _progress:
    """A minimal progress bar on stderr (rich's, when a terminal is attached)."""

    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self._p = Progress(transient=True)
        self._p.start()
        self._task = self._p.add_task("extracting", total=total)

    def advance(self) -> None:
        self._p.advance(self._task)

    def close(self) -> None:
        self._p.stop()
