"""The scorer follows EXTRACTION.md's matching rules, and the gold files are well formed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.eval import Counts, metrics_share_key, score, score_dirs
from loaders.model import Extraction

GOLD_DIR = Path(__file__).parent / "gold"


def ext(**facts: Any) -> Extraction:
    """A small extraction from JSON-shaped keyword arguments."""
    article = facts.pop("article", {"file": "a.txt"})
    return Extraction.from_json({"article": article, **facts})


def out(metric: str, value: float | None, unit: str | None = "%", direction: str | None = "decrease", **kw: Any) -> dict:
    return {"metric": metric, "value": value, "unit": unit, "direction": direction, **kw}


# ---------------------------------------------------------------- matching rules


def test_mechanism_matches_when_one_name_contains_the_other() -> None:
    gold = ext(mechanisms=[{"name": "两队一室"}, {"name": "1+X+N"}])
    pred = ext(mechanisms=[{"name": "“兩隊一室”警務模式"}, {"name": "1+4"}])
    res = score(gold, pred)
    assert (res.counts["mechanisms"].tp, res.counts["mechanisms"].fp, res.counts["mechanisms"].fn) == (1, 1, 1)
    assert res.misses["mechanisms"] == ["1+X+N"]
    assert res.false_hits["mechanisms"] == ["1+4"]
    # A bare head word is contained in every name but matches none.
    assert score(gold, ext(mechanisms=[{"name": "警务"}])).counts["mechanisms"].tp == 0


def test_mechanism_alias_counts_and_other_station_does_not() -> None:
    gold = ext(mechanisms=[{"name": "余晖调解队", "aliases": ["余晖工作法"], "station": "甲派出所"}])
    assert score(gold, ext(mechanisms=[{"name": "余晖工作法", "station": "甲派出所"}])).counts["mechanisms"].tp == 1
    # The same name at another station is another mechanism.
    other = score(gold, ext(mechanisms=[{"name": "余晖调解队", "station": "乙派出所"}]))
    assert other.counts["mechanisms"].tp == 0 and other.counts["mechanisms"].fp == 1


def test_names_compare_across_scripts_glosses_and_quotes() -> None:
    gold = ext(stations=[{"name": "迁陵派出所", "role": "subject"}], partners=[{"name": "网格员"}, {"name": "司法所"}])
    pred = ext(stations=[{"name": "遷陵派出所"}], partners=[{"name": "網(wǎng)格員"}, {"name": "“司法所”"}])
    res = score(gold, pred)
    assert res.counts["stations"].tp == 1
    assert res.counts["partners"].tp == 2 and res.counts["partners"].fp == 0


def test_partners_need_equal_names_not_containment() -> None:
    res = score(ext(partners=[{"name": "镇党委"}]), ext(partners=[{"name": "党委"}]))
    assert res.misses["partners"] == ["镇党委"] and res.false_hits["partners"] == ["党委"]


def test_outcome_metrics_must_share_a_key_term() -> None:
    gold = ext(outcomes=[out("刑事发案数", 59), out("群众安全感", None, None, "level")])
    # Same figures, right subjects, other wording: both match.
    same = score(gold, ext(outcomes=[out("刑事案件发案", 59.0), out("安全感", None, None, "level")]))
    assert same.counts["outcomes"].tp == 2
    # Same figures, wrong subjects: 治安 is not 刑事, 满意 is not 安全感.
    wrong = score(gold, ext(outcomes=[out("治安案件发案", 59), out("群众满意度", None, None, "level")]))
    assert wrong.counts["outcomes"].tp == 0 and wrong.counts["outcomes"].fp == 2


def test_metric_key_terms() -> None:
    assert metrics_share_key("挽回经济损失", "挽损金额")  # synonyms in one group
    assert metrics_share_key("刑事发案数", "发案数")  # one side names no subject
    assert not metrics_share_key("刑事发案数", "行政发案数")
    assert not metrics_share_key("巡逻", "培训")


def test_value_unit_or_direction_mismatch_is_a_miss_and_a_false_hit() -> None:
    gold = ext(outcomes=[out("电诈案件", 75)])
    for pred in (out("电诈案件", 74), out("电诈案件", 75, "起"), out("电诈案件", 75, direction="increase"),
                 out("电诈案件", None)):
        res = score(gold, ext(outcomes=[pred]))
        assert (res.counts["outcomes"].tp, res.counts["outcomes"].fp, res.counts["outcomes"].fn) == (0, 1, 1)
        assert res.misses["outcomes"] and res.false_hits["outcomes"]
    # Floats within tolerance, null == null, and 名 counted as 人.
    assert score(gold, ext(outcomes=[out("电诈案件", 75.00001)])).counts["outcomes"].tp == 1
    assert score(ext(outcomes=[out("重大案事件", None, None, "zero")]),
                 ext(outcomes=[out("重大案事件", None, None, "zero")])).counts["outcomes"].tp == 1
    assert score(ext(outcomes=[out("义警队伍人数", 120, "人", None)]),
                 ext(outcomes=[out("义警队伍", 120, "名", None)])).counts["outcomes"].tp == 1


def test_matching_is_one_to_one_and_best_first() -> None:
    gold = ext(outcomes=[out("刑事立案数", None, None), out("行政立案数", None, None)])
    res = score(gold, ext(outcomes=[out("行政立案", None, None), out("行政立案", None, None)]))
    assert res.counts["outcomes"].tp == 1 and res.counts["outcomes"].fp == 1
    assert res.misses["outcomes"] == ["刑事立案数 decrease"]
    # Taking gold in order would pair 发案数 with 刑事发案 and leave 刑事发案数
    # unmatched; best-first pairs the closest metrics first and finds both.
    gold = ext(outcomes=[out("发案数", 10), out("刑事发案数", 10)])
    res = score(gold, ext(outcomes=[out("刑事发案", 10), out("治安发案", 10)]))
    assert res.counts["outcomes"].tp == 2


def test_f1_arithmetic() -> None:
    c = Counts(tp=2, fp=1, fn=3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(0.4)
    assert c.f1 == pytest.approx(0.5)
    assert Counts().f1 == 1.0  # nothing to find, nothing found
    assert Counts(fn=2).f1 == 0.0 and Counts(fp=2).f1 == 0.0


def test_micro_average_sums_counts_over_articles(tmp_path: Path) -> None:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    arts = {
        "a": ({"partners": [{"name": "司法所"}]}, {"partners": [{"name": "司法所"}]}),
        "b": ({"partners": [{"name": "网格员"}, {"name": "乡贤"}, {"name": "学校"}]}, {"partners": [{"name": "乡贤"}]}),
    }
    for stem, (g, p) in arts.items():
        (gold_dir / f"{stem}.json").write_text(json.dumps({"article": {"file": f"{stem}.txt"}, **g}), encoding="utf-8")
        (pred_dir / f"{stem}.json").write_text(json.dumps({"article": {"file": f"{stem}.txt"}, **p}), encoding="utf-8")
    c = score_dirs(gold_dir, pred_dir).counts()["partners"]
    # Micro: 2 of 4 found, both right (a macro average would give recall 0.667).
    assert (c.tp, c.fp, c.fn) == (2, 0, 2)
    assert c.recall == pytest.approx(0.5)


def test_location_metadata_and_secondary_agreement() -> None:
    gold = ext(
        article={"file": "a.txt", "title": "標題", "source": "湖南法治报", "date": "2024-01-02", "author": None},
        stations=[{"name": "甲派出所", "role": "subject", "province": "湖南省", "prefecture": "湘西土家族苗族自治州",
                   "county": "保靖县", "town": "迁陵镇"}],
        mechanisms=[{"name": "三近警务", "category": "community_policing", "components": ["就近处警", "近听民意", "贴近服务"],
                     "expected_count": 3}],
        outcomes=[out("刑事发案数", 10, period="今年以来", kind="result", family="crime")],
    )
    pred = ext(
        article={"file": "a.txt", "title": "标题", "source": "湖南法治報", "date": "2024-01-03", "author": None},
        stations=[{"name": "甲派出所", "province": "湖南省", "prefecture": None, "county": "保靖縣", "town": "迁陵镇"}],
        mechanisms=[{"name": "三近警务", "category": "mediation", "components": ["就近处警护平安", "近听民意解民忧"],
                     "expected_count": 3}],
        outcomes=[out("刑事案件", 10, period="2024", kind="result", family="crime")],
    )
    res = score(gold, pred)
    assert {f: t.agree for f, t in res.location.items()} == {"province": 1, "prefecture": 0, "county": 1, "town": 1}
    assert {f: t.agree for f, t in res.metadata.items()} == {"title": 1, "source": 1, "date": 0, "author": 1}
    assert res.secondary["mechanism.category"].agree == 0
    assert res.secondary["mechanism.count_check"].agree == 1
    assert (res.components.tp, res.components.fn) == (2, 1)
    assert res.secondary["outcome.period"].agree == 0 and res.secondary["outcome.family"].agree == 1
    assert any("prefecture" in w for w in res.wrong)


def test_unpredicted_subject_station_counts_as_wrong_location() -> None:
    gold = ext(stations=[{"name": "甲派出所", "role": "subject", "province": "浙江省", "county": "平阳县"}])
    res = score(gold, ext(stations=[{"name": "乙派出所", "province": "浙江省", "county": "平阳县"}]))
    assert all(t.agree == 0 and t.total == 1 for t in res.location.values())


# ---------------------------------------------------------------- CLI


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """Gold with 3 partners, prediction finding 2 of them: partners F1 = 0.8, the rest 1.0."""
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    art = {"file": "x.txt", "title": "t"}
    (gold_dir / "x.json").write_text(json.dumps(
        {"article": art, "partners": [{"name": "司法所"}, {"name": "网格员"}, {"name": "乡贤"}]}), encoding="utf-8")
    (pred_dir / "x.json").write_text(json.dumps(
        {"article": art, "partners": [{"name": "司法所"}, {"name": "網格員"}]}), encoding="utf-8")
    return gold_dir, pred_dir


def test_cli_exit_code_follows_min_f1(dirs: tuple[Path, Path]) -> None:
    gold_dir, pred_dir = dirs
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", str(gold_dir), str(pred_dir), "--min-f1", "0.75"])
    assert ok.exit_code == 0, ok.output
    assert "partners" in ok.output and "miss      partners   乡贤" in ok.output
    bad = runner.invoke(app, ["eval", str(gold_dir), str(pred_dir), "--min-f1", "0.9"])
    assert bad.exit_code == 1
    report = json.loads(runner.invoke(app, ["eval", str(gold_dir), str(pred_dir), "--json"]).stdout)
    assert report["counts"]["partners"]["f1"] == pytest.approx(0.8)
    assert report["per_article"][0]["misses"]["partners"] == ["乡贤"]


def test_cli_needs_predictions_or_extract(dirs: tuple[Path, Path]) -> None:
    gold_dir, pred_dir = dirs
    assert CliRunner().invoke(app, ["eval", str(gold_dir)]).exit_code == 2
    assert CliRunner().invoke(app, ["eval", str(gold_dir), str(pred_dir), "--extract", str(pred_dir)]).exit_code == 2


def test_missing_prediction_file_counts_every_gold_fact_as_missed(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    gold_dir, _ = dirs
    empty = tmp_path / "empty"
    empty.mkdir()
    report = score_dirs(gold_dir, empty)
    assert report.articles[0].missing_prediction
    assert report.counts()["partners"].fn == 3


def test_real_kg_command_scores_gold_against_itself() -> None:
    kg = Path(sys.executable).with_name("kg")
    if not kg.exists():
        pytest.skip("kg console script not installed next to this python")
    proc = subprocess.run([str(kg), "eval", str(GOLD_DIR), str(GOLD_DIR), "--min-f1", "1.0", "--json"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert all(c["f1"] == 1.0 for c in report["counts"].values())


# ---------------------------------------------------------------- gold files


def test_gold_files_load_and_name_a_located_subject_station() -> None:
    files = sorted(GOLD_DIR.glob("*.json"))
    assert len(files) == 5, [f.name for f in files]
    seeds = Path(__file__).parents[1] / "seeds"
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        assert {"article", "stations", "mechanisms", "partners", "outcomes"} <= data.keys(), f.name
        gold = Extraction.from_json(data)
        assert gold.article.file == f.stem + ".txt" and (seeds / gold.article.file).exists(), f.name
        subjects = [s for s in gold.stations if s.role == "subject"]
        assert subjects, f.name
        assert all(s.province and s.county for s in subjects), f.name
        # Facts that point at other facts point at ones that exist.
        mech = {m.name for m in gold.mechanisms}
        assert all(o.mechanism is None or o.mechanism in mech for o in gold.outcomes), f.name
