"""The policing-kg vocabulary: ontology, SKOS category schemes and SHACL shapes.

The ``.ttl`` files ship inside this package and are read with
:mod:`importlib.resources`; each graph is parsed once per process and cached,
so callers must not modify the returned graphs (copy them first). rdflib is
imported only when a graph is asked for, keeping ``kg --help`` fast.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

ONTOLOGY_FILE = "policing.ttl"
SCHEMES_FILE = "schemes.ttl"
SHAPES_FILE = "shapes.ttl"


def read_ttl(name: str) -> str:
    """The text of one shipped Turtle file."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def _parse(*names: str) -> "Graph":
    from rdflib import Graph

    g = Graph()
    for name in names:
        g.parse(data=read_ttl(name), format="turtle")
    return g


@lru_cache(maxsize=1)
def ontology_graph() -> "Graph":
    """Classes and properties (``policing.ttl``)."""
    return _parse(ONTOLOGY_FILE)


@lru_cache(maxsize=1)
def schemes_graph() -> "Graph":
    """The three SKOS concept schemes (``schemes.ttl``)."""
    return _parse(SCHEMES_FILE)


@lru_cache(maxsize=1)
def shapes_graph() -> "Graph":
    """SHACL shapes for instance data (``shapes.ttl``)."""
    return _parse(SHAPES_FILE)


@lru_cache(maxsize=1)
def vocabulary_graph() -> "Graph":
    """Ontology and schemes together: what a store loads next to the data."""
    return _parse(ONTOLOGY_FILE, SCHEMES_FILE)
