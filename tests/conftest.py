"""Shared fixtures: the seed files and a store built from them once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed articles must be in seeds/"
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """A store built from the seeds (read-only use: copy it before changing it)."""
    from kg.build import build_store

    store = tmp_path_factory.mktemp("store") / "kg-store"
    summary = build_store(seed_paths, store)
    assert summary.added == 5 and not summary.skipped
    return store
