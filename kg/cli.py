"""The `kg` command line: a thin typer shell over the library.

Each command parses its arguments and calls one library function; nothing
heavy is imported at module level so `kg --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="policing-kg: a knowledge graph of Chinese community-policing practices.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """policing-kg: build, query, browse and compare a knowledge graph of policing practices."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (recursive).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder, or - for JSON lines on stdout.")] = "-",
) -> None:
    """Extract facts from articles as JSON (one file per article, EXTRACTION.md shape)."""
    from kg.build import extract_paths

    extract_paths(paths, out)


def main() -> None:  # pragma: no cover - console entry point alias
    app()
