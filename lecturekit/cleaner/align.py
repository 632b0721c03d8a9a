"""Needleman-Wunsch alignment of two slide sequences over title and body similarity."""

from __future__ import annotations

from collections.abc import Callable

from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.similarity import text_similarity, title_similarity
from lecturekit.models import Model

MATCH_FLOOR = 0.5  # a pair scores sim - floor: weak pairs cost more than leaving both unmatched
STRONG_MATCH = 0.6
TITLE_AGREES = 0.5


class Pair(Model):
    """One step of an alignment: indexes into the two sequences (None for a gap) and their similarity."""

    a: int | None
    b: int | None
    similarity: float = 0.0


def slide_similarity(a: Draft, b: Draft) -> float:
    """Similarity 0..1 of two slides: titles and bodies together, title alone for title-only slides."""
    title = title_similarity(a.title, b.title)
    if not a.body and not b.body:
        return title
    if not a.body or not b.body:
        return 0.75 * title
    combined = 0.4 * title + 0.6 * text_similarity(a.body, b.body)
    # Similar bodies under clearly different titles are different slides (an ICE repeating a list).
    return combined if title >= TITLE_AGREES else combined * title / TITLE_AGREES


def align(
    first: list[Draft],
    second: list[Draft],
    similarity: Callable[[Draft, Draft], float] = slide_similarity,
    floor: float = MATCH_FLOOR,
) -> list[Pair]:
    """The best order-preserving pairing of two slide sequences (gaps where a slide has no partner).

    A pair scores SIMILARITY - FLOOR, so pairs below FLOOR are never made.
    """
    n, m = len(first), len(second)
    sim = [[similarity(a, b) for b in second] for a in first]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i][j] = max(
                score[i - 1][j], score[i][j - 1], score[i - 1][j - 1] + sim[i - 1][j - 1] - floor
            )
    pairs: list[Pair] = []
    i, j = n, m
    while i > 0 or j > 0:
        if (
            i > 0
            and j > 0
            and sim[i - 1][j - 1] > floor
            and abs(score[i][j] - (score[i - 1][j - 1] + sim[i - 1][j - 1] - floor)) < 1e-9
        ):
            pairs.append(Pair(a=i - 1, b=j - 1, similarity=sim[i - 1][j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and (j == 0 or score[i][j] == score[i - 1][j]):
            pairs.append(Pair(a=i - 1, b=None))
            i -= 1
        else:
            pairs.append(Pair(a=None, b=j - 1))
            j -= 1
    return pairs[::-1]


def alignment_score(first: list[Draft], second: list[Draft]) -> float:
    """Share of the shorter sequence's slides that align strongly with the other sequence."""
    if not first or not second:
        return 0.0
    strong = sum(
        1
        for p in align(first, second)
        if p.a is not None and p.b is not None and p.similarity >= STRONG_MATCH
    )
    return strong / min(len(first), len(second))
