"""Finding input files and running the extractors over them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

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
