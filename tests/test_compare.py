"""kg.compare: the DataFrames agree with the SPARQL catalogue; similarity and groups behave."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from kg import compare
from kg.api import KG

SEED_STATIONS = {"两路派出所", "山门派出所", "段家河派出所", "红岩寺派出所", "迁陵派出所"}


@pytest.fixture(scope="module")
def kg(seed_store: Path) -> KG:
    return KG(seed_store)


def test_seed_stations_are_all_compared(kg: KG) -> None:
    names = compare.station_names(kg)
    assert len(set(names.values())) == len(names)  # unique labels: label-keyed catalogue answers are comparable
    assert SEED_STATIONS <= set(compare.select_stations(kg).values())


@pytest.mark.parametrize("query, func, col", [
    ("station-mechanism-categories", compare.mechanism_matrix, "mechanisms"),
    ("station-partner-categories", compare.partner_matrix, "partners"),
])
def test_matrices_equal_the_catalogue(kg: KG, query: str, func, col: str) -> None:
    m = func(kg)
    expected = {(r["station"], r["category"]): r[col] for r in kg.query(query).records()}
    assert expected, f"{query} answered nothing on the seeds"
    got = {(s, c): int(m.loc[s, c]) for s in m.index for c in m.columns if m.loc[s, c]}
    assert got == expected


def test_profiles_agree_with_station_profile_and_compute_density(kg: KG) -> None:
    prof = compare.profiles(kg, sorted(compare.station_names(kg).values())).set_index("station")
    assert SEED_STATIONS <= set(prof.index)
    for r in kg.query("station-profile").records():
        row = prof.loc[r["station"]]
        for col in ("population", "officers", "auxiliary", "founded"):
            if r[col] is not None:
                assert row[col] == r[col], (r["station"], col)
        if r["population"] and r["area_km2"]:
            assert row["density_per_km2"] == pytest.approx(r["population"] / r["area_km2"], abs=0.05)
        else:
            assert pd.isna(row["density_per_km2"])
    honours = Counter(r["station"] for r in kg.query("honours").records())
    assert {s: int(prof.loc[s, "n_honours"]) for s in honours} == dict(honours)


def test_profile_rows_keep_their_iris(kg: KG) -> None:
    prof = compare.profiles(kg, sorted(compare.station_names(kg).values()))
    places = {r["station"]: r["st"] for r in kg.query("stations-places").records()}
    assert dict(zip(prof["station"], prof["st"])) == places


def test_shared_and_unique(kg: KG) -> None:
    su = compare.shared_and_unique(kg)
    assert set(su["status"]) <= {"shared", "unique"}
    assert (su.loc[su["status"] == "shared", "n_stations"] >= 2).all()
    assert (su.loc[su["status"] == "unique", "n_stations"] == 1).all()
    # every concept of every station appears exactly once
    mech = compare.mechanisms(kg)
    assert set(su.loc[su["kind"] == "mechanism", "iri"]) == set(mech["c"].dropna())
    assert su["iri"].is_unique
    # partner types shared by a pair agree with the shared-partners query
    a, b = "两路派出所", "红岩寺派出所"
    pair = compare.shared_and_unique(kg, [a, b])
    shared = set(pair.loc[(pair["kind"] == "partner") & (pair["status"] == "shared"), "item"])
    assert shared == {r["partner"] for r in kg.query("shared-partners", a=a, b=b).records()}


def test_one_station_has_nothing_shared(kg: KG) -> None:
    su = compare.shared_and_unique(kg, ["两路派出所"])
    assert len(su) and set(su["status"]) == {"unique"}
    assert compare.similarity(kg, ["两路派出所"]).shape == (1, 1)


def test_diffusion_agrees_with_the_catalogue(kg: KG) -> None:
    d = compare.diffusion(kg)
    expected = {r["c"]: r["stations"] for r in kg.query("diffusion").records()}
    got = d.groupby("c")["station"].nunique().to_dict()
    assert got == expected
    assert (d["n_stations"] > 1).all()


def test_similarity_is_a_symmetric_unit_matrix(kg: KG) -> None:
    sim = compare.similarity(kg)
    n = len(compare.select_stations(kg))
    assert sim.shape == (n, n) and n >= 5
    assert (sim.to_numpy().diagonal() == 1).all()
    assert ((sim.fillna(0) >= 0) & (sim.fillna(0) <= 1)).all().all()
    assert (sim == sim.T).all().all()
    pairs = compare.similarity_pairs(kg)
    assert len(pairs) == n * (n - 1) // 2
    r = pairs.iloc[0]
    parts = [v for v in (r.concepts, r.categories, r.partner_types) if v is not None]
    assert r.similarity == pytest.approx(sum(parts) / len(parts), abs=1e-4)


def test_jaccard_and_weighted_jaccard() -> None:
    assert compare._jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert compare._jaccard(set(), set()) is None
    assert compare._ruzicka(Counter(a=2, b=1), Counter(a=1, c=1)) == pytest.approx(1 / 4)
    assert compare._ruzicka(Counter(), Counter()) is None


def test_communities_find_two_blocks() -> None:
    names = ["A", "B", "C", "D"]
    sim = pd.DataFrame(0.05, index=names, columns=names)
    for x, y in (("A", "B"), ("C", "D")):
        sim.loc[x, y] = sim.loc[y, x] = 0.8
    for n in names:
        sim.loc[n, n] = 1.0
    groups = compare.communities(sim).groupby("community")["station"].apply(frozenset)
    assert set(groups) == {frozenset("AB"), frozenset("CD")}
    alone = compare.communities(sim, threshold=0.9)
    assert alone["community"].nunique() == 4
    unrelated = pd.DataFrame([[1.0, 0.0], [0.0, 1.0]], index=["A", "B"], columns=["A", "B"])
    assert compare.communities(unrelated)["community"].tolist() == [1, 2]  # median 0: still no link


def test_outcomes_one_table_per_family(kg: KG) -> None:
    fams = compare.outcomes_by_family(kg)
    assert fams
    rows = sum(len(t) for t in fams.values())
    assert rows == len({r["o"] for r in kg.query("outcomes-by-family").records()})
    for fam, t in fams.items():
        assert {"value", "unit", "direction", "period", "comparison", "o"} <= set(t.columns)
    crime = {r["o"] for r in kg.query("outcomes-by-family", family="crime").records()}
    assert set(fams.get("crime", pd.DataFrame(columns=["o"]))["o"]) == crime


def test_evidence_traces_mechanisms(kg: KG) -> None:
    mech = compare.mechanisms(kg)
    ev = compare.evidence(kg, mech["m"])
    assert set(ev["fact"]) == set(mech["m"])  # every mechanism has a sentence
    assert ev["sentence"].str.len().gt(0).all()


def test_station_selection(kg: KG) -> None:
    assert list(compare.select_stations(kg, ["两路"]).values()) == ["两路派出所"]
    with pytest.raises(compare.UnknownStation) as e:
        compare.select_stations(kg, ["两条派出所"])
    assert "两路派出所" in str(e.value)
    with pytest.raises(compare.UnknownStation):
        compare.select_stations(kg, ["派出所"])  # ambiguous part


def test_empty_store_says_so(tmp_path: Path) -> None:
    from kg.store import Store

    with Store(tmp_path / "empty").transaction():
        pass
    g = KG(tmp_path / "empty")
    assert compare.mechanism_matrix(g).empty
    assert compare.similarity(g).empty
    assert "no police stations" in compare.format_comparison(g)


def test_cli_compare_prints_and_writes_csv(seed_store: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    res = CliRunner().invoke(app, ["compare", "两路派出所", "红岩寺派出所", "--store", str(seed_store),
                                   "--out", str(tmp_path / "csv")])
    assert res.exit_code == 0, res.output
    assert "两路派出所" in res.output and "红岩寺派出所" in res.output and "Similarity" in res.output
    m = pd.read_csv(tmp_path / "csv" / "mechanism_matrix.csv", index_col=0)
    assert list(m.index) == ["两路派出所", "红岩寺派出所"]
    bad = CliRunner().invoke(app, ["compare", "不在库中", "--store", str(seed_store)])
    assert bad.exit_code == 2


def test_real_kg_compare_command(seed_store: Path) -> None:
    kg_bin = Path(sys.executable).with_name("kg")
    res = subprocess.run([str(kg_bin), "compare", "--store", str(seed_store)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert all(s in res.stdout for s in SEED_STATIONS)
