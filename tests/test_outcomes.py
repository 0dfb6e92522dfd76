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


# ---------------------------------------------------------------- round 2 rules (synthetic sentences)


def test_quoted_zero_record_with_a_joint_subject_gives_one_per_subject() -> None:
    got = run("去年以来，甲村实现刑事、治安案件“零发生”。")
    assert [(o.metric, o.value, o.direction) for o in got] == [("刑事案件", None, "zero"), ("治安案件", None, "zero")]
    assert got[0].period == "去年以来"


def test_zero_record_whose_subjects_come_before_the_verb() -> None:
    got = run("今年，入室盗窃、盗窃非机动车案件均保持零发案。")
    assert [(o.metric, o.direction) for o in got] == [("入室盗窃零发案", "zero"), ("盗窃非机动车案件零发案", "zero")]


def test_two_kinds_of_case_written_together_are_two_records() -> None:
    got = run("2022年，甲村实现刑事治安零发案。")
    assert [(o.metric, o.direction, o.period) for o in got] == [
        ("刑事零发案", "zero", "2022"), ("治安零发案", "zero", "2022")]


def test_nothing_of_a_list_happened_gives_one_zero_per_item() -> None:
    got = run("一年多来，辖区无聚众闹事、大规模上访事件发生。")
    assert [(o.metric, o.direction) for o in got] == [("聚众闹事", "zero"), ("大规模上访事件", "zero")]


def test_zero_subject_starts_after_an_earlier_quoted_slogan() -> None:
    got = run("乙所做到了“小事不出村”、民转刑案件“零发生”。")
    assert [(o.metric, o.direction) for o in got] == [("民转刑案件", "zero")]


def test_three_character_modifier_borrows_the_head_noun() -> None:
    got = run("辖区连续三年实现民转刑、刑转命案件“零发生”。")
    assert [o.metric for o in got] == ["民转刑案件", "刑转命案件"]


def test_zero_list_keeps_every_item() -> None:
    got = run("该镇实现校园安全事件、学生溺亡事件和道路交通亡人事故“零发生”。")
    assert [o.metric for o in got] == ["校园安全事件", "学生溺亡事件", "道路交通亡人事故"]


def test_chinese_numeral_counts_and_xiang_with_a_verb() -> None:
    got = run("全年共举办消防培训五十四期，完成整改隐患十二项。")
    assert [(o.metric, o.value, o.unit) for o in got] == [("举办消防培训", 54.0, "期"), ("整改隐患", 12.0, "项")]
    assert run("制定工作制度三项。") == []  # 项 without a result or work verb


def test_adverb_between_comparison_and_verb_and_qualifier_after_verb() -> None:
    (a,) = run("今年以来，辖区入室盗窃警情同比再下降75%。")
    assert (a.value, a.direction, a.comparison) == (75.0, "decrease", "同比")
    got = run("辖区电诈案件下降超过90%，治安警情下降近三成。")
    assert [(o.value, o.unit, o.direction, o.qualifier) for o in got] == [
        (90.0, "%", "decrease", "超"), (30.0, "%", "decrease", "近")]


def test_team_sizes_written_before_quoted_members_or_a_formed_team() -> None:
    got = run("91名佩戴红袖标的“银发队员”巡逻。")
    assert [(o.metric, o.value, o.unit, o.kind) for o in got] == [("银发队员人数", 91.0, "人", "activity")]
    got = run("甲警务室组建了196名以党员为主体的“红色警务团队”。")
    assert [(o.metric, o.value, o.family) for o in got] == [("红色警务团队人数", 196.0, "mobilisation")]
    assert run("甲警务室有196名以党员为主体的“红色警务团队”队长。") == []


def test_people_recruited_into_a_role() -> None:
    got = run("2016年起发展108名人头熟、品德好的村民作为警务助理，就地解决矛盾。")
    assert [(o.metric, o.value, o.unit) for o in got] == [("发展警务助理", 108.0, "人")]


def test_count_of_people_before_the_role_they_took() -> None:
    (o,) = run("近年来，丙所吸纳退休干部、快递员等近300人为“护村队员”。")
    assert (o.metric, o.value, o.unit, o.qualifier, o.kind) == ("吸纳护村队员", 300.0, "人", "近", "activity")
    (o,) = run("近150人成为“平安志愿者”。")
    assert (o.metric, o.value) == ("平安志愿者", 150.0)


def test_verb_before_the_evaluation_metrics() -> None:
    got = run("这一做法有效提升群众安全感、满意度。")
    assert [(o.metric, o.direction) for o in got] == [("群众安全感", "increase"), ("群众满意度", "increase")]


def test_percentage_takes_the_metric_after_de() -> None:
    (o,) = run("90%以上的邻里纠纷得到化解。")
    assert (o.metric, o.value, o.qualifier) == ("邻里纠纷化解率", 90.0, "以上")
    got = run("今年以来，累计化解纠纷500起，96.5%的调解成功率背后是民警的坚守。")
    assert [(o.metric, o.value) for o in got] == [("化解纠纷", 500.0), ("调解成功率", 96.5)]


def test_percentage_followed_by_the_verb_takes_the_earlier_object() -> None:
    got = run("今年以来，受理的300起纠纷实现了100%化解。")
    assert [(o.metric, o.value, o.kind) for o in got] == [("受理纠纷", 300.0, "activity"), ("纠纷化解率", 100.0, "result")]


def test_direction_after_the_number() -> None:
    (o,) = run("辖区警情连续多年以每年8%的幅度下降。")
    assert (o.metric, o.value, o.direction, o.period, o.comparison) == ("警情", 8.0, "decrease", "连续多年", "逐年")


def test_area_profile_list_is_not_an_outcome() -> None:
    assert run("丁所辖区面积300平方公里，实有人口2万人，出租房屋320户，暂住人口900人。") == []
    assert run("辖区有出租房屋320户。") == []


def test_problem_statement_figures_are_not_outcomes() -> None:
    assert run("小区共安装探头80个，坏了60个，管理难度提升。") == []
    assert run("年均矛盾纠纷发生达900余起，刑事发案量居高不下。") == []
    # a result in the same kind of sentence still counts when it has a direction
    (o,) = run("盗窃案件同比下降20%，但电诈案件依然高发。")
    assert (o.value, o.direction) == (20.0, "decrease")


def test_idioms_with_numerals_are_not_outcomes() -> None:
    assert run("民警走进千家万户，化解百家事，一心一意为群众。") == []


def test_vague_amount_keeps_the_unit_without_a_value() -> None:
    (o,) = run("民警联动化解涉及外出务工人员的矛盾纠纷数千起。")
    assert (o.value, o.unit, o.family) == (None, "起", "disputes")


def test_baseline_year_after_comparison_is_not_the_period() -> None:
    (o,) = run("2019年同比2018年，辖区刑事案件下降20%。")
    assert (o.period, o.comparison) == ("2019", "同比")
    (o,) = run("今年，辖区刑事案件下降20%。")
    assert o.period == "今年"


def test_period_with_day_and_until_now_and_month_ranges() -> None:
    (o,) = run("2023年3月11日至今，该所共化解纠纷30起。")
    assert o.period == "2023年3月11日至今"
    (o,) = run("2022年1-9月，辖区刑事警情同比下降22%。")
    assert o.period == "2022年1-9月"
    (o,) = run("电诈发案数连续第三年下降。")
    assert o.period == "连续第三年"


def test_since_a_month_when_something_began_is_that_month_onwards() -> None:
    got = [(o.metric, o.period) for o in run("自2023年7月创建以来，某某警务亭协助接报处置警情2300余起。")]
    assert got == [("处置警情", "2023年7月以来")]
    (o,) = run("2023年7月，该所化解纠纷30起。")
    assert o.period == "2023年7月"  # a month alone is that month only


def test_period_carries_over_a_semicolon_and_into_qizhong() -> None:
    got = run("近三年来，辖区未发生命案；入室盗窃案件年均降幅达25%。其中，两抢案件下降40%。")
    assert [o.period for o in got] == ["近三年", "近三年", "近三年"]


def test_lianxu_period_stays_in_its_clause() -> None:
    got = run("辖区警情连续多年下降，实现命案“零发生”。")
    assert [(o.metric, o.period) for o in got] == [("警情", "连续多年"), ("命案", None)]


def test_summary_and_capacity_phrases_are_not_qualitative_results() -> None:
    got = run("2022年，辖区治安主要指标呈现“四下降”，即刑事警情、治安警情同比下降10%、20%。")
    assert [(o.metric, o.value) for o in got] == [("刑事警情", 10.0), ("治安警情", 20.0)]
    assert run("调解的社会化、专业化水平有效提升，调解动能得以提升。") == []
    assert run("实现治理效能提升、群众满意度增强的目标。") == []


def test_two_direction_words_in_a_row_are_one_statement() -> None:
    (o,) = run("辖区总警情始终保持稳中有降。")
    assert (o.metric, o.direction) == ("总警情", "decrease")


def test_shortened_response_time_is_a_decrease() -> None:
    (o,) = run("矛盾纠纷不出社区、出警时间明显缩短。")
    assert (o.metric, o.direction, o.family) == ("出警时间", "decrease", "public_order")


def test_headline_figure_restated_in_the_body_counts_once() -> None:
    text = "95%调解成功率的背后\n\n近年来，戊所累计化解纠纷300起，95%的调解成功率背后是坚守。"
    got = run(text)
    assert [(o.metric, o.value) for o in got] == [("化解纠纷", 300.0), ("调解成功率", 95.0)]
    assert all("近年来" in o.evidence.text for o in got)


def test_banners_are_public_evaluation_results() -> None:
    got = run("2023年以来，该所共收到群众送来的锦旗6面、表扬信5封。")
    assert [(o.value, o.unit, o.family, o.kind) for o in got] == [
        (6.0, "面", "public_evaluation", "result"), (5.0, "封", "public_evaluation", "result")]


def test_sub_result_under_qizhong_does_not_hide_the_general_one() -> None:
    got = run("辖区警情显著下降，其中盗窃警情降幅达60%。")
    assert [(o.metric, o.value) for o in got] == [("警情", None), ("盗窃警情", 60.0)]


def test_gelei_is_not_distributive() -> None:
    (o,) = run("成功化解各类矛盾纠纷和治安案件共40余起。")
    assert (o.value, o.qualifier) == (40.0, "余")


def test_zero_records_inside_a_run_of_quoted_slogans() -> None:
    got = run("近年来，该所取得了“命案零发生”“服务零投诉”的成效。")
    assert [(o.metric, o.direction) for o in got] == [("命案", "zero"), ("服务零投诉", "zero")]


def test_zero_record_without_a_subject_keeps_its_period() -> None:
    (o,) = run("从今年3月至今实现辖区“零发案”。")
    assert (o.metric, o.direction, o.period) == ("零发案", "zero", "今年3月至今")


def test_count_of_measures_or_mechanisms_is_not_an_outcome() -> None:
    assert [(o.metric, o.value) for o in run("组建巡逻队13个，推动建立了七项联动机制。")] == [("组建巡逻队", 13.0)]


def test_level_with_zai_before_the_number() -> None:
    (o,) = run("整体回访率保持在100%。")
    assert (o.metric, o.value, o.direction) == ("整体回访率", 100.0, "level")


def test_since_clause_is_not_part_of_the_metric() -> None:
    (o,) = run("自走访以来，非警务类警情同比下降4%。")
    assert (o.metric, o.period) == ("非警务类警情", "走访以来")


def test_baseline_in_a_later_clause_keeps_the_metric() -> None:
    got = run("群众满意率达95.8%，比去年提高了0.2个百分点。")
    assert [(o.metric, o.value, o.unit, o.direction) for o in got] == [
        ("群众满意率", 95.8, "%", None), ("群众满意率", 0.2, "个百分点", "increase")]


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


def test_teams_formed_give_a_team_count_and_a_member_count() -> None:
    got = run("今年以来，该所组建8支96人的“银发”守护队，织密防控网。")
    assert [(o.metric, o.value, o.unit, o.family, o.kind) for o in got] == [
        ("银发守护队", 8.0, "支", "mobilisation", "activity"),
        ("银发守护队人数", 96.0, "人", "mobilisation", "activity")]


def test_per_team_size_is_not_a_total() -> None:
    got = run("该所组建了30个五百人以上的平安宣传群，广泛发动群众。")
    assert [(o.metric, o.value, o.unit) for o in got] == [("平安宣传群", 30.0, "个")]


def test_members_after_a_team_named_first_are_its_head_count() -> None:
    got = run("目前，组建村级义警队伍3支45人。")
    assert [(o.metric, o.value) for o in got] == [("组建村级义警队伍", 3.0), ("组建村级义警队伍人数", 45.0)]


def test_groups_used_but_not_formed_are_not_outcomes() -> None:
    assert run("线上，借助覆盖全镇的40个微信群转发防范视频。") == []


def test_a_list_of_work_standards_is_not_a_result() -> None:
    assert run("民警做到走访覆盖率、信息录入率、隐患整改率3个100%。") == []


def test_people_who_act_in_a_story_are_not_a_count_of_work() -> None:
    assert run("老王和老李因放牧琐事争吵，两人闹起矛盾。") == []


def test_wages_recovered_for_workers_are_money_recovered() -> None:
    (o,) = run("经民警多方协调，12名农民工领到8万余元工资。")
    assert (o.metric, o.value, o.unit, o.qualifier, o.kind, o.family) == (
        "追回农民工工资", 80000.0, "元", "余", "result", "clearance")


def test_a_public_evaluation_ranking_is_a_result() -> None:
    (o,) = run("在全市群众安全感满意度测评中，该所辖区连续3年名列全市第二。")
    assert (o.metric, o.value, o.unit, o.period, o.family, o.kind) == (
        "群众安全感满意度测评排名", 2.0, "名", "连续3年", "public_evaluation", "result")  # 第二: 2nd place


def test_a_ranking_as_a_target_is_not_a_result() -> None:
    assert run("力争在全市群众满意度测评中名列第一。") == []


def test_falling_to_a_level_is_a_decrease_with_its_period() -> None:
    (o,) = run("最近三年每年盗窃警情降到了20多起。")
    assert (o.metric, o.value, o.qualifier, o.direction, o.period) == ("盗窃警情", 20.0, "余", "decrease", "最近三年")


def test_since_the_start_of_the_year_is_a_period() -> None:
    (o,) = run("年初至今，该所化解矛盾纠纷60余起。")
    assert o.period == "年初至今"


def test_a_repeated_sentence_counts_once_and_the_dated_copy_wins() -> None:
    text = ("去年以来，该所调解成功率达97.5%。\n\n"
            "去年以来，该所调解成功率达97.5%。\n\n"
            "2024年以来，丙镇派出所调解成功率达97.5%。")
    (o,) = run(text)
    assert (o.metric, o.value, o.period) == ("调解成功率", 97.5, "2024年以来")


def test_two_years_with_the_same_figure_stay_two_facts() -> None:
    got = run("2023年，该所化解纠纷100起。\n\n2024年，该所化解纠纷100起。")
    assert [o.period for o in got] == ["2023", "2024"]


def test_a_paragraph_opening_period_covers_its_next_sentence() -> None:
    got = run("2021年以来，该所推行网格化管理。会同司法所组建5支50人的调解队。")
    assert {o.period for o in got} == {"2021年以来"}


def test_a_metric_with_its_own_family_ignores_the_borrowed_verb() -> None:
    got = run("今年以来，矛盾化解成功率达96%，重复报警率同比下降20%。")
    assert [(o.metric, o.family) for o in got] == [("矛盾化解成功率", "disputes"), ("重复报警率", "public_order")]


def test_a_quoted_list_of_zero_records_gives_one_record_each() -> None:
    got = run("连续6年“零上访、零命案、零火灾”，辖区平稳。")
    assert [(o.metric, o.direction, o.period) for o in got] == [
        ("零上访", "zero", "连续6年"), ("零命案", "zero", "连续6年"), ("零火灾", "zero", "连续6年")]
    assert [o.family for o in got] == ["disputes", "crime", "hazards"]


def test_a_quote_inside_a_zero_records_subject_does_not_cut_it() -> None:
    got = run("8余年间实现辖区持刀伤人案件、重大“民转刑”案件“零发生”。")
    assert [(o.metric, o.direction, o.period) for o in got] == [
        ("持刀伤人案件", "zero", "8余年"), ("重大民转刑案件", "zero", "8余年")]


def test_a_rate_written_before_its_noun_without_de() -> None:
    (o,) = run("该所成绩背后，是90%以上邻里纠纷当场化解的功夫。")
    assert (o.metric, o.value, o.unit, o.qualifier, o.family) == ("邻里纠纷当场化解率", 90.0, "%", "以上", "disputes")


def test_a_share_of_the_total_is_workload_not_a_result() -> None:
    assert run("家庭纠纷类警情已占到该所警情总量的45%。") == []
    (o,) = run("今年以来，电诈警情占比下降到3%。")
    assert (o.value, o.direction) == (3.0, "decrease")


def test_land_and_climate_figures_are_profile() -> None:
    assert run("这里风景秀丽，森林覆盖率达61.5%。") == []


def test_a_single_disputes_settlement_is_a_story_not_a_result() -> None:
    assert run("经过4轮调解，双方最终达成协议，一方当场赔偿5000元。") == []
    got = run("今年以来共调解纠纷30起，促成双方达成和解协议28份。")
    assert [o.value for o in got] == [30.0, 28.0]


def test_troops_split_in_a_narrative_are_not_a_count() -> None:
    assert run("民警与网格员兵分三路，分头寻找。") == []


def test_people_found_is_a_service_result() -> None:
    (o,) = run("该所已累计找回30余名走失老人。")
    assert (o.metric, o.value, o.kind, o.family) == ("找回走失老人", 30.0, "result", "service")


def test_years_kept_safe_are_a_zero_record() -> None:
    (o,) = run("连续9年，甲派出所辖区河道保持平安。")
    assert (o.metric, o.direction, o.period, o.family) == ("辖区河道平安", "zero", "连续9年", "public_order")
    assert run("力争连续3年保持平安。") == []
    assert run("辖区保持平安。") == []


def test_bodies_drawn_in_by_a_ba_construction_are_mobilisation() -> None:
    got = run("该所将15家物业公司、40余家商户吸纳进来，共同开展巡防。")
    assert [(o.metric, o.value, o.unit, o.family, o.kind) for o in got] == [
        ("吸纳物业公司", 15.0, "家", "mobilisation", "activity"), ("吸纳商户", 40.0, "家", "mobilisation", "activity")]


def test_a_run_of_years_without_incidents_is_a_zero_record() -> None:
    (o,) = run("甲村已连续7年无重大刑事案件，群众安居乐业。")
    assert (o.metric, o.direction, o.period) == ("重大刑事案件", "zero", "连续7年")
    (o,) = run("辖区20余年无命案发生。")
    assert (o.metric, o.direction, o.period) == ("命案", "zero", "20余年")
    assert run("群众无后顾之忧。") == []


# ------------------------------------------------------------------ named periods and kinds (round 7)


def test_holiday_period_is_recorded_whole_with_its_year() -> None:
    got = run("仅2023年春运期间就协助处置旅客纠纷8起，找回走失老人2名。")
    assert [(o.metric[-4:], o.value, o.period) for o in got] == [
        ("旅客纠纷", 8.0, "2023年春运期间"), ("走失老人", 2.0, "2023年春运期间")]
    assert [o.kind for o in got] == ["activity", "result"]  # handled is work done; people found is a result


def test_holiday_period_drops_zheng_ge_and_removal_of_hazards_is_a_result() -> None:
    (o,) = run("整个五一假期共消除道路安全隐患12处。")
    assert (o.period, o.value, o.kind) == ("五一假期", 12.0, "result")
    assert "五一" not in o.metric


def test_since_it_began_period_drops_the_adverb_and_diverting_calls_is_an_activity() -> None:
    got = run("自调解中心正式运行以来，已分流非警务警情300余起，节约警力500余人次。")
    assert [o.period for o in got] == ["调解中心运行以来"] * 2
    assert [o.kind for o in got] == ["activity", "result"]


def test_bare_holiday_word_is_not_a_period() -> None:
    (o,) = run("春节安保工作中，民警查获违禁品3起。")
    assert o.period is None


# -- session 3: lists of opinions with one direction
def test_a_list_of_opinions_with_one_direction_is_one_outcome_each() -> None:
    from loaders.outcomes import sentence_outcomes

    found = sentence_outcomes("青石派出所创新治理模式，群众获得感、幸福感和安全感不断增强。")
    assert [(f.metric, f.direction) for f in found] == [
        ("群众获得感", "increase"), ("群众幸福感", "increase"), ("群众安全感", "increase")]
    found = sentence_outcomes("同时辖区民众的安全感、满意度、参与感、获得感都得到提升。")
    assert [f.metric for f in found][2:] == ["参与感", "获得感"]  # 参与 is no conjunction
    assert all(f.direction == "increase" for f in found) and len(found) == 4


# -- issue #3: outcome recall that generalizes (invented sentences)
def test_a_time_cut_achieved_is_a_result_but_a_promised_one_is_not() -> None:
    found = sentence_outcomes("今年以来，群众办事等待时间由40分钟缩短至10分钟。")
    assert [(f.metric, f.value, f.unit, f.direction) for f in found] == [("办事等待时间", 10.0, "分钟", "decrease")]
    assert sentence_outcomes("承诺将户籍业务办理时限缩短至3个工作日。") == []
    assert sentence_outcomes("实现1分钟响应、3分钟到场。") == []


def test_a_share_of_people_names_its_own_measure() -> None:
    found = sentence_outcomes("今年以来，调解室成功调解纠纷30起，九成当事人表示满意。")
    assert [(f.metric, f.value, f.unit) for f in found] == [("成功调解纠纷", 30.0, "起"), ("当事人满意", 90.0, "%")]
    # without a stated opinion the share is nobody's rate: the last metric is not borrowed
    found = sentence_outcomes("今年以来，调解纠纷30起，八成居民直言办事方便。")
    assert [f.unit for f in found] == ["起"]


def test_successful_mediation_is_a_result() -> None:
    (o,) = run("今年以来，成功调解纠纷36起。")
    assert o.kind == "result"


def test_conduct_zero_records_are_kept_without_a_family_unless_a_goal() -> None:
    got = run("近年来，该所取得了“命案零发生”“执法零过错”“民警零违纪”的成效。")
    assert [(o.metric, o.direction) for o in got] == [("命案", "zero"), ("执法过错", "zero"), ("民警违纪", "zero")]
    assert got[1].family is None and got[1].kind == "result"
    assert run("该所以执法办案“零瑕疵”为目标。") == []


def test_the_population_an_outpost_serves_is_profile() -> None:
    assert run("警务亭配备辅警2名，辐射4个村委会，服务常住居民1.8万余人。") == []
    assert [(o.metric, o.value) for o in run("今年以来，警务亭服务群众2000余人次。")] == [("服务群众", 2000.0)]


def test_an_aim_framed_by_yi_wei_mubiao_is_no_result() -> None:
    got = run("该所始终坚持以提升人民群众安全感和满意度为目标，开展巡逻，群众满意度不断提升。")
    assert [(o.metric, o.direction) for o in got] == [("群众满意度", "increase")]


def test_ordinals_and_names_given_are_no_counts() -> None:
    found = sentence_outcomes("近年来，该所取得了“命案零发生”的成效，先后被命名为“全省执法示范单位”、全国第二批“枫桥式公安派出所”。")
    assert [f.metric for f in found] == ["命案"]


def test_causative_object_before_its_verb() -> None:
    found = sentence_outcomes("今年以来，调解室使30余起矛盾纠纷得到妥善化解。")
    assert [(f.metric, f.value, f.qualifier) for f in found] == [("化解矛盾纠纷", 30.0, "余")]
    assert sentence_outcomes("一场大火使5名群众生活陷入困境。") == []


def test_members_of_a_team_composed_of_people() -> None:
    found = sentence_outcomes("该所成立了由80余人组成的平安巡逻队，并培育120多名热心群众组成的护校队伍。")
    assert [(f.metric, f.value) for f in found] == [("平安巡逻队人数", 80.0), ("护校队伍人数", 120.0)]
    assert all(f.family == "mobilisation" and f.kind == "activity" for f in found)
    # 2名…、3名…组成的: a list of members, not the size of the team
    assert sentence_outcomes("组建由2名专职调解员、3名兼职调解员组成的调解队伍。") == []


def test_officers_sent_out_count_only_in_a_reported_period() -> None:
    found = sentence_outcomes("2023年以来，该所选派15名党员民警进驻村支部，联动辖区300名党员群众。")
    assert [(f.metric, f.value) for f in found] == [("选派党员民警", 15.0), ("联动党员群众", 300.0)]
    assert sentence_outcomes("所长组织6名民警、9名辅警对接辖区学校。") == []  # a standing assignment
    assert sentence_outcomes("2023年，该所抽调2名民警成立调解室。") == []  # staffing a new unit


def test_a_staff_breakdown_in_brackets_is_profile() -> None:
    assert sentence_outcomes("某派出所位于城区，拥有警力50人(民警20人、辅警18人、巡防队员12人)。") == []


def test_size_a_team_grew_to_and_bodies_that_joined() -> None:
    (f,) = sentence_outcomes("目前该协会已有150余名成员。")
    assert (f.metric, f.value, f.family) == ("成员", 150.0, "mobilisation")
    (f,) = sentence_outcomes("司法所、城管中队、市场监管所等9个职能部门共同参与。")
    assert (f.metric, f.value, f.unit) == ("参与职能部门", 9.0, "个")
    assert sentence_outcomes("该所以“平安巡防”“警民联动”两项工程为抓手。") == []


def test_an_opinion_ranking_needs_no_survey_word() -> None:
    (f,) = sentence_outcomes("2023年，辖区群众安全感满意度位居全市第一。")
    assert (f.metric, f.value, f.period) == ("群众安全感满意度排名", 1.0, "2023")
    assert sentence_outcomes("力争群众满意度位居全市第一。") == []


def test_verb_count_object_clearance_figures_and_periods_since_a_practice_began() -> None:
    from loaders.outcomes import sentence_outcomes

    got = [(f.metric, f.value, f.unit) for f in sentence_outcomes(
        "今年以来，该所共破获2起盗窃案件，刑事拘留13名犯罪嫌疑人，行政处罚18名违法人员。")]
    assert got == [("破获盗窃案件", 2.0, "起"), ("刑事拘留犯罪嫌疑人", 13.0, "名"), ("行政处罚违法人员", 18.0, "名")]
    found = sentence_outcomes("该机制运行以来，成功化解家庭邻里纠纷29起。")
    assert [(f.metric, f.period) for f in found] == [("化解家庭邻里纠纷", "该机制运行以来")]


def test_a_bare_direction_character_right_before_the_figure() -> None:
    from loaders.outcomes import sentence_outcomes

    got = [(f.metric, f.value, f.direction) for f in sentence_outcomes("今年以来，辖区发案率降30%，破案率升20%。")]
    assert got == [("发案率", 30.0, "decrease"), ("破案率", 20.0, "increase")]


def test_figures_in_quoted_speech_keep_their_values() -> None:
    got = run("“与去年同期相比，辖区发案率下降20%，报警量下降31.5%！”某派出所所长介绍。")
    assert {(o.value, o.unit, o.direction) for o in got} == {(20.0, "%", "decrease"), (31.5, "%", "decrease")}


def test_figures_in_a_quoted_name_stay_out() -> None:
    assert run("某派出所推行“1分钟响应，3分钟到场”快速处警机制。") == []


def test_a_question_reports_no_figure() -> None:
    assert run("辖区仅有民警15名。15人如何服务好6.2万人？某派出所找到了办法。") == []


def test_nothing_happened_of_a_kind_named_with_行为_or_意外() -> None:
    from loaders.pipeline import extract_text

    ext = extract_text("青石派出所践行枫桥经验。这几年，没有发生过一起交通意外，没有发生一起拎包扒窃行为。", "t.txt")
    got = {(o.metric, o.direction, o.kind) for o in ext.outcomes}
    assert ("交通意外", "zero", "result") in got and ("拎包扒窃行为", "zero", "result") in got


def test_problems_the_station_faces_divisions_and_words_like_队伍成了_are_no_outcomes() -> None:
    got = [(f.metric, f.value, f.direction) for f in sentence_outcomes(
        "每到旅游旺季，租车纠纷、消费摩擦等矛盾悄然增加。")]
    assert got == []
    assert sentence_outcomes("巡逻队伍成了夜间一道特殊的风景线，得到了群众的一致好评。") == []
    assert [f.value for f in sentence_outcomes("今年辖区发案率下降三成。")] == [30.0]
    got = [(f.metric, f.value) for f in sentence_outcomes("派出所将全镇分为3个片区，组织12名辅警共分3组开展巡逻。")]
    assert all(v != 3 for _, v in got)
    assert sentence_outcomes("以提升辖区企业安全感作为工作重点，延伸警务触角。") == []
    # a rise of what the station works on is still its result
    assert [f.direction for f in sentence_outcomes("近年来，矛盾纠纷化解数量逐年增加。")] == ["increase"]


def test_figures_of_speech_and_kinds_of_petition() -> None:
    assert sentence_outcomes("这里案件多发，出警就靠两条腿。") == []
    got = [(f.metric, f.direction) for f in sentence_outcomes("辖区未发生因矛盾纠纷激化引发的民转刑和缠访闹访。")]
    assert ("缠访闹访", "zero") in got


def test_the_size_of_a_team_written_around_its_name() -> None:
    got = [(f.metric, f.value, f.family, f.kind) for f in sentence_outcomes(
        "“石榴义警”分队由60多名队员组成，他们开展巡逻。")]
    assert got == [("石榴义警分队人数", 60.0, "mobilisation", "activity")]
    got = [(f.metric, f.value) for f in sentence_outcomes("近日，72名佩戴红袖标的“果园红志愿义警队”队员开展巡逻。")]
    assert got == [("果园红志愿义警队队员人数", 72.0)]
    got = [(f.metric, f.value) for f in sentence_outcomes("组建了一支由70多名“石榴红”志愿者参加的联防群治队伍。")]
    assert got == [("联防群治队伍人数", 70.0)]


def test_a_measured_change_of_workload_with_no_family_word() -> None:
    got = [(f.metric, f.value, f.direction, f.family) for f in sentence_outcomes(
        "主防工作在平台统一扎口后，各类通知同比减少43%，统计报表同比压缩63%，重复录入率同比下降32%。")]
    assert ("统计报表", 63.0, "decrease", "service") in got and ("重复录入率", 32.0, "decrease", "service") in got
    assert not any(f.metric.startswith("更是") for f in sentence_outcomes("盗窃案件接报数，更是同比下降超过90%。"))


def test_aims_are_no_results_but_claims_of_effect_are() -> None:
    assert sentence_outcomes("为深入推进枫桥式公安派出所建设，不断增强人民群众的幸福感、获得感、安全感，"
                             "城关派出所以“矛盾不上交”为工作目标开展排查。") == []
    assert sentence_outcomes("着力构建共建共治共享的社会治理新格局，全面提升群众的安全感、满意度。") == []
    assert [f.direction for f in sentence_outcomes("夜间对易发案区域巡逻，切实提升群众的安全感。")] == ["increase"]
    got = [(f.metric, f.direction) for f in sentence_outcomes("2022年，辖区侵财类案件发案得到有效遏制。")]
    assert got and got[0][1] == "decrease"


def test_people_caught_counted_before_the_verb() -> None:
    got = [(f.metric, f.value, f.family, f.kind) for f in sentence_outcomes("今年以来，民警成功将3名犯罪嫌疑人抓获归案。")]
    assert got == [("抓获犯罪嫌疑人", 3.0, "clearance", "result")]


def test_无疑_is_no_negation() -> None:
    assert sentence_outcomes("如果矛盾能得到快速化解的话，无疑是在很大程度上避免“民转刑”案事件的发生。") == []


def test_aims_of_zero_and_the_makeup_of_the_caseload() -> None:
    assert sentence_outcomes("派出所追求零发案、零事故。") == []
    assert [f.metric for f in sentence_outcomes("四是规范执法零投诉。")] == ["规范执法零投诉"]
    assert sentence_outcomes("月均接处警5800余起，其中纠纷类警情约占35%。") == []
    assert [f.value for f in sentence_outcomes("群众满意率达98%。")] == [98.0]


def test_money_saved_and_goods_seized_are_results() -> None:
    got = run("民警为居民止损3万元。")
    assert [(o.value, o.unit, o.kind, o.family) for o in got] == [(30000.0, "元", "result", "clearance")]
    got = run("收缴涉案财物130余件。")
    assert [(o.metric, o.value, o.unit, o.family) for o in got] == [("收缴涉案财物", 130.0, "件", "clearance")]


def test_a_conduct_record_kept_for_a_run_of_years() -> None:
    (o,) = run("青石派出所连续68年“零违纪”。")
    assert (o.metric, o.direction, o.period) == ("违纪", "zero", "连续68年")
    assert run("自1982年建所以来，始终保持着“零违纪”的铁纪。") == []  # a trait, not a reported result


def test_households_in_a_dispute_are_its_parties() -> None:
    assert sentence_outcomes("当天上午，3家人因宅基地矛盾激化报了警。") == []
    assert sentence_outcomes("为化解两家矛盾，民警多次上门。") == []
    got = [(f.metric, f.value, f.unit) for f in sentence_outcomes("今年以来，共化解矛盾纠纷35起，涉及商户12家。")]
    assert got == [("化解矛盾纠纷", 35.0, "起")]


def test_patrol_inspections_and_calls_for_help_are_counted_work() -> None:
    got = [(f.metric, f.value, f.family) for f in sentence_outcomes("今年以来，共处理村民求助80余起。")]
    assert got == [("处理村民求助", 80.0, "service")]
    got = [(f.value, f.unit, f.family) for f in sentence_outcomes("去年以来，累计开展夜间巡查150余次。")]
    assert got == [(150.0, "次", "public_order")]


def test_the_area_a_station_covers_is_profile() -> None:
    assert sentence_outcomes("该警务室管辖服务东村、西村、南村3个村。") == []
    assert sentence_outcomes("派出所治安管辖三个乡镇一个开发区，约8万人。") == []
    assert sentence_outcomes("民警们服务约1500名牧民和村民。") == []
    got = [(f.metric, f.value, f.unit) for f in sentence_outcomes("今年以来，服务群众2000余人次。")]
    assert got == [("服务群众", 2000.0, "人次")]  # work done for people is counted in 人次
    got = [(f.metric, f.value) for f in sentence_outcomes("今年以来，在管辖区域内共化解矛盾纠纷30起。")]
    assert got == [("化解矛盾纠纷", 30.0)]  # work done inside the area is a result


def test_a_direction_word_inside_a_quoted_slogan_list_reports_nothing() -> None:
    assert sentence_outcomes("该所总结出“源头预防、多元调解、跟踪回访、服务提升”四步工作法。") == []
    # a direction word outside the quote, or a quote with no list, is still a result
    got = [(f.metric, f.direction) for f in sentence_outcomes("该所推行“多元调解、跟踪回访”模式，群众满意度持续提升。")]
    assert got == [("群众满意度", "increase")]


def test_figures_of_a_one_day_story_are_its_details() -> None:
    assert sentence_outcomes("5月12日20时许，2名男子窜至某村，翻窗入室偷走王女士家中8000元钱。") == []
    assert sentence_outcomes("4月的一天上午，正在村里巡逻的民警遇到了一家老小数十人，扬言要讨说法。") == []
    # what the police achieved that day is a result; a total (共, 今年以来) is no story
    got = [(f.metric, f.value) for f in sentence_outcomes("6月3日晚，民警追回被盗电动车5辆。")]
    assert got == [("追回被盗电动车", 5.0)]
    got = [(f.value, f.unit) for f in sentence_outcomes("今年以来，共开展巡逻300余次。")]
    assert got == [(300.0, "次")]


def test_suspects_caught_with_a_modifier_or_a_gang_named_before() -> None:
    got = [(f.metric, f.value, f.kind) for f in sentence_outcomes("民警连夜蹲守，成功将3名流窜诈骗嫌疑人抓获归案。")]
    assert got == [("抓获流窜诈骗嫌疑人", 3.0, "result")]
    got = [(f.metric, f.value, f.family) for f in sentence_outcomes("该所一举打掉一个盗窃电缆团伙，5名成员全部落网。")]
    assert got == [("抓获盗窃电缆团伙成员", 5.0, "clearance")]


def test_a_per_day_routine_is_workload() -> None:
    assert sentence_outcomes("社区民警每天走访辖区商户至少5次，风雨无阻。") == []
    assert sentence_outcomes("据统计，老刘平均每天调解邻里纠纷就有4起。") == []
    got = [(f.value, f.unit) for f in sentence_outcomes("今年以来，社区民警走访辖区商户500余次。")]
    assert got == [(500.0, "次")]


def test_wechat_contacts_made_are_mobilisation() -> None:
    got = [(f.metric, f.value, f.unit, f.family) for f in sentence_outcomes("今年以来，民警累计添加居民微信3000余人。")]
    assert got == [("添加居民微信", 3000.0, "人", "mobilisation")]


def test_recent_work_reported_with_近日_keeps_its_figures() -> None:
    got = [(f.metric, f.value) for f in sentence_outcomes("近日，柳湾派出所调解矛盾纠纷15起。")]
    assert got == [("调解矛盾纠纷", 15.0)]  # 近日 dates recent work, not one day of a story


def test_较去年_and_比上年_are_comparisons_not_part_of_the_metric() -> None:
    got = [(f.metric, f.value, f.direction, f.comparison) for f in sentence_outcomes("全年接报警情数较去年减少1200余起。")]
    assert got == [("接报警情数", 1200.0, "decrease", "同比")]
    got = [(f.metric, f.comparison) for f in sentence_outcomes("辖区刑事案件比上年下降20%。")]
    assert got == [("刑事案件", "同比")]


def test_an_amount_after_a_kind_of_case_borrows_the_kind_not_the_measure() -> None:
    got = [(f.metric, f.value) for f in sentence_outcomes("电诈发案数、损失金额同比分别下降35%、42%。")]
    assert got == [("电诈发案数", 35.0), ("电诈损失金额", 42.0)]


def test_a_date_after_the_figure_does_not_make_it_a_story_detail() -> None:
    got = [(f.metric, f.value) for f in sentence_outcomes(
        "上报线索268条，警方根据线索抓获违法犯罪嫌疑人12名……7月25日，在派出所召开的宣讲会上，民警介绍了经验。")]
    assert got == [("上报线索", 268.0), ("抓获违法犯罪嫌疑人", 12.0)]


def test_a_headline_zero_record_is_dropped_only_when_the_body_restates_its_subject() -> None:
    text = "重大安全事故和命案连续多年“零发生”\n\n2021年，护村队配合派出所开展巡逻，实现交通事故“零发生”。"
    got = {(o.metric, o.direction) for o in run(text)}
    assert got == {("重大安全事故", "zero"), ("命案", "zero"), ("交通事故", "zero")}  # no value: not one record
    text = "命案“零发生”\n\n2021年，该村实现命案“零发生”。"
    assert [(o.metric, o.period) for o in run(text)] == [("命案", "2021")]


def test_members_counted_after_the_word_for_them_are_the_team_size() -> None:
    got = [(f.metric, f.value, f.family) for f in sentence_outcomes("巡防队目前共有队员25名，队长由社区民警担任。")]
    assert got == [("巡防队队员", 25.0, "mobilisation")]
    got = [(f.metric, f.value) for f in sentence_outcomes("“某某护卫队”目前编内人员共90名，骨干成员30名。")]
    assert got == [("某某护卫队编内人员", 90.0), ("某某护卫队骨干成员", 30.0)]
    assert sentence_outcomes("该所现有民警12名，辅警20名。") == []  # the station's own staff is profile


def test_people_enrolled_in_a_quoted_team_are_its_members() -> None:
    text = "该所动员商户、快递员等加入“某某平安护卫队”，现已注册人员260名。"
    got = [(f.metric, f.value, f.family) for f in sentence_outcomes(text)]
    assert got == [("某某平安护卫队注册人员", 260.0, "mobilisation")]
    assert sentence_outcomes("该所现有在编人员12名，辅警20名。") == []  # no team: the station's own staff


def test_calls_someone_made_to_the_police_are_no_result() -> None:
    assert sentence_outcomes("两家人为宅基地争了三年，报警达20余次，始终谈不拢。") == []
    assert sentence_outcomes("周边居民投诉噪音扰民，一年报警80余次。") == []
    got = [(f.metric, f.value, f.direction) for f in sentence_outcomes("今年以来，辖区群众报警量同比下降15%。")]
    assert got == [("群众报警量", 15.0, "decrease")]


def test_a_worded_count_opening_its_clause_names_who_acts() -> None:
    assert sentence_outcomes("说完，两个村民走进了调解室。") == []
    assert sentence_outcomes("两支巡逻队交替巡查，辖区秩序井然。") == []
    assert sentence_outcomes("几轮调解之后，二人矛盾终于得到化解。") == []
    got = [(f.metric, f.value) for f in sentence_outcomes("今年以来，抓获嫌疑人三名。")]
    assert got == [("抓获嫌疑人", 3.0)]


def test_professionals_staffing_a_mechanism_are_not_mobilisation() -> None:
    assert sentence_outcomes("调解室有8名人民调解员、3名法律顾问驻所轮流值班。") == []
    assert sentence_outcomes("分局聘请了15名专职人民调解员分配到各派出所。") == []
    got = [(f.metric[:5], f.value) for f in sentence_outcomes("该所组织60名律师志愿者参与调解。")]
    assert got == [("律师志愿者", 60.0)]  # volunteers drawn in are still mobilisation


def test_a_share_of_the_caseload_is_no_result() -> None:
    assert sentence_outcomes("而在这当中，邻里纠纷占比达75%。") == []
    assert sentence_outcomes("该镇在案事件占比全县55%的集镇设立调解室。") == []
    got = [(f.metric, f.value, f.direction) for f in sentence_outcomes("纠纷类警情占比同比下降12%。")]
    assert got == [("纠纷类警情占比", 12.0, "decrease")]


def test_a_period_from_the_start_of_a_year_is_kept_whole() -> None:
    [o] = [o for o in run("2015年初至今，该所辖区刑事案件下降30%。") if o.value == 30]
    assert o.period == "2015年初至今"


def test_a_rise_to_a_figure_and_a_rise_by_times() -> None:
    got = {(o.metric, o.value, o.unit, o.direction) for o in run(
        "甲派出所线索收集数同比上升3倍，纠纷就地化解率升至 9 5 %，参与率升到90%。")}
    assert got == {("线索收集数", 3.0, "倍", "increase"), ("纠纷就地化解率", 95.0, "%", "increase"),
                   ("参与率", 90.0, "%", "increase")}
    # 倍 with no rise before it is a comparison, not a figure
    assert [o.value for o in run("甲派出所辖区面积是邻所的3倍。")] == []


def test_a_quarter_of_this_or_last_year_is_the_period() -> None:
    got = [(o.metric, o.period) for o in run("今年第一季度，辖区治安警情同比下降20%。去年三季度电诈发案下降10%。")]
    assert got == [("治安警情", "今年第一季度"), ("电诈发案", "去年三季度")]


def test_a_verb_phrase_after_a_clause_of_aiming_goes_on_with_the_aim() -> None:
    assert run("今年以来，力争全面消除各类安全隐患，有效降低发案。") == []
    # a clause with its own subject after the aim reports a result
    assert [(o.metric, o.direction) for o in run("今年以来，全力确保一方平安，辖区发案持续下降。")] == [("发案", "decrease")]


def test_a_rate_at_a_figure_is_the_rate() -> None:
    got = [(o.metric, o.value, o.qualifier) for o in run("自工作室运行以来，调解成功率在95%以上。")]
    assert got == [("调解成功率", 95.0, "以上")]


def test_a_run_of_years_with_多_is_the_period() -> None:
    got = [(o.metric, o.period) for o in run("2018年以来，该所坚持党建引领。一年多来，辖区内矛盾纠纷化解率高达92%。")]
    assert got == [("矛盾纠纷化解率", "一年多来")]


def test_a_quoted_noun_after_a_count_is_what_it_counts() -> None:
    got = [(o.metric, o.value, o.unit, o.kind) for o in run("甲派出所线下组建9支“红袖标巡逻队”，形成全域联动格局。")]
    assert got == [("红袖标巡逻队", 9.0, "支", "activity")]


def test_a_stations_yearly_call_volume_is_workload_not_a_result() -> None:
    assert run("甲派出所治安辖区覆盖16个社区，年接警量3000余起，其中纠纷类警情占半数以上。") == []


def test_a_count_of_steps_is_no_outcome() -> None:
    assert run("甲派出所紧抓早介入、早预防、早化解三个步骤，最大限度地将矛盾化解在萌芽状态。") == []


def test_a_staff_list_written_clause_by_clause_is_profile() -> None:
    assert run("甲派出所现有民警10人，辅警13人，警务助理34人。") == []
    got = [(o.metric, o.value) for o in run("甲派出所现有民警10人，今年以来化解纠纷34起。")]
    assert got == [("化解纠纷", 34.0)]


def test_people_problems_solved_and_all_along_as_a_period() -> None:
    got = [(o.value, o.unit, o.family) for o in run("甲派出所已推动解决路灯维修等民生问题20余件。")]
    assert got == [(20.0, "件", "service")]
    assert [o.period for o in run("一直以来，辖区未发生民转刑案件。")] == ["一直以来"]


def test_a_rate_kept_in_a_row_is_a_level() -> None:
    assert [key(o) for o in run("今年以来，矛盾纠纷化解率连续保持100%。")] == [("矛盾纠纷化解率", 100.0, "%", "level")]


def test_verb_phrases_after_a_goal_frame_go_on_with_the_goal() -> None:
    text = "某某派出所以“矛盾不上交、平安不出事”为目标，全力打造“枫桥式派出所”，不断提升基层治理能力，切实增强群众的获得感、安全感。"
    assert run(text) == []
    # a figure after the goal is a result
    got = [(o.metric, o.direction) for o in run("某某派出所以“矛盾不上交”为目标，今年以来辖区发案数下降20%，群众安全感不断增强。")]
    assert got == [("发案数", "decrease"), ("群众安全感", "increase")]


def test_kinds_counted_before_a_metric_are_part_of_it() -> None:
    got = [(o.metric, o.value, o.unit, o.direction) for o in run("其中四类侵财刑事发案同比去年下降12.60%。")]
    assert got == [("四类侵财刑事发案", 12.6, "%", "decrease")]


def test_this_years_month_range_and_jin_nian_lai_are_periods() -> None:
    got = [(o.metric, o.period) for o in run("今年1—9月宝盖辖区刑事立案数同比去年下降16.80%。")]
    assert got == [("宝盖辖区刑事立案数", "今年1—9月")]
    assert [o.period for o in run("今年来，该所调解矛盾纠纷57起。")] == ["今年来"]
    assert [o.period for o in run("今年上半年来，刑事案件立案同比下降38.97%。")] == ["今年上半年"]


def test_duo_da_is_no_part_of_the_metric_and_a_bare_quarter_is_a_period() -> None:
    got = [(o.metric, o.value, o.unit) for o in run("2021年以来收到群众褒奖的锦旗多达50多面。")]
    assert got == [("锦旗", 50.0, "面")]
    assert [(o.metric, o.period) for o in run("第一季度，辖区发案下降20%。")] == [("发案", "第一季度")]


def test_a_month_of_last_year_onwards_and_recent_months_are_periods() -> None:
    got = [(o.metric, o.period) for o in run("去年3月以来，辖区报警量同比下降35%。")]
    assert got == [("报警量", "去年3月以来")]
    assert [o.period for o in run("近3个月，辖区矛盾纠纷发案同比下降20%。")] == ["近3个月"]


def test_a_rate_from_one_figure_to_another_with_you_is_the_second() -> None:
    got = [(o.metric, o.value, o.direction) for o in run("机制运行以来，全市矛盾纠纷化解率由63%上升至98.5%。")]
    assert got == [("矛盾纠纷化解率", 98.5, "increase")]


def test_figures_of_one_story_told_with_hidden_names_are_no_results() -> None:
    assert run("调解委员会提议将这只鸡以100元卖给调解员，通过调解员分给郭某会和黄某俩人各50元。") == []
    # a total with a hidden name is still a result
    assert [o.metric for o in run("今年以来，张某等3人被抓获，追回损失5万元。")] == ["追回损失"]


def test_a_standard_for_each_team_or_village_is_no_result() -> None:
    assert run("每支巡防队都由派出所民警及2-3名乡镇综治干部组成。") == []
    assert run("全镇11个村，每个村都组建了5人以上的巡逻队。") == []
    assert [o.value for o in run("今年以来，该所化解纠纷30起。")] == [30.0]


def test_geng_shi_is_no_metric_and_a_named_class_after_deng_is_measured() -> None:
    got = [(o.metric, o.value) for o in run("盗窃三车类案件接报数，更是同比下降超过90%。")]
    assert got == [("盗窃三车类案件接报数", 90.0)]
    got = [o.metric for o in run("今年以来，辖区警情同比下降20%，其中盗窃、诈骗等侵财类案件降幅尤为明显。")]
    assert got == ["警情", "侵财类案件"]
    # the examples stay items where no class is named after 等
    assert [o.metric for o in run("盗窃、诈骗等案件分别下降10%、20%。")] == ["盗窃", "诈骗"]


def test_police_visibility_and_intervention_rates_that_rose_are_results() -> None:
    got = run("青石派出所实行快处警务以来，见警率、管事率显著提升。")
    assert [(o.metric, o.direction, o.family) for o in got] == [
        ("见警率", "increase", "public_order"), ("管事率", "increase", "public_order")]
    assert run("青石派出所要求确保见警率提升。") == []  # a requirement, not a result


def test_joint_enforcement_meetings_and_reported_problems_are_counted_work() -> None:
    got = run("自运行以来，青石派出所召开协作会议4次，开展联合执法20次。")
    assert [(o.metric, o.value, o.unit, o.kind) for o in got] == [
        ("召开协作会议", 4.0, "次", "activity"), ("联合执法", 20.0, "次", "activity")]
    got = run("今年以来，青石派出所共接收群众反映问题129个。")
    assert [(o.value, o.unit, o.family) for o in got] == [(129.0, "个", "service")]


def test_campaign_names_picture_numbers_and_honour_counts_are_no_results() -> None:
    assert run("所长说：“在‘零上访、零事故、零案件’社区创建活动中，我们成立了巡逻队。”") == []
    assert run("警民“和事佬”委员会调解百姓心中“千千结”_fororder_图片1") == []
    assert run("全市被命名国家级“枫桥式公安派出所”2个、省级“枫桥式公安派出所”7个。") == []
    assert [o.metric for o in run("青石派出所辖区连续三年实现“零发案”。")] == ["零发案"]


def test_the_size_of_a_named_team_the_bureau_formed_is_counted() -> None:
    got = run("青石公安分局组建了1500人规模的“青石义警”队伍。")
    assert [(o.metric, o.value, o.unit, o.family) for o in got] == [("青石义警队伍人数", 1500.0, "人", "mobilisation")]
    assert run("青石派出所组织50名民警开展“净网”行动。") == []  # the station's own officers


def test_equipment_handed_out_and_a_victims_loss_are_no_results_and_fillers_go() -> None:
    assert run("青石派出所为守望岗配备了巡逻袖标200个、志愿者旗帜100面、扩音喇叭100个。") == []
    assert run("一家公司工作人员遭遇刷单类电诈40000元。") == []
    got = run("2018年，商圈扒窃案件就同比下降了47.5%。")
    assert [(o.metric, o.value, o.direction) for o in got] == [("商圈扒窃案件", 47.5, "decrease")]


def test_warnings_issued_are_counted_work_and_a_demonstrative_subject_goes() -> None:
    """这些“科技防线”已预警185次: warnings given (hazards), the subject is no part of the metric;
    去年至今 is one period; 救了8个人 counts people."""
    got = run("去年至今，这些“科技防线”已预警185次，还成功救了8个人。")
    assert [(o.metric, o.value, o.unit, o.kind, o.period) for o in got] == [
        ("预警", 185.0, "次", "activity", "去年至今"),
        ("成功救", 8.0, "人", "activity", "去年至今"),
    ]
    assert got[0].family == "hazards"


def test_a_rate_raised_before_other_predicates_a_short_year_on_year_fall_and_a_dash() -> None:
    """提高了见警率、加强了…: the list after the rate is new predicates; 比降 is a fall
    (比上年下降); a dash ends the phrase the direction word governs."""
    got = run("派出所提高了见警率、加强了防范意识、优化了交通管理。")
    assert [(o.metric, o.direction) for o in got] == [("见警率", "increase")]
    got = run("今年1-5月份，共立刑事案件4起，比降42.9%。")
    assert [(o.value, o.unit, o.direction) for o in got] == [(4.0, "起", None), (42.9, "%", "decrease")]
    got = run("有效提升了人民群众的获得感、幸福感和安全感——\n青石警方开展治安巡逻联动。")
    assert [o.metric for o in got] == ["获得感", "幸福感", "安全感"]


def test_now_is_a_period_and_aspect_particle_leaves_the_metric() -> None:
    outs = run("现在某某派出所通过线下走访征集辖区治安积极分子1300余人，建立了线上微信工作群1362个。")
    got = {o.value: (o.metric, o.period) for o in outs}
    assert got[1362] == ("建立线上微信工作群", "现在")
    assert got[1300][1] == "现在"


def test_verbs_that_contain_xianzai_are_no_period() -> None:
    outs = run("这主要表现在辖区治安案件下降了30%。")
    assert all(o.period is None for o in outs)


def test_breaking_a_figure_is_not_part_of_the_metric() -> None:
    [o] = run("仅仅一年多，该所公众微信号的关注粉丝就突破了5000人。")
    assert o.metric.endswith("关注粉丝") and o.value == 5000


@pytest.mark.parametrize("text,metric,value", [
    ("派出所在3个行政村物色了5名治安协管员。", "物色治安协管员", 5),
    ("今年以来，该所在辖区布建视频监控400路。", "布建视频监控", 400),
])
def test_recruiting_and_installing_verbs_count_work_done(text: str, metric: str, value: int) -> None:
    [o] = run(text)
    assert (o.metric, o.value, o.kind) == (metric, value, "activity")


def test_lost_property_returned_is_a_service_result() -> None:
    outs = run("2019年来我所寻回并通过快递等方式归还游客遗失手机20余部、各类证件100余张。")
    assert [(o.value, o.unit, o.family, o.kind) for o in outs] == [(20, "部", "service", "result"),
                                                                 (100, "张", "service", "result")]
    assert outs[0].metric == "归还游客遗失手机"


def test_fires_handled_and_a_summer_period() -> None:
    outs = run("入夏以来，无人机巡航已高效识别并协助处置违规野外用火3起、烟头隐患点2处。")
    assert [(o.metric, o.value, o.period, o.family) for o in outs] == [
        ("处置违规野外用火", 3, "入夏以来", "hazards"), ("烟头隐患点", 2, "入夏以来", "hazards")]


def test_suspects_described_before_their_count_are_caught() -> None:
    [o] = run("江南派出所迅速安排警力侦办，将散发涉黄小卡片的4名嫌疑人抓获。")
    assert (o.metric, o.value, o.kind, o.family) == ("抓获嫌疑人", 4, "result", "clearance")


def test_the_kinds_a_division_makes_are_no_outcome() -> None:
    assert run("配置力量将辖区网格划分为强物业居民小区、弱物业居民小区、无物业居民小区和完全开放式街区4类。") == []


def test_campaigns_and_clean_ups_held_are_counted_work() -> None:
    got = run("2023年以来，各海岸派出所开展“海岸卫士·净滩行动”17次、城市卫生整治32次，清运垃圾超7吨。")
    assert [(o.metric, o.value, o.unit, o.kind) for o in got] == [
        ("海岸卫士·净滩行动", 17, "次", "activity"), ("城市卫生整治", 32, "次", "activity"),
        ("清运垃圾", 7, "吨", "activity")]
    assert {o.period for o in got} == {"2023年以来"}


def test_the_object_of_work_written_before_it_is_counted() -> None:
    [o] = run("为了更好地管理辖区商户，海港分局组织派出所对辖区224家商户进行逐一走访。")
    assert (o.metric, o.value, o.unit, o.kind) == ("走访商户", 224, "家", "activity")
    [o] = run("派出所对30家企业进行安全检查。")
    assert (o.metric, o.value, o.unit) == ("安全检查企业", 30, "家")
    assert run("派出所对3名嫌疑人进行审查。") == []


def test_a_list_of_zero_records_gives_one_record_per_subject() -> None:
    got = run("项目从建厂到现在实现了严重暴力案件零发案、重特大治安案件零发案，电信诈骗警情和案件连续100天零发生。")
    assert [o.metric for o in got] == ["严重暴力案件零发案", "重特大治安案件零发案", "电信诈骗警情", "案件"]
    assert {o.direction for o in got} == {"zero"}


def test_yiji_between_counted_people_ends_the_first_noun() -> None:
    got = run("协助当地民警实现这些信息采集的是村里在农村警务改革后当地新增的5名公安工作协管员、24名户长以及70多名信息员。")
    assert "户长以" not in [o.metric for o in got]
    assert ("户长", 24) in [(o.metric, o.value) for o in got]


def test_police_posts_built_are_counted_work() -> None:
    got = run("截至目前，全省已建成标准化警务室8053个、警务工作站4.3万个。")
    assert [(o.value, o.unit, o.kind) for o in got] == [(8053, "个", "activity"), (43000, "个", "activity")]
    assert run("派出所下设3个警务室。") == [] and run("全所共有警务室5个。") == []
    [o] = run("随着改革推进，社区警务室一下增加到了45个。")
    assert o.metric == "社区警务室" and o.direction == "increase"


def test_the_units_a_division_makes_are_no_outcome() -> None:
    assert run("社区民警沉入一线，科学划分网格75个，构建群防群治体系。") == []
