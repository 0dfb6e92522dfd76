"""Build throughput: synthetic corpora of 1,000 and 10,000 articles through `build_store`.

For each size it writes a corpus (benchmarks/synth.py; reused when present),
builds a fresh store in a child process (so its memory is measured alone)
and reports articles/s end to end, peak memory of the main process and of
the largest worker, store size on disk, time per stage and the cost ratio
between sizes (linear growth: 10k/1k ~ 10).

    python benchmarks/bench_build.py --work /tmp/kgbuild --sizes 1000 10000 --jobs 2

``--profile`` also writes a cProfile of each build's main process to
WORK/build-N.prof (read it with ``python -m pstats``).

Stage times come from timers in ``kg.build.extract_to_quads`` (read+clean,
extraction, rdf: summed over workers, so CPU-seconds) and in the main
process (load into the store, reprint linking). Targets (issue 7): >= 100
articles/s with --jobs 2 on 10,000 articles, peak memory < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _rocksdb_cpu_s() -> float:
    """CPU seconds of this process's RocksDB background threads (compactions, flushes).

    RocksDB's thread pool outlives the store, so its threads are still there
    after the build; the bulk loader's own threads are gone (their time is in
    the process total).
    """
    total = 0
    for task in Path("/proc/self/task").glob("*"):
        try:
            if not (task / "comm").read_text().startswith("rocksdb"):
                continue
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended, or no /proc (not Linux)
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def build_once(corpus: Path, store: Path, jobs: int) -> dict:
    """One build in this process; the figures as a dict (run in a child by :func:`main`)."""
    from kg.build import build_store
    from kg.store import Store

    t = time.perf_counter()
    s = build_store([corpus], store, jobs=jobs)
    wall = time.perf_counter() - t
    cur = Store(store).current_name()
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "files": s.files, "added": s.added, "skipped": len(s.skipped), "reprints": s.reprints,
        "triples": s.triples, "stations": s.stations, "wall_s": wall,
        "articles_per_s": s.added / wall if wall else 0.0,
        "main_peak_mb": me.ru_maxrss / 1024, "worker_peak_mb": kids.ru_maxrss / 1024,
        "cpu_main_s": me.ru_utime + me.ru_stime, "cpu_workers_s": kids.ru_utime + kids.ru_stime,
        "cpu_rocksdb_s": _rocksdb_cpu_s(),
        "store_mb": (_du(store / cur) + (store / f"{cur}.json").stat().st_size) / 1e6,
        "manifest_mb": (store / f"{cur}.json").stat().st_size / 1e6,
        "stages_s": s.stages,
    }


def run_size(work: Path, n: int, jobs: int, profile: bool = False) -> dict:
    import shutil

    from benchmarks.synth import make_corpus

    corpus = work / f"corpus-{n}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
        t = time.perf_counter()
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(corpus, n, seed=n)
        print(f"  wrote {n} articles in {time.perf_counter() - t:.0f}s", flush=True)
    store = work / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, __file__, "--one", str(corpus), str(store), "--jobs", str(jobs)]
    if profile:
        cmd += ["--profile-to", str(work / f"build-{n}.prof")]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(n: int, r: dict, jobs: int) -> None:
    total = sum(r["stages_s"].values()) or 1.0
    print(f"{n} articles, --jobs {jobs}: {r['wall_s']:.1f} s, {r['articles_per_s']:.1f} articles/s, "
          f"{r['added']} loaded, {r['reprints']} reprints, {r['triples']} triples")
    print(f"  peak RSS: main {r['main_peak_mb']:.0f} MB, largest worker {r['worker_peak_mb']:.0f} MB "
          f"(all together at most {r['main_peak_mb'] + jobs * r['worker_peak_mb']:.0f} MB)")
    print(f"  store on disk {r['store_mb']:.1f} MB (manifest {r['manifest_mb']:.1f} MB); "
          f"CPU main {r['cpu_main_s']:.1f} s (RocksDB background threads {r.get('cpu_rocksdb_s', 0):.1f} s), "
          f"workers {r['cpu_workers_s']:.1f} s")
    for k, v in sorted(r["stages_s"].items(), key=lambda kv: -kv[1]):
        print(f"    {k:12} {v:8.1f} s  {100 * v / total:5.1f}%  {1000 * v / max(1, r['added']):7.1f} ms/article")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/kgbuild"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--profile", action="store_true",
                    help="also write a cProfile of each build's main process to WORK/build-N.prof")
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "STORE"), help=argparse.SUPPRESS)
    ap.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        if a.profile_to:
            import cProfile

            prof = cProfile.Profile()
            r = prof.runcall(build_once, Path(a.one[0]), Path(a.one[1]), a.jobs)
            prof.dump_stats(str(a.profile_to))
        else:
            r = build_once(Path(a.one[0]), Path(a.one[1]), a.jobs)
        print(json.dumps(r))
        return
    a.work.mkdir(parents=True, exist_ok=True)
    results = {}
    for n in a.sizes:
        print(f"building {n} ...", flush=True)
        results[n] = run_size(a.work, n, a.jobs, a.profile)
        report(n, results[n], a.jobs)
        sys.stdout.flush()
    if len(results) > 1:
        lo, hi = min(results), max(results)
        t = results[hi]["wall_s"] / results[lo]["wall_s"]
        print(f"cost ratio {hi}/{lo}: {t:.2f} for {hi / lo:.0f}x the articles "
              f"(per article: {t * lo / hi:.2f}x)")
    (a.work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
