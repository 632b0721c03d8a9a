"""Merge the slide sequences of several sources of one lecture: best text per slide, nothing lost."""

from __future__ import annotations

from lecturekit.cleaner.align import align
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.normalize import is_ocr_noise
from lecturekit.cleaner.similarity import ordered_union
from lecturekit.models import Removal, RemovalReason


def merge_sources(decks: list[list[Draft]]) -> list[Draft]:
    """One slide sequence from the decks of one lecture, best-ranked deck first."""
    ordered = sorted((d for d in decks if d), key=lambda deck: (_deck_rank(deck), deck[0].source))
    if not ordered:
        return []
    merged = ordered[0]
    for deck in ordered[1:]:
        merged = _merge_two(merged, deck)
    return merged


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
    union = ordered_union(winner.lines, loser.lines)
    lines = union.lines
    if lines[0] != winner.title:  # the loser's title, when it differs, is a variant, not the title
        lines.remove(winner.title)
        lines.insert(0, winner.title)
    kept, dropped = [], []
    for line in lines:
        (dropped if line in union.added and is_ocr_noise(line) and loser.ocr_like else kept).append(line)
    where = f"{loser.source} p{loser.pages[0].page}"
    removed = [*winner.removed, *loser.removed]
    if union.variants or dropped:
        removed.append(Removal(source=loser.source, page=loser.pages[0].page,
                               text="\n".join([*union.variants, *dropped]), reason=RemovalReason.DUPLICATE,
                               detail=f"same slide read from {winner.source}; its text won"))
    return winner.model_copy(update={
        "title": kept[0],
        "body": kept[1:],
        "pages": [*winner.pages, *loser.pages],
        "merged_by": [*winner.merged_by, *loser.merged_by, f"aligned: {where} into {winner.source}"],
        "removed": removed,
    })
