"""Fixed-size MinHash signatures of a deck's shingles and a banded LSH index over them, in numpy."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

NUM_PERM = 64
# Bands × rows: two signatures are candidates when all rows of one band agree, which happens with
# probability 1 - (1 - s²)³² for Jaccard similarity s: one half at s ≈ 0.15, 0.99 at s ≈ 0.38.
LSH_BANDS, LSH_ROWS = 32, 2
# The "affine32" scheme of datasketch ≥ 2.0 (whose MinHash these values equal): a 32-bit SHA-1 hash,
# mixed by MurmurHash3's finalizer, then a·h + b with odd a, wrapping at 2³². Named in cache keys, so
# hash values made another way are never reused.
SCHEME = "affine32"
SEED = 1
MAX_HASH = (1 << 32) - 1
FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM affine maps h → a·h + b (mod 2³²), a odd: each a bijection, so they add no collisions."""
    rng = np.random.RandomState(SEED)
    a = rng.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = rng.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _hash32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.sha1(shingle).digest()[:4], "little")


def _fmix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: spreads similar inputs over the whole range (a bijection)."""
    shift1, multiplier1, shift2, multiplier2, shift3 = FMIX
    values = (values ^ (values >> shift1)) * multiplier1
    values = (values ^ (values >> shift2)) * multiplier2
    return values ^ (values >> shift3)


def signature(shingles: Iterable[bytes]) -> list[int]:
    """The NUM_PERM minimum hash values of SHINGLES (every one MAX_HASH when there are none)."""
    hashes = _fmix(np.fromiter((_hash32(s) for s in shingles), dtype=np.uint32))
    if not hashes.size:
        return [MAX_HASH] * NUM_PERM
    a, b = _permutations()
    return [int(value) for value in (np.outer(hashes, a) + b).min(axis=0)]


def jaccard(first: list[int], second: list[int]) -> float:
    """The Jaccard similarity of two shingle sets, estimated from their signatures."""
    return sum(x == y for x, y in zip(first, second, strict=True)) / NUM_PERM


class LshIndex:
    """Signatures by band: QUERY returns the keys of every signature that agrees on all rows of some band."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)

    def insert(self, key: str, values: list[int]) -> None:
        for band in _bands(values):
            self._buckets[band].append(key)

    def query(self, values: list[int]) -> list[str]:
        return sorted({key for band in _bands(values) for key in self._buckets.get(band, [])})


def _bands(values: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    return [(band, tuple(values[band * LSH_ROWS : (band + 1) * LSH_ROWS])) for band in range(LSH_BANDS)]
