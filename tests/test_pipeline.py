"""The pipeline's character Doc: token i is character i of clean.simp."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from loaders.pipeline import _char_words, get_nlp, make_char_doc

SPACEY = st.text(alphabet=["中", "a", "1", " ", "\n", "\r", "\t", "\u3000", "\xa0"], max_size=30)


@settings(max_examples=300, deadline=None)
@given(SPACEY)
def test_char_words_are_spacys_own_split(text: str) -> None:
    assert _char_words(text) == get_words_and_spaces(list(text), text)


def test_char_words_spaces_and_runs() -> None:
    words, spaces = _char_words("  甲 乙  丙\n")
    assert words == ["  ", "甲", "乙", " ", "丙", "\n"]
    assert spaces == [False, True, True, False, False, False]


def test_char_doc_round_trips_the_text() -> None:
    text = "派出所 民警\n 化解纠纷12起。"
    doc = make_char_doc(get_nlp(), text)
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space][:3] == ["派", "出", "所"]


def test_no_module_binds_a_top_level_name_twice() -> None:
    """A second ``_X = re.compile(...)`` further down a long module silently replaces the first
    for every earlier user (it happened: two zone patterns in stations.py)."""
    import ast
    from collections import Counter
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "loaders").glob("*.py")) + sorted((root / "kg").glob("*.py")):
        names: Counter = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        assert [n for n, k in names.items() if k > 1] == [], path.name
