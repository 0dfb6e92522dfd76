"""The offline gazetteer: resolution from partial names, ambiguity, the finder."""

import gzip
import subprocess
import sys
from importlib.resources import files

import pytest

from loaders.gazetteer import Place, find_places, resolve


@pytest.mark.parametrize(
    ("county", "province", "prefecture"),
    [
        ("保靖县", "湖南省", "湘西土家族苗族自治州"),
        ("旬阳市", "陕西省", "安康市"),
        ("渝北区", "重庆市", None),  # municipality: no prefecture
        ("平阳县", "浙江省", "温州市"),
        ("保靖縣", "湖南省", "湘西土家族苗族自治州"),  # traditional script
        ("诸暨市", "浙江省", "绍兴市"),
    ],
)
def test_county_alone_gives_province_and_prefecture(county: str, province: str, prefecture: str | None) -> None:
    place = resolve(county=county)
    assert (place.province, place.prefecture) == (province, prefecture)
    assert place.county == county.replace("縣", "县")


def test_short_county_name_where_unambiguous() -> None:
    assert resolve(county="诸暨") == Place("浙江省", "绍兴市", "诸暨市")


def test_former_name_maps_to_the_current_unit() -> None:
    # 旬阳县 became the county-level city 旬阳市 in 2021
    assert resolve(county="旬阳县") == Place("陕西省", "安康市", "旬阳市")


def test_ambiguous_county_left_unresolved_without_evidence() -> None:
    assert resolve(county="永定区") == Place(None, None, "永定区", None)
    assert resolve(county="朝阳区").province is None


def test_ambiguous_county_resolved_by_text_evidence() -> None:
    assert resolve(county="永定区", text="湖南省张家界市永定区").prefecture == "张家界市"
    assert resolve(county="永定区", text="福建龙岩永定区") == Place("福建省", "龙岩市", "永定区")
    assert resolve(county="朝阳区", text="北京市公安局朝阳分局") == Place("北京市", None, "朝阳区")


def test_town_resolved_under_its_county() -> None:
    assert resolve(county="诸暨市", town="枫桥") == Place("浙江省", "绍兴市", "诸暨市", "枫桥镇")
    assert resolve(county="渝北区", town="两路").town == "两路街道"
    # a town not under that county is not invented
    assert resolve(county="诸暨市", town="两路").town is None


def test_ambiguous_town_needs_evidence() -> None:
    assert resolve(town="山门镇").county is None  # several 山门镇 in China
    assert resolve(town="山门镇", text="平阳县山门镇") == Place("浙江省", "温州市", "平阳县", "山门镇")


def test_prefecture_gives_province_and_municipality_is_a_province() -> None:
    assert resolve(prefecture="安康市") == Place("陕西省", "安康市")
    assert resolve(prefecture="重庆市", county="渝北区") == Place("重庆市", None, "渝北区")


def test_finder_longest_full_names() -> None:
    text = "陕西省旬阳市公安局段家河派出所位于旬阳市段家河镇，提高县域治理，城区巡逻"
    found = [(m.name, m.start, m.end) for m in find_places(text)]
    assert found == [("陕西省", 0, 3), ("旬阳市", 3, 6), ("旬阳市", 17, 20), ("段家河镇", 20, 24)]
    for name, s, e in found:
        assert text[s:e] == name


def test_finder_traditional_script() -> None:
    assert [m.name for m in find_places("湖南省保靖縣遷陵鎮")] == ["湖南省", "保靖县", "迁陵镇"]


def test_shipped_file_is_compact_and_well_formed() -> None:
    raw = files("loaders").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    assert len(raw) < 1_000_000
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    assert lines[0].split("\t") == ["level", "name", "short", "adcode", "parent"]
    levels = {ln.split("\t")[0] for ln in lines[1:]}
    assert {"province", "prefecture", "county", "town"} <= levels
    assert "village" not in levels
    assert (files("loaders") / "data" / "NOTICE").read_text(encoding="utf-8").count("Apache") >= 1


def test_import_loads_nothing() -> None:
    code = "import loaders.gazetteer as g; assert g.gazetteer.cache_info().currsize == 0"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_build_script_on_a_small_hierarchy(tmp_path) -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    bg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bg)

    loc = tmp_path / "china_location.txt"
    loc.write_text(
        "甲省\t110000\t甲\n"
        "\t乙市\t110100\t乙\n"
        "\t\t丙县\t110101\t丙\n"
        "\t\t\t丁家镇\n"
        "\t\t\t\t丁家村\n"
        "\t\t\t乙市丙县戊乡\n"
        "\t省直辖行政区划\t119000\t省直辖\n"
        "\t\t己市\t119001\t己\n",
        encoding="utf-8",
    )
    (tmp_path / "china_location_change.txt").write_text(
        "2020-01-01\t国批\t甲省\t甲\t乙市\t乙\t庚县\t庚=>甲省\t乙市\t丙县\n", encoding="utf-8"
    )
    out = tmp_path / "g.tsv.gz"
    assert bg.main([str(loc), "-o", str(out)]) == 0
    rows = [ln.split("\t") for ln in gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()[1:]]
    assert ["town", "丁家镇", "丁家", "", "甲省|乙市|丙县"] in rows
    assert ["town", "戊乡", "戊乡", "", "甲省|乙市|丙县"] in rows  # parent prefix dropped
    assert ["county", "己市", "己", "119001", "甲省|"] in rows  # province-administered: no prefecture
    assert ["former_county", "庚县", "庚", "110101", "甲省|乙市|丙县"] in rows
    assert not any("村" in r[1] for r in rows)


def test_ethnic_town_written_short_resolves_to_its_official_name() -> None:
    from loaders.gazetteer import _ethnic_base, resolve

    assert _ethnic_base("落别布依族彝族乡") == "落别"
    assert _ethnic_base("红岩寺镇") is None
    assert resolve(county="六枝特区", town="落别乡").town == "落别布依族彝族乡"


def test_counties_under_a_prefecture_with_short_forms() -> None:
    from loaders.gazetteer import gazetteer

    got = {u.name: forms for u, forms in gazetteer().counties_under("威海市")}
    assert got["荣成市"] == ("荣成",)
    assert "伊吾县" not in got and gazetteer().counties_under("不存在市") == []


def _reference_find(text: str) -> list[tuple[str, int, int]]:
    """The finder's rule spelled out slowly: left to right, the longest name at each place."""
    from loaders.gazetteer import _SHORT_COUNTY_FOLLOW, gazetteer

    names = gazetteer().finder_units
    longest = max(map(len, names))
    out, i = [], 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            cand = text[i : i + n]
            if cand in names and not (n == 2 and cand[-1] == "县" and not text.startswith(_SHORT_COUNTY_FOLLOW, i + 2)):
                out.append((cand, i, i + n))
                i += n
                break
        else:
            i += 1
    return out


def test_finder_agrees_with_a_plain_scan_on_the_seeds() -> None:
    from pathlib import Path

    from loaders.clean import clean
    from loaders.gazetteer import gazetteer
    from loaders.read import read_source

    texts = [clean(read_source(p)).simp for p in sorted(Path(__file__).resolve().parents[1].glob("seeds/*.txt"))]
    # overlapping names (浙江省 / 江山市), a short county name with and without what must follow
    texts.append("浙江省江山市诸暨市枫桥镇，泾县公安局，提高县域，泾县")
    assert len(texts) >= 6
    for text in texts:
        found = [(m.name, m.start, m.end) for m in gazetteer().find(text)]
        assert found == _reference_find(text)
    assert [m.name for m in gazetteer().find(texts[-1])][:4] == ["浙江省", "江山市", "诸暨市", "枫桥镇"]


def test_a_county_that_exists_once_outweighs_a_province_written_for_another_place() -> None:
    """An article about two same-named stations may name the other one's province first."""
    assert resolve(province="河南省", county="老河口市", town="孟楼镇") == Place("湖北省", "襄阳市", "老河口市", "孟楼镇")
    # an ambiguous county stays with the province the text gives
    assert resolve(province="辽宁省", county="朝阳区") == Place("辽宁省", None, "朝阳区", None)


def test_an_autonomous_prefecture_written_short_with_州() -> None:
    from loaders.gazetteer import gazetteer

    g = gazetteer()
    assert [u.name for u in g.units("prefecture", "怒江州")] == ["怒江傈僳族自治州"]
    found = [[u.name for u in m.units] for m in g.find("云南省怒江州独龙江")]
    assert ["怒江傈僳族自治州"] in found and not any("江州区" in names for names in found)


def test_a_county_ending_in_cheng_shi_is_not_read_inside_the_word_city() -> None:
    assert find_places("护航现代化滨海城市作出新的更大贡献") == []
    assert [m.name for m in find_places("辽宁海城市公安局")] == ["海城市"]
