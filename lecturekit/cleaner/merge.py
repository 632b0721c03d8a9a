"""Merge the slide sequences of several sources of one lecture: best text per slide, nothing lost."""

from __future__ import annotations

from lecturekit.cleaner.align import align
from lecturekit.cleaner.builds import collapse_steps, join_hyphen_breaks
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.lexicon import KNOWN_SHARE, SLIDE_KNOWN_SHARE, reads_as_words
from lecturekit.cleaner.similarity import ordered_union, words
from lecturekit.models import Removal, RemovalReason


def merge_sources(decks: list[list[Draft]]) -> list[Draft]:
    """One slide sequence from the decks of one lecture, best-ranked deck first."""
    ordered = sorted((d for d in decks if d), key=lambda deck: (_deck_rank(deck), deck[0].source))
    if not ordered:
        return []
    merged = ordered[0]
    # The lecture's own words (from its best source) vouch for names a dictionary lacks ("Adagrad").
    vocabulary = words([line for draft in ordered[0] for line in draft.lines])
    best_is_ocr = all(draft.ocr_like for draft in ordered[0])
    for deck in ordered[1:]:
        merged = _merge_two(merged, deck, vocabulary, best_is_ocr)
    # Sources that order slides differently leave a slide twice in the merged sequence: fold it.
    return collapse_steps(merged) if len(ordered) > 1 else merged


def _deck_rank(deck: list[Draft]) -> tuple[float, ...]:
    ranks = [d.rank() for d in deck]
    return tuple(sum(r[k] for r in ranks) / len(ranks) for k in range(3))


def _merge_two(base: list[Draft], other: list[Draft], vocabulary: set[str], best_is_ocr: bool) -> list[Draft]:
    out: list[Draft] = []
    for pair in align(base, other):
        if pair.a is not None and pair.b is not None:
            out.append(merge_slide(base[pair.a], other[pair.b], vocabulary))
        elif pair.a is not None:
            out.append(base[pair.a])
        elif pair.b is not None:
            only = other[pair.b]
            out.append(drop_unread_lines(only, vocabulary) if only.ocr_like and not best_is_ocr else only)
    return out


def merge_slide(a: Draft, b: Draft, vocabulary: set[str] | None = None) -> Draft:
    """One slide read by two sources: the better text wins, lines only the other has are kept."""
    winner, loser = (a, b) if a.rank() <= b.rank() else (b, a)
    union = ordered_union(winner.body, loser.body)
    # Aligned slides share their title: the loser's title, when it reads differently, is a variant.
    title_variants = [loser.title] if loser.title != winner.title else []
    # Lines only an OCR reading has are kept when they read as words; garbled figure text is recorded.
    known = words(winner.lines) | (vocabulary or set())
    kept: list[str] = [winner.title]
    dropped: list[str] = []
    for line in union.lines:
        garbled = line in union.added and loser.ocr_like and not reads_as_words(line, known, KNOWN_SHARE)
        (dropped if garbled else kept).append(line)
    where = f"{loser.source} p{loser.pages[0].page}"
    removed = [*winner.removed, *loser.removed]
    if title_variants or union.variants:
        removed.append(
            Removal(
                source=loser.source,
                page=loser.pages[0].page,
                text="\n".join([*title_variants, *union.variants]),
                reason=RemovalReason.DUPLICATE,
                detail=f"same lines read from {winner.source}; its text won",
            )
        )
    if dropped:
        removed.append(
            _unread(loser, dropped, f"only {loser.source} has these lines and they do not read as words")
        )
    kept = join_hyphen_breaks(kept)
    return winner.model_copy(
        update={
            "title": kept[0],
            "body": kept[1:],
            "pages": [*winner.pages, *loser.pages],
            "merged_by": [*winner.merged_by, *loser.merged_by, f"aligned: {where} into {winner.source}"],
            "removed": removed,
        }
    )


def drop_unread_lines(draft: Draft, vocabulary: set[str]) -> Draft:
    """An OCR slide no better source has, without the body lines that do not read as words."""
    known = words(draft.lines) | vocabulary
    kept = [line for line in draft.body if reads_as_words(line, known, SLIDE_KNOWN_SHARE)]
    if len(kept) == len(draft.body):
        return draft
    dropped = [line for line in draft.body if line not in kept]
    removal = _unread(draft, dropped, "slide only in this OCR source; these lines do not read as words")
    return draft.model_copy(update={"body": kept, "removed": [*draft.removed, removal]})


def _unread(draft: Draft, lines: list[str], why: str) -> Removal:
    return Removal(
        source=draft.source,
        page=draft.pages[0].page,
        text="\n".join(lines),
        reason=RemovalReason.DECORATION,
        detail=f"OCR noise: {why}",
    )
