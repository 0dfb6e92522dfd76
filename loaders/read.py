"""Reading article files. PLACEHOLDER: the reading helper replaces this."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .document import SourceDoc


class UnreadableFile(Exception):
    """A file that cannot be read as an article; ``reason`` says why."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def source_from_text(text: str, name: str = "text.txt", encoding: str = "utf-8") -> SourceDoc:
    return SourceDoc(path=name, text=text, encoding=encoding, kind="text",
                     sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_source(path: str | Path) -> SourceDoc:
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    return source_from_text(text, str(p))
