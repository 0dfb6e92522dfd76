"""The facts the loaders extract, as plain dataclasses.

These are the contract between the extractors, the JSON output
(`kg extract`, gold files: see EXTRACTION.md) and the RDF conversion.
Every fact carries an :class:`Evidence`: the sentence as it stands in the
source file and its code-point offsets there.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """A slice of the decoded source file: ``source_text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> "Evidence | None":
        if not d:
            return None
        return cls(d["text"], int(d["start"]), int(d["end"]))


@dataclass
class Honour:
    title: str
    year: int | None = None
    evidence: Evidence | None = None


@dataclass
class Station:
    name: str
    role: str = "subject"  # subject | mentioned | former
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    town: str | None = None
    area_km2: float | None = None
    population: int | None = None
    population_kind: str | None = None  # 户籍 | 实有 | 常住 | None
    households: int | None = None
    communities: int | None = None
    police_officers: int | None = None
    auxiliary_police: int | None = None
    founded: int | None = None
    honors: list[Honour] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Mechanism:
    name: str
    station: str | None = None  # the station name it belongs to
    components: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    category: str | None = None  # code of the mechanism scheme, e.g. "mediation"
    scope: str | None = None  # internal | external | None
    aliases: list[str] = field(default_factory=list)
    head: str | None = None  # the generic head word seen with it (机制, 模式 ...)
    expected_count: int | None = None  # from a leading count word (三近 -> 3)
    count_agrees: bool | None = None  # None when there is nothing to check
    honors: list[Honour] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Partner:
    name: str  # generic form, place prefix removed
    category: str | None = None  # code of the partner scheme, e.g. "judicial"
    surface: str | None = None  # as written in the text
    station: str | None = None
    mechanisms: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Outcome:
    metric: str
    value: float | None = None
    unit: str | None = None
    direction: str | None = None  # decrease | increase | zero | level | None
    qualifier: str | None = None  # 以上 | 余 | 约 | 近 | 超 | None
    period: str | None = None
    comparison: str | None = None  # 同比 | 环比 | 逐年 | None
    kind: str | None = None  # result | activity
    family: str | None = None  # crime | public_order | clearance | disputes | ...
    station: str | None = None
    mechanism: str | None = None
    evidence: Evidence | None = None


@dataclass
class Article:
    file: str  # file name of the input (its stem names the JSON output)
    title: str | None = None
    source: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    author: str | None = None
    sha256: str | None = None  # of the decoded source text
    encoding: str | None = None
    doctrine: list[str] = field(default_factory=list)  # e.g. 枫桥经验


@dataclass
class Extraction:
    """Everything extracted from one article (the gold-file shape)."""

    article: Article
    stations: list[Station] = field(default_factory=list)
    mechanisms: list[Mechanism] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return _to_json(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Extraction":
        return cls(
            article=_build(Article, d.get("article") or {"file": ""}),
            stations=[_build(Station, s) for s in d.get("stations", [])],
            mechanisms=[_build(Mechanism, m) for m in d.get("mechanisms", [])],
            partners=[_build(Partner, p) for p in d.get("partners", [])],
            outcomes=[_build(Outcome, o) for o in d.get("outcomes", [])],
            warnings=list(d.get("warnings", [])),
        )


def _to_json(obj: Any) -> Any:
    if isinstance(obj, Evidence):
        return obj.to_json()
    if dataclasses.is_dataclass(obj):
        return {f.name: _to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [_to_json(x) for x in obj]
    return obj


def _build(cls: type, d: dict[str, Any]) -> Any:
    """Build a fact from JSON, ignoring unknown keys so gold files may carry notes."""
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for k, v in d.items():
        if k not in names:
            continue
        if k == "evidence":
            v = Evidence.from_json(v)
        elif k in ("honors",):
            v = [_build(Honour, h) if isinstance(h, dict) else Honour(str(h)) for h in (v or [])]
        kwargs[k] = v
    return cls(**kwargs)
