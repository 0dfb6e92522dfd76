"""The fact model round-trips through JSON, and names normalize as EXTRACTION.md says."""

from loaders.model import Evidence, Extraction
from loaders.normalize import normalize_name


def test_extraction_json_round_trip() -> None:
    d = {
        "article": {"file": "a.txt", "title": "t", "source": "s", "date": "2025-01-02", "author": None},
        "stations": [{"name": "甲派出所", "role": "subject", "honors": [{"title": "集体三等功", "year": 2022}],
                      "evidence": {"text": "x", "start": 0, "end": 1}}],
        "mechanisms": [{"name": "三近警务", "components": ["a", "b", "c"], "note": "ignored"}],
        "partners": [{"name": "司法所", "category": "judicial"}],
        "outcomes": [{"metric": "刑事案件发案数", "value": 87.5, "unit": "%", "direction": "decrease"}],
    }
    ext = Extraction.from_json(d)
    assert ext.stations[0].honors[0].year == 2022
    assert ext.stations[0].evidence == Evidence("x", 0, 1)
    again = Extraction.from_json(ext.to_json())
    assert again.to_json() == ext.to_json()
    assert again.mechanisms[0].components == ["a", "b", "c"]


def test_normalize_name() -> None:
    assert normalize_name("“兩隊一室”") == "两队一室"
    assert normalize_name("網(wǎng)格員") == "网格员"
    assert normalize_name("１＋Ｘ＋Ｎ ") == "1+X+N"
    assert normalize_name(None) == ""
