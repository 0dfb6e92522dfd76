"""Scoring extractions against gold files, with the matching rules of EXTRACTION.md.

Every name is compared after :func:`loaders.normalize.normalize_name`.
Stations and partners match by equal names, a mechanism when one name (or
alias) contains the other, an outcome when value, unit and direction agree and
the metrics share a key term (``loaders/lexicons/metric_key_terms.txt``).
Matching is one-to-one, greedy best-first. Precision, recall and F1 are
micro-averaged over articles; subject-station location, article metadata and
a few secondary agreements (mechanism components and category, outcome period,
kind and family) are reported beside them, with every miss and false hit.
"""

from __future__ import annotations

import json
import math
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

from loaders.model import Extraction, Mechanism, Outcome
from loaders.normalize import mechanism_heads, normalize_name, read_lexicon

TYPES = ("stations", "mechanisms", "partners", "outcomes")
LOCATION_FIELDS = ("province", "prefecture", "county", "town")
METADATA_FIELDS = ("title", "source", "date", "author")
# Counters written as different words for the same thing (120余名 = 120余人).
UNIT_SYNONYMS = {"名": "人", "位": "人"}


@dataclass
class Counts:
    """True positives, false positives and false negatives of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        # Nothing predicted: perfect only if there was nothing to find.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Tally:
    """Agreements out of comparisons (for accuracies)."""

    agree: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.agree += int(ok)
        self.total += 1

    def __iadd__(self, other: "Tally") -> "Tally":
        self.agree += other.agree
        self.total += other.total
        return self

    @property
    def accuracy(self) -> float | None:
        return self.agree / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        acc = self.accuracy
        return {"agree": self.agree, "total": self.total, "accuracy": None if acc is None else round(acc, 4)}


@dataclass
class ArticleScore:
    """One article's result: counts, misses and false hits per type, accuracies."""

    stem: str
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    misses: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TYPES})
    false_hits: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TYPES})
    location: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in LOCATION_FIELDS})
    metadata: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in METADATA_FIELDS})
    secondary: dict[str, Tally] = field(default_factory=dict)
    components: Counts = field(default_factory=Counts)  # over matched mechanisms
    wrong: list[str] = field(default_factory=list)  # field disagreements of matched facts
    missing_prediction: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "stem": self.stem,
            "missing_prediction": self.missing_prediction,
            "counts": {t: c.to_json() for t, c in self.counts.items()},
            "misses": self.misses,
            "false_hits": self.false_hits,
            "location": {f: t.to_json() for f, t in self.location.items()},
            "metadata": {f: t.to_json() for f, t in self.metadata.items()},
            "secondary": {k: t.to_json() for k, t in self.secondary.items()},
            "components": self.components.to_json(),
            "wrong": self.wrong,
        }


@dataclass
class Report:
    """Scores of a folder of gold files against a folder of predictions."""

    articles: list[ArticleScore] = field(default_factory=list)
    unpaired_predictions: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, Counts]:
        """Micro-averaged counts per type (summed over articles)."""
        out = {t: Counts() for t in TYPES}
        for a in self.articles:
            for t in TYPES:
                out[t] += a.counts[t]
        return out

    def _sum(self, attr: str) -> dict[str, Tally]:
        out: dict[str, Tally] = {}
        for a in self.articles:
            for k, t in getattr(a, attr).items():
                out.setdefault(k, Tally())
                out[k] += t
        return out

    def location(self) -> dict[str, Tally]:
        return self._sum("location")

    def metadata(self) -> dict[str, Tally]:
        return self._sum("metadata")

    def secondary(self) -> dict[str, Tally]:
        return self._sum("secondary")

    def components(self) -> Counts:
        out = Counts()
        for a in self.articles:
            out += a.components
        return out

    def failing(self, min_f1: float) -> list[str]:
        """The fact types whose F1 is below ``min_f1``."""
        return [t for t, c in self.counts().items() if c.f1 < min_f1]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "counts": {t: c.to_json() for t, c in self.counts().items()},
            "location": {f: t.to_json() for f, t in self.location().items()},
            "metadata": {f: t.to_json() for f, t in self.metadata().items()},
            "secondary": {k: t.to_json() for k, t in self.secondary().items()},
            "components": self.components().to_json(),
            "unpaired_predictions": self.unpaired_predictions,
            "per_article": [a.to_json() for a in self.articles],
        }

    def format(self, details: bool = True) -> str:
        """A readable table, then each article's misses and false hits."""
        lines = [f"{len(self.articles)} gold article(s)", "",
                 f"{'type':<11}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        for t, c in self.counts().items():
            lines.append(f"{t:<11}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
                         f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
        for title, tallies in (("subject-station location", self.location()),
                               ("article metadata", self.metadata()),
                               ("matched-fact agreement", self.secondary())):
            lines += ["", title]
            lines += [f"  {k:<22}{_acc(t)}" for k, t in tallies.items()]
        comp = self.components()
        lines.append(f"  {'mechanism.components':<22}P {comp.precision:.3f}  R {comp.recall:.3f}  "
                     f"F1 {comp.f1:.3f}  ({comp.tp} of {comp.tp + comp.fn} gold parts)")
        if self.unpaired_predictions:
            lines += ["", "predictions without gold: " + ", ".join(self.unpaired_predictions)]
        if details:
            for a in self.articles:
                lines += ["", f"== {a.stem}" + ("  (no prediction file)" if a.missing_prediction else "")]
                for t in TYPES:
                    for label in a.misses[t]:
                        lines.append(f"  miss      {t:<11}{label}")
                    for label in a.false_hits[t]:
                        lines.append(f"  false hit {t:<11}{label}")
                lines += [f"  disagree  {w}" for w in a.wrong]
        return "\n".join(lines)


def _acc(t: Tally) -> str:
    acc = t.accuracy
    return "-" if acc is None else f"{acc:7.1%}  ({t.agree}/{t.total})"


# ---------------------------------------------------------------- matching


def _norm(s: Any) -> str:
    return normalize_name(str(s)) if s is not None else ""


def greedy_match(
    gold: Sequence[Any], pred: Sequence[Any], score: Callable[[Any, Any], float | None]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best score first.

    ``score`` returns None for pairs that may not match; ties keep text order.
    """
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((-s, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _name_score(g: Any, p: Any) -> float | None:
    a, b = _norm(g.name), _norm(p.name)
    return 1.0 if a and a == b else None


def _mechanism_names(m: Mechanism) -> list[str]:
    return [n for n in (_norm(x) for x in [m.name, *m.aliases]) if n]


def _stations_compatible(a: str | None, b: str | None) -> bool:
    """Same station, or one side does not say (a name may be longer: 某县公安局X派出所)."""
    x, y = _norm(a), _norm(b)
    return not x or not y or x in y or y in x


def mechanism_score(g: Mechanism, p: Mechanism) -> float | None:
    """Containment of one normalized name (or alias) in the other; equal names score highest."""
    if not _stations_compatible(g.station, p.station):
        return None
    best = None
    for a in _mechanism_names(g):
        for b in _mechanism_names(p):
            if a == b:
                s = 2.0
            elif (a in b or b in a) and min(a, b, key=len) not in mechanism_heads():
                # A bare head word (机制, 警务) contains nothing worth matching.
                s = min(len(a), len(b)) / max(len(a), len(b))
            else:
                continue
            best = s if best is None else max(best, s)
    return best


@lru_cache(maxsize=1)
def metric_key_terms() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(tier, group id, synonyms) from ``metric_key_terms.txt``."""
    out = []
    for line in read_lexicon("metric_key_terms.txt"):
        tier, _, terms = line.partition(" ")
        words = tuple(normalize_name(w) for w in terms.split("/") if w.strip())
        out.append((tier.strip(), words[0], words))
    return tuple(out)


def metric_keys(metric: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The (subject, measure) key-term groups a metric names."""
    m = _norm(metric)
    subj: set[str] = set()
    meas: set[str] = set()
    for tier, gid, words in metric_key_terms():
        if any(w in m for w in words):
            (subj if tier == "subject" else meas).add(gid)
    return frozenset(subj), frozenset(meas)


def metrics_share_key(a: str | None, b: str | None) -> int:
    """How many key terms two metrics share (0: they don't match).

    Two metrics that both name a subject (刑事, 满意 ...) must share one;
    otherwise any shared key term will do. Metrics with no key term at all
    match only when one contains the other.
    """
    sa, ma = metric_keys(a)
    sb, mb = metric_keys(b)
    if sa and sb and not sa & sb:
        return 0
    shared = len((sa | ma) & (sb | mb))
    if shared:
        return shared
    x, y = _norm(a), _norm(b)
    return 1 if x and y and (x in y or y in x) else 0


def _unit(u: str | None) -> str:
    n = _norm(u)
    return UNIT_SYNONYMS.get(n, n)


def values_agree(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-6)


def outcome_score(g: Outcome, p: Outcome) -> float | None:
    """Value, unit and direction must agree and the metrics share a key term."""
    if not values_agree(g.value, p.value) or _unit(g.unit) != _unit(p.unit):
        return None
    if (g.direction or None) != (p.direction or None):
        return None
    shared = metrics_share_key(g.metric, p.metric)
    if not shared:
        return None
    bonus = 3.0 if _norm(g.metric) == _norm(p.metric) else 0.0
    bonus += 0.5 * (_norm(g.period) == _norm(p.period))
    return shared + bonus


def outcome_label(o: Outcome) -> str:
    value = "" if o.value is None else f"{o.value:g}"
    parts = [o.metric or "?", f"{value}{o.unit or ''}", o.direction or "", o.period or ""]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------- scoring


def score(gold: Extraction, pred: Extraction) -> ArticleScore:
    """Score one article's prediction against its gold file."""
    stem = Path(gold.article.file or pred.article.file or "?").stem
    res = ArticleScore(stem=stem)

    specs: list[tuple[str, list[Any], list[Any], Callable[[Any, Any], float | None], Callable[[Any], str]]] = [
        ("stations", gold.stations, pred.stations, _name_score, lambda s: s.name),
        ("mechanisms", gold.mechanisms, pred.mechanisms, mechanism_score, lambda m: m.name),
        ("partners", gold.partners, pred.partners, _name_score, lambda p: p.name),
        ("outcomes", gold.outcomes, pred.outcomes, outcome_score, outcome_label),
    ]
    matched: dict[str, list[tuple[Any, Any]]] = {}
    for kind, g_items, p_items, fn, label in specs:
        pairs = greedy_match(g_items, p_items, fn)
        gi = {i for i, _ in pairs}
        pj = {j for _, j in pairs}
        res.counts[kind] = Counts(tp=len(pairs), fp=len(p_items) - len(pj), fn=len(g_items) - len(gi))
        res.misses[kind] = [label(x) for i, x in enumerate(g_items) if i not in gi]
        res.false_hits[kind] = [label(x) for j, x in enumerate(p_items) if j not in pj]
        matched[kind] = [(g_items[i], p_items[j]) for i, j in pairs]

    _score_location(gold, matched["stations"], res)
    for f in METADATA_FIELDS:
        g, p = getattr(gold.article, f), getattr(pred.article, f)
        ok = _norm(g) == _norm(p)
        res.metadata[f].add(ok)
        if not ok:
            res.wrong.append(f"article.{f}: gold {g!r}, pred {p!r}")
    _score_mechanism_details(matched["mechanisms"], res)
    _agree(res, "partner.category", matched["partners"], "category", lambda p: p.name)
    for f in ("period", "kind", "family"):
        _agree(res, f"outcome.{f}", matched["outcomes"], f, outcome_label)
    return res


def _score_location(gold: Extraction, pairs: list[tuple[Any, Any]], res: ArticleScore) -> None:
    """Province, prefecture, county, town of every gold subject station (unpredicted = wrong)."""
    pred_of = {id(g): p for g, p in pairs}
    for g in gold.stations:
        if g.role != "subject":
            continue
        p = pred_of.get(id(g))
        for f in LOCATION_FIELDS:
            ok = p is not None and _norm(getattr(g, f)) == _norm(getattr(p, f))
            res.location[f].add(ok)
            if p is not None and not ok:
                res.wrong.append(f"{g.name}.{f}: gold {getattr(g, f)!r}, pred {getattr(p, f)!r}")


def _agree(res: ArticleScore, key: str, pairs: list[tuple[Any, Any]], attr: str,
           label: Callable[[Any], str]) -> None:
    tally = res.secondary.setdefault(key, Tally())
    for g, p in pairs:
        gv, pv = getattr(g, attr), getattr(p, attr)
        ok = _norm(gv) == _norm(pv)
        tally.add(ok)
        if not ok:
            res.wrong.append(f"{key} of {label(g)}: gold {gv!r}, pred {pv!r}")


def _score_mechanism_details(pairs: list[tuple[Mechanism, Mechanism]], res: ArticleScore) -> None:
    """Category agreement and component P/R (components match by containment, in any order)."""
    _agree(res, "mechanism.category", pairs, "category", lambda m: m.name)
    _agree(res, "mechanism.scope", pairs, "scope", lambda m: m.name)
    counts = res.secondary.setdefault("mechanism.count_check", Tally())
    for g, p in pairs:
        gc = [c for c in map(_norm, g.components) if c]
        pc = [c for c in map(_norm, p.components) if c]
        comp_pairs = greedy_match(gc, pc, lambda a, b: (min(len(a), len(b)) / max(len(a), len(b)))
                                  if (a in b or b in a) else None)
        res.components += Counts(tp=len(comp_pairs), fp=len(pc) - len(comp_pairs), fn=len(gc) - len(comp_pairs))
        if g.expected_count is not None:
            # The count check itself: does the prediction carry the same number?
            counts.add(p.expected_count == g.expected_count)


def _load(path: Path) -> Extraction:
    return Extraction.from_json(json.loads(path.read_text(encoding="utf-8")))


def score_dirs(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every ``*.json`` gold file against the prediction with the same stem.

    A gold file without a prediction counts every gold fact as a miss.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    report = Report()
    gold_files = sorted(gold_dir.glob("*.json"))
    for gpath in gold_files:
        gold = _load(gpath)
        ppath = pred_dir / gpath.name
        if ppath.exists():
            res = score(gold, _load(ppath))
        else:
            res = score(gold, Extraction(article=type(gold.article)(file=gold.article.file)))
            res.missing_prediction = True
        res.stem = gpath.stem
        report.articles.append(res)
    gold_stems = {g.stem for g in gold_files}
    report.unpaired_predictions = sorted(p.stem for p in pred_dir.glob("*.json") if p.stem not in gold_stems)
    return report


def extract_and_score(gold_dir: str | Path, input_dir: str | Path) -> Report:
    """Run the extractor over the inputs that have a gold file (paired by stem), then score."""
    from kg.build import extract_paths, iter_inputs

    stems = {p.stem for p in Path(gold_dir).glob("*.json")}
    inputs = [p for p in iter_inputs([input_dir]) if p.stem in stems]
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        if inputs:
            extract_paths(inputs, tmp)
        return score_dirs(gold_dir, tmp)
