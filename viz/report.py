"""The comparison report: one self-contained HTML page, a Markdown twin and CSV tables.

The page makes no network request (CSS inline, figures as ``data:`` PNGs, no
script) and every article-derived string is HTML-escaped. Every value that
comes from a fact links to the Evidence section, which quotes the sentence
with the article's title, date and file. Both renderings are built from one
list of blocks, so they cannot drift apart.

CSV files are plain UTF-8 with a header row (what ``pandas.read_csv`` and R's
``readr::read_csv`` / ``read.csv(fileEncoding = "UTF-8")`` expect); matrices
have the station in the first column.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, Union

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from kg.api import KG

# A cell is plain text, or a list of (text, anchor or None) pieces joined with 、.
Cell = Union[str, list[tuple[str, Union[str, None]]]]

CSV_FILES = {
    "stations.csv": "one row per station: place, area, population, density, officers, auxiliary police, founded, honours, counts, IRI",
    "mechanisms.csv": "one row per station, mechanism and category, with concept, head word, scope, first date and IRIs",
    "partners.csv": "one row per station, partner and category, with partner type and IRIs",
    "honours.csv": "honours of the stations and their mechanisms",
    "outcomes.csv": "every reported outcome with metric family, value, unit, direction, period, comparison",
    "mechanism_matrix.csv": "station x mechanism category: number of distinct mechanisms",
    "partner_matrix.csv": "station x partner category: number of distinct partner types",
    "similarity.csv": "station x station similarity (0..1)",
    "similarity_pairs.csv": "every pair with the three similarity components",
    "communities.csv": "groups of similar stations",
    "shared_unique.csv": "mechanism concepts and partner types shared by two or more stations, or unique to one",
    "diffusion.csv": "mechanism concepts run by more than one station in the whole graph",
    "evidence.csv": "fact IRI -> sentence, offsets, article title, date and file",
}


# -- blocks ---------------------------------------------------------------

@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass
class Para:
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, anchor) after the text


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    row_ids: list[str | None] = field(default_factory=list)


@dataclass
class Image:
    name: str
    png: bytes
    alt: str


@dataclass
class Quote:
    anchor: str
    label: str
    sentences: list[str]
    source: str


Block = Union[Heading, Para, Table, Image, Quote]


def anchor(prefix: str, iri: str) -> str:
    """A short stable HTML id for an IRI."""
    return f"{prefix}-{hashlib.sha1(iri.encode('utf-8')).hexdigest()[:10]}"


def fmt(v: Any) -> str:
    """A table value as text: empty for missing, integers without .0."""
    import pandas as pd

    if v is None or (not isinstance(v, (list, tuple, str)) and pd.isna(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1 else f"{v:,.2f}".rstrip("0").rstrip(".")
    return str(v)


# -- building the blocks ----------------------------------------------------

class _Builder:
    """Turns the compare DataFrames into blocks; knows which facts have evidence."""

    def __init__(self, kg: "KG", stations: Sequence[str] | None) -> None:
        from kg import compare

        self.kg = kg
        self.c = compare
        self.chosen = compare.select_stations(kg, stations)
        self.prof = compare.profiles(kg, stations)
        self.mech = compare.mechanisms(kg, stations)
        self.part = compare.partners(kg, stations)
        self.hon = compare.honours(kg, stations)
        self.mm = compare.mechanism_matrix(kg, stations)
        self.pm = compare.partner_matrix(kg, stations)
        self.su = compare.shared_and_unique(kg, stations)
        self.diff = compare.diffusion(kg)
        self.sim = compare.similarity(kg, stations)
        self.pairs = compare.similarity_pairs(kg, stations)
        self.comm = compare.communities(self.sim) if len(self.chosen) > 1 else compare.communities(self.sim, 1.0)
        self.outs = compare.outcomes(kg, stations)
        self.by_family = compare.outcomes_by_family(kg, stations)
        self.labels: dict[str, str] = {}  # fact IRI -> what it is, for the Evidence section
        for st, name in self.chosen.items():
            self.labels[st] = f"station · {name}"
        for r in self.mech.itertuples():
            self.labels.setdefault(r.m, f"mechanism · {r.mechanism} · {r.station}")
        for r in self.part.itertuples():
            self.labels.setdefault(r.p, f"partner · {r.partner} · {r.station}")
        for r in self.hon.itertuples():
            self.labels.setdefault(r.h, f"honour · {r.honour} · {r.station}")
        for r in self.outs.itertuples():
            self.labels.setdefault(r.o, f"outcome · {r.metric} · {r.station}")
        for r in self.diff.itertuples():
            if isinstance(r.m, str):
                self.labels.setdefault(r.m, f"mechanism · {r.mechanism} · {r.station}")
        self.ev = compare.evidence(kg, self.labels)
        self.has_ev = set(self.ev["fact"])

    def link(self, text: Any, iri: Any) -> Cell:
        t = fmt(text)
        if not t:
            return ""
        return [(t, "#" + anchor("ev", iri) if isinstance(iri, str) and iri in self.has_ev else None)]

    def st_link(self, name: str) -> Cell:
        st = next((k for k, v in self.chosen.items() if v == name), None)
        return [(name, "#" + anchor("s", st))] if st else name

    # -- sections -------------------------------------------------------------
    def blocks(self, store: str) -> list[Block]:
        out: list[Block] = []
        n = len(self.chosen)
        title = f"Comparison of {n} police station{'s' if n != 1 else ''}" if n else "Comparison of police stations"
        out.append(Heading(1, title))
        when = _dt.date.today().isoformat()
        out.append(Para(f"Store: {store}. Generated {when}. {n} station(s), {self.mech['m'].nunique()} mechanisms, "
                        f"{self.part['t'].nunique()} partner types, {self.outs['o'].nunique()} outcomes, "
                        f"{self.ev['file'].nunique()} source article(s) quoted."))
        out.append(Para("Linked values lead to the sentence they were read from (section Evidence). "
                        "Counts link to the station's details. The tables are also written as CSV files next to this page.",
                        [("Stations", "#stations"), ("Mechanisms", "#mechanisms"), ("Partners", "#partners"),
                         ("Shared and unique", "#shared"), ("Diffusion", "#diffusion"), ("Similarity", "#similarity"),
                         ("Outcomes", "#outcomes"), ("Station details", "#details"), ("Evidence", "#evidence"),
                         ("Data files", "#files")]))
        if not n:
            out.append(Para("The store has no police stations yet: build it from articles with `kg build PATH`."))
        for part in (self.stations, self.mechanisms, self.partners, self.shared, self.diffusion,
                     self.similarity, self.outcomes, self.details, self.evidence, self.files):
            out += part()
        return out

    def stations(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Stations", "stations")]
        if self.prof.empty:
            return out + [Para("No stations to show.")]
        heads = ["station", "province", "prefecture", "county", "town", "area km²", "population", "population kind",
                 "density /km²", "households", "communities", "officers", "auxiliary police", "founded",
                 "honours", "mechanisms", "partner types", "articles"]
        rows = []
        for r in self.prof.itertuples():
            ev = lambda v: self.link(v, r.st)  # noqa: E731 - profile values come from the station's sentences
            rows.append([self.st_link(r.station), fmt(r.province), fmt(r.prefecture), fmt(r.county),
                         fmt(r.town), ev(r.area_km2), ev(r.population), fmt(r.population_kind), fmt(r.density_per_km2),
                         ev(r.households), ev(r.communities), ev(r.officers), ev(r.auxiliary), ev(r.founded),
                         fmt(r.n_honours) if not r.n_honours else [(fmt(r.n_honours), "#" + anchor("s", r.st))],
                         fmt(r.n_mechanisms), fmt(r.n_partner_types), fmt(r.articles)])
        out.append(Table(heads, rows))
        out.append(Para("Density is population / area, computed only when both are known and the articles agree. "
                        "Profile figures link to the station's sentences; the extractor does not keep a separate "
                        "span per figure."))
        notes = [f"{r.station}: {r.notes}" for r in self.prof.itertuples() if r.notes]
        if notes:
            out.append(Para("Articles disagree (left empty above): " + "；".join(notes)))
        return out

    def _matrix(self, m: "pd.DataFrame", scheme: str, what: str, anchor_kind: str, sec: str, title: str) -> list[Block]:
        from viz import plots

        labels = self.c.category_labels(scheme)
        out: list[Block] = [Heading(2, title, sec)]
        if m.empty or not m.to_numpy().any():
            return out + [Para(f"No {what} were extracted for the chosen stations.")]
        fig = plots.category_heatmap(m, scheme, f"{title} (station x category)")
        if fig is not None:
            out.append(Image(f"{sec}.png", plots.to_png(fig), f"heat map: {title}"))
        rows = []
        for name, r in m.iterrows():
            st = next(k for k, v in self.chosen.items() if v == name)
            cells: list[Cell] = [self.st_link(name)]
            for cat in m.columns:
                v = int(r[cat])
                cells.append([(str(v), "#" + anchor(anchor_kind, f"{st}|{cat}"))] if v else "0")
            rows.append(cells + [str(int(r.sum()))])
        out.append(Table(["station"] + [f"{labels.get(c, c)} ({c})" for c in m.columns] + ["total"], rows))
        empty = [name for name, r in m.iterrows() if not r.any()]
        if empty:
            out.append(Para(f"No {what} were found for: {'、'.join(empty)}."))
        return out

    def mechanisms(self) -> list[Block]:
        note = Para("Counts of distinct named mechanisms; a mechanism with two categories counts in both "
                    "(as in the catalogue query station-mechanism-categories).")
        return self._matrix(self.mm, "mechanism", "mechanisms", "mc", "mechanisms", "Mechanisms by category") + (
            [note] if self.mm.to_numpy().any() else [])

    def partners(self) -> list[Block]:
        note = Para("Counts of distinct partner types (司法所, 村委会 ...), as in station-partner-categories.")
        return self._matrix(self.pm, "partner", "partners", "pc", "partners", "Partners by category") + (
            [note] if self.pm.to_numpy().any() else [])

    def _facts(self, row: Any, df: "pd.DataFrame", fact: str) -> Cell:
        """Station names, each linking to that station's fact behind a shared/unique item."""
        pieces: list[tuple[str, str | None]] = []
        facts = set(row.facts.split())
        for r in df[df[fact].isin(facts)].drop_duplicates("station").itertuples():
            pieces += self.link(r.station, getattr(r, fact)) or []
        return pieces

    def shared(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Shared and unique", "shared")]
        if len(self.chosen) < 2:
            out.append(Para("Only one station is compared, so nothing can be shared: everything below is unique "
                            "to it within this comparison (see Diffusion for the whole graph)."))
        if self.su.empty:
            return out + [Para("No mechanism concepts or partner types were extracted for these stations.")]
        for status, title in (("shared", "Shared by two or more of the compared stations"),
                              ("unique", "Unique to one station")):
            sub = self.su[self.su["status"] == status]
            out.append(Heading(3, title))
            if sub.empty:
                out.append(Para("None."))
                continue
            rows = []
            for r in sub.itertuples():
                src = self.mech if r.kind == "mechanism" else self.part
                rows.append([r.kind + (" concept" if r.kind == "mechanism" else " type"), fmt(r.item),
                             fmt(r.names) if r.names != r.item else "",
                             str(r.n_stations), self._facts(r, src, "m" if r.kind == "mechanism" else "p")])
            out.append(Table(["kind", "item", "as named", "stations", "where (evidence)"], rows))
        return out

    def diffusion(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Diffusion across the whole graph", "diffusion"),
                            Para("Mechanism concepts (after merging names that differ only in script, quotes or "
                                 "head word) run by more than one station anywhere in the store, with the "
                                 "earliest article date seen at each station.")]
        if self.diff.empty:
            return out + [Para("No mechanism concept appears at more than one station in this graph.")]
        rows = [[fmt(r.concept), fmt(r.n_stations), fmt(r.first_seen), self.link(r.station, r.m),
                 self.link(r.mechanism, r.m), fmt(r.station_first_seen)] for r in self.diff.itertuples()]
        return out + [Table(["concept", "stations", "first seen", "station", "mechanism", "first seen there"], rows)]

    def similarity(self) -> list[Block]:
        from viz import plots

        out: list[Block] = [Heading(2, "Similarity", "similarity"), Para(
            "Similarity of two stations is the mean of three Jaccard-type scores between 0 and 1: shared mechanism "
            "concepts (Jaccard), mechanism categories weighted by counts (weighted Jaccard, 'other' left out), and "
            "shared partner types (Jaccard). Jaccard ignores what neither station reports, which matters because an "
            "article not mentioning a practice does not mean the station lacks it. A component for which both "
            "stations have nothing is left out of the mean. Groups come from greedy modularity community detection "
            "(networkx) on the graph of pairs at least as similar as the median pair.")]
        if len(self.chosen) < 2:
            return out + [Para("Similarity needs at least two stations.")]
        fig = plots.similarity_heatmap(self.sim, "Station similarity")
        if fig is not None:
            out.append(Image("similarity.png", plots.to_png(fig), "heat map: station similarity"))
        f3 = lambda v: "" if v is None or v != v else f"{v:.3f}"  # noqa: E731 - scores to 3 decimals
        rows = [[self.st_link(r.a), self.st_link(r.b), f3(r.similarity), f3(r.concepts), f3(r.categories),
                 f3(r.partner_types), fmt(r.shared_concepts), fmt(r.shared_partner_types)]
                for r in self.pairs.sort_values("similarity", ascending=False, na_position="last").itertuples()]
        out.append(Table(["station", "station", "similarity", "concepts", "categories", "partner types",
                          "shared concepts", "shared partner types"], rows))
        out.append(Heading(3, "Groups of similar stations"))
        groups = self.comm.drop_duplicates("community")
        out.append(Table(["group", "size", "stations"],
                         [[str(r.community), str(r.size), [(m, "#" + anchor("s", self._st(m))) for m in
                                                             r.members.split("、")]] for r in groups.itertuples()]))
        return out

    def _st(self, name: str) -> str:
        return next((k for k, v in self.chosen.items() if v == name), name)

    def outcomes(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Outcomes by metric family", "outcomes"), Para(
            "One table per metric family. Figures are shown with their unit, direction, period and comparison "
            "as reported; values in different units, periods or bases are not comparable and are never summed "
            "or ranked here.")]
        if not self.by_family:
            return out + [Para("No outcomes were reported for the chosen stations.")]
        labels = self.c.category_labels("outcome")
        for fam, df in self.by_family.items():
            out.append(Heading(3, f"{labels.get(fam, fam)} ({fam})", anchor("of", fam)))
            rows = [[self.st_link(r.station), self.link(r.metric, r.o), fmt(r.value), fmt(r.unit), fmt(r.direction),
                     fmt(r.qualifier), fmt(r.period), fmt(r.comparison), fmt(r.kind), fmt(r.mechanism)]
                    for r in df.itertuples()]
            out.append(Table(["station", "metric", "value", "unit", "direction", "qualifier", "period",
                              "comparison", "kind", "mechanism"], rows))
        return out

    def details(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Station details", "details")]
        mlab, plab = self.c.category_labels("mechanism"), self.c.category_labels("partner")
        for st, name in self.chosen.items():
            out.append(Heading(3, name, anchor("s", st)))
            p = self.prof[self.prof["st"] == st].iloc[0]
            place = " ".join(fmt(p[f]) for f in ("province", "prefecture", "county", "town") if fmt(p[f]))
            out.append(Para(f"Place: {place or 'not stated'}. Articles naming it: {fmt(p['articles'])}.",
                            [("station sentences", "#" + anchor("ev", st))] if st in self.has_ev else []))
            m = self.mech[self.mech["st"] == st]
            if m.empty:
                out.append(Para("No named mechanism was extracted for this station."))
            else:
                rows, ids = [], []
                for cat, g in m.groupby("category", sort=False):
                    g = g.drop_duplicates("m")
                    rows.append([f"{mlab.get(cat, cat)} ({cat})", str(len(g)),
                                 sum((self.link(r.mechanism, r.m) or [] for r in g.itertuples()), [])])
                    ids.append(anchor("mc", f"{st}|{cat}"))
                out.append(Table(["mechanism category", "count", "mechanisms"], rows, ids))
            pt = self.part[self.part["st"] == st]
            if pt.empty:
                out.append(Para("No partners were extracted for this station."))
            else:
                rows, ids = [], []
                for cat, g in pt.groupby("category", sort=False):
                    pieces = sum((self.link(r.partner, r.p) or [] for r in g.drop_duplicates("t").itertuples()), [])
                    rows.append([f"{plab.get(cat, cat)} ({cat})", str(g["t"].nunique()), pieces])
                    ids.append(anchor("pc", f"{st}|{cat}"))
                out.append(Table(["partner category", "types", "partners"], rows, ids))
            h = self.hon[self.hon["st"] == st]
            if not h.empty:
                out.append(Table(["honour", "year", "via mechanism"],
                                 [[self.link(r.honour, r.h), fmt(r.year), fmt(r.mechanism)] for r in h.itertuples()]))
        return out

    def evidence(self) -> list[Block]:
        out: list[Block] = [Heading(2, "Evidence", "evidence"), Para(
            "Each fact with the sentence(s) it was read from, the article and the character offsets in the source file.")]
        if self.ev.empty:
            return out + [Para("No evidence to show.")]
        for fact, g in self.ev.groupby("fact", sort=False):
            srcs = []
            for r in g.drop_duplicates(["title", "date", "file"]).itertuples():
                srcs.append("，".join(x for x in (f"《{r.title}》" if fmt(r.title) else "", fmt(r.date), fmt(r.file)) if x))
            spans = ", ".join(f"{fmt(r.start)}–{fmt(r.end)}" for r in g.itertuples())
            out.append(Quote(anchor("ev", fact), self.labels.get(fact, fact),
                             list(dict.fromkeys(fmt(s) for s in g["sentence"])),
                             f"{'；'.join(srcs)} (characters {spans}) · {fact}"))
        return out

    def files(self) -> list[Block]:
        return [Heading(2, "Data files", "files"),
                Para("Plain UTF-8 CSV with a header row: pandas.read_csv(path); in R readr::read_csv(path) or "
                     "read.csv(path, fileEncoding = \"UTF-8\"). Matrices have the station in the first column."),
                Table(["file", "contents"], [[[(name, name)], desc] for name, desc in CSV_FILES.items()])]

    # -- CSV --------------------------------------------------------------------
    def frames(self) -> dict[str, tuple["pd.DataFrame", bool]]:
        """File name -> (DataFrame, write the index)."""
        return {"stations.csv": (self.prof, False), "mechanisms.csv": (self.mech, False),
                "partners.csv": (self.part, False), "honours.csv": (self.hon, False),
                "outcomes.csv": (self.outs, False), "mechanism_matrix.csv": (self.mm, True),
                "partner_matrix.csv": (self.pm, True), "similarity.csv": (self.sim, True),
                "similarity_pairs.csv": (self.pairs, False), "communities.csv": (self.comm, False),
                "shared_unique.csv": (self.su, False), "diffusion.csv": (self.diff, False),
                "evidence.csv": (self.ev, False)}


# -- rendering ------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 margin:2em auto;max-width:1200px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em}
.wrap{overflow-x:auto}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #dde;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef1f7}td:first-child{white-space:nowrap}tr:nth-child(even) td{background:#fafbfd}
a{color:#1f5fa8;text-decoration:none;border-bottom:1px dotted #1f5fa8}
:target{background:#fff3b0 !important;outline:2px solid #e0b400}
img{max-width:100%;height:auto;display:block;margin:.6em 0}
.ev{margin:.5em 0 .9em;padding:.3em .8em;border-left:4px solid #ccd}
.ev .label{font-weight:600}.ev blockquote{margin:.2em 0 .2em 1em;font-size:1.05em}
.ev .src{color:#666;font-size:.85em;word-break:break-all}nav a{margin-right:.8em}
"""


def _cell_html(c: Cell) -> str:
    if isinstance(c, str):
        return html.escape(c)
    return "、".join(f'<a href="{html.escape(a)}">{html.escape(t)}</a>' if a else html.escape(t) for t, a in c)


def render_html(blocks: list[Block]) -> str:
    """One page: inline CSS, figures as data URIs, no script, every text escaped."""
    from viz.plots import to_data_uri

    title = next((b.text for b in blocks if isinstance(b, Heading)), "Report")
    out = ['<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'">',
           f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"]
    for b in blocks:
        if isinstance(b, Heading):
            ident = f' id="{html.escape(b.anchor)}"' if b.anchor else ""
            out.append(f"<h{b.level}{ident}>{html.escape(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            links = " ".join(f'<a href="{html.escape(a)}">{html.escape(t)}</a>' for t, a in b.links)
            out.append(f"<p>{html.escape(b.text)}</p>" + (f"<nav>{links}</nav>" if links else ""))
        elif isinstance(b, Table):
            head = "".join(f"<th>{html.escape(h)}</th>" for h in b.headers)
            body = []
            for i, r in enumerate(b.rows):
                rid = b.row_ids[i] if i < len(b.row_ids) else None
                ident = f' id="{html.escape(rid)}"' if rid else ""
                body.append(f"<tr{ident}>" + "".join(f"<td>{_cell_html(c)}</td>" for c in r) + "</tr>")
            out.append(f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')
        elif isinstance(b, Image):
            out.append(f'<img src="{to_data_uri(b.png)}" alt="{html.escape(b.alt)}">')
        elif isinstance(b, Quote):
            qs = "".join(f"<blockquote>{html.escape(s)}</blockquote>" for s in b.sentences)
            out.append(f'<div class="ev" id="{html.escape(b.anchor)}"><div class="label">{html.escape(b.label)}</div>'
                       f'{qs}<div class="src">{html.escape(b.source)}</div></div>')
    out.append("</body></html>\n")
    return "\n".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def md_escape(s: str) -> str:
    """Text safe in a Markdown table cell: no raw HTML, no table breaks, no emphasis."""
    s = s.replace("&", "&amp;").replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)), s)


def _cell_md(c: Cell) -> str:
    if isinstance(c, str):
        return md_escape(c)
    return "、".join(f"[{md_escape(t)}]({a})" if a else md_escape(t) for t, a in c)


def render_markdown(blocks: list[Block], figure_dir: str = "figures") -> str:
    """The same blocks as Markdown; figures referenced as PNG files beside it."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            a = f'<a id="{b.anchor}"></a>' if b.anchor else ""
            out.append(f"{'#' * b.level} {md_escape(b.text)}{a}\n")
        elif isinstance(b, Para):
            links = " · ".join(f"[{md_escape(t)}]({a})" for t, a in b.links)
            out.append(md_escape(b.text) + (f"\n\n{links}" if links else "") + "\n")
        elif isinstance(b, Table):
            lines = ["| " + " | ".join(md_escape(h) for h in b.headers) + " |",
                     "|" + "---|" * len(b.headers)]
            for i, r in enumerate(b.rows):
                rid = b.row_ids[i] if i < len(b.row_ids) else None
                cells = [_cell_md(c) for c in r]
                if rid and cells:
                    cells[0] = f'<a id="{rid}"></a>' + cells[0]
                lines.append("| " + " | ".join(cells) + " |")
            out.append("\n".join(lines) + "\n")
        elif isinstance(b, Image):
            out.append(f"![{md_escape(b.alt)}]({figure_dir}/{b.name})\n")
        elif isinstance(b, Quote):
            qs = "\n".join(f"> {md_escape(s)}" for s in b.sentences)
            out.append(f'<a id="{b.anchor}"></a>**{md_escape(b.label)}**\n\n{qs}\n\n{md_escape(b.source)}\n')
    return "\n".join(out)


def build_blocks(kg: "KG", stations: Sequence[str] | None = None) -> tuple[list[Block], _Builder]:
    """The report's blocks and the builder holding its DataFrames (for notebooks and tests)."""
    b = _Builder(kg, stations)
    return b.blocks(str(kg.endpoint or kg.store.path)), b


def write_report(kg: "KG", out_dir: str | Path, stations: Sequence[str] | None = None) -> dict[str, Path]:
    """Write report.html, report.md, figures/*.png and the CSV tables into ``out_dir``; returns name -> path."""
    out = Path(out_dir)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    blocks, b = build_blocks(kg, stations)
    written: dict[str, Path] = {}
    for name, (df, index) in b.frames().items():
        df.to_csv(out / name, index=index, encoding="utf-8")
        written[name] = out / name
    for blk in blocks:
        if isinstance(blk, Image):
            (out / "figures" / blk.name).write_bytes(blk.png)
            written[f"figures/{blk.name}"] = out / "figures" / blk.name
    (out / "report.html").write_text(render_html(blocks), encoding="utf-8")
    (out / "report.md").write_text(render_markdown(blocks), encoding="utf-8")
    written["report.html"], written["report.md"] = out / "report.html", out / "report.md"
    return written
