"""Partner extraction (EXTRACTION.md section 4): lexicon, rules, links, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.model import Article, Extraction, Mechanism, Station
from loaders.partners import extract_partners, lexicon
from loaders.pipeline import extract_file, extract_text
from loaders.read import source_from_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def run(text: str, mechanisms: list[Mechanism] | None = None) -> Extraction:
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=[Station(name="青石派出所")])
    ext.mechanisms = mechanisms or []
    extract_partners(doc, ext, None)
    return ext


def names(ext: Extraction) -> list[str]:
    return [p.name for p in ext.partners]


def test_lexicon_is_broad_and_well_formed():
    _, types = lexicon()
    assert len(types) >= 600
    cats = {c for t in types.values() for c in t.categories}
    assert cats <= {
        "party", "government", "judicial", "professional", "grassroots", "mass_org", "education",
        "health", "enterprise", "volunteer", "police", "representative_media", "other",
    }


def test_place_prefix_removed_and_level_word_kept():
    ext = run("青石派出所会同石门镇司法所、石门镇人民政府和石门镇党委开展调解。")
    assert names(ext) == ["司法所", "镇政府", "镇党委"]
    assert ext.partners[0].surface == "司法所"
    assert all(p.station == "青石派出所" for p in ext.partners)


def test_joint_mentions_split():
    ext = run("派出所争取镇党委政府支持，联合村(社区)、护林(河)员开展巡逻。")
    assert names(ext) == ["镇党委", "镇政府", "村", "社区", "护林员", "护河员"]
    assert [p.category for p in ext.partners[:2]] == ["party", "government"]


def test_bare_words_only_inside_a_list():
    ext = run("汇集综治、司法、国土、村委等力量到现场调解。加强司法宣传和综治工作。")
    assert names(ext) == ["综治", "司法", "国土", "村委"]


def test_traditional_script_and_pinyin_glosses():
    ext = run("聯合遷陵鎮(zhèn)政府開展檢查，每周與網格員聯系見面。")
    assert names(ext) == ["镇政府", "网格员"]
    assert ext.partners[0].surface == "鎮(zhèn)政府" or ext.partners[0].surface.endswith("政府")


def test_own_staff_residents_and_anecdote_places_excluded():
    ext = run("派出所党员民警走访群众。一名群众持刀冲进村委会，被送到医院。派出所党支部召开会议。")
    assert names(ext) == []


def test_weak_types_need_a_cooperation_cue():
    assert names(run("辖区有学校三所、企业十家。")) == []
    assert names(run("派出所与辖区学校、企业签订共建协议。")) == ["学校", "企业"]


def test_pattern_rule_finds_bodies_outside_the_lexicon():
    ext = run("派出所与司法所立即协调劳动监察部门，调取资料。")
    assert names(ext) == ["司法所", "劳动监察部门"]
    assert ext.partners[1].category == "government"


def test_one_entry_per_partner_and_evidence_is_first_cue_sentence():
    text = "网格员张某报警。派出所联合网格员巡逻。网格员再次参与。"
    ext = run(text)
    assert names(ext) == ["网格员"]
    ev = ext.partners[0].evidence
    assert ev.text == text[ev.start : ev.end] == "派出所联合网格员巡逻。"


def test_linked_to_mechanism_in_same_sentence_and_back():
    mech = Mechanism(name="三调联动", station="青石派出所")
    other = Mechanism(name="清单考核", station="青石派出所")
    ext = run("派出所启动“三调联动”机制，联动司法所、综治办化解纠纷。另推行清单考核。", [mech, other])
    assert names(ext) == ["司法所", "综治办"]
    assert ext.partners[0].mechanisms == ["三调联动"]
    assert mech.partners == ["司法所", "综治办"]
    assert other.partners == []


def test_partner_word_inside_a_mechanism_name_is_not_a_partner():
    mech = Mechanism(name="石门义警", station="青石派出所")
    ext = run("派出所组建“石门义警”队伍，联合警格+网格开展巡逻。", [mech])
    assert "义警" not in names(ext)


def test_seed_001_names_judicial_and_health_partners():
    ext = extract_file(SEEDS / "001_54069cae9a56a430.txt")
    got = set(names(ext))
    assert {"司法所", "卫生院", "法庭", "乡贤", "法律明白人", "户防长"} <= got
    src = (SEEDS / "001_54069cae9a56a430.txt").read_text(encoding="utf-8")
    for p in ext.partners:
        assert src[p.evidence.start : p.evidence.end] == p.evidence.text


def test_seed_002_traditional_finds_grid_workers_and_town_government():
    ext = extract_file(SEEDS / "002_d44633bf8e2737a8.txt")
    got = set(names(ext))
    assert {"网格员", "镇政府", "园区管委会", "县平安办"} <= got
    assert "三区" not in got


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_has_partners_with_true_evidence(seed: str):
    ext = extract_file(SEEDS / seed)
    src = (SEEDS / seed).read_text(encoding="utf-8")
    assert ext.partners
    assert len({p.name for p in ext.partners}) == len(ext.partners)
    for p in ext.partners:
        assert src[p.evidence.start : p.evidence.end] == p.evidence.text
        assert p.category


def test_five_seeds_found():
    assert len(list(SEEDS.glob("*.txt"))) == 5


# Round 2 rules: each test is an invented sentence for one general rule.


def test_recruiting_pools_are_not_partners_but_the_team_is():
    ext = run("派出所从商场、物流园、超市中招募义警,与义警一起巡逻。")
    assert names(ext) == ["义警"]


def test_team_named_as_a_mechanism_is_not_a_partner():
    mech = Mechanism(name="金盾义警", station="青石派出所")
    ext = run("派出所组建“金盾义警”,联合义警和网格员开展巡逻。", [mech])
    assert names(ext) == ["网格员"]


def test_business_and_role_words_stay_whole():
    ext = run("派出所吸纳村小组长、商场保安、网吧酒吧经营者、企业业主等人为志愿者。")
    assert names(ext)[:4] == ["村小组长", "商场保安", "网吧酒吧经营者", "企业业主"]
    assert ext.partners[1].category == "other"


def test_member_after_its_body_gives_the_body():
    ext = run("派出所联合石门村治保会联防队员找到走失老人。")
    assert names(ext) == ["村治保会"]  # the place goes, the level stays (迁陵镇政府 -> 镇政府)


def test_sub_unit_of_a_school_stays_whole():
    ext = run("派出所将研判结果通报学校保卫处。")
    assert names(ext) == ["学校保卫处"]
    assert ext.partners[0].category == "education"


def test_own_units_and_scenery_are_not_partners():
    assert names(run("派出所成立矛盾纠纷调解委员会,调解委员会每周开会。")) == []
    assert names(run("派出所组建一支平安巡逻队,巡逻队每晚出动。")) == []
    assert names(run("辖区有电视台及中小学、幼儿园等防控点位20处。")) == []
    assert "义务巡逻队" in names(run("派出所组建100支义务巡逻队,动员群众参与防控。"))


def test_officer_roles_descriptions_and_beneficiaries_excluded():
    assert names(run("所长担任网格指导员,成为群众信赖的老娘舅。")) == []
    assert names(run("以驻地高校较多的石门乡为试点,派出所联合推进。")) == []
    assert names(run("派出所为每家民宿配备民警对接服务。")) == []
    assert names(run("派出所联合网格员组建党员调解网络。")) == ["网格员"]
    assert names(run("民警兼任村党总支副书记,化解纠纷。")) == ["村党总支"]


def test_honours_givers_are_not_partners():
    assert names(run("派出所被中组部和妇联联合命名为先进集体。")) == []
    assert names(run("该所先后被区人民政府记集体三等功。")) == []
    assert names(run("该所与区政府联合开展调解。")) == ["区政府"]


def test_bodies_in_the_places_history_are_not_partners():
    text = "上世纪七八十年代，镇里设立多家工厂，另有林场、学校等单位，由派出所联合治安。"
    assert names(run(text)) == []
    assert names(run("派出所联合林场、学校开展防火宣传。")) == ["林场", "学校"]


def test_traditional_roles_and_grassroots_bodies_found():
    ext = run("派出所邀请寨老、族老、老支书参与调解,会同开发区、交管办等单位排查。")
    assert names(ext) == ["寨老", "族老", "老支书", "开发区", "交管办"]


def test_closed_list_items_and_bare_list_words_count():
    ext = run("定期会同乡镇平安建设、应急管理、司法、国土等部门研判。")
    assert names(ext) == ["平安建设", "应急管理", "司法", "国土"]


def test_vague_unit_words_dropped_and_named_bodies_kept_whole():
    assert names(run("派出所联合相关单位开展检查。")) == []
    ext = run("石门县委政法委联合派出所、离退休老干部和律所开展调解。")
    assert names(ext) == ["县委政法委", "离退休老干部", "律所"]


def test_quoted_residents_group_is_a_partner_unless_the_station_brand():
    ext = run("派出所联合“银发小管家”开展巡查。")
    assert names(ext) == ["银发小管家"]
    assert names(run("推广“晚霞”调解工作法。民警和“晚霞”调解队员走访群众。")) == []


def test_neighbouring_named_station_is_a_police_partner():
    doc = clean(source_from_text("附近石桥派出所通报一名老人走失,青石派出所立即查找。", "t.txt"))
    ext = Extraction(article=Article(file="t.txt"),
                     stations=[Station(name="青石派出所"), Station(name="石桥派出所", role="mentioned")])
    extract_partners(doc, ext, None)
    assert names(ext) == ["派出所"]


def test_named_border_station_is_the_station_itself_not_a_partner():
    doc = clean(source_from_text("联合北山边境派出所开展巡边。", "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=[Station(name="北山边境派出所")])
    extract_partners(doc, ext, None)
    assert names(ext) == []
    assert names(run("派出所联合南岭边境派出所开展巡边。")) == ["边境派出所"]


def test_line_break_ends_a_caption():
    assert names(run("所长慰问辖区网格员\n民警在窗口服务群众")) == ["网格员"]


# -- round 3: rules generalised from a fresh development set (sentences invented) --


def test_level_and_kind_words_of_a_type_are_kept():
    ext = run("青石派出所联合社区居委会、基层法庭和小区物业开展调解。")
    assert names(ext) == ["社区居委会", "基层法庭", "小区物业"]


def test_more_joint_mentions_split():
    ext = run("派出所联合社区街道、村（居）委会，会同镇村两级干部排查隐患。")
    assert names(ext) == ["社区", "街道", "村委会", "居委会", "镇干部", "村干部"]
    assert [p.category for p in ext.partners[:2]] == ["grassroots", "government"]


def test_group_with_bracketed_members_is_one_partner():
    ext = run("派出所依靠“五老工作者”（老干部、老支书、老党员）化解纠纷。")
    assert names(ext) == ["五老工作者"]


def test_group_nouns_of_border_and_plateau_areas():
    ext = run("民警带着护边员巡逻。派出所联合警务员、双联户、出租房房东和劳务仲介开展核查。")
    assert names(ext) == ["护边员", "警务员", "双联户", "出租房房东", "劳务中介"]


def test_places_of_an_event_are_not_partners():
    ext = run(
        "民警组织警力在学校周边开展巡逻。联络点设立在小区、医院等关键区域，负责收集信息。"
        "联合网格员，加强了校园、卫生院等重点单位的防控。"
    )
    assert names(ext) == ["网格员"]


def test_other_named_station_needs_a_working_cue_and_former_name_is_not_one():
    assert names(run("青石派出所的前身是石门边防派出所，现有民警5名。")) == []
    assert names(run("石门边防派出所辖区有三个村。")) == []
    assert names(run("民警与白沙边防派出所联合巡逻。")) == ["边防派出所"]


def test_police_unit_before_a_clause_with_the_station_is_kept():
    ext = run("交警部门也在派出所设置了服务点，群众可以就近办理业务。")
    assert names(ext) == ["交警部门"]


def test_bare_words_that_list_kinds_of_activity_are_not_bodies():
    ext = run("派出所建立了人民调解、行政调解和司法调解联动机制。")
    assert names(ext) == []


def test_field_words_in_a_list_of_departments_are_government():
    ext = run("派出所协调教体、文广、民政等部门共同开展护校行动。")
    assert [(p.name, p.category) for p in ext.partners] == [
        ("教体", "government"), ("文广", "government"), ("民政", "government")
    ]


def test_bare_community_needs_a_partner_beside_it_not_a_formula():
    ext = run("派出所融合物业力量，构建社区+警务室的架构。联合社区、司法所开展调解。")
    assert names(ext) == ["物业", "社区", "司法所"]


def test_team_named_as_the_mechanism_is_the_station_brand():
    mech = Mechanism(name="和事佬", station="青石派出所")
    ext = run("派出所组建了6支12人的“和事佬”调解队，调解邻里纠纷。", [mech])
    assert names(ext) == []


def test_own_party_members_at_party_life_are_not_partners():
    ext = run("派出所坚持党员互学、全警共学联动，强化党员日常教育。派出所联合党员开展巡逻。")
    assert names(ext) == ["党员"]
    assert "巡逻" in ext.partners[0].evidence.text


def test_rescue_team_the_station_forms_is_its_own():
    ext = run("派出所组建村级应急救援队11支。派出所联合蓝天救援队开展搜救。")
    assert names(ext) == ["蓝天救援队"]


# ------------------------------------------------------------------ rules from fresh articles (silver review)


def test_two_character_activity_after_a_cue_is_not_a_body():
    ext = run("该所开展矛盾纠纷排查、联动调处,会同镇综治中心化解纠纷。")
    assert "调处" not in names(ext)
    assert "综治中心" in names(ext)


def test_verb_ending_in_a_conjunction_does_not_make_a_list():
    ext = run("200余名网格员、志愿者等力量参与平安建设。")
    assert "平安建设" not in names(ext)
    assert {"网格员", "志愿者"} <= set(names(ext))


def test_counted_units_of_the_area_are_profile_not_partners():
    ext = run("青石派出所管辖3个居委会、12个行政村,常住人口2万人。")
    assert "居委会" not in names(ext)
    ext = run("青石派出所联合3个居委会开展夜间巡逻。")
    assert "居委会" in names(ext)


def test_invited_and_incorporated_people_are_partners():
    ext = run("民警叫来了村干部和司法所所长共同调解。")
    assert "村干部" in names(ext)
    ext = run("该所将调解员、律师纳入调解团队。")
    assert {"调解员", "律师"} <= set(names(ext))


def test_utility_fields_listed_with_a_business_are_partners():
    ext = run("该所牵头协调电力、物业、燃气等职能单位解决群众难题。")
    assert {"电力", "物业", "燃气"} <= set(names(ext))
    ext = run("辖区电力供应稳定。")
    assert "电力" not in names(ext)


def test_pastoral_village_head_and_volunteer_police_are_known_types():
    ext = run("民警邀请嘎查长和长者共同参与调解。")
    assert "嘎查长" in names(ext)
    ext = run("600余名志愿警、网格员等力量参与巡逻。")
    assert "志愿警" in names(ext)


def test_covered_units_working_with_the_station_stay_partners():
    ext = run("该所联合覆盖全镇的3个村委会开展巡逻。")
    assert "村委会" in names(ext)


# -- round 4: rules generalised from a blind set (sentences invented) --


def test_reprint_comma_before_a_list_separator_keeps_the_list():
    ext = run("派出所吸纳网格员,、楼栋长,、单元长和老党员、保洁员等力量参与巡逻。")
    assert names(ext) == ["网格员", "楼栋长", "单元长", "老党员", "保洁员"]
    assert names(run("派出所吸纳网格员。楼栋长,单元长在家。")) == ["网格员"]


def test_people_paired_with_officers_work_with_the_station():
    assert names(run("民警与调解员兵分两路走访双方。")) == ["调解员"]
    assert names(run("调解员以情感为纽带开导双方。")) == []


def test_items_of_a_police_formula_are_partners_even_with_a_count():
    mech = Mechanism(name="社区民警+网格员+N个治安积极分子", station="青石派出所")
    ext = run("全镇构建起“社区民警+网格员+N个治安积极分子”的责任体系。", [mech])
    assert names(ext) == ["网格员", "治安积极分子"]
    assert ext.partners[1].mechanisms == [mech.name]
    assert names(run("全镇构建起“1+N个治安积极分子”的宣传体系。")) == []


def test_block_words_hide_the_variant_inside_them():
    assert names(run("团队带头人老周联合大家说。")) == []
    assert names(run("全力防风险、保安全、护稳定，联合各方。")) == []
    assert names(run("联合推动大学生和高校毕业生就业。")) == []


def test_party_body_of_an_organisation_is_named_as_written():
    ext = run("探索成立以企事业单位党组织为成员的联盟，将辖区20余家街镇机关单位吸纳进来。")
    assert names(ext) == ["企事业单位党组织", "街镇机关单位"]
    assert [p.category for p in ext.partners] == ["party", "government"]


def test_community_committee_abbreviation_and_informed_villagers():
    ext = run("派出所联合社居委、村社明白人调解纠纷。")
    assert names(ext) == ["社居委", "村社明白人"]
    assert {p.category for p in ext.partners} == {"grassroots"}


def test_address_before_a_resident_is_not_a_body_at_work():
    assert names(run("石门街道办事处青苗社区居民李某高兴地说。")) == []
    assert names(run("派出所联合街道办事处开展排查。")) == ["街道办事处"]


def test_press_coverage_and_organisational_history_are_not_partners():
    assert names(run("全国媒体大型采访活动启动后，记者来到派出所。")) == []
    assert names(run("派出所联合媒体开展宣传。")) == ["媒体"]
    assert names(run("随后，包括派出所在内的公安边防部队转隶成为移民管理警察。")) == []


def test_bulleted_headline_list_is_boilerplate():
    assert names(run("相关新闻\n· 推动社会组织助力青年就业\n· 石门举办运动会")) == []
    assert names(run("· 派出所联合社会组织开展帮扶，效果明显。")) == ["社会组织"]


def test_role_word_before_a_persons_name_is_a_private_person():
    assert names(run("“有事好商量。”退休民警、调解员老刘说。")) == []
    assert names(run("网格员张某联合邻居报警。")) == []


def test_collective_name_closing_a_list_is_not_a_partner_of_its_own():
    ext = run("派出所吸纳网格员、楼栋长等群防群治力量参与巡逻。")
    assert names(ext) == ["网格员", "楼栋长"]


def test_place_named_as_the_goal_of_the_work_is_not_a_partner():
    assert names(run("派出所联合商户打造平安景区。")) == ["商户"]


def test_quoted_group_needs_a_cue_and_patrol_teams_are_volunteers():
    assert names(run("近日，“石桥十姐妹”团队第三代带头人对记者说。")) == []
    ext = run("“轮户轮值”机制让村民护村队联合民警巡逻。")
    assert [(p.name, p.category) for p in ext.partners] == [("护村队", "volunteer")]


def test_link_goes_to_the_nearest_mechanism_or_the_one_created_after():
    a = Mechanism(name="联调联防", station="青石派出所")
    b = Mechanism(name="石门调解室", station="青石派出所")
    ext = run("民警依托“联调联防”模式，联合司法所、城管局参与调解，最终在石门调解室达成协议。", [a, b])
    assert [p.mechanisms for p in ext.partners] == [["联调联防"], ["联调联防"]]
    c = Mechanism(name="双优品牌", station="青石派出所")
    d = Mechanism(name="红盾联盟", station="青石派出所")
    ext = run("派出所打造“双优品牌”，与辖区学校、医院签订协议，成立了“红盾联盟”。", [c, d])
    assert ext.partners[0].mechanisms == ["红盾联盟"]


def test_link_falls_back_to_the_paragraph_or_the_section_heading():
    m = Mechanism(name="平安联盟", station="青石派出所")
    ext = run("派出所牵头社区干部走进企业开展活动。这是该所推行“平安联盟”工作的缩影。", [m])
    assert ext.partners[0].name == "社区干部" and ext.partners[0].mechanisms == ["平安联盟"]
    n = Mechanism(name="警地融合", station="青石派出所")
    ext = run("青石派出所位于山区。\n一、推行“警地融合”\n派出所发动网格员参与巡逻。民警走访群众。\n", [n])
    assert names(ext) == ["网格员"] and ext.partners[0].mechanisms == ["警地融合"]


def test_jurisdiction_prefix_removed_and_person_in_charge_kept_with_the_body():
    ext = run("派出所将辖区单位、景区安保力量进行整合，组建巡逻力量。民警主动与景区负责人沟通，联系驻地单位配合。")
    assert names(ext) == ["单位", "景区安保", "景区负责人"]  # as written, like 物业负责人 in the dev golds


def test_party_body_of_the_police_above_is_its_own_but_its_units_are_partners():
    ext = run("在分局党委的大力支持下，派出所协调分局特警、镇党委开展联合巡逻。")
    assert names(ext) == ["特警", "镇党委"]


def test_parent_units_in_a_border_station_full_name_are_not_partners():
    text = "白溪边境管理支队石湾边境管理大队青石边境派出所联合司法所开展调解。"
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=[Station(name="青石边境派出所")])
    extract_partners(doc, ext, None)
    assert names(ext) == ["司法所"]


def _with_stations(text: str, *stations: Station) -> Extraction:
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=list(stations))
    extract_partners(doc, ext, None)
    return ext


def test_the_subjects_own_kind_of_station_unnamed_is_the_station_itself():
    subject = Station(name="青石边境派出所")
    ext = _with_stations("该所巩固司法所、村委、边境派出所联合调解机制。", subject)
    assert names(ext) == ["司法所", "村委"]
    ext = _with_stations("该所与相邻边境派出所联合巡逻。", subject)
    assert names(ext) == ["边境派出所"]


def test_a_mentioned_station_of_another_kind_is_named_by_its_kind():
    ext = _with_stations(
        "青石派出所与白溪火车站派出所共建，开展联合巡逻。",
        Station(name="青石派出所"), Station(name="白溪火车站派出所", role="mentioned"),
    )
    assert names(ext) == ["火车站派出所"]


def test_collective_name_after_a_counted_closer_is_not_a_partner():
    ext = run("由派出所牵头，网格化中心、城管中队、旅游公司等14个职能部门共同参与联勤。")
    assert names(ext) == ["网格化中心", "城管中队", "旅游公司"]
    ext = run("派出所联合职能部门开展整治。")
    assert names(ext) == ["职能部门"]


def test_set_phrases_and_trendy_places_are_not_partners():
    ext = run("统筹党政军警民各方力量，联合边防连队守边。景区有众多网红打卡点，吸引游客参与。")
    assert names(ext) == ["边防连队"]


def test_bare_field_word_folds_into_the_body_of_its_field():
    ext = run("派出所与石门区民政局合力构建机制。由派出所牵头，联合民政、妇联开展回访。")
    assert names(ext) == ["民政局", "妇联"]
    ext = run("汇集综治、司法、国土等力量，配合综治专干调解。")
    assert names(ext) == ["综治", "司法", "国土", "综治专干"]


def test_party_members_and_masses_as_written_or_folded_into_party_members():
    ext = run("派出所联动辖区458名党员群众参与巡逻。")
    assert [(p.name, p.category) for p in ext.partners] == [("党员群众", "grassroots")]
    ext = run("发动党员、群众组建巡逻队。发展党员群众协助派出所收集线索。")
    assert names(ext) == ["党员"]


def test_a_place_visited_is_not_a_partner_but_a_co_builder_is():
    ext = run("派出所组织民警参观纪念馆。")
    assert names(ext) == []
    ext = run("民警联合村委会走访商户，宣传防诈知识。")
    assert names(ext) == ["村委会"]
    ext = run("民警联合村委会、商户开展巡查。")
    assert names(ext) == ["村委会", "商户"]
    ext = run("派出所通过与白溪革命纪念馆共建，联合导游开展宣讲。")
    assert names(ext) == ["纪念馆", "导游"]


def test_a_hazard_at_a_place_is_no_partner():
    ext = run("联勤工作站共消除景区安全隐患30余处。")
    assert names(ext) == []
    ext = run("派出所联合景区开展巡查。")
    assert names(ext) == ["景区"]


def test_a_quoted_grid_staff_role_the_station_is_given_is_a_grassroots_partner():
    ext = run("警格与网格融合，划分7个网格，配备“双岗管理员”，实现警情实时推送。")
    assert [(p.name, p.category) for p in ext.partners] == [("双岗管理员", "grassroots")]


# -- session 3: roles as written, list neighbours, demonstratives, practices
def test_a_role_keeps_its_kind_word_as_written():
    ext = run("派出所聘请退休法官、司法调解员参与调解，联合企业协会开展宣传。")
    assert names(ext) == ["退休法官", "司法调解员", "企业协会"]
    ext = run("派出所联合社区网格员开展走访。")
    assert names(ext) == ["网格员"]


def test_an_unknown_role_beside_known_partners_in_a_list_is_a_partner():
    ext = run("派出所联合网格员、护河员、巡山员等力量开展巡逻。")
    assert "巡山员" in names(ext)
    ext = run("该所联合多部门开展反诈知识进学校、进企业、进宾馆、进医院等宣讲活动。")
    assert not any(n.startswith("进") for n in names(ext))


def test_a_demonstrative_or_a_meeting_is_no_partner():
    ext = run("派出所依托此中心，联合司法所化解纠纷。")
    assert names(ext) == ["司法所"]
    ext = run("派出所落实“三会一课”、组织生活会等制度，联合司法所化解纠纷。")
    assert "生活会" not in names(ext)


def test_a_body_the_article_names_as_a_practice_is_no_partner():
    ext = run("派出所依托调处中心，联合司法所化解纠纷。", [Mechanism(name="调处中心")])
    assert names(ext) == ["司法所"]


def test_rooms_addresses_places_served_and_own_officers_are_no_partners():
    ext = run("在石门村村委会活动室，派出所联合司法所调解纠纷。")
    assert names(ext) == ["司法所"]
    ext = run("在青山经济开发区花溪街道，派出所联合司法所化解纠纷。")
    assert names(ext) == ["司法所"]
    ext = run("巡防队成为公安机关的有益补充力量，为青山经济开发区的经济发展保驾护航。")
    assert "开发区" not in names(ext)
    ext = run("由边境派出所民警、边防官兵与民兵组成的联合巡逻分队开始巡逻。")
    assert names(ext) == ["边防官兵", "民兵"]
    ext = run("派出所将警力推向村社、推向群众。")
    assert names(ext) == []


def test_bodies_in_anecdotes_sources_places_and_roles_taken_are_no_partners():
    ext = run("不久前，石门小镇内一家企业因债务问题遭遇合作方扣押物资。派出所联合司法所调解。")
    assert names(ext) == ["司法所"]
    ext = run("在处理一起企业内因排队引发的冲突时，派出所联合司法所调解。")
    assert names(ext) == ["司法所"]
    ext = run("派出所与一家企业合作开展反诈宣传。")
    assert names(ext) == ["企业"]
    ext = run("村寨距离乡政府所在地有6公里。记者从市政法委召开的新闻发布会上获悉，派出所联合司法所调解。")
    assert names(ext) == ["司法所"]
    ext = run("这些律师以人民调解员的身份参与调解，派出所联合司法所开展回访。")
    assert names(ext) == ["律师", "司法所"]


def test_an_action_after_a_partner_is_no_body():
    assert names(run("派出所联合司法所及时介入调处纠纷。")) == ["司法所"]


def test_a_collective_the_station_builds_up_is_no_partner():
    # 壮大/激活 群防群治力量: the station's aim, not a body working with it
    assert names(run("为壮大群防群治力量，派出所联合司法所开展巡逻。")) == ["司法所"]
    assert names(run("全年开展巡防200余次，有效激活了群防群治力量。")) == []
    # the collective is no partner of its own at all (annotators list its members instead),
    # nor are the station's generic patrol and mediation teams
    assert names(run("派出所民警慰问辖区群防群治力量。")) == []
    assert names(run("青石派出所依托警务室打造了巡逻队和调解队两支队伍。")) == []
    assert names(run("百年大楼成了网红，人流随之涌来。")) == []


def test_a_role_of_a_named_body_is_that_body():
    ext = run("派出所主持调解，司法所调解员、律师事务所律师参与。")
    assert names(ext) == ["司法所", "律师事务所"]
    # a bare role named more fully elsewhere in the article is one partner
    ext = run("派出所联合交警大队开展整治。交警现场疏导，派出所联合公益律师调解。律师讲解法律。")
    assert sorted(names(ext)) == ["交警大队", "公益律师"]
    # a role on its own stays
    assert names(run("派出所联合律师开展普法。")) == ["律师"]


def test_a_centre_the_station_sets_up_or_names_as_its_practice_is_no_partner():
    assert names(run("派出所建立矛盾纠纷调处中心，联合司法所化解纠纷。")) == ["司法所"]
    ext = run("派出所“青和+”多维调处中心试运行，联合司法所化解纠纷。",
              [Mechanism(name="青和+", station="青石派出所")])
    assert names(ext) == ["司法所"]
    # a centre of another body the station works with is still a partner
    assert names(run("派出所联合镇矛盾纠纷调处中心化解纠纷。")) == ["调处中心"]


def test_firms_describing_the_area_are_no_partners():
    assert names(run("近几年，来这里投资发展的企业越来越多，派出所联合司法所调解纠纷。")) == ["司法所"]
    assert names(run("辖区企业很多，企业发展的速度离不开派出所与司法所的共同护航。")) == ["司法所"]


def test_a_bare_level_word_before_a_named_body_goes_like_a_place():
    ext = run("青石派出所积极联合城关镇、县土地资源管理局、县市场监管局对此纠纷进行调解。")
    assert "土地资源管理局" in names(ext) and "县土地资源管理局" not in names(ext)
    assert "市场监管局" in names(ext)


def test_words_read_across_a_place_name_a_school_or_a_verb_are_no_partners():
    assert names(run("2016年，上海警方与珠海警方试点社区警务改革。")) == []
    assert names(run("2006年7月，从武警海警学院毕业的李雪松成为青石派出所的一名民警。")) == []
    assert "步至司法所" not in names(run("调解画面通过执法记录仪同步至司法所组成的云调解室。"))
    assert "记者" not in names(run("记者同民警一起在辖区内走访商户。"))


def test_a_list_closed_by_部门_after_its_cue_and_field_words_before_部门():
    ext = run("青石派出所联合景区管委会、海事、旅游、运管等部门，深化协作护水机制。")
    assert names(ext) == ["景区管委会", "海事", "旅游", "运管"]
    assert names(run("青石派出所联合工商管理部门、旅游公司等建立了调解机制。")) == ["工商管理部门", "旅游公司"]
    assert "部门" not in names(run("青石派出所牵头多部门48小时内达成调解。"))


def test_the_subject_station_named_like_a_kind_of_station_is_no_partner():
    doc = clean(source_from_text("水上派出所联合海事、旅游等部门开展巡航。", "t.txt"))
    ext = Extraction(article=Article(file="t.txt"), stations=[Station(name="水上派出所")])
    extract_partners(doc, ext, None)
    assert names(ext) == ["海事", "旅游"]


def test_station_words_in_names_and_kinds_of_station_in_a_story_are_no_partners():
    assert names(run("景区治安派出所的6名民警和53名辅警守护着115平方公里。")) == []
    assert names(run("土主派出所是重庆成立的第一批农村派出所之一。")) == []
    assert names(run("青石派出所与周边派出所联合开展巡逻。")) == ["派出所"]


def test_words_inside_a_run_of_quoted_names_are_no_partners():
    assert names(run("驻站民警组建了“村民自治”“房东房客”“超市采购”“民宿管理”等22个微信群。")) == []


def test_party_rhetoric_and_the_stations_own_party_members_are_no_partners():
    assert names(run("切实发挥党组织的战斗堡垒作用和党员先锋模范作用。")) == []
    assert names(run("青石派出所组织党员民辅警来到烈士墓前重温入党誓词。")) == []
    # a body named for its part in a practice still counts (党政作用发挥由参与到主导)
    assert names(run("青石派出所推行工作法，即党政作用发挥由“参与”到“主导”，联合司法所调解。")) == ["党委", "政府", "司法所"]


def test_a_full_time_peoples_mediator_is_a_peoples_mediator():
    ext = run("派出所聘请专职人民调解员参与调解。")
    assert names(ext) == ["人民调解员"]


def test_units_the_area_is_cut_into_or_reached_are_not_partners() -> None:
    assert names(run("青石派出所辖区有8个村委会、4个社区，常住人口3万人。")) == []
    assert names(run("青石派出所将辖区6个村委会划分为6块责任田。")) == []
    assert names(run("青石派出所将警力下沉到每个村委会，及时发现矛盾苗头。")) == []
    assert names(run("青石派出所联合6个村委会开展巡逻。")) == ["村委会"]  # working with them is


def test_company_representatives_and_security_bodies_keep_their_names() -> None:
    assert "企业代表" in names(run("青石派出所多次邀请村民代表、企业代表走进警务室征求意见。"))
    assert "企业保卫组织" in names(run("青石派出所依靠企业保卫组织和治保主任协助完成任务。"))


def test_scenic_area_staff_and_shops_are_named_as_written() -> None:
    got = names(run("青石派出所发动景区商户、景区工作人员、物业工作人员等群体，组建群防群治队伍。"))
    assert {"景区商户", "景区工作人员", "物业工作人员"} <= set(got) and "景区" not in got


def test_school_staff_and_pupils_are_named_as_written() -> None:
    assert "学校师生" in names(run("青石派出所广泛发动党员干部、学校师生、基层民兵等力量，组建义警队。"))


def test_family_elders_are_no_clan_head() -> None:
    assert names(run("青石派出所民警动员两家的家族长辈，以吃和睦饭的方式化解矛盾。")) == []


def test_police_units_schools_and_deputies_need_a_word_of_working_together() -> None:
    assert names(run("事发路段由交警负责疏导，青石派出所民警赶到现场。")) == []
    assert names(run("青石派出所所长当选县人大代表。")) == []
    assert "交警" in names(run("青石派出所联合交警开展夜间巡逻。"))
    assert "学校" in names(run("青石派出所与学校共建护学岗。"))


def test_role_slogans_chat_groups_and_trade_lists() -> None:
    assert names(run("青石派出所坚持“党政主导、综治协调、公安指导、部门联动”，组建调解队伍。")) == []
    assert names(run("青石派出所加入出租屋群、商户群、保安群等240个微信群，覆盖群众7.8万人。")) == []
    got = names(run("青石派出所联合市场监管、卫健、消防、文旅等行业职能部门开展专项行动。"))
    assert got == ["市场监管", "卫健", "消防", "文旅"]


def test_bare_streets_and_communities_listed_after_a_joint_verb() -> None:
    assert names(run("青石派出所联合街道、社区开展反诈宣传。")) == ["街道", "社区"]
    assert names(run("青石派出所民警走访街道、社区，宣传反诈。")) == []


def test_support_vague_groups_and_乡贤_after_以及() -> None:
    assert names(run("青石派出所积极沟通协调，在乡党委政府的大力支持下，建立起帮扶站。")) == ["乡党委", "乡政府"]
    got = names(run("帮扶站吸纳了相关部门人员、辖区内的企业家以及乡贤、综治网格员。"))
    assert got == ["企业家", "乡贤", "综治网格员"]
    assert names(run("青石派出所民警到村委会走访。")) == []  # a place the officers go to, still


def test_members_listed_before_a_group_of_people_are_not_partners():
    # 由A、B等X组成 / A、B等X: the items are where the group's members come from; X is the partner
    ext = run("青石派出所组建了一支由辖区老党员、老村长、老教师等“五老”人员组成的调解员队伍，化解纠纷。")
    assert names(ext) == ["五老人员"]
    assert names(run("青石派出所构建由楼院长、物业保安等300名治安积极分子组成的群防队伍。")) == ["治安积极分子"]
    assert names(run("社区民警每周与村书记、治保主任等村干部见面，了解社情民意。")) == ["村干部"]
    # a collective summary or no group after 等: the items are the partners
    assert names(run("青石派出所组织网格员、楼栋长等群防群治力量开展巡逻。")) == ["网格员", "楼栋长"]
    assert set(names(run("青石派出所联合由景区、导游、志愿者等组成的巡逻队开展巡逻。"))) == {"景区", "导游", "志愿者"}


def test_county_leadership_counts_only_where_the_clause_says_they_work_together():
    assert names(run("多年来，青石派出所在县委、县政府和上级公安机关的坚强领导下，忠实履行职责。")) == []
    assert names(run("青石派出所主动融入区委、区政府工作。")) == []
    assert names(run("青石派出所联合县委、县政府开展专项整治。")) == ["县委", "县政府"]


def test_develop_is_a_cue_only_before_the_people_it_recruits():
    assert names(run("青石派出所把握景区高质量发展主基调。")) == []
    assert names(run("这支队伍已发展成为服务团队，辖区企业很多。")) == []
    assert names(run("青石派出所发展了一批治安信息员和快递员，织密防控网。")) == ["治安信息员", "快递员"]


def test_hired_as_a_role_is_a_partner():
    assert names(run("于是，青石派出所很快将两人聘为特邀调解员。")) == ["特邀调解员"]


def test_a_verb_of_sending_before_a_list_is_not_part_of_the_first_partner() -> None:
    names = {p.name for p in extract_text(
        "柳湾派出所调解的画面通过执法记录仪，同步至司法所、律师事务所组成的“云调解室”。", name="t.txt").partners}
    assert names == {"司法所", "律师事务所"}
    assert not extract_text("柳湾派出所将警力下沉至村委会、社区。", name="t.txt").partners


def test_counts_of_the_area_across_commas_and_after_the_unit_are_profile() -> None:
    assert names(run("全乡辖9个行政村，2个居委会，共有人口3万。")) == []
    assert names(run("青石派出所辖区面积300平方公里，有村委会6个，人口2万。")) == []
    assert names(run("全乡辖9个行政村，青石派出所联合2个居委会开展巡逻。")) == ["居委会"]


def test_a_village_committee_named_as_a_place_is_not_a_partner() -> None:
    assert names(run("在石门乡白杨村村委会一起因宅基地产生的纠纷得以化解。")) == []
    assert names(run("白杨村委会是以前的乡政府所在地，外来人员多。")) == []
    assert names(run("东坝乡白杨村委会下寨离派出所最远。")) == []
    # working together, or no place named before it: still a partner
    assert names(run("白杨村委会和民警一起调解纠纷。")) == ["村委会"]
    assert names(run("村委会多次出面调解，双方仍未和解。")) == ["村委会"]


def test_two_committees_keep_their_level_and_their_cadres_give_the_body() -> None:
    assert names(run("由青石派出所牵头，社区委员会“两委”班子成员参与调解。")) == ["社区两委"]
    assert names(run("驻村民警及村“两委”干部一起走访农户。")) == ["村两委"]
    assert names(run("青石派出所联合两委开展调解。")) == ["两委"]


def test_a_case_counted_with_一起_is_no_word_of_working_together() -> None:
    assert names(run("红军巷的一起游客和商户矛盾纠纷得到化解。")) == []
    assert names(run("民警与商户一起调解纠纷。")) == ["商户"]
    assert names(run("警务亭配备民警1名，辐射4个村委会，服务居民1.8万人。")) == []


def test_the_government_s_departments_are_one_partner_政府部门() -> None:
    names = {p.name for p in extract_text("柳湾警务室积极协调政府各部门，在社区两委的配合下搭建流管架构。", name="t.txt").partners}
    assert "政府部门" in names and "政府" not in names


def test_people_stationed_in_the_station_work_with_it() -> None:
    assert names(run("4名司法人员、3名人民调解员、1名法律顾问驻所轮流值班。")) == ["人民调解员", "法律顾问"]
    assert names(run("人民调解员进驻基层派出所")) == ["人民调解员"]
    assert names(run("3名人民调解员住在镇上。")) == []


def test_a_bare_township_word_right_after_a_word_of_working_with_it() -> None:
    assert names(run("青石派出所加强与乡镇沟通协调，深入村组走访。")) == ["乡镇"]
    assert names(run("民警邀请乡镇领导召开协调会。")) == ["乡镇"]
    # the level of the body after it, a name in quotes, or no word of working with it
    assert names(run("青石派出所联合乡镇综治中心开展排查。")) == ["综治中心"]
    assert names(run("接入“平安乡镇”视频资源，实现联动共治。")) == []
    assert names(run("全县各乡镇联动开展巡逻。")) == []


def test_the_last_list_item_running_on_into_its_verb_keeps_its_role_word() -> None:
    assert "平安小管家" in names(run("“民警、辅警、保安、平安小管家”多方联动，组成巡逻队。"))
    assert names(run("联合市妇联、社居委、楼栋小管家以社区警务室为试点。")) == ["妇联", "社居委", "楼栋小管家"]
    assert names(run("充分发挥社区民警、片区书记、村干部队伍作用。")) == ["片区书记", "村干部"]


def test_the_party_s_own_role_is_no_partner() -> None:
    assert names(run("青石派出所共建共治，强化基层党组织的政治功能和组织功能。")) == []
    assert names(run("让党员发挥作用“活”起来、党小组凝聚力量“动”起来。")) == []
    assert names(run("青石派出所联合基层党组织开展调解。")) == ["基层党组织"]


def test_the_body_of_a_named_place_after_在_is_where_something_happens() -> None:
    assert names(run("民警在石桥村党群服务中心完成了点名，随后联合网格员走访。")) == ["网格员"]
    assert names(run("在石桥镇便民服务中心大楼里，民警联合调解员接待群众。")) == ["调解员"]
    assert names(run("在石桥镇党委政府的大力支持下，青石派出所开展调解。")) == ["镇党委", "镇政府"]


def test_the_collective_of_mass_prevention_is_a_partner_unless_it_closes_a_list() -> None:
    assert names(run("今年以来，派出所共依托群防群治力量解决各类案事件20余起。")) == ["群防群治力量"]
    assert names(run("调解室联合司法所、网格员等各界社会群防群治力量开展调解。")) == ["司法所", "网格员"]
    assert names(run("壮大群防群治力量，联动共治。")) == []


def test_the_body_the_station_reports_its_work_to_is_a_partner() -> None:
    assert names(run("青石派出所主动向党委、政府汇报，争取经费。")) == ["党委", "政府"]
    assert names(run("所里把种植计划向当地政府作了汇报。")) == ["政府"]
    # its superior police unit is no partner; residents telling a body are no cooperation
    assert names(run("青石派出所及时向分局汇报情况。")) == []
    assert names(run("村民多次向政府反映情况。")) == []


def test_each_quoted_item_of_a_list_closed_by_a_collective_of_groups_is_a_group() -> None:
    got = names(run("青石派出所整合了辖区内的“护村队”“银发岗”“蓝马甲”等群防群治组织，开展巡逻。"))
    assert got == ["护村队", "银发岗", "蓝马甲"]
    assert names(run("积极培育“银发岗”、“蓝马甲”等社会治安力量。")) == ["银发岗", "蓝马甲"]
    # quoted slogans closed by something else are no groups
    assert names(run("坚持“早发现”“早化解”等工作方法。")) == []


def test_people_the_station_calls_in_to_act_with_it_are_partners() -> None:
    assert names(run("民警说，把村干部都叫上，一起去地里看看。")) == ["村干部"]
    assert names(run("民警先把两户人拉开，并通知石桥村的村支书赶到现场。")) == ["村支书"]
    # a notice about the body, nobody called to the scene
    assert names(run("民警通知村支书，明天停水。")) == []


def test_a_quoted_role_word_in_a_headline_is_the_officers_nickname() -> None:
    assert names(run("古城墙下的“心理咨询师”\n青石派出所民警每天走访商户，化解纠纷。")) == []
    # in a sentence it is still the role
    assert names(run("青石派出所民警走访商户。\n“心理咨询师”每周来所里坐班。")) == ["心理咨询师"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("针对老旧平房的安全隐患,青石派出所联合东山街道建设电动自行车集中充电区域。", ["街道"]),
        ("自从5年前青石派出所在全市率先和街道成立联调工作室以来,纠纷有专人调解。", ["街道"]),
        ("这支队伍在青石派出所和北坡社区的精心培育下,已发展成为复合型服务团队。", ["社区"]),
        ("为营造安全的环境,北坡社区整合社会资源,联合青石派出所成立志愿巡逻队。", ["社区"]),
        ("青石派出所与社区居民座谈。", []),
        ("民警到北坡社区开展宣传。", []),
        # the officers or the post as the station's side; 共同/一起 before any verb is one act
        ("社区民警与北坡社区一起组建了“小青议事”机制。", ["社区"]),
        ("这支调解队由青石警务室与北坡社区共同成立。", ["社区"]),
        ("民警和社区一起入户走访。", ["社区"]),
        ("民警和社区干部一起入户走访。", ["社区干部"]),
    ],
)
def test_place_word_joined_to_the_station_in_one_act(text: str, expected: list[str]) -> None:
    """社区/街道 (also plain places) count when they and the station act together."""
    assert names(run(text)) == expected


def test_ten_household_scheme_is_no_partner() -> None:
    """十户联防 names a scheme (a mechanism), not a kind of partner; 联防户 written out still is."""
    assert "联防户" not in names(run("青石派出所在夜市推行“十户联防”模式,走访商户,开展联防联控。"))
    assert names(run("青石派出所联合联防户开展巡逻。")) == ["联防户"]


def test_enterprises_and_institutions_are_two_partners():
    ext = run("派出所广泛吸纳辖区物业公司、保安公司、企事业单位力量，开展巡逻。")
    assert names(ext) == ["物业公司", "保安公司", "企业", "事业单位"]
    assert [p.category for p in ext.partners][2:] == ["enterprise", "other"]


def test_a_bureau_before_its_local_unit_names_one_partner():
    assert names(run("派出所与太和区新民街道、太和区司法局新民司法所组成工作小组。")) == ["街道", "司法所"]
    assert names(run("派出所联合县司法局城关司法所开展调解。")) == ["司法所"]
    # listed apart, or with a word of working together between them, they are two
    assert names(run("派出所联合县司法局、城关司法所开展调解。")) == ["司法局", "司法所"]


def test_a_station_named_with_a_later_word_of_working_together_in_its_sentence_is_a_partner():
    from loaders.pipeline import extract_text

    text = ("青石县公安局青石派出所民警巡逻。青石派出所邀请边界派出所召开协作会。"
            "协作会上，来自红河县公安局白沙派出所、青石派出所的负责人齐聚一堂，就警务协作事宜进行商讨。")
    ext = extract_text(text, "t.txt")
    assert [(p.name, p.category) for p in ext.partners] == [("派出所", "police")]


def test_village_and_community_cadres_written_jointly_are_split_and_stepping_in_is_working_with():
    assert names(run("纠纷移交人民调解组织，由村社干部出面调解。")) == ["人民调解组织", "村干部", "社区干部"]
    assert names(run("与社村干部、专兼职综治工作者形成共建共治团队。")) == ["社区干部", "村干部", "综治工作者"]


def test_a_business_or_site_with_its_workers_is_one_partner_and_cleaners_are_workers():
    assert names(run("派出所联合景区导游、商户店员、环卫保洁开展巡逻。")) == ["景区导游", "商户店员", "环卫保洁"]
    assert names(run("派出所动员保安保洁、楼幢管家等力量参与基层治理。")) == ["保安", "保洁", "楼幢管家"]


def test_a_body_named_only_as_a_speakers_employer_is_no_partner():
    assert names(run("区委常委、政法委书记王明表示，目前驻所民调已成为新利器。")) == []
    assert names(run("派出所联合政法委开展调解，政法委书记王明表示支持。")) == ["政法委"]
    # a list of officials at a ceremony names their employers, not partners
    assert names(run("县委宣传部常务副部长王高潮，街道党工委书记闫海存、派出所所长刘明参加揭牌仪式。")) == []


def test_a_scenic_area_pointed_at_or_kept_safe_is_a_place():
    assert names(run("以景警融合的模式，守护着115平方公里的景区安全。")) == []
    assert names(run("联动共治的平安画卷正在这座5A级景区徐徐展开。")) == []
    assert names(run("派出所联合景区管理部门开展巡逻。")) == ["景区管理部门"]


def test_bodies_that_make_up_a_joint_group_are_partners_but_pools_of_members_are_not() -> None:
    got = names(run("今年4月，由法院、乡镇政府、社区等部门组成的联合工作小组在某某派出所调解一起纠纷。"))
    assert sorted(got) == sorted(["法院", "乡镇政府", "社区"])  # 由 is no part of the first body's name
    got = names(run("某某派出所组建由网格长、楼院长等852名治安积极分子组成的义勇队伍。"))
    assert "网格长" not in got and "楼院长" not in got


def test_a_level_word_before_a_fields_office_is_a_place_prefix() -> None:
    assert names(run("某某派出所每月联合区、镇综治部门开展跨部门会商。")) == ["综治部门"]
    assert names(run("某某派出所联合乡镇政府开展检查。")) == ["乡镇政府"]  # 乡镇 is the level itself


def test_the_cadres_of_a_body_in_a_list_stand_for_the_body() -> None:
    got = names(run("某某社区警务工作站迎来了很多人。其中有街道和居委会的干部、派出所民警、交警，还有教授、律师。"))
    assert "居委会" in got and not any("的" in n for n in got)


def test_village_or_community_cadres_are_two_partners() -> None:
    assert sorted(names(run("某某派出所组织村或社区干部共同调解。"))) == ["村干部", "社区干部"]
    assert sorted(names(run("某某派出所组织村、社区干部共同调解。"))) == ["村干部", "社区干部"]


def test_roles_residents_take_on_are_partners_but_an_officers_are_not() -> None:
    got = names(run("某某派出所在各村选拔一批有威望的热心村民，既是警民联络员，又是网格员，还是民调员。"))
    assert sorted(got) == sorted(["警民联络员", "网格员", "民调员"])
    assert names(run("某某派出所社区民警既是网格员，又是调解员。")) == []


def test_stations_listed_with_the_subject_before_one_station_word_are_no_partners() -> None:
    text = "青石县公安局青石、柳湾和白沙派出所积极探索，吸收安保人员共同参加派出所的夜间巡逻。青石派出所所长介绍。"
    ext = extract_text(text, "t.txt")
    assert "派出所" not in [p.name for p in ext.partners]
    # a neighbouring station named on its own and working with the subject is one
    ext = extract_text("青石县公安局青石派出所与邻近的柳湾派出所联合开展巡逻，共同守护平安。青石派出所所长介绍。", "t.txt")
    assert [p.name for p in ext.partners] == ["派出所"]


def test_retired_officers_are_no_longer_the_stations_staff() -> None:
    assert names(run("某某派出所聘请经验丰富的退休老民警担任调解主任。")) == ["退休民警"]
    assert names(run("社区民警老刘退休后仍常来所里。")) == []


def test_a_kind_or_level_word_before_a_partner_word_stays_with_it() -> None:
    assert names(run("某某派出所联合社会志愿者开展巡逻。")) == ["社会志愿者"]
    assert names(run("某某派出所联合鸳鸯街道人民调解委员会化解纠纷。")) == ["街道人民调解委员会"]
    # not where the level goes without saying, nor for every one of them
    assert names(run("某某派出所联合街道司法所化解纠纷。")) == ["司法所"]
    assert names(run("某某派出所联合各村网格员开展巡逻。")) == ["网格员"]


def test_a_cooperation_word_inside_a_rooms_name_opens_no_list_of_bodies() -> None:
    assert names(run("近日，一场调解会在鹿峰派出所峰和警调联动室举行，此前，鹿峰派出所接到报警。")) == []


def test_a_closed_lists_first_item_after_zai_is_named_as_the_lexicon_says() -> None:
    got = names(run("在村居干部、网格员、大学生志愿者等力量的参与和帮助下，某某派出所开展工作。"))
    assert "村居干部" in got and not any(n.startswith("在") for n in got)


def test_the_people_of_two_bodies_are_both_bodies() -> None:
    assert names(run("某某派出所积极与镇教办、学校幼儿园负责人沟通，举办安全讲座。")) == ["镇教办", "学校", "幼儿园"]


def test_village_and_community_cadres_written_together_are_two_partners() -> None:
    assert sorted(names(run("某某派出所与律师、村社区干部共同参与调解。"))) == sorted(["村干部", "律师", "社区干部"])


def test_zhu_cun_stays_with_the_partner_word() -> None:
    assert "驻村律师" in names(run("某某派出所联调小组由综治中心牵头，联合驻村律师、警务助理共同调解。"))


def test_the_volunteers_of_the_stations_named_post_or_squad_are_not_a_partner() -> None:
    got = names(run("青石派出所在小区设立青石义警站，组织义警站10余名志愿者协助排查。",
                    [Mechanism(name="青石义警站", station="青石派出所")]))
    assert "义警" not in got
    assert "义警" in names(run("青石派出所联合义警、网格员开展巡逻。"))


def test_items_of_a_list_closed_by_deng_duo_bumen_are_partners() -> None:
    got = names(run("工作站打破部门壁垒，公安、生态环境、自然资源等多部门协同入驻。"))
    assert got == ["生态环境", "自然资源"]  # (公安: the police itself)


def test_more_partner_kinds_of_the_grassroots_and_police_are_known() -> None:
    assert names(run("青石派出所联合司法干警、燃气抄表员排查隐患。")) == ["司法干警", "燃气抄表员"]
    assert names(run("青石派出所发动楼院长、社会贤达参与调解。")) == ["楼院长", "社会贤达"]
    assert names(run("分局环食药侦大队联合青石派出所开展巡查。")) == ["环食药侦大队"]


def test_the_trades_a_team_is_drawn_from_are_not_partners() -> None:
    got = names(run("青石派出所将辖区内外卖员、网约司机、环卫工人等群体纳入平安志愿者。"))
    assert got == ["平安志愿者"]
    got = names(run("青石派出所广泛吸收商户、快递员、外卖骑手等群体中的志愿者，开展巡逻。"))
    assert got == ["志愿者"]
    assert names(run("青石派出所将村委会、司法所等纳入矛盾调解体系。")) == ["村委会", "司法所"]


def test_the_jurisdictions_businesses_are_businesses_and_the_citizens_hotline_is_named_as_written() -> None:
    assert names(run("青石派出所联合辖区企业、学校开展宣传。")) == ["企业", "学校"]
    assert names(run("青石派出所联合12345市民服务热线处置诉求。")) == ["12345市民服务热线"]


def test_a_zone_in_a_bureau_name_and_a_means_with_a_verb_are_no_partners() -> None:
    """常州市公安局高新区分局 names a police unit; 以小阵地深化矛盾调处 is a way of working."""
    assert names(run("青石市公安局高新区分局魏村派出所成立于1985年。")) == []
    assert names(run("魏村派出所联合高新区、社区开展巡逻。")) == ["高新区", "社区"]
    assert names(run("他们以微联动强化平安建设、以小阵地深化矛盾调处。")) == []


def test_word_inside_a_station_name_is_no_partner() -> None:
    ext = extract_text("分局成立由区卫健局、大学城管委会、驻区高校、大学路派出所组成的工作专班。大学路派出所民警走访。",
                       "t.txt")
    assert sorted(p.name for p in ext.partners) == ["卫健局", "管委会", "高校"]


def test_people_a_practice_brings_into_the_station_are_its_partners() -> None:
    ext = extract_text("某某派出所采取“庭所衔接、民调入所、律师进所”等举措，化解矛盾纠纷。", "t.txt")
    assert sorted(p.name for p in ext.partners) == ["人民调解员", "律师"]
    assert {p.category for p in ext.partners} == {"judicial", "professional"}
    for p in ext.partners:  # evidence holds the words
        assert p.surface in p.evidence.text


def test_committee_already_named_takes_the_place_of_mediators_brought_in() -> None:
    ext = extract_text("派出所联合人民调解委员会推行“民调入所”机制，化解纠纷。", "t.txt")
    assert "人民调解员" not in [p.name for p in ext.partners]


def test_community_at_the_stations_side_in_a_joint_act() -> None:
    assert names(run("民警表示，派出所和社区持续关注双方情况，防止矛盾反弹。")) == ["社区"]


def test_a_count_of_things_handled_is_no_body() -> None:
    assert names(run("入夏以来，无人机巡航已高效识别并协助处置违规野外用火3起、烟头隐患点2处。")) == []


def test_village_and_community_cadres_written_together_stay_one_partner() -> None:
    # the gold files keep 村居干部 as written (a joint word, not 村、社区干部 listed apart)
    assert names(run("派出所联合村居干部、网格员开展矛盾纠纷排查。")) == ["村居干部", "网格员"]


def test_people_recruited_to_the_work_are_partners() -> None:
    assert names(run("现在西郊派出所通过线下走访征集辖区治安积极分子1300余人，建立了线上微信工作群。")) == ["治安积极分子"]


@pytest.mark.parametrize("text,partner", [
    ("白石派出所接到指令，附近大敦派出所通报有1名老人走失，可能已进入白石派出所辖区。", True),
    ("与祥符派出所相邻的汽车北站派出所，仅负责汽车北站的治安守护。祥符派出所开展巡逻。", False),
    ("官埠桥派出所所长表示，派出所组建巡防队，联合村级巡逻队巡逻。甘棠派出所开展巡逻。", False),
])
def test_another_station_is_a_partner_only_when_it_works_with_the_subject(text: str, partner: bool) -> None:
    assert ("派出所" in [p.name for p in extract_text(text, "t.txt").partners]) == partner


def test_estate_guards_are_named_as_written() -> None:
    assert names(run("小区保安协助民警调取公共视频，社区网格员记住了嫌疑人的特征。")) == ["小区保安", "网格员"]


def test_counted_village_offices_describe_the_area() -> None:
    assert names(run("在五华县西南部的梅林镇，总面积128.4平方公里，18个村委会和1个社区居民委员会，户籍人口6万多人。")) == []


def test_people_brought_in_and_the_market_regulator_written_out() -> None:
    assert names(run("适时引入人民调解员开展民事纠纷调解。")) == ["人民调解员"]
    assert names(run("借助市场监督管理部门和律师事务所的公信力化解纠纷。")) == ["市场监督管理部门", "律师事务所"]


def test_a_body_then_what_it_does_is_the_body() -> None:
    assert names(run("复杂纠纷由中心协调行业部门调处，原则上在5天内调处完成。")) == ["行业部门"]
    # 或 ends what a cue verb names: 联动调处或协调… holds no body
    got = names(run("复杂纠纷由调解中心整合职能部门联动调处或协调行业部门调处，原则上在5天内调处完成。"))
    assert got == ["调解中心", "职能部门", "行业部门"]


def test_what_is_inspected_and_fields_of_work_are_no_partners() -> None:
    got = names(run("派出所联合市场监管局、工商局对商铺、民宿酒店的经营行为进行检查。"))
    assert got == ["市场监管局", "工商局"]
    assert names(run("他们还积极协助民警参与到环卫、城管、安全、治安、应急帮助、调解纠纷等工作中。")) == []


def test_those_a_call_for_recruits_is_addressed_to_are_no_partners() -> None:
    got = names(run("派出所设立招募报名点位，面向全街共青团员、驻街单位员工、外来务工人员、社区居民等公开招募志愿者。"))
    assert got == ["志愿者"]


def test_developers_resident_group_leaders_and_auxiliary_wardens_are_partner_types() -> None:
    got = names(run("派出所在无物业小区组建了“社区民警+居民组长+开发商”的平安共建小组。"))
    assert got == ["居民组长", "开发商"]
    assert names(run("派出所联合治安协管员开展夜间巡逻。")) == ["治安协管员"]


def test_a_centre_of_the_city_bureau_is_named_without_the_bureau() -> None:
    assert names(run("派出所积极对接市局新质战斗力科创中心，引入大数据人工智能。")) == ["新质战斗力科创中心"]
