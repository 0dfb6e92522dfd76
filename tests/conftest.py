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


# -- headless Chromium for the browser tests (tests/test_browser.py) ----------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _apt_install(*packages: str) -> None:
    import shutil
    import subprocess

    if shutil.which("apt-get") is None:
        pytest.skip("apt-get is not available: cannot install Debian's chromium / a CJK font")
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    ok = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, capture_output=True)
    if ok.returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        ok = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, capture_output=True)
    assert ok.returncode == 0, ok.stderr.decode(errors="replace")[-2000:]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's chromium and a CJK font, installed with apt where missing."""
    import subprocess

    pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        _apt_install("chromium")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        _apt_install("fonts-noto-cjk")
    return CHROMIUM


@pytest.fixture()
def browser_context(chromium_path: Path, tmp_path: Path):
    """A fresh headless Chromium profile driven by playwright (``playwright install`` is not needed)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(chromium_path), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1400, "height": 860})
        try:
            yield ctx
        finally:
            ctx.close()
