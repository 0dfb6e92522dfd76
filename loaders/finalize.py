"""The last pipeline step: one entry per thing, consistent links, stable order.

The extractors run independently and may each find the same thing twice or
link in one direction only; this step makes the Extraction consistent so
that the JSON, the RDF and the scores see one mechanism per (station,
concept), one partner per name, one outcome per (sentence, figure), and
partner <-> mechanism links that agree both ways.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from .document import CleanDoc
from .model import Extraction, Mechanism, Outcome, Partner
from .normalize import concept_key, normalize_name


def _pos(fact: object) -> int:
    ev = getattr(fact, "evidence", None)
    return ev.start if ev is not None else 1 << 62


def _merge_lists(a: list[str], b: list[str]) -> list[str]:
    seen = {normalize_name(x) for x in a}
    out = list(a)
    for x in b:
        if normalize_name(x) not in seen:
            seen.add(normalize_name(x))
            out.append(x)
    return out


def _dedupe_mechanisms(mechs: list[Mechanism]) -> list[Mechanism]:
    by_key: dict[tuple[str, str], Mechanism] = {}
    for m in sorted(mechs, key=_pos):
        key = (normalize_name(m.station), concept_key(m.name))
        if not key[1]:
            continue
        first = by_key.get(key)
        if first is None:
            by_key[key] = m
            continue
        if len(m.components) > len(first.components):
            first.components = m.components
            first.expected_count = m.expected_count if m.expected_count is not None else first.expected_count
            first.count_agrees = m.count_agrees
        first.aliases = _merge_lists(first.aliases, [m.name] if normalize_name(m.name) != normalize_name(first.name) else [])
        first.aliases = _merge_lists(first.aliases, m.aliases)
        first.partners = _merge_lists(first.partners, m.partners)
        first.honors.extend(h for h in m.honors if (h.title, h.year) not in {(x.title, x.year) for x in first.honors})
        for attr in ("category", "scope", "head"):
            if getattr(first, attr) is None:
                setattr(first, attr, getattr(m, attr))
    return list(by_key.values())


def _dedupe_partners(partners: list[Partner]) -> list[Partner]:
    by_name: dict[str, Partner] = {}
    for p in sorted(partners, key=_pos):
        key = normalize_name(p.name)
        if not key:
            continue
        if key in by_name:
            by_name[key].mechanisms = _merge_lists(by_name[key].mechanisms, p.mechanisms)
        else:
            by_name[key] = p
    return list(by_name.values())


def _dedupe_outcomes(outcomes: list[Outcome]) -> list[Outcome]:
    seen: set[tuple] = set()
    out = []
    for o in sorted(outcomes, key=_pos):
        key = (normalize_name(o.metric), o.value, o.unit, o.direction, _pos(o))
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


def _link(facts: list, attr: str, targets: dict, key: Callable[[str], str], back: str) -> None:
    """Keep the names in ``fact.<attr>`` that resolve to a target (by ``key``) and add the link back."""
    for f in facts:
        kept = []
        for name in getattr(f, attr):
            t = targets.get(key(name))
            if t is not None:
                kept.append(t.name)
                setattr(t, back, _merge_lists(getattr(t, back), [f.name]))
        setattr(f, attr, _merge_lists([], kept))


def finalize(clean: CleanDoc, ext: Extraction, doc: Doc | None = None) -> None:
    """Dedupe, default the station of each fact, and make links agree both ways."""
    subject = next((s.name for s in ext.stations if s.role == "subject"), None)
    for m in ext.mechanisms:
        if m.station is None:
            m.station = subject
    for p in ext.partners:
        if p.station is None:
            p.station = subject
    for o in ext.outcomes:
        if o.station is None:
            o.station = subject
    ext.mechanisms = _dedupe_mechanisms(ext.mechanisms)
    ext.partners = _dedupe_partners(ext.partners)
    ext.outcomes = _dedupe_outcomes(ext.outcomes)

    # partner <-> mechanism links, both directions, only to things that exist
    mech_by_key = {concept_key(m.name): m for m in ext.mechanisms}
    partner_by_key = {normalize_name(p.name): p for p in ext.partners}
    _link(ext.partners, "mechanisms", mech_by_key, concept_key, "partners")
    _link(ext.mechanisms, "partners", partner_by_key, normalize_name, "mechanisms")
    for o in ext.outcomes:
        if o.mechanism is not None:
            m = mech_by_key.get(concept_key(o.mechanism))
            o.mechanism = m.name if m is not None else None

    for m in ext.mechanisms:
        if m.count_agrees is False:
            msg = (f"count check: {m.name} promises {m.expected_count} parts, "
                   f"the text lists {len(m.components)}")
            if not any(m.name in w for w in ext.warnings):  # the extractor may have said it already
                ext.warnings.append(msg)
