"""Stations: names, roles, places, profile facts and honours (EXTRACTION.md section 2).

Synthetic sentences test each rule; the five seeds test the subject station's
name, place, area and population.
"""

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.model import Article, Extraction, Station
from loaders.read import source_from_text
from loaders.stations import extract_stations, is_generic

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def run(text: str) -> list[Station]:
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt"))
    extract_stations(doc, ext)
    for st in ext.stations:  # evidence or it didn't happen
        assert st.evidence is not None and text[st.evidence.start : st.evidence.end] == st.evidence.text
        for h in st.honors:
            assert h.evidence is not None and text[h.evidence.start : h.evidence.end] == h.evidence.text
    return ext.stations


def by_name(stations: list[Station]) -> dict[str, Station]:
    return {s.name: s for s in stations}


# -- names ---------------------------------------------------------------------
def test_chain_prefix_is_cut_and_places_read_from_it() -> None:
    [st] = run("浙江省诸暨市公安局枫桥派出所始终坚持发动群众。")
    assert st.name == "枫桥派出所" and st.role == "subject"
    assert (st.province, st.prefecture, st.county, st.town) == ("浙江省", "绍兴市", "诸暨市", None)


def test_district_branch_chain() -> None:
    [st] = run("吉林省长春市公安局朝阳分局红旗街派出所民警巡逻。红旗街派出所位于朝阳区。")
    assert st.name == "红旗街派出所"
    assert (st.province, st.prefecture, st.county) == ("吉林省", "长春市", "朝阳区")


def test_municipality_has_no_prefecture() -> None:
    [st] = run("北京市公安局朝阳分局三里屯派出所开展巡逻。")
    assert (st.province, st.prefecture, st.county, st.town) == ("北京市", None, "朝阳区", None)


def test_district_named_short_before_its_bureau_in_a_municipality() -> None:
    """北京市朝阳公安分局: 朝阳 is a county of 北京 here, not 辽宁's 朝阳市; 朝阳市 itself stays a prefecture."""
    [st] = run("北京市朝阳公安分局三里屯派出所开展巡逻。")
    assert (st.province, st.prefecture, st.county) == ("北京市", None, "朝阳区")
    [st] = run("辽宁省朝阳市公安局新华派出所开展巡逻。")
    assert (st.province, st.prefecture, st.county) == ("辽宁省", "朝阳市", None)


def test_a_district_bureau_short_name_shared_with_a_county_elsewhere() -> None:
    """本溪市公安局平山分局: 本溪's 平山区, not 河北's 平山县."""
    [st] = run("记者走进本溪市公安局平山分局东明派出所，警长做起了向导。东明派出所民警介绍。")
    assert (st.province, st.prefecture, st.county) == ("辽宁省", "本溪市", "平山区")


def test_autonomous_counties_and_banners_as_prose_writes_them() -> None:
    """澜沧县 is 澜沧拉祜族自治县 (not 沧县 inside it); 科右前旗 is 科尔沁右翼前旗."""
    [st] = run("在这片茶山上，澜沧县公安局惠民派出所民警走村入户。惠民派出所开展巡逻。")
    assert (st.province, st.prefecture, st.county) == ("云南省", "普洱市", "澜沧拉祜族自治县")
    [st] = run("某某苏木位于科右前旗西北部。某某边境派出所民警与牧民一起生活。")
    assert (st.province, st.prefecture, st.county) == ("内蒙古自治区", "兴安盟", "科尔沁右翼前旗")


def test_the_doctrines_birthplace_is_no_location_evidence() -> None:
    text = ("1963年，浙江省诸暨市枫桥区在对“四类分子”改造中创造出了治理方案。"
            "本文以青禾派出所为例，探讨建设路径。青禾派出所民警走访群众。")
    [st] = run(text)
    assert (st.province, st.prefecture, st.county) == (None, None, None)
    [st] = run("诸暨市公安局枫桥派出所坚持发展枫桥经验。1963年，浙江省诸暨市枫桥区创造了枫桥经验。枫桥派出所民警走访。")
    assert (st.province, st.prefecture, st.county) == ("浙江省", "绍兴市", "诸暨市")


def test_a_station_taken_as_a_case_is_named() -> None:
    assert [s.name for s in run("本文以青禾派出所“公安+N”模式为例，探讨建设路径。")] == ["青禾派出所"]
    assert run("市局以派出所为单位开展考核。他以派出所为家。") == []


def test_a_landscape_before_the_station_word_is_no_name() -> None:
    text = "“42岁”草原边境派出所与牧民的故事\n青山边境派出所成立于1980年。青山边境派出所民警走访牧民。"
    assert [s.name for s in run(text)] == ["青山边境派出所"]
    assert [s.name for s in run("德清县公安局莫干山区派出所民警巡逻。")] == ["莫干山区派出所"]  # a district's name


def test_the_one_town_of_the_stations_name_outweighs_a_visitors_places() -> None:
    """The article names a partner bureau's places more often than the station's own town."""
    text = ("大朗派出所迎来四川省广安市公安局前锋区分局一行。广安市前锋区在大朗镇就业人员约8万，"
            "占前锋区户籍人口的26%。前锋区与大朗派出所联合调解。前锋区民警常驻。大朗派出所民警介绍。")
    assert [s.name for s in run(text)] == ["大朗派出所"]  # (前锋区与大朗派出所: 与 is no part of a name)
    [st] = run(text)
    assert (st.province, st.prefecture, st.town) == ("广东省", "东莞市", "大朗镇")


def test_border_detachment_names_its_prefecture() -> None:
    [st] = run("锡林郭勒边境管理支队东山边境派出所被命名为示范单位。东山边境派出所所长介绍。")
    assert (st.province, st.prefecture) == ("内蒙古自治区", "锡林郭勒盟")


def test_generic_uses_are_not_stations() -> None:
    text = ("近日，各派出所开展行动。该所创建“枫桥式公安派出所”，建设智慧派出所，争创全省一级公安派出所。"
            "民警回到派出所，公安派出所是基层单位。全国派出所都在学习。")
    assert run(text) == []
    for core in ("该", "各", "枫桥式公安", "智慧", "全国", "一级公安"):
        assert is_generic(core), core
    assert not is_generic("城关")


def test_name_in_running_text_matches_a_known_name() -> None:
    sts = run("湖北省咸丰县公安局唐崖派出所成立专班。群众拨通了唐崖派出所的电话。2024年唐崖派出所破案。")
    assert [s.name for s in sts] == ["唐崖派出所"]


def test_traditional_script_name_is_simplified() -> None:
    [st] = run("湖南省保靖縣公安局遷陵派出所轄區面積374平方公里。")
    assert st.name == "迁陵派出所" and st.county == "保靖县" and st.town is None
    assert st.area_km2 == 374


# -- roles -----------------------------------------------------------------------
def test_subject_is_most_mentioned_and_model_is_mentioned() -> None:
    text = ("湖北省咸丰县公安局唐崖派出所学习枫桥派出所的经验。唐崖派出所组建义警。唐崖所民警走访。"
            "唐崖派出所与相邻的高乐山派出所建立联勤机制。")
    sts = by_name(run(text))
    assert sts["唐崖派出所"].role == "subject"
    assert sts["枫桥派出所"].role == "mentioned"
    assert sts["高乐山派出所"].role == "mentioned"


def test_title_names_the_subject() -> None:
    text = "城北派出所：守护一方平安\n城南派出所民警说，城南派出所和城北派出所联合巡逻，城南派出所出警。"
    doc = clean(source_from_text(text, "t.txt"))
    ext = Extraction(article=Article(file="t.txt", title="城北派出所：守护一方平安"))
    extract_stations(doc, ext)
    roles = {s.name: s.role for s in ext.stations}
    assert roles == {"城北派出所": "subject", "城南派出所": "mentioned"}


def test_former_names() -> None:
    sts = by_name(run("原城关派出所更名为城北派出所。城北派出所位于咸丰县唐崖镇。"))
    assert sts["城关派出所"].role == "former"
    assert sts["城北派出所"].role == "subject"
    sts = by_name(run("唐崖派出所的前身为城关派出所。唐崖派出所民警巡逻。"))
    assert sts["城关派出所"].role == "former" and sts["唐崖派出所"].role == "subject"


def test_stations_listed_before_a_count() -> None:
    sts = by_name(run("咸丰县公安局唐崖派出所联合高乐山、坪坝营两个派出所开展巡逻。唐崖派出所出警。"))
    assert sts["高乐山派出所"].role == "mentioned" and sts["高乐山派出所"].county == "咸丰县" and sts["高乐山派出所"].town is None
    assert sts["坪坝营派出所"].county == "咸丰县"
    # the count must agree with the list
    assert "坪坝营派出所" not in by_name(run("唐崖派出所联合高乐山、坪坝营3个派出所开展巡逻。"))


# -- places ----------------------------------------------------------------------
def test_located_clause_gives_county_and_town() -> None:
    [st] = run("城北派出所位于咸丰县唐崖镇，民警巡逻。")
    assert (st.province, st.prefecture, st.county, st.town) == ("湖北省", "恩施土家族苗族自治州", "咸丰县", "唐崖镇")


def test_ambiguous_county_without_evidence_is_not_guessed() -> None:
    [st] = run("永定区公安分局城东派出所开展巡逻。")
    assert st.county == "永定区" and st.province is None and st.prefecture is None
    [st] = run("湖南省张家界市永定区公安分局城东派出所开展巡逻。")
    assert (st.province, st.prefecture, st.county) == ("湖南省", "张家界市", "永定区")


def test_subject_without_chain_uses_the_county_the_text_names() -> None:
    [st] = run("唐崖派出所民警巡逻。咸丰县近年来发展迅速，唐崖派出所守护平安。")
    assert (st.county, st.town) == ("咸丰县", None)


def test_no_place_stated_means_none() -> None:
    [st] = run("石岭派出所民警巡逻。石岭派出所守护平安。")  # three towns are called 石岭
    assert (st.province, st.county, st.town) == (None, None, None)


# -- profile ---------------------------------------------------------------------
def test_profile_facts() -> None:
    text = ("咸丰县公安局唐崖派出所成立于1958年，辖区面积299.5平方公里，下辖8个村委会、4个社区，"
            "共有3200余户、1.2万余人。该所现有民警12人、辅警20人。")
    [st] = run(text)
    assert st.founded == 1958 and st.area_km2 == 299.5
    assert st.communities == 12 and st.households == 3200 and st.population == 12000
    assert st.police_officers == 12 and st.auxiliary_police == 20


@pytest.mark.parametrize(
    ("phrase", "value", "kind"),
    [("户籍人口16669人", 16669, "户籍"), ("实有人口10万余人", 100000, "实有"),
     ("常住人口约3.5万人", 35000, "常住"), ("人口2万人", 20000, None)],
)
def test_population_and_kind(phrase: str, value: int, kind: str | None) -> None:
    [st] = run(f"咸丰县公安局唐崖派出所辖区{phrase}。")
    assert (st.population, st.population_kind) == (value, kind)


def test_villages_spread_over_the_area_count_but_outcomes_do_not() -> None:
    [st] = run("唐崖派出所义警队伍遍布辖区30余个村居。")
    assert st.communities == 30
    [st] = run("唐崖派出所实现辖区19个村居零发案。")
    assert st.communities is None


def test_activity_figures_are_not_profile() -> None:
    [st] = run("唐崖派出所民警走访居民6000余户，采集人口信息9万人，组织8名民警、22名辅警巡逻，全县户籍人口30万人。")
    assert st.households is None and st.population is None
    assert st.police_officers is None and st.auxiliary_police is None


def test_fact_goes_to_the_station_the_sentence_names() -> None:
    text = "咸丰县公安局唐崖派出所组建义警。唐崖派出所与高乐山派出所联勤。高乐山派出所辖区面积80平方公里。"
    sts = by_name(run(text))
    assert sts["高乐山派出所"].area_km2 == 80
    assert sts["唐崖派出所"].area_km2 is None


# -- honours ---------------------------------------------------------------------
def test_honours_one_per_year_and_lexicon_titles() -> None:
    text = ("咸丰县公安局唐崖派出所2023年被评为全市人民满意政法单位，2022年、2024年先后两次荣立集体三等功。"
            "该所是全省首批“枫桥式公安派出所”，先后荣立集体二等功、三等功5次，获评“全国公安机关执法示范单位”。")
    [st] = run(text)
    got = {(h.title, h.year) for h in st.honors}
    assert {("全市人民满意政法单位", 2023), ("集体三等功", 2022), ("集体三等功", 2024),
            ("枫桥式公安派出所", None), ("集体二等功", None), ("集体三等功", None),
            ("全国公安机关执法示范单位", None)} == got


def test_individual_and_aimed_for_honours_are_not_the_stations() -> None:
    text = "唐崖派出所有2名民警被授予个人三等功，1名辅警被评为全省优秀辅警。唐崖派出所正在争创枫桥式公安派出所。"
    [st] = run(text)
    assert st.honors == [] and st.police_officers is None


# -- seeds -----------------------------------------------------------------------
SEED_EXPECTED = {
    "000": ("红岩寺派出所", "陕西省", "商洛市", "柞水县", "红岩寺镇", 299, 16669),
    "001": ("段家河派出所", "陕西省", "安康市", "旬阳市", "段家河镇", 119.87, 17000),
    "002": ("迁陵派出所", "湖南省", "湘西土家族苗族自治州", "保靖县", "迁陵镇", 374.43, 100000),
    "003": ("山门派出所", "浙江省", "温州市", "平阳县", "山门镇", None, None),
    "004": ("两路派出所", "重庆市", None, "渝北区", None, 36.8, 100000),
}


def test_all_seeds_are_covered() -> None:
    assert sorted(p.name[:3] for p in SEEDS.glob("*.txt")) == sorted(SEED_EXPECTED)


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in sorted(SEEDS.glob("*.txt"))])
def test_seed_subject_station(path: Path) -> None:
    name, province, prefecture, county, town, area, population = SEED_EXPECTED[path.name[:3]]
    stations = run(path.read_text(encoding="utf-8"))
    subjects = [s for s in stations if s.role == "subject"]
    assert len(subjects) == 1, stations
    st = subjects[0]
    got = (st.name, st.province, st.prefecture, st.county, st.town, st.area_km2, st.population)
    assert got == (name, province, prefecture, county, town, area, population)


# -- any text --------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st_  # noqa: E402

_PIECES = st_.sampled_from(["派出所", "公安局", "分局", "原", "该所", "县", "镇", "，", "。", "面积", "人口",
                            "10余万人", "平方公里", "荣立集体三等功", "2024年", "咸丰县", "唐崖", "位于", "“", "”"])


@settings(max_examples=60, deadline=None)
@given(st_.lists(st_.one_of(_PIECES, st_.text(max_size=3)), max_size=25).map("".join))
def test_any_text_no_crash_and_evidence_is_the_source_slice(text: str) -> None:
    run(text)  # run() asserts every evidence equals its source slice


# -- round 2: place prefixes, variants, running-text names, located evidence -------
def test_short_place_prefix_is_cut_and_read_as_place() -> None:
    # a headline glues province and county short forms (六枝 for 六枝特区) onto the name
    sts = run("贵州六枝青松派出所：山里的平安守护\n青松派出所组建义警队伍。青松派出所民警走访群众。")
    assert [s.name for s in sts] == ["青松派出所"]
    assert (sts[0].province, sts[0].prefecture, sts[0].county) == ("贵州省", "六盘水市", "六枝特区")


def test_bare_prefecture_prefix_resolves_province() -> None:
    sts = run("莆田青松派出所开展夜巡。青松派出所民警走访群众。")
    assert [s.name for s in sts] == ["青松派出所"]
    assert (sts[0].province, sts[0].prefecture) == ("福建省", "莆田市")


def test_place_police_prefix_is_cut() -> None:
    [st] = run("近年来，新津公安柳青派出所组建义警队伍，守护一方平安。")
    assert st.name == "柳青派出所"
    assert (st.province, st.prefecture, st.county) == ("四川省", "成都市", "新津区")


def test_prefix_kept_when_name_is_a_town() -> None:
    # 金山 is a county's short name, but 金山卫镇 is a town: the whole is the name
    [st] = run("上海市公安局金山分局金山卫镇派出所开展巡逻。")
    assert st.name == "金山卫镇派出所"


def test_place_police_in_running_text_locates_subject() -> None:
    [st] = run("新津公安深化社区警务。柳青派出所组建义警，柳青派出所民警走访群众。")
    assert (st.province, st.county) == ("四川省", "新津区")


def test_dateline_place_locates_subject() -> None:
    [st] = run("中新网莆田3月16日电（记者 张明）柳青派出所组建义警，柳青派出所民警走访群众。")
    assert (st.province, st.prefecture) == ("福建省", "莆田市")


def test_town_suffix_variant_is_the_same_station() -> None:
    text = ("湖北省咸丰县公安局青松派出所组建义警队伍。青松派出所民警走访群众。\n"
            "图为青松乡派出所民警巡逻\n青松派出所还开展反诈宣传。")
    sts = run(text)
    assert [s.name for s in sts] == ["青松派出所"]


def test_town_variant_takes_the_short_name_even_when_written_less() -> None:
    # EXTRACTION.md section 2: the short name; the long form written more often does not win.
    text = ("湖北省大悟县三里镇派出所地理位置特殊，三里镇派出所辖13个行政村。\n"
            "近年来，三里派出所全力创建“枫桥式”公安派出所。")
    sts = run(text)
    assert [s.name for s in sts] == ["三里派出所"] and sts[0].county == "大悟县"


def test_function_word_before_a_road_name() -> None:
    [st] = run("湖北省咸丰县公安局以文昌路派出所为示范，探索警务新模式。")
    assert st.name == "文昌路派出所" and st.role == "subject" and st.county == "咸丰县"


def test_function_word_after_a_chain_is_not_part_of_the_name() -> None:
    sts = run("湖北省咸丰县公安局以青松派出所为试点。试点结束后，咸丰县公安局以及全县所有派出所推广经验。"
              "青松派出所民警走访。")
    assert [s.name for s in sts] == ["青松派出所"]


def test_neighbouring_station_shares_the_subject_county() -> None:
    text = ("湖北省咸丰县公安局青松派出所接到附近柳湾派出所通报，一名老人走失。青松派出所民警连夜寻找。"
            "青松派出所将老人送回家。")
    sts = by_name(run(text))
    assert sts["柳湾派出所"].role == "mentioned"
    assert (sts["柳湾派出所"].province, sts["柳湾派出所"].county) == ("湖北省", "咸丰县")


def test_station_spanning_two_towns_has_no_town() -> None:
    text = "北京市公安局朝阳分局三里屯派出所辖区横跨两个街道（三里屯街道、左家庄街道），辖区面积5平方公里。"
    [st] = run(text)
    assert st.county == "朝阳区" and st.town is None


def test_town_stated_beside_an_office_is_taken() -> None:
    # 青禾 is not in the gazetteer: the town is taken because the text writes 青禾镇
    [st] = run("湖北省咸丰县公安局青禾派出所联合青禾镇司法所调解纠纷。")
    assert st.county == "咸丰县" and st.town == "青禾镇"


def test_kind_word_after_a_place_is_part_of_the_name() -> None:
    assert not is_generic("青松边境")
    assert is_generic("边境") and is_generic("全国边境")
    assert is_generic("全市所有") and is_generic("人民满意")
    [st] = run("内蒙古自治区公安厅边境管理支队青松边境派出所开展巡逻。")
    assert st.name == "青松边境派出所"


def test_stem_ending_in_a_function_character_is_a_name_when_it_is_a_place() -> None:
    """和 ends 太和 / 永和 (towns), and also joins lists (城关和派出所): only the first is a name."""
    [st] = run("永和派出所民警深入村组。永和派出所辅警说。")
    assert st.name == "永和派出所"
    assert run("公安、司法和派出所民警一起走访。") == []


def test_only_station_named_through_its_staff_is_found() -> None:
    [st] = run("据青禾派出所所长王某介绍，小区的情况已经好转。")
    assert st.name == "青禾派出所" and st.role == "subject"
    assert run("据悉，该派出所所长说情况好转。") == []


# -- round 3: kinds of station, fragments, honours, places from the rest of the text
def test_border_brigade_chain_and_kind_word_station() -> None:
    text = ("记者来到丹东边境管理支队宽甸大队振江边境派出所采访。游客到振江镇旅游。"
            "振江边境派出所民警调解纠纷。")
    [st] = run(text)
    assert st.name == "振江边境派出所" and st.role == "subject"
    assert (st.province, st.prefecture, st.county, st.town) == ("辽宁省", "丹东市", "宽甸满族自治县", "振江镇")


def test_kind_word_station_takes_the_town_written_for_its_place() -> None:
    text = "下马崖边境派出所守护边境。下马崖乡牧民众多，下马崖边境派出所民警走访牧民。"
    [st] = run(text)
    assert st.name == "下马崖边境派出所"
    assert (st.province, st.prefecture, st.county, st.town) == ("新疆维吾尔自治区", "哈密市", "伊吾县", "下马崖乡")


def test_former_name_with_kind_word_shares_the_place() -> None:
    text = ("嘉兴市公安局港区分局园区派出所开展服务。园区派出所的前身是乍浦边防派出所，民警5名。"
            "企业坐落在浙江省平湖市乍浦镇。园区派出所联系企业。")
    got = by_name(run(text))
    assert got["乍浦边防派出所"].role == "former"
    assert got["园区派出所"].role == "subject"
    assert (got["园区派出所"].county, got["园区派出所"].town) == ("平湖市", "乍浦镇")


def test_verb_before_station_is_not_a_name() -> None:
    text = "海滨派出所主动对接镇政府，打通派出所与镇政府的信息渠道。海滨派出所民警走访。"
    assert [s.name for s in run(text)] == ["海滨派出所"]


def test_quoted_honour_title_is_not_a_station() -> None:
    text = "青石派出所以争创“西岭枫桥派出所”为目标，开展工作。青石派出所民警巡逻。"
    assert [s.name for s in run(text)] == ["青石派出所"]


def test_province_and_county_short_forms_written_together_place_the_subject() -> None:
    text = "广西东兴口岸游人如织。东兴边境派出所民警在口岸值守。东兴边境派出所调解纠纷。"
    [st] = run(text)
    assert (st.province, st.prefecture, st.county) == ("广西壮族自治区", "防城港市", "东兴市")


def test_county_from_the_prefectures_county_the_text_names() -> None:
    text = ("威海市公安局海岸警察支队石岛派出所推行新模式。会议在荣成举行，"
            "代表走进荣成石岛渔港。石岛派出所民警巡逻。")
    [st] = run(text)
    assert (st.prefecture, st.county, st.town) == ("威海市", "荣成市", None)


def test_a_county_short_form_once_inside_an_idiom_does_not_place() -> None:
    text = "南通市公安局开发区分局滨海派出所助力打造江海安澜的新城。滨海派出所民警巡逻。"
    [st] = run(text)
    assert (st.prefecture, st.county) == ("南通市", None)


def test_prefecture_from_a_town_named_like_the_station_in_the_named_province() -> None:
    text = "福建海岛景区游人如织。湄洲派出所组建调解室。湄洲派出所民警巡逻。"
    [st] = run(text)
    assert (st.province, st.prefecture, st.county, st.town) == ("福建省", "莆田市", "秀屿区", None)


# -- round 6: name boundaries, facilities, counts, former units, shared heads -------
@pytest.mark.parametrize("text", [
    "湖北省咸丰县公安局唐崖派出所与县公安局以派出所为单位开展竞赛。",
    "湖北省咸丰县公安局唐崖派出所历史悠久。1956年青松镇设立派出所，1984年改称为派出所。",
])
def test_function_word_or_founding_verb_alone_is_no_station(text: str) -> None:
    assert [s.name for s in run(text)] == ["唐崖派出所"]


def test_naming_verb_is_cut_from_the_front_of_a_name() -> None:
    sts = by_name(run("1998年，该站改称东风路派出所。东风路派出所民警巡逻。"))
    assert list(sts) == ["东风路派出所"]


def test_place_in_front_of_a_facility_belongs_to_the_name() -> None:
    assert [s.name for s in run("汉口火车站派出所开展春运安保，民警巡逻。")] == ["汉口火车站派出所"]
    sts = by_name(run("民警来到青松汽车站派出所。春运期间武汉天河机场派出所加强巡逻。"))
    assert set(sts) == {"青松汽车站派出所", "天河机场派出所"}


def test_a_facility_right_after_its_bureau_is_the_name() -> None:
    sts = by_name(run("锦州市公安局青松分局机场派出所与街道组成工作小组。青松分局火车站派出所民警巡逻。"))
    assert set(sts) == {"机场派出所", "火车站派出所"}
    assert sts["机场派出所"].prefecture == "锦州市"
    # a place between the bureau and the facility belongs to the name
    assert [s.name for s in run("武汉市公安局天河机场派出所加强巡逻。")] == ["天河机场派出所"]


@pytest.mark.parametrize("phrase", ["这三家派出所", "周边两个派出所", "各派出所"])
def test_a_count_of_stations_is_no_name(phrase: str) -> None:
    text = f"湖北省咸丰县公安局唐崖派出所牵头，{phrase}联合开展巡逻。"
    assert [s.name for s in run(text)] == ["唐崖派出所"]


def test_former_units_before_a_renaming_are_former_stations() -> None:
    text = ("唐崖派出所的前身为1950年成立的咸丰县公安局唐崖公安分局，后更名为唐崖公安派出所，"
            "2000年改称唐崖派出所。唐崖派出所民警走访。")
    roles = {s.name: s.role for s in run(text)}
    assert roles == {"唐崖派出所": "subject", "唐崖公安分局": "former", "唐崖公安派出所": "former"}
    roles = {s.name: s.role for s in run("1958年，青松警察署改称青松派出所。青松派出所民警巡逻。")}
    assert roles == {"青松警察署": "former", "青松派出所": "subject"}


def test_a_persons_former_post_is_not_a_former_name() -> None:
    roles = {s.name: s.role for s in run("张三原为城关派出所所长。唐崖派出所民警走访，唐崖派出所出警。")}
    assert roles == {"城关派出所": "mentioned", "唐崖派出所": "subject"}


def test_stations_sharing_one_head_in_a_list() -> None:
    text = "湖北省咸丰县公安局唐崖派出所牵头，与三店街、李集街派出所及高乐山和活龙坪派出所建立联勤机制。"
    roles = {s.name: s.role for s in run(text)}
    assert roles == {"唐崖派出所": "subject", "三店街派出所": "mentioned", "李集街派出所": "mentioned",
                     "高乐山派出所": "mentioned", "活龙坪派出所": "mentioned"}


def test_partners_or_a_town_listed_before_a_station_are_not_stations() -> None:
    for text in ("唐崖派出所联合镇政府、司法所和城关派出所开展调解，唐崖派出所民警走访。",
                 "唐崖派出所联合唐崖镇与城关派出所开展调解，唐崖派出所民警走访。"):
        assert {s.name for s in run(text)} == {"唐崖派出所", "城关派出所"}


@pytest.mark.parametrize("verb", ["撤销", "撤并", "合并"])
def test_abolishing_verb_is_no_part_of_a_former_name(verb: str) -> None:
    roles = {s.name: s.role for s in run(f"1951年{verb}青松警察署，改称青松派出所。青松派出所民警巡逻。")}
    assert roles == {"青松警察署": "former", "青松派出所": "subject"}


def test_a_border_station_written_with_and_without_its_kind_is_one_station() -> None:
    """Bounded once each as 青松边境派出所 and 青松派出所: together they are written twice."""
    text = ("青松是边境上的一个村庄。\n青松边境派出所,是守边的重要力量。"
            "为守好边关,青松派出所建设了立体防控体系。")
    sts = run(text)
    assert [(s.name, s.role) for s in sts] == [("青松边境派出所", "subject")]


def test_a_branch_named_by_a_direction_of_its_city_is_no_county_elsewhere() -> None:
    (st,) = run("绵阳市公安局城北公安分局元通派出所辖区住户与楼上居民发生纠纷，元通派出所民警上门调解。")
    assert (st.province, st.prefecture, st.county) == ("四川省", "绵阳市", None)


def test_police_is_no_county_name() -> None:
    # 公安县 (湖北) shares its short form with the word for police
    (st,) = run("作为全国“枫桥式公安派出所”，公安红桥分局青苑派出所立足天津市红桥区实际开展工作。")
    assert (st.province, st.county) == ("天津市", "红桥区")
    (st,) = run("天津市公安局武清分局青楼派出所民警走访群众，青楼派出所平安建设成效明显。")
    assert (st.province, st.county) == ("天津市", "武清区")


def test_a_chain_after_lead_words_is_read_from_its_place_names() -> None:
    (st,) = run("带着这些疑问，记者走进公安东丽分局青庄派出所，探访他们的调解室。")
    assert (st.province, st.county) == ("天津市", "东丽区")


def test_location_from_a_county_court_a_unique_town_and_a_street() -> None:
    (st,) = run("青阳派出所联合交警和邗江法院等部门，在汽车城设立联调室。青阳派出所推行警务前移。")
    assert (st.province, st.prefecture, st.county) == ("江苏省", "扬州市", "邗江区")
    # the one town of that name in the country, and the text says the station serves the town
    (st,) = run("面对300多平方公里山区的治理难题，皎平渡派出所因地制宜。全镇群众安居乐业。")
    assert (st.province, st.prefecture, st.town) == ("云南省", "昆明市", "皎平渡镇")
    (st,) = run("在武汉市花山街道有一个调处中心。武汉市公安局东湖新技术开发区分局花山街派出所依托此中心化解纠纷。")
    assert st.town == "花山街道"


def test_stations_of_a_history_lane_names_counted_lists_and_renamed_units() -> None:
    names = {s.name: s.role for s in run(
        "1958年10月，原前炒面胡同派出所和大方家胡同派出所合并，设立朝阳门派出所。朝阳门派出所民警走访群众。")}
    assert names == {"前炒面胡同派出所": "former", "大方家胡同派出所": "former", "朝阳门派出所": "subject"}
    names = {s.name for s in run("1960年改称青干派出所，是全县五个派出所之一（另外四个是城关、新市、上柏、三桥派出所）。"
                                  "青干派出所民警巡逻。")}
    assert {"城关派出所", "新市派出所", "上柏派出所", "三桥派出所"} <= names
    names = {s.name: s.role for s in run("1916年，时设某县警察事务所青干分所。1917年青干分所改称公安分局。"
                                          "1953年改称省公安厅青干山分局。1960年改称青干派出所。青干派出所民警巡逻。")}
    assert names.get("青干分所") == "former" and names.get("青干山分局") == "former"
    names = {s.name for s in run("李明成为人和边防派出所的一名边防警察。港东派出所民警巡逻。港东派出所走访。")}
    assert "人和边防派出所" in names


# -- round 8: names cut after selection verbs, lists, landmarks, towns as written -----
def test_name_after_a_selecting_verb_is_cut() -> None:
    names = by_name(run("近年来，某市公安局某分局选取白沙派出所为试点，开展矛盾纠纷化解工作。"))
    assert list(names) == ["白沙派出所"]


def test_a_helping_verb_before_a_bare_station_word_is_no_name() -> None:
    text = "某地:“乡贤”助力派出所矛盾化解\n某县公安局白沙派出所组建调解队。志愿者协助派出所开展巡逻，白沙派出所民警走访。"
    st = run(text)
    assert [(s.name, s.role) for s in st] == [("白沙派出所", "subject")]


def test_founded_adjective_before_a_station_word_is_no_name() -> None:
    text = "台山市公安局白沙派出所成立于2015年。一间才成立的年轻派出所如何做好工作？白沙派出所给出了答案。"
    assert "年轻派出所" not in by_name(run(text))


def test_the_that_one_measure_words_are_generic() -> None:
    assert is_generic("这间") and is_generic("探寻某地这间")


def test_every_item_of_a_list_of_full_station_names() -> None:
    text = ("台山市公安局白沙派出所民警走访群众。分局将白沙派出所、南岗派出所、北坑派出所的警务改革"
            "纳入试点。白沙派出所所长介绍了经验。")
    names = by_name(run(text))
    assert {"南岗派出所", "北坑派出所"} <= set(names)
    assert names["南岗派出所"].role == "mentioned"


def test_landmark_station_named_after_its_city_gets_the_prefecture() -> None:
    text = ("夜幕降临，绍兴·古城街区游人如织。一直以来，绍兴鲁迅故里派出所深耕街区警务。"
            "绍兴鲁迅故里派出所所长介绍，民警在街区巡逻，守护游客平安。")
    st = by_name(run(text))["绍兴鲁迅故里派出所"]
    assert (st.province, st.prefecture, st.county) == ("浙江省", "绍兴市", None)


def test_a_street_named_after_a_city_gives_no_prefecture() -> None:
    text = "某地中山路派出所民警在辖区巡逻，中山路派出所所长介绍了经验。"
    st = by_name(run(text))["中山路派出所"]
    assert st.prefecture is None


def test_town_written_short_at_the_end_of_an_address() -> None:
    text = ("广州市公安局海珠区分局南华西派出所民警走访商户。近日，记者走进广州市海珠区南华西街，"
            "看南华西派出所如何守护平安。")
    st = by_name(run(text))["南华西派出所"]
    assert (st.county, st.town) == ("海珠区", "南华西街")


def test_whole_town_names_the_town_of_a_station_with_a_county() -> None:
    text = "衡阳市常宁市公安局白沙派出所推出微信警务，覆盖全镇六成家庭。"
    st = by_name(run(text))["白沙派出所"]
    assert (st.county, st.town) == ("常宁市", "白沙镇")
    no_whole = by_name(run("衡阳市常宁市公安局白沙派出所向镇党委汇报工作。"))["白沙派出所"]
    assert no_whole.town is None


def test_a_name_after_punctuation_written_again_as_a_station_is_one() -> None:
    st = run("近年来，在这片热土上，石榴坪派出所践行枫桥经验。对于坐落附近的石榴坪派出所来说，服务群众是本分。")
    assert [s.name for s in st] == ["石榴坪派出所"]


def test_a_prefecture_and_its_county_written_short_confirm_each_other() -> None:
    st = run("10月28日是张家界集市赶集日。近年来，石榴坪派出所深化党史学习，成为武陵源的一张名片。"
             "对于坐落附近的石榴坪派出所来说，服务群众是本分。")
    s = by_name(st)["石榴坪派出所"]
    assert (s.province, s.prefecture, s.county) == ("湖南省", "张家界市", "武陵源区")


def test_ethnic_townships_as_the_text_writes_them() -> None:
    s = run("户撒阿昌族乡位于云南省德宏州陇川县西北部。户撒派出所民警走村入户。")[0]
    assert (s.county, s.town) == ("陇川县", "户撒阿昌族乡")
    s = run("云南省景洪市公安局基诺山派出所所长说，如今的基诺山乡早已不是当年模样。")[0]
    assert (s.county, s.town) == ("景洪市", "基诺山乡")


def test_a_longer_town_holding_the_stations_name() -> None:
    s = run("这里就是河南省兰考县的东坝头镇。多年来，坝头派出所践行枫桥经验，坝头派出所民警走村入户。")[0]
    assert (s.province, s.county, s.town) == ("河南省", "兰考县", "东坝头镇")


def test_counted_officers_are_no_station_and_ethnic_towns_written_in_full() -> None:
    st = run("宝兴硗碛：两任派出所所长，一样的为民情怀\n\n要去宝兴县硗碛藏族乡其实并不容易。硗碛派出所民警常年驻守。硗碛派出所所长说。")
    assert [s.name for s in st] == ["硗碛派出所"]
    assert (st[0].county, st[0].town) == ("宝兴县", "硗碛藏族乡")


def test_a_variant_character_of_the_traditional_script() -> None:
    s = run("位於永豐縣南部的龍岡畬族鄉，這裡有一支義警隊伍。龍岡派出所充分發揮群眾力量，龍岡派出所已建7個警務室。")[0]
    assert (s.county, s.town) == ("永丰县", "龙冈畲族乡")


def test_a_bureau_written_公安_without_局_is_chain() -> None:
    st = run("“藏蓝”守护白云山——佳县公安白云山派出所推进平安景区建设\n\n白云山派出所民警在景区巡逻。")
    assert [s.name for s in st] == ["白云山派出所"]


def test_a_bureau_without_局_before_a_non_place_name_and_a_bare_kind() -> None:
    st = run("长航公安南通派出所立足共建共治共享。南通派出所在地方政府指挥协调下设立工作站。")
    assert [s.name for s in st] == ["南通派出所"]
    st = run("枸杞派出所前身是边防派出所，在此之前，这里曾是中国最东部的治安派出所。枸杞派出所民警说。")
    assert "治安派出所" not in [s.name for s in st]


def test_a_border_station_written_with_and_without_its_town_word_is_one() -> None:
    st = run("在西藏阿里地区日土县多玛边境派出所，民警调解纠纷。\n多玛乡边境派出所民警普布。\n多玛乡边境派出所民警扎西。")
    assert [s.name for s in st] == ["多玛边境派出所"]


def test_a_central_station_takes_its_town_only_from_the_text() -> None:
    s = run("秧坝中心派出所位于册亨县。顺着秧坝河驾驶几公里，就到了秧坝镇上，秧坝中心派出所就藏在这里。")[0]
    assert (s.county, s.town) == ("册亨县", "秧坝镇")


def test_a_generic_word_after_its_bureau_is_a_name_and_the_one_province_named() -> None:
    st = run("12名义警在河南省南阳市西峡县公安局城区派出所门前集合。城区派出所民警带队巡逻。")
    assert [(s.name, s.county) for s in st] == [("城区派出所", "西峡县")]
    s = run("北京中轴线最北端的派出所——安定门派出所，在豆腐池胡同里。安定门派出所民警在辖区工作。")[0]
    assert (s.name, s.province, s.prefecture) == ("安定门派出所", "北京市", None)


def test_a_renamed_county_is_written_as_the_text_writes_it() -> None:
    # 洪泽县 became 洪泽区 (2016): the gazetteer knows the district, the text names the county
    st = run("洪泽县老子山镇位于洪泽湖畔。洪泽县公安局老子山派出所有民警6名。老子山派出所民警常年巡湖。")
    assert [(s.name, s.county, s.town) for s in st] == [("老子山派出所", "洪泽县", "老子山镇")]
    # a prefecture that shares the district's stem is no new name for it
    st = run("淮安市公安局淮安分局车桥派出所位于淮安区车桥镇。车桥派出所民警常年巡逻。")
    assert st[0].county == "淮安区"


def test_a_city_written_in_full_before_派出所_is_no_station() -> None:
    names = [s.name for s in run("四沙派出所推行新模式。四沙派出所民警常年巡逻。本文将揭秘中山市派出所一线警务工作。")]
    assert names == ["四沙派出所"]


@pytest.mark.parametrize("text, prefecture", [
    ("在杭州西湖区，北山派出所民警正在巡逻。北山派出所推出“湖畔警务”。", "杭州市"),
    ("南昌西湖区朝农派出所民警正在巡逻。", "南昌市"),
])
def test_prefecture_written_short_before_a_shared_county_name_settles_it(text: str, prefecture: str) -> None:
    from loaders.pipeline import extract_text

    st = next(s for s in extract_text(text, name="t.txt").stations if s.role == "subject")
    assert (st.prefecture, st.county) == (prefecture, "西湖区")


@pytest.mark.parametrize("text, prefecture", [
    ("青岛西海岸新区公安分局长江路派出所民警巡逻。", "青岛市"),
    ("成都高新区公安分局芳草派出所推出“社区警务”。", "成都市"),
])
def test_places_written_before_a_development_zone_bureau_place_the_station(text: str, prefecture: str) -> None:
    from loaders.pipeline import extract_text

    st = next(s for s in extract_text(text, name="t.txt").stations if s.role == "subject")
    assert st.prefecture == prefecture


def test_a_county_short_name_two_prefectures_share_is_settled_by_the_town_named_like_the_station() -> None:
    from loaders.pipeline import extract_text

    text = ("“警企说事”\n象山西周派出所贴心护航企业发展\n西周是象山工业强镇，注册企业450余家。"
            "西周派出所推出了“警企说事”，搭建起警企沟通平台。象山西周派出所民警走访企业。")
    st = next(s for s in extract_text(text, name="t.txt").stations if s.role == "subject")
    assert (st.province, st.prefecture, st.county, st.town) == ("浙江省", "宁波市", "象山县", None)


@pytest.mark.parametrize("text", [
    "青河县公安局有个石岭派出所，很多人没去过。石岭派出所地处山区，民警常年走村入户。",
    "城东公安分局一直重视石岭派出所的建设。近年来，石岭派出所坚持发动群众。",
])
def test_clause_words_between_the_bureau_and_a_name_written_alone_are_not_the_name(text: str) -> None:
    names = [s.name for s in run(text)]
    assert names == ["石岭派出所"]


def test_a_long_name_after_a_bureau_chain_is_kept_whole() -> None:
    stations = run("江苏省宿迁市公安局宿豫分局物流电商产业园派出所民警走访企业。该所辖区企业多。")
    assert [s.name for s in stations] == ["物流电商产业园派出所"]
    assert stations[0].prefecture == "宿迁市"


def test_a_zone_of_a_named_prefecture_right_before_the_station_places_it() -> None:
    [st] = run("韶关市高新技术产业开发区内的石岭派出所，是区里唯一的派出所。石岭派出所民警28人。")
    assert (st.province, st.prefecture) == ("广东省", "韶关市")


def test_a_long_stretch_after_a_bureau_that_names_no_zone_is_not_one_name() -> None:
    names = [s.name for s in run("1950年改为某市公安局总局直属石岭山派出所。石岭山派出所现有民警5人。")]
    assert "总局直属石岭山派出所" not in names


@pytest.mark.parametrize("county, prefecture", [("威宁", "毕节市"), ("瓮安", "黔南布依族苗族自治州")])
def test_a_town_several_counties_share_is_settled_by_a_county_written_short(county: str, prefecture: str) -> None:
    text = (f"猴场派出所位于猴场镇，民警常年走村入户。当年红军经过{county}，留下许多故事。"
            "猴场派出所辖区面积200平方公里。")
    [st] = run(text)
    assert (st.province, st.prefecture, st.county[:2], st.town) == ("贵州省", prefecture, county, "猴场镇")


def test_the_one_town_of_a_station_name_is_placed_by_its_prefecture_written_in_passing() -> None:
    [st] = run("蛇口派出所民警走访商户。本报讯（深圳新闻网）近年来，蛇口派出所辖区警情下降。")
    assert (st.province, st.prefecture, st.county, st.town) == ("广东省", "深圳市", "南山区", None)
    [st] = run("蛇口派出所民警走访商户。来源：南山警方。近年来，蛇口派出所辖区警情下降。")
    assert (st.province, st.prefecture, st.county, st.town) == ("广东省", "深圳市", "南山区", None)
    [other] = run("蛇口派出所民警走访商户。近年来，蛇口派出所辖区警情下降。")
    # no parent written: the one town of the name still places it (test below), the town itself unstated
    assert (other.province, other.county, other.town) == ("广东省", "南山区", None)


def test_a_text_naming_no_place_is_placed_by_the_one_town_of_the_station_name() -> None:
    [st] = run("走进竹箦派出所，一项工作机制正规范有序地运转。竹箦派出所所长说。")
    assert (st.province, st.prefecture, st.county, st.town) == ("江苏省", "常州市", "溧阳市", None)
    # a name many towns share places nothing
    [st] = run("走进新市派出所，一项工作机制正规范有序地运转。新市派出所所长说。")
    assert (st.province, st.county) == (None, None)
    # nor does a unique town the provinces the text names do not hold
    [st] = run("云南、贵州两省民警走进竹箦派出所。竹箦派出所所长说。")
    assert st.province is None


def test_a_station_named_after_an_ethnic_township_is_named_in_full() -> None:
    sts = by_name(run("刘家场派出所召开协作会。来自松木坪派出所、刘家场派出所、卸甲坪土家族乡派出所的负责人齐聚。"))
    assert "卸甲坪土家族乡派出所" in sts and sts["卸甲坪土家族乡派出所"].town == "卸甲坪土家族乡"


def test_a_city_papers_dateline_places_a_station_the_text_does_not() -> None:
    [st] = run("梧州日报讯（记者 王明）近日，市公安局新兴派出所被评为十佳派出所。新兴派出所民警巡逻。")
    assert (st.province, st.prefecture) == ("广西壮族自治区", "梧州市")
    [st] = run("人民日报讯（记者 王明）近日，新兴派出所被评为十佳派出所。新兴派出所民警巡逻。")
    assert st.province is None  # a national paper's name is no place


def test_a_station_in_a_development_zone_takes_no_other_county_of_the_text() -> None:
    text = ("在江西省抚州市高新区城西派出所，骑手义警队的故事令人耳目一新。抚州市公安局高新分局城西派出所所长介绍。"
            "与此同时，另一股力量在黎川县洵口镇悄然兴起，黎川县的老班长警务队走村入户。")
    [st] = [s for s in run(text) if s.role == "subject"]
    assert (st.province, st.prefecture, st.county) == ("江西省", "抚州市", None)


def test_stations_listed_after_their_bureau_share_one_派出所() -> None:
    sts = by_name(run("九龙坡区公安分局九龙、九龙园派出所组建义警队伍。九龙园派出所民警巡逻。"))
    assert set(sts) == {"九龙派出所", "九龙园派出所"}


def test_a_numbered_station_is_placed_by_the_one_town_of_its_name_in_the_named_province() -> None:
    [st] = run("黑龙江省林区公安局东京城分局东京城第二派出所民警巡逻。东京城第二派出所开展反诈宣传。")
    assert (st.province, st.prefecture, st.county, st.town) == ("黑龙江省", "牡丹江市", "宁安市", None)


def test_a_station_named_with_its_town_level_keeps_that_level() -> None:
    # the gazetteer still has 甲学乡; the station's name says the township is a 镇 now
    (st,) = run("国庆节到了，甘孜州色达县甲学镇派出所全体民辅警迎着朝阳升起了一面崭新的国旗。")
    assert (st.county, st.town) == ("色达县", "甲学镇")


def test_two_names_joined_by_he_before_one_station_word_are_two_stations_even_when_repeated() -> None:
    got = [s.name for s in run("西街、海角和海西派出所积极探索。在“打更人”出现后，西街、海角和海西派出所夜间警情下降。")]
    assert got == ["西街派出所", "海角派出所", "海西派出所"]
    assert [s.name for s in run("人和边防派出所民警巡逻。人和边防派出所所长介绍。")] == ["人和边防派出所"]


def test_a_new_era_station_is_a_kind_not_a_name() -> None:
    assert [s.name for s in run("新时代派出所工作要素（平顺西沟派出所）")] == ["西沟派出所"]


def test_jiang_between_the_bureau_and_the_station_is_no_part_of_its_name() -> None:
    got = [(s.name, s.county) for s in run("荆州市公安局荆州区分局将御路口派出所作为“解纷超市”试点单位。")]
    assert got == [("御路口派出所", "荆州区")]
    assert [s.name for s in run("三明市公安局将乐派出所民警走访。")] == ["将乐派出所"]  # 将乐 is a county


def test_a_long_list_of_short_names_before_one_station_word_names_each_station() -> None:
    got = [s.name for s in run("3月，西片区的角嘴、大学、东兴、三云、富民、东山、莲花山派出所正式合署运行。")]
    assert {"大学派出所", "三云派出所", "东兴派出所"} <= set(got)
    got = [s.name for s in run("民警走访了学校、医院、超市、东山派出所。")]
    assert got == ["东山派出所"]  # most items are no station's name


def test_a_core_area_is_a_kind_of_station_not_a_name() -> None:
    assert [s.name for s in run("前门派出所：首都核心区派出所的“主防”实践与探索")] == ["前门派出所"]


def test_a_verb_of_working_together_is_no_station_name() -> None:
    got = [s.name for s in run("青石派出所组建义警队伍。义警联合派出所向辖区群众宣传防诈骗知识。")]
    assert got == ["青石派出所"]


def test_a_mirror_pages_garbled_paper_dateline_still_names_the_city() -> None:
    got = run("梧州日?qǐng)?bào讯(记者 曾韵)近日,市公安局青石派出所被自治区公安厅评为“全区十佳派出所”。")
    assert (got[0].province, got[0].prefecture) == ("广西壮族自治区", "梧州市")


def test_a_station_without_a_place_shares_the_only_region_of_the_others() -> None:
    text = ("广西壮族自治区玉林市陆川县公安局马坡派出所建立方言调解室。"
            "青石派出所也创立了“老兵调解室”。")
    got = {s.name: (s.province, s.prefecture) for s in run(text)}
    assert got["青石派出所"] == ("广西壮族自治区", "玉林市")
    text = ("湖北省孝感市大悟县公安局三里派出所与河南省的铁铺派出所建立联防协作。"
            "石桥派出所也参与。")
    got = {s.name: s.province for s in run(text)}
    assert got["石桥派出所"] is None  # another province is named: no sharing


def test_he_joining_a_bureau_and_a_station_and_a_verb_before_the_station_word() -> None:
    got = [s.name for s in run("经开公安分局和华庄派出所、旺安社区经会商研究，建设调解室。")]
    assert got == ["华庄派出所"]
    assert [s.name for s in run("城关公安分局和平派出所开展巡逻。")] == ["和平派出所"]  # 和平 is a name
    got = [s.name for s in run("神木市公安局全面落实派出所所长进驻地党委班子要求。中鸡派出所综合指挥室。")]
    assert got == ["中鸡派出所"]


def test_a_directional_district_name_is_a_station_name() -> None:
    assert [s.name for s in run("北城区派出所辖区现有各民族青少年1.6万人。")] == ["北城区派出所"]
    assert run("老城区派出所民警开展巡逻。") == []


def test_a_city_trying_a_reform_and_a_designation_before_a_name() -> None:
    """郑州尝试派出所改革 (a headline: the city tries a reform), 试点单位X派出所 (X is the name)."""
    got = run("郑州尝试派出所改革 不再一人多责\n7月3日，记者来到试点单位颍河路派出所。")
    assert [s.name for s in got] == ["颍河路派出所"]


def test_a_count_of_places_before_the_station_word_is_no_name() -> None:
    text = "“三地派出所警务联动机制”的提议得到重视。自从广西、云南、贵州三地派出所开展警务联动后，治安好多了。"
    assert run(text) == []
    assert run("“两地派出所联合巡逻”启动。两地派出所联合开展巡逻。") == []


def test_a_town_starting_with_a_function_character_and_a_verb_of_assigning() -> None:
    """向阳楼派出所 (向阳楼街道): 向 starts the town's name here; 分局安排X派出所: X is the name."""
    assert [s.name for s in run("今年7月，向阳楼派出所民警接到群众电话求助。")] == ["向阳楼派出所"]
    assert [s.name for s in run("青石区公安分局安排桂青派出所民警常驻社区。")] == ["桂青派出所"]


def test_a_bureau_for_short_praise_a_repeated_verb_and_the_county_town_centre() -> None:
    """长乐区局X派出所 (区局: the district bureau); 点赞X派出所; 前移派出所“主防阵地” twice is a
    verb, not a name; 县城中心派出所 describes a station (屏城中心派出所 is a name)."""
    got = run("走进长乐区局江田派出所。1984年，长乐区公安局江田派出所成立。")
    assert [s.name for s in got] == ["江田派出所"]
    assert [s.name for s in run("鞋塘办事处姑娘小吴连连点赞鞋塘派出所“村警”金若莹。")] == ["鞋塘派出所"]
    assert run("深化主动警务，前移派出所“主防阵地”。\n前移派出所“主防阵地”，推行离所入室。") == []
    got = run("云兴派出所成立于1952年，是左云县城中心派出所，人多事就多。")
    assert [s.name for s in got] == ["云兴派出所"]
    assert [s.name for s in run("屏城中心派出所民警开展巡逻。")] == ["屏城中心派出所"]
    assert [s.name for s in run("居民点赞著派出所的工作。汪家桥派出所民警说。")] == ["汪家桥派出所"]


@pytest.mark.parametrize("text,want", [
    ("萝北县公安局为属地东明派出所民警提供翻译帮助。", ["东明派出所"]),
    ("当地东明派出所民警走访群众。", ["东明派出所"]),
    ("自撤乡并镇后，尹家镇辖区内没有派出所，却有1个社区、5个村。", []),
    ("镇里设有派出所，群众办事方便。", []),
])
def test_place_and_having_words_before_a_station_are_not_its_name(text: str, want: list[str]) -> None:
    assert [s.name for s in run(text)] == want


@pytest.mark.parametrize("text,want", [
    pytest.param("独山派出所设立由两地派出所、村委会轮值驻守的警务室。", ["独山派出所"],
                 id="by after a founding verb"),
    pytest.param("上月，一村民向街道派出所打来求助电话。武汉市黄陂区公安分局姚家集街道派出所民警上门调解。",
                 ["姚家集街道派出所"], id="a level alone"),
    pytest.param("铁路南京北站派出所在六合区政法委的支持下开展工作。南京北站派出所联合铁路部门巡查。",
                 ["南京北站派出所"], id="the railway police before a station"),
    pytest.param("霓虹灯下新哨兵\n关键词:南京东路南京路派出所\n南京东路派出所民警在步行街巡逻。",
                 ["南京东路派出所"], id="a keywords line is page furniture"),
    pytest.param("为了更好地管理辖区商户，海港分局组织派出所对辖区224家商户进行逐一走访。", [],
                 id="a bureau directing its stations"),
])
def test_words_around_a_station_are_not_its_name(text: str, want: list[str]) -> None:
    assert [s.name for s in run(text)] == want


def test_a_railway_station_named_after_a_city_lies_in_that_city() -> None:
    [st] = run("连日来，南京铁路公安处盐城站派出所全面开展线路隐患整治。")
    assert (st.name, st.province, st.prefecture) == ("盐城站派出所", "江苏省", "盐城市")


def test_a_street_named_after_a_province_names_no_province() -> None:
    # Shanghai's 四川北路 is no place in 四川; its name's 街道 places it instead.
    [st] = run("四川北路派出所民警走访沿街商户。")
    assert st.province != "四川省"
    assert st.province == "上海市"


def test_a_bureau_of_a_unit_the_gazetteer_does_not_know_lies_in_the_prefecture_before_it() -> None:
    [st] = run("自7月24日以来，大兴安岭图强公安分局奋斗派出所成立专项检查小组。")
    assert (st.province, st.prefecture) == ("黑龙江省", "大兴安岭地区")


def test_every_station_of_a_kind_is_no_name() -> None:
    assert is_generic("各海岸") and is_generic("各边境")
    assert not is_generic("各卡")  # 各卡乡 is a town
    sts = run("第二支队口牙海岸派出所走访渔民。据统计，第二支队各海岸派出所开展净滩行动17次。")
    assert [s.name for s in sts] == ["口牙海岸派出所"]


def test_the_railway_police_as_a_kind_is_no_name() -> None:
    sts = run("大连北站派出所成立调解室。北站建成以来，站内矛盾一直由铁路派出所进行调解。")
    assert [s.name for s in sts] == ["大连北站派出所"]
    assert not is_generic("园区") and not is_generic("机场")  # 园区派出所, 机场派出所 are names


def test_a_local_publisher_places_a_subject_the_text_does_not() -> None:
    from loaders.pipeline import extract_text

    body = "化解民生小纠纷\n作者:周某 责编:唐某\n{src}日期:2022-12-13\n清平派出所民警在清平镇调解邻里纠纷。\n"
    [st] = extract_text(body.format(src="来源:绵竹市融媒体中心\n"), "t.txt").stations
    assert (st.province, st.prefecture, st.county, st.town) == ("四川省", "德阳市", "绵竹市", "清平镇")
    [st] = extract_text(body.format(src="来源:人民网\n"), "t.txt").stations
    assert st.province is None  # a national outlet names no place
