"""What grouping computes per deck, per pair of decks and per course, kept between builds by the decks' keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from lecturekit.cache import Cache, content_key

Value = TypeVar("Value")


class GroupingCache:
    """MinHash signatures per deck, alignment scores per pair and whole groupings, keyed by the decks' keys.

    A deck's key hashes its source and the cleaner's code, so a hit is exactly what recomputing would
    give; a deck without a key (cleaned outside the cache) is always recomputed.
    """

    def __init__(self, cache: Cache | None = None) -> None:
        self.cache = cache or Cache("grouping")

    def signature(self, deck_key: str, kind: str, compute: Callable[[], list[int]]) -> list[int]:
        """The deck's MinHash hash values of KIND (scheme and size): cached, else COMPUTE()."""
        return self._cached(_key("minhash", kind, deck_key), compute)

    def score(self, first_key: str, second_key: str, compute: Callable[[], float]) -> float:
        """The alignment score of two decks (in this order): cached, else COMPUTE()."""
        return self._cached(_key("alignment", "", first_key, second_key), compute)

    def groups(self, deck_keys: list[str], compute: Callable[[], list[Any]]) -> list[Any]:
        """The grouping of exactly these decks (in this order), as JSON values: cached, else COMPUTE()."""
        return self._cached(_key("groups", "", *deck_keys) if deck_keys else None, compute)

    def _cached(self, key: str | None, compute: Callable[[], Value]) -> Value:
        if key is not None and (hit := self.cache.get(key)) is not None:
            return hit
        value = compute()
        if key is not None:
            self.cache.put(key, value)
        return value


def _key(what: str, kind: str, *deck_keys: str) -> str | None:
    """The cache key of WHAT over these decks, or None when a deck has no key (nothing to reuse)."""
    return content_key(what, kind, *deck_keys) if all(deck_keys) else None
