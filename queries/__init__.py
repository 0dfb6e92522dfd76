"""The catalogue of named research queries: one ``.rq`` file per question.

Each file starts with a header comment::

    # title: Stations and their places
    # description: One row per station: province, prefecture, county, town.
    # param: station zh  The station's short name, e.g. 枫桥派出所 (optional)

``param`` lines give the variable name, its kind (``zh`` Chinese label
literal, ``str`` plain literal, ``iri``, ``int``, ``decimal``, or a scheme
name ``mechanism`` / ``partner`` / ``outcome`` whose value is a category
code such as ``crime``) and a
description. Values are bound as RDF terms to the variable (SPARQL
substitution), never pasted into the query text.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

PREFIXES: dict[str, str] = {
    "pk": "https://w3id.org/policing-kg/ontology#",
    "pkid": "https://w3id.org/policing-kg/id/",
    "pks": "https://w3id.org/policing-kg/scheme/",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

PARAM_KINDS = ("zh", "str", "iri", "int", "decimal", "mechanism", "partner", "outcome")
SCHEME_BASE = "https://w3id.org/policing-kg/scheme/"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)


def parse_header(name: str, text: str) -> Query:
    """Read the ``# key: value`` header of a query file."""
    title = desc = ""
    params: list[Param] = []
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("#"):
            if s:
                break
            continue
        key, _, value = s.lstrip("#").strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            title = value
        elif key == "description":
            desc = f"{desc} {value}".strip()
        elif key == "param":
            parts = value.split(None, 2)
            if len(parts) < 2 or parts[1] not in PARAM_KINDS:
                raise ValueError(f"query {name}: bad param line {line!r} (kind one of {PARAM_KINDS})")
            params.append(Param(parts[0].lstrip("?$"), parts[1], parts[2] if len(parts) > 2 else ""))
    return Query(name=name, text=text, title=title, description=desc, params=tuple(params))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Query]:
    """Every shipped query by name (the file stem)."""
    out: dict[str, Query] = {}
    for entry in sorted(files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = parse_header(name, entry.read_text(encoding="utf-8"))
    return out


class UnknownQuery(KeyError):
    def __init__(self, name: str, close: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.close = close

    def __str__(self) -> str:
        hint = f"; did you mean: {', '.join(self.close)}" if self.close else ""
        return f"no query named {self.name!r}{hint} (see `kg query --list`)"


def get(name: str) -> Query:
    """A catalogue query by name; an unknown name lists the close ones."""
    cat = catalogue()
    if name in cat:
        return cat[name]
    close = difflib.get_close_matches(name, list(cat), n=5, cutoff=0.4)
    close += [n for n in cat if name in n and n not in close]
    raise UnknownQuery(name, close[:5])
