"""Regenerate ``loaders/data/gazetteer.tsv.gz`` from jionlp's location data.

jionlp (Apache-2.0, https://github.com/dongrixinyu/JioNLP) ships
``china_location.txt``: a tab-indented hierarchy province > prefecture >
county > town > village, with adcodes and short names on the first three
levels, and ``china_location_change.txt`` (renamings). We keep provinces,
prefectures, counties and towns (no villages) in one gzipped TSV with the
columns ``level, name, short, adcode, parent`` where ``parent`` is the
``|``-joined path of the parents (empty for none: a county of a municipality
has ``重庆市|``). Former names become rows of level ``former_county`` /
``former_prefecture`` whose ``parent`` column holds the current unit's full
path.

Usage::

    python scripts/build_gazetteer.py jionlp-1.5.31-py2.py3-none-any.whl
    python scripts/build_gazetteer.py china_location.txt [china_location_change.txt]
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "loaders" / "data" / "gazetteer.tsv.gz"
LEVELS = ("province", "prefecture", "county", "town")
# jionlp's placeholders for "no unit at this level"
NO_UNIT = {"省直辖行政区划", "市直辖行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木")


def read_inputs(paths: list[str]) -> tuple[str, str]:
    """(location text, change text) from a jionlp wheel or from the two files."""
    first = Path(paths[0])
    if first.suffix == ".whl":
        with zipfile.ZipFile(first) as whl:
            inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip")))
            loc = inner.read("china_location.txt").decode("utf-8")
            change = whl.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
        return loc, change
    loc = first.read_text(encoding="utf-8")
    change_path = Path(paths[1]) if len(paths) > 1 else first.with_name("china_location_change.txt")
    change = change_path.read_text(encoding="utf-8") if change_path.exists() else ""
    return loc, change


def town_short(name: str) -> str:
    """枫桥镇 -> 枫桥, 三里屯街道 -> 三里屯; keeps names that would become one character."""
    for suf in TOWN_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            core = name[: -len(suf)]
            return re.sub(r"(?<=..)[\u4e00-\u9fff]{1,3}族$", "", core) if core.endswith("族") else core
    return name


def strip_town_prefix(name: str, prefecture: str | None, county: str | None) -> str:
    """jionlp writes some towns with their parents in front (化德县七号镇): drop them."""
    for parent in (prefecture, county):
        if parent and name.startswith(parent) and len(name) - len(parent) >= 2:
            name = name[len(parent):]
    return name


def parse(loc: str) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    path: list[str | None] = [None, None, None, None]
    for line in loc.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3:
            continue  # villages
        fields = line.strip().split("\t")
        name = fields[0]
        adcode = fields[1] if len(fields) > 1 else ""
        short = fields[2] if len(fields) > 2 else ""
        if depth == 1 and (name in NO_UNIT or path[0] in MUNICIPALITIES):
            name = None  # municipalities and province-administered counties: no prefecture
        elif depth == 2 and name in NO_UNIT:
            name = None  # 东莞市 style: towns directly under the prefecture
        path[depth] = name
        for d in range(depth + 1, 4):
            path[d] = None
        if name is None:
            continue
        if depth == 3:
            name = strip_town_prefix(name, path[1], path[2])
            path[3] = name
            short = town_short(name)
        parent = "|".join(p or "" for p in path[:depth])
        key = (LEVELS[depth], name, parent)
        if key in seen:
            continue
        seen.add(key)
        rows.append((LEVELS[depth], name, short or name, adcode, parent))
    return rows


def former_names(change: str, rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Rows for renamed prefectures and counties, pointing at the current unit."""
    current = {(r[0], r[4] + "|" + r[1]): r for r in rows}
    out, seen = [], set()
    for line in change.splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>", 1)
        old_f = old.strip().split("\t")[2:]  # after date, approval kind
        new_f = [x.strip() for x in new.strip().split("\t")]
        if len(old_f) >= 6 and len(new_f) >= 3:
            level, old_name, old_short = "county", old_f[4], old_f[5]
        elif len(old_f) >= 4 and len(new_f) >= 2:
            level, old_name, old_short = "prefecture", old_f[2], old_f[3]
        else:
            continue
        new_path = new_f[:3] if level == "county" else new_f[:2]
        if new_path[0] in MUNICIPALITIES and level == "county":
            new_path[1] = ""
        target = current.get((level, "|".join(new_path)))
        if target is None or old_name == target[1]:
            continue
        key = (level, old_name, target[4])
        if key in seen:
            continue
        seen.add(key)
        out.append(("former_" + level, old_name, old_short, target[3], "|".join(new_path)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="a jionlp wheel, or china_location.txt [china_location_change.txt]")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    loc, change = read_inputs(args.inputs)
    rows = parse(loc)
    rows += former_names(change, rows)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    body = "level\tname\tshort\tadcode\tparent\n" + "".join("\t".join(r) + "\n" for r in rows)
    # mtime=0: the same input gives a byte-identical file
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(body.encode("utf-8"))
    counts = {lv: sum(1 for r in rows if r[0] == lv) for lv in sorted({r[0] for r in rows})}
    print(f"{out}: {out.stat().st_size} bytes, {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
