"""Cleaning and segmenting. PLACEHOLDER: the reading helper replaces this."""

from __future__ import annotations

import re

from .document import CleanDoc, Paragraph, Sentence, SourceDoc
from .normalize import to_simplified


def clean(source: SourceDoc) -> CleanDoc:
    text = source.text
    doc = CleanDoc(source=source, text=text, simp=to_simplified(text), offsets=list(range(len(text))))
    pos = 0
    for i, m in enumerate(re.finditer(r"[^\n]+", text)):
        doc.paragraphs.append(Paragraph(m.start(), m.end()))
        for s in re.finditer(r"[^。！？!?]+[。！？!?]*", m.group()):
            doc.sentences.append(Sentence(m.start() + s.start(), m.start() + s.end(), i))
    return doc
