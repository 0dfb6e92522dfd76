"""Reprints: the same story published by several sites, found and counted once.

Detection: MinHash over character 5-gram shingles of the cleaned body in
simplified script (boilerplate already removed by ``loaders.clean``, white
space dropped), 128 permutations, candidates from an LSH index, kept when the
estimated Jaccard similarity is at least :data:`THRESHOLD` *and* the two
articles share a subject station (or both name none). The threshold
is set by ``tests/test_reprints.py``: reprints with other boilerplate, edited
sentences, a dropped paragraph or traditional script score 0.75 or more,
different articles on the same topic 0.03 or less; 0.5 sits far from both.
The station check matters for template-like texts (one press release with
only the station swapped is two stories, not a reprint).

Counting once: the earliest article of a group (by date, then article IRI)
is canonical and keeps its full graph; every other member keeps only its
bibliographic node (title, date, publisher, file ...) plus ``pk:reprintOf``
the canonical. So every consumer (catalogue queries, comparisons, the
browser, exports, a user's own SPARQL) counts a story's facts once without
filters. The signatures live in the store's manifest (one entry per input
file), so an incremental build matches new articles against stored ones and
two builds of the same inputs, in any order or with any ``--jobs``, give the
same store.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from loaders.document import CleanDoc

NUM_PERM = 128
SCHEME = "affine32"  # datasketch >= 2.0; stored signatures are only comparable within one scheme
SHINGLE = 5
THRESHOLD = 0.5
MIN_SHINGLES = 50  # shorter texts get no signature: too little text to call anything a reprint

PK = "https://w3id.org/policing-kg/ontology#"
REPRINT_OF = PK + "reprintOf"
# What a reprint keeps: its own bibliographic description (not about/mentions/doctrine: those are facts).
KEPT = frozenset({
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://purl.org/dc/terms/title",
    "http://purl.org/dc/terms/date",
    "http://purl.org/dc/terms/creator",
    "http://purl.org/dc/terms/publisher",
    PK + "fileName",
    PK + "sha256",
    PK + "encoding",
})

_SPACE = re.compile(r"\s+")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of ``text`` with white space removed."""
    s = _SPACE.sub("", text)
    return {s[i:i + k] for i in range(len(s) - k + 1)}


# A signature made by another scheme (an older release's) is not comparable: it starts otherwise.
SIG_PREFIX = "m2:"
_K_MUL = 0x100000001B3  # FNV-1a's 64-bit prime: mixes the k code points of a shingle into one integer


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """datasketch's affine permutations (a, b) for NUM_PERM, SCHEME and seed 1."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
    return a, b


def _fmix32(h: Any) -> Any:
    """MurmurHash3's 32-bit finalizer (datasketch's pre-mix for its affine32 scheme)."""
    import numpy as np

    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature_of_text(text: str, k: int = SHINGLE) -> str | None:
    """The MinHash (uint32 x NUM_PERM) of ``text``'s k-shingles, as text; None for a text too short to compare.

    All in numpy, one pass per shingle position rather than one hash call per
    shingle (a SHA-1 per shingle cost ~0.5 us, 1.5 ms an article): a shingle's
    k code points fold into 64 bits, then 32; the Murmur finalizer and
    datasketch's affine permutations of its ``affine32`` scheme do the rest.
    """
    import numpy as np

    cps = np.frombuffer(_SPACE.sub("", text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    n = len(cps) - k + 1
    if n < MIN_SHINGLES:
        return None
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(_K_MUL) + cps[j:j + n]
    s = np.sort(h)
    if 1 + np.count_nonzero(s[1:] != s[:-1]) < MIN_SHINGLES:  # distinct shingles, as in :func:`shingles`
        return None
    hv = _fmix32((h ^ (h >> np.uint64(32))).astype(np.uint32))  # repeats do not change a minimum
    a, b = _permutations()
    values = np.empty(NUM_PERM, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for i in range(0, NUM_PERM, 16):  # 16 permutations at a time: small temporaries, few calls
            block = a[i:i + 16, None] * hv[None, :]  # uint32: wraps mod 2^32
            block += b[i:i + 16, None]
            values[i:i + 16] = block.min(axis=1)
    return SIG_PREFIX + base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def comparable(sig: str | None) -> bool:
    """Whether a stored signature was made by this scheme (else its file is read again)."""
    return sig is None or sig.startswith(SIG_PREFIX)


def signature(clean: "CleanDoc") -> str | None:
    """The MinHash signature of a cleaned article (simplified script, so scripts do not matter)."""
    return signature_of_text(clean.simp)


def _hashvalues(sig: str) -> Any:
    import numpy as np

    return np.frombuffer(base64.b64decode(sig.removeprefix(SIG_PREFIX)), dtype="<u4").astype(np.uint32)


@dataclass(frozen=True)
class ArticleInfo:
    """What reprint detection needs to know of one stored article."""

    iri: str
    signature: str | None
    date: str | None = None  # ISO date or None
    subjects: frozenset[str] = frozenset()  # normalized names of the subject stations

    def order(self) -> tuple[bool, str, str]:
        """Canonical order: dated before undated, earliest first, then the IRI (a hash)."""
        d = self.date if self.date and _ISO.match(self.date) else None
        return (d is None, d or "", self.iri)


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    return float(np.count_nonzero(_hashvalues(a) == _hashvalues(b))) / NUM_PERM


def _compatible(a: ArticleInfo, b: ArticleInfo) -> bool:
    """Same story, same subject: both name no station, or they share one.

    (An article without a station must not link to one with a station: it
    would bridge every template copy about a different station into one group.)
    """
    return a.subjects == b.subjects or bool(a.subjects & b.subjects)


def canonical_map(infos: Iterable[ArticleInfo], threshold: float = THRESHOLD) -> dict[str, str]:
    """reprint IRI -> canonical IRI, for every article that is a reprint.

    Groups are the connected components of the "is a reprint of" relation;
    the result depends only on the set of articles, never on their order.
    Candidates are the pairs that agree on a whole band of the signature
    (LSH banding with datasketch's parameters for ``threshold``) *and* share
    a subject station (or both name none): only those can be linked, and
    without the second condition template-like texts about thousands of
    different stations make the candidates grow with the square of the
    articles. Similarities are estimated for all candidates at once with numpy.
    """
    import numpy as np

    arts = sorted({a.iri: a for a in infos if a.signature}.values(), key=lambda a: a.iri)
    if len(arts) < 2:
        return {}
    bands, rows = _bands(threshold)
    hv = np.stack([_hashvalues(a.signature) for a in arts])  # type: ignore[arg-type]
    keys = [sorted(a.subjects) or [""] for a in arts]  # "": no subject station
    pairs: set[tuple[int, int]] = set()
    for i in range(bands):
        band = np.ascontiguousarray(hv[:, i * rows:(i + 1) * rows]).view(f"V{4 * rows}").ravel()
        buckets: dict[tuple[bytes, str], list[int]] = {}
        for j, key in enumerate(band.tolist()):
            for subject in keys[j]:
                buckets.setdefault((key, subject), []).append(j)
        for members in buckets.values():
            if len(members) > 1:
                pairs.update((x, y) for k, x in enumerate(members) for y in members[k + 1:])
    parent = list(range(len(arts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    cand = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    for lo in range(0, len(cand), 65536):  # bounded memory: 65536 x NUM_PERM bytes at a time
        c = cand[lo:lo + 65536]
        same = np.count_nonzero(hv[c[:, 0]] == hv[c[:, 1]], axis=1)
        for x, y in c[same / NUM_PERM >= threshold].tolist():
            if _compatible(arts[x], arts[y]):
                rx, ry = find(x), find(y)
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[ArticleInfo]] = {}
    for i, a in enumerate(arts):
        groups.setdefault(find(i), []).append(a)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=ArticleInfo.order)
        for m in members:
            if m.iri != canon.iri:
                out[m.iri] = canon.iri
    return out


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for ``threshold``."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def infos_from_manifest(files: Mapping[str, Mapping[str, Any]]) -> list[ArticleInfo]:
    """One :class:`ArticleInfo` per stored article (several files may hold one article)."""
    seen: dict[str, ArticleInfo] = {}
    for _, v in sorted(files.items()):
        art = v["article"]
        if art in seen and seen[art].signature:
            continue
        subjects = frozenset(s for s in (v.get("subjects") or "").split("|") if s)
        sig = v.get("minhash") or None
        seen[art] = ArticleInfo(art, sig if comparable(sig) else None, v.get("date") or None, subjects)
    return list(seen.values())


def reduce_quads(quads: Iterable[Any], article: str, canonical: str) -> list[Any]:
    """A reprint's graph: its bibliographic triples and ``pk:reprintOf`` the canonical article."""
    import pyoxigraph as ox

    g = ox.NamedNode(article)
    kept = [q for q in quads if q.subject == g and q.predicate.value in KEPT]
    kept.append(ox.Quad(g, ox.NamedNode(REPRINT_OF), ox.NamedNode(canonical), g))
    return kept


def reduce_stored(db: Any, article: str, canonical: str) -> list[Any]:
    """:func:`reduce_quads` of an article graph already in the store ``db``.

    Reads only the kept triples: decoding a whole graph of a large store costs
    ~0.1 ms a quad (each term is a look-up on disk).
    """
    import pyoxigraph as ox

    g = ox.NamedNode(article)
    kept = [q for p in sorted(KEPT) for q in db.quads_for_pattern(g, ox.NamedNode(p), None, g)]
    kept.append(ox.Quad(g, ox.NamedNode(REPRINT_OF), ox.NamedNode(canonical), g))
    return kept
