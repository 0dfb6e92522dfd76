"""Finding input files and running the extractors over them."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
# A news article is a few KB; these keep one odd file from taking minutes and gigabytes
# (extraction costs ~40 us a character: the text limit is ~40 s of work).
MAX_FILE_BYTES = 20_000_000
MAX_TEXT_CHARS = 1_000_000


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
        if to_stdout:
            sys.stdout.write(json.dumps(ext.to_json(), ensure_ascii=False) + "\n")
        else:
            (Path(out) / f"{path.stem}.json").write_bytes(_json_bytes(ext))
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
    nquads: bytes = b""  # the article's graph, then the lines of the shared graph from byte ``shared_from``
    shared_from: int = 0
    stations: int = 0
    error: str | None = None
    signature: str | None = None  # MinHash of the cleaned text (kg/reprints.py)
    date: str | None = None
    subjects: str = ""  # normalized subject station names, "|"-joined
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    extraction_json: bytes = b""  # the extraction as `kg extract` writes it, when asked for


@dataclass
class BuildSummary:
    files: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unchanged_paths: list[str] = field(default_factory=list)
    triples: int = 0
    stations: int = 0
    articles: int = 0
    reprints: int = 0  # stored articles that are reprints of another
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, summed over files

    @property
    def loaded(self) -> int:
        return self.added + self.replaced + self.unchanged

    def line(self) -> str:
        return (
            f"{self.articles} articles in store ({self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {self.reprints} reprints), {self.stations} stations, {self.triples} triples, "
            f"{len(self.skipped)} files skipped"
        )


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extraction code and its data (loaders/, kg/oxconv.py).

    A file loaded by another version of the extractors is read again, so an
    upgrade never leaves the store holding facts the current rules would not
    extract. Hashing the ~100 files takes a few milliseconds, once per process.
    """
    import hashlib

    import loaders

    root = Path(loaders.__file__).resolve().parent
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files.append(Path(__file__).resolve().parent / "oxconv.py")
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _file_sha(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract_to_quads(path: str, bytes_sha: str, with_json: bool = False) -> FileResult:
    """Extract one file and serialize its named graph as N-Quads (runs in workers).

    Also returns what reprint detection needs (signature, date, subject
    stations), the seconds spent per stage (for the benchmark) and, with
    ``with_json``, the extraction's JSON (``kg run`` writes it without
    extracting a second time).
    """
    import time

    from kg.oxconv import triples_nquads
    from kg.reprints import signature
    from loaders.clean import clean
    from loaders.normalize import normalize_name
    from loaders.pipeline import extract_clean
    from loaders.rdf import SHARED_GRAPH, article_iri, split_shared
    from loaders.read import UnreadableFile, read_source

    t0 = time.perf_counter()
    stage = "read+clean"
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            return FileResult(path, bytes_sha, error=f"file too large for an article: {size / 1e6:.1f} MB "
                                                     f"(limit {MAX_FILE_BYTES / 1e6:.0f} MB)")
        src = read_source(path)
        if len(src.text) > MAX_TEXT_CHARS:
            return FileResult(path, bytes_sha, error=f"text too long for an article: {len(src.text):,} characters "
                                                     f"(limit {MAX_TEXT_CHARS:,})")
        doc = clean(src)
        t1 = time.perf_counter()
        stage = "extraction"
        ext = extract_clean(doc)
        sig = signature(doc)
        t2 = time.perf_counter()
        stage = "rdf"
        iri = str(article_iri(ext))
        own, shared = split_shared(ext)
        own_nq = triples_nquads(own, iri)
        data = own_nq + triples_nquads(shared, str(SHARED_GRAPH))
    except UnreadableFile as e:
        return FileResult(path, bytes_sha, error=e.reason)
    except Exception as e:  # a bug must not stop the build: report it with the file
        return FileResult(path, bytes_sha, error=f"{stage} failed: {type(e).__name__}: {e}")
    t3 = time.perf_counter()
    subjects = sorted({normalize_name(s.name) for s in ext.stations if s.role == "subject"} - {""})
    return FileResult(path, bytes_sha, article=iri, nquads=data, shared_from=len(own_nq), stations=len(ext.stations),
                      signature=sig, date=ext.article.date, subjects="|".join(subjects),
                      timings={"read+clean": t1 - t0, "extraction": t2 - t1, "rdf": t3 - t2},
                      extraction_json=_json_bytes(ext) if with_json else b"")


def _json_bytes(ext: Any) -> bytes:
    """An extraction as `kg extract` writes one file."""
    return (json.dumps(ext.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build_store(
    paths: Iterable[str | Path],
    store: "str | Path",
    jobs: int = 1,
    progress: bool = False,
    force: bool = False,
    json_dir: "str | Path | None" = None,
) -> BuildSummary:
    """Extract articles and load them into the store, all or nothing.

    Unchanged files (same bytes as last time) are skipped; a changed file's
    article graph is replaced. Output is the same for any ``jobs``. With
    ``json_dir``, each extracted file's JSON is written there too (as by
    :func:`extract_paths`; unchanged files are listed in ``unchanged_paths``).
    """
    import time
    from collections import Counter

    from kg.reprints import comparable
    from kg.store import ONTOLOGY_GRAPH, Store

    st = Store(store)
    summary = BuildSummary()
    files = [str(p) for p in iter_inputs(paths)]
    summary.files = len(files)
    with st.transaction() as tx:
        # Looked up once: per-article store look-ups slow down as the store grows.
        graphs = {g.value for g in tx.db.named_graphs()}
        n_paths = Counter(v["article"] for v in tx.manifest.files.values())
        todo: list[tuple[str, str]] = []
        for p in files:
            try:
                sha = _file_sha(Path(p))
            except OSError as e:
                summary.skipped.append((p, f"cannot open: {e.strerror or e}"))
                continue
            old = tx.manifest.files.get(p)
            if old and old["bytes_sha256"] == sha and not force and old["article"] in graphs \
                    and old.get("extractor") == extractor_fingerprint() \
                    and comparable(old.get("minhash")):  # another release's extractors: read the file again
                summary.unchanged += 1
                summary.unchanged_paths.append(p)
            else:
                todo.append((p, sha))
        loader = _BulkLoader(tx, graphs)
        reprinted = {v["article"] for v in tx.manifest.files.values() if v.get("reprint_of")}
        if json_dir is not None:
            Path(json_dir).mkdir(parents=True, exist_ok=True)
        for n_done, res in enumerate(_run(todo, jobs, progress, with_json=json_dir is not None), start=1):
            if len(todo) - n_done < _TAIL_ARTICLES:
                # the last articles: load them in small batches while the workers still extract,
                # so that little is left to load once extraction is over (one core idle)
                loader.limit = min(loader.limit, _TAIL_BATCH_BYTES)
            if res.error:
                summary.skipped.append((res.path, res.error))
                continue
            if json_dir is not None:
                (Path(json_dir) / f"{Path(res.path).stem}.json").write_bytes(res.extraction_json)
            t = time.perf_counter()
            old = tx.manifest.files.get(res.path)
            if old and old["article"] != res.article and n_paths[old["article"]] <= 1:
                loader.flush()
                tx.drop_graph(old["article"])
                graphs.discard(old["article"])
            replaced = old is not None
            loader.add(res.article, res.nquads, res.shared_from)
            if old:
                n_paths[old["article"]] -= 1
            n_paths[res.article] += 1
            _record(tx.manifest, res, res.article in reprinted)
            if replaced:
                summary.replaced += 1
            else:
                summary.added += 1
            for k, v in res.timings.items():
                summary.stages[k] = summary.stages.get(k, 0.0) + v
            summary.stages["load"] = summary.stages.get("load", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        loader.flush()
        summary.stages["load"] = summary.stages.get("load", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        summary.reprints, problems = link_reprints(tx)
        summary.skipped += problems
        summary.stages["reprints"] = time.perf_counter() - t
        _load_ontology(tx, ONTOLOGY_GRAPH)
    if tx.compact_seconds:
        summary.stages["compact"] = tx.compact_seconds
    summary.triples = st.stats()["triples"]
    summary.articles = len(tx.manifest.articles())  # the committed manifest: no second read
    summary.stations = _count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/policing-kg/ontology#PoliceStation> } }")
    return summary


# The last _TAIL_ARTICLES results go into the store _TAIL_BATCH_BYTES at a time (~25 articles).
_TAIL_ARTICLES = 100
_TAIL_BATCH_BYTES = 4_000_000


class _BulkLoader:
    """New article graphs go in with Oxigraph's bulk loader, many at a time.

    One transaction per article cost ~25 ms (800 quads); bulk loading is ~5x
    cheaper. The bulk loader is not atomic, which is harmless here: the
    generation being written is private to this build and thrown away if the
    build fails. A graph already in the store (or waiting in the batch) is
    replaced the transactional way.
    """

    # 64 MB of N-Quads per bulk load: fewer, larger ingests leave RocksDB less to compact
    # (benchmarks/bench_build.py, 10,000 articles, one run after the other against 32 MB:
    # RocksDB background threads 146 -> 120 s of CPU, build 284 -> 277 s; main peak RSS 744 MB both).
    def __init__(self, tx: Any, graphs: set[str], limit: int = 64_000_000) -> None:
        self.tx, self.limit = tx, limit
        self.stored = graphs  # named graphs in the store (kept up to date)
        self.batch: list[bytes] = []
        self.graphs: set[str] = set()
        self.size = 0
        # Shared-graph lines loaded by this build: most come back with every article
        # (a province's name, a partner type's label), and loading a quad costs ~8 us.
        self.shared_seen: set[bytes] = set()

    def add(self, article: str, nquads: bytes, shared_from: int) -> None:
        import pyoxigraph as ox

        if article in self.graphs or article in self.stored:
            self.flush()
            self.tx.replace_graph(article, ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
            return
        seen = self.shared_seen
        new = [line for line in nquads[shared_from:].splitlines(keepends=True) if line not in seen]
        seen.update(new)
        self.batch.append(nquads[:shared_from] + b"".join(new))
        self.graphs.add(article)
        self.stored.add(article)
        self.size += len(nquads)
        if self.size >= self.limit:
            self.flush()

    def flush(self) -> None:
        import pyoxigraph as ox

        if self.batch:
            # lenient: no second IRI check; kg.oxconv.triples_nquads built every IRI and
            # language tag through pyoxigraph's own checks in the worker (parsing ~35% cheaper)
            self.tx.db.bulk_load(b"".join(self.batch), format=ox.RdfFormat.N_QUADS, lenient=True)
            self.tx.touched += len(self.batch)
        self.batch, self.graphs, self.size = [], set(), 0


def _record(manifest: Any, res: FileResult, was_reprint: bool = True) -> None:
    """The manifest entry of a freshly loaded file; its article's graph is now complete."""
    entry = {"bytes_sha256": res.bytes_sha256, "article": res.article, "extractor": extractor_fingerprint()}
    if res.signature:
        entry["minhash"] = res.signature
    if res.date:
        entry["date"] = res.date
    if res.subjects:
        entry["subjects"] = res.subjects
    manifest.files[res.path] = entry
    if was_reprint:  # a duplicate file's article is complete again too
        for p in manifest.paths_of(res.article):
            manifest.files[p].pop("reprint_of", None)


def link_reprints(tx: Any) -> tuple[int, list[tuple[str, str]]]:
    """Make the store's reprint links match the manifest's articles (kg/reprints.py).

    A new reprint's graph is cut down to its bibliographic node plus
    ``pk:reprintOf``; a former reprint whose canonical article is gone is
    extracted again from its file. Call it at the end of any transaction that
    adds or removes articles. Returns (reprints in the store, problems as
    (path, message)).
    """
    import pyoxigraph as ox

    from kg.reprints import canonical_map, infos_from_manifest, reduce_stored

    files = tx.manifest.files
    paths_of: dict[str, list[str]] = {}
    for p in sorted(files):
        paths_of.setdefault(files[p]["article"], []).append(p)
    want = canonical_map(infos_from_manifest(files))
    have = {v["article"]: v["reprint_of"] for v in files.values() if v.get("reprint_of")}
    problems: list[tuple[str, str]] = []
    restore: list[tuple[str, str]] = []
    for art in sorted(set(want) | set(have)):
        paths = paths_of[art]
        if art in want and want[art] != have.get(art):
            tx.replace_graph(art, reduce_stored(tx.db, art, want[art]))
            for p in paths:
                files[p]["reprint_of"] = want[art]
        elif art not in want:  # no longer a reprint: its facts come back from its file
            restore.append((paths[0], files[paths[0]]["bytes_sha256"]))
    for res in _run(restore, 1, False):
        old = files[res.path]
        if res.error or res.article != old["article"]:
            why = res.error or "the file changed since it was loaded"
            problems.append((res.path, f"reprint of a removed article; its facts could not be restored: {why}"))
            tx.replace_graph(old["article"], [q for q in tx.db.quads_for_pattern(None, None, None, ox.NamedNode(old["article"]))
                                              if q.predicate.value != "https://w3id.org/policing-kg/ontology#reprintOf"])
            for p in tx.manifest.paths_of(old["article"]):
                files[p].pop("reprint_of", None)
            continue
        tx.replace_graph(res.article, ox.parse(res.nquads, format=ox.RdfFormat.N_QUADS))
        _record(tx.manifest, res)
    return len(want), problems


def _count(st: Any, q: str) -> int:
    db = st.open_read()
    return int(next(iter(db.query(q)))[0].value)


def _load_ontology(tx: Any, graph_iri: str) -> None:
    """The ontology and concept schemes go into their own graph so queries can use labels."""
    from kg.oxconv import graph_quads
    from ontology import ontology_graph, schemes_graph

    g = ontology_graph() + schemes_graph()
    tx.replace_graph(graph_iri, graph_quads(g, graph_iri), article=False)


def _run(todo: list[tuple[str, str]], jobs: int, progress: bool, with_json: bool = False) -> Iterator[FileResult]:
    """Extract in order (one process, or a pool whose results keep input order)."""
    bar = _progress(len(todo)) if progress and todo else None
    try:
        if jobs <= 1 or len(todo) < 2:
            for p, sha in todo:
                yield extract_to_quads(p, sha, with_json)
                if bar:
                    bar.advance()
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                # small chunks: a worker's last chunk is work the other workers do not share (8 articles ~0.2 s)
                chunk = max(1, min(8, len(todo) // (jobs * 8) or 1))
                paths, shas = zip(*todo)
                for res in pool.map(extract_to_quads, paths, shas, [with_json] * len(todo), chunksize=chunk):
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
