"""Comparisons across stations, as pandas DataFrames a notebook shows directly.

Every number comes from a catalogue query (``queries/*.rq``), so the report
and ``kg query`` agree: the ``compare-*`` queries are the per-fact rows, and
the counts here are the same counts as ``station-mechanism-categories`` and
``station-partner-categories`` (grouped by station IRI rather than label, so
two stations of the same name in different counties stay apart).

Every row keeps the IRIs it was read from (``st``, ``m``, ``p``, ``o`` ...);
:func:`evidence` turns a fact IRI into its sentence, article and date.

    >>> from kg.api import KG                         # doctest: +SKIP
    >>> from kg import compare                        # doctest: +SKIP
    >>> compare.mechanism_matrix(KG("kg-store"))      # doctest: +SKIP
"""

from __future__ import annotations

import weakref
from collections import Counter
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from kg.api import KG

NO_FAMILY = "unclassified"
SCHEME_BASE = "https://w3id.org/policing-kg/scheme/"
PROFILE_FIELDS = ("province", "prefecture", "county", "town", "area_km2", "population", "population_kind",
                  "households", "communities", "officers", "auxiliary", "founded")

_cache: "weakref.WeakKeyDictionary[Any, dict[tuple[Any, str], pd.DataFrame]]" = weakref.WeakKeyDictionary()


class UnknownStation(ValueError):
    """A station name that is not in the store; ``close`` lists likely ones."""

    def __init__(self, name: str, close: list[str]) -> None:
        super().__init__(name)
        self.name, self.close = name, close

    def __str__(self) -> str:
        hint = f"; did you mean: {', '.join(self.close)}" if self.close else ""
        return f"no station named {self.name!r} in the store{hint}"


# -- running the catalogue ------------------------------------------------

def frame(kg: "KG", name: str) -> "pd.DataFrame":
    """A catalogue query's answer as a DataFrame (cached per store generation)."""
    key = (None if kg.endpoint else kg.store.current_name(), name)
    per_kg = _cache.setdefault(kg, {})
    if key not in per_kg or kg.endpoint:
        per_kg[key] = kg.query(name).to_df()
    return per_kg[key].copy()


@lru_cache(maxsize=3)
def category_labels(scheme: str) -> dict[str, str]:
    """Code -> Chinese label of one SKOS scheme (``mechanism``, ``partner``, ``outcome``)."""
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from ontology import schemes_graph

    g, base, out = schemes_graph(), f"{SCHEME_BASE}{scheme}/", {}
    for s, label in g.subject_objects(SKOS.prefLabel):
        if isinstance(s, URIRef) and str(s).startswith(base) and getattr(label, "language", None) == "zh":
            out[str(s)[len(base):]] = str(label)
    return out


def category_order(codes: Iterable[str]) -> list[str]:
    """Codes alphabetically with ``other`` last, so matrices have a stable column order."""
    return sorted(set(codes), key=lambda c: (c == "other", c))


# -- stations -------------------------------------------------------------

def station_names(kg: "KG") -> dict[str, str]:
    """Station IRI -> display name: the label, with the county added where two stations share it."""
    df = frame(kg, "compare-stations")
    if df.empty:
        return {}
    first = df.groupby("st", sort=False).first()
    dup = first["station"].duplicated(keep=False)
    names = {}
    for st, row in first.iterrows():
        name = row["station"]
        if dup[st]:
            name = f"{name}（{row['county'] or st.rsplit('/', 1)[-1][:6]}）"
        names[st] = name
    return dict(sorted(names.items(), key=lambda kv: kv[1]))


def select_stations(kg: "KG", stations: Sequence[str] | None = None) -> dict[str, str]:
    """The stations asked for (label, display name, IRI or a unique part of the name), in that order.

    ``None`` or empty means every station that an article is about or that
    has a fact (mechanism, partner, outcome, honour): a station only named in
    passing has nothing to compare, but can still be asked for by name.
    Raises :class:`UnknownStation`.
    """
    import difflib

    from loaders.normalize import normalize_name

    names = station_names(kg)
    if not stations:
        st = frame(kg, "compare-stations")
        keep = set(st.loc[st["about"] > 0, "st"])
        for q in ("compare-mechanisms", "compare-partners", "compare-outcomes", "compare-honours"):
            keep |= set(frame(kg, q)["st"])
        return {k: v for k, v in names.items() if k in keep}
    out: dict[str, str] = {}
    for want in stations:
        w = normalize_name(want)
        hits = [st for st, n in names.items() if want in (st, n) or w == normalize_name(n.split("（")[0])]
        if not hits:
            hits = [st for st, n in names.items() if w and w in normalize_name(n)]
            if len(hits) > 1:
                raise UnknownStation(want, [names[h] for h in hits][:8])
        if not hits:
            raise UnknownStation(want, difflib.get_close_matches(want, list(names.values()), n=5, cutoff=0.3))
        for st in hits:
            out[st] = names[st]
    return out


def _only(df: "pd.DataFrame", chosen: dict[str, str]) -> "pd.DataFrame":
    """Rows of the chosen stations, with ``station`` set to the display name."""
    df = df[df["st"].isin(chosen)].copy()
    df["station"] = df["st"].map(chosen)
    return df.reset_index(drop=True)


def profiles(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """One row per station: place, area, population, density, officers, auxiliary police, founded, honours.

    density = population / area_km2 (people per km²), only when both are known
    and the articles agree; where two articles give different values the cell
    is left empty and ``notes`` lists the values, so no figure is picked silently.
    """
    import pandas as pd

    chosen = select_stations(kg, stations)
    raw = _only(frame(kg, "compare-stations"), chosen)
    hon = honours(kg, stations)
    mech, part = mechanisms(kg, stations), partners(kg, stations)
    rows = []
    for st, name in chosen.items():
        g = raw[raw["st"] == st]
        row: dict[str, Any] = {"station": name}
        notes = []
        for f in PROFILE_FIELDS:
            vals = list(dict.fromkeys(v for v in g[f] if pd.notna(v))) if f in g else []
            row[f] = vals[0] if len(vals) == 1 else None
            if len(vals) > 1:
                notes.append(f"{f}: {' / '.join(map(str, vals))}")
        area, pop = row["area_km2"], row["population"]
        row["density_per_km2"] = round(float(pop) / float(area), 1) if area and pop else None
        h = hon[hon["st"] == st]
        row["honours"] = "；".join(_honour_text(r) for r in h.itertuples())
        row["n_honours"] = int(h["h"].nunique())
        row["n_mechanisms"] = int(mech.loc[mech["st"] == st, "m"].nunique())
        row["n_partner_types"] = int(part.loc[part["st"] == st, "t"].nunique())
        row["articles"] = int(g["articles"].max()) if len(g) else 0
        row["notes"] = "；".join(notes)
        row["st"] = st
        row["honour_iris"] = " ".join(dict.fromkeys(h["h"]))
        rows.append(row)
    cols = ["station", *PROFILE_FIELDS[:7], "density_per_km2", *PROFILE_FIELDS[7:], "honours", "n_honours",
            "n_mechanisms", "n_partner_types", "articles", "notes", "st", "honour_iris"]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("population", "households", "communities", "officers", "auxiliary", "founded"):
        out[c] = out[c].astype("Int64")
    out["area_km2"] = out["area_km2"].astype("Float64")
    out["density_per_km2"] = out["density_per_km2"].astype("Float64")
    return out


def _honour_text(r: Any) -> str:
    import pandas as pd

    year = f" ({int(r.year)})" if not pd.isna(r.year) else ""
    via = f" [{r.mechanism}]" if isinstance(r.mechanism, str) and r.mechanism else ""
    return f"{r.honour}{year}{via}"


def honours(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Honours of the stations (and of their mechanisms), one row each, with the honour IRI ``h``."""
    return _only(frame(kg, "compare-honours"), select_stations(kg, stations))


# -- mechanisms and partners ---------------------------------------------

def mechanisms(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """One row per station, mechanism and category (``compare-mechanisms``), IRIs ``st``, ``c``, ``m``."""
    return _only(frame(kg, "compare-mechanisms"), select_stations(kg, stations))


def partners(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """One row per station, partner and category (``compare-partners``), IRIs ``st``, ``t``, ``p``."""
    return _only(frame(kg, "compare-partners"), select_stations(kg, stations))


def _matrix(df: "pd.DataFrame", chosen: dict[str, str], counted: str) -> "pd.DataFrame":
    import pandas as pd

    cats = category_order(df["category"]) if len(df) else []
    counts = df.groupby(["station", "category"])[counted].nunique() if len(df) else pd.Series(dtype=int)
    m = pd.DataFrame(0, index=pd.Index(list(chosen.values()), name="station"), columns=cats, dtype=int)
    for (station, cat), n in counts.items():
        m.loc[station, cat] = int(n)
    m.columns.name = "category"
    return m


def mechanism_matrix(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Station x mechanism-category counts of distinct mechanisms (rows for every chosen station, zeros kept).

    Columns are category codes (``category_labels("mechanism")`` gives the Chinese
    names); a mechanism with two categories counts in both, as in the catalogue query.
    """
    chosen = select_stations(kg, stations)
    return _matrix(_only(frame(kg, "compare-mechanisms"), chosen), chosen, "m")


def partner_matrix(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Station x partner-category counts of distinct partner types (as ``station-partner-categories``)."""
    chosen = select_stations(kg, stations)
    return _matrix(_only(frame(kg, "compare-partners"), chosen), chosen, "t")


# -- shared, unique, diffusion ------------------------------------------

def shared_and_unique(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Mechanism concepts and partner types among the compared stations: shared by two or more, or unique to one.

    One row per item: ``kind`` (``mechanism`` / ``partner``), ``item`` (the
    concept or partner-type label), ``names`` (the mechanism names as written), ``status`` (``shared`` / ``unique``), ``n_stations``, ``stations``, the
    item's IRI (concept or partner type) and ``facts`` (the mechanism or
    partner IRIs behind it, space separated, for their evidence).
    """
    import pandas as pd

    chosen = select_stations(kg, stations)
    mech = _only(frame(kg, "compare-mechanisms"), chosen)
    part = _only(frame(kg, "compare-partners"), chosen)
    rows = []
    for kind, df, key, label, named, fact in (("mechanism", mech, "c", "concept", "mechanism", "m"),
                                              ("partner", part, "t", "partner", "partner", "p")):
        df = df[df[key].notna()]
        for iri, g in df.groupby(key, sort=False):
            sts = list(dict.fromkeys(g["station"]))
            rows.append({"kind": kind, "item": g[label].dropna().iloc[0] if g[label].notna().any() else iri,
                         "names": "、".join(dict.fromkeys(g[named].dropna())),
                         "status": "shared" if len(sts) > 1 else "unique", "n_stations": len(sts),
                         "stations": "、".join(sts), "iri": iri, "facts": " ".join(dict.fromkeys(g[fact]))})
    out = pd.DataFrame(rows, columns=["kind", "item", "names", "status", "n_stations", "stations", "iri", "facts"])
    return out.sort_values(["kind", "status", "n_stations", "item"], ascending=[True, True, False, True],
                           ignore_index=True)


def diffusion(kg: "KG") -> "pd.DataFrame":
    """Mechanism concepts run by more than one station in the whole graph (the ``diffusion`` query).

    One row per concept and station: ``concept``, ``n_stations``,
    ``first_seen`` (earliest article date of the concept anywhere), the
    station, its mechanism's name, its own earliest date, and the IRIs
    ``c`` (concept) and ``m`` (mechanism).
    """
    import pandas as pd

    d = frame(kg, "diffusion")
    cols = ["concept", "n_stations", "first_seen", "station", "mechanism", "station_first_seen", "c", "m"]
    if d.empty:
        return pd.DataFrame(columns=cols)
    names = station_names(kg)
    mech = _only(frame(kg, "compare-mechanisms"), names)
    mech = mech.drop_duplicates(["st", "m"])[["c", "station", "mechanism", "first_seen", "m"]]
    mech = mech.rename(columns={"first_seen": "station_first_seen"})
    d = d.rename(columns={"stations": "n_stations"})[["concept", "n_stations", "first_seen", "c"]]
    out = d.merge(mech, on="c", how="left")[cols]
    return out.sort_values(["n_stations", "concept", "station_first_seen", "station"],
                           ascending=[False, True, True, True], na_position="last", ignore_index=True)


# -- similarity and groups --------------------------------------------------

def _jaccard(a: set[str], b: set[str]) -> float | None:
    union = a | b
    return len(a & b) / len(union) if union else None


def _ruzicka(a: Counter, b: Counter) -> float | None:
    """Weighted Jaccard: sum of minima over sum of maxima of two count vectors."""
    keys = set(a) | set(b)
    top = sum(max(a[k], b[k]) for k in keys)
    return sum(min(a[k], b[k]) for k in keys) / top if top else None


def similarity_pairs(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Every pair of stations with the three similarity components and their mean (see :func:`similarity`)."""
    import pandas as pd

    chosen = select_stations(kg, stations)
    mech = _only(frame(kg, "compare-mechanisms"), chosen)
    part = _only(frame(kg, "compare-partners"), chosen)
    concepts = {n: set(mech.loc[mech["station"] == n, "c"].dropna()) for n in chosen.values()}
    cats = {n: Counter(mech[(mech["station"] == n) & (mech["category"] != "other")]
                       .drop_duplicates(["m", "category"])["category"]) for n in chosen.values()}
    types = {n: set(part.loc[part["station"] == n, "t"].dropna()) for n in chosen.values()}
    rows = []
    for a, b in combinations(chosen.values(), 2):
        parts = {"concepts": _jaccard(concepts[a], concepts[b]),
                 "categories": _ruzicka(cats[a], cats[b]),
                 "partner_types": _jaccard(types[a], types[b])}
        known = [v for v in parts.values() if v is not None]
        rows.append({"a": a, "b": b, **parts,
                     "similarity": round(sum(known) / len(known), 4) if known else None,
                     "shared_concepts": len(concepts[a] & concepts[b]),
                     "shared_partner_types": len(types[a] & types[b])})
    cols = ["a", "b", "similarity", "concepts", "categories", "partner_types", "shared_concepts",
            "shared_partner_types"]
    return pd.DataFrame(rows, columns=cols)


def similarity(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Station x station similarity in [0, 1]: the mean of three Jaccard-type scores.

    - mechanism concepts (Jaccard over concept IRIs: the same named practice,
      after concept merging),
    - mechanism categories (weighted Jaccard / Ruzicka over the category
      counts, ``other`` left out: the same *kind* of practice, with emphasis),
    - partner types (Jaccard over partner-type IRIs: working with the same
      kinds of bodies).

    Why: named concepts are rarely shared across stations, so they alone
    would call almost every pair 0; categories and partner types give the
    broader resemblance, and the concept score still rewards real
    diffusion. Jaccard measures ignore joint absences, which matters for
    news-derived data where "not mentioned" is not "not done". A component
    both stations have nothing for is left out of the mean (not counted as 0);
    a pair with no component at all is NaN. The diagonal is 1.
    :func:`similarity_pairs` keeps the components for re-weighting.
    """
    import pandas as pd

    names = list(select_stations(kg, stations).values())
    sim = pd.DataFrame(float("nan"), index=pd.Index(names, name="station"), columns=names, dtype=float)
    for n in names:
        sim.loc[n, n] = 1.0
    for r in similarity_pairs(kg, stations).itertuples():
        if r.similarity is not None and r.similarity == r.similarity:
            sim.loc[r.a, r.b] = sim.loc[r.b, r.a] = r.similarity
    return sim


def communities(sim: "pd.DataFrame", threshold: float | None = None) -> "pd.DataFrame":
    """Groups of similar stations: greedy modularity on the graph of pairs with similarity >= threshold.

    The default threshold is the median similarity of all pairs: absolute
    values depend on how much the articles say, so "more alike than the
    typical pair" is the portable cut. Edges are weighted by similarity; a
    station with no pair at or above the threshold is a group of its own. Greedy modularity (Clauset-Newman-Moore)
    is deterministic, so the same store gives the same groups. Groups are
    numbered from 1, largest first.
    """
    import networkx as nx
    import pandas as pd

    pairs = [sim.loc[a, b] for a, b in combinations(sim.index, 2)]
    pairs = [w for w in pairs if w == w]
    if threshold is None:
        threshold = float(pd.Series(pairs).median()) if pairs else 1.0
    g = nx.Graph()
    g.add_nodes_from(sim.index)
    for a, b in combinations(sim.index, 2):
        w = sim.loc[a, b]
        if w == w and w > 0 and w >= threshold:  # a zero pair is no link, whatever the threshold
            g.add_edge(a, b, weight=float(w))
    if g.number_of_edges():
        groups = [sorted(c) for c in nx.community.greedy_modularity_communities(g, weight="weight")]
    else:
        groups = [[n] for n in g.nodes]
    groups.sort(key=lambda c: (-len(c), c))
    rows = [{"station": n, "community": i, "size": len(c),
             "members": "、".join(c)} for i, c in enumerate(groups, 1) for n in c]
    return pd.DataFrame(rows, columns=["station", "community", "size", "members"])


# -- outcomes and evidence ----------------------------------------------------

def outcomes(kg: "KG", stations: Sequence[str] | None = None) -> "pd.DataFrame":
    """Every reported outcome, one row per outcome IRI ``o`` (mechanisms joined with 、)."""
    import pandas as pd

    df = _only(frame(kg, "compare-outcomes"), select_stations(kg, stations))
    cols = ["family_code", "station", "metric", "value", "unit", "direction", "qualifier", "period",
            "comparison", "kind", "mechanism", "st", "o"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["family_code"] = df["family_code"].replace("", None).fillna(NO_FAMILY)
    keys = [c for c in cols if c != "mechanism"]
    df = df.groupby(keys, dropna=False, sort=False)["mechanism"].agg(
        lambda s: "、".join(dict.fromkeys(x for x in s if isinstance(x, str)))).reset_index()
    return df[cols].sort_values(["family_code", "station", "metric"], ignore_index=True)


def outcomes_by_family(kg: "KG", stations: Sequence[str] | None = None) -> "dict[str, pd.DataFrame]":
    """One table per metric family (crime, disputes, fraud ...): value, unit, direction, period, comparison.

    Figures of different families, units or periods are never put in one
    column to be compared: each family is its own table, and every row keeps
    its unit, direction, period and comparison next to the value.
    """
    df = outcomes(kg, stations)
    order = category_order(set(df["family_code"]) - {NO_FAMILY}) + ([NO_FAMILY] if NO_FAMILY in set(df["family_code"]) else [])
    return {f: df[df["family_code"] == f].drop(columns="family_code").reset_index(drop=True) for f in order}


def evidence(kg: "KG", facts: Iterable[str] | None = None) -> "pd.DataFrame":
    """Fact IRI -> sentence, offsets, article title, date and file (``fact-evidence``), optionally only ``facts``."""
    df = frame(kg, "fact-evidence")
    if facts is not None:
        df = df[df["fact"].isin(set(facts))]
    return df.drop_duplicates().reset_index(drop=True)


# -- for the command line ------------------------------------------------------

def tables(kg: "KG", stations: Sequence[str] | None = None) -> "dict[str, tuple[pd.DataFrame, bool]]":
    """The comparison tables by CSV file name -> (DataFrame, whether its index is a column)."""
    sim = similarity(kg, stations)
    return {"stations.csv": (profiles(kg, stations), False),
            "mechanism_matrix.csv": (mechanism_matrix(kg, stations), True),
            "partner_matrix.csv": (partner_matrix(kg, stations), True),
            "shared_unique.csv": (shared_and_unique(kg, stations), False),
            "similarity.csv": (sim, True),
            "similarity_pairs.csv": (similarity_pairs(kg, stations), False),
            "communities.csv": (communities(sim), False)}


def write_csv(frames: "dict[str, tuple[pd.DataFrame, bool]]", out_dir: str | Path) -> list[Path]:
    """Write tables as plain UTF-8 CSV (pandas.read_csv, R read.csv(fileEncoding = "UTF-8"))."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (df, index) in frames.items():
        df.to_csv(out / name, index=index, encoding="utf-8")
        paths.append(out / name)
    return paths


def format_comparison(kg: "KG", stations: Sequence[str] | None = None) -> str:
    """The side-by-side text `kg compare` prints: profiles, categories, shared/unique, similarity."""
    from kg.query import QueryResult

    chosen = select_stations(kg, stations)
    if not chosen:
        return "The store has no police stations."
    names = list(chosen.values())
    prof = profiles(kg, stations).set_index("station")
    fields = [("place", None), ("area_km2", "area km²"), ("population", None), ("population_kind", "population kind"),
              ("density_per_km2", "density /km²"), ("officers", None), ("auxiliary", "auxiliary police"),
              ("founded", None), ("honours", None), ("n_mechanisms", "mechanisms"),
              ("n_partner_types", "partner types"), ("notes", "articles disagree")]
    rows = []
    for f, label in fields:
        if f == "place":
            vals = [" ".join(_txt(prof.loc[n, k]) for k in ("province", "prefecture", "county", "town")
                             if _txt(prof.loc[n, k])) for n in names]
        else:
            vals = [_txt(prof.loc[n, f]) for n in names]
        if f != "notes" or any(vals):
            rows.append((label or f, *vals))
    parts = ["Profiles", QueryResult(["", *names], rows).format("table")]
    for title, m, scheme in (("Mechanisms by category", mechanism_matrix(kg, stations), "mechanism"),
                             ("Partner types by category", partner_matrix(kg, stations), "partner")):
        labels = category_labels(scheme)
        rows = [(f"{labels.get(c, c)} {c}", *(int(m.loc[n, c]) for n in names)) for c in m.columns]
        parts += ["", title, QueryResult(["", *names], rows).format("table") if rows else "(none)"]
    su = shared_and_unique(kg, stations)
    parts += ["", "Shared by two or more stations"]
    shared = su[su["status"] == "shared"]
    parts += [f"  {r.kind:9} {r.item}: {r.stations}" + (f" ({r.names})" if r.names != r.item else "")
              for r in shared.itertuples()] or ["  (none)"]
    parts += ["", "Unique to one station"]
    uniq = su[su["status"] == "unique"]
    for n in names:
        for kind in ("mechanism", "partner"):
            items = uniq[(uniq["stations"] == n) & (uniq["kind"] == kind)]["names"].tolist()
            if items:
                parts.append(f"  {n} {kind}s: {'、'.join(items)}")
    if uniq.empty:
        parts.append("  (none)")
    if len(names) > 1:
        pairs = similarity_pairs(kg, stations).sort_values("similarity", ascending=False, na_position="last")
        rows = [(r.a, r.b, _txt(r.similarity), _txt(round(r.concepts, 3) if r.concepts is not None else None),
                 _txt(round(r.categories, 3) if r.categories is not None else None),
                 _txt(round(r.partner_types, 3) if r.partner_types is not None else None)) for r in pairs.itertuples()]
        parts += ["", "Similarity (mean of Jaccard over concepts, weighted Jaccard over categories, Jaccard over partner types)",
                  QueryResult(["station", "station", "similarity", "concepts", "categories", "partner types"], rows).format("table")]
        comm = communities(similarity(kg, stations)).drop_duplicates("community")
        parts += ["", "Groups of similar stations (greedy modularity)"]
        parts += [f"  {r.community}: {r.members}" for r in comm.itertuples()]
    else:
        parts += ["", "Similarity needs at least two stations."]
    return "\n".join(parts)


def _txt(v: Any) -> str:
    import pandas as pd

    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
