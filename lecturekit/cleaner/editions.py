"""Link two editions of a lecture (e.g. 2024 and 2026) slide by slide: unchanged, edited, new, removed."""

from __future__ import annotations

from rapidfuzz import fuzz

from lecturekit.cleaner.align import align
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.similarity import body_key, line_key, title_similarity
from lecturekit.models import EditionLink, Lecture, SlideDiff, SlideStatus

SAME_TITLE = 0.9
EDITED_MIN = 0.6  # below this two slides of different years are one removed and one new slide
TITLE_WEIGHT = 0.4
SAME_TITLE_BASE = 0.75  # a slide that keeps its title is that slide edited, whatever its body became
FIGURE_BODY = 0.5


def edition_similarity(older: Draft, newer: Draft) -> float:
    """How likely NEWER is OLDER edited: a kept title counts most, else title and body together."""
    title = title_similarity(older.title, newer.title)
    if title >= SAME_TITLE:
        return SAME_TITLE_BASE + (1 - SAME_TITLE_BASE) * _body_similarity(older.body, newer.body)
    if not older.body or not newer.body:
        return title  # a title-only slide (a figure) is known by its title alone
    return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * _body_similarity(older.body, newer.body)


def _body_similarity(a: list[str], b: list[str]) -> float:
    """Similarity 0..1 of two bodies that a few shared words cannot fake (set and sorted tokens averaged)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return FIGURE_BODY  # a title-only slide's content is a figure: unknown, not different
    # token_set alone scores 100 whenever one body's words are a subset of the other's ("Deep Learning").
    key_a, key_b = body_key(tuple(a)), body_key(tuple(b))
    return (fuzz.token_set_ratio(key_a, key_b) + fuzz.token_sort_ratio(key_a, key_b)) / 200.0


def edition_links(
    older: Lecture, older_drafts: list[Draft], newer: Lecture, newer_drafts: list[Draft]
) -> tuple[EditionLink, EditionLink]:
    """The links (older → newer, newer → older); statuses read in time order in both."""
    diffs = []
    for pair in align(older_drafts, newer_drafts, edition_similarity, EDITED_MIN):
        old = older.slides[pair.a].id if pair.a is not None else None
        new = newer.slides[pair.b].id if pair.b is not None else None
        if pair.a is None:
            status = SlideStatus.NEW
        elif pair.b is None:
            status = SlideStatus.REMOVED
        else:
            same = _key(older_drafts[pair.a]) == _key(newer_drafts[pair.b])
            status = SlideStatus.UNCHANGED if same else SlideStatus.EDITED
        diffs.append((old, new, status))
    from_older = EditionLink(
        lecture=newer.id, slides=[SlideDiff(slide=o, other=n, status=s) for o, n, s in diffs]
    )
    from_newer = EditionLink(
        lecture=older.id, slides=[SlideDiff(slide=n, other=o, status=s) for o, n, s in diffs]
    )
    return from_older, from_newer


def _key(draft: Draft) -> list[str]:
    return [k for k in (line_key(t) for t in draft.lines) if k]
