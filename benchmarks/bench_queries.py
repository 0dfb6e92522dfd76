"""Catalogue query latency: the embedded Oxigraph store vs rdflib's own engine.

Builds (or reuses) a store of at least ``--triples`` triples from a
synthetic corpus (benchmarks/synth.py), then runs every catalogue query on
both engines in one process and prints the median latency and the ratio.

    python benchmarks/bench_queries.py --work /tmp/kgbench --triples 1000000

Per-station queries are run with ``station`` bound to one station; the
others over all stations. rdflib runs each query ``--rdflib-runs`` times
(default 1: it is slow; cut off after ``--rdflib-timeout`` seconds, shown
as ">30000"), Oxigraph ``--runs`` times (default 5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _TimedOut(Exception):
    pass


class _deadline:
    """Stop a pure-Python computation (rdflib's engine) after ``seconds`` with SIGALRM."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        import signal

        def _raise(signum, frame):
            raise _TimedOut

        self._old = signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._old)


def _time(fn, runs: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        n = len(fn())
        times.append(time.perf_counter() - t)
    return statistics.median(times), n


def ensure_store(work: Path, triples: int, jobs: int) -> Path:
    """A store of at least ``triples`` triples (and not many more), grown from synthetic corpora.

    The first corpus has 1,000 articles; each later one is sized from the
    triples per article so far, so the store lands just over the target
    instead of up to one full corpus past it.
    """
    from benchmarks.synth import make_corpus
    from kg.build import build_store
    from kg.store import Store

    store = work / "store"
    st = Store(store)
    batch = 0
    while (have := st.stats() if st.exists() else {"triples": 0, "files": 0})["triples"] < triples:
        size = 1000
        if have["files"]:
            per_article = have["triples"] / have["files"]
            size = max(50, min(1000, int((triples - have["triples"]) / per_article * 1.02) + 1))
        corpus = work / f"corpus-{batch:03d}-{size}"
        if not corpus.exists():
            make_corpus(corpus, size, seed=batch)
        t = time.perf_counter()
        s = build_store([corpus], store, jobs=jobs)
        print(f"  batch {batch}: {s.line()} in {time.perf_counter() - t:.1f}s", flush=True)
        batch += 1
    return store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/kgbench"))
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rdflib-runs", type=int, default=1)
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--rdflib-timeout", type=float, default=30.0, help="seconds before an rdflib query is cut off")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these catalogue queries")
    a = ap.parse_args()

    import pyoxigraph as ox
    from rdflib import Dataset

    import queries
    from kg.query import bind_value, run_oxigraph, run_rdflib
    from kg.store import Store

    store = ensure_store(a.work, a.triples, a.jobs)
    st = Store(store)
    db = st.open_read()
    stats = st.stats()
    print(f"store: {stats['triples']} triples, {stats['graphs']} graphs")
    one = run_oxigraph(db, "SELECT ?s WHERE { ?st a pk:PoliceStation ; rdfs:label ?s } ORDER BY ?s LIMIT 1").rows[0][0]
    two = run_oxigraph(db, "SELECT ?s WHERE { ?st a pk:PoliceStation ; rdfs:label ?s } ORDER BY DESC(?s) LIMIT 1").rows[0][0]
    fact = run_oxigraph(db, "SELECT ?m WHERE { ?m a pk:Mechanism } ORDER BY ?m LIMIT 1").rows[0][0]
    concept = run_oxigraph(db, "SELECT ?l WHERE { ?m pk:concept ?c . ?c rdfs:label ?l } "
                               "GROUP BY ?l ORDER BY DESC(COUNT(?m)) ?l LIMIT 1").rows[0][0]
    head = run_oxigraph(db, "SELECT ?h WHERE { ?m pk:headWord ?h } GROUP BY ?h ORDER BY DESC(COUNT(?m)) ?h LIMIT 1").rows[0][0]
    # A parameter the user names: one station (or two), one fact, one concept, head word or metric family.
    samples = {"station": one, "a": one, "b": two, "fact": fact, "concept": concept, "head": head, "family": "crime"}
    print(f"samples: {samples}")

    rds = None
    if not a.skip_rdflib:
        t = time.perf_counter()
        rds = Dataset(default_union=True)
        rds.parse(data=db.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
        print(f"rdflib load: {time.perf_counter() - t:.1f}s, {len(rds)} triples in union")

    print(f"{'query':32} {'scope':14} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>11} {'ratio':>7}")
    runs = []
    for name, q in queries.catalogue().items():
        if a.only and name not in a.only:
            continue
        bind = {p.name: bind_value(p, str(samples[p.name])) for p in q.params if p.name in samples}
        if set(bind) & {"station", "a", "fact"}:
            runs.append((name, q, bind, "station"))
        elif bind:  # one concept / head word / family, over all stations
            runs.append((name, q, bind, "all, " + "/".join(bind)))
        if not bind or "(optional" in " ".join(p.description for p in q.params):
            runs.append((name, q, {}, "all"))
    for name, q, bind, scope in runs:
        ox_t, n = _time(lambda: run_oxigraph(db, q.text, bind), a.runs)
        if rds is not None:
            try:
                with _deadline(a.rdflib_timeout):
                    rd_t, n2 = _time(lambda: run_rdflib(rds, q.text, bind), a.rdflib_runs)
            except _TimedOut:
                rd = f"{'>' + str(int(a.rdflib_timeout * 1000)):>11}"
                ratio = f">{a.rdflib_timeout / ox_t:6.0f}" if ox_t > 0 else "   inf"
            except Exception as e:  # rdflib's engine fails on some valid queries (e.g. aggregates over unbound values)
                rd, ratio = f"{'error':>11}", f"  ({type(e).__name__})"
            else:
                ratio = f"{rd_t / ox_t:7.1f}" if ox_t > 0 else "   inf"
                rd = f"{rd_t * 1000:11.1f}"
                if n2 != n:
                    rd += f" (rows {n2}!)"
        else:
            rd, ratio = f"{'-':>11}", f"{'-':>7}"
        print(f"{name:32} {scope:14} {n:6d} {ox_t * 1000:12.1f} {rd} {ratio}", flush=True)


if __name__ == "__main__":
    main()
