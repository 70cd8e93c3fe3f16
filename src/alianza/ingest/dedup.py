"""Near-duplicate detection: MinHash signatures (datasketch) and LSH bands kept in the store.

Wire copies republished by many sites differ by a headline, a byline, a trimmed paragraph, a few
words changed by an editor. Each article's body becomes a set of word 4-gram shingles; its 128-value
MinHash signature is cut into 32 bands of 4 rows, and the hash of each band is stored. Articles that
share a band are candidates; a candidate whose estimated Jaccard similarity reaches the threshold
(0.7 by default) is a near duplicate. With 32x4 bands a pair at similarity 0.7 becomes a candidate
with probability 0.9998, a pair at 0.3 with 0.23 (then refused by the signature comparison). Two
different stories on one event share well under 0.2 of their 4-grams. The bands live in DuckDB, so
a later ingest finds copies of articles stored by an earlier one, and memory does not grow with the
corpus. The estimate has a standard error of about 0.04 at 128 values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..textutil import fold, words

NUM_PERM = 128
BANDS, ROWS = 32, 4
SHINGLE = 4
MIN_WORDS = 25  # below this, shingles are too few for a similarity to mean anything: exact match only
DEFAULT_THRESHOLD = 0.7


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray  # uint32[NUM_PERM]
    bands: tuple[int, ...]  # one signed 64-bit hash per band, for the store's index

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @staticmethod
    def values_from(blob: bytes) -> np.ndarray:
        return np.frombuffer(blob, dtype="<u4")


@lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=42)  # permutations are built once, then copied


def shingles(text: str) -> set[bytes]:
    toks = [fold(w) for _s, _e, w in words(text) if w[0].isalnum()]
    if len(toks) < SHINGLE:
        return set()
    return {" ".join(toks[i : i + SHINGLE]).encode("utf-8") for i in range(len(toks) - SHINGLE + 1)}


def signature(text: str) -> Signature | None:
    """None for texts too short to compare by similarity."""
    sh = shingles(text)
    if len(sh) < MIN_WORDS - SHINGLE + 1:
        return None
    m = _template().copy()
    m.update_batch(list(sh))
    values = np.asarray(m.hashvalues, dtype=np.uint32)
    bands = tuple(
        int.from_bytes(
            hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(), "little", signed=True
        )
        for b in range(BANDS)
    )
    return Signature(values, bands)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / NUM_PERM
