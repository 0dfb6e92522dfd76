"""The README's two commands are the truth: CI runs the second, this test runs the first."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", text, flags=re.S)
    return [b.strip() for b in blocks[:2]]


def test_ci_runs_the_readme_test_command() -> None:
    main, tests = _commands()
    assert "pytest" in tests and "kg run" in main
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.slow
def test_readme_main_command_in_a_fresh_venv(tmp_path: Path) -> None:
    """Copy the tracked files, run the README's first command verbatim, check its outputs."""
    main, _ = _commands()
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    repo = tmp_path / "repo"
    for f in files:
        if (ROOT / f).is_file():
            (repo / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, repo / f)
    done = subprocess.run(["bash", "-c", main], cwd=repo, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stderr[-3000:]
    out = repo / "out"
    extracted = sorted((out / "extract").glob("*.json"))
    assert len(extracted) == 5
    assert all(json.loads(p.read_text(encoding="utf-8"))["stations"] for p in extracted)
    assert (out / "graph.trig").stat().st_size > 10_000
    assert (out / "browser.html").stat().st_size > 10_000
    assert (out / "report" / "report.html").exists()
    assert (repo / "kg-store" / "CURRENT").exists()
