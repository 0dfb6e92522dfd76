"""The graph browser page, without a browser: data shape, escaping, neighbourhoods, CLI.

The page itself is exercised in headless Chromium by tests/test_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from viz.browser import KGNetwork, layout, make_network, render_html, script_json, write_html

HOSTILE = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
ART = "https://w3id.org/policing-kg/id/article/0000000000000001"


def tiny_graph() -> nx.MultiDiGraph:
    """Two stations sharing a partner type; one article with hostile text."""
    g = nx.MultiDiGraph()
    text = f"东山派出所推行{SCRIPT}“夜巡机制”,{HOSTILE}联合网格员开展巡逻。"
    ev = {"text": text, "start": 10, "end": 10 + len(text), "article": ART}
    g.add_node(ART, type="Article", label="0000000000000001", title=f"东山{HOSTILE}报道", date="2024-01-02",
               fileName="a.txt")
    g.add_node("s1", type="PoliceStation", label="东山派出所", altLabel="東山派出所", evidence=[ev])
    g.add_node("m1", type="Mechanism", label=f"夜巡机制{SCRIPT}", evidence=[ev])
    g.add_node("c1", type="Component", label="夜巡队", evidence=[ev])
    g.add_node("p1", type="Partner", label="网格员", evidence=[ev])
    g.add_node("t1", type="PartnerType", label="网格员")
    g.add_node("s2", type="PoliceStation", label="西河派出所")
    g.add_node("p2", type="Partner", label="网格员")
    g.add_node("o1", type="Outcome", label="3", metric="刑事发案", direction="decrease", value="20", unit="%",
               evidence=[ev])
    for u, v, rel in [(ART, "s1", "about"), ("s1", "m1", "hasMechanism"), ("m1", "c1", "hasComponent"),
                      ("s1", "p1", "hasPartner"), ("p1", "t1", "partnerType"), ("s2", "p2", "hasPartner"),
                      ("p2", "t1", "partnerType"), ("s1", "o1", "reportsOutcome"), ("m1", "p1", "involvesPartner")]:
        g.add_edge(u, v, key=rel, relation=rel)
    return g


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


def test_script_json_cannot_close_the_script_element() -> None:
    obj = {"a": f"</script>{HOSTILE}&amp;<!--", "b": "\u2028"}
    s = script_json(obj)
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == obj


def test_hostile_text_never_reaches_html_unescaped() -> None:
    html = render_html(make_network(tiny_graph()))
    assert HOSTILE not in html and SCRIPT not in html
    assert "onerror=alert" in html  # it is there, but only as escaped JSON data
    data = page_data(html)
    assert data["info"]["m1"]["label"] == f"夜巡机制{SCRIPT}"
    # no node carries a title: vis-network (and pyvis) would render some titles as HTML
    assert all("title" not in n for n in data["nodes"])


def test_page_is_self_contained() -> None:
    html = render_html(make_network(tiny_graph()))
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", html, flags=re.S)
    assert markup.count("<script") == 0 and "src=" not in markup  # every script is inline
    assert re.findall(r"<link[^>]*>", markup) == ['<link rel="icon" href="data:,">']  # no favicon request
    assert "http" not in markup.replace("http-equiv", "")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "connect-src 'none'" in csp and "default-src 'none'" in csp
    assert "vis.Network" in html and "kgBrowser" in html  # vis-network and the app are inlined


def test_page_is_written_as_utf8_under_an_ascii_locale(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    code = ("import sys; sys.path.insert(0, %r); from tests.test_viz import tiny_graph; "
            "from viz.browser import write_html; write_html(tiny_graph(), %r)") % (str(Path(__file__).parent.parent), str(out))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    r = subprocess.run([sys.executable, "-X", "utf8=0", "-c", code], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    text = out.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text and "东山派出所" in text


def test_evidence_carries_article_title_and_date() -> None:
    data = page_data(render_html(make_network(tiny_graph())))
    ev = data["info"]["s1"]["evidence"][0]
    assert ev["article"] == ART and "夜巡机制" in ev["text"]
    assert data["articles"][ART] == {"title": f"东山{HOSTILE}报道", "date": "2024-01-02", "file": "a.txt"}


def test_link_evidence_prefers_the_sentence_naming_both_ends() -> None:
    net = make_network(tiny_graph())
    e = next(e for e in net.edges if e["from"] == "s1" and e["to"] == "p1")
    assert e["ev"] and all("网格员" in net.kg_info[n]["evidence"][j]["text"] for n, j in e["ev"])


def test_outcome_and_article_labels_are_readable() -> None:
    net = make_network(tiny_graph())
    assert net.kg_info["o1"]["label"] == "刑事发案 ↓20%"
    assert net.kg_info[ART]["label"].startswith("东山")


def test_search_keys_cover_traditional_aliases() -> None:
    data = page_data(render_html(make_network(tiny_graph())))
    assert "东山派出所" in data["info"]["s1"]["key"].split("\u0001")
    # the page maps traditional characters the user may type onto the simplified keys
    assert data["t2s"].get("東") == "东" and data["t2s"].get("網") == "网"


def test_legend_counts_and_groups() -> None:
    data = page_data(render_html(make_network(tiny_graph())))
    counts = {t["type"]: t["count"] for t in data["types"]}
    assert counts == {"PoliceStation": 2, "Mechanism": 1, "Component": 1, "Partner": 2, "PartnerType": 1,
                      "Outcome": 1, "Article": 1}
    assert {r["relation"] for r in data["relations"]} >= {"hasMechanism", "partnerType"}
    assert data["options"]["physics"]["enabled"] is False
    shapes = {g: o["shape"] for g, o in data["options"]["groups"].items()}
    assert len({shapes[t] for t in counts}) >= 5  # types differ by shape, not only colour


def test_station_neighbourhood_does_not_expand_through_shared_vocabulary() -> None:
    g = tiny_graph()
    one = {n["id"] for n in make_network(g, stations=["东山派出所"], depth=1).nodes}
    assert {"s1", "m1", "p1", "o1", ART} <= one and "c1" not in one and "t1" not in one
    two = {n["id"] for n in make_network(g, stations=["東山"], depth=2).nodes}  # traditional, partial name
    assert {"c1", "t1"} <= two
    assert "p2" not in two and "s2" not in two  # not through the shared partner type


def test_unknown_station_or_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="no station matches"):
        make_network(tiny_graph(), stations=["北海派出所"])
    with pytest.raises(ValueError, match="unknown node type"):
        make_network(tiny_graph(), types=["Mechanism,Nope"])


def test_types_filter_keeps_only_those_types() -> None:
    net = make_network(tiny_graph(), types=["PoliceStation,Partner"])
    assert {n["group"] for n in net.nodes} == {"PoliceStation", "Partner"}
    assert all(e["relation"] == "hasPartner" for e in net.edges)


def test_layout_is_deterministic_and_spreads_nodes() -> None:
    g = nx.barabasi_albert_graph(300, 2, seed=1)
    a, b = layout(g), layout(g)
    assert a == b and len(a) == 300
    pts = {(round(x), round(y)) for x, y in a.values()}
    assert len(pts) > 290  # hardly any two nodes on the same pixel


def test_network_is_a_pyvis_network_with_the_offline_page(tmp_path: Path) -> None:
    from pyvis.network import Network

    net = make_network(tiny_graph())
    assert isinstance(net, Network) and isinstance(net, KGNetwork)
    net.write_html(str(tmp_path / "n.html"))  # pyvis's API writes our page, not its CDN template
    assert "kg-data" in (tmp_path / "n.html").read_text(encoding="utf-8")
    frame = net._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "<script" not in frame


def test_plain_pyvis_network_is_sanitised(tmp_path: Path) -> None:
    from pyvis.network import Network

    plain = Network()
    plain.add_node(1, label=HOSTILE, title='<a href="x">x</a>')
    plain.add_node(2, label="二")
    plain.add_edge(1, 2)
    html = write_html(plain, tmp_path / "p.html").read_text(encoding="utf-8")
    assert HOSTILE not in html and "href=\"x\"" not in html
    assert page_data(html)["info"]["1"]["label"] == HOSTILE


def test_seed_store_browser(seed_store: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "seeds.html"
    r = CliRunner().invoke(app, ["viz", "--store", str(seed_store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    counts = {t["type"]: t["count"] for t in data["types"]}
    assert counts["PoliceStation"] >= 5 and counts["Article"] == 5 and counts.get("Mechanism", 0) > 10
    evs = [e for i in data["info"].values() for e in i["evidence"]]
    assert evs and all(e["article"] in data["articles"] for e in evs)
    assert sum(1 for a in data["articles"].values() if a.get("date")) >= 2
    r = CliRunner().invoke(app, ["viz", "--store", str(seed_store), "-o", str(out), "--station", "两路派出所"])
    assert r.exit_code == 0, r.output
    sub = page_data(out.read_text(encoding="utf-8"))
    assert any(i["label"] == "两路派出所" for i in sub["info"].values())
    assert 10 < sub["meta"]["nodes"] < data["meta"]["nodes"] / 2
    assert {i["label"] for i in sub["info"].values()} & {"红岩寺派出所", "山门派出所"} == set()
    r = CliRunner().invoke(app, ["viz", "--store", str(seed_store), "-o", str(out), "--station", "不存在派出所"])
    assert r.exit_code == 2 and "no station matches" in r.output
