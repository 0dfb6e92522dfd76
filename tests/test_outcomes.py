"""The outcome extractor: one rule per test, on synthetic sentences and the seeds."""

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.model import Article, Extraction, Mechanism, Outcome, Station
from loaders.outcomes import extract_outcomes, sentence_outcomes
from loaders.read import source_from_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(text: str, mechanisms: list[str] = ()) -> list[Outcome]:
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=[Station(name="甲派出所")],
                     mechanisms=[Mechanism(name=m) for m in mechanisms])
    extract_outcomes(doc, ext)
    return ext.outcomes


def key(o: Outcome) -> tuple:
    return (o.metric, o.value, o.unit, o.direction)


def test_distributive_sentence_gives_one_outcome_per_metric() -> None:
    got = [key(o) for o in run("今年以来，辖区刑事、治安、电诈案件发案数同比分别下降40%、30.5%、100%。")]
    assert got == [("刑事案件发案数", 40.0, "%", "decrease"), ("治安案件发案数", 30.5, "%", "decrease"),
                   ("电诈案件发案数", 100.0, "%", "decrease")]


def test_distributive_period_and_comparison() -> None:
    o = run("2023年，辖区刑事、治安案件分别下降10%、20%。")[0]
    assert (o.period, o.kind, o.family) == ("2023", "result", "crime")
    o = run("今年以来，辖区刑事发案同比下降59%。")[0]
    assert (o.period, o.comparison) == ("今年以来", "同比")


def test_list_of_activities() -> None:
    got = run("2023年，该所共开展禁毒培训10余次、普法宣传30余次、隐患排查40次、治安巡逻900余人次。")
    assert [key(o) for o in got] == [("禁毒培训", 10.0, "次", None), ("普法宣传", 30.0, "次", None),
                                     ("隐患排查", 40.0, "次", None), ("治安巡逻", 900.0, "人次", None)]
    assert all(o.kind == "activity" for o in got)
    assert got[0].qualifier == "余" and got[2].qualifier is None


def test_wan_yuan_and_result_kind() -> None:
    (o,) = run("去年以来，该所为群众挽回经济损失约30余万元。")
    assert (o.value, o.unit, o.qualifier, o.kind, o.family) == (300000.0, "元", "余", "result", "clearance")


def test_disputes_resolved_is_a_result_and_received_an_activity() -> None:
    got = run("今年以来，该所排查矛盾纠纷90起，化解矛盾纠纷88起，调解成功率达97%以上。")
    assert [(o.metric, o.kind) for o in got] == [("排查矛盾纠纷", "activity"), ("化解矛盾纠纷", "result"),
                                                ("调解成功率", "result")]
    assert got[2].qualifier == "以上" and got[2].family == "disputes"


def test_zero_records_have_no_value() -> None:
    got = run("近年来，辖区8个村“零发案”，连续五年未发生重大刑事案件。")
    assert [(o.metric, o.value, o.direction) for o in got] == [("村零发案", None, "zero"), ("重大刑事案件", None, "zero")]
    assert got[1].period == "连续五年"


def test_qualitative_results_keep_a_direction() -> None:
    got = run("辖区发案数持续下降，群众满意度不断提升。")
    assert [(o.metric, o.value, o.direction) for o in got] == [("发案数", None, "decrease"), ("群众满意度", None, "increase")]


def test_number_restating_a_qualitative_result_counts_once() -> None:
    got = run("其中入户盗窃案件逐年下降，年均降幅达30%。")
    assert [key(o) for o in got] == [("入户盗窃案件", 30.0, "%", "decrease")]
    assert got[0].comparison == "逐年"


def test_shared_value_with_jun() -> None:
    got = run("2024年，该所刑事案件破案率和行政案件查处率均达到95%以上。")
    assert [key(o) for o in got] == [("刑事案件破案率", 95.0, "%", None), ("行政案件查处率", 95.0, "%", None)]


def test_targets_are_not_outcomes() -> None:
    assert run("力争群众满意率达到100%，确保刑事案件下降10%。") == []


def test_profile_figures_are_not_outcomes() -> None:
    assert run("该所辖区面积120平方公里，下辖9个村，户籍人口2.3万余人，现有民警8人、辅警12人。") == []
    assert run("该所日均处置警情超百起。") == []


def test_count_after_a_verb_takes_the_noun_that_follows() -> None:
    got = run("该所组建50支义务巡逻队、30个群众微信群，发动800名平安志愿者。")
    assert [(o.metric, o.value, o.unit) for o in got] == [
        ("义务巡逻队", 50.0, "支"), ("群众微信群", 30.0, "个"), ("发动平安志愿者", 800.0, "名")]


def test_traditional_script() -> None:
    got = run("今年以來，該所共化解各類矛盾糾紛120餘起，群眾滿意率達99%。")
    assert [key(o) for o in got] == [("化解矛盾纠纷", 120.0, "起", None), ("群众满意率", 99.0, "%", None)]


def test_mechanism_named_in_the_paragraph_gets_the_result() -> None:
    got = run("该所推行“警调联动”机制，联合司法所化解纠纷。今年以来共化解矛盾纠纷60起。", ["警调联动"])
    assert got and got[0].mechanism == "警调联动" and got[0].station == "甲派出所"


def test_evidence_is_the_source_slice() -> None:
    text = "标题\n\n今年以來，該所共化解各類矛盾糾紛120餘起。其他句子。"
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"))
    extract_outcomes(doc, ext)
    assert ext.outcomes
    for o in ext.outcomes:
        ev = o.evidence
        assert text[ev.start:ev.end] == ev.text and "120餘起" in ev.text


def test_sentence_level_api() -> None:
    (f,) = sentence_outcomes("受理各类案件同比下降达45%。")
    assert (f.metric, f.value, f.direction, f.comparison) == ("受理案件", 45.0, "decrease", "同比")


def seed(prefix: str) -> Path:
    (p,) = SEEDS.glob(f"{prefix}_*.txt")
    return p


def seed_outcomes(prefix: str) -> list[Outcome]:
    p = seed(prefix)
    doc = clean(source_from_text(p.read_text(encoding="utf-8"), p.name))
    ext = Extraction(article=Article(file=p.name))
    extract_outcomes(doc, ext)
    return ext.outcomes


def test_seed_001_distributive() -> None:
    got = {key(o) for o in seed_outcomes("001")}
    assert {("刑事案件发案数", 87.5, "%", "decrease"), ("治安案件发案数", 82.1, "%", "decrease"),
            ("电诈案件发案数", 100.0, "%", "decrease")} <= got


def test_seed_003_zero_and_disputes() -> None:
    got = seed_outcomes("003")
    assert any(o.direction == "zero" and "零发案" in o.metric and o.value is None for o in got)
    assert any(o.value == 826 and o.unit == "起" and "纠纷" in o.metric and o.kind == "result" for o in got)
    assert not any(o.value == 120 and o.unit in ("名", "人") and o.kind == "result" for o in got)


def test_doctests() -> None:
    import doctest

    import loaders.outcomes

    assert doctest.testmod(loaders.outcomes).failed == 0
