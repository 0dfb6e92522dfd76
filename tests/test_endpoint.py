"""A real Oxigraph server gives the catalogue's answers the embedded store gives."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import queries
from kg.api import KG

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (pip install oxigraph, in the dev extra) is not installed")
    port = _free_port()
    loc = tmp_path_factory.mktemp("oxserver")
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(loc), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph server exited: {proc.stderr.read().decode()[:500]}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("oxigraph server did not start in 30 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _sorted(rows: list[tuple]) -> list[tuple]:
    """Rows in a fixed order; a GROUP_CONCAT value (甲、乙) as its sorted items, since SPARQL leaves
    the order inside a group to the engine's plan."""
    norm = [tuple("、".join(sorted(v.split("、"))) if isinstance(v, str) and "、" in v else v for v in r) for r in rows]
    return sorted(norm, key=lambda r: tuple("" if v is None else str(v) for v in r))


@pytest.mark.server
def test_catalogue_answers_the_same_on_a_server(server: str, seed_store: Path, seed_paths: list[Path]) -> None:
    remote = KG(endpoint=server)
    summary = remote.build(seed_paths)
    assert summary.added == 5 and not summary.skipped
    local = KG(seed_store)
    station = local.query("stations-places").rows[0][0]
    fact = local.query("station-mechanisms").records()[0]["m"]
    samples = {"station": station, "a": station, "b": station, "fact": fact, "concept": "1+X+N", "head": "调解室", "family": "crime"}
    checked = 0
    for name, q in queries.catalogue().items():
        for params in ({}, {p.name: samples[p.name] for p in q.params if p.name in samples}):
            a = local.query(name, params)
            b = remote.query(name, params)
            assert a.columns == b.columns, name
            assert _sorted(a.rows) == _sorted(b.rows), (name, params)
            checked += 1
    assert checked >= 2 * len(queries.catalogue())


@pytest.mark.server
def test_server_build_is_idempotent(server: str, seed_paths: list[Path]) -> None:
    remote = KG(endpoint=server)
    n1 = remote.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    remote.build(seed_paths)
    n2 = remote.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    assert n1 == n2 and n1 > 1000
