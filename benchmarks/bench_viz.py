"""How fast the graph browser is built and first drawn, at about 3,000 nodes.

A synthetic graph shaped like ``kg.graph.project``'s (stations with their
mechanisms, components, partners, outcomes; shared concepts, partner types
and places; articles with evidence) goes through ``make_network`` and
``write_html``; the page is then opened in headless Chromium and the time
from navigation start to vis-network's first drawn frame is read from the
page. Target: first draw <= 1.5 s at 3,000 nodes.

    python benchmarks/bench_viz.py [--nodes 3000] [--runs 3] [--store DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHARS = "治安警务调解联防巡逻社区网格平安服务群众矛盾纠纷防范宣传反诈智慧共建共治共享融合"


def synthetic_graph(nodes: int = 3000, seed: int = 0):
    """About ``nodes`` nodes in the projection's shape (≈95 nodes per station)."""
    import networkx as nx

    rnd = random.Random(seed)
    word = lambda n: "".join(rnd.choice(CHARS) for _ in range(n))  # noqa: E731
    g = nx.MultiDiGraph()
    concepts = [f"concept/{i}" for i in range(max(nodes // 15, 5))]
    ptypes = [f"ptype/{i}" for i in range(max(nodes // 20, 5))]
    places = [f"place/{i}" for i in range(max(nodes // 60, 3))]
    for c in concepts:
        g.add_node(c, type="MechanismConcept", label=word(4))
    for t in ptypes:
        g.add_node(t, type="PartnerType", label=word(3))
    for p in places:
        g.add_node(p, type="Place", label=word(2) + "县")
    s = 0
    while g.number_of_nodes() < nodes:
        art, st = f"article/{s}", f"station/{s}"
        g.add_node(art, type="Article", label=f"{s:016x}", title=word(12), date="2024-05-01", fileName=f"{s}.txt")
        sent = lambda: [{"text": word(40) + "。", "start": 0, "end": 41, "article": art}]  # noqa: E731
        g.add_node(st, type="PoliceStation", label=word(3) + "派出所", evidence=sent())
        g.add_edge(art, st, relation="about")
        g.add_edge(st, rnd.choice(places), relation="inCounty")
        mechs = []
        for m in range(8):
            mid = f"{st}/mech/{m}"
            mechs.append(mid)
            g.add_node(mid, type="Mechanism", label=word(4) + "机制", evidence=sent())
            g.add_edge(st, mid, relation="hasMechanism")
            g.add_edge(mid, rnd.choice(concepts), relation="concept")
            for c in range(rnd.randint(0, 5)):
                g.add_node(f"{mid}/c{c}", type="Component", label=word(3), evidence=sent())
                g.add_edge(mid, f"{mid}/c{c}", relation="hasComponent")
        for p in range(20):
            pid = f"{st}/partner/{p}"
            g.add_node(pid, type="Partner", label=word(3), evidence=sent())
            g.add_edge(st, pid, relation="hasPartner")
            g.add_edge(pid, rnd.choice(ptypes), relation="partnerType")
            g.add_edge(rnd.choice(mechs), pid, relation="involvesPartner")
        for o in range(25):
            oid = f"{st}/outcome/{o}"
            g.add_node(oid, type="Outcome", label=str(o), metric=word(4), direction="decrease", value="12",
                       unit="%", evidence=sent())
            g.add_edge(st, oid, relation="reportsOutcome")
            g.add_edge(oid, rnd.choice(mechs), relation="attributedTo")
        s += 1
    return g


def first_draw_ms(path: Path, runs: int) -> list[float]:
    """Milliseconds from navigation start to the first drawn frame, one fresh page per run."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        with tempfile.TemporaryDirectory() as profile:
            ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=ARGS,
                                                       headless=True, viewport={"width": 1400, "height": 860})
            for _ in range(runs):
                page = ctx.new_page()
                page.goto(path.resolve().as_uri())
                page.wait_for_function("window.kgBrowser && window.kgBrowser.firstDraw() !== null", timeout=120000)
                out.append(page.evaluate("kgBrowser.firstDraw()"))
                page.close()
            ctx.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store", help="use this store instead of a synthetic graph")
    ap.add_argument("--out", default=None, help="keep the page here")
    a = ap.parse_args()
    from viz.browser import make_network, write_html

    if a.store:
        from kg.graph import project
        from kg.store import Store

        g = project(Store(a.store).open_read())
    else:
        g = synthetic_graph(a.nodes)
    t0 = time.perf_counter()
    net = make_network(g)
    t1 = time.perf_counter()
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp()) / "bench.html"
    write_html(net, out)
    t2 = time.perf_counter()
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    print(f"make_network (layout included): {t1 - t0:.2f} s; write_html: {t2 - t1:.2f} s; "
          f"page {out.stat().st_size / 1e6:.1f} MB")
    ms = first_draw_ms(out, a.runs)
    print(f"first draw in Chromium (navigation start -> first frame), {a.runs} runs: "
          f"median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms (target <= 1500 ms)")


if __name__ == "__main__":
    main()
