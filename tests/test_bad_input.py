"""Bad input never stops a build: one clear message per bad file, a summary, the good files load.

Exit codes of `kg build` (see `kg build --help`): 0 when something from the
inputs is in the store, 1 when nothing could be loaded, 3 when another
process is writing the store.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import opencc
import pyoxigraph as ox
import pytest

from kg.build import MAX_TEXT_CHARS
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

SCRIPT = "<script>var x = {a: 1, b: [1,2,3]}; function f(){ document.write('广告 点击领取'); }</script>\n"


def _kg(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(KG + list(args), env=ENV, capture_output=True, text=True, timeout=timeout)


def _truncated_utf8(text: str, n: int) -> bytes:
    """The first ~n bytes of ``text`` in UTF-8, cut inside a multi-byte character."""
    data = text.encode("utf-8")
    i = n
    while data[i] & 0xC0 != 0x80:  # move to a continuation byte
        i += 1
    return data[:i]


def _bad_corpus(d: Path, seeds: list[Path], big: bool) -> tuple[dict[str, str], list[str]]:
    """Write the corpus; returns ({bad file name: expected reason fragment}, good file names)."""
    s = [p.read_text(encoding="utf-8") for p in seeds]
    s2tw = opencc.OpenCC("s2tw")  # Taiwan forms: all in Big5
    d.mkdir()
    bad = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "english.txt": "no Chinese",
        "only_scripts.html": "",
        "too_long.txt": "too long",
    }
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\r\n\t ")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "english.txt").write_text("Police stations and community policing.\n" * 20, encoding="utf-8")
    (d / "only_scripts.html").write_text("<html><head><title>x</title></head><body>" + SCRIPT * 300 + "</body></html>",
                                         encoding="utf-8")
    line = "".join(s[1].split("\n"))
    (d / "too_long.txt").write_text((line * (MAX_TEXT_CHARS // len(line) + 2)), encoding="utf-8")
    if big:  # 50 MB in one file
        bad["huge.txt"] = "too large"
        with open(d / "huge.txt", "w", encoding="utf-8") as f:
            chunk = s[0] + "\n"
            for _ in range(50_000_000 // len(chunk.encode("utf-8")) + 1):
                f.write(chunk)
    good = {
        "truncated.txt": _truncated_utf8(s[0], 3000),
        "gbk.txt": s[1].encode("gbk"),
        "big5.txt": s2tw.convert(s[4]).encode("big5"),
        "utf16.txt": s[3].encode("utf-16"),
        "long_line.txt": ((line * (100_000 // len(line) + 1))[:100_000]).encode("utf-8"),
        "scripts.html": ("<html><head><title>派出所新闻</title>" + SCRIPT * 100 + "</head><body>" + SCRIPT * 100
                         + "<article>" + "".join(f"<p>{p}</p>" for p in s[4].split("\n") if p.strip())
                         + "</article>" + SCRIPT * 100 + "</body></html>").encode("utf-8"),
        "no_station.txt": "本市开展反诈宣传活动\n\n近日，社区组织志愿者走进小区，向居民发放宣传资料200余份，"
                          "讲解常见骗局，提醒群众提高警惕。\n".encode("utf-8"),
        "duplicate_a.txt": s[2].encode("utf-8"),
        "duplicate_b.txt": s[2].encode("utf-8"),
    }
    for name, data in good.items():
        (d / name).write_bytes(data)
    return bad, sorted(good)


def _check_build(tmp_path: Path, seed_paths: list[Path], big: bool) -> None:
    store = tmp_path / "store"
    r0 = _kg("build", str(seed_paths[0]), "--store", str(store))
    assert r0.returncode == 0, r0.stderr
    before = set(Store(store).open_read().dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())

    corpus = tmp_path / "bad"
    bad, good = _bad_corpus(corpus, seed_paths, big)
    r = _kg("build", str(corpus), "--store", str(store), "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    messages = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")]
    assert len(messages) == len(bad), r.stderr  # one message per bad file, none for good ones
    for name, fragment in bad.items():
        mine = [m for m in messages if m.startswith(f"skipped {corpus / name}: ")]
        assert len(mine) == 1, (name, r.stderr)
        assert fragment in mine[0], mine[0]
    # the summary: good files loaded, the bad ones counted
    assert f"{len(good)} added" in r.stdout and f"{len(bad)} files skipped" in r.stdout, r.stdout
    files = Store(store).manifest().files
    assert {Path(p).name for p in files} == set(good) | {seed_paths[0].name}
    assert files[str(corpus / "duplicate_a.txt")]["article"] == files[str(corpus / "duplicate_b.txt")]["article"]
    # the store still holds everything it held, and the HTML scripts did not leak into it
    after = set(Store(store).open_read().dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())
    assert before <= after
    assert not any("document.write" in q or "function f()" in q for q in after)
    # a second run: the good files are unchanged, the bad ones reported again
    r2 = _kg("build", str(corpus), "--store", str(store))
    assert r2.returncode == 0 and f"{len(good)} unchanged" in r2.stdout, r2.stdout + r2.stderr


def test_bad_files_are_reported_and_good_files_load(tmp_path: Path, seed_paths: list[Path]) -> None:
    _check_build(tmp_path, seed_paths, big=False)


@pytest.mark.slow
def test_a_50_mb_file_is_refused_quickly(tmp_path: Path, seed_paths: list[Path]) -> None:
    _check_build(tmp_path, seed_paths, big=True)


def test_nothing_loadable_exits_1_and_leaves_the_store(tmp_path: Path, seed_paths: list[Path]) -> None:
    store = tmp_path / "store"
    assert _kg("build", str(seed_paths[1]), "--store", str(store)).returncode == 0
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    r = _kg("build", str(corpus), "--store", str(store))
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stderr.count("skipped ") == 2 and "0 added" in r.stdout
    assert len(Store(store).manifest().files) == 1
    assert _kg("query", "articles", "--store", str(store)).returncode == 0


def test_busy_store_exits_3(tmp_path: Path, seed_paths: list[Path]) -> None:
    store = tmp_path / "store"
    with Store(store).lock():
        r = _kg("build", str(seed_paths[3]), "--store", str(store))
    assert r.returncode == 3, r.stdout + r.stderr
    assert "being written by another process" in r.stderr
