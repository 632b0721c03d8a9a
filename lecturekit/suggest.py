"""Did-you-mean hints for a mistyped id or setting: the closest known name, scored by rapidfuzz."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

CLOSE_ENOUGH = 70  # rapidfuzz WRatio: typos and a dropped word score above it, unrelated names below


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """The hint ` (did you mean 'x'?)` for the known name closest to WORD, or "" when none is close."""
    names = sorted(set(known))
    best = process.extractOne(word, names, scorer=fuzz.WRatio, score_cutoff=CLOSE_ENOUGH) if names else None
    return f" (did you mean {best[0]!r}?)" if best else ""
