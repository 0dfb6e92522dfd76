"""PLACEHOLDER: a helper replaces this module."""

from __future__ import annotations

from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction


def extract_mechanisms(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Add this step's facts to ``ext``."""
    return None
