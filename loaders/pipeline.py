"""The extraction pipeline: a blank Chinese spaCy pipeline with our components.

The spaCy ``Doc`` is built over ``CleanDoc.simp`` with character
segmentation, so token ``i`` is character ``i`` and every match offset is a
clean-text offset that :class:`~loaders.document.CleanDoc` maps back to the
source. Each component is a small registered factory with a versioned name (spaCy factory names may not contain dots);
it reads ``doc._.clean`` (the CleanDoc) and adds facts to ``doc._.ext`` (the
:class:`~loaders.model.Extraction`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction

COMPONENTS = (
    "policing_article_v1",
    "policing_stations_v1",
    "policing_mechanisms_v1",
    "policing_partners_v1",
    "policing_outcomes_v1",
    "policing_finalize_v1",
)


def _component(step: Callable[[CleanDoc, Extraction, Doc], None]) -> Callable[[Doc], Doc]:
    def run(doc: Doc) -> Doc:
        step(doc._.clean, doc._.ext, doc)
        return doc

    return run


@Language.factory("policing_article_v1")
def _article(nlp: Language, name: str):
    from .metadata import fill_article

    return _component(fill_article)


@Language.factory("policing_stations_v1")
def _stations(nlp: Language, name: str):
    from .stations import extract_stations

    return _component(extract_stations)


@Language.factory("policing_mechanisms_v1")
def _mechanisms(nlp: Language, name: str):
    from .mechanisms import extract_mechanisms

    return _component(extract_mechanisms)


@Language.factory("policing_partners_v1")
def _partners(nlp: Language, name: str):
    from .partners import extract_partners

    return _component(extract_partners)


@Language.factory("policing_outcomes_v1")
def _outcomes(nlp: Language, name: str):
    from .outcomes import extract_outcomes

    return _component(extract_outcomes)


@Language.factory("policing_finalize_v1")
def _finalize(nlp: Language, name: str):
    from .finalize import finalize

    return _component(finalize)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process (character segmentation, no model)."""
    import spacy

    for attr in ("clean", "ext"):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


_SPACE_RUN = re.compile(r"(\s+)")


def _char_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spaCy's character segmenter makes of ``text``.

    Same result as ``spacy.util.get_words_and_spaces(list(text), text)``,
    which slices the rest of the text once per character (quadratic: ~7 ms
    for a 3,000-character article, minutes for a very long one); this works
    run by run (a loop per character cost ~0.5 ms an article). Every
    non-space character is a word; a run of white space is a word of its own,
    except one plain space right after a word, which becomes that word's
    trailing space.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for part in _SPACE_RUN.split(text):  # non-space runs and white-space runs, alternating
        if not part:
            continue
        if not part[0].isspace():
            words.extend(part)
            spaces.extend([False] * len(part))
            continue
        if words and part[0] == " ":  # after a word (runs alternate): its trailing space
            spaces[-1] = True
            part = part[1:]
        if part:
            words.append(part)
            spaces.append(False)
    return words, spaces


def make_char_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` for the character-segmented pipeline, in linear time."""
    if len(text) > nlp.max_length:
        return nlp.make_doc(text)  # raises spaCy's own "text too long" error
    words, spaces = _char_words(text)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def extract_clean(clean: CleanDoc) -> Extraction:
    """Run every component over one cleaned document."""
    from .model import Article

    nlp = get_nlp()
    doc = make_char_doc(nlp, clean.simp)
    doc._.clean = clean
    doc._.ext = Extraction(
        article=Article(
            file=Path(clean.source.path).name,
            sha256=clean.source.sha256,
            encoding=clean.source.encoding,
        )
    )
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.ext


def extract_file(path: str | Path) -> Extraction:
    """Read, clean and extract one article file.

    Raises :class:`loaders.read.UnreadableFile` for a file that cannot be read.
    """
    from .clean import clean
    from .read import read_source

    return extract_clean(clean(read_source(path)))


def extract_text(text: str, name: str = "text.txt") -> Extraction:
    """Extract from a string (notebooks, tests): offsets count in ``text``."""
    from .clean import clean
    from .read import source_from_text

    return extract_clean(clean(source_from_text(text, name)))
