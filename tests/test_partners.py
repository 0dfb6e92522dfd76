"""Partner extraction (EXTRACTION.md section 4): lexicon, rules, links, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.model import Article, Extraction, Mechanism, Station
from loaders.partners import extract_partners, lexicon
from loaders.pipeline import extract_file
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
