"""`--jobs 2` builds exactly the store `--jobs 1` builds (same N-Quads, same manifest, same answers)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build_store
from kg.store import Store


@pytest.fixture(scope="module")
def synth_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 synthetic articles (some traditional) plus one reprint, so reprint linking runs too."""
    from benchmarks.synth import make_corpus

    d = tmp_path_factory.mktemp("synth")
    paths = make_corpus(d, 20, seed=7, traditional=0.3)
    text = paths[0].read_text(encoding="utf-8")
    (d / "zz_reprint.txt").write_text("转载自某某网\n\n" + text + "\n\n责任编辑：王五\n", encoding="utf-8")
    return d


def _dump(store: Path) -> list[str]:
    return sorted(Store(store).open_read().dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


@pytest.mark.slow
def test_jobs_2_equals_jobs_1(tmp_path: Path, synth_corpus: Path) -> None:
    from kg.api import KG

    one, two = tmp_path / "one", tmp_path / "two"
    s1 = build_store([synth_corpus], one, jobs=1)
    s2 = build_store([synth_corpus], two, jobs=2)
    assert s1.added == s2.added == 21 and not s1.skipped and not s2.skipped
    assert s1.reprints == s2.reprints >= 1
    assert s1.line() == s2.line()
    assert _dump(one) == _dump(two)
    m1 = json.loads((one / f"{Store(one).current_name()}.json").read_text(encoding="utf-8"))
    m2 = json.loads((two / f"{Store(two).current_name()}.json").read_text(encoding="utf-8"))
    assert m1 == m2
    for name in ("stations-places", "outcomes-by-family", "compare-mechanisms", "articles"):
        assert KG(one).query(name).format("json") == KG(two).query(name).format("json"), name


@pytest.mark.slow
def test_incremental_parallel_equals_one_build(tmp_path: Path, synth_corpus: Path) -> None:
    """Half the corpus with --jobs 2, then the rest with --jobs 2 == everything with --jobs 1."""
    files = sorted(synth_corpus.glob("*.txt"))
    whole, steps = tmp_path / "whole", tmp_path / "steps"
    build_store(files, whole, jobs=1)
    build_store(files[1::2], steps, jobs=2)
    s = build_store(files, steps, jobs=2)
    assert s.unchanged == len(files[1::2])
    assert _dump(whole) == _dump(steps)


def test_build_writes_the_same_json_as_extract(tmp_path: Path, seed_paths: list[Path]) -> None:
    """`kg run` takes the JSON from the build's workers instead of extracting twice."""
    from kg.build import extract_paths

    files = seed_paths[:3]
    extract_paths(files, tmp_path / "ref")
    s = build_store(files, tmp_path / "s", jobs=2, json_dir=tmp_path / "built")
    assert s.added == 3
    for p in files:
        ref = (tmp_path / "ref" / f"{p.stem}.json").read_bytes()
        assert (tmp_path / "built" / f"{p.stem}.json").read_bytes() == ref
    again = build_store(files, tmp_path / "s", json_dir=tmp_path / "again")
    assert again.unchanged == 3 and sorted(again.unchanged_paths) == sorted(map(str, files))
    assert not (tmp_path / "again").exists() or not any((tmp_path / "again").iterdir())


def test_run_all_writes_every_json_even_for_unchanged_files(tmp_path: Path, seed_paths: list[Path]) -> None:
    from kg.api import run_all

    files = seed_paths[:2]
    store = tmp_path / "store"
    from kg.build import build_store as build

    build(files[:1], store)  # the first file is already in the store
    run_all(files, tmp_path / "out", store=store)
    written = sorted(p.name for p in (tmp_path / "out" / "extract").glob("*.json"))
    assert written == sorted(f"{p.stem}.json" for p in files)
    data = json.loads((tmp_path / "out" / "extract" / f"{files[0].stem}.json").read_text(encoding="utf-8"))
    assert data["stations"]
