"""The graph browser in a real headless Chromium (Debian's, driven by playwright).

Fixtures `browser_context` / `chromium_path` (tests/conftest.py) install
chromium and a CJK font with apt where missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.test_viz import HOSTILE, SCRIPT, tiny_graph
from viz.browser import make_network, write_html

pytestmark = pytest.mark.browser


@dataclass
class Watch:
    """Everything the page did that a test may object to."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(ctx: Any, path: Path) -> tuple[Any, Watch]:
    w = Watch()
    page = ctx.new_page()
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("console", lambda m: w.errors.append(m.text) if m.type in ("error", "warning") and
            "willReadFrequently" not in m.text else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))

    def on_dialog(d: Any) -> None:
        w.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgBrowser && window.kgBrowser.firstDraw() !== null", timeout=30000)
    return page, w


def search_and_open(page: Any, text: str) -> None:
    page.fill("#search", text)
    page.wait_for_selector("#results li[data-id]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel-body:not([hidden]) h2")


def click_node(page: Any, node_id: str) -> None:
    """Click the node where it is drawn on the canvas (checked to be the topmost there)."""
    pos = page.evaluate("id => kgBrowser.domPosition(id)", node_id)
    assert page.evaluate("p => kgBrowser.network.getNodeAt(p)", pos) == node_id
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


@pytest.fixture(scope="module")
def seeds_page_file(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    net = make_network(seed_store)
    path = write_html(net, tmp_path_factory.mktemp("viz") / "seeds.html")
    return path, net


def test_seeds_page_offline_search_and_evidence(browser_context: Any, seeds_page_file: tuple[Path, Any]) -> None:
    path, net = seeds_page_file
    page, w = open_page(browser_context, path)
    # the station is found by its traditional spelling; Enter opens its evidence
    station = next(i for i in net.kg_info.values() if i["label"] == "两路派出所")
    search_and_open(page, "兩路派出所")
    assert page.text_content("#panel-body h2") == "两路派出所"
    quotes = page.locator("#panel-body blockquote").all_text_contents()
    assert station["evidence"] and station["evidence"][0]["text"] in quotes
    # click a mechanism node on the canvas: the panel quotes its sentence with article and date
    mech_id = next(n["id"] for n in net.nodes if n["group"] == "Mechanism" and net.kg_info[n["id"]]["evidence"]
                   and any(net.kg_articles.get(e["article"], {}).get("date") for e in net.kg_info[n["id"]]["evidence"]))
    page.evaluate("id => kgBrowser.selectNode(id, true)", mech_id)  # centre it, then click it for real
    page.mouse.click(5, 5)  # a click outside the graph does not select anything
    click_node(page, mech_id)
    info = net.kg_info[mech_id]
    assert page.text_content("#panel-body h2") == info["label"]
    assert info["evidence"][0]["text"] in page.locator("#panel-body blockquote").all_text_contents()
    art = net.kg_articles[info["evidence"][0]["article"]]
    caption = page.locator("#panel-body figcaption").first.text_content()
    assert (art.get("title") or art["file"]) in caption
    assert w.requests == [path.resolve().as_uri()], w.requests  # nothing but the file itself
    assert w.errors == [] and w.dialogs == []


def test_chinese_labels_are_drawn_with_a_cjk_font(browser_context: Any, seeds_page_file: tuple[Path, Any]) -> None:
    path, _ = seeds_page_file
    page, _w = open_page(browser_context, path)
    # Without a CJK font "派" is drawn as the same missing-glyph box as an unassigned code point.
    same, ink = page.evaluate("""() => {
        const font = JSON.parse(document.getElementById('kg-data').textContent).font;
        const draw = (ch) => {
            const c = document.createElement('canvas'); c.width = c.height = 48;
            const x = c.getContext('2d'); x.font = '32px ' + font; x.fillText(ch, 4, 36);
            return Array.from(x.getImageData(0, 0, 48, 48).data);
        };
        const a = draw('派'), b = draw('\u0378');
        return [a.every((v, i) => v === b[i]), a.filter((v, i) => i % 4 === 3 && v > 0).length];
    }""")
    assert not same and ink > 30


def test_hostile_article_text_is_shown_literally(browser_context: Any, tmp_path: Path) -> None:
    path = write_html(make_network(tiny_graph()), tmp_path / "hostile.html")
    page, w = open_page(browser_context, path)
    search_and_open(page, "夜巡机制")
    assert page.text_content("#panel-body h2") == f"夜巡机制{SCRIPT}"
    quote = page.locator("#panel-body blockquote").first.text_content()
    assert HOSTILE in quote and SCRIPT in quote
    assert HOSTILE in page.locator("#panel-body figcaption").first.text_content()  # the article title
    assert page.locator("#panel img, #panel script, #results img").count() == 0
    # a link's evidence, and the hover tip, are text too
    page.evaluate("""() => { const e = kgBrowser.edges.get().find(e => e.relation === 'hasMechanism');
                             kgBrowser.network.emit('click', {nodes: [], edges: [e.id]}); }""")
    assert SCRIPT in page.locator("#panel-body blockquote").first.text_content()
    assert page.locator("img").count() == 0
    assert w.dialogs == [] and w.errors == [], (w.dialogs, w.errors)
    assert w.requests == [path.resolve().as_uri()]


def test_filters_and_neighbour_highlight(browser_context: Any, tmp_path: Path) -> None:
    path = write_html(make_network(tiny_graph()), tmp_path / "f.html")
    page, w = open_page(browser_context, path)
    drawn = "() => kgBrowser.network.body.nodeIndices.length"
    total = page.evaluate(drawn)
    page.locator("#types label", has_text="Partner").first.locator("input").uncheck()
    assert page.evaluate(drawn) == total - 2  # the two Partner nodes
    edges = "() => kgBrowser.network.body.edgeIndices.length"
    before = page.evaluate(edges)
    page.click("#reldetails summary")
    page.locator("#relations label", has_text="hasMechanism").locator("input").uncheck()
    assert page.evaluate(edges) < before
    page.evaluate("kgBrowser.selectNode('s1', false)")
    colours = page.evaluate("() => Object.fromEntries(kgBrowser.nodes.get().map(n => [n.id, n.color.background]))")
    group = page.evaluate("() => JSON.parse(document.getElementById('kg-data').textContent).options.groups")
    assert colours["m1"] == group["Mechanism"]["color"]["background"]  # a neighbour keeps its colour
    assert colours["c1"] != group["Component"]["color"]["background"]  # others are dimmed
    assert w.errors == []
