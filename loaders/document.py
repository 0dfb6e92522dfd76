"""Documents as the extractors see them, with a map back to the source file.

A :class:`SourceDoc` is the decoded file (for HTML, the extracted main text:
EXTRACTION.md counts HTML offsets there). A :class:`CleanDoc` is that text
with boilerplate and pinyin glosses removed; ``offsets[i]`` is the position in
the source text of ``text[i]``, so any span found in the clean text maps back
to the source and evidence always points into the original file.
``simp`` is ``text`` in simplified script, character for character (same
length), which is what the extractors match against.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .model import Evidence


@dataclass
class SourceDoc:
    path: str
    text: str  # decoded source text (HTML: the extracted main text)
    encoding: str
    kind: str = "text"  # text | markdown | html
    sha256: str = ""
    html_title: str | None = None  # <title>/og:title etc. when the input was HTML
    html_meta: dict[str, str] = field(default_factory=dict)  # date, author, sitename from HTML


@dataclass(frozen=True)
class Removed:
    """A source line (or part of one) that the cleaner kept out of the text.

    ``kind`` says why: nav, tagline, footer, editor, credit, related, widget,
    noise (no Han text, （完）), repeat (headline repeated), markup (markdown
    syntax), meta (发布时间/来源/作者 lines),
    dateline (a leading XX报讯(通讯员 X)), signature (a trailing (姓名)),
    author_note ((作者系…)). metadata.py reads the meta kinds; ``start``/``end``
    are source offsets, so ``source.text[start:end] == text``.
    """

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int  # clean-text offsets, end exclusive
    end: int
    paragraph: int  # index into CleanDoc.paragraphs
    section: int | None = None  # index into CleanDoc.sections, None before the first heading


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    is_heading: bool = False
    section: int | None = None


@dataclass(frozen=True)
class Section:
    heading_start: int  # clean-text span of the heading line
    heading_end: int
    start: int  # span of the body (paragraphs after the heading, up to the next heading)
    end: int


@dataclass
class CleanDoc:
    source: SourceDoc
    text: str  # cleaned text, original script
    simp: str  # same as text in simplified script, same length
    offsets: list[int]  # offsets[i] = source index of text[i]
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    title: str | None = None  # detected headline (clean script), if any
    title_span: tuple[int, int] | None = None  # clean span of the headline when it is in the text
    removed: list[Removed] = field(default_factory=list)  # boilerplate and metadata kept out of text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span [start, end) to the source text."""
        if end <= start:
            s = self.offsets[start] if start < len(self.offsets) else len(self.source.text)
            return s, s
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding clean offset ``pos`` (bisect over cached sentence starts).

        Extractors ask this tens of thousands of times per article; the starts
        are rebuilt only when ``sentences`` is replaced or grows.
        """
        sents = self.sentences
        cache = self.__dict__.get("_starts")
        if cache is None or cache[0] is not sents or cache[1] != len(sents):
            cache = (sents, len(sents), [s.start for s in sents])
            self.__dict__["_starts"] = cache
        i = bisect_right(cache[2], pos) - 1
        if i >= 0 and pos < sents[i].end:
            return sents[i]
        return None

    def evidence(self, start: int, end: int | None = None) -> Evidence:
        """Evidence for a clean span: the whole sentence holding it, in the source."""
        end = start + 1 if end is None else end
        sent = self.sentence_at(start)
        if sent is not None:
            s, e = sent.start, max(sent.end, min(end, len(self.text)))
        else:
            s, e = start, end
        a, b = self.source_span(s, e)
        return Evidence(self.source.text[a:b], a, b)
