"""Number expressions: Chinese and Arabic forms, units and qualifiers."""

import doctest

import pytest

import loaders.numbers as numbers
from loaders.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    "expr, value",
    [
        ("1.7万", 17000.0), ("10余万", 100000.0), ("三十", 30.0), ("两", 2.0), ("一百二十", 120.0),
        ("１２００", 1200.0), ("1,200", 1200.0), ("百分之九十", 90.0), ("99％", 99.0), ("二〇二四", 2024.0),
        ("三万五千", 35000.0), ("十五", 15.0), ("abc", None), ("", None),
    ],
)
def test_parse_number(expr: str, value: float | None) -> None:
    assert parse_number(expr) == value


def test_units_and_qualifiers() -> None:
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("培训20余次、巡防1200余人次，挽回损失约20余万元，成功率达98%以上，近百起")]
    assert got == [(20.0, "次", "余"), (1200.0, "人次", "余"), (200000.0, "元", "余"), (98.0, "%", "以上"), (100.0, "起", "近")]


def test_wan_yuan_folds_into_yuan_and_space_before_unit() -> None:
    (q,) = find_quantities("涉及金额120万元")
    assert (q.value, q.unit) == (1200000.0, "元")
    (q,) = find_quantities("化解纠纷60 起")
    assert (q.value, q.unit) == (60.0, "起")


def test_time_and_area_units_are_rejected() -> None:
    qs = find_quantities("用时30分钟，面积299平方公里，12个月，36小时")
    assert qs and all(q.rejected_unit for q in qs)


def test_range_keeps_both_bounds() -> None:
    (q,) = find_quantities("10-20人")
    assert (q.value, q.high, q.unit) == (10.0, 20.0, "人")


def test_lone_chinese_one_is_not_a_number() -> None:
    assert find_quantities("制止了一起案件") == []


def test_doctests() -> None:
    assert doctest.testmod(numbers).failed == 0


def test_cheng_is_tenths_as_percent() -> None:
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("盗窃警情下降近三成，九成以上")]
    assert got == [(30.0, "%", "近"), (90.0, "%", "以上")]


def test_bare_hundred_or_thousand_is_an_idiom_but_not_with_a_qualifier() -> None:
    assert find_quantities("化解百家事，温暖千家万户") == []
    assert [(q.value, q.unit) for q in find_quantities("近百起，千余人，上千名")] == [
        (100.0, "起"), (1000.0, "人"), (1000.0, "名")]


def test_shu_qian_is_an_amount_without_a_value() -> None:
    (q,) = find_quantities("化解纠纷数千起")
    assert (q.value, q.unit) == (None, "起")


def test_banner_and_letter_units() -> None:
    assert [(q.value, q.unit) for q in find_quantities("锦旗4面、表扬信3封")] == [(4.0, "面"), (3.0, "封")]


def _seed_sentences() -> list[str]:
    from pathlib import Path

    from loaders.clean import clean
    from loaders.read import read_source

    out = []
    for p in sorted(Path(__file__).resolve().parents[1].glob("seeds/*.txt")):
        c = clean(read_source(p))
        out += [c.simp[s.start:s.end] for s in c.sentences]
    return out


def test_scan_gives_finditers_matches() -> None:
    """numbers.scan only skips places where no match can start: same spans as finditer."""
    from loaders.outcomes import PERIOD, PERIOD_START

    texts = _seed_sentences() + ["近三年来超过1.5万人次，百分之九十，约数千起", "近，超，约"]
    assert len(texts) > 50
    for t in texts:
        assert [m.span() for m in numbers.scan(numbers.QUANTITY, numbers.QUANTITY_START, t)] == \
            [m.span() for m in numbers.QUANTITY.finditer(t)]
        for end in (len(t), len(t) // 2):
            assert [m.span() for m in numbers.scan(PERIOD, PERIOD_START, t, 0, end)] == \
                [m.span() for m in PERIOD.finditer(t, 0, end)]


@pytest.mark.parametrize("text", ["每起纠纷要谈四五次", "走访了两三户", "三五成群"])
def test_two_neighbouring_numerals_are_a_rough_guess_not_a_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_two_numerals_that_are_not_neighbours_still_count() -> None:
    assert [(q.value, q.unit) for q in find_quantities("化解纠纷二十五起，受理二九件")] == [(25.0, "起"), (29.0, "件")]


def test_period_scan_finds_named_periods_like_finditer() -> None:
    """numbers.scan may only skip characters no period starts with: holiday names included."""
    from loaders import numbers
    from loaders.outcomes import PERIOD, PERIOD_START

    t = "据统计，整个国庆假期共化解纠纷20起，端午节期间出动警力70名，暑期开展宣传5次"
    got = [m.group() for m in numbers.scan(PERIOD, PERIOD_START, t, 0, len(t))]
    assert got == [m.group() for m in PERIOD.finditer(t)] == ["整个国庆假期", "端午节期间", "暑期"]


def test_percentages_spaced_by_a_pdf_conversion() -> None:
    from loaders.numbers import find_quantities

    got = [(q.value, q.unit) for q in find_quantities("刑事警情同比下降 40 % ,矛盾纠纷警情下降 3 7 %")]
    assert got == [(40.0, "%"), (37.0, "%")]
    assert [(q.value, q.unit) for q in find_quantities("共 3 7 起")] == [(3.0, None), (7.0, "起")]


def test_a_lone_financial_numeral_is_a_word_and_group_rounds_are_a_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("组建银发队伍，队员91人，巡逻200余组次")] == [(91.0, "人"), (200.0, "组次")]
    assert find_quantities("拾金不昧") == []
    assert [(q.value, q.unit) for q in find_quantities("捐款叁万元，奖励伍仟元")] == [(30000.0, "元"), (5000.0, "元")]


def test_digits_with_a_chinese_thousand_or_hundred() -> None:
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("核查采集户数据7千户，走访3百余人，巡逻5千米")]
    assert got == [(7000.0, "户", None), (300.0, "人", "余"), (5.0, "千米", None)]


def test_vehicle_dispatches_counted_in_台次() -> None:
    got = [(q.value, q.unit) for q in find_quantities("全年出动车辆120台次，巡逻300余次")]
    assert got[0] == (120.0, "台次")


def test_a_financial_numeral_inside_a_word_before_a_measure_is_no_amount() -> None:
    assert find_quantities("从源头上抓好队伍组建") == []  # 队伍 + 组建, not 5组
    assert [(q.value, q.unit) for q in find_quantities("共伍组")] == [(5.0, "组")]
