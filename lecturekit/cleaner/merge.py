"""Merge the slide sequences of several sources of one lecture: best text per slide, nothing lost."""

from __future__ import annotations

from lecturekit.cleaner.align import align
from lecturekit.cleaner.builds import collapse_steps
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.lexicon import reads_as_words
from lecturekit.cleaner.similarity import ordered_union, words
from lecturekit.models import Removal, RemovalReason


def merge_sources(decks: list[list[Draft]]) -> list[Draft]:
    """One slide sequence from the decks of one lecture, best-ranked deck first."""
    ordered = sorted((d for d in decks if d), key=lambda deck: (_deck_rank(deck), deck[0].source))
    if not ordered:
        return []
    merged = ordered[0]
    for deck in ordered[1:]:
        merged = _merge_two(merged, deck)
    # Sources that order slides differently leave a slide twice in the merged sequence: fold it.
    return collapse_steps(merged) if len(ordered) > 1 else merged


def _deck_rank(deck: list[Draft]) -> tuple[float, ...]:
    ranks = [d.rank() for d in deck]
    return tuple(sum(r[k] for r in ranks) / len(ranks) for k in range(3))


def _merge_two(base: list[Draft], other: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for pair in align(base, other):
        if pair.a is not None and pair.b is not None:
            out.append(merge_slide(base[pair.a], other[pair.b]))
        else:
            out.append(base[pair.a] if pair.a is not None else other[pair.b])
    return out


def merge_slide(a: Draft, b: Draft) -> Draft:
    """One slide read by two sources: the better text wins, lines only the other has are kept."""
    winner, loser = (a, b) if a.rank() <= b.rank() else (b, a)
    union = ordered_union(winner.body, loser.body)
    # Aligned slides share their title: the loser's title, when it reads differently, is a variant.
    title_variants = [loser.title] if loser.title != winner.title else []
    # Lines only an OCR reading has are kept when they read as words; garbled figure text is recorded.
    vocabulary = words(winner.lines)
    kept, dropped = [winner.title], []
    for line in union.lines:
        garbled = line in union.added and loser.ocr_like and not reads_as_words(line, vocabulary)
        (dropped if garbled else kept).append(line)
    where = f"{loser.source} p{loser.pages[0].page}"
    removed = [*winner.removed, *loser.removed]
    if title_variants or union.variants or dropped:
        removed.append(Removal(source=loser.source, page=loser.pages[0].page,
                               text="\n".join([*title_variants, *union.variants, *dropped]), reason=RemovalReason.DUPLICATE,
                               detail=f"same slide read from {winner.source}; its text won"))
    return winner.model_copy(update={
        "title": kept[0],
        "body": kept[1:],
        "pages": [*winner.pages, *loser.pages],
        "merged_by": [*winner.merged_by, *loser.merged_by, f"aligned: {where} into {winner.source}"],
        "removed": removed,
    })
