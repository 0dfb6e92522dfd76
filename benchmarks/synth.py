"""Synthetic corpora made from the seed articles, for benchmarks.

Each synthetic article is a seed with its body paragraphs reshuffled, its
subject station and places swapped for a real town, county, prefecture and
province drawn from the shipped gazetteer, and (for a share of them) its
script switched to traditional. What to swap is found by running the
extractor on the seed, so nothing here names seed content.

    python benchmarks/synth.py OUT_DIR -n 1000 [--seed 0] [--traditional 0.2]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _seed_templates(seed_dir: Path) -> list[tuple[str, dict[str, str]]]:
    """(text, {old name: role}) for each seed: the names the generator swaps."""
    from loaders.normalize import to_simplified
    from loaders.pipeline import extract_file

    out = []
    for p in sorted(seed_dir.glob("*.txt")):
        ext = extract_file(p)
        text = p.read_text(encoding="utf-8")
        names: dict[str, str] = {}
        for st in ext.stations:
            if st.role != "subject":
                continue
            for role in ("town", "county", "prefecture", "province"):
                v = getattr(st, role)
                if v:
                    names[v] = role
            names[st.name] = "station"
            stem = st.name.removesuffix("派出所")
            if len(stem) >= 2:
                names[stem] = "stem"
        out.append((to_simplified(text) if text else text, names))
    return out


def _towns():
    from loaders.gazetteer import gazetteer

    g = gazetteer()
    towns = [u for units in g.by_name["town"].values() for u in units
             if u.county and u.name.endswith(("镇", "乡", "街道")) and len(u.short) >= 2]
    towns.sort(key=lambda u: u.adcode)
    return towns


def make_corpus(out_dir: str | Path, n: int, seed: int = 0, traditional: float = 0.2,
                seed_dir: str | Path = ROOT / "seeds") -> list[Path]:
    """Write ``n`` synthetic articles into ``out_dir``; returns their paths."""
    import opencc

    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    templates = _seed_templates(Path(seed_dir))
    towns = _towns()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, names = templates[i % len(templates)]
        u = rng.choice(towns)
        new = {"town": u.name, "county": u.county or "", "prefecture": u.prefecture or "",
               "province": u.province or "", "station": u.short + "派出所", "stem": u.short}
        for old in sorted(names, key=len, reverse=True):
            text = text.replace(old, new[names[old]])
        paras = text.split("\n")
        head, body = paras[:3], paras[3:]
        rng.shuffle(body)
        text = "\n".join(head + body)
        if rng.random() < traditional:
            text = s2t.convert(text)
        p = out / f"synth_{i:06d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--traditional", type=float, default=0.2)
    a = ap.parse_args()
    paths = make_corpus(a.out, a.n, a.seed, a.traditional)
    print(f"wrote {len(paths)} articles to {a.out}")


if __name__ == "__main__":
    main()
