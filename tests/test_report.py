"""viz.report: CSVs round-trip through pandas, the HTML is offline and escaped, degenerate stores still report."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from kg.api import KG
from viz.report import CSV_FILES, build_blocks, md_escape, write_report

SEED_STATIONS = ["两路派出所", "山门派出所", "段家河派出所", "红岩寺派出所", "迁陵派出所"]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report_dir(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(KG(seed_store), out)
    return out


def _tiny_store(path: Path, title: str, sentence: str) -> KG:
    """A store with one article about one station that has no mechanism, partner or outcome."""
    from kg.store import Store

    with Store(path).transaction():
        pass
    g = KG(path)
    base = "https://w3id.org/policing-kg/id/"
    esc = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
    g.query(f"""INSERT DATA {{ GRAPH <{base}article/t1> {{
      <{base}article/t1> a pk:Article ; dcterms:title "{esc(title)}" ; pk:fileName "t1.txt" ;
          schema:about <{base}station/t1> ; schema:mentions <{base}station/t1> .
      <{base}station/t1> a pk:PoliceStation ; rdfs:label "测试派出所"@zh ; pk:evidence <{base}evidence/t1/0-9> .
      <{base}evidence/t1/0-9> a pk:Evidence ; pk:text "{esc(sentence)}" ; pk:start 0 ; pk:end 9 ;
          prov:wasDerivedFrom <{base}article/t1> . }} }}""", allow_update=True)
    return g


def test_report_files_are_written(report_dir: Path) -> None:
    for name in ["report.html", "report.md", *CSV_FILES]:
        assert (report_dir / name).is_file(), name
    assert list((report_dir / "figures").glob("*.png"))


def test_csvs_round_trip_through_pandas(seed_store: Path, report_dir: Path) -> None:
    _, b = build_blocks(KG(seed_store))
    for name, (df, index) in b.frames().items():
        back = pd.read_csv(report_dir / name, index_col=0 if index else None)
        assert back.shape == df.shape, name
        if index:
            assert [str(i) for i in back.index] == [str(i) for i in df.index], name
        assert [str(c) for c in back.columns] == [str(c) for c in df.columns], name
        a = df.reset_index(drop=not index).astype(object).where(df.reset_index(drop=not index).notna(), None)
        z = back.reset_index(drop=not index).astype(object).where(back.reset_index(drop=not index).notna(), None)
        for col_a, col_z in zip(a.columns, z.columns):
            for x, y in zip(a[col_a], z[col_z]):
                if isinstance(x, (int, float)) and not isinstance(x, bool) and y is not None:
                    assert float(x) == pytest.approx(float(y), rel=1e-9), (name, col_a)
                else:  # CSV has one empty cell for both "" and missing
                    assert (str(x) if x not in (None, "") else None) == (None if y is None else str(y)), (name, col_a)


def test_matrix_csv_equals_the_catalogue(seed_store: Path, report_dir: Path) -> None:
    m = pd.read_csv(report_dir / "mechanism_matrix.csv", index_col=0)
    for r in KG(seed_store).query("station-mechanism-categories").records():
        assert m.loc[r["station"], r["category"]] == r["mechanisms"]


def test_html_is_self_contained(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    srcs = re.findall(r'\bsrc="([^"]*)"', html)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    hrefs = re.findall(r'\bhref="([^"]*)"', html)
    assert all(h.startswith("#") or h in CSV_FILES for h in hrefs), [h for h in hrefs if not h.startswith("#")][:5]
    ids = set(re.findall(r'\bid="([^"]*)"', html))
    missing = {h[1:] for h in hrefs if h.startswith("#")} - ids
    assert not missing, sorted(missing)[:5]  # every evidence / detail link lands somewhere
    for s in SEED_STATIONS:
        assert s in html


def test_markdown_has_the_same_sections(report_dir: Path) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    for h in ("## Stations", "## Mechanisms by category", "## Similarity", "## Evidence"):
        assert h in md
    assert "](figures/" in md
    assert all(s in md for s in SEED_STATIONS)


def test_markdown_escape() -> None:
    assert md_escape("a|b<script>*x*") == "a\\|b&lt;script&gt;\\*x\\*"


def test_one_station_report(seed_store: Path, tmp_path: Path) -> None:
    write_report(KG(seed_store), tmp_path, ["两路派出所"])
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Comparison of 1 police station<" in html
    assert "Similarity needs at least two stations" in html
    assert "段家河派出所" not in pd.read_csv(tmp_path / "stations.csv")["station"].tolist()


def test_station_without_mechanisms_and_hostile_text(tmp_path: Path) -> None:
    g = _tiny_store(tmp_path / "store", '<script>alert("t")</script> 标题', "测试派出所<script>alert(1)</script>位于某镇。")
    written = write_report(g, tmp_path / "out")
    html = written["report.html"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the sentence is quoted, escaped
    assert "No named mechanism was extracted for this station" in html
    assert "测试派出所" in html
    assert "<script" not in written["report.md"].read_text(encoding="utf-8")
    assert pd.read_csv(written["mechanism_matrix.csv"], index_col=0).shape == (1, 0)


def test_empty_store_report(tmp_path: Path) -> None:
    from kg.store import Store

    with Store(tmp_path / "store").transaction():
        pass
    written = write_report(KG(tmp_path / "store"), tmp_path / "out")
    assert "no police stations" in written["report.html"].read_text(encoding="utf-8")


def test_cli_report(seed_store: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    res = CliRunner().invoke(app, ["report", "--store", str(seed_store), "-o", str(tmp_path),
                                   "--station", "两路派出所", "--station", "迁陵派出所"])
    assert res.exit_code == 0, res.output
    assert pd.read_csv(tmp_path / "stations.csv")["station"].tolist() == ["两路派出所", "迁陵派出所"]
    bad = CliRunner().invoke(app, ["report", "--store", str(seed_store), "-o", str(tmp_path), "--station", "不在库中"])
    assert bad.exit_code == 2


@pytest.fixture(scope="module")
def report_page():
    """A headless Debian Chromium page (playwright drives it; no browser download)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser.new_page(viewport={"width": 1280, "height": 900})
        browser.close()


@pytest.mark.browser
def test_report_opens_offline_in_chromium(report_dir: Path, report_page) -> None:
    requests: list[str] = []
    report_page.on("request", lambda r: requests.append(r.url))
    report_page.goto((report_dir / "report.html").as_uri())
    network = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert network == []
    text = report_page.inner_text("body")
    for s in SEED_STATIONS:
        assert s in text
    widths = report_page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
    assert widths and all(w > 100 for w in widths)  # the heat maps decoded
