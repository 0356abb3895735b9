"""Per-article signatures for clustering: MinHash over word shingles and a hashed term vector.

Both are computed once per article and kept in ``article_signatures`` so that
new articles can be compared with stored ones without re-reading or
re-clustering the store.

- ``minhash``: a datasketch ``LeanMinHash`` of the article's word 5-shingles
  (exact and near duplicates, wire copy).
- ``vector``: the number of shingles, then the article's hashed term counts
  (title and capitalised words inside sentences counted twice), from which
  TF-IDF vectors are built with an IDF over the whole store (``term_df``,
  kept up to date as signatures are written; see :class:`DocumentFrequencies`).
"""

from __future__ import annotations

import re
import struct
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

NUM_PERM = 128
SHINGLE = 5
N_FEATURES = 2**20
_PROPER = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def shingles(text: str, *, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (the whole text when it is shorter)."""
    toks = words(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)}


@lru_cache(maxsize=1)
def _blank_minhash() -> MinHash:
    """An empty fixed-seed MinHash whose permutations every signature reuses."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def minhash(items: set[str]) -> LeanMinHash:
    """A fixed-seed MinHash of ``items`` (same input, same signature)."""
    blank = _blank_minhash()  # drawing the permutations costs more than hashing an article
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=blank.permutations, scheme=blank.scheme)
    mh.update_batch([x.encode("utf-8") for x in sorted(items)])
    return LeanMinHash(mh)


def minhash_bytes(mh: LeanMinHash) -> bytes:
    """Serialise a LeanMinHash for the ``article_signatures.minhash`` column."""
    buf = bytearray(mh.bytesize())
    mh.serialize(buf)
    return bytes(buf)


def minhash_values(blob: bytes) -> np.ndarray:
    """The hash values of a serialised LeanMinHash: its last ``NUM_PERM`` 32-bit words
    (read in place; ``LeanMinHash.deserialize`` costs more than the comparison)."""
    return np.frombuffer(blob, dtype=np.uint32, count=NUM_PERM, offset=len(blob) - 4 * NUM_PERM)


@lru_cache(maxsize=1)
def _vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=N_FEATURES, alternate_sign=False, norm=None, lowercase=True,
        stop_words=sorted(ENGLISH_STOP_WORDS | {"said", "says", "told", "according", "reported"}),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b",
    )  # fmt: skip


def term_counts(docs: list[tuple[str | None, str]]) -> sparse.csr_matrix:
    """Hashed term counts of each (title, text), one row per document. The title and the
    capitalised words inside sentences (places, people, organisations) count twice: the
    same development names the same ones."""
    texts = [f"{title or ''}\n{title or ''}\n{text}\n{' '.join(_PROPER.findall(text))}"
             for title, text in docs]  # fmt: skip
    return _vectorizer().transform(texts).tocsr()


def vector_bytes(idx: np.ndarray, val: np.ndarray, n_shingles: int) -> bytes:
    """Pack shingle count and sparse term counts for ``article_signatures.vector``."""
    idx, val = idx.astype("<u4"), val.astype("<f4")
    return struct.pack("<II", n_shingles, len(idx)) + idx.tobytes() + val.tobytes()


def unpack_vector(blob: bytes) -> tuple[int, np.ndarray, np.ndarray]:
    """(number of shingles, term indices, counts) from a packed vector."""
    n_shingles, nnz = struct.unpack_from("<II", blob)
    idx = np.frombuffer(blob, dtype="<u4", count=nnz, offset=8)
    val = np.frombuffer(blob, dtype="<f4", count=nnz, offset=8 + 4 * nnz)
    return n_shingles, idx, val


def _counts(vectors: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
    indptr = np.cumsum([0] + [len(i) for i, _ in vectors])
    indices = np.concatenate([i for i, _ in vectors]) if vectors else np.array([], dtype="<u4")
    data = np.concatenate([v for _, v in vectors]) if vectors else np.array([], dtype="<f4")
    return sparse.csr_matrix((data.astype(np.float64), indices, indptr),
                             shape=(len(vectors), N_FEATURES))  # fmt: skip


class DocumentFrequencies:
    """Store-wide IDF of hashed terms, for one placement step.

    ``documents`` and ``read`` (term indices -> stored document frequency) come
    from the store; ``pending`` are the term vectors of the step's articles
    whose signatures are not stored yet. Each of those moves from ``pending``
    into the store when its group is written, so the stored count plus the
    pending one stays the same all through a step: a term's frequency is read
    once and kept.
    """

    def __init__(self, documents: int, read: Callable[[list[int]], dict[int, int]],
                 pending: Sequence[tuple[np.ndarray, np.ndarray]] = ()) -> None:  # fmt: skip
        self.documents = documents + len(pending)
        self._read = read
        self._pending: Counter[int] = Counter()
        for idx, _ in pending:
            self._pending.update(int(t) for t in np.unique(idx))
        self._known: dict[int, int] = {}

    def idf(self, terms: np.ndarray) -> np.ndarray:
        """Smoothed IDF, ``log((1 + N) / (1 + df)) + 1``, of each of ``terms``."""
        missing = [int(t) for t in terms if int(t) not in self._known]
        if missing:
            stored = self._read(missing)
            for t in missing:
                self._known[t] = stored.get(t, 0) + self._pending.get(t, 0)
        df = np.array([self._known[int(t)] for t in terms], dtype=np.float64)
        return np.log((1 + self.documents) / (1 + df)) + 1.0


def tfidf_rows(
    vectors: list[tuple[np.ndarray, np.ndarray]], weights: DocumentFrequencies
) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows of ``vectors``, IDF from ``weights``."""
    m = _counts(vectors)
    terms = np.unique(m.indices)  # the few thousand of 2^20 a pool holds
    idf = weights.idf(terms)
    m.data = (1.0 + np.log(m.data)) * idf[np.searchsorted(terms, m.indices)]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def pool_frequencies(vectors: list[tuple[np.ndarray, np.ndarray]]) -> DocumentFrequencies:
    """IDF over ``vectors`` alone (no store: tests and one-off comparisons)."""
    return DocumentFrequencies(0, lambda terms: {}, vectors)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger, from their Jaccard."""
    small = min(size_a, size_b)
    if small == 0 or jaccard <= 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1.0 + jaccard) * small))


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A publication date as an interval: a day, a whole month or a whole year; or unknown."""

    lo: date | None
    hi: date | None

    @classmethod
    def parse(cls, published: str | None) -> DateSpan:
        """Span of "YYYY-MM-DD", "YYYY-MM" or "YYYY"; unknown for None or anything else."""
        try:
            if published and len(published) == 10:
                d = date.fromisoformat(published)
                return cls(d, d)
            if published and len(published) == 7:
                y, m = int(published[:4]), int(published[5:7])
                nxt = date(y + (m == 12), m % 12 + 1, 1)
                return cls(date(y, m, 1), nxt - timedelta(days=1))
            if published and len(published) == 4:
                return cls(date(int(published), 1, 1), date(int(published), 12, 31))
        except ValueError:
            pass
        return cls(None, None)

    @property
    def known(self) -> bool:
        """True when the date is known at some precision."""
        return self.lo is not None

    @property
    def days(self) -> int:
        """Width of the span in days (1 for a day)."""
        return (self.hi - self.lo).days + 1 if self.lo and self.hi else 0

    def gap(self, other: DateSpan) -> int | None:
        """Days between the two spans (0 when they overlap); None when either is unknown."""
        if not (self.lo and self.hi and other.lo and other.hi):
            return None
        if self.hi < other.lo:
            return (other.lo - self.hi).days
        if other.hi < self.lo:
            return (self.lo - other.hi).days
        return 0
