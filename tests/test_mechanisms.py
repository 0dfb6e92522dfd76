"""The mechanism extractor: synthetic sentences per rule and exclusion, plus seed checks.

The synthetic sentences are written for these tests (invented stations and
practices); the seed checks name seed content, which tests may do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.model import Article, Extraction, Station
from loaders.normalize import normalize_name
from loaders.pipeline import extract_file, extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _mechs(text: str) -> dict[str, object]:
    ext = extract_text(text, "synthetic.txt")
    return {normalize_name(m.name): m for m in ext.mechanisms}


def _has(names: dict[str, object], want: str) -> bool:
    """EXTRACTION.md matching: one normalized name contains the other."""
    w = normalize_name(want)
    return any(w in n or n in w for n in names)


def _get(names: dict[str, object], want: str):
    w = normalize_name(want)
    return next(m for n, m in names.items() if w in n or n in w)


# ------------------------------------------------------------------ names


def test_quoted_core_followed_by_head_word() -> None:
    m = _mechs("近年来，青石派出所创新推出“四邻守望”警务模式，有效提升了治安防控水平。")
    assert _has(m, "四邻守望")
    mech = _get(m, "四邻守望")
    assert mech.head == "警务模式"
    assert mech.scope == "internal"


def test_quoted_name_ending_in_head_word() -> None:
    m = _mechs("该所成立“松风调解室”，聘请退休教师驻所调解矛盾纠纷。")
    assert _has(m, "松风调解室")
    assert _get(m, "松风调解室").category == "mediation"


def test_formula_name_with_head() -> None:
    m = _mechs("派出所推行“1+2+N”巡防机制，每天组织巡逻。")
    assert _has(m, "1+2+N")


def test_unquoted_named_practice_with_mark() -> None:
    m = _mechs("派出所建立网格式巡查机制，民警每天进网格。派出所探索4321工作法，取得明显成效。")
    assert _has(m, "网格式巡查机制")
    assert _has(m, "4321工作法")


def test_unquoted_generic_head_phrase_without_mark_is_not_a_name() -> None:
    m = _mechs("民警们认为这种机制很好，也愿意按照这个模式继续工作。")
    assert m == {}


def test_quoted_list_before_counted_name_gives_components() -> None:
    m = _mechs("派出所构建“早发现、早介入、早化解”三早工作法，矛盾纠纷明显减少。")
    mech = _get(m, "三早")
    assert mech.components == ["早发现", "早介入", "早化解"]
    assert mech.expected_count == 3 and mech.count_agrees is True


def test_count_disagreement_is_kept_and_reported() -> None:
    ext = extract_text("派出所深化“民警+网格员+志愿者”四方联动，共同化解纠纷。", "synthetic.txt")
    mech = next(m for m in ext.mechanisms if "四方" in m.name)
    assert mech.expected_count == 4 and mech.count_agrees is False
    assert any("四方" in w for w in ext.warnings)


def test_enumeration_after_ji_gives_components() -> None:
    m = _mechs("派出所推行“双岗联勤”机制，即白天社区岗、夜间巡逻岗。")
    assert _get(m, "双岗联勤").components == ["白天社区岗", "夜间巡逻岗"]


def test_heading_names_counted_mechanism_with_lead_phrases() -> None:
    text = (
        "青石派出所坚持服务为先。\n"
        "“三进警务”拉近警民距离\n"
        "进村入户问需求。民警每周走访群众，收集意见建议十余条。\n"
        "进企上门送服务。民警主动上门为企业员工办理业务。\n"
        "进校护学保平安。民警在上下学高峰时段护送学生。\n"
    )
    mech = _get(_mechs(text), "三进警务")
    assert mech.components == ["进村入户问需求", "进企上门送服务", "进校护学保平安"]
    assert mech.count_agrees is True


def test_same_core_under_two_heads_is_one_mechanism_with_alias() -> None:
    text = "派出所推出“暖阳”工作法。依托“暖阳”调解队，化解纠纷三十余起。"
    mechs = [m for m in extract_text(text, "s.txt").mechanisms if "暖阳" in m.name]
    assert len(mechs) == 1


def test_chinese_and_arabic_digits_name_one_mechanism() -> None:
    text = "派出所建立“三二一”工作机制。群众求助时，派出所立即启动321纠纷化解机制。"
    mechs = [m for m in extract_text(text, "s.txt").mechanisms if "321" in normalize_name(m.name) or "三二一" in m.name]
    assert len(mechs) == 1 and mechs[0].aliases


def test_external_programme_has_external_scope() -> None:
    m = _mechs("派出所把新装探头接入雪亮工程，监控覆盖率大幅提高。")
    assert _get(m, "雪亮工程").scope == "external"


# ------------------------------------------------------------------ round 2: head words and contexts


def test_long_modifier_between_quote_and_head() -> None:
    m = _mechs("青石派出所推行“晨曦”矛盾纠纷联动化解工作法，成效明显。")
    assert _has(m, "晨曦") and _get(m, "晨曦").head == "工作法"


def test_head_followed_by_verb_still_ends_the_name() -> None:
    m = _mechs("派出所采取“四心”工作法创新基层治理模式。")
    assert _has(m, "四心工作法")
    assert not _has(m, "基层治理模式")  # generic words only: no name


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ("该所创新“松涛联调室”，由民警和调解员坐班。", "松涛联调室", "mediation"),
        ("派出所研究出“三步研调法”，化解邻里纠纷。", "三步研调法", "mediation"),
        ("派出所开设“平安课堂”，每月一次。", "平安课堂", None),
        ("派出所设立“警嫂之家”，关心民警家属。", "警嫂之家", None),
        ("派出所建立滚动式“重点人员走访清单”，逐户落实。", "重点人员走访清单", None),
    ],
)
def test_named_object_heads_in_quotes(text: str, name: str, category: str | None) -> None:
    m = _mechs(text)
    assert _has(m, name)
    if category:
        assert _get(m, name).category == category


def test_the_party_branch_meeting_system_is_party_building() -> None:
    m = _mechs("青石派出所民辅警们通过实地走访的方式，广泛收取各类隐患线索，严格落实“三会一课”制度。")
    assert _get(m, "三会一课").category == "party_building"


def test_unquoted_object_names_in_a_list() -> None:
    m = _mechs("该所依托多元调解、防骗联盟、柳湾义警深耕基层基础。")
    assert _has(m, "防骗联盟") and _has(m, "柳湾义警")
    m = _mechs("民警把乡音警务站建到外省务工人员聚居地。")
    assert _has(m, "乡音警务站")


def test_kind_of_post_is_not_a_name() -> None:
    assert _mechs("派出所在社区警务站办公，民警每天值守。") == {}
    assert _mechs("派出所组建一支专业调解队伍开展工作。") == {}


def test_quoted_names_sharing_one_head() -> None:
    m = _mechs("派出所推出“一网通”、“两员会”、“三方议”等机制，效果明显。")
    assert all(_has(m, x) for x in ("一网通", "两员会", "三方议"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("派出所打造“五共治”，即共建、共治、共享、共商、共管。", "五共治"),
        ("派出所创新“两站”建设，群众办事更方便。", "两站"),
        ("派出所借助公安部“邻里通”拓展应用，服务群众。", "邻里通"),
        ("派出所实行“1551”工作机制，运转顺畅。", "1551"),
    ],
)
def test_quoted_practice_without_head_word_by_context(text: str, name: str) -> None:
    assert _has(_mechs(text), name)


def test_components_in_parentheses_and_ordinal_points() -> None:
    m = _mechs("派出所深化“三方联动”机制(民警、法官、律师)，联合网格员组建调解网络。")
    assert _get(m, "三方联动").components == ["民警", "法官", "律师"]
    m = _mechs("派出所推行“双向联勤”工作法。一是建立联勤队伍，每天巡逻；二是完善联勤制度，定期例会。")
    assert _get(m, "双向联勤").components == ["建立联勤队伍", "完善联勤制度"]


def test_counted_set_of_mechanisms_with_listed_parts() -> None:
    m = _mechs("派出所搭起源头排查、联合调处、跟踪回访“三个体系”。")
    assert _get(m, "三个体系").components == ["源头排查", "联合调处", "跟踪回访"]
    text = "“两项机制”强基础\n青石派出所建立了夜市警情通报机制和渡口隐患联查机制，每周通报。\n"
    m = _mechs(text)
    assert _get(m, "两项机制").components == ["夜市警情通报机制", "渡口隐患联查机制"]
    assert _has(m, "渡口隐患联查机制")  # named by the same cue verb after 和
    assert not _has(_mechs("派出所做到“四个坚持”，守护一方平安。"), "四个坚持")


def test_scope_read_over_the_clause_and_higher_level_subject() -> None:
    m = _mechs("派出所建立融合村委、商户为一体的夜间值守机制和“逢五研判机制”，定期会商。")
    assert _get(m, "逢五研判").scope == "internal"
    m = _mechs("青川县公安局以老街为试点，探索“山水+乡约”警务模式。")
    assert _get(m, "山水+乡约").scope == "external"


@pytest.mark.parametrize(
    "text",
    [
        "派出所建立矛盾纠纷排查化解机制，定期排查。",  # generic words only
        "派出所创新分类化解新机制。",  # 新机制: a description, not a name
        "派出所实行“社区民警+网格员”，每天走访。",  # staffing formula
        "茶室成为邻里之间的“稳压器”、百姓身边的“贴心窗”。",  # figures of speech
        "老所长就是打开心结的“万能密码”。",  # figure of speech
        "该所坚持“一室带动两队”，统筹工作。",  # a principle
        "该所管辖“三乡两镇”的治安。",  # a count of places
        "该村是市级“万村工程”示范村。",  # a programme as a label
        "全省冬季治安整治“百日行动”开展以来，辖区平稳。",  # a time frame
        "派出所以“渡口平安”为中心开展工作。",  # 以…为中心
        "辖区呈现“四杂”特点，人员流动大。",  # a feature count
    ],
)
def test_round2_not_a_mechanism(text: str) -> None:
    assert _mechs(text) == {}


# ------------------------------------------------------------------ exclusions


@pytest.mark.parametrize(
    "text",
    [
        "派出所对标“基础牢、出事少、治安好”的要求开展工作。",  # slogan list
        "派出所坚持“警力有限、民力无穷”理念。",  # principle
        "派出所力争实现“零发案”目标。",  # goal
        "该镇素有“江南小城”之称。",  # nickname
        "该所2023年被评为“全省优秀派出所”。",  # honour
        "“我们一定常态坚持下去，谢谢你们。”村民说。",  # quoted speech
        "派出所坚持和发展新时代“枫桥经验”。",  # doctrine
        "派出所以“三大举措”推动工作落实。",  # counted framing
    ],
)
def test_not_a_mechanism(text: str) -> None:
    assert _mechs(text) == {}


def test_honour_won_by_mechanism_goes_on_it() -> None:
    m = _mechs("派出所打造的“清风”调解工作室，2024年被评为“十佳调解品牌”。")
    mech = _get(m, "清风")
    assert [h.title for h in mech.honors] == ["十佳调解品牌"]
    assert mech.honors[0].year == 2024


def test_station_is_named_station_or_subject() -> None:
    from loaders.document import CleanDoc, Sentence, SourceDoc
    from loaders.mechanisms import extract_mechanisms

    text = "青石派出所推行“双岗联勤”机制。邻近的白沙派出所推出“夜巡”工作法。"
    src = SourceDoc(path="s.txt", text=text, encoding="utf-8")
    clean = CleanDoc(source=src, text=text, simp=text, offsets=list(range(len(text))))
    clean.sentences = [Sentence(0, 18, 0), Sentence(18, len(text), 0)]
    ext = Extraction(article=Article(file="s.txt"))
    ext.stations = [Station("青石派出所", role="subject"), Station("白沙派出所", role="mentioned")]
    extract_mechanisms(clean, ext)
    by = {m.name[:4]: m.station for m in ext.mechanisms}
    assert by["双岗联勤"] == "青石派出所"
    assert by["夜巡工作"] == "白沙派出所"  # a 2-character core keeps its head: 夜巡工作法


def test_evidence_is_a_source_slice() -> None:
    text = "標題\n青石派出所創新推出“四鄰守望”警務模式，成效明顯。\n"
    ext = extract_text(text, "t.txt")
    assert ext.mechanisms
    for m in ext.mechanisms:
        assert m.evidence is not None
        assert text[m.evidence.start:m.evidence.end] == m.evidence.text
        assert m.name == "四邻守望"  # simplified label


# ------------------------------------------------------------------ seeds


@pytest.fixture(scope="module")
def seeds() -> dict[str, Extraction]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    return {p.name[:3]: extract_file(p) for p in paths}


def test_seed_000_counted_mechanism_components_agree(seeds: dict[str, Extraction]) -> None:
    m = {normalize_name(x.name): x for x in seeds["000"].mechanisms}
    three = _get(m, "三近警务")
    assert three.expected_count == 3 and three.count_agrees is True
    assert three.components[0] == "就近处警护平安"
    # a count of mechanisms whose parts are listed is recorded with them (the seed gold has it)
    assert _get(m, "三项机制").components == ["勤务", "办案", "考核"]
    assert _has(m, "蛛网式勤务机制") and _has(m, "清单式管理考核机制")
    assert not _has(m, "五降三升") and not _has(m, "零盲区")
    assert _get(m, "雪亮工程").scope == "external"


def test_seed_001_lists_and_counts(seeds: dict[str, Extraction]) -> None:
    m = {normalize_name(x.name): x for x in seeds["001"].mechanisms}
    assert _get(m, "四活").components == ["盘活", "激活", "灵活", "用活"]
    assert _get(m, "五方联动").count_agrees is True
    assert _get(m, "六步化解法").expected_count == 6
    assert not _has(m, "一警多能") and not _has(m, "派出所主防")


def test_seed_002_traditional_script_simplified_name(seeds: dict[str, Extraction]) -> None:
    m = {normalize_name(x.name): x for x in seeds["002"].mechanisms}
    assert "两队一室" in m
    assert _get(m, "四源共治").count_agrees is True
    assert not _has(m, "酉水明珠")


def test_seed_004_digit_groups(seeds: dict[str, Extraction]) -> None:
    m = {normalize_name(x.name): x for x in seeds["004"].mechanisms}
    z = _get(m, "321智侦工作法")
    assert z.expected_count == 6 and z.count_agrees is True
    assert not _has(m, "枫桥式公安派出所")


def test_seed_evidence_slices(seeds: dict[str, Extraction]) -> None:
    for stem, ext in seeds.items():
        text = next(SEEDS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")
        for m in ext.mechanisms:
            assert text[m.evidence.start:m.evidence.end] == m.evidence.text, (stem, m.name)


# ------------------------------------------------------------------ round 3: general rules from a fresh set


def test_place_count_after_weiyu_is_not_a_mechanism() -> None:
    m = _mechs("记者来到位于“两国三江”交汇处的青石派出所。该所创新推出“四邻守望”警务模式。")
    assert not _has(m, "两国三江")
    assert _has(m, "四邻守望")


def test_goal_pledge_and_allusion_over_a_modifier_are_not_mechanisms() -> None:
    m = _mechs("青石派出所打造“共商共管共享”的社会治理格局，严格落实“只办一次”服务承诺，"
               "民警借用“六尺巷”的典故化解纠纷。")
    assert not m


def test_quoted_list_before_a_head_word_is_one_named_practice() -> None:
    m = _mechs("青石派出所构建“一键受理、三级联办、多方会商”的多元调解机制，纠纷快速化解。")
    mech = _get(m, "一键受理、三级联办、多方会商")
    assert mech.components == ["一键受理", "三级联办", "多方会商"]
    assert mech.category == "mediation"


def test_time_standard_named_as_a_mechanism() -> None:
    m = _mechs("青石派出所依托“1、3、5分钟”快速反应机制，组织警力开展巡逻。")
    mech = _get(m, "1、3、5分钟")
    assert mech.components == []
    assert mech.category == "patrol_prevention"


def test_counted_parts_quote_before_a_number_code() -> None:
    m = _mechs("青石派出所推行“一岗两队三平台”的“123”警务机制，治安持续稳定。")
    assert not _has(m, "一岗两队三平台") or len(m) == 1
    mech = _get(m, "123")
    assert mech.components == ["一岗", "两队", "三平台"]
    assert mech.expected_count == 6 and mech.count_agrees is False


def test_room_of_a_kind_is_not_a_named_room() -> None:
    m = _mechs("青石派出所在警务室、执勤点设立多层级调解室，就近化解纠纷。")
    assert not _has(m, "多层级调解室")


def test_object_name_ends_before_a_service_place_word() -> None:
    m = _mechs("青石派出所在警务室设立青柳共建联盟服务阵地，为学生提供服务。")
    assert _has(m, "青柳共建联盟")


def test_counted_name_cited_inside_quoted_speech() -> None:
    m = _mechs("“‘一街一警’让民警熟悉片区，也便于开展工作。”青石派出所所长说。")
    assert _has(m, "一街一警")


def test_counted_activity_with_some_parts_listed_before_deng() -> None:
    m = _mechs("青石派出所连续五年开展学绿色知识、走绿色步道、讲绿色故事等“七绿”主题教育活动。")
    mech = _get(m, "七绿")
    assert mech.components == ["学绿色知识", "走绿色步道", "讲绿色故事"]
    assert mech.expected_count == 7 and mech.count_agrees is False


def test_counted_programme_in_a_frame_is_kept() -> None:
    m = _mechs("今年以来，青石派出所以分局“六大专项行动”为载体，深入推行网格巡查。")
    assert _get(m, "六大专项行动").expected_count == 6


def test_quoted_place_name_after_create_cue() -> None:
    m = _mechs("青石派出所打造“和谐调解室”，设立“议事台”，纠纷快速化解。")
    assert _has(m, "议事台")


def test_heading_quote_is_alias_of_body_practice_with_same_head() -> None:
    text = ("青石派出所推进基层治理\n\n近年来，青石派出所多措并举。\n\n"
            "打造“警邻共建”服务站点\n\n"
            "青石派出所在流动人口多的区域打造集调解、宣传于一体的“红枫驿家”服务站点，方便群众办事。\n\n"
            "加强队伍建设\n\n青石派出所开展练兵活动。\n")
    m = _mechs(text)
    mech = _get(m, "红枫驿家")
    assert "警邻共建" in mech.aliases
    assert not any(n == "警邻共建" for n in m)


def test_head_phrase_steers_category_to_organisational_reform() -> None:
    m = _mechs("青石派出所构建“专班+机制+大数据”的派出所新型警务运行模式，提升工作效能。")
    assert _get(m, "专班+机制+大数据").category == "organisational_reform"


# ------------------------------------------------------------------ rules from fresh articles (silver review)


def test_formula_with_explanation_and_modifier_before_its_head() -> None:
    m = _mechs("青石派出所实行2+3+N(即一名专职调解员、三名调解主任、多名志愿者)矛盾调解工作模式,化解纠纷。")
    assert _has(m, "2+3+N")
    assert _get(m, "2+3+N").components


def test_formula_whose_digit_part_runs_into_words() -> None:
    m = _mechs("所长说,我们推行的是1+3矛盾纠纷调解和排查模式,将纠纷化解在基层。")
    assert _has(m, "1+3")
    assert not any("矛盾纠纷调解和" in n for n in m)


def test_formula_of_roles_is_not_a_name() -> None:
    m = _mechs("该所探索民警+辅警+志愿者的巡逻模式。")
    assert not any("+" in n for n in m)


def test_practice_named_after_its_station() -> None:
    text = "青石派出所构建起以民意为导向的青石警务模式,将矛盾化解在基层。"
    assert _has(_mechs(text), "青石警务模式")
    assert not _mechs("该所构建起以民意为导向的新型警务模式,将矛盾化解在基层。")


def test_quote_the_station_works_through_is_a_practice() -> None:
    m = _mechs("青石派出所通过“网格联勤”化解矛盾纠纷80余起。")
    assert _has(m, "网格联勤")


def test_repeated_verb_principle_is_not_a_practice() -> None:
    m = _mechs("青石派出所通过“抓早抓小”,将矛盾纠纷化解在萌芽状态。")
    assert not _has(m, "抓早抓小")


def test_common_noun_figures_are_not_practices() -> None:
    m = _mechs("该所做实“服务站”、织密“安全网”,打造为民解忧“终点站”。")
    assert not m
    assert _has(_mechs("该所打造“服务站”工作室,方便群众。"), "服务站")


def test_posts_of_a_kind_are_not_named() -> None:
    m = _mechs("与原有警务站不同,这个社区警务工作站更突出便民服务,传统警务站没有这些功能。")
    assert not m


def test_named_room_cited_in_speech_counts() -> None:
    m = _mechs("“我们所的‘石桥和事调解室’是化解纠纷的主力军。”教导员说。")
    assert _has(m, "石桥和事调解室")


def test_practice_cited_in_speech_with_its_head_word_counts() -> None:
    m = _mechs("“我们依托‘警校共育’机制，以‘走访+巡查’模式，发挥派出所‘主防’职能，加强与‘义警’的协作配合，"
               "共同努力打造和谐稳定平安社区。”青石派出所所长说。")
    assert {"警校共育", "走访+巡查"} <= set(m)
    m = _mechs("“目前，‘十户联防’已经上升到‘十户联调’模式，遇到矛盾，户长立即联动相邻住户迅速反应。”")
    assert "十户联调" in m
    m = _mechs("所长说：“我们结合辖区特点，首创‘楼宇风险八步排查法’。”")
    assert _has(m, "楼宇风险八步排查法")
    # a quoted word in speech without a head word, or before a weak one, is no practice
    m = _mechs("“我们发挥‘主防’职能，参加了‘夜游青石’活动。”青石派出所所长说。")
    assert not m
    # a two-character count of the words just said is no practice of its own
    m = _mechs("村民说：“善治、智治、精治‘三治’联动，大家心气顺了。”")
    assert not _has(m, "三治")


def test_quoted_name_of_a_group_the_station_fosters_counts() -> None:
    m = _mechs("青石派出所培育300多名热心群众组成的“青石守望”队伍，发现异常随时报告。")
    assert "青石守望" in m
    m = _mechs("近日，“石榴七姐妹”团队带头人对记者说，村里的矛盾不出村就能解决。")
    assert "石榴七姐妹" in m
    # a quality the force should have, or the force's building, is no name
    assert not _mechs("青石派出所努力建设一支“忠诚干净担当”的队伍。")
    assert not _mechs("青石派出所的“青石铁军”队伍建设取得成效。")


def test_unquoted_names_ending_in_a_parlour_or_a_squad_count() -> None:
    m = _mechs("青石派出所打造暖心警务会客厅，社区民警在会客厅接待来访群众。")
    assert "暖心警务会客厅" in m
    m = _mechs("青石派出所联合渔政等部门组建了白鹭护飞小队，每天沿湿地巡护。")
    assert "白鹭护飞小队" in m


def test_quoted_short_form_of_a_quoted_name_is_one_practice() -> None:
    m = _mechs("随着“青石花园暖心调解会客厅”的建立，情况大为改观。走进社区，一楼就是“暖心调解会客厅”。")
    assert list(m) == ["青石花园暖心调解会客厅"]
    assert m["青石花园暖心调解会客厅"].aliases == ["暖心调解会客厅"]


def test_counted_mnemonic_after_its_listed_parts() -> None:
    m = _mechs("青石派出所运用“听、问、劝”三字诀妥善化解了一起土地纠纷。")
    assert _has(m, "三字诀")
    assert _get(m, "三字诀").components == ["听", "问", "劝"]


def test_generic_cue_named_mechanism_with_an_area_word_is_not_named() -> None:
    assert not _mechs("青石派出所探索出了农村矛盾纠纷化解机制。")


def test_practice_naming_where_it_goes_may_contain_the_station_word() -> None:
    m = _mechs("县局启动人民调解委员会入驻派出所工作机制,在青石派出所建立调解委员会。")
    assert _has(m, "人民调解委员会入驻派出所工作机制")
    assert not any(n.startswith("青石派出所") for n in _mechs("青石派出所工作机制不断完善。"))


# ------------------------------------------------------------------ round 4: category, scope, count, aliases


def test_category_reads_general_cue_words_of_the_scheme() -> None:
    m = _mechs("青石派出所打造“暖心惠警”工程，为民辅警建设休息室和食堂。")
    assert _get(m, "暖心惠警").category == "team_management"  # 惠警: 从优待警
    m = _mechs("青石派出所创新“三访”工作法，民警进村收集社情民意，了解民情。")
    assert _get(m, "三访").category == "community_policing"


def test_category_of_a_unit_count_name_and_a_jingwu_name() -> None:
    m = _mechs("青石派出所推行“三队一室”警务模式，提升治安防控能力，防范风险。")
    assert _get(m, "三队一室").category == "organisational_reform"
    m = _mechs("青石派出所推行“河畔警务”，民警驻守渡口，化解纠纷。")
    assert _get(m, "河畔警务").category == "community_policing"


def test_sentence_words_shared_by_several_practices_weigh_less() -> None:
    text = ("青石派出所将访社情、访民情、访警情“三访”工作法与“青禾议事”平台、“巷口调解”机制深度融合，"
            "矛盾纠纷就地化解。")
    m = _mechs(text)
    assert _get(m, "三访").category == "community_policing"  # its parts, not the sentence's 调解/纠纷


def test_scope_possessor_before_the_name() -> None:
    m = _mechs("青石派出所以分局“六大专项行动”为载体，深入推行网格巡查。")
    assert _get(m, "六大专项行动").scope == "external"
    m = _mechs("每月5日是青石派出所的“党员学习活动日”，全体民警重温入党誓词。")
    assert _get(m, "党员学习活动日").scope == "internal"


def test_scope_of_a_practice_the_station_joins_or_a_higher_level_leads() -> None:
    m = _mechs("青石派出所融入“平安+”邻里中心、“法治+”服务中心建设，化解纠纷。")
    assert _get(m, "法治+").scope == "external"
    m = _mechs("一年来，青石公安始终牢记嘱托，以“强基固本”行动为抓手，新质战力更强。")
    assert _get(m, "强基固本").scope == "external"


def test_scope_created_by_cultivation_or_ba_construction() -> None:
    m = _mechs("青石派出所培育“白鹭义警”，延伸有限警力。")
    assert _get(m, "白鹭义警").scope == "internal"
    m = _mechs("青石派出所把河湾警务站建到了渔港码头，方便渔民办事。")
    assert _get(m, "河湾警务站").scope == "internal"


def test_bare_heading_says_nothing_of_origin() -> None:
    text = ("青石派出所推进基层治理\n\n近年来，青石派出所多措并举。\n\n"
            "“七彩”工作法守护老城平安\n\n"
            "青石派出所位于老城区，辖区人口密集。\n")
    assert _get(_mechs(text), "七彩").scope is None


def test_heading_practice_whose_section_lists_its_parts_is_internal() -> None:
    text = ("青石派出所推进基层治理\n\n近年来，青石派出所多措并举。\n\n"
            "“三近服务”提升质效\n\n"
            "近处警。民警就近处警，守护平安。\n\n近民意。民警收集民意，解民忧。\n\n"
            "近服务。民警上门服务，办事更快。\n")
    mech = _get(_mechs(text), "三近服务")
    assert mech.components and mech.scope == "internal"


def test_lead_phrase_under_a_heading_practice_shares_its_scope() -> None:
    text = ("青石派出所推进基层治理\n\n近年来，青石派出所多措并举。\n\n"
            "“两项机制”激活效能\n\n"
            "青石派出所创新勤务、考核两项机制，提升效能。\n\n"
            "网格式勤务机制。民警按网格排班，巡逻全覆盖。\n\n"
            "积分式考核机制。每月考核民警工作，奖优罚劣。\n")
    m = _mechs(text)
    assert _get(m, "网格式勤务机制").scope == "internal"


def test_named_innovation_after_the_quote_is_internal() -> None:
    m = _mechs("“警站+调解站”的创新模式成为了基层治理的样板，群众纷纷点赞。")
    assert _get(m, "警站+调解站").scope == "internal"


def test_a_requirement_a_clause_away_does_not_make_it_external() -> None:
    m = _mechs("青石派出所按照“四强”建设要求，严格学习制度，落实“四个一”工作措施（即每周开展一次练兵，每月进行一次谈心，"
               "每季度组织一次家访，每半年进行一次比武），激发队伍活力。")
    mech = _get(m, "四个一")
    assert mech.scope is None
    assert mech.components == ["每周开展一次练兵", "每月进行一次谈心", "每季度组织一次家访", "每半年进行一次比武"]
    assert mech.expected_count == 4 and mech.count_agrees is True


def test_counted_units_add_up_and_quantities_are_not_counts() -> None:
    m = _mechs("青石派出所严格执行“四会一课”制度，创新“两组一站”警务模式。青石派出所打造“九尺巷”调解室，化解纠纷。")
    assert _get(m, "四会一课").expected_count == 5
    assert _get(m, "两组一站").expected_count == 3
    assert _get(m, "九尺巷").expected_count is None
    assert _get(_mechs("青石派出所推行“一村一警”，民警驻村。"), "一村一警").expected_count is None


def test_name_made_of_a_practice_own_parts_is_its_alias() -> None:
    text = ("近年来，青石派出所将联防、联调、联宣“三联”融入社区治理，群众安全感持续提升。"
            "社区民警依托“联防联宣”警务模式，对纠纷的起因进行细致分析。")
    m = _mechs(text)
    mech = _get(m, "三联")
    assert mech.components == ["联防", "联调", "联宣"]
    assert "联防联宣" in mech.aliases and len(m) == 1


def test_kinds_of_rooms_and_posts_are_not_named() -> None:
    assert not _mechs("民警将双方请入村委会矛盾纠纷调解室，耐心解释。")
    assert not _mechs("派出所完善街面巡逻联防模式，及时掌握信息。")
    assert not _mechs("如今，调解员就是村里的“流动警务站”，矛盾化解更加及时。")
    assert _has(_mechs("近年来，青石派出所将“网上社区议事厅”工作与线下走访深度融合。"), "网上社区议事厅")


# ------------------------------------------------------------------ round 7: aliases, scope, owner, category


def test_unquoted_short_form_of_a_quoted_name_is_its_alias() -> None:
    text = ("由青石派出所牵头，多个部门共同参与，全县首家“平安共建联勤工作站”应运而生。"
            "整个暑假期间联勤工作站共受理群众求助30余次。联勤工作站还组织了夜间巡查。")
    m = _mechs(text)
    assert len(m) == 1, list(m)
    mech = _get(m, "平安共建联勤工作站")
    assert normalize_name(mech.name) == "平安共建联勤工作站"
    assert "联勤工作站" in mech.aliases
    assert mech.scope == "internal"  # 由…派出所牵头: the station leads it
    assert "平安共建联勤工作站" in mech.evidence.text


def test_a_platform_of_the_whole_city_is_external_technology() -> None:
    m = _mechs("青石派出所基于全市“云眼2.0”平台，实现警情实时推送。")
    mech = _get(m, "云眼2.0")
    assert mech.scope == "external"
    assert mech.category == "technology"


def test_asking_a_higher_level_to_start_a_mechanism_is_external() -> None:
    m = _mechs("青石派出所提前向县公安局申请启动片区协作机制，共同保障活动安全。")
    assert _get(m, "片区协作").scope == "external"


def test_working_with_the_town_party_committee_does_not_make_a_practice_external() -> None:
    m = _mechs("同时，青石派出所积极联合镇党委、村党支部推行“党建+服务”模式，成效明显。")
    assert _get(m, "党建+服务").scope is None


def test_a_station_named_as_a_partner_does_not_own_the_practice() -> None:
    text = ("青石派出所位于某县。通过与某纪念馆、青石火车站派出所共建，开展“红色讲堂”等活动，"
            "让历史走进群众。")
    ext = extract_text(text, "synthetic.txt")
    mech = next(x for x in ext.mechanisms if "红色讲堂" in x.name)
    subject = next(s.name for s in ext.stations if s.role == "subject")
    assert mech.station == subject


def test_a_named_patrol_team_is_mass_prevention() -> None:
    m = _mechs("青石派出所整合辖区单位力量，组建了由80余人组成的松柏巡逻队。")
    assert _get(m, "松柏巡逻队").category == "mass_prevention"


# ------------------------------------------------------------------ session 3


def test_unquoted_words_after_a_quoted_name_describe_it() -> None:
    m = _mechs("青石派出所构建“接警即出动、调处全闭环”的一站式化解模式，群众纷纷点赞。")
    assert list(m) == [normalize_name("接警即出动、调处全闭环")]
    assert "一站式化解模式" in _get(m, "接警即出动、调处全闭环").aliases


def test_quoted_parts_of_a_plus_name_are_not_practices_of_their_own() -> None:
    m = _mechs("青石派出所形成“请上来”和“走下去”矛盾化解双模式。“请上来+走下去”模式让纠纷化解在基层。")
    assert list(m) == [normalize_name("请上来+走下去")]
    assert _get(m, "请上来+走下去").components == ["请上来", "走下去"]


def test_national_apps_are_not_practices() -> None:
    m = _mechs("青石派出所依托“学习强国”“青山先锋”等APP开展学习，推行“每日一学”学习机制。")
    assert not _has(m, "学习强国") and not _has(m, "青山先锋") and _has(m, "每日一学")
    m = _mechs("青石派出所用好“学习强国”等平台，推行“每日一学”学习机制。")
    assert not _has(m, "学习强国") and _has(m, "每日一学")


def test_a_figure_after_became_is_no_practice() -> None:
    m = _mechs("在青山社区，一间“和风细雨调解室”成了居民信赖的“和事厅”。")
    assert _has(m, "和风细雨调解室") and not _has(m, "和事厅")


def test_a_version_number_is_part_of_the_name() -> None:
    m = _mechs("青石派出所在此基础上打造升级版调解室2.0系统，将调解室延伸至居民大院。")
    assert any(n.endswith("调解室2.0") for n in m)


def test_a_brand_joined_by_a_middle_dot_is_a_name() -> None:
    m = _mechs("青石派出所深化市公安局红心守边·护平安品牌建设，打造青石百警·安护千家党建品牌。")
    assert _has(m, "红心守边·护平安") and _get(m, "红心守边·护平安").scope == "external"
    assert _has(m, "青石百警·安护千家")


def test_a_path_taken_or_a_problem_faced_is_no_practice() -> None:
    m = _mechs("青石派出所创新推行“邻里警务”模式，走出了一条“邻里互助”的新路子。")
    assert _has(m, "邻里警务") and not _has(m, "邻里互助")
    m = _mechs("面对“两多两难”，青石派出所将七成警力投向农村。")
    assert not _has(m, "两多两难")


def test_people_mobilised_are_no_named_team() -> None:
    assert _mechs("青石派出所充分调动义警参与执勤，让广大义警更广泛地参与平安建设。") == {}
    assert _has(_mechs("青石派出所组建红枫义警队，开展巡逻。"), "红枫义警队")


def test_parts_after_a_dash_not_the_clauses_before_the_name() -> None:
    m = _mechs("辖区企业集聚、城乡交织，面对难啃的“硬骨头”，青石派出所打造“四区四化”治理模式——"
               "园区安全化、农区和谐化、社区平安化、景区秩序化。")
    assert _get(m, "四区四化").components == ["园区安全化", "农区和谐化", "社区平安化", "景区秩序化"]


def test_figures_after_a_counted_name_are_no_parts() -> None:
    m = _mechs("依托“两队一室”机制，案件办理队与社区警务队分工协作，刑事、治安警情同比分别下降22.2%、18.9%。")
    assert _get(m, "两队一室").components == []


def test_a_counted_name_after_its_quoted_parts() -> None:
    m = _mechs("在机制建设上，青石派出所构建“民警主导、网格员支撑、义警参与”的三位一体工作体系。")
    mech = _get(m, "三位一体")
    assert mech.components == ["民警主导", "网格员支撑", "义警参与"] and mech.expected_count == 3
    assert mech.count_agrees is True
    assert not _has(m, "民警主导、网格员支撑、义警参与")


def test_the_doctrine_adapted_to_a_place_is_no_practice() -> None:
    m = _mechs("青石派出所打造“渔港警务”，走出了富有特色的“海上枫桥”新路径。")
    assert _has(m, "渔港警务") and not _has(m, "海上枫桥")


def test_quoted_lists_of_named_practices_rooms_and_effects() -> None:
    m = _mechs("青石派出所推动“两队一室”与“数字警务、共治警务”深度融合，打造平安乡村。")
    assert _has(m, "数字警务") and _has(m, "共治警务")
    m = _mechs("青石警务室与党群服务中心在“矛盾调解区”“心理疗愈角”等6个功能空间资源共享，产生了“1+1>2”的聚合效应。")
    assert m == {}


def test_kinds_of_crime_are_no_practices() -> None:
    assert _mechs("青石派出所严厉打击“两抢一盗”案件，“黄赌毒”违法犯罪明显下降。") == {}
    assert _mechs("青石派出所有效打击处置“两抢一盗”、酒后滋事等案事件。") == {}


def test_a_head_word_right_before_the_quote_names_it() -> None:
    m = _mechs("青石派出所创建党建品牌“启程”，打造调解品牌“和事佬”，成效明显。")
    assert _has(m, "启程") and _has(m, "和事佬")
    assert _get(m, "启程").head == "品牌"
    # pointing back (该机制“…”), a figure (“组合拳”) or the quote naming a group of people: no new name
    assert _mechs("青石派出所推行巡逻机制，该机制“接地气”，群众欢迎。") == {}
    assert not _has(_mechs("青石派出所推出生态警务“组合拳”，保护古村落。"), "组合拳")
    assert not _has(_mechs("青石派出所慰问青石义警站“石榴红”志愿者。"), "石榴红")


def test_nicknames_honours_and_paired_ways_of_working_are_no_practices() -> None:
    m = _mechs("这里的银刀和米线被称为“三宝一绝”。如果用这“三宝一绝”来形容青石派出所，那再合适不过。")
    assert not _has(m, "三宝一绝")
    assert not _has(_mechs("青石派出所获得了2022年湖南省“最美警队”荣誉。"), "最美警队")
    assert not _has(_mechs("青石派出所组建义警队伍，利用“步巡+车巡”的方式对园区进行巡逻。"), "步巡+车巡")
    assert _has(_mechs("青石派出所推行“步巡+车巡+船巡”的方式，织密防控网。"), "步巡+车巡+船巡")
    assert not _has(_mechs("青石派出所组建石榴义警队伍，统一印制并发放义警装备。"), "发放义警")


def test_a_verb_or_quantity_before_a_team_word_is_no_name() -> None:
    m = _mechs("目前，青石派出所共有义警队和调解队队员56人。为提高义警队服务能力，派出所开展培训，有效弥补了治理模式下的盲区。")
    assert not any(n.startswith(("共有", "提高", "弥补")) for n in m)


def test_kinds_of_fraud_and_one_team_written_with_a_word_more() -> None:
    m = _mechs("民警重点对“刷单返利”“AI换脸”“冒充公检法”等高发电信网络诈骗类型进行讲解。")
    assert m == {}
    m = _mechs("青石派出所打造夕阳红义务巡逻队。图为民警与夕阳红老年义务巡逻队赶集日巡逻。")
    assert len(m) == 1 and _get(m, "夕阳红义务巡逻队").aliases == ["夕阳红老年义务巡逻队"]


def test_an_adjective_before_a_head_word_is_no_name() -> None:
    assert _mechs("多玛乡是前往新疆的最后一个乡镇，也是国道219线的重要驿站。") == {}


def test_the_members_that_make_up_a_team_are_no_name() -> None:
    m = _mechs("派出所民警辅警、社区干部、网格员和骑巡队共同组成巡逻队，由党政领导带队巡逻。")
    assert not any("组成" in n for n in m)


def test_generic_reforms_and_unquoted_classrooms_are_no_names() -> None:
    assert _mechs("青石派出所深化警务勤务改革，推进巡防机制改革。") == {}
    assert _mechs("青石派出所以红色资源开设没有围墙的红色课堂。") == {}
    assert _has(_mechs("青石派出所开设“石榴”小课堂，讲解反诈知识。"), "石榴")


def test_a_room_named_after_its_officer() -> None:
    m = _mechs("社区民警郭建军正在调解一起纠纷。记者走进青石派出所城东社区郭建军警务室。")
    assert _get(m, "郭建军警务室").head == "警务室"
    # a place's name before 警务室 is no person, even when it starts like a surname
    assert _mechs("华林工业园区位居城乡结合部，华林警务室不断探索研究防范措施。") == {}


def test_chat_groups_slogans_and_the_way_of_working_left_behind() -> None:
    assert _mechs("驻站民警组建了“村民自治”“党员活动”“文明养犬”等22个微信群。") == {}
    m = _mechs("派出所促使警务工作由“被动警务”向“主动警务”转变。")
    assert not _has(m, "被动警务")
    assert _mechs("形成“有时间警力就在村里，有事情就能就地解决”的工作模式。") == {}
    assert _has(_mechs("在“争创先锋警队，争当先锋警员”活动开展以来，他始终积极工作。"), "争创先锋警队")
    m = _mechs("在西峡县双龙镇龙乡义警积分兑换活动现场，队员用积分兑换米面。青石派出所组建“龙乡义警”。")
    assert not any(n.startswith("西峡县") for n in m)
    assert not _has(_mechs("2024年底，该县在城区、西坪镇、双龙镇三地先行试点。"), "三地先行试点")


def test_a_formula_explained_with_即_and_a_nickname_written_two_ways() -> None:
    m = _mechs("派出所构建起“1+2+N”调处格局，即以基层党组织为核心，社区民警与专职调解员为主体。")
    assert _has(m, "1+2+N")
    assert _mechs("这里常年云雾缭绕，被人们称为“云端上的警务室”，李佑就是“云端警务室”的常驻民警。") == {}


def test_a_name_given_with_its_short_form_and_verbs_or_figures_before_heads() -> None:
    m = _mechs("分局联合城南街道办启用非警务事项纠纷调解中心（以下简称调解中心），推进纠纷接收。")
    assert _has(m, "非警务事项纠纷调解中心") and _get(m, "非警务事项纠纷调解中心").aliases == ["调解中心"]
    # the quoted short form is the alias, not a second practice
    m = _mechs("新阵地——花山街道社会矛盾纠纷调处中心（以下简称“调处中心”）投入运行。")
    assert list(m) == ["花山街道社会矛盾纠纷调处中心"]
    assert _mechs("看片儿警的朋友圈！青石派出所“长青”有秘诀") == {}


def test_a_counted_label_with_its_parts_spelled_out() -> None:
    # the parts after 即 (or before the quote), each with the counted character: a named practice
    m = _mechs("青石派出所民辅警承担“三员”职责：即治安巡防员、纠纷调解员、政策宣传员，效果明显。")
    assert "三员" in m and m["三员"].components == ["治安巡防员", "纠纷调解员", "政策宣传员"]
    assert m["三员"].count_agrees is True
    m = _mechs("青石派出所落实必到点、必巡线、必问人“三必”要求，守住底线。")
    assert "三必" in m and m["三必"].components == ["必到点", "必巡线", "必问人"]
    # parts that do not carry the counted character leave a requirement a requirement
    assert "三必" not in _mechs("青石派出所落实巡逻、走访、登记“三必”要求，守住底线。")
    assert "三员" not in _mechs("青石派出所民辅警承担“三员”职责，守护一方平安。")


def test_a_method_head_followed_by_化解() -> None:
    assert _has(_mechs("青石派出所用“邻里”工作法化解矛盾纠纷。"), "邻里")
    assert _has(_mechs("青石派出所创新“邻里”调解法化解纠纷200余起。"), "邻里")
    assert "三步研调法" in _mechs("青石派出所总结出“三步”研调法化解矛盾纠纷。")


def test_a_list_of_quoted_practices_each_with_its_field() -> None:
    m = _mechs("青石派出所建立了矛盾纠纷“邻里说和”、治安防控“院落守望”、服务群众“码上办”等机制，效果明显。")
    assert {"邻里说和", "院落守望", "码上办"} <= set(m)
    # no closing head word: two slogans with verbs between them stay what they are
    assert not _mechs("青石派出所做到“有呼必应”、确保“有难必帮”，群众点赞。")


def test_a_quote_before_的模式_and_joint_duty_names() -> None:
    assert "山警共守" in _mechs("青石派出所以“山警共守”的模式，守护景区安全。")
    m = _mechs("进学校开展法治宣传，“警校联防”相得益彰；进企业开展反诈宣传，“警企联动”一拍即合。")
    assert {"警校联防", "警企联动"} <= set(m)
    # a list of groups, the end of 从…到…, or the first part of a room's name are not that
    assert not _mechs("青石派出所整合了“警民联防”“红袖章”等群防群治组织。")
    assert "多元共治" not in _mechs("青石派出所从“单打独斗”到“多元共治”，走出新路。")
    assert "警民联调" not in _mechs("“警民联调”室 调出和谐音")


def test_a_count_of_chat_groups_is_no_name() -> None:
    m = _mechs("社区民警针对辖区百姓微信群、商会群、干部群等十余个微信群及时转发反诈信息。")
    assert not any(n.startswith("十余个") for n in m)
    assert _has(_mechs("青石派出所建立“警商联动”微信群，收集社情民意。"), "警商联动")


def test_common_administrative_phrases_before_机制_name_nothing() -> None:
    for text in ("青石派出所建立信息互通机制，及时通报警情。", "青石派出所完善快速响应机制，接警后五分钟到场。",
                 "青石派出所健全值班备勤机制。"):
        assert not _mechs(text), text
    assert _has(_mechs("青石派出所建立战区协作机制，与邻所联合巡逻。"), "战区协作机制")
    for text in ("青石派出所实行错时工作制，方便群众办事。", "青石派出所推行驻勤制度。"):
        assert not _mechs(text), text


def test_one_stop_alone_is_an_adjective() -> None:
    assert not _mechs("如今，青石派出所“一站式”综合服务窗口24小时灯火通明。")


def test_a_style_of_policing_stays_community_policing_whatever_the_sentence_is_about() -> None:
    m = _mechs("青石派出所推行“背篓警务”，民警上门调解矛盾纠纷，化解纠纷20起。")
    assert m["背篓警务"].category == "community_policing"
    m = _mechs("青石派出所推行“调解警务”，民警上门调解矛盾纠纷。")  # its own words say mediation
    assert m["调解警务"].category == "mediation"


def test_a_ratio_name_written_in_digits_reads_like_one_in_words() -> None:
    # (the sentence names no community-policing word: the name alone must say it)
    assert _mechs("青石派出所推行“1村1辅警”，辅警配备到位。")["1村1辅警"].category == "community_policing"


def test_short_quoted_names_the_text_calls_ways_of_working() -> None:
    assert {"炕头会", "地头聊"} <= set(_mechs("民警常常通过“炕头会”“地头聊”等方式拉近警民关系。"))
    assert not _mechs("民警通过“好办法”解决问题。")  # three characters after a cue alone stay too short


def test_parts_of_a_longer_name_are_that_name() -> None:
    ext = extract_text("今年1月，青石派出所建立起“警民‘同心’帮扶站”，“帮扶站”吸纳了乡贤和网格员。")
    assert [(m.name, m.aliases) for m in ext.mechanisms] == [("警民同心帮扶站", ["帮扶站"])]


def test_a_quoted_sentence_around_a_formula_is_no_name() -> None:
    assert not _mechs("“驻村民警+警务助理，是每一个行政村的标配。”局长说。")


def test_titles_of_distinction_reduplicated_verbs_and_orientations_are_no_names() -> None:
    text = ("青石首家“省级金牌人民调解工作室”出炉\n"
            "近日，青石派出所“老周调解工作室”被省人民调解协会命名为“省级金牌人民调解工作室”。")
    assert list(_mechs(text)) == ["老周调解工作室"]
    assert not _mechs("警务室成立以来，有事到警务室“坐坐”“聊聊”，成为村民的习惯。")
    assert not _mechs("青石派出所以“警村融合”为导向，主动融入农村基层治理。")
    # a name given with 命名为 (no title of distinction) still counts where it comes back
    assert _has(_mechs("青石派出所将义警队伍命名为“青石云警支队”。“青石云警支队”目前有队员176名。"), "青石云警支队")


def test_figures_slogans_and_things_guarded_are_no_names() -> None:
    assert not _mechs("烽燧，是古代边防烟火为号、驼铃为声的“预警站”，守望着千年古城。")
    assert not _mechs("这些细节背后，是青石派出所对“党建引领警务”的深刻诠释。")
    assert not _mechs("青石派出所民警日夜守护“平安家园”。")
    assert _has(_mechs("青石派出所打造“丝路驿站”警务品牌。"), "丝路驿站")


@pytest.mark.parametrize("text, name, parts", [
    ("柳湾派出所全力做好“防盗、防骗、防毒、防火灾”四防工作。", "四防", ["防盗", "防骗", "防毒", "防火灾"]),
    ("柳湾派出所组建“治安巡逻队、信息收集队、矛盾调解队”三大队伍。", "三大队伍",
     ["治安巡逻队", "信息收集队", "矛盾调解队"]),
    ("柳湾派出所形成了“事前宣传、事中调解、事后回访、总结提升”四步走的工作流程。", "四步走",
     ["事前宣传", "事中调解", "事后回访", "总结提升"]),
    ("柳湾派出所开展“一个目标、一个阵地、一套机制”三个一党建工作。", "三个一", ["一个目标", "一个阵地", "一套机制"]),
])
def test_bare_counted_label_right_after_exactly_its_parts(text: str, name: str, parts: list[str]) -> None:
    m = _mechs(text)
    assert _has(m, name)
    got = _get(m, name)
    assert got.components == parts and got.expected_count == len(parts)


@pytest.mark.parametrize("text", [
    "柳湾派出所围绕“矛盾不上交、平安不出事、服务不缺位”三大目标开展工作。",  # a goal
    "柳湾派出所从“抓住源头、捆绑考核、严格奖惩”三个环节入手。",  # a framing with a measure word
    "柳湾派出所坚持“防盗、防骗、防毒”四防工作。",  # the count disagrees with the parts
])
def test_bare_counted_label_needs_the_count_and_no_goal_or_framing(text: str) -> None:
    assert _mechs(text) == {}


def test_counted_name_after_its_quoted_parts_keeps_the_list_as_alias() -> None:
    m = _mechs("柳湾派出所固化“警务室、边境联防所、山口综治队”三级巡防联动机制，守好边境线。")
    got = _get(m, "三级巡防")
    assert got.components == ["警务室", "边境联防所", "山口综治队"]
    assert "警务室、边境联防所、山口综治队" in got.aliases


def test_long_parts_are_kept_when_the_count_after_them_agrees() -> None:
    m = _mechs("柳湾派出所建立起“沿街商铺安全隐患排查、校园周边治安隐患排查、重点单位治安隐患定期排查、"
               "治安力量全面巡防”四大工作机制，筑牢防线。")
    got = _get(m, "四大工作机制")
    assert len(got.components) == 4 and got.components[2] == "重点单位治安隐患定期排查"


def test_layout_of_counted_units_is_a_practice_but_a_slogan_layout_is_not() -> None:
    assert _has(_mechs("柳湾派出所探索“两翼一中心”管控格局，将触角延伸到村寨。"), "两翼一中心")
    assert _mechs("柳湾派出所着力构建“共建共治共享”的社会治理新格局。") == {}


def test_a_name_the_speaker_says_the_station_runs_is_cited_from_speech() -> None:
    assert _has(_mechs("“为夯实思想根基，我们积极开展‘红旗警务’，每年组织民辅警敬献鲜花。”所长说。"), "红旗警务")
    assert _mechs("“我们坚持‘社区警务’，每天走访。”所长说。") == {}  # a general way of policing


def test_a_head_word_after_等_sums_up_a_list_and_names_nothing() -> None:
    assert not any("等" in n for n in _mechs("柳湾派出所推行党员星级化管理等制度。"))


def test_a_counted_label_the_station_carries_out_is_a_practice() -> None:
    m = _mechs("青石派出所开展纠纷“三访”，化解了一批矛盾。在全市部署开展“五联”创建工作以来，该所加强巡逻。")
    assert _has(m, "三访") and _has(m, "五联")
    assert not _has(_mechs("青石派出所在辖区掀起“六防”宣传热潮，群众积极参与。"), "六防")


def test_names_in_a_list_of_links_to_other_articles_are_not_read() -> None:
    text = ("青石派出所织密防护网\n· 某法院：群众身边的“矛盾终点站”\n· 某镇推行“四邻守望”工作法\n"
            "青石派出所创新“三访工作法”，化解了一批矛盾纠纷。")
    m = _mechs(text)
    assert _has(m, "三访工作法")
    assert not _has(m, "矛盾终点站") and not _has(m, "四邻守望")


def test_a_counted_label_opening_a_section_title_names_its_practice() -> None:
    text = ("青石派出所：守护一方平安\n“四访”暖民心\n"
            "青石派出所民警每周走访辖区群众，了解民情，化解矛盾纠纷十余起，群众满意度不断提升。\n"
            "练“三劲”强本领\n青石派出所组织民警开展练兵活动，提升了实战能力和服务水平，获得群众好评。")
    m = _mechs(text)
    assert _has(m, "四访")
    assert not _has(m, "三劲")


def test_a_clause_before_a_post_word_and_a_five_year_plan_are_no_names() -> None:
    assert _mechs("游客很多。然而就靠着工作站这十几号人，哪里盯得过来？") == {}
    assert _mechs("这里被国家确定为“十一五”重大科技基础设施建设项目。") == {}
    assert _has(_mechs("柳湾派出所设立柳湾就近警务站，方便群众。"), "柳湾就近警务站")


def test_a_quoted_list_of_roles_working_together_is_no_practice_name() -> None:
    assert _mechs("柳湾社区联合派出所成立志愿巡逻队。“民警、义警、保安、红色小管家”多方联动，组成志愿巡逻队。") == {}


def test_an_honour_given_by_a_place_is_an_honour_wherever_it_comes_back() -> None:
    text = ("标杆警务室 就是这么“帅”\n■柳湾社区警务室获评江门“标杆警务室”。\n"
            "近年来，柳湾派出所柳湾社区警务室在流动人口管理上下功夫，群众满意度不断提升。")
    assert not _has(_mechs(text), "标杆警务室")
    assert _mechs("柳湾派出所被评为云南“十佳调解品牌”。") == {}


def test_a_mediation_room_with_and_without_人民_is_one_room() -> None:
    ext = extract_text("柳湾派出所设立的青松人民调解室成功化解邻里纠纷。青松调解室运行以来，化解纠纷300余起。",
                       "synthetic.txt")
    assert [(m.name, m.aliases) for m in ext.mechanisms] == [("青松人民调解室", ["青松调解室"])]


def test_an_item_of_a_list_of_participants_is_a_partner_not_a_practice() -> None:
    m = _mechs("同时，组织发动民警、辅警、网格员、城南义警等群防群治力量及时摸排各类矛盾纠纷。")
    assert not _has(m, "城南义警")
    m = _mechs("某派出所与辖区顺达、申运、星光驿站等快递物流公司携手开展反诈宣传。")
    assert not _has(m, "星光驿站")
    # the practice named on its own still counts
    m = _mechs("某派出所创新推出“星火调解室”，组织民警、律师等力量化解纠纷。")
    assert _has(m, "星火调解室")


def test_an_unquoted_name_the_station_only_plans_to_build_is_a_goal() -> None:
    m = _mechs("今后，某某派出所将把巡控工作与巡逻结合起来，构建全镇24小时巡防长效机制。")
    assert not m
    m = _mechs("近年来，某某派出所构建全镇24小时巡防长效机制，发案率明显下降。")
    assert _has(m, "全镇24小时巡防长效机制")


def test_one_part_labelled_by_its_kind_alone_is_no_name() -> None:
    m = _mechs("某派出所探索“121”警务体系，即“一联盟”聚合力，组建“江畔守护者联盟”；“一机制”保应急，建立快速反应机制。")
    assert _has(m, "江畔守护者联盟")
    assert not any(n in ("一联盟", "一机制") for n in m)
    assert not _mechs("指挥室通过“一平台”而“知全所”，对上接收指令。")


def test_a_later_title_in_a_list_of_honours_won_is_an_honour() -> None:
    m = _mechs("某派出所先后荣获“全国优秀公安基层单位”、“全省爱民模范集体”、全国铁路公安系统“十佳文明警队”，某省“五一先锋号”等荣誉。")
    assert not _has(m, "十佳文明警队")
    m = _mechs("荣获“枫桥式公安派出所”称号的某派出所创新“三心调解法”化解纠纷。")
    assert _has(m, "三心调解法")


def test_主防警务_is_the_national_doctrine_not_a_station_practice() -> None:
    m = _mechs("某派出所将“主防警务”与“生态警务”紧密融合。")
    assert "主防警务" not in m


def test_a_former_name_renamed_to_a_new_one_is_an_alias() -> None:
    text = ("2019年，某镇组建“青溪平安志愿服务队”，协助开展巡逻防控，2022年3月更名为“青溪守护队”，队员增至40人。")
    m = _mechs(text)
    assert len(m) == 1
    assert "青溪平安志愿服务队" in [normalize_name(a) for a in _get(m, "青溪守护队").aliases]
    # two names in one sentence without a renaming verb stay two practices
    m = _mechs("某派出所组建“青溪平安志愿服务队”，并联合司法所成立“青溪守护队”调解室。")
    assert len(m) == 2


def test_quoted_formulas_joined_by_的_to_a_quoted_name_describe_it() -> None:
    m = _mechs("某派出所打造“山地警务”，逐渐形成“摩托+步巡”“白天+夜间”的“巡山警务”模式。")
    assert "摩托+步巡" not in m and "白天+夜间" not in m
    aliases = [normalize_name(a) for a in _get(m, "巡山警务").aliases]
    assert "摩托+步巡" in aliases and "白天+夜间" in aliases
    # a quote that names a thing of its own (a post) is no description of the next name
    m = _mechs("某派出所设立“护学岗”的“青山义警”队伍，每天准时上岗。")
    assert "护学岗" not in [normalize_name(a) for x in m.values() for a in x.aliases]


def test_a_list_of_parts_elsewhere_is_the_counted_name_it_fits() -> None:
    text = ("青石派出所首创“三情”工作机制。去年3月，青石派出所启动“降警情、减访情、增感情”周六大走访活动，"
            "直接到小区走访。")
    names = _mechs(text)
    m = _get(names, "三情")
    assert m.components == ["降警情", "减访情", "增感情"] and m.count_agrees is True
    assert not _has({k: v for k, v in names.items() if k != normalize_name(m.name)}, "降警情")
    # parts that do not all hold the counted character are another practice
    names = _mechs("青石派出所首创“三情”工作机制。青石派出所启动“走百家、知百情、解百忧”大走访活动，直接到小区走访。")
    assert _get(names, "三情").components == []


def test_a_quoted_service_hall_is_a_named_practice() -> None:
    names = _mechs("针对返乡办事不便的问题，青石派出所“一站式综合服务大厅”设立“业主绿色通道”，三年来办理户籍业务8000余次。")
    assert _has(names, "一站式综合服务大厅")
    assert _mechs("青石派出所在户籍服务大厅设立窗口，方便群众办事。") == {}


def test_a_brand_and_a_dot_before_a_headed_name_is_one_name_and_a_quoted_verb_is_none() -> None:
    names = _mechs("近日，青石镇“青石义警2.0·四零警物联盟”启动仪式在青石派出所举行。四零警物联盟以物业为主体。")
    assert list(names) == [normalize_name("青石义警2.0·四零警物联盟")]
    assert _mechs("警务“赋能”再升级，青石派出所民警走访。") == {}


def test_a_two_character_counted_label_with_its_parts_listed_before_is_a_practice() -> None:
    m = _get(_mechs("青石派出所探索矛盾纠纷问题预防、治疗和保健“三策”，守住平安底线。"), "三策")
    assert m.count_agrees is True and len(m.components) == 3
    assert _mechs("青石派出所掀起“六防”宣传热潮。") == {}
    # clauses before it, split by commas, are no list of its parts
    assert not _has(_mechs("青石派出所围绕“三不”目标，开展纠纷“三调”，撑好青石“三渡”。"), "三渡")


def test_a_counted_name_with_its_quoted_parts_after_即_is_one_practice() -> None:
    names = _mechs("青石派出所严格落实“三个见面”，即所领导与镇干部“一周一见面”；社区民警与村干部“一周两见面”；"
                   "辅警与网格员“一周三见面”。")
    assert list(names) == [normalize_name("三个见面")]
    assert names[normalize_name("三个见面")].components == ["一周一见面", "一周两见面", "一周三见面"]
    assert _mechs("青石派出所坚持“四个坚持”，即坚持党建引领。") == {}


def test_a_count_of_mechanisms_written_in_digits_with_its_parts_listed() -> None:
    m = _get(_mechs("双方签署协议，并制定警情联处、社情联察、矛盾联调、风险联防、人员联控、服务联动等6项协作机制。"), "6项协作机制")
    assert m.components == ["警情联处", "社情联察", "矛盾联调", "风险联防", "人员联控", "服务联动"] and m.count_agrees
    assert _mechs("青石派出所健全3项工作机制。") == {}  # no parts listed: framing


def test_a_counted_label_of_results_is_no_practice() -> None:
    text = "近年来，青石派出所取得了“命案零发生”“执法零过错”“服务零投诉”“民警零违纪”“矛盾零上交”的“五零”工作成效。"
    assert _mechs(text) == {}


def test_a_counted_name_right_after_a_chain_of_as_many_quotes() -> None:
    names = _mechs("青石派出所创新推出“警民联调”“专业助调”“公调对接”三位一体矛盾纠纷化解机制，依托警务室化解纠纷。")
    m = _get(names, "三位一体矛盾纠纷化解机制")
    assert m.components == ["警民联调", "专业助调", "公调对接"] and m.count_agrees is True
    assert all(_has(names, x) for x in ("警民联调", "专业助调", "公调对接"))  # each part stays a practice


def test_a_counted_method_name_ending_in_法_is_a_practice() -> None:
    assert _has(_mechs("青石派出所因地制宜，创新推出“三招解铃法”，促使矛盾双方快速握手言和。"), "三招解铃法")
    assert _mechs("青石派出所总结“三个办法”，化解纠纷。") == {}


def test_a_quote_made_with_its_kind_said_before_it_is_a_practice() -> None:
    assert _has(_mechs("青石派出所为平安力量专门定制“警校夜课”，社区民警讲解法律知识。"), "警校夜课")
    assert _has(_mechs("青石派出所推动建立矛盾纠纷调解的“菩提解铃园”，促进和谐。"), "菩提解铃园")


def test_common_figures_of_speech_in_quotes_are_no_practice() -> None:
    assert _mechs("青石派出所用创新思维激活社区治理的“一池春水”，切实解决群众急难愁盼问题。") == {}
    assert _mechs("青石派出所打通服务群众“最后一公里”。") == {}


def test_items_of_a_list_summed_up_as_mechanisms_are_each_one() -> None:
    got = _mechs("青石派出所不断强化警景协作、一村一警、矛盾联调等一系列工作机制。")
    assert all(_has(got, n) for n in ("警景协作", "一村一警", "矛盾联调")) and len(got) == 3  # 强化 is no part
    got = _mechs("青石县各地派出所推出廊亭和大榕树等警务模式，守护平安。")
    assert _has(got, "廊亭") and _has(got, "大榕树")
    # work done (巡逻, 走访) or actions (等举措) are no practices
    assert _mechs("青石派出所完善巡逻、走访等工作机制。") == {}
    assert _mechs("青石派出所通过部门联动、智慧研判、多元调解等举措化解纠纷。") == {}


def test_a_verb_of_rallying_people_is_no_part_of_a_name() -> None:
    got = _mechs("青石派出所党支部进一步凝聚党员义警、治保会成员等社会治理力量深入社区。")
    assert not any(n.startswith("凝聚") for n in got)
    assert _has(_mechs("青石派出所凝聚柳湾义警开展巡逻。"), "柳湾义警")


def test_an_unquoted_name_holding_a_quoted_one_soon_after_it_is_that_practice_again() -> None:
    got = _mechs("青石派出所创新“巡防检查”农村治理新模式，推行常态化巡防检查警务机制，将治安巡逻和交通巡逻结合起来。")
    assert list(got) == ["巡防检查"] and "常态化巡防检查警务机制" in got["巡防检查"].aliases


def test_a_list_summed_up_as_mechanisms_after_a_named_practice_gives_its_parts() -> None:
    got = _mechs("在联勤联动方面，青石派出所深化“路地协作”，与火车站派出所签订协作方案，建立信息共享、联合巡逻、案件协查等机制。")
    assert list(got) == ["路地协作"] and got["路地协作"].components == ["信息共享", "联合巡逻", "案件协查"]


def test_a_quote_with_its_head_word_then_a_word_of_results_is_a_practice() -> None:
    got = _mechs("青石派出所“党员民警包村联户”机制成效显著，今年已化解矛盾纠纷60余起。")
    assert _has(got, "党员民警包村联户")


def test_a_number_or_verb_before_a_team_word_names_no_team() -> None:
    assert _mechs("青石派出所大力培育群防群治队伍，百余义警助力辖区巡逻。为有效发挥义警作用，该所开展培训。") == {}
    assert _mechs("青石派出所300余名义警参与巡逻。") == {}


def test_teams_of_a_kind_formed_in_numbers_are_no_named_team() -> None:
    assert _mechs("青石派出所联动社区、企业单位，组建起多支特色巡逻队。") == {}
    assert _has(_mechs("柳湾巡逻队开展巡逻。"), "柳湾巡逻队")


def test_a_programme_named_as_a_time_frame_counts_when_the_station_acts_in_it() -> None:
    got = _mechs("夏季治安打击整治“百日行动”开展以来，青石派出所结合辖区实际，科学制定巡逻方案。")
    assert list(got) == ["百日行动"]  # (夏季治安打击整治 describes it: no second practice)
    assert _mechs("全省冬季治安整治“百日行动”开展以来，辖区平稳。") == {}


def test_hu_xue_gang_is_a_practice() -> None:
    assert _has(_mechs("青石派出所在辖区学校设立护学岗，每天上下学时段民警到岗。"), "护学岗")


def test_a_quoted_list_summed_up_as_mechanisms_names_each_even_when_long() -> None:
    got = _mechs("青石派出所通过‘每日常态会商研判、突出问题随时研判、特殊节点专项研判’等机制来研判风险。")
    assert sorted(got) == sorted(["每日常态会商研判", "突出问题随时研判", "特殊节点专项研判"])


def test_a_counted_quote_with_its_parts_listed_before_it_ending_in_its_noun() -> None:
    got = _mechs("青石派出所明确了隐患排查前置、矛盾调处前置、法律宣传前置的服务“三个前置”，结对民警上门。")
    assert _get(got, "三个前置").components == ["隐患排查前置", "矛盾调处前置", "法律宣传前置"]
    assert _mechs("青石派出所明确了隐患排查前置、矛盾调处前置的服务“三个前置”。") == {}  # two parts for three


def test_a_counted_quote_ending_in_a_head_word_that_the_station_runs_is_a_practice() -> None:
    assert _has(_mechs("柳湾派出所运用“四个联动”破解管理难点。"), "四个联动")
    got = _mechs("柳湾派出所从“三个做到”入手，密织“三张网”延伸服务触角。")
    assert got == {}  # no verb of running it, no head word: a reporter's count


def test_a_short_mechanism_named_by_the_verb_that_starts_or_firms_it() -> None:
    assert _has(_mechs("青石派出所迅速启动寻人机制，民警兵分两路展开搜寻。"), "寻人机制")
    assert _has(_mechs("青石派出所健全了渡口夜巡联络机制，将船主纳入联络群。"), "渡口夜巡联络机制")
    assert _mechs("青石派出所健全了工作机制。") == {}  # no name of its own


def test_the_name_a_station_gives_its_room_is_a_practice_even_unquoted() -> None:
    assert _has(_mechs("2024年1月，青石派出所给调解室起了个新名字——石桥说和茶馆。"), "石桥说和茶馆")
    assert _has(_mechs("青石派出所把调解室取名为“老张说和”。"), "老张说和")
    assert _mechs("民警给走失的孩子取名叫李小明，送到福利院。") == {}  # no room or team is named


def test_levels_joined_by_dashes_before_a_counted_name_are_its_parts() -> None:
    got = _mechs("青石派出所实行“村小组—村委会—镇党政班子成员”三级领导包案负责制。")
    assert _get(got, "三级领导包案负责制").components == ["村小组", "村委会", "镇党政班子成员"]
    got = _mechs("青石派出所构建“景区-警务室-派出所-镇政府部门”四级联动矛盾纠纷化解机制。")
    assert _get(got, "四级联动").components == ["景区", "警务室", "派出所", "镇政府部门"]


def test_named_squads_and_responsibility_systems_have_head_words() -> None:
    assert _has(_mechs("社区警务队全面实行社区警务室警长负责制。"), "社区警务室警长负责制")


def test_a_practice_the_station_leads_or_rests_on_is_named() -> None:
    got = _mechs("柳湾派出所以“三大警务”为牵引，以“文化育警”为保障，全力化解各类矛盾纠纷。")
    assert _has(got, "三大警务") and _has(got, "文化育警")


def test_a_trend_and_a_head_count_of_roles_are_no_practices() -> None:
    assert _mechs("青石派出所辖区刑事案件下降、破案数上升，呈现“两降一升”趋势。") == {}
    assert _mechs("青石派出所实行“1名领导+2名民警”值守模式。") == {}
    assert _has(_mechs("青石派出所推行“1名民警+N名辅警”模式。"), "1名民警+N名辅警")  # N: no head count


def test_since_and_verbs_of_wearing_or_relying_are_not_part_of_a_name() -> None:
    assert list(_mechs("自石桥义警成立以来，积极开展义务巡逻防控工作。")) == ["石桥义警"]
    assert list(_mechs("“穿戴上石桥义警背心，感觉责任感更大了。”队员说。")) in ([], ["石桥义警"])
    assert list(_mechs("青石派出所根据石桥义警提供的线索，侦破案件40余件。")) == ["石桥义警"]
    assert _mechs("青石派出所综合运用多种机制开展专题研究。") == {}


def test_an_adverb_after_a_quote_starts_a_predicate_not_its_head() -> None:
    assert _mechs("青石派出所把司法所、律所三个所“一把手”都纳入领导小组。") == {}
    assert _mechs("当天是该地区一年一度的传统活动“过会”。") == {}


def test_pronouns_and_verbs_of_using_start_no_name_and_a_new_model_is_a_figure() -> None:
    assert _mechs("因为他们工作室的宗旨就是用脚步丈量民情。") == {}
    assert list(_mechs("青石派出所利用石桥巡防队开展巡逻。")) == ["石桥巡防队"]
    assert _mechs("青石区推动警务机制改革打造民生警务“新样板”") == {}


def test_a_team_named_in_quotes_ends_in_any_kind_of_team() -> None:
    """“黄马甲”群众帮扶队: a quoted name before a team word the lexicon does not list."""
    got = _mechs("青石义警由“黄马甲”群众帮扶队、“蓝马甲”执纪监督队等组成。")
    assert _has(got, "黄马甲") and _has(got, "蓝马甲")
    assert _mechs("青石派出所的“警队”形象好。") == {}  # the quote itself ends in 队, no modifier after it
    assert _mechs("青石派出所组织驻社区“访民情”工作队、司法所排查纠纷。") == {}  # a team sent in: a partner


def test_a_quoted_post_taken_up_is_no_practice() -> None:
    assert _mechs("队员来自各行各业，于今年5月“上岗”。") == {}


def test_a_bare_room_kind_a_place_of_no_rule_and_a_flavour_are_no_names() -> None:
    """传统的“警务室”, 矛盾纠纷的“调解室”, 反诈的“广播站”, “三不管”地区, “官方”味道."""
    assert _mechs("将传统的“警务室”改造成为“青石驿站”。").keys() == {"青石驿站"}  # rebuilt into: a name
    assert _mechs("驿站不仅是矛盾纠纷的“调解室”，也是反电诈安全防范的“广播站”。") == {}
    assert _mechs("这里过去是“三不管”地区，治安管理一直很被动。") == {}
    assert _mechs("对部分居民来说，警务室“官方”味道较浓。") == {}


@pytest.mark.parametrize("text,want", [
    ("王大娘70多岁了。之前红枫义务服务队上门办理户籍业务时，看到老人独居。", "红枫义务服务队"),
    ("此前红枫义警队上门走访。", "红枫义警队"),
    ("如今红枫调解室每天接待群众。", "红枫调解室"),
])
def test_time_word_before_a_name_is_not_part_of_it(text: str, want: str) -> None:
    assert list(_mechs(text)) == [want]


def test_verb_before_a_post_is_not_part_of_its_name() -> None:
    assert not any(n.startswith("发挥") for n in _mechs("该所积极发挥网格警务站功能，开展走访。"))


def test_a_post_the_station_sets_up_is_named_by_its_cue_verb() -> None:
    assert list(_mechs("派出所在景区核心区设立景迈山警务室，护航茶农平安。")) == ["景迈山警务室"]
    assert list(_mechs("边防派出所在江桥工地建立了全市首个工地警务室。")) == ["工地警务室"]


@pytest.mark.parametrize("text", ["二是打造核心社区警务室；三是配备村社警务助理。",
                                  "该县在人口相对集中的区域设立片区中心警务室。"])
def test_a_kind_of_post_set_up_is_no_name(text: str) -> None:
    assert not _mechs(text)


def test_each_item_of_a_quoted_list_called_measures_is_a_practice() -> None:
    assert sorted(_mechs("某某派出所采取“庭所衔接、民调入所、律师进所”等举措，化解矛盾纠纷。")) == \
        sorted(["庭所衔接", "民调入所", "律师进所"])
    # a list that names one standard stays one practice
    assert list(_mechs("建立“10分钟响应、30分钟处置”机制，提高处置效率。")) == ["10分钟响应、30分钟处置"]


@pytest.mark.parametrize("text", ["派出所制定了相关管理规章制度，规范运行。", "完善有关工作机制。",
                                  "制定了一系列管理制度。"])
def test_unspecified_rules_are_no_named_practice(text: str) -> None:
    assert not _mechs(text)


def test_a_service_centre_relied_on_is_a_partner_not_a_practice() -> None:
    ext = extract_text("保利社区警务工作室依托保利党群服务中心，贯彻从进社区到驻社区的工作理念。", "t.txt")
    assert [m.name for m in ext.mechanisms] == ["保利社区警务工作室"]
    assert [p.name for p in ext.partners] == ["党群服务中心"]


def test_an_online_chat_group_is_no_named_practice() -> None:
    assert not _mechs("西郊派出所建立了线上微信工作群1362个，开拓了新路子。")


def test_a_quoted_chain_of_steps_is_a_process_with_its_steps_as_parts() -> None:
    m = _mechs("盐城站派出所建立了“发现—登记—通报—整改—复查”的闭环工作机制。")
    assert list(m) == ["发现—登记—通报—整改—复查"]
    assert m["发现—登记—通报—整改—复查"].components == ["发现", "登记", "通报", "整改", "复查"]
    # a chain of offices (three-level duties) is no process
    assert not _mechs("明确“基管中心统筹—业务警种牵头—派出所落地”的三级职责链条。")



def test_each_item_of_a_list_of_mechanisms_of_one_head_is_a_name() -> None:
    m = _mechs("同时，公安局持续搭建矛盾纠纷化解“回访机制”、多次报警纠纷督办机制、部门信息互通机制，保障排查全面。")
    assert list(m) == ["回访机制", "多次报警纠纷督办机制", "部门信息互通机制"]
    # a list of places before a counted name is no list of mechanisms; its parts lose the verb's 了
    m = _mechs("东街派出所建立了镇、村、网格员三级联动机制。")
    assert list(m) == ["三级联动机制"] and m["三级联动机制"].components == ["镇", "村", "网格员"]


def test_one_thing_said_to_be_another_is_a_motto() -> None:
    assert not _mechs("队员们坚持“民警就是导游”“执勤就是风景”的旅游警务理念，将警务工作延伸到景区。")


def test_a_clause_saying_where_a_team_is_names_no_team() -> None:
    assert not _mechs("景区外有边境巡逻队，景区内有服务队。")


def test_a_quote_pointing_back_at_named_things_is_no_name() -> None:
    assert not _mechs("簋街管委会、簋街商会相继成立。在所长看来，派出所“用好这两个平台”很重要。")


def test_short_quoted_parts_joined_by_plus_are_one_formula() -> None:
    m = _mechs("春节期间，黑龙关派出所民辅警通过“车巡”+“步巡”的模式，持续加大巡逻防控力度。")
    assert list(m) == ["车巡+步巡"] and m["车巡+步巡"].components == ["车巡", "步巡"]
    # parts with names of their own stay apart
    m = _mechs("招宝山派出所创新运行“自治互助站”+“老何调解室”的“一站一室”模式。")
    assert {"自治互助站", "老何调解室", "一站一室"} <= set(m)


def test_or_and_a_verb_complement_are_not_part_of_a_name() -> None:
    assert not _mechs("民警被派驻到农村，在社区、农村建立起警务室或警务站，第一时间发现问题。")
    assert list(_mechs("东街派出所组建起柳湾义警队。")) == ["柳湾义警队"]
