"""An offline, evidence-first graph browser: one self-contained HTML file.

``make_network`` turns the store (or its networkx projection) into a pyvis
``Network`` whose page is our own: vis-network's JS/CSS inlined from the copy
pyvis ships (no CDN, zero network requests), positions computed here (physics
off, so 3,000 nodes draw in about a second), a legend with counts and type /
relation filters, a search box over labels and aliases in both scripts, and an
evidence panel that quotes the source sentence of every fact.

Article text is untrusted: it only travels as JSON inside a
``<script type="application/json">`` block (``<``, ``>``, ``&`` escaped) and the
page writes it with ``textContent``; a Content-Security-Policy with script
hashes blocks any inline handler or remote load that slipped through anyway.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from pyvis.network import Network

# type -> (legend name, colour, vis shape, legend symbol); the order is the legend's
TYPES: dict[str, tuple[str, str, str, str]] = {
    "PoliceStation": ("Police station", "#1f4e9c", "star", "★"),
    "Mechanism": ("Mechanism", "#d55e00", "diamond", "◆"),
    "MechanismConcept": ("Mechanism concept", "#f2a65a", "diamond", "◆"),
    "Component": ("Component", "#c4a484", "dot", "●"),
    "Partner": ("Partner", "#009e73", "dot", "●"),
    "PartnerType": ("Partner type", "#7dcfb6", "square", "■"),
    "Outcome": ("Outcome", "#b8449b", "triangle", "▲"),
    "Honour": ("Honour", "#d4a000", "triangleDown", "▼"),
    "Place": ("Place", "#8a8f98", "hexagon", "⬢"),
    "Article": ("Article", "#3a9ad9", "square", "■"),
}
OTHER = ("Other", "#6b6b6b", "dot", "●")
# Shared vocabulary: a neighbourhood includes these but does not expand through
# them (else depth 2 from one station pulls in every station using "网格员").
SHARED_TYPES = {"Place", "PartnerType", "MechanismConcept", "Honour"}
HIDDEN_ATTRS = {"type", "label", "evidence", "sha256", "encoding", "altLabel", "x", "y"}
ARROWS = {"increase": "↑", "decrease": "↓"}
FONT = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
        '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif')
VIS_DIR = "vis-9.1.2"


# -- input ---------------------------------------------------------------------------

def _as_graph(graph_or_store: Any) -> Any:
    """A networkx graph from a graph, a ``KG``, a ``Store``, a pyoxigraph store or a path."""
    import networkx as nx

    if isinstance(graph_or_store, nx.Graph):
        return graph_or_store
    from kg.graph import project
    from kg.store import Store

    obj = graph_or_store
    if hasattr(obj, "store") and isinstance(obj.store, Store):  # kg.api.KG
        obj = obj.store
    if isinstance(obj, (str, os.PathLike)):
        obj = Store(obj)
    if isinstance(obj, Store):
        obj = obj.open_read()
    return project(obj)


def _norm(text: str) -> str:
    """The search form: NFKC, lower case, simplified, no white space (the page does the same)."""
    from loaders.normalize import to_simplified

    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", text).lower()))


def _aliases(data: dict[str, Any]) -> list[str]:
    alt = data.get("altLabel") or data.get("aliases") or []
    return [alt] if isinstance(alt, str) else [str(a) for a in alt]


def neighbourhood(g: Any, stations: Iterable[str], depth: int = 1) -> set[Any]:
    """Nodes within ``depth`` links of the named stations (not expanding through shared vocabulary)."""
    from loaders.normalize import normalize_name

    want = [(s, normalize_name(s)) for s in stations]
    by_name: dict[str, list[Any]] = {}
    for n, d in g.nodes(data=True):
        if d.get("type") == "PoliceStation":
            for name in [str(d.get("label", n)), *_aliases(d)]:
                by_name.setdefault(normalize_name(name), []).append(n)
    seeds: list[Any] = []
    for raw, key in want:
        hits = by_name.get(key) or [n for k, ns in by_name.items() if key and key in k for n in ns]
        if not hits:
            known = ", ".join(sorted({str(g.nodes[n].get("label")) for ns in by_name.values() for n in ns})[:20])
            raise ValueError(f"no station matches {raw!r} (stations: {known or 'none'})")
        seeds.extend(hits)
    keep = set(seeds)
    frontier = list(dict.fromkeys(seeds))
    for _ in range(max(depth, 0)):
        nxt = []
        for n in frontier:
            if n not in seeds and g.nodes[n].get("type") in SHARED_TYPES:
                continue
            for m in [*g.successors(n), *g.predecessors(n)] if g.is_directed() else g.neighbors(n):
                if m not in keep:
                    keep.add(m)
                    nxt.append(m)
        frontier = nxt
    return keep


# -- layout --------------------------------------------------------------------------

def layout(g: Any, seed: int = 7, spacing: float = 34.0, spread: float = 2.0) -> dict[Any, tuple[float, float]]:
    """Positions in pixels: communities laid out one by one, then packed.

    A spring layout of the whole graph costs tens of seconds at 3,000 nodes;
    Louvain communities (about one per station) each get a small spring layout
    and are then placed by a spring layout of the community graph, pushed
    apart until they do not overlap. About 2 s for 3,000 nodes.
    """
    import networkx as nx
    import numpy as np

    h = nx.Graph()
    h.add_nodes_from(g.nodes)
    h.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if h.number_of_nodes() == 0:
        return {}
    comms = [sorted(c, key=str) for c in nx.community.louvain_communities(h, seed=seed)]
    comms.sort(key=lambda c: (-len(c), str(c[0])))
    local: list[dict[Any, np.ndarray]] = []
    radii = []
    for c in comms:
        if len(c) == 1:
            p = {c[0]: np.zeros(2)}
        else:
            sub = nx.Graph()
            sub.add_nodes_from(c)
            # links to hubs pull weakly, so a station's many facts spread out instead of piling on it
            sub.add_edges_from((u, v, {"w": 1.0 / math.sqrt(max(h.degree(u), h.degree(v)))})
                               for u, v in h.subgraph(c).edges())
            p = nx.spring_layout(sub, seed=seed, iterations=80, weight="w", k=spread / math.sqrt(len(c)))
            arr = np.array([p[n] for n in c])
            arr -= arr.mean(axis=0)
            dist = np.sqrt((arr ** 2).sum(axis=1))
            scale = float(np.percentile(dist, 75)) or 1.0  # outliers may stick out; they do not shrink the rest
            arr *= spacing * math.sqrt(len(c)) * 0.6 / scale
            p = {n: arr[i] for i, n in enumerate(c)}
            dist = np.sqrt((arr ** 2).sum(axis=1))
        local.append(p)
        radii.append(float(dist.max()) + spacing * 0.6 if len(c) > 1 else spacing * 0.6)
    centre = _pack(h, comms, np.array(radii), seed)
    return {n: (float(centre[i][0] + xy[0]), float(centre[i][1] + xy[1]))
            for i, p in enumerate(local) for n, xy in p.items()}


def _pack(h: Any, comms: list[list[Any]], radii: Any, seed: int) -> Any:
    """Community centres: spring layout of the community graph, then overlap removal."""
    import networkx as nx
    import numpy as np

    k = len(comms)
    if k == 1:
        return np.zeros((1, 2))
    where = {n: i for i, c in enumerate(comms) for n in c}
    q = nx.Graph()
    q.add_nodes_from(range(k))
    for u, v in h.edges():
        a, b = where[u], where[v]
        if a != b:
            q.add_edge(a, b, weight=q.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    p = nx.spring_layout(q, seed=seed, weight="weight", iterations=100)
    pos = np.array([p[i] for i in range(k)], dtype=float)
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() or 1.0
    pos *= math.sqrt((radii ** 2).sum()) * 0.6  # start compact; the loop below removes overlaps
    need = radii[:, None] + radii[None, :]
    rng = np.random.default_rng(seed)
    for _ in range(500):  # push overlapping discs apart
        d = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((d ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        over = np.clip(need - dist, 0, None)
        np.fill_diagonal(over, 0)
        if not over.any():
            break
        dist[np.isinf(dist)] = 1.0
        zero = dist < 1e-9
        if zero.any():
            pos += rng.normal(scale=1.0, size=pos.shape)
            continue
        push = (d / dist[:, :, None]) * (over[:, :, None] / 2)
        pos += push.sum(axis=1)
    return pos


# -- the network ---------------------------------------------------------------------

class KGNetwork(Network):
    """A pyvis ``Network`` whose HTML is the self-contained, evidence-first browser page.

    ``net.show("x.html")``, ``net.write_html("x.html")`` and displaying ``net``
    in a notebook all produce the offline page (never pyvis's CDN template).
    """

    def __init__(self, title: str = "policing-kg graph", physics: bool = False) -> None:
        super().__init__(height="100%", width="100%", directed=True, cdn_resources="in_line")
        self.kg_title = title
        self.kg_physics = physics
        self.kg_info: dict[str, dict[str, Any]] = {}
        self.kg_articles: dict[str, dict[str, str]] = {}

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        self.html = render_html(self)
        return self.html

    def write_html(self, name: str, local: bool = True, notebook: bool = False, open_browser: bool = False) -> None:
        write_html(self, name)
        if open_browser:  # pragma: no cover - opens a window
            import webbrowser

            webbrowser.open(Path(name).resolve().as_uri())

    def _repr_html_(self) -> str:
        """Jupyter shows the page in an iframe (srcdoc: no file, no server)."""
        doc = html.escape(self.generate_html(), quote=True)
        return f'<iframe srcdoc="{doc}" style="width:100%;height:640px;border:0"></iframe>'


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _display(d: dict[str, Any], node: Any) -> str:
    """The full human label of a node (outcomes and articles have no useful rdfs:label)."""
    t = d.get("type")
    if t == "Article":
        return str(d.get("title") or d.get("fileName") or d.get("label") or node)
    if t == "Outcome" and d.get("metric"):
        val = f"{d.get('value', '')}{d.get('unit', '')}"
        arrow = ARROWS.get(str(d.get("direction", "")), "")
        return f"{d['metric']} {arrow}{val}".strip()
    return str(d.get("label") or node)


LABEL_BUDGET = 40  # labels kept readable at every zoom: stations, then the best-linked mechanisms and hubs


def _label_styles(g: Any, deg: dict[Any, int]) -> dict[Any, tuple[int, int]]:
    """node -> (label size in canvas units, on-screen size kept at any zoom or 0).

    The page draws a label once it is 7 px on screen, so most labels appear
    as one zooms in; stations and the next best-linked mechanisms and hubs
    (LABEL_BUDGET in all) keep a readable label at every zoom.
    """
    def weight(n: Any) -> float:
        t = g.nodes[n].get("type")
        return (1e9 if t == "PoliceStation" else 0) + deg[n] * (1.5 if t == "Mechanism" else 1.0)

    ranked = sorted(deg, key=lambda n: (-weight(n), str(n)))
    stations = sum(1 for n in deg if g.nodes[n].get("type") == "PoliceStation")
    pinned = set(ranked[: max(LABEL_BUDGET, stations)])
    out = {}
    for n in deg:
        t = g.nodes[n].get("type")
        size = 18 if t == "PoliceStation" else 20 if t == "Mechanism" else 13
        pin = 17 if t == "PoliceStation" else 11 if n in pinned and deg[n] > 1 else 0
        out[n] = (size, pin)
    return out


def make_network(graph_or_store: Any, stations: Iterable[str] | None = None, depth: int = 1,
                 types: Iterable[str] | None = None, *, title: str | None = None,
                 physics: bool = False) -> KGNetwork:
    """The browser for the whole graph, or for the neighbourhood of some stations.

    ``graph_or_store``: a networkx graph shaped like ``kg.graph.project``'s, a
    ``KG``, a ``Store``, a pyoxigraph store or a store folder. ``types`` keeps
    only those node types (names as in ``TYPES``).
    """
    from loaders.normalize import to_simplified

    g = _as_graph(graph_or_store)
    stations = list(stations or [])
    keep: set[Any] = set(g.nodes)
    if stations:
        keep = neighbourhood(g, stations, depth)
    if types:
        want = {t.strip() for ts in types for t in str(ts).split(",") if t.strip()}
        bad = sorted(want - set(TYPES))
        if bad:
            raise ValueError(f"unknown node type(s) {', '.join(bad)} (known: {', '.join(TYPES)})")
        keep = {n for n in keep if g.nodes[n].get("type") in want}
    sub = g.subgraph(keep)
    net = KGNetwork(title=title or ("policing-kg: " + ", ".join(stations) if stations else "policing-kg graph"),
                    physics=physics)
    pos = layout(sub)
    ids = {n: str(n) for n in sub.nodes}
    deg = dict(sub.degree())
    top = max(deg.values(), default=1)
    styles = _label_styles(sub, deg)
    for n, d in sub.nodes(data=True):
        t = d.get("type") if d.get("type") in TYPES else "Other"
        full = _display(d, n)
        value = top if t == "PoliceStation" else deg[n]
        x, y = pos[n]
        node = {"id": ids[n], "label": _short(full), "group": t, "x": round(x, 1), "y": round(y, 1),
                "value": max(value, 1)}
        size, pin = styles[n]
        node["font"] = {"size": size}
        if pin:
            node["pin"] = pin
        net.nodes.append(node)
        net.node_ids.append(ids[n])
        net.node_map[ids[n]] = node
        evidence = []
        for e in d.get("evidence") or []:
            art = e.get("article")
            if art is not None and art in g and str(art) not in net.kg_articles:
                a = g.nodes[art]
                net.kg_articles[str(art)] = {k: str(a[v]) for k, v in (("title", "title"), ("date", "date"),
                                             ("publisher", "publisher"), ("file", "fileName")) if a.get(v)}
            evidence.append({"text": str(e.get("text", "")), "start": e.get("start"), "end": e.get("end"),
                             "article": None if art is None else str(art)})
        aliases = [a for a in _aliases(d) if a != full]
        attrs = [[k, str(v)] for k, v in sorted(d.items()) if k not in HIDDEN_ATTRS and not isinstance(v, (list, dict))]
        if t == "Article":
            attrs.insert(0, ["iri", ids[n]])
        net.kg_info[ids[n]] = {"label": full, "aliases": aliases, "attrs": attrs, "evidence": evidence,
                               "key": "\u0001".join(_norm(s) for s in [full, str(d.get("label", "")), *aliases])}
    simp_ev: dict[str, list[str]] = {}

    def ev_simp(node_id: str) -> list[str]:
        if node_id not in simp_ev:
            simp_ev[node_id] = [to_simplified(e["text"]) for e in net.kg_info[node_id]["evidence"]]
        return simp_ev[node_id]

    for i, (u, v, d) in enumerate(sub.edges(data=True)):
        rel = str(d.get("relation") or d.get("key") or "related")
        net.edges.append({"id": f"e{i}", "from": ids[u], "to": ids[v], "relation": rel,
                          "ev": _edge_evidence(net, ids[u], ids[v], ev_simp)})
    return net


def _edge_evidence(net: KGNetwork, u: str, v: str, ev_simp: Any) -> list[list[Any]]:
    """Which sentences support a link: those naming both ends, else the fact end's own evidence.

    The store keeps evidence on facts (nodes), not on links; the sentence that
    names both ends is the best witness of the link itself.
    """
    lu = _norm(net.kg_info[u]["label"]) if net.kg_info[u]["label"] else ""
    lv = _norm(net.kg_info[v]["label"]) if net.kg_info[v]["label"] else ""
    both = []
    for node, other in ((v, lu), (u, lv)):
        for j, s in enumerate(ev_simp(node)):
            if other and other in re.sub(r"\s+", "", s.lower()):
                both.append([node, j])
    if both:
        return both[:6]
    for node in (v, u):
        if net.kg_info[node]["evidence"]:
            return [[node, j] for j in range(min(3, len(net.kg_info[node]["evidence"])))]
    return []


# -- the page ------------------------------------------------------------------------

def _static(name: str) -> str:
    return resources.files("viz").joinpath("static", name).read_text(encoding="utf-8")


def _vis_file(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_DIR / name
    return path.read_text(encoding="utf-8")


def script_json(obj: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, no ``<!--``, no entities."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


def _sha(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _t2s_map(keys: Iterable[str]) -> dict[str, str]:
    """Traditional -> simplified characters for every character the labels can be typed with."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    out: dict[str, str] = {}
    for key in keys:
        trad = s2t.convert(key)
        pairs = zip(trad, key) if len(trad) == len(key) else ((s2t.convert(c), c) for c in key)
        for t, s in pairs:
            if t != s and len(t) == 1:
                out.setdefault(t, s)
    return out


def _options(net: KGNetwork) -> dict[str, Any]:
    n = len(net.nodes)
    big = n > 1500
    groups = {t: {"shape": shape, "color": {"background": col, "border": col,
                                            "highlight": {"background": col, "border": "#111"},
                                            "hover": {"background": col, "border": "#111"}}}
              for t, (_, col, shape, _) in {**TYPES, "Other": OTHER}.items()}
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {"borderWidth": 1, "borderWidthSelected": 3,
                  "font": {"face": FONT, "size": 14, "color": "#1d1d1f", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"min": 7, "max": 34,
                              "label": {"enabled": False, "drawThreshold": 8, "maxVisible": 40}}},
        "edges": {"color": {"color": "#aab1bb", "highlight": "#222222", "hover": "#555555", "opacity": 0.75},
                  "width": 0.8, "selectionWidth": 1.5, "smooth": False,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
                  "font": {"face": FONT, "size": 11, "color": "#333333", "strokeWidth": 3, "align": "middle"}},
        "physics": {"enabled": bool(net.kg_physics), "solver": "barnesHut", "stabilization": {"iterations": 150}},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "tooltipDelay": 3600000,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


def _payload(net: KGNetwork) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for n in net.nodes:
        counts[n.get("group", "Other")] = counts.get(n.get("group", "Other"), 0) + 1
    rels: dict[str, int] = {}
    for e in net.edges:
        rels[e.get("relation", "related")] = rels.get(e.get("relation", "related"), 0) + 1
    types = [{"type": t, "name": s[0], "color": s[1], "shape": s[2], "symbol": s[3], "count": counts[t]}
             for t, s in {**TYPES, "Other": OTHER}.items() if counts.get(t)]
    info = {}
    for n in net.nodes:  # nodes added by hand (net.add_node) get a bare entry
        nid = str(n["id"])
        label = str(n.get("label", nid))
        info[nid] = net.kg_info.get(nid) or {"label": label, "aliases": [], "attrs": [], "evidence": [],
                                            "key": _norm(label)}
    keys = [i["key"] for i in info.values()]
    nodes = [{k: n[k] for k in ("id", "label", "group", "x", "y", "value", "font", "pin") if k in n} for n in net.nodes]
    for n in nodes:
        n["id"] = str(n["id"])
        n["label"] = str(n.get("label", n["id"]))
        n.setdefault("group", "Other")
    edges = [{"id": str(e.get("id", f"e{i}")), "from": str(e["from"]), "to": str(e["to"]),
              "relation": str(e.get("relation", e.get("label", "related"))), "ev": e.get("ev", [])}
             for i, e in enumerate(net.edges)]
    return {
        "meta": {"title": net.kg_title, "nodes": len(nodes), "edges": len(edges),
                 "articles": len(net.kg_articles) or counts.get("Article", 0)},
        "types": types,
        "relations": [{"relation": r, "count": c} for r, c in sorted(rels.items(), key=lambda x: (-x[1], x[0]))],
        "nodes": nodes, "edges": edges, "info": info, "articles": net.kg_articles,
        "t2s": _t2s_map(keys), "font": FONT, "options": _options(net),
    }


def render_html(net: Network) -> str:
    """The whole page as one string (vis-network, CSS, data and app inlined)."""
    if not isinstance(net, KGNetwork):
        net = _from_plain(net)
    vis_js = _vis_file("vis-network.min.js")
    app_js = _static("browser.js")
    parts = {
        "DATA": script_json(_payload(net)),
        "VIS_CSS": _vis_file("vis-network.css").replace("</style", "<\\/style"),
        "APP_CSS": _static("browser.css"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "CSP": "; ".join([
            "default-src 'none'", f"script-src {_sha(vis_js)} {_sha(app_js)}", "style-src 'unsafe-inline'",
            "img-src data:", "font-src data:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'"]),
    }
    if "</script" in vis_js.lower() or "</script" in app_js.lower():
        raise RuntimeError("inlined script contains </script>")
    template = resources.files("viz").joinpath("templates", "browser.html").read_text(encoding="utf-8")
    return re.sub(r"%%([A-Z_]+)%%", lambda m: parts[m.group(1)], template)  # one pass: data is not re-scanned


def _from_plain(net: Network) -> KGNetwork:
    """Wrap a plain pyvis Network (labels and groups only; titles are dropped, never rendered)."""
    out = KGNetwork(title=str(getattr(net, "heading", "") or "graph"))
    pos_missing = any("x" not in n for n in net.nodes)
    for n in net.nodes:
        out.nodes.append({"id": str(n["id"]), "label": _short(str(n.get("label", n["id"]))),
                          "group": str(n.get("group", "Other")), "x": n.get("x", 0), "y": n.get("y", 0),
                          "value": n.get("value", 1)})
        out.kg_info[str(n["id"])] = {"label": str(n.get("label", n["id"])), "aliases": [], "attrs": [],
                                     "evidence": [], "key": _norm(str(n.get("label", n["id"])))}
    for i, e in enumerate(net.edges):
        out.edges.append({"id": f"e{i}", "from": str(e["from"]), "to": str(e["to"]),
                          "relation": str(e.get("label") or "related")})
    if pos_missing:
        import networkx as nx

        g = nx.MultiDiGraph()
        g.add_nodes_from(n["id"] for n in out.nodes)
        g.add_edges_from((e["from"], e["to"]) for e in out.edges)
        pos = layout(g)
        for n in out.nodes:
            n["x"], n["y"] = (round(c, 1) for c in pos[n["id"]])
    return out


def write_html(net_or_graph: Any, path: str | os.PathLike[str]) -> Path:
    """Write the page as UTF-8 (whatever the locale); accepts a network, a graph or a store."""
    net = net_or_graph if isinstance(net_or_graph, Network) else make_network(net_or_graph)
    text = render_html(net)
    if isinstance(net, Network):
        net.html = text
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
